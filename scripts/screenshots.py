#!/usr/bin/env python3
"""Render the windows the user guide shows into docs/images (offscreen, real widgets).

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24"
        .venv/bin/python scripts/screenshots.py [--members 3000]      (one command line)

(under a 1366×768 X screen the windows are fitted as on a clerk's laptop; without one it
falls back to Qt's offscreen platform).

Every image docs/user-guide.md shows comes from here (the day-to-day windows from
scripts/screenshots_work.py); main windows at the size of a 1366×768 laptop.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "images"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        os.environ["LAOMO_HOME"] = work
        from PySide6.QtWidgets import QApplication

        from desktop.app import make_application, open_database
        from desktop.services import accounts
        from desktop.services.workspace import Workspace
        from desktop.views.login_dialog import LoginDialog
        from desktop.views.main_window import MainWindow
        from desktop.views.setup_wizard import SetupWizard

        app, prefs = make_application(args.lang)
        suffix = "" if args.lang == "zh_CN" else f"-{args.lang}"
        OUT.mkdir(parents=True, exist_ok=True)
        db = open_database(str(Path(work) / "shots.sqlite3"))

        from desktop.services.maintenance import FirstRestore

        wizard = SetupWizard(lambda *a: None, restore=FirstRestore(db))  # as at a first start
        wizard.show()
        combo = wizard.association_page.combo
        combo.setCurrentIndex(combo.findData("长兴县"))
        app.processEvents()
        wizard.grab().save(str(OUT / f"setup-wizard-1{suffix}.png"))
        wizard.next()
        admin = wizard.admin_page
        admin.name.setText("admin")
        admin.display.setText("王丽华")
        admin.password.setText("Changxing2026")
        admin.repeat.setText("Changxing2026")
        app.processEvents()
        wizard.grab().save(str(OUT / f"setup-wizard-2{suffix}.png"))
        wizard.close()

        accounts.initialise(db.sessions, association="长兴县", admin_name="admin",
                            admin_password="secret123", admin_display_name="王丽华")
        service = accounts.AccountService(db.sessions)
        actor = service.login("admin", "secret123")
        try:
            from desktop.services.demo.service import DemoService

            DemoService(db.sessions, actor).generate(args.members, seed=7)
        except ImportError:
            pass
        from desktop.services.permissions import Role

        for name, display, role in (("zhangmin", "张敏", Role.REVIEWER),
                                    ("chenjing", "陈静", Role.CLERK),
                                    ("guest", "办公室查询", Role.VIEWER)):
            service.create_user(actor, name=name, display_name=display, role=role,
                                password=f"{name}-2026")
        login = LoginDialog(service.login, association="长兴县", database=db.describe(),
                            last_user="chenjing")
        login.show()
        app.processEvents()
        login.grab().save(str(OUT / f"login{suffix}.png"))
        login.close()

        info = accounts.association_info(db.sessions)
        assert info is not None
        window = MainWindow(Workspace(db, actor, info), prefs)
        window.resize(*SCREEN)  # a clerk's maximised laptop
        window.show()

        def shoot_page(name: str, page: Any) -> None:
            window.nav.setCurrentRow(window.stack.indexOf(page))
            window.tasks.wait(10000)
            for _ in range(20):
                app.processEvents()
            window.grab().save(str(OUT / f"{name}{suffix}.png"))

        for name, page in {"main-home": window.home, "main-register": window.register,
                           "main-users": window.users}.items():
            shoot_page(name, page)
        shoot_person_dialog(app, Workspace(db, actor, info), suffix)
        shoot_backup_dialog(app, suffix)
        from screenshots_work import shoot_work

        shoot_work(app, Path(work), Workspace(db, actor, info), prefs, OUT, suffix)
        shoot_page("main-audit", window.audit)  # after a day's work, not only the demo's
        window.close()
        shoot_handoff(app, Path(work), db, Workspace(db, actor, info), prefs, suffix)
        db.dispose()
        QApplication.processEvents()
    print("written to", OUT.relative_to(ROOT))


def shoot_person_dialog(app: Any, workspace: Any, suffix: str) -> None:
    """person-dialog.png (基本信息) and person-dialog-honors.png: a filled-in model worker."""
    import datetime as dt
    from decimal import Decimal

    from desktop.core import idnumber
    from desktop.services.register.types import HonorDraft, PersonDraft
    from desktop.views.register.person_dialog import PersonDialog

    persons = workspace.persons()
    draft = PersonDraft(
        name="朱荣荣", district="长兴县", sex="2", ethnicity="01", political_status="01",
        party_join_date=dt.date(1995, 7, 1), education="30", native_place="浙江长兴",
        marital_status="20", work_start_date=dt.date(1988, 8, 1),
        work_unit="长兴华源纺织有限公司", position="织造车间主任", unit_type="民营/私营/个体企业",
        industry="纺织系统", technical_grade="高级技师", employment_status="在职",
        mobile="13857216688", address="长兴县雉城街道金陵北路 88 号", postcode="313100",
        hukou_type="非农业", hukou_region="330522", health_status="良好",
        monthly_income=Decimal("6800"), household_size=3,
        honors=(
            HonorDraft("浙江省劳动模范", "省部级", 2015, granting_body="浙江省人民政府",
                       document_number="浙政发〔2015〕12号"),
            HonorDraft("长兴县劳动模范", "县级", 2009, granting_body="长兴县人民政府",
                       document_number="长政发〔2009〕31号"),
        ))
    for sequence in range(124, 999, 2):  # even: a woman; skip numbers the demo data holds
        number = idnumber.make("330522", dt.date(1968, 3, 2), sequence)
        candidate = dataclasses.replace(draft, id_number=number)
        if not persons.validate(candidate):
            break
    person_id = persons.create(candidate)
    dialog = PersonDialog(workspace, person_id)
    dialog.show()
    for index, name in ((0, "person-dialog"), (dialog.tabs.indexOf(dialog.honors),
                                              "person-dialog-honors")):
        dialog.tabs.setCurrentIndex(index)
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(OUT / f"{name}{suffix}.png"))
    dialog.done(0)


def shoot_backup_dialog(app: Any, suffix: str) -> None:
    """backup-dialog.png: 文件 → 备份 with the passphrase typed twice."""
    from desktop.views.backup_dialog import BackupDialog

    dialog = BackupDialog()
    dialog.show()
    dialog.passphrase.setText("长兴县劳模协会2026")
    dialog.repeat.setText("长兴县劳模协会2026")
    for _ in range(10):
        app.processEvents()
    dialog.grab().save(str(OUT / f"backup-dialog{suffix}.png"))
    dialog.done(0)


SCREEN = (1366, 700)  # a 1366×768 laptop, less the taskbar and the title bar


def settle(app: Any, window: Any) -> None:
    for _ in range(30):
        window.tasks.wait(20000)
        app.processEvents()


def shoot_handoff(app: Any, work: Path, db: Any, county: Any, prefs: Any, suffix: str) -> None:
    """handoff-*.png: the set-up wizard's enrolment step, the 报送 wizard's three steps (a
    second quarter: the changes since the acknowledged first one) and the city's 汇总 page."""
    import datetime as dt

    from desktop.database import Database
    from desktop.services import accounts
    from desktop.services.permissions import Role
    from desktop.services.register.types import RegisterFilter
    from desktop.services.workspace import Workspace
    from desktop.views.main_window import MainWindow
    from desktop.views.setup_wizard import SetupWizard

    def office(name: str) -> tuple[Any, Any]:
        other = Database(f"sqlite:///{work / name}.sqlite3")
        other.upgrade()
        accounts.initialise(other.sessions, association=name, admin_name="admin",
                            admin_password="secret123", admin_display_name="李明")
        actor = accounts.AccountService(other.sessions).login("admin", "secret123")
        info = accounts.association_info(other.sessions)
        return other, Workspace(other, actor, info)

    city_db, city = office("湖州市")
    deqing_db, deqing = office("德清县")
    city_keys = work / "keys-city"
    accounts.AccountService(city_db.sessions).create_user(
        city.actor, name="reviewer", display_name="审核员", role=Role.REVIEWER,
        password="review123")
    reviewer = Workspace(city_db, accounts.AccountService(city_db.sessions).login(
        "reviewer", "review123"), city.association)
    city_card = work / "湖州市.lmcard"
    city_card.write_bytes(city.handoff(city_keys).card())

    wizard = SetupWizard(lambda *a: None, lambda: county.handoff())
    wizard.show()
    combo = wizard.association_page.combo
    combo.setCurrentIndex(combo.findData("长兴县"))
    wizard.next()
    wizard.admin_page.display.setText("王丽华")
    wizard.next()
    assert wizard.enrol_page is not None
    wizard.enrol_page.load_card(city_card)
    for _ in range(10):
        app.processEvents()
    wizard.grab().save(str(OUT / f"setup-wizard-enrol{suffix}.png"))
    wizard.close()

    county.handoff().trust(city_card.read_bytes())
    city.handoff(city_keys).trust(county.handoff().card())
    city.handoff(city_keys).trust(deqing.handoff(work / "keys-deqing").card())
    # a first quarter, merged and acknowledged, then a few changes for the second
    first = county.handoff().export("2026Q3", work / "q3.lmpkg")
    staged = city.handoff(city_keys).import_file(first.path.read_bytes())
    reviewer.handoff(city_keys).merge(staged.package_id)
    county.handoff().import_file(city.handoff(city_keys).receipt(staged.package_id))
    persons = county.persons()
    people = county.register().rows(RegisterFilter(), limit=6)
    persons.death(people[0].id, dt.date(2026, 10, 12), "病故")
    persons.lost_contact(people[1].id, dt.date(2026, 11, 2), "电话停机，住址已拆迁")
    persons.transfer(people[2].id, dt.date(2026, 10, 20), "长兴县人民医院")
    persons.move_out(people[3].id, dt.date(2026, 11, 15), "德清县")

    stick = work / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    window = MainWindow(county, prefs)
    window.resize(*SCREEN)
    window.show()
    page = window.page("handoff")
    window.nav.setCurrentRow(window.stack.indexOf(page))
    page.drive_lister = lambda: [stick]
    page.quarter.setCurrentText("2026Q4")
    settle(app, window)
    window.grab().save(str(OUT / f"handoff-report-1{suffix}.png"))
    page.next_step()
    page.drives.setCurrentRow(0)
    settle(app, window)
    window.grab().save(str(OUT / f"handoff-report-2{suffix}.png"))
    page.next_step()
    page.write()
    settle(app, window)
    window.grab().save(str(OUT / f"handoff-report-3{suffix}.png"))
    assert page.written is not None, page.write_error.text()
    written = page.written[0].path
    window.close()

    city_window = MainWindow(city, prefs)
    city_window.resize(*SCREEN)
    city_window.show()
    summary = city_window.page("handoff")
    summary.keys_dir = city_keys
    city_window.nav.setCurrentRow(city_window.stack.indexOf(summary))
    settle(app, city_window)
    summary.import_file(written)
    settle(app, city_window)
    summary.table.selectRow(summary.table.rowCount() - 1)
    settle(app, city_window)
    city_window.grab().save(str(OUT / f"handoff-summary{suffix}.png"))
    city_window.close()
    shoot_handoff_dialogs(app, work, county, city, deqing, reviewer, city_keys, people,
                          staged_id=summary.table.selected().id, suffix=suffix)
    for other in (city_db, deqing_db):
        other.dispose()


