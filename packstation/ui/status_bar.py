"""Status bar pieces: the connection state (Demo / Online / Offline / Rate-limited), the number of
orders shown, today's shift (due today, packed, late) and when the list was last refreshed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from packstation.domain.deadline import ShiftTotals
from packstation.services.order_queue import ConnectionState
from packstation.ui import palette
from packstation.ui.format import fill, local_day_time, local_time

__all__ = ["AppStatusBar", "ConnectionIndicator", "ConnectionState", "state_text"]


# (background, text colour) per state: colour is a second channel next to the words.
_COLOURS = {
    ConnectionState.DEMO: (palette.PURPLE, "white"),
    ConnectionState.ONLINE: (palette.ONLINE_BG, "white"),
    ConnectionState.OFFLINE: (palette.OFFLINE_BG, "white"),
    ConnectionState.RATE_LIMITED: (palette.RATE_LIMITED_BG, "white"),
}


def state_text(state: ConnectionState) -> str:
    """The translated caption of a connection state."""
    texts = {
        ConnectionState.DEMO: QCoreApplication.translate("ConnectionIndicator", "Demo"),
        ConnectionState.ONLINE: QCoreApplication.translate("ConnectionIndicator", "Online"),
        ConnectionState.OFFLINE: QCoreApplication.translate("ConnectionIndicator", "Offline"),
        ConnectionState.RATE_LIMITED: QCoreApplication.translate("ConnectionIndicator", "Rate-limited"),
    }
    return texts[state]


class ConnectionIndicator(QLabel):
    """A coloured pill with the connection state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = ConnectionState.OFFLINE
        self.set_state(ConnectionState.OFFLINE)

    def set_state(self, state: ConnectionState) -> None:
        self.state = state
        background, foreground = _COLOURS[state]
        self.setText(state_text(state))
        self.setStyleSheet(
            f"QLabel {{background:{background}; color:{foreground}; border-radius:8px; padding:1px 10px;"
            " font-weight:bold;}"
        )


class AppStatusBar(QStatusBar):
    """The main window's status bar: order count and last refresh on the left, state on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = QLabel(self)
        self.refreshed = QLabel(self)
        self.shift = QLabel(self)
        self.shift.setObjectName("shiftTotals")
        self._shift_shown: ShiftTotals | None = None
        self.connection = ConnectionIndicator(self)
        self.packer = QToolButton(self)
        self.packer.setObjectName("packerButton")
        self.packer.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.packer.setToolTip(self.tr("Scan your badge, or pick your name here, to sign in"))
        self.addWidget(self.counts)
        self.addWidget(self.shift)
        self.addWidget(self.refreshed)
        self.addPermanentWidget(self.packer)
        self.addPermanentWidget(self.connection)
        self.set_packer("")

    def set_packer(self, name: str) -> None:
        """Name the signed-in packer (empty: nobody)."""
        self.packer.setText(fill(self.tr("Packer: %1"), name) if name else self.tr("Packer: not signed in"))

    def set_counts(self, shown: int, total: int) -> None:
        if shown == total:
            self.counts.setText(self.tr("Orders: %n", "", total))
        else:
            text = self.tr("Orders: %1 of %2")
            self.counts.setText(fill(text, str(shown), str(total)))

    def set_shift(self, totals: ShiftTotals) -> None:
        """Today's shift: "Today: 12 due · 5 packed · 2 late" (late in red when there are any)."""
        if totals == self._shift_shown:  # after every list change and every 5 s: mostly the same
            return
        self._shift_shown = totals
        parts = [
            self.tr("Today: %n due", "", totals.due_today),
            self.tr("%n packed", "", totals.packed),
            self.tr("%n late", "", totals.late),
        ]
        self.shift.setText(" · ".join(parts))
        self.shift.setStyleSheet(f"color:{palette.LATE}; font-weight:bold;" if totals.late else "")

    def set_refreshed(self, when: datetime | None) -> None:
        self.refreshed.setText(fill(self.tr("Updated at %1"), local_time(when, seconds=True)) if when else "")
        self.refreshed.setToolTip("")

    def set_kept(self, saved_at: datetime) -> None:
        """The list shown is the one kept from the last run (at start-up), until the Market's
        first page replaces it (`set_refreshed`)."""
        self.refreshed.setText(fill(self.tr("List of %1 — updating…"), local_day_time(saved_at)))
        self.refreshed.setToolTip(
            self.tr("The orders this station listed last time, shown until the Market answers")
        )
