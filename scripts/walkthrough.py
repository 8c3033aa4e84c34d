"""Issue 14's "Done when" walked as a new 长兴县 clerk on a real X screen (Xvfb): first start,
import of a county roster (title row, 合计 and 制表人 footer), register and person dialog,
roster preview, a hardship file from draft to payment with three accounts (clerk, reviewer,
administrator), a Spring Festival campaign to its printed lists, a recuperation batch, and the
pages and main dialogs again in English. Every step leaves a screenshot of the whole screen
(OUTDIR/NN-*.png), PDFs rendered with pdftoppm, and OUTDIR/findings.txt: windows beyond the
screen, cut button texts and squeezed columns (the checks of tests/views/test_button_texts.py),
buttons missing for a role with the window's reason, message boxes that appeared.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \
        env PYTHONPATH=. .venv/bin/python scripts/walkthrough.py OUTDIR

A tool for people (look at the PNGs), not part of the test run.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
WORK = Path(tempfile.mkdtemp(prefix="walk-"))
os.environ["LAOMO_HOME"] = str(WORK / "home")
os.environ["LAOMO_TEST_CHEAP_HASHES"] = "1"
sys.path.insert(0, os.environ.get("WT", str(Path(__file__).resolve().parent.parent)))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from desktop.app import make_application, open_database  # noqa: E402
from desktop.core import idnumber  # noqa: E402
from desktop.services import accounts  # noqa: E402
from desktop.services.permissions import Role  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from tests.views.test_button_texts import _cut_buttons, _squeezed_columns  # noqa: E402

app, prefs = make_application("zh_CN")
SCREEN = app.primaryScreen().availableGeometry()
FINDINGS: list[str] = []
ADMIN: list = []
N = [0]


def settle(ms: int = 150) -> None:
    end = dt.datetime.now() + dt.timedelta(milliseconds=ms)
    while dt.datetime.now() < end:
        app.processEvents()


def check(label: str) -> None:
    for w in QApplication.topLevelWidgets():
        if not w.isVisible() or w.windowType().name in ("Popup", "ToolTip"):
            continue
        f = w.frameGeometry()
        if not SCREEN.contains(f):
            FINDINGS.append(f"{label}: {type(w).__name__} {w.objectName()} frame {f.x()},{f.y()} "
                            f"{f.width()}×{f.height()} beyond {SCREEN.width()}×{SCREEN.height()}")
        for cut in _cut_buttons(w) + _squeezed_columns(w):
            FINDINGS.append(f"{label}: {type(w).__name__}: {cut}")


def snap(name: str, widget: QWidget | None = None, ms: int = 200) -> None:
    settle(ms)
    N[0] += 1
    path = OUT / f"{N[0]:02d}-{name}.png"
    app.primaryScreen().grabWindow(0).save(str(path))
    check(name)
    print("snap", path.name, flush=True)


def later(action, ms: int = 300) -> None:  # type: ignore[no-untyped-def]
    QTimer.singleShot(ms, action)


def roster(path: Path) -> None:
    """A county roster as clerks keep it: a title, the table, a 合计 and 制表人 row."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["长兴县劳动模范花名册（2026年）"])
    ws.append(["序号", "姓名", "性别", "身份证号码", "出生年月", "工作单位", "职务",
               "荣誉称号", "获得年份", "联系电话", "备注"])
    names = ["钱秀英", "丁建国", "万红梅", "严志刚", "吴海燕", "周国平", "徐丽萍", "孙卫东",
             "朱晓燕", "胡建华", "郭春兰", "何永强"]
    titles = [("浙江省劳动模范", 2010), ("长兴县劳动模范", 2015), ("湖州市劳动模范", 2012),
              ("全国劳动模范", 2005)]
    for i, name in enumerate(names):
        born = dt.date(1955 + i * 2, (i % 12) + 1, 10 + i)
        sex = "女" if i % 2 == 0 else "男"
        number = idnumber.make("330522", born, 100 + i * 2 + (0 if sex == "女" else 1))
        title, year = titles[i % 4]
        ws.append([i + 1, name, sex, number, f"{born.year}.{born.month}", "长兴县某某公司",
                   "职工", title, year, f"1385721{1000 + i}", ""])
    ws.append(["合计", f"{len(names)}人"])
    ws.append(["制表人：王丽华", "", "", "审核人：李明"])
    wb.save(path)


