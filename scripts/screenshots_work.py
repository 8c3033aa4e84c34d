"""The day-to-day windows of the user guide, shot on the demo register by scripts/screenshots.py:
import (mapping and dry run of a county roster as clerks keep it), export, the certificate and
card previews, the hardship page, file and payment, the visits schedule and week, the
recuperation batch. Every main-window page at the size of a 1366×768 laptop."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCREEN = (1366, 700)  # a 1366×768 laptop, less the taskbar and the title bar


def shoot_work(app: Any, work: Path, workspace: Any, prefs: Any, out: Path,
               suffix: str) -> None:
    from desktop.views.main_window import MainWindow

    def settle(window: Any, until: Callable[[], bool] = lambda: True) -> None:
        end = time.monotonic() + 60
        while time.monotonic() < end:
            window.tasks.wait(20000)
            app.processEvents()
            if until():
                break
            time.sleep(0.02)
        else:
            boxes = [w.text() for w in app.topLevelWidgets()
                     if w.isVisible() and type(w).__name__ == "QMessageBox"]
            raise RuntimeError(f"still waiting after a minute; messages: {boxes}")
        for _ in range(20):
            app.processEvents()

    def save(widget: Any, name: str) -> None:
        widget.grab().save(str(out / f"{name}{suffix}.png"))

    window = MainWindow(workspace, prefs)
    window.resize(*SCREEN)
    window.show()
    _import(app, work, workspace, window, settle, save)
    _export_and_previews(app, workspace, window, settle, save)
    _hardship(workspace, window, settle, save)
    _visits(workspace, window, settle, save)
    window.close()


def _open(window: Any, key: str, settle: Any) -> Any:
    page = window.page(key)
    window.nav.setCurrentRow(window.stack.indexOf(page))
    settle(window, lambda: not getattr(page, "loading", False))
    return page


def county_roster(path: Path, known: tuple[str, str]) -> None:
    """A county roster as clerks keep it: a title row, the header, a row of column numbers,
    one work unit merged over two people, one person on two rows (an honor each), an ID
    number Excel turned into a float, ``known`` (name, ID number: someone registered, with a
    new phone number), then the 合计 and 制表人 rows."""
    import openpyxl

    from desktop.core import idnumber

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "劳模名册"
    ws.append(["长兴县劳动模范名册（2026年12月）"])
    ws.merge_cells("A1:J1")
    ws.append(["序号", "姓名", "性别", "身份证号码", "出生年月", "工作单位及职务", "荣誉称号",
               "获得年份", "联系电话", "备注"])
    ws.append(list(range(1, 11)))
    people = [("钱秀英", "女", dt.date(1958, 4, 12), "长兴县雉城街道社区卫生服务中心 护士长",
               "浙江省劳动模范", 2005, ""),
              ("丁建国", "男", dt.date(1963, 9, 3), "浙江长兴电力有限公司 班长",
               "湖州市劳动模范", 2012, ""),
              ("万红梅", "女", dt.date(1970, 1, 25), "浙江长兴电力有限公司 技术员",
               "县劳模", 2016, ""),
              ("严志刚", "男", dt.date(1955, 11, 30), "长兴县和平镇长城村 村委会主任",
               "全国劳动模范", 2000, "已退休"),
              ("吴海燕", "女", dt.date(1968, 6, 8), "长兴县实验小学 教师",
               "长兴县劳动模范", 2009, ""),
              ("周国平", "男", dt.date(1961, 2, 17), "长兴县林城镇农机站 站长",
               "湖州市劳动模范", 2010, ""),
              ("徐丽萍", "女", dt.date(1972, 10, 5), "长兴县人民医院 主任医师",
               "浙江省先进工作者", 2020, "")]
    sequence = 300
    for n, (name, sex, born, unit, title, year, note) in enumerate(people, 1):
        while True:
            sequence += 1
            if (sequence % 2 == 1) != (sex == "男"):
                continue
            number = idnumber.make("330522", born, sequence)
            if number != known[1]:
                break
        cell: object = number
        if name == "周国平":
            cell = float(number[:15] + "000")  # Excel lost the last digits
        ws.append([n, name, sex, cell, f"{born.year}.{born.month:02d}", unit, title, year,
                   f"1395722{4100 + n * 7:04d}", note])
        if name == "吴海燕":  # a second honor on the row below, the rest merged over both
            ws.append(["", "", "", "", "", "", "湖州市劳动模范", 2014, "", ""])
            row = ws.max_row
            for column in "ABCDEFIJ":
                ws.merge_cells(f"{column}{row - 1}:{column}{row}")
    ws.merge_cells("F5:F6")  # 丁建国 and 万红梅: one work unit cell, as it was typed
    ws["F5"] = "浙江长兴电力有限公司"
    ws.append([len(people) + 1, known[0], "女", known[1], "1968.03",
               "长兴华源纺织有限公司 织造车间主任", "浙江省劳动模范", 2015, "13857219900", ""])
    ws.append(["合计", f"{len(people) + 1}人"])
    ws.append(["制表人：王丽华", "", "", "审核人：李明", "", "", "", "填报日期：2026年12月4日"])
    for column, width in zip("ABCDEFGHIJ", (6, 8, 6, 21, 10, 34, 18, 9, 14, 10), strict=True):
        ws.column_dimensions[column].width = width
    wb.save(path)


def _import(app: Any, work: Path, workspace: Any, window: Any, settle: Any,
            save: Any) -> None:
    from desktop.services.register.types import RegisterFilter
    from desktop.views.imports.import_wizard import ImportWizard

    path = work / "长兴县劳模名册.xlsx"
    row = workspace.register().rows(RegisterFilter(text="朱荣荣"), limit=1)[0]
    county_roster(path, (row.name, workspace.persons().reveal_id_number(row.id, "核对导入名册")))
    wizard = ImportWizard(workspace.importer(), window.tasks, window)
    wizard.file_page.path.setText(str(path))
    wizard.show()
    wizard.next()
    settle(window, wizard.mapping_page.isComplete)
    save(wizard, "import-mapping")
    wizard.next()
    settle(window, lambda: wizard.dry_page.result is not None)
    save(wizard, "import-dry-run")
    wizard.done(0)


def _export_and_previews(app: Any, workspace: Any, window: Any, settle: Any,
                         save: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.services.register.types import RegisterFilter
    from desktop.views.document_preview import DocumentPreviewDialog
    from desktop.views.imports.export_dialog import ExportDialog
    from desktop.views.register.person_dialog import PersonDialog

    register = _open(window, "register", settle)
    dialog = ExportDialog(workspace, window.tasks, RegisterFilter(districts=("长兴县",)), window)
    dialog.show()
    settle(window)
    save(dialog, "export-dialog")
    dialog.done(0)

    def preview() -> Any:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, DocumentPreviewDialog) and w.isVisible()]
        return shown[-1] if shown else None

    def rendered(dialog: Any) -> Any:  # QPdfView paints its pages in the background
        dialog.resize(820, 680)
        end = time.monotonic() + 2
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        return dialog

    row = workspace.register().rows(RegisterFilter(text="朱荣荣"), limit=1)[0]
    person = PersonDialog(workspace, row.id, window)
    person.show()
    person.proof_button.menu().actions()[0].trigger()  # 号码隐去中间位
    settle(window, lambda: preview() is not None)
    save(rendered(preview()), "document-preview")
    preview().close()
    person.done(0)
    documents = workspace.documents()
    wanted = RegisterFilter(treatment_levels=("全国", "省部级"), active_only=True)
    DocumentPreviewDialog.generate(
        register, window.tasks, lambda: documents.cards(filter=wanted, preview=True),
        title="会员证", file_name="会员证.pdf", label="",
        issue=lambda: documents.cards(filter=wanted, preview=False))
    settle(window, lambda: preview() is not None)
    save(rendered(preview()), "cards-preview")
    preview().close()


def _hardship(workspace: Any, window: Any, settle: Any, save: Any) -> None:
    from desktop.views.hardship.hardship_dialog import HardshipDialog

    page = _open(window, "hardship", settle)
    page.tabs.setCurrentIndex(page.tabs.count() - 2)  # 全部档案
    settle(window)
    save(window, "hardship-page")
    page.tabs.setCurrentIndex(0)
    cases = workspace.hardship_lists().cases(statuses=("approved",), with_paid=True)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    # paid, and nothing later than now (the demo's steps of today fall anywhere in the day)
    cases.sort(key=lambda c: (c.paid_total > 0, c.updated_at.replace(tzinfo=None) <= now,
                              c.updated_at.replace(tzinfo=None)), reverse=True)

    def opened(case: Any) -> Any:
        dialog = HardshipDialog(workspace, case_id=case.id, person=None, parent=window)
        dialog.show()
        settle(window)
        return dialog

    # a new file, as the clerk starts it: the register's income and spouse filled in (every
    # demo file's made-up household disagrees with the register, and the window says so)
    from desktop.services.register.types import RegisterFilter

    people = workspace.register().rows(RegisterFilter(
        in_hardship=False, life_statuses=("alive",), employment_statuses=("离退休",)), limit=80)
    for person in people:
        dialog = HardshipDialog(workspace, case_id=None, person=(person.id, person.name),
                                parent=window)
        dialog.show()
        settle(window)
        form = dialog.household
        if form.members.rowCount() and form.person_income.value():
            break
        dialog.done(0)
    form.category.setCurrentIndex(form.category.findData("相对困难"))
    form.main_cause.setCurrentIndex(1)
    form.secondary[0].setCurrentIndex(3)
    form.fixed_costs.setText("1200")
    form.set_member(0, 3, "慢性病")
    form.set_member(0, 5, "退休")
    form.add_member()
    father = person.name if person.sex == "男" else form.members.item(0, 0).text()
    for column, text in enumerate((father[0] + "晓雯", "子女", "", "良好", "0", "学生")):
        form.set_member(1, column, text)
    form.health.setText("高血压")
    form.housing.setText("自有住房")
    form.insurance.setText("职工医保、养老保险")
    form.bank_name.setText("长兴农商银行")
    form.bank_account.setText("6230910012345678901")
    form.notes.setPlainText("配偶长期服药，每月药费约 1,200 元（刚性支出）。")
    dialog.save()
    settle(window)
    save(dialog, "hardship-dialog-household")
    dialog.done(0)
    dialog = opened(cases[0])
    dialog.tabs.setCurrentIndex(2)
    settle(window)
    save(dialog, "hardship-dialog-workflow")
    dialog.done(0)
    unpaid = next((c for c in cases if c.paid_total == 0), cases[-1])
    dialog = opened(unpaid)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    pay = dialog.payment_dialog()
    pay.amount.setText("2000")
    pay.payer.setText("长兴县总工会")
    pay.notes.setText("2026年下半年生活困难补助")
    pay.show()
    settle(window)
    save(pay, "hardship-payment")
    pay.done(0)
    dialog.done(0)


def _visits(workspace: Any, window: Any, settle: Any, save: Any) -> None:
    """The coming Spring Festival round (the demo's rounds describe the year before), planned
    and scheduled for three teams; next year's recuperation batch filled, two confirmed and
    one declined."""
    from desktop.services.visits.recuperation import BatchDraft

    svc = workspace.visits()
    campaign = svc.create_campaign(svc.default_draft("元旦春节", 2027))
    svc.plan(campaign)
    staff = [s.id for s in svc.staff()]
    teams = [svc.create_team(campaign, name, staff[n], [staff[n + 3]])
             for n, name in enumerate(("第一组", "第二组", "第三组"))]
    svc.schedule(campaign, teams, svc.campaign(campaign).start_date, 10)
    page = _open(window, "visits", settle)
    page.refresh()
    page.campaign.setCurrentIndex(max(page.campaign.findData(campaign), 0))
    settle(window, lambda: not page.loading)
    page.tabs.setCurrentIndex(2)
    settle(window)
    save(window, "visits-schedule")
    page.tabs.setCurrentIndex(3)
    days = sorted(v.planned_date for v in page.visits if v.planned_date is not None)
    page.week.show_week(days[0])
    settle(window)
    save(window, "visits-week")

    rec = workspace.recuperation()
    batch = rec.create_batch(BatchDraft(
        year=2027, name="2027年县总工会劳模疗休养（第一批）", destination="舟山普陀",
        start_date=dt.date(2027, 5, 10), end_date=dt.date(2027, 5, 14), days=5, quota=12,
        cost_per_day_fen=55000, organiser="区县"))
    rec.fill(batch)
    roster = rec.roster(batch, include_declined=False)
    for entry in roster[:2]:
        rec.confirm(entry.entry_id)
    rec.decline(roster[2].entry_id, "单位工作走不开")
    page = _open(window, "recuperation", settle)
    page.refresh()
    page.batch.setCurrentIndex(max(page.batch.findData(batch), 0))
    settle(window, lambda: not page.loading)
    page.tabs.setCurrentIndex(1)
    settle(window)
    save(window, "recuperation")
