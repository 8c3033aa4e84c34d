"""The fixtures themselves: a migrated database on each backend, with a set-up association."""

from sqlalchemy import select

from desktop.database import Database
from desktop.models import District, User
from desktop.services.permissions import Actor, Role


def test_initialised_database_has_districts_and_admin(db: Database, admin: Actor) -> None:
    assert admin.role is Role.ADMIN
    with db.sessions.begin() as s:
        names = set(s.scalars(select(District.name)))
        assert {"湖州市", "长兴县", "南太湖新区"} <= names
        assert s.scalar(select(User.name)) == "admin"
