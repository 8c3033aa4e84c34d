"""The one dialog that asks a reason before an audited action: says what the reason is for,
labels its box 原因, and keeps 确定 off until something other than spaces is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from desktop.views.reason_dialog import ReasonDialog


def test_ok_waits_for_a_reason_and_the_box_says_what_it_is(qtbot: QtBot) -> None:
    dialog = ReasonDialog("显示身份证号", "为什么需要查看张三的完整身份证号？原因将记入审计日志。")
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "原因：" in texts and any("张三的完整身份证号" in t for t in texts)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.reason.placeholderText() == "必填"
    dialog.reason.setText("   ")
    assert not ok.isEnabled()
    dialog.reason.setText("核对春节慰问名单")
    assert ok.isEnabled()