def shoot_handoff_dialogs(app: Any, work: Path, county: Any, city: Any, deqing: Any,
                          reviewer: Any, city_keys: Path, people: list[Any], *, staged_id: int,
                          suffix: str) -> None:
    """handoff-items.png (汇总 待处理事项: a move paired, the same ID number in two districts),
    handoff-propose.png (a 市级 honor at the city), handoff-proposals.png (the district's
    list) and handoff-reenrol.png (a district's new card after a lost key)."""
    import dataclasses
    import datetime as dt

    from desktop.services.register.types import HonorDraft, RegisterFilter
    from desktop.views.handoff.items_dialog import OpenItemsDialog
    from desktop.views.handoff.proposals import ProposalsDialog, ProposeHonorDialog
    from desktop.views.handoff.reenrol_dialog import ReenrolDialog

    def shot(dialog: Any, name: str) -> None:
        dialog.show()
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(OUT / f"{name}{suffix}.png"))

    reviewer.handoff(city_keys).merge(staged_id)
    deqing_keys = work / "keys-deqing"
    deqing.handoff(deqing_keys).trust((work / "湖州市.lmcard").read_bytes())
    numbers = {p.id: county.persons().reveal_id_number(p.id, "截图") for p in people}
    moved, twin = county.persons().get(people[3].id).draft, county.persons().get(people[4].id).draft
    def fresh(draft: Any) -> Any:  # 德清县's own honor records
        return tuple(dataclasses.replace(h, id=None) for h in draft.honors)

    moved_in = deqing.persons().create(dataclasses.replace(
        moved, district="德清县", id_number=numbers[people[3].id], honors=fresh(moved)))
    deqing.persons().move_in(moved_in, dt.date(2026, 11, 16), "长兴县")
    deqing.persons().create(dataclasses.replace(
        twin, district="德清县", id_number=numbers[people[4].id], work_unit="德清某厂",
        honors=(*fresh(twin), HonorDraft("德清县劳动模范", "县级", 2012))))
    written = deqing.handoff(deqing_keys).export("2026Q4", work / "dq.lmpkg")
    staged = city.handoff(city_keys).import_file(written.path.read_bytes())
    reviewer.handoff(city_keys).merge(staged.package_id)

    items = OpenItemsDialog(reviewer, reviewer.handoff(city_keys).resolve)
    items.settled.setChecked(True)
    for row, item in enumerate(items.items):
        if item.kind == "same_id":
            items.table.selectRow(row)
    items.keep_first.setChecked(True)
    items.reason.setText("电话核实：同一人，已调往德清县")
    shot(items, "handoff-items")
    items.done(0)

    propose = ProposeHonorDialog(city.handoff(city_keys).propose_honor, lookup=lambda n: list(
        city.register().rows(RegisterFilter(text=n), limit=2)))
    propose.id_number.setText(numbers[people[5].id])
    propose.document.setText("湖政发〔2026〕12号")
    shot(propose, "handoff-propose")
    propose.save()
    county.handoff().import_file(city.handoff(city_keys).reference())
    proposals = ProposalsDialog(county, county.handoff())
    proposals.table.selectRow(0)
    shot(proposals, "handoff-proposals")
    proposals.done(0)

    new_card = work / "德清县-new.lmcard"
    new_card.write_bytes(deqing.handoff(work / "keys-deqing-new").card())
    reenrol = ReenrolDialog(city.handoff(city_keys))
    reenrol.load_card(new_card)
    reenrol.reason.setText("德清县更换电脑，原密钥丢失")
    reenrol.confirmed.setChecked(True)
    shot(reenrol, "handoff-reenrol")
    reenrol.done(0)


if __name__ == "__main__":
    main()