def _close_boxes() -> None:
    from PySide6.QtWidgets import QMessageBox

    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            N[0] += 1
            app.primaryScreen().grabWindow(0).save(str(OUT / f"{N[0]:02d}-messagebox.png"))
            FINDINGS.append(f"message box: {w.text()} | {w.informativeText()}")
            print("BOX", w.text(), flush=True)
            w.done(0)


BOXES = QTimer()
BOXES.timeout.connect(_close_boxes)
BOXES.start(700)


def main() -> None:
    from desktop.views.setup_wizard import SetupWizard

    db = open_database(str(WORK / "laomo.sqlite3"))

    # 1. first start ------------------------------------------------------------------------
    made: list[tuple[str, str]] = []

    def initialise(association: str, name: str, display: str, password: str) -> None:
        accounts.initialise(db.sessions, association=association, admin_name=name,
                            admin_password=password, admin_display_name=display)
        made.append((name, password))

    wizard = SetupWizard(initialise)
    wizard.show()
    snap("setup-1", wizard)
    combo = wizard.association_page.combo
    combo.setCurrentIndex(combo.findData("长兴县"))  # reads 长兴县（区县劳模协会，区县模式）
    wizard.next()
    page = wizard.admin_page
    page.name.setText("admin")
    page.display.setText("王丽华")
    page.password.setText("secret123")
    page.repeat.setText("secret123")
    snap("setup-2", wizard)
    wizard.done(1)  # QWizard validates the page: the association is made
    assert made, "the wizard did not initialise"
    service = accounts.AccountService(db.sessions)
    admin = service.login("admin", "secret123")
    info = accounts.association_info(db.sessions)
    admin_ws = Workspace(db, admin, info)
    ADMIN.append(admin)
    for name, display, role in (("shenhe", "审核员张敏", Role.REVIEWER),
                                ("luru", "录入员陈静", Role.CLERK)):
        service.create_user(admin, name=name, display_name=display, role=role,
                            password=f"{name}-2026")
    clerk = Workspace(db, service.login("luru", "luru-2026"), info)
    reviewer = Workspace(db, service.login("shenhe", "shenhe-2026"), info)

    from desktop.views.login_dialog import LoginDialog

    login = LoginDialog(service.login, association="长兴县", database=db.describe(),
                        last_user="luru")
    login.show()
    snap("login", login)
    login.close()

    from desktop.views.main_window import MainWindow

    window = MainWindow(clerk, prefs)
    window.show()
    snap("clerk-home-empty", window, 600)
    walk_import(window, clerk)
    walk_register(window, clerk)
    walk_hardship(window, clerk, reviewer, admin_ws, db)
    walk_campaign(window, clerk, reviewer)
    walk_recuperation(window, clerk)
    window.close()
    settle()
    walk_english(clerk, reviewer)
    db.dispose()


def step(fn):  # type: ignore[no-untyped-def]
    def run(*a):  # type: ignore[no-untyped-def]
        try:
            fn(*a)
        except Exception:
            FINDINGS.append(f"{fn.__name__} crashed: {traceback.format_exc()}")
            print(traceback.format_exc(), flush=True)
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    w.done(0)
    return run


@step
def walk_import(window, ws) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.imports.import_wizard import ImportWizard

    path = WORK / "长兴县劳模花名册.xlsx"
    roster(path)
    wizard = ImportWizard(ws.importer(), window.tasks, window)
    wizard.file_page.path.setText(str(path))
    wizard.show()
    snap("import-1-file", wizard)
    wizard.next()
    for _ in range(50):
        settle(100)
        if wizard.mapping_page.isComplete():
            break
    snap("import-2-mapping", wizard)
    wizard.next()
    for _ in range(100):
        settle(100)
        if wizard.dry_page.isComplete():
            break
    snap("import-3-dryrun", wizard)
    wizard.next()
    for _ in range(100):
        settle(100)
        if wizard.run_page.isComplete():
            break
    snap("import-4-run", wizard)
    wizard.done(1)
    # a realistic register beside the import: the demo fills the pages
    try:
        from desktop.services.demo.service import DemoService

        DemoService(ws.db.sessions, ADMIN[0]).generate(400, seed=14)
    except Exception:
        FINDINGS.append("demo: " + traceback.format_exc().splitlines()[-1])
    window.nav.setCurrentRow(0)
    if hasattr(window.home, "refresh"):
        window.home.refresh()
    snap("home-after-import", window, 800)


