"""User preferences (not business configuration) in one typed QSettings wrapper."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop.paths import user_data_dir

LANGUAGES = ("zh_CN", "en")


def _key(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class Preferences:
    """Typed access to the per-user INI file in the user data folder."""

    def __init__(self) -> None:
        self._s = QSettings(str(user_data_dir() / "preferences.ini"), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "zh_CN"))
        return value if value in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else "zh_CN")

    @property
    def last_user(self) -> str:
        return str(self._s.value("login/last_user", ""))

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._s.setValue("login/last_user", value)

    def association_for(self, database: str) -> str:
        """The association last seen in ``database``: lets the log-in dialog appear before the
        database is open."""
        return str(self._s.value(f"databases/{_key(database)}", ""))

    def set_association_for(self, database: str, name: str) -> None:
        self._s.setValue(f"databases/{_key(database)}", name)

    def window_state(self, key: str) -> QByteArray | None:
        value = self._s.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self._s.sync()
