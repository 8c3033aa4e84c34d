"""Offices for the handoff tests: each its own SQLite file, its own key folder, its own admin
and reviewer (the maker ≠ checker of a merge)."""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.database import Database
from desktop.exchange import handoff_package as pkg
from desktop.services import accounts
from desktop.services.handoff.keys import KeyStore
from desktop.services.handoff.service import HandoffService
from desktop.services.permissions import Actor, Role
from desktop.services.register.persons import PersonService
from desktop.services.workspace import Workspace
from tests.conftest import ADMIN_PASSWORD, initialise, make_pg_database

REVIEWER_PASSWORD = "review123"


@dataclass
class Office:
    name: str
    db: Database
    admin: Actor
    reviewer: Actor
    keys: Path

    def ws(self, actor: Actor | None = None) -> Workspace:
        info = accounts.association_info(self.db.sessions)
        assert info is not None
        return Workspace(self.db, actor or self.admin, info)

    def handoff(self, actor: Actor | None = None) -> HandoffService:
        return self.ws(actor).handoff(keys_dir=self.keys)

    def persons(self) -> PersonService:
        return self.ws().persons()


def make_office(root: Path, template: Path | str, name: str) -> Office:
    """An office on SQLite (``template`` a migrated file) or PostgreSQL (``template`` the
    name of a migrated template database: the caller drops ``office.db``'s database)."""
    folder = root / name
    folder.mkdir(parents=True)
    if isinstance(template, str):
        db, _name = make_pg_database(template)
    else:
        path = folder / "laomo.sqlite3"
        shutil.copyfile(template, path)
        db = Database(f"sqlite:///{path}")
    admin = initialise(db, name)
    accounts.AccountService(db.sessions).create_user(
        admin, name="reviewer", display_name="审核员", role=Role.REVIEWER,
        password=REVIEWER_PASSWORD)
    reviewer = accounts.AccountService(db.sessions).login("reviewer", REVIEWER_PASSWORD)
    assert ADMIN_PASSWORD
    return Office(name, db, admin, reviewer, folder / "keys")


def enrol(city: Office, *districts: Office) -> None:
    city_card = city.handoff().card()
    for d in districts:
        d.handoff().trust(city_card)
        city.handoff().trust(d.handoff().card())


def reseal(data: bytes, city: Office, change: callable) -> bytes:  # type: ignore[valid-type]
    """Open a district package with the city's key, let ``change`` edit the zip members
    (dict name -> bytes), zip and encrypt again to the city: the signature stays as it was."""
    keys = KeyStore(city.keys)
    inner = pkg.decrypt(data, keys.age_identity())
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        members = {n: z.read(n) for n in z.namelist()}
    change(members)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for n, body in members.items():
            z.writestr(n, body)
    return pkg.encrypt(buffer.getvalue(), keys.age_recipient())
