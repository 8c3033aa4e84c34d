"""The one way a ``framework.Document`` becomes PDF bytes: with the fonts an administrator set
(``documents.fonts``, then discovery) and, on documents that carry one, the seal image
(``documents.seal``), exactly as ``DocumentService`` prints certificates, cards and rosters.

Hardship and visit documents are built by their own services and printed here. ReportLab is
imported only when something is printed (the main window must not pay for it at start-up).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from desktop.reports.fonts import FontSet
    from desktop.reports.framework import Document

__all__ = ["Printer"]


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

    def fontset(self) -> FontSet:
        """The configured fonts (``no_cjk_font`` when there is none)."""
        return self._configured()[0]

    def seal(self) -> bytes | None:
        """The configured seal image, if any."""
        return self._configured()[1]

    def render(self, doc: Document, *, seal: bool = False) -> bytes:
        """``doc`` as PDF; ``seal=True`` stamps the configured seal (if one is set) on a
        document that does not already carry it (a letter or proof issued by the association)."""
        from desktop.reports.framework import render

        fonts, image = self._configured()
        if seal and doc.seal is None and image is not None:
            doc = dataclasses.replace(doc, seal=image)
        return render(doc, fonts)
