"""Installing the translators: the application's catalogue and Qt's own (qtbase)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.vocabulary import Words, label, relabel
from desktop.paths import resources_dir

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = "zh_CN"


def current_language() -> str:
    return _current


def word(table: Words, code: str | None, default: str | None = None) -> str:
    """The words for a stored code (a status, a level, a sex…) in the installed UI language."""
    return label(table, code, _current, default)


def shown(table: Words, chinese: str | None) -> str:
    """Chinese words a row carries (its ``sex`` is 男/女) in the installed UI language."""
    return relabel(table, chinese, _current)


def in_language(context: str, source: str, language: str) -> str:
    """``source`` (an English string some ``tr`` call holds) in ``language``, whatever language
    is installed: a message about switching says it in the language chosen too."""
    if language == "en":
        return source
    catalogue = QTranslator()
    if not catalogue.load(str(resources_dir() / "i18n" / f"laomo_{language}.qm")):
        return source
    return catalogue.translate(context, source) or source


def install(app: QCoreApplication, language: str) -> None:
    """Load ``laomo_<language>.qm`` and Qt's ``qtbase_<language>.qm`` (English needs none)."""
    global _current
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    _current = language
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    path = resources_dir() / "i18n" / f"laomo_{language}.qm"
    if ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.error("translation catalogue missing: %s", path)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
