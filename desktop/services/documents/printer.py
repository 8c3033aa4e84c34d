"""The one way a ``framework.Document`` becomes PDF bytes: with the fonts an administrator set
(``documents.fonts``, then discovery) and, on documents that carry one, the seal image
(``documents.seal``), exactly as ``DocumentService`` prints certificates, cards and rosters.

Hardship and visit documents are built by their own services and printed here. ReportLab is
imported only when something is printed (the main window must not pay for it at start-up).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from desktop.reports.fonts import FontSet
    from desktop.reports.framework import Document
    from desktop.reports.letter import Letter

__all__ = ["Printer", "substitute_note"]

_SAID: set[tuple[str, str]] = set()  # (title, body) fonts already reported in this process


def substitute_note(fontset: FontSet) -> str:
    """One sentence saying which font stands in for 宋体 (titles) and 仿宋 (body text) when the
    machine has neither (official documents use them); "" when both are present."""
    import re

    song = re.compile(r"song|sun|宋|ming|明", re.IGNORECASE)
    fang = re.compile(r"fangsong|fang ?song|仿宋|simfang", re.IGNORECASE)
    parts = []
    if not (song.search(fontset.title.family) or song.search(fontset.title.path.name)):
        parts.append(f"标题未找到宋体，使用“{fontset.title.family}”代替")
    if not (fang.search(fontset.body.family) or fang.search(fontset.body.path.name)):
        parts.append(f"正文未找到仿宋，使用“{fontset.body.family}”代替")
    if not parts:
        return ""
    return "；".join(parts) + "。可在“文书字体与公章”中指定字体文件。"


class Printer:
    """Renders documents with the configured fonts and seal (read once per ``Printer``)."""

    def __init__(self, read_sessions: sessionmaker[Session]) -> None:
        self._read = read_sessions
        self._loaded: tuple[FontSet, bytes | None] | None = None

    def _configured(self) -> tuple[FontSet, bytes | None]:
        if self._loaded is None:
            from desktop.services.documents.service import configured_settings, fontset_for

            with self._read.begin() as s:
                conf = configured_settings(s)
            self._loaded = fontset_for(conf.font_paths), conf.seal
        return self._loaded

    def render_letters(self, letters: Sequence[Letter]) -> bytes:
        """Letters issued by the association in one PDF, each sealed (if a seal is set)."""
        from desktop.reports.letter import render_letters

        fonts, image = self._configured()
        return render_letters([dataclasses.replace(x, seal=x.seal or image) for x in letters],
                              fonts)

    def fontset(self) -> FontSet:
        """The configured fonts (``no_cjk_font`` when there is none)."""
        return self._configured()[0]

    def substitutes(self) -> str:
        """``substitute_note`` of the fonts in use, once per process ("" after that)."""
        fs = self.fontset()
        key = (fs.title.key, fs.body.key)
        if key in _SAID:
            return ""
        _SAID.add(key)
        note = substitute_note(fs)
        if note:
            import logging

            logging.getLogger(__name__).warning("fonts: %s", note)
        return note

    def seal(self) -> bytes | None:
        """The configured seal image, if any."""
        return self._configured()[1]

    def render(self, doc: Document | Letter, *, seal: bool = False) -> bytes:
        """``doc`` (a table document or a letter) as PDF; ``seal=True`` stamps the configured
        seal (if one is set) on a document that does not already carry it (a letter, a notice
        or a proof issued by the association)."""
        from desktop.reports.framework import render
        from desktop.reports.letter import Letter, render_letter

        fonts, image = self._configured()
        if seal and doc.seal is None and image is not None:
            doc = dataclasses.replace(doc, seal=image)
        if isinstance(doc, Letter):
            return render_letter(doc, fonts)
        return render(doc, fonts)
