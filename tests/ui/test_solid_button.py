"""The packing screen's action buttons repaint alone when a scan enables or disables them, and
look as plain push buttons do (issue 19)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from packstation.ui.solid_button import solid_button
from tests.ui.paint_support import Painted


def _row(qtbot: QtBot, make: Callable[[str, QWidget], QPushButton]) -> tuple[QWidget, QPushButton]:
    window = QWidget()
    window.setObjectName("window")
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    row = QWidget(window)
    row.setObjectName("row")
    layout.addWidget(row)
    buttons = QHBoxLayout(row)
    button = make("Undo\nCtrl+Z", row)
    button.setObjectName("undo")
    button.setMinimumHeight(48)
    buttons.addWidget(button)
    buttons.addStretch(1)
    window.resize(400, 120)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(3):
        QApplication.processEvents()
    return window, button


def _screen(window: QWidget) -> bytes:
    """What the window shows (the backing store, after partial repaints), as pixels."""
    image = window.screen().grabWindow(window.winId()).toImage()
    return bytes(image.constBits())


def test_enabling_a_button_repaints_the_button_alone(qtbot: QtBot) -> None:
    _window, button = _row(qtbot, solid_button)
    painted = Painted()
    QApplication.instance().installEventFilter(painted)  # type: ignore[union-attr]
    try:
        for enabled in (False, True, False):
            button.setEnabled(enabled)
            QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(painted)  # type: ignore[union-attr]
    assert painted.names == ["undo"] * 3  # a plain QPushButton has the window and row painted first


def test_a_solid_button_looks_as_a_plain_one(qtbot: QtBot) -> None:
    shown: dict[str, list[bytes]] = {}
    for name, make in (("plain", QPushButton), ("solid", solid_button)):
        window, button = _row(qtbot, make)
        shown[name] = []
        for enabled in (False, True, False, True):
            button.setEnabled(enabled)
            QApplication.processEvents()
            shown[name].append(_screen(window))
        window.close()
    assert shown["solid"] == shown["plain"]
