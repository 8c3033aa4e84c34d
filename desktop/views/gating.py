"""What a role may not do is not offered: buttons are disabled with the reason as tooltip, and
a form is never opened for work the service would refuse (issue 14, point 6)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.texts import permission_refusal
from desktop.services.permissions import Actor, Perm
from desktop.views.i18n import current_language


def refusal(actor: Actor, perm: Perm) -> str:
    return permission_refusal(perm.value, actor.role.value, current_language())


def gate(widget: QWidget, actor: Actor, perm: Perm) -> bool:
    """Disable ``widget`` with the reason when ``actor`` may not; True when it may."""
    if actor.can(perm):
        return True
    widget.setEnabled(False)
    widget.setToolTip(refusal(actor, perm))
    return False


def gate_children(root: QWidget, actor: Actor, perms: Mapping[str, Perm]) -> None:
    """``gate`` each child of ``root`` named in ``perms`` (object name -> permission)."""
    for name, perm in perms.items():
        widget = root.findChild(QWidget, name)
        if widget is not None:
            gate(widget, actor, perm)


def allowed(parent: QWidget | None, actor: Actor, perm: Perm) -> bool:
    """Checked before a form opens: says why not (in words for people) and returns False."""
    if actor.can(perm):
        return True
    box = QMessageBox(QMessageBox.Icon.Information, parent.window().windowTitle()
                      if parent is not None else "", refusal(actor, perm),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("refusalBox")
    box.exec()
    return False
