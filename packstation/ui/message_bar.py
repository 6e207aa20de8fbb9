"""The message bar under the toolbar: errors and warnings the packer must see, in plain words.

One message at a time (the newest wins; the same text twice in a row is counted, not stacked).
Errors and warnings stay until closed; infos fade after a few seconds. A message about an order
(`order=`) or about the desk's last scan (`order=DESK`) belongs to it: it goes when another order
opens (`order_opened`); the station's own messages (the database is offline, settings) stay.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from packstation.ui import palette
from packstation.ui.plain_text import plain_label

INFO_TIMEOUT_MS = 6000
DESK = -1  # `order=DESK`: about the desk's last scan or opening, not about one order

_STYLES = {
    kind: f"background:{bg}; color:{fg}; border:1px solid {border};"
    for kind, (bg, fg, border) in (
        ("error", palette.ERROR_NOTICE),
        ("warning", palette.WARNING_NOTICE),
        ("info", palette.INFO_NOTICE),
    )
}


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class MessageBar(QFrame):
    """A dismissible one-line banner for errors, warnings and notes.

    Signals:
        shown(str, str): the level and text of a message just shown.
        dismissed(): the packer closed the message.
    """

    shown = Signal(str, str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._label = plain_label(parent=self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._close = QToolButton(self)
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.setToolTip(self.tr("Close"))
        self._close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self._text = ""
        self._repeats = 0
        self._order: int | None = None
        self.level = Level.INFO
        self.hide()

    @property
    def text(self) -> str:
        """The message currently shown (without the repeat counter), or '' when none is."""
        return self._text

    @property
    def order(self) -> int | None:
        """The order the shown message is about (`DESK`: the desk's last scan; None: the station)."""
        return self._order

    def show_error(self, text: str, order: int | None = None) -> None:
        self.show_message(text, Level.ERROR, order=order)

    def show_warning(self, text: str, order: int | None = None) -> None:
        self.show_message(text, Level.WARNING, order=order)

    def show_info(self, text: str, order: int | None = None) -> None:
        self.show_message(text, Level.INFO, order=order)

    def show_message(self, text: str, level: Level = Level.INFO, *, order: int | None = None) -> None:
        """Show `text` at `level`, replacing the current message; `order`: what it is about."""
        self._repeats = self._repeats + 1 if (text == self._text and not self.isHidden()) else 1
        self._text = text
        self._order = order
        self.level = level
        suffix = f"  (×{self._repeats})" if self._repeats > 1 else ""
        self._label.setText(text + suffix)
        self.setStyleSheet(f"#messageBar {{{_STYLES[level]} border-radius:4px;}} QLabel {{border:none;}}")
        self.show()
        if level is Level.INFO:
            self._timer.start(INFO_TIMEOUT_MS)
        else:
            self._timer.stop()
        self.shown.emit(str(level), text)

    def order_opened(self, order_id: int) -> None:
        """Another order is opening: a message about an earlier one (or the desk's last scan) goes."""
        if self._order is not None and self._order != order_id:
            self.dismiss()

    def dismiss(self) -> None:
        """Hide the current message."""
        self._timer.stop()
        if not self.isHidden():
            self.hide()
            self._text = ""
            self._repeats = 0
            self._order = None
            self.dismissed.emit()