@step
def walk_register(window, ws) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.register.types import RegisterFilter
    from desktop.views.register.person_dialog import PersonDialog

    page = window.register
    window.nav.setCurrentRow(1)
    for _ in range(50):
        settle(100)
        if page.up_to_date():
            break
    snap("register", window, 500)
    person = ws.register().rows(RegisterFilter(text="钱秀英"), limit=1)[0]
    dialog = PersonDialog(ws, person.id, window)
    dialog.show()
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        snap(f"person-tab{i}", dialog)
    dialog.done(0)
    page.print_roster()
    for _ in range(100):
        settle(100)
        previews = [w for w in QApplication.topLevelWidgets()
                    if type(w).__name__ == "DocumentPreviewDialog" and w.isVisible()]
        if previews:
            break
    snap("roster-preview", window, 800)
    for p in previews:
        p.save_to(str(OUT / "roster.pdf"))
        p.close()


def wait_for(pred, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    end = dt.datetime.now() + dt.timedelta(seconds=timeout)
    while dt.datetime.now() < end:
        settle(50)
        if pred():
            return True
    return False


def previews() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if type(w).__name__ == "DocumentPreviewDialog" and w.isVisible()]


def keep_preview(name: str, window: QWidget) -> None:
    """Wait for the preview, photograph the screen, save the PDF and render its pages."""
    if not wait_for(lambda: bool(previews()), 40):
        FINDINGS.append(f"{name}: no preview appeared")
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and type(w).__name__ == "QMessageBox":
                FINDINGS.append(f"{name}: message {w.text()}")
                w.done(0)
        return
    snap(f"{name}-preview", window, 600)
    for p in previews():
        pdf = OUT / f"{name}.pdf"
        pdf.write_bytes(bytes(p.pdf))
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / f"pdf-{name}")],
                       check=False)
        p.close()


def put(edit, value: str) -> None:  # type: ignore[no-untyped-def]
    if edit is None:
        return
    if hasattr(edit, "setPlainText"):
        edit.setPlainText(value)
    elif hasattr(edit, "setText"):
        edit.setText(value)
    elif hasattr(edit, "setCurrentText"):
        edit.setCurrentText(value)


