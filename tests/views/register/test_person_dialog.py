"""The person dialog driven as a clerk would: type, pick, add honors, save, reopen, record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.register.types import HonorDraft, PersonDraft
from desktop.services.workspace import Workspace
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.register.person_dialog import PersonDialog
from desktop.views.register.person_timeline import StatusChangeDialog
from tests.views.dialog_driver import on_next_modal

BIRTH = dt.date(1968, 3, 2)
ID_MALE = idnumber.make("330522", BIRTH, 123)




def _dialog(qtbot: QtBot, ws: Workspace, person_id: uuid.UUID | None = None) -> PersonDialog:
    dialog = PersonDialog(ws, person_id)
    qtbot.addWidget(dialog)
    return dialog


def _settled(qtbot: QtBot, dialog: PersonDialog, *, can_save: bool) -> None:
    """Wait for the debounced validation to catch up with what was typed."""
    qtbot.waitUntil(lambda: not dialog._timer.isActive(), timeout=5000)
    assert dialog.save_button.isEnabled() is can_save, (
        dialog.general.text(), {n: b.problem.text() for n, b in dialog.fields.boxes.items()
                                if b.problem.text()}, dialog.honors.problems.text())


def _problem(dialog: PersonDialog, field: str) -> str:
    box = dialog.fields.boxes[field]
    return box.problem.text() if not box.problem.isHidden() else ""


def _stored(ws: Workspace, **changes: object) -> uuid.UUID:
    draft = dataclasses.replace(
        PersonDraft(name="沈建华", district="长兴县", id_number=ID_MALE), **changes)
    return ws.persons().create(draft)


def test_create_through_the_dialog_then_edit_shows_the_values(qtbot: QtBot,
                                                              ws: Workspace) -> None:
    created: list[uuid.UUID | None] = []

    def fill_and_save(widget: QWidget) -> None:
        assert isinstance(widget, PersonDialog)
        dialog = widget
        f = dialog.fields.editors
        assert not dialog.save_button.isEnabled()  # no name yet
        assert _problem(dialog, "name") == ""  # … but no scolding before typing
        f["name"].setText("朱荣荣")
        qtbot.keyClicks(f["id_number"], ID_MALE)
        assert f["birth_date"].text() == "1968-03-02"
        assert f["sex"].currentText() == "男"
        f["ethnicity"].select_label("汉族")
        f["political_status"].select_label("中国共产党党员")
        f["party_join_date"].setText("1990.7.1")
        f["marital_status"].select_label("已婚")
        dialog.tabs.setCurrentIndex(1)
        f["work_unit"].setText("长兴华源纺织有限公司")
        f["position"].setText("车间主任")
        f["employment_status"].select_label("在职")
        f["mobile"].setText("13812345678")
        f["hukou_region"].select_label("长兴县 330522")
        f["monthly_income"].setText("4500.5")
        f["household_size"].setText("3")
        dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(dialog.honors))
        qtbot.mouseClick(dialog.honors.findChild(QWidget, "addHonor"),
                         Qt.MouseButton.LeftButton)
        row = dialog.honors.rows[0]
        row.title.setEditText("浙江省劳动模范")
        assert row.level.currentText() == "省部级"  # suggested by the title
        row.year.setText("2015")
        row.granting_body.setEditText("浙江省人民政府")
        qtbot.mouseClick(dialog.honors.findChild(QWidget, "addHonor"),
                         Qt.MouseButton.LeftButton)
        second = dialog.honors.rows[1]
        second.title.setEditText("长兴县劳动模范")
        second.year.setText("2009")
        assert second.level.currentText() == "县级"
        assert "省部级" in dialog.honors.derived.text()
        _settled(qtbot, dialog, can_save=True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_next_modal(fill_and_save)
    created.append(PersonDialog.create(ws))
    person_id = created[0]
    assert person_id is not None

    dialog = _dialog(qtbot, ws, person_id)
    f = dialog.fields.editors
    assert f["name"].text() == "朱荣荣"
    assert f["id_number"].text() == idnumber.mask(ID_MALE)  # masked until revealed
    assert f["birth_date"].text() == "1968-**-**"  # the day is part of the masked number
    assert f["sex"].currentText() == "男"
    assert f["ethnicity"].currentText() == "汉族"
    assert f["political_status"].currentText() == "中国共产党党员"
    assert f["party_join_date"].text() == "1990-07-01"
    assert f["work_unit"].text() == "长兴华源纺织有限公司"
    assert f["employment_status"].currentText() == "在职"
    assert f["hukou_region"].currentText() == "长兴县 330522"
    assert f["monthly_income"].text() == "4500.50"
    assert f["household_size"].text() == "3"
    titles = [(r.title.currentText(), r.level.currentText(), r.year.text())
              for r in dialog.honors.rows]
    assert sorted(titles) == [("浙江省劳动模范", "省部级", "2015"),
                              ("长兴县劳动模范", "县级", "2009")]
    assert "待遇级别：省部级" in dialog.header.text()
    assert dialog.save_button.isEnabled()  # the masked number counts as unchanged
    events = dialog.timeline.table if dialog.timeline else None
    assert events is not None and events.item(0, 1).text() == "建档"

    # an edit saved through the dialog is stored
    f["position"].setText("副总经理")
    _settled(qtbot, dialog, can_save=True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ws.persons().get(person_id).draft.position == "副总经理"


def test_typing_an_id_fills_birth_and_sex_and_warns_on_a_mismatch(qtbot: QtBot,
                                                                   ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    f = dialog.fields.editors
    f["name"].setText("朱荣荣")
    qtbot.keyClicks(f["id_number"], ID_MALE[:10])
    assert "18 位" in _problem(dialog, "id_number")  # still typing: the length is said
    qtbot.keyClicks(f["id_number"], ID_MALE[10:])
    assert _problem(dialog, "id_number") == ""
    assert f["birth_date"].value() == BIRTH and f["sex"].value() == "1"
    _settled(qtbot, dialog, can_save=True)
    f["sex"].select_label("女")
    _settled(qtbot, dialog, can_save=False)
    warning = dialog.fields.boxes["id_number"].warning
    assert not warning.isHidden() and "身份证号码显示性别为男" in warning.text()
    assert "性别与身份证号码不符" in _problem(dialog, "sex")


def test_a_wrong_check_character_is_explained_inline(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    dialog.fields.editors["name"].setText("朱荣荣")
    wrong = ID_MALE[:-1] + ("0" if ID_MALE[-1] != "0" else "1")
    qtbot.keyClicks(dialog.fields.editors["id_number"], wrong)
    assert "校验位不符" in _problem(dialog, "id_number")  # as typed, before any debounce
    _settled(qtbot, dialog, can_save=False)
    assert "校验位不符" in _problem(dialog, "id_number")
    assert dialog.tabs.tabBar().tabTextColor(0).name() == "#b00020"
    assert dialog.fields.editors["birth_date"].text() == ""  # a bad number fills nothing


def test_a_latin_name_is_refused_inline(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    dialog.fields.editors["name"].setText("Zhu荣荣")
    _settled(qtbot, dialog, can_save=False)
    assert "姓名只能由汉字" in _problem(dialog, "name")
    dialog.fields.editors["name"].setText("𠮷荣")  # a rare character is a Chinese name
    _settled(qtbot, dialog, can_save=True)
    assert _problem(dialog, "name") == ""


def test_an_override_without_reason_blocks_save(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    dialog.fields.editors["name"].setText("朱荣荣")
    honors = dialog.honors
    assert not honors.override_reason.isEnabled()
    honors.override.setCurrentIndex(honors.override.findData("全国"))
    assert honors.override_reason.isEnabled()
    _settled(qtbot, dialog, can_save=False)
    assert "请填写理由" in honors.reason_box.problem.text()
    honors.override_reason.setText("市委决定享受全国劳模待遇")
    _settled(qtbot, dialog, can_save=True)
    assert honors.reason_box.problem.isHidden()


def test_an_honor_in_the_future_marks_its_cell(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    dialog.fields.editors["name"].setText("朱荣荣")
    row = dialog.honors.add_row()
    row.title.setEditText("湖州市劳动模范")
    row.year.setText(str(dt.date.today().year + 1))
    _settled(qtbot, dialog, can_save=False)
    assert "第 1 项荣誉" in dialog.honors.problems.text()
    assert "晚于今年" in row.year.toolTip()


def test_a_duplicate_id_links_to_the_existing_record(qtbot: QtBot, ws: Workspace) -> None:
    existing = _stored(ws, name="沈建华")
    dialog = _dialog(qtbot, ws)
    dialog.fields.editors["name"].setText("沈建华")
    dialog.fields.editors["id_number"].setText(ID_MALE)
    _settled(qtbot, dialog, can_save=False)
    assert "已登记在“沈建华”名下" in _problem(dialog, "id_number")
    assert not dialog.open_existing.isHidden()
    assert dialog.open_existing.text() == "打开已有记录"
    opened: list[str] = []

    def look(widget: QWidget) -> None:
        assert isinstance(widget, PersonDialog) and widget.person_id == existing
        opened.append(widget.fields.editors["name"].text())
        widget.done(QDialog.DialogCode.Rejected)

    on_next_modal(look)
    qtbot.mouseClick(dialog.open_existing, Qt.MouseButton.LeftButton)
    assert opened == ["沈建华"]


def _rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _answer_status(reason: str, date: str | None = None):  # type: ignore[no-untyped-def]
    def act(widget: QWidget) -> None:
        assert isinstance(widget, StatusChangeDialog)
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # a reason is required
        if date is not None:
            widget.fields["date"].setText(date)
        widget.fields["reason"].setText(reason)
        assert ok.isEnabled()
        ok.click()
    return act


def _save(qtbot: QtBot, dialog: PersonDialog) -> None:
    _settled(qtbot, dialog, can_save=True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.general.text()


def test_death_shows_in_the_timeline_and_undo_takes_it_back(qtbot: QtBot,
                                                            ws: Workspace) -> None:
    person_id = _stored(ws)
    dialog = _dialog(qtbot, ws, person_id)
    timeline = dialog.timeline
    assert timeline is not None
    on_next_modal(_answer_status("病故", "2025-03-01"))
    qtbot.mouseClick(timeline.buttons["death"], Qt.MouseButton.LeftButton)
    rows = _rows(timeline.table)
    assert ["2025-03-01", "去世（待保存）", "病故"] in [r[:3] for r in rows]
    assert next(r for r in rows if r[1] == "去世（待保存）")[4] == "管理员"  # not the log-in
    assert "保存" in timeline.hint.text()
    _save(qtbot, dialog)
    assert dialog.changed_anything
    assert ws.persons().get(person_id).life_status == "deceased"

    dialog = _dialog(qtbot, ws, person_id)
    timeline = dialog.timeline
    assert timeline is not None
    rows = _rows(timeline.table)
    assert next(r for r in rows if r[1] == "去世")[4] == "管理员"  # 记录人: the name, not admin
    assert "已故（2025-03-01）" in dialog.header.text()
    on_next_modal(_answer_status("录入错误"))
    qtbot.mouseClick(timeline.buttons["undo"], Qt.MouseButton.LeftButton)
    assert ws.persons().get(person_id).life_status == "deceased"  # not before 保存
    _save(qtbot, dialog)
    after = ws.persons().get(person_id)
    assert after.life_status == "alive"
    assert any(e.kind == "death" and e.undone for e in after.events)


def test_status_changes_are_pending_until_save_and_dropped_by_cancel(
        qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14, point 8: 退休 entered in the person dialog shows as 待保存, 取消 drops it (the
    database never saw it), 保存 records it with the edited fields in one go; the form no
    longer says 立即记录."""
    person_id = _stored(ws, employment_status="在职", position="工人")
    dialog = _dialog(qtbot, ws, person_id)
    timeline = dialog.timeline
    assert timeline is not None
    notes: list[str] = []

    def retire(widget: QWidget) -> None:
        assert isinstance(widget, StatusChangeDialog)
        notes.append(widget.note.text())
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        notes.append(ok.text())
        _answer_status("到龄退休", "2024-06-01")(widget)

    on_next_modal(retire)
    qtbot.mouseClick(timeline.buttons["retire"], Qt.MouseButton.LeftButton)
    assert "立即" not in "".join(notes) and "保存" in notes[0] and "取消" in notes[0]
    assert ["2024-06-01", "退休（待保存）", "到龄退休"] in [r[:3] for r in _rows(timeline.table)]
    assert ws.persons().get(person_id).draft.employment_status == "在职"
    assert len(ws.persons().get(person_id).events) == 1  # only the creation

    asked: list[str] = []

    def discard(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(discard))
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert asked and dialog.result() == QDialog.DialogCode.Rejected
    stored = ws.persons().get(person_id)
    assert stored.draft.employment_status == "在职" and len(stored.events) == 1

    # again, with an edit of the form: both are written by 保存
    dialog = _dialog(qtbot, ws, person_id)
    assert dialog.timeline is not None
    dialog.fields.editors["position"].setText("班组长")
    on_next_modal(_answer_status("到龄退休", "2024-06-01"))
    qtbot.mouseClick(dialog.timeline.buttons["retire"], Qt.MouseButton.LeftButton)
    _save(qtbot, dialog)
    stored = ws.persons().get(person_id)
    assert stored.draft.employment_status == "离退休" and stored.draft.position == "班组长"
    assert sorted(e.kind for e in stored.events) == ["create", "retire"]


