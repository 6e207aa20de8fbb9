"""Packer sign-in at the desk: a badge scan (or a name picked in the status bar) signs a packer in,
the same badge or idle time signs them out. From then on every audit line (packing actions,
printed labels, Market changes) carries the packer and the desk. Without sign-in the desk records
"unknown", unless Settings require sign-in: then scans wait for a badge and no order opens (click or Enter).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMenu

from packstation.app.packing import PackingWiring
from packstation.domain.packers import (
    PackerSignIn,
    SignedIn,
    SignedOut,
    SignInOutcome,
    UnknownBadge,
    badge_of,
)
from packstation.domain.time import utc_now
from packstation.settings import AppSettings
from packstation.ui.format import fill
from packstation.ui.main_window import MainWindow

IDLE_CHECK_MS = 15_000


class PackerWiring(QObject):
    """Connects `PackerSignIn` to the scanner, the status bar and the audit identity."""

    def __init__(
        self,
        settings: AppSettings,
        window: MainWindow,
        packing: Callable[[], PackingWiring],  # built after this desk rule, with its hooks
        *,
        show_info: Callable[[str], None],
        show_error: Callable[[str], None],
        clock: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window = window
        self.packing = packing
        self.show_info = show_info
        self.show_error = show_error
        self.clock = clock
        self.state = PackerSignIn(settings.shift.packer_list(), settings.shift.idle_sign_out)
        self.require = settings.shift.require_sign_in
        self._build_menu()
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        self._show()

    def _build_menu(self) -> None:
        menu = QMenu(self.window.status.packer)
        for packer in self.state.packers:
            menu.addAction(packer.name, self._picker(packer.name))
        menu.addSeparator()
        self.sign_out_action = menu.addAction(self.tr("Sign out"), self.sign_out)
        self.window.status.packer.setMenu(menu)

    def apply_settings(self, settings: AppSettings) -> None:
        """A new packer list, sign-in rule or idle time; the signed-in packer stays if still listed."""
        self.settings = settings
        current = self.state.current
        self.state = PackerSignIn(settings.shift.packer_list(), settings.shift.idle_sign_out)
        self.require = settings.shift.require_sign_in
        if current is not None and current in self.state.packers:
            self.state.sign_in(current, self.clock())
        self._build_menu()
        self.apply_identity()
        self._show()

    def refusal(self) -> str | None:
        """Why the desk may not act yet (sign-in required, nobody signed in), or None."""
        if self.require and self.state.current is None:
            return self.tr("Sign in first: scan your badge or pick your name in the status bar.")
        return None

    def take_scan(self, text: str) -> bool:
        """The desk's first look at a scan: True when it was a badge (or sign-in is required)."""
        now = self.clock()
        badge = badge_of(text)
        if badge is None:
            refusal = self.refusal()
            if refusal is not None:
                self.show_error(refusal)
                return True
            self.state.activity(now)
            return False
        self._apply(self.state.scan(badge, now))
        return True

    def _picker(self, name: str) -> Callable[[], None]:
        return lambda: self.pick(name)

    def pick(self, name: str) -> None:
        outcome = self.state.sign_in_by_name(name, self.clock())
        if outcome is not None:
            self._apply(outcome)

    def sign_out(self) -> None:
        if self.state.current is not None:
            self._apply(self.state.sign_out())

    def check_idle(self) -> None:
        outcome = self.state.check_idle(self.clock())
        if outcome is not None:
            self._apply(outcome)

    def apply_identity(self) -> None:
        """Make the audit record the current packer and desk (also once the store opens)."""
        name = self.state.name
        self.packing().set_packer(name)
        store = self.packing().store
        if store is not None:
            store.audit.set_identity(self.settings.station_name, name)

    def _apply(self, outcome: SignInOutcome) -> None:
        if isinstance(outcome, UnknownBadge):
            self.show_error(
                fill(self.tr("Unknown badge %1: add the packer in Settings."), outcome.badge)
            )
            return
        store = self.packing().store
        if isinstance(outcome, SignedIn):
            if outcome.replaced is not None:
                self._audit(store, "packer_signed_out", outcome.replaced.name)
            self.apply_identity()
            self._audit(store, "packer_signed_in", outcome.packer.name)
            self.show_info(fill(self.tr("Packer %1 signed in."), outcome.packer.name))
        elif isinstance(outcome, SignedOut):
            self._audit(store, "packer_signed_out", "idle" if outcome.idle else "")
            self.apply_identity()
            self.show_info(fill(self.tr("Packer %1 signed out."), outcome.packer.name))
        self._show()

    def _audit(self, store: object, action: str, detail: str) -> None:
        audit = getattr(store, "audit", None)
        if audit is not None:
            audit.record(action, detail=detail)

    def _show(self) -> None:
        self.window.status.set_packer(self.state.current.name if self.state.current else "")
        self.sign_out_action.setEnabled(self.state.current is not None)