def click_ok(w, label: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    box = getattr(w, "buttons", None)
    ok = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
    if ok is not None and ok.isEnabled():
        ok.click()
        settle(200)
        if w.isVisible():
            FINDINGS.append(f"{label}: still open after OK: "
                            f"{getattr(w, 'problem', None) and w.problem.text()}")
            snap(f"{label}-refused".replace(" ", "-"), w)
            w.done(0)
    else:
        FINDINGS.append(f"{label}: OK not enabled "
                        f"{getattr(w, 'problem', None) and w.problem.text()}")
        snap(f"{label}-no-ok".replace(" ", "-"), w)
        w.done(0)


def drive_modal(act, ms: int = 400) -> None:  # type: ignore[no-untyped-def]
    """``act`` the next modal dialog (after a screenshot) so that exec() returns."""
    def poll() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(100, poll)
            return
        try:
            act(w)
        except Exception:
            FINDINGS.append("modal: " + traceback.format_exc())
            w.close()
    QTimer.singleShot(ms, poll)


@step
def walk_hardship(window, clerk, reviewer, admin, db) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.hardship.service import HardshipService
    from desktop.services.register.types import RegisterFilter
    from desktop.views.hardship.hardship_dialog import HardshipDialog

    window.nav.setCurrentRow(2)
    snap("hardship-page", window, 800)
    person = clerk.register().rows(RegisterFilter(text="丁建国"), limit=1)[0]
    dialog = HardshipDialog(clerk, case_id=None, person=(person.id, person.name), parent=window)
    dialog.show()
    snap("hardship-new", dialog)
    h = dialog.household
    h.category.setCurrentIndex(max(1, h.category.currentIndex()))
    h.main_cause.setCurrentIndex(max(1, h.main_cause.currentIndex()))
    h.person_income.setText("800")
    h.fixed_costs.setText("300")
    h.bank_name.setText("农业银行长兴支行")
    h.bank_account.setText("6228480012345678901")
    snap("hardship-filled", dialog)
    dialog.save()
    snap("hardship-saved-draft", dialog)
    if dialog.case_id is None:
        FINDINGS.append("hardship: not saved: " + h.problems.text())
        dialog.done(0)
        return
    case_id = dialog.case_id
    dialog.done(0)

    def step_as(ws, action: str, **fields) -> None:  # type: ignore[no-untyped-def]
        d = HardshipDialog(ws, case_id=case_id, person=None, parent=window)
        if fields.get("today"):
            d._service = HardshipService(db.sessions, ws.actor, db.read_sessions,
                                         today=fields["today"])
            d.reload()
        d.show()
        snap(f"hardship-{ws.actor.name}-before-{action}", d)
        button = d.findChild(QWidget, f"step_{action}")
        if button is None:
            FINDINGS.append(f"hardship: {ws.actor.name} has no {action} button; held: "
                            f"{d.held.text()}")
            d.done(0)
            return

        def fill(w):  # type: ignore[no-untyped-def]
            snap(f"hardship-{action}-dialog", w)
            for name, value in (("opinion", "同意"), ("verified_by", "王科长"),
                                ("findings", "情况属实"), ("method", "入户")):
                put(getattr(w, name, None), value)
            snap(f"hardship-{action}-dialog-filled", w)
            click_ok(w, f"hardship {action}")
        drive_modal(fill)
        button.click()
        settle(300)
        snap(f"hardship-{ws.actor.name}-after-{action}", d)
        d.done(0)

    step_as(clerk, "submit")
    step_as(reviewer, "verify")
    step_as(clerk, "notice")
    step_as(clerk, "approve")  # the maker: no button, a reason
    later_day = dt.date.today() + dt.timedelta(days=20)
    step_as(reviewer, "approve")  # the verifier: no button, a reason
    step_as(admin, "approve")  # the notice still runs: no button, a reason
    step_as(admin, "approve", today=lambda: later_day)
    # payment by the clerk
    d = HardshipDialog(clerk, case_id=case_id, person=None, parent=window)
    d.show()
    d.tabs.setCurrentIndex(d.tabs.count() - 1)
    snap("hardship-payments-tab", d)

    def pay(w):  # type: ignore[no-untyped-def]
        snap("hardship-payment-dialog", w)
        put(w.amount, "2000")
        put(w.payer, "县总工会")
        snap("hardship-payment-dialog-filled", w)
        click_ok(w, "payment")
    drive_modal(pay)
    d.pay_button.click()
    settle(300)
    snap("hardship-paid", d)
    d.print_pdf("sheet")
    keep_preview("hardship-sheet", window)
    d.print_pdf("proof")
    keep_preview("hardship-proof", window)
    d.done(0)


@step
def walk_campaign(window, clerk, reviewer) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.visits.campaign_dialog import CampaignDialog
    from desktop.views.visits.visit_schedule_dialogs import AutoScheduleDialog, TeamDialog

    window.nav.setCurrentRow(3)
    page = window.visits
    wait_for(lambda: not page.loading)
    snap("visits-page", window, 600)
    svc = clerk.visits()
    dialog = CampaignDialog(svc, None, ["长兴县"], window)
    dialog.show()
    dialog.occasion.setCurrentText("元旦春节")
    dialog.year.setValue(2027)
    snap("campaign-dialog", dialog)
    dialog.save()
    cid = dialog.saved_id
    if cid is None:
        FINDINGS.append("campaign not saved: " + dialog.problem.text())
        dialog.done(0)
        cid = next(c.id for c in svc.campaigns())
    else:
        dialog.done(1)
    svc.plan(cid)
    page.refresh()
    wait_for(lambda: not page.loading)
    idx = page.campaign.findData(cid)
    if idx >= 0:
        page.campaign.setCurrentIndex(idx)
    wait_for(lambda: not page.loading)
    snap("campaign-planned", window, 600)
    team = TeamDialog(svc, cid, window)
    team.show()
    snap("team-dialog", team)
    team.done(0)
    leader = svc.add_staff("王主席")
    t1 = svc.create_team(cid, "第一组", leader, [svc.add_staff("李干事")])
    t2 = svc.create_team(cid, "第二组", svc.add_staff("赵副主席"), [svc.add_staff("钱干事")])
    auto = AutoScheduleDialog(svc.teams(cid), svc.campaign(cid), window)
    auto.show()
    snap("auto-schedule-dialog", auto)
    auto.done(0)
    c = svc.campaign(cid)
    page.auto_schedule([t1, t2], c.start_date, 12)
    wait_for(lambda: not page.loading)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        snap(f"campaign-tab{i}", window, 300)
    # the reviewer approves, then the clerk prints
    from desktop.views.main_window import MainWindow

    rpage_window = MainWindow(reviewer, prefs)
    rpage_window.show()
    rpage_window.nav.setCurrentRow(3)
    rp = rpage_window.visits
    wait_for(lambda: not rp.loading)
    idx = rp.campaign.findData(cid)
    if idx >= 0:
        rp.campaign.setCurrentIndex(idx)
    wait_for(lambda: not rp.loading)
    snap("reviewer-visits", rpage_window, 500)
    if not rp.approve("名单无遗漏，同意"):
        FINDINGS.append("campaign approval refused")
    wait_for(lambda: not rp.loading)
    rpage_window.close()
    page.refresh()
    wait_for(lambda: not page.loading)
    for kind in ("list", "receipt", "summary"):
        page.print_document(kind)
        keep_preview(f"visit-{kind}", window)
    snap("visits-after-print", window)


@step
def walk_recuperation(window, clerk) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.visits.recuperation import BatchDraft
    from desktop.views.visits.recuperation_page import BatchDialog

    window.nav.setCurrentRow(4)
    page = window.recuperation
    wait_for(lambda: not page.loading)
    snap("recuperation-page", window, 500)
    dialog = BatchDialog(clerk, window)
    dialog.show()
    snap("batch-dialog", dialog)
    dialog.done(0)
    svc = clerk.recuperation()
    bid = svc.create_batch(BatchDraft(
        year=2027, name="2027年县总工会劳模疗休养（舟山）", destination="舟山",
        start_date=dt.date(2027, 5, 10), end_date=dt.date(2027, 5, 14), days=5, quota=8,
        cost_per_day_fen=60000, organiser="区县"))
    svc.fill(bid)
    page.refresh()
    wait_for(lambda: not page.loading)
    idx = page.batch.findData(bid)
    if idx >= 0:
        page.batch.setCurrentIndex(idx)
    wait_for(lambda: not page.loading)
    snap("recuperation-filled", window, 500)
    page.print_roster(None)
    keep_preview("recuperation-roster", window)


@step
def walk_english(clerk, reviewer) -> None:  # type: ignore[no-untyped-def]
    from desktop.views import i18n
    from desktop.views.main_window import MainWindow

    i18n.install(app, "en")
    window = MainWindow(clerk, prefs)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        wait_for(lambda p=page: not getattr(p, "loading", False), 10)
        snap(f"en-page{row}", window, 500)
        from PySide6.QtWidgets import QTabWidget
        for tabs in page.findChildren(QTabWidget):
            for i in range(1, tabs.count()):
                tabs.setCurrentIndex(i)
                snap(f"en-page{row}-tab{i}", window, 300)
    from desktop.services.register.types import RegisterFilter
    from desktop.views.hardship.hardship_dialog import HardshipDialog
    from desktop.views.register.person_dialog import PersonDialog
    from desktop.views.visits.campaign_dialog import CampaignDialog
    from desktop.views.visits.recuperation_page import BatchDialog

    case = clerk.hardship_lists().cases()[0]
    d = HardshipDialog(clerk, case_id=case.id, person=None, parent=window)
    d.show()
    for i in range(d.tabs.count()):
        d.tabs.setCurrentIndex(i)
        snap(f"en-hardship-tab{i}", d)
    d.done(0)
    person = clerk.register().rows(RegisterFilter(text="钱秀英"), limit=1)[0]
    p = PersonDialog(clerk, person.id, window)
    p.show()
    for i in range(p.tabs.count()):
        p.tabs.setCurrentIndex(i)
        snap(f"en-person-tab{i}", p)
    p.done(0)
    c = CampaignDialog(clerk.visits(), clerk.visits().campaigns()[0].id, ["长兴县"], window)
    c.show()
    snap("en-campaign-dialog", c)
    c.done(0)
    b = BatchDialog(clerk, window)
    b.show()
    snap("en-batch-dialog", b)
    b.done(0)
    window.close()


if __name__ == "__main__":
    try:
        main()
    finally:
        (OUT / "findings.txt").write_text("\n".join(FINDINGS), encoding="utf-8")
        print("\n".join(FINDINGS) or "no findings")
