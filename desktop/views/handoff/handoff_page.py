"""报送 (a district sends its quarterly package) and 汇总 (the city receives, checks and merges).

The main window builds the page for its mode from here; the pages live in ``report_page`` and
``summary_page``, what they share in ``base``.
"""

from __future__ import annotations

from desktop.views.handoff.base import current_quarter, report_text
from desktop.views.handoff.report_page import ReportPage
from desktop.views.handoff.summary_page import SummaryPage

__all__ = ["ReportPage", "SummaryPage", "current_quarter", "report_text"]