def test_revoking_a_stored_honor_records_a_status_change(qtbot: QtBot, ws: Workspace) -> None:
    person_id = _stored(ws, honors=(
        HonorDraft(title="浙江省劳动模范", level="省部级", year=2015),
        HonorDraft(title="长兴县劳动模范", level="县级", year=2009)))
    dialog = _dialog(qtbot, ws, person_id)
    r = next(i for i, row in enumerate(dialog.honors.rows)
             if row.title.currentText() == "浙江省劳动模范")
    dialog.honors.table.setCurrentCell(r, 0)

    def act(widget: QWidget) -> None:
        assert isinstance(widget, StatusChangeDialog)
        checked = [c.text() for c, _ in widget.honor_checks if c.isChecked()]
        assert checked == ["浙江省劳动模范（省部级，2015）"]
        _answer_status("弄虚作假")(widget)

    on_next_modal(act)
    qtbot.mouseClick(dialog.honors.findChild(QWidget, "revokeHonor"),
                     Qt.MouseButton.LeftButton)
    assert dialog.timeline is not None
    assert "撤销称号（待保存）" in [r[1] for r in _rows(dialog.timeline.table)]
    _save(qtbot, dialog)
    assert ws.persons().get(person_id).treatment_level == "县级"


def test_a_stale_record_is_reloaded_with_a_message(qtbot: QtBot, ws: Workspace) -> None:
    person_id = _stored(ws, position="工人")
    dialog = _dialog(qtbot, ws, person_id)
    # someone else saves first
    other = ws.persons().get(person_id)
    ws.persons().update(person_id, dataclasses.replace(other.draft, position="班组长"),
                        expected_version=other.row_version)
    dialog.fields.editors["work_unit"].setText("长兴县人民医院")
    _settled(qtbot, dialog, can_save=True)
    messages: list[str] = []

    def read(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        messages.append(widget.text())
        widget.accept()

    on_next_modal(read)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert messages and "已被他人修改" in messages[0]
    assert dialog.isHidden() or dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.fields.editors["position"].text() == "班组长"  # reloaded
    assert dialog.fields.editors["work_unit"].text() == ""


def test_reveal_needs_a_reason_and_shows_the_number(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws, _stored(ws))
    button = dialog.fields.reveal_button
    assert not button.isHidden()

    def give_reason(widget: QWidget) -> None:
        assert isinstance(widget, ReasonDialog)
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        widget.reason.setText("核对社保信息")
        ok.click()

    on_next_modal(give_reason)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.fields.editors["id_number"].text() == ID_MALE
    assert button.isHidden()
    assert not dialog.is_dirty()
    entries = ws.audit().recent(20)
    assert any(e.action == "person.reveal_id" for e in entries)


def test_a_viewer_reads_the_record_without_edit_controls(qtbot: QtBot, db: Database,
                                                         ws: Workspace) -> None:
    person_id = _stored(ws)
    svc = accounts.AccountService(db.sessions)
    svc.create_user(ws.actor, name="viewer1", display_name="只读", role=Role.VIEWER,
                    password="viewer-123")
    viewer = Workspace(db, svc.login("viewer1", "viewer-123"), ws.association)
    dialog = _dialog(qtbot, viewer, person_id)  # no error box: nothing is validated
    assert dialog.fields.editors["name"].text() == "沈建华"
    assert not dialog.fields.editors["name"].isEnabled()
    assert dialog.save_button.isHidden() and dialog.fields.reveal_button.isHidden()
    assert dialog.timeline is not None and dialog.timeline.buttons["death"].isHidden()


def test_status_history_in_date_order_with_clear_undo(qtbot: QtBot, ws: Workspace) -> None:
    """Issue 14, point 8: a death before a (pending) retirement is refused inline; the
    history is in date order, pending entries among the stored ones; 撤销上一条 on a pending
    entry drops it, on a stored one names what it undoes, and the undo reason is shown."""
    person_id = _stored(ws, employment_status="在职")
    dialog = _dialog(qtbot, ws, person_id)
    timeline = dialog.timeline
    assert timeline is not None
    seen: dict[str, str] = {}

    def note_then(act):  # type: ignore[no-untyped-def]
        def run(widget: QWidget) -> None:
            assert isinstance(widget, StatusChangeDialog)
            seen[widget.kind] = widget.note.text()
            act(widget)
        return run

    on_next_modal(_answer_status("到龄退休", "2023-05-01"))
    qtbot.mouseClick(timeline.buttons["retire"], Qt.MouseButton.LeftButton)

    refused: list[str] = []

    def death_too_early(widget: QWidget) -> None:
        assert isinstance(widget, StatusChangeDialog)
        widget.fields["date"].setText("2020-02-02")
        widget.fields["reason"].setText("病故")
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        refused.append(widget.boxes["date"].problem.text())
        assert widget.isVisible()  # stays open with the message under the date
        widget.reject()
    on_next_modal(death_too_early)
    qtbot.mouseClick(timeline.buttons["death"], Qt.MouseButton.LeftButton)
    assert "2023-05-01" in refused[0] and "去世" in refused[0]
    assert len(dialog.pending) == 1

    # entered later but dated earlier: shown below the retirement (date order, newest first)
    on_next_modal(_answer_status("联系不上", "2018-07-01"))
    qtbot.mouseClick(timeline.buttons["lost_contact"], Qt.MouseButton.LeftButton)
    dates = [r[0] for r in _rows(timeline.table)]
    assert dates == sorted(dates, reverse=True), dates
    qtbot.mouseClick(timeline.buttons["undo"], Qt.MouseButton.LeftButton)  # drops 失联
    assert [c.kind for c in dialog.pending] == ["retire"]
    on_next_modal(_answer_status("联系不上", "2018-07-01"))
    qtbot.mouseClick(timeline.buttons["lost_contact"], Qt.MouseButton.LeftButton)
    _save(qtbot, dialog)

    dialog = _dialog(qtbot, ws, person_id)
    timeline = dialog.timeline
    assert timeline is not None
    on_next_modal(note_then(_answer_status("误录")))
    qtbot.mouseClick(timeline.buttons["undo"], Qt.MouseButton.LeftButton)
    assert "失联" in seen["undo"] and "2018-07-01" in seen["undo"]
    _save(qtbot, dialog)
    dialog = _dialog(qtbot, ws, person_id)
    assert dialog.timeline is not None
    undone = next(r for r in _rows(dialog.timeline.table) if "已撤销" in r[1])
    assert undone[0] == "2018-07-01" and "误录" in undone[3]


def test_a_refused_status_change_shows_its_whole_reason(qtbot: QtBot) -> None:
    """The walk-through's death dated before a retirement: the refusal under the date wraps
    onto as many lines as it needs and the dialog grows for it (the date box was squeezed to
    a few pixels and the sentence cut after "：去世")."""
    from desktop.errors import FieldProblem, ValidationError

    def refuse(kind: str, values: dict[str, object]) -> None:
        raise ValidationError([FieldProblem("date", "death_before_event",
                                            {"date": "2018-03-31"})])

    dialog = StatusChangeDialog("death", refuse, honors=(), districts=("长兴县",),
                                preselected=None, parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.fields["reason"].setText("家属告知")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()  # stays open on a problem
    box = dialog.boxes["date"]
    label = box.problem
    assert label.isVisible() and "请核对日期" in label.text()
    assert label.height() >= label.heightForWidth(label.width())  # every line of it shown
    editor = dialog.fields["date"]
    assert editor.height() >= editor.minimumSizeHint().height()


def test_a_county_lists_its_own_and_higher_titles_and_granting_bodies(
        qtbot: QtBot, ws: Workspace) -> None:
    """授予机关 in 长兴县's register: 长兴县's bodies and the city's, province's and nation's;
    not 吴兴区's or 南浔区's."""
    dialog = _dialog(qtbot, ws)
    assert ws.association.mode == "county" and "吴兴区" in ws.association.districts
    bodies = dialog.honors._bodies
    assert "长兴县人民政府" in bodies and "湖州市总工会" in bodies and "中华全国总工会" in bodies
    assert not [b for b in bodies if "吴兴区" in b or "南浔区" in b], bodies
    titles = dialog.honors._titles  # the titles offered: the same rule
    assert "长兴县劳动模范" in titles and "湖州市劳动模范" in titles and "全国劳动模范" in titles
    assert not [t for t in titles if "吴兴区" in t or "南浔区" in t], titles


def test_household_relations_have_english_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """配偶, 子女 and 在职 in a household table read in English in English mode."""
    from desktop.views import data_words

    monkeypatch.setattr(data_words, "current_language", lambda: "en")
    assert [data_words.data_word(w) for w in ("配偶", "子女", "父母", "在职")] == [
        "Spouse", "Child", "Parent", "Employed"]


def test_duplicate_reasons_have_words() -> None:
    from desktop.views.register.duplicates_page import reason_label

    assert reason_label("same_name_other_sex") == "同名（性别不同）"
    assert reason_label("same_name") == "同名"
