"""User preferences (not business configuration) in one typed QSettings wrapper."""

from __future__ import annotations

import dataclasses
import json
import logging
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop.paths import user_data_dir
from desktop.services.register.types import RegisterFilter

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


_NO_FILTER = RegisterFilter()


def _fits(value: object, default: object) -> bool:
    """A saved filter value has the shape of the field (the file may be old or edited)."""
    if isinstance(default, tuple):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, str):
        return isinstance(value, str)
    # None defaults: the optional int limits and the hardship flag
    return value is None or (isinstance(value, (int, bool)))


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

    def last_folder(self, kind: str) -> str:
        """The folder a file of ``kind`` was last saved to or opened from ("" if none)."""
        return str(self._s.value(f"folders/{kind}", ""))

    def set_last_folder(self, kind: str, folder: str) -> None:
        self._s.setValue(f"folders/{kind}", folder)

    def window_state(self, key: str) -> QByteArray | None:
        value = self._s.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"window/{key}", value)

    @property
    def register_filter(self) -> RegisterFilter:
        """The register page's filter as the user left it (an unreadable value: no filter)."""
        raw = self._s.value("register/filter", "")
        if not raw:
            return RegisterFilter()
        try:
            data = json.loads(str(raw))
            values: dict[str, Any] = {}
            for f in dataclasses.fields(RegisterFilter):
                if f.name in data and _fits(data[f.name], getattr(_NO_FILTER, f.name)):
                    v = data[f.name]
                    values[f.name] = tuple(v) if isinstance(v, list) else v
            return RegisterFilter(**values)
        except (ValueError, TypeError, AttributeError):
            log.warning("ignoring an unreadable saved register filter: %r", raw)
            return RegisterFilter()

    @register_filter.setter
    def register_filter(self, value: RegisterFilter) -> None:
        self._s.setValue("register/filter",
                         json.dumps(dataclasses.asdict(value), ensure_ascii=False))

    @property
    def register_more_filters(self) -> bool:
        """Whether the second row of register filters is open."""
        return str(self._s.value("register/more_filters", "false")).lower() == "true"

    @register_more_filters.setter
    def register_more_filters(self, value: bool) -> None:
        self._s.setValue("register/more_filters", "true" if value else "false")

    def sync(self) -> None:
        self._s.sync()
