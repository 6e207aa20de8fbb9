"""The packing view's strip about a shortening: pending while the Market answers, or refused.

A shortening is a request (`services.packing.shortening`): while it waits, the strip lists what
was asked; when it is refused, the strip says why in the packer's words and offers what is left
(pack in full, cancel the order, call support) until the packer picks one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from packstation.domain.errors import PackstationError
from packstation.domain.order import Order
from packstation.services.packing.shortening import is_shorten_refusal
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label


def _style(colours: tuple[str, str, str]) -> str:
    background, text, border = colours
    return (
        f"QFrame#shortenNotice {{background:{background}; border:1px solid {border}; border-radius:4px;}}"
        f" QLabel {{color:{text};}}"
    )


class ShortenNotice(QFrame):
    """Pending or refused shortening, with the packer's options after a refusal.

    Signals:
        cancel_requested(): the packer chose to cancel the order instead.
        check_requested(): the packer wants the order read again (an answer that did not come).
    """

    cancel_requested = Signal()
    check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortenNotice")
        self._refusal: PackstationError | None = None
        self._dismissed: PackstationError | None = None
        self.title = plain_label(parent=self)
        self.title.setObjectName("shortenTitle")
        self.title.setStyleSheet("font-size:14pt; font-weight:bold;")
        self.title.setWordWrap(True)
        self.details = plain_label(parent=self)
        self.details.setObjectName("shortenDetails")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("font-size:12pt;")
        self.options = plain_label(parent=self)
        self.options.setObjectName("shortenOptions")
        self.options.setWordWrap(True)
        self.options.setStyleSheet("font-size:12pt; font-weight:bold;")
        self.pack_button = QPushButton(self.tr("Pack in full"), self)
        self.pack_button.setObjectName("shortenPackInFull")
        self.pack_button.setToolTip(self.tr("Keep the order as it is and pack every item"))
        self.cancel_button = QPushButton(self.tr("Cancel order…"), self)
        self.cancel_button.setObjectName("shortenCancelOrder")
        self.check_button = QPushButton(self.tr("Check again"), self)
        self.check_button.setObjectName("shortenCheckAgain")
        self.check_button.setToolTip(self.tr("Read the order from the Market: its items tell the answer"))
        for button in (self.pack_button, self.cancel_button, self.check_button):
            button.setMinimumHeight(40)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter from a scanner must not press it
        self.pack_button.clicked.connect(self.dismiss)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.check_button.clicked.connect(self.check_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pack_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.options)
        layout.addLayout(buttons)
        self.hide()

    @property
    def refusal(self) -> PackstationError | None:
        """The refusal shown (None: none, or the packer dismissed it)."""
        return self._refusal

    def show_state(
        self, order: Order, pending: tuple[tuple[int, int], ...], error: PackstationError | None
    ) -> None:
        """Show a pending request, else a (new) refusal, else keep a refusal not yet dismissed."""
        if pending:
            self._refusal = None
            self._show_pending(order, pending)
            return
        if is_shorten_refusal(error) and error is not self._dismissed:
            self._refusal = error
        if self._refusal is None:
            self.hide()
            return
        self.setStyleSheet(_style(palette.ERROR_NOTICE))
        self.title.setText(self.tr("Not shortened: the order is as it was"))
        refusal = self._refusal
        self.details.setText(say(refusal.text))
        self.options.setText(say(refusal.hint) if refusal.hint is not None else "")
        self.options.setVisible(bool(self.options.text()))
        self.pack_button.show()
        self.cancel_button.show()
        self.check_button.hide()
        self.show()

    def _show_pending(self, order: Order, pending: tuple[tuple[int, int], ...]) -> None:
        rows = []
        for line_id, count in pending:
            try:
                line = order.line(line_id)
            except KeyError:
                continue
            rows.append(fill(self.tr("%1: %2 → %3 pcs"), line.name, line.count, count))
        rows.append(self.tr("Nothing changes until the Market accepts: keep the items at hand."))
        self.setStyleSheet(_style(palette.WARNING_NOTICE))
        self.title.setText(self.tr("Shortening sent to the Market: waiting for its answer…"))
        self.details.setText("\n".join(rows))
        self.options.hide()
        self.pack_button.hide()
        self.cancel_button.hide()
        self.check_button.show()
        self.show()

    def dismiss(self) -> None:
        """The packer read the refusal (and packs in full)."""
        self._dismissed, self._refusal = self._refusal, None
        self.hide()
