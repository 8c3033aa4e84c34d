#!/usr/bin/env python3
"""Render the windows the user guide shows into docs/images (offscreen, real widgets).

    .venv/bin/python scripts/screenshots.py [--members 3000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

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

        wizard = SetupWizard(lambda *a: None)
        wizard.show()
        app.processEvents()
        wizard.grab().save(str(OUT / f"setup-wizard-1{suffix}.png"))
        wizard.next()
        wizard.admin_page.display.setText("王丽华")
        app.processEvents()
        wizard.grab().save(str(OUT / f"setup-wizard-2{suffix}.png"))
        wizard.close()

        accounts.initialise(db.sessions, association="长兴县", admin_name="admin",
                            admin_password="secret123", admin_display_name="王丽华")
        service = accounts.AccountService(db.sessions)
        actor = service.login("admin", "secret123")
        try:
            from desktop.services.demo import DemoService

            DemoService(db.sessions, actor).generate(args.members, seed=7)
        except ImportError:
            pass
        login = LoginDialog(service.login, association="长兴县", database=db.describe(),
                            last_user="admin")
        login.show()
        app.processEvents()
        login.grab().save(str(OUT / f"login{suffix}.png"))
        login.close()

        info = accounts.association_info(db.sessions)
        assert info is not None
        window = MainWindow(Workspace(db, actor, info), prefs)
        window.resize(1100, 640)
        window.show()
        for row, name in enumerate(("main-home", "main-users", "main-audit")):
            window.nav.setCurrentRow(row)
            window.tasks.wait(10000)
            for _ in range(20):
                app.processEvents()
            window.grab().save(str(OUT / f"{name}{suffix}.png"))
        window.close()
        db.dispose()
        QApplication.processEvents()
    print("written to", OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
