"""Every window and dialog fits the screen it opens on (issue 14, point 1).

The common office PC has 1366×768 pixels, less the task bar: a dialog of 820×900 puts its
buttons below the screen. ``fit_to_screen`` shrinks a top-level widget (and moves it) so that
its frame lies inside the screen's available geometry; ``install`` makes the application do it
for every window as it is shown, so that no dialog needs to remember it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

# Before a window is on screen its frame is unknown: room for a title bar and borders.
FRAME_ALLOWANCE = QSize(16, 40)


def _placed_by_qt(widget: QWidget) -> bool:
    """A dialog nobody moved: Qt centres it as it is shown (on its parent, else on the screen
    under the mouse) and keeps it on that screen; moving it ourselves would pin it to a corner."""
    return isinstance(widget, QDialog) and not widget.testAttribute(Qt.WidgetAttribute.WA_Moved)


def _screen(widget: QWidget) -> QScreen | None:
    parent = widget.parentWidget()
    window = parent.window() if parent is not None else None
    if window is not None and window.isVisible():
        return window.screen()
    found = None
    if _placed_by_qt(widget):
        found = QGuiApplication.screenAt(QCursor.pos())
    elif widget.isVisible():
        # being shown where it was put; screen() still says the primary one until it is mapped
        found = QGuiApplication.screenAt(widget.geometry().center())
    return found or widget.screen() or QGuiApplication.primaryScreen()


def available_rect(widget: QWidget) -> QRect:
    """Where the widget's window may lie: its screen less task bars and docks."""
    screen = _screen(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def frame_margins(widget: QWidget) -> QSize:
    """How much the window frame adds to the client size (an allowance before it is shown)."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if extra.width() <= 0 and extra.height() <= 0:
        return FRAME_ALLOWANCE
    return extra.expandedTo(QSize(0, 0))


def largest_size(widget: QWidget) -> QSize:
    """The largest client size whose frame still fits the available screen area."""
    area, extra = available_rect(widget), frame_margins(widget)
    return QSize(max(area.width() - extra.width(), 200), max(area.height() - extra.height(), 150))


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (a window) to the available screen and move it fully onto it."""
    limit = largest_size(widget)
    size = widget.size()
    if size.width() > limit.width() or size.height() > limit.height():
        widget.resize(size.boundedTo(limit))
    if _placed_by_qt(widget):
        return
    area, extra = available_rect(widget), frame_margins(widget)
    pos = widget.pos()
    x = min(max(pos.x(), area.left()), area.right() + 1 - widget.width() - extra.width())
    y = min(max(pos.y(), area.top()), area.bottom() + 1 - widget.height() - extra.height())
    x, y = max(x, area.left()), max(y, area.top())
    if (x, y) != (pos.x(), pos.y()) and widget.isVisible():
        widget.move(x, y)


def grow_to_content(widget: QWidget) -> None:
    """The dialog holding ``widget`` made taller when its content grew (a message shown
    under a field), as far as the screen allows: a wrapped message is never cut and the
    fields above it never squeezed (issue 14: a date box a few pixels high)."""
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None or not window.isVisible():
        return
    layout.activate()
    need = max(layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
               else layout.totalSizeHint().height(), layout.totalMinimumSize().height())
    if window.height() < need:
        window.resize(window.width(), min(need, largest_size(window).height()))
        fit_to_screen(window)


def open_main_window(window: QMainWindow, saved: QByteArray | None) -> None:
    """Restore the saved geometry if there is one, else fill the screen; fitted always.

    The first start is maximised on every screen, as clerks keep their office programs (the
    register's columns want the width); 还原 then gives a 1280×860 window in the middle."""
    area = available_rect(window)
    restored = saved is not None and window.restoreGeometry(saved)
    if not restored:
        extra = FRAME_ALLOWANCE
        window.resize(min(1280, area.width() - extra.width()),
                      min(860, area.height() - extra.height()))
        window.move(area.left() + (area.width() - window.width() - extra.width()) // 2,
                    area.top() + (area.height() - window.height() - extra.height()) // 2)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    fit_to_screen(window)


class _ScreenFitter(QObject):
    """Application-wide event filter: each top-level window is fitted when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) \
                and watched.isWindow():
            kind = watched.windowType()
            if kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip,
                            Qt.WindowType.SplashScreen) and not watched.isMaximized() \
                    and not watched.isFullScreen():
                fit_to_screen(watched)
        return False


_FITTER: list[_ScreenFitter] = []


def install(app: QApplication) -> None:
    """Fit every window the application shows from now on (idempotent)."""
    if not _FITTER:
        fitter = _ScreenFitter(app)
        app.installEventFilter(fitter)
        _FITTER.append(fitter)


__all__ = ["available_rect", "fit_to_screen", "install", "largest_size", "open_main_window"]
