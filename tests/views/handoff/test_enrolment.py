"""The first-start wizard's enrolment step: a district imports the city's card, reads the
fingerprint (groups of four) over the phone, ticks the box and trusts it on Finish; the city
saves its card; both may skip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services import accounts
from desktop.services.workspace import Workspace
from desktop.views.setup_wizard import SetupWizard
from tests.handoff.support import make_office

PASSWORD = "huzhou2026"


def wizard_for(qtbot: QtBot, db: Database, keys: Path, association: str) -> SetupWizard:
    def initialise(name: str, admin: str, display: str, password: str) -> None:
        accounts.initialise(db.sessions, association=name, admin_name=admin,
                            admin_password=password, admin_display_name=display)

    def enrolment() -> object:
        actor = accounts.AccountService(db.sessions).login("admin", PASSWORD)
        info = accounts.association_info(db.sessions)
        assert info is not None
        return Workspace(db, actor, info).handoff(keys)

    wizard = SetupWizard(initialise, enrolment)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    combo = wizard.association_page.combo
    combo.setCurrentIndex(combo.findData(association))
    wizard.next()
    admin = wizard.admin_page
    admin.password.setText(PASSWORD)
    admin.repeat.setText(PASSWORD)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is wizard.enrol_page
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    return wizard


def test_district_trusts_the_city_card_after_the_phone_check(
        qtbot: QtBot, tmp_path: Path, sqlite_template: Path, sqlite_db: Database) -> None:
    city = make_office(tmp_path, sqlite_template, "湖州市")
    try:
        card = tmp_path / "湖州市.lmcard"
        card.write_bytes(city.handoff().card())
        expected = city.handoff().own_fingerprint()
        wizard = wizard_for(qtbot, sqlite_db, tmp_path / "keys", "长兴县")
        page = wizard.enrol_page
        assert page is not None and not page.city_mode
        assert "导入市级名片" in page.card_button.text()
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert finish.isEnabled()  # skippable

        (tmp_path / "junk.lmcard").write_bytes(b"not a card")
        page.load_card(tmp_path / "junk.lmcard")
        assert page.outcome.text() and page.fingerprint.text() == ""
        page.load_card(card)
        assert page.card_name.text() == "湖州市"
        groups = page.fingerprint.text().split(" ")
        assert "".join(groups) == expected and {len(g) for g in groups} == {4}
        assert not finish.isEnabled()  # chosen but not yet read over the phone
        page.confirmed.setChecked(True)
        assert finish.isEnabled()
        finish.click()
        assert not wizard.isVisible()
        info = accounts.association_info(sqlite_db.sessions)
        assert info is not None
        actor = accounts.AccountService(sqlite_db.sessions).login("admin", PASSWORD)
        peers = Workspace(sqlite_db, actor, info).handoff(tmp_path / "keys").peers()
        assert [(p.name, p.fingerprint) for p in peers] == [("湖州市", expected)]
    finally:
        city.db.dispose()


def test_city_saves_its_card_or_skips(qtbot: QtBot, tmp_path: Path,
                                      sqlite_db: Database) -> None:
    wizard = wizard_for(qtbot, sqlite_db, tmp_path / "keys", "湖州市")
    page = wizard.enrol_page
    assert page is not None and page.city_mode and not page.confirmed.isVisible()
    assert len(page.fingerprint.text().split(" ")) == 8
    page.save_card(tmp_path / "no-such-stick" / "湖州市.lmcard")  # said on the page
    assert "导出失败" in page.outcome.text()
    page.save_card(tmp_path / "湖州市.lmcard")
    assert "名片已保存" in page.outcome.text()
    assert "湖州".encode() in (tmp_path / "湖州市.lmcard").read_bytes()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_first_start_hands_the_wizard_the_new_administrators_handoff(
        qapp: object, sqlite_db: Database, monkeypatch: object) -> None:
    """The application's wizard gets an enrolment door working as the administrator just
    created, with the keys in the data folder."""
    from desktop.app import Startup
    from desktop.paths import keys_dir
    from desktop.views import setup_wizard
    from desktop.views.preferences import Preferences

    seen: list[str] = []

    def fake_run(initialise, enrolment=None, parent=None,  # type: ignore[no-untyped-def]
                 **_restore):
        initialise("德清县", "boss", "王强", "deqing-2026")
        seen.append(enrolment().own_fingerprint())
        return True

    monkeypatch.setattr(setup_wizard.SetupWizard, "run", staticmethod(fake_run))  # type: ignore[attr-defined]
    startup = Startup(qapp, Preferences(), None)  # type: ignore[arg-type]
    assert startup._run_wizard(sqlite_db)
    assert len(seen[0]) == 32 and (keys_dir() / "signing.key").exists()
