"""A push button that paints the whole of its rectangle, so toggling it repaints it alone.

A QPushButton leaves its corners and margins to whatever is under it: Qt paints its parents
there first, each from the window down (issue 19: the packing view, its page stack and the
button row on every scan that enables or disables Undo). A solid button has Qt fill its
rectangle with the window's colour (what those parents paint there) before the button is drawn,
so Qt knows it is opaque and repaints it alone, and it looks the same. Qt does both in C++: no
paint handler in Python.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QWidget


def solid_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A QPushButton on the window's colour (see the module doc); only for buttons placed
    straight on the window's background."""
    button = QPushButton(text, parent)
    button.setBackgroundRole(QPalette.ColorRole.Window)  # the fill's colour (the bevel keeps its own)
    button.setAutoFillBackground(True)
    return button
