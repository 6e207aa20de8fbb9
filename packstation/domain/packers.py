"""Who packs at the desk: packers sign in by scanning their badge (a Code 128 barcode
`PS:PACKER:<badge>`) or by picking their name, and out by scanning it again or after idle time.

`PackerSignIn` decides, without Qt or a clock of its own, what a badge scan or idle time means and
returns the outcome as a value; the shell carries it out (status bar, audit identity).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

BADGE_PREFIX: Final = "PS:PACKER:"
UNKNOWN_PACKER: Final = "unknown"
"""The packer recorded when nobody signed in (a desk that does not require sign-in)."""


@dataclass(frozen=True, slots=True)
class Packer:
    name: str
    badge: str

    @property
    def payload(self) -> str:
        return BADGE_PREFIX + self.badge.upper()


def badge_of(scan: str) -> str | None:
    """The badge id of a badge scan (case-insensitive, as scanners may flip case), else None."""
    text = scan.strip("\r\n\t ")
    if text.upper().startswith(BADGE_PREFIX):
        badge = text[len(BADGE_PREFIX) :].upper()
        return badge or None
    return None


@dataclass(frozen=True, slots=True)
class SignedIn:
    packer: Packer
    replaced: Packer | None = None  # the packer signed out by this sign-in


@dataclass(frozen=True, slots=True)
class SignedOut:
    packer: Packer
    idle: bool = False


@dataclass(frozen=True, slots=True)
class UnknownBadge:
    badge: str


SignInOutcome = SignedIn | SignedOut | UnknownBadge


class PackerSignIn:
    """The desk's signed-in packer.

    Args:
        packers: the packer list from Settings.
        idle_sign_out: sign the packer out after this long without activity (None: never).
    """

    def __init__(self, packers: Sequence[Packer], idle_sign_out: timedelta | None = None) -> None:
        self.packers = tuple(packers)
        self.idle_sign_out = idle_sign_out
        self.current: Packer | None = None
        self.last_activity: datetime | None = None

    @property
    def name(self) -> str:
        """Who is recorded now: the signed-in packer, or "unknown"."""
        return self.current.name if self.current is not None else UNKNOWN_PACKER

    def scan(self, badge: str, now: datetime) -> SignInOutcome:
        """A badge scan: signs its packer in, or out when it is the one signed in."""
        packer = next((p for p in self.packers if p.badge.upper() == badge.upper()), None)
        if packer is None:
            return UnknownBadge(badge)
        if self.current == packer:
            return self.sign_out()
        return self.sign_in(packer, now)

    def sign_in(self, packer: Packer, now: datetime) -> SignedIn:
        replaced = self.current if self.current != packer else None
        self.current, self.last_activity = packer, now
        return SignedIn(packer, replaced)

    def sign_in_by_name(self, name: str, now: datetime) -> SignedIn | None:
        packer = next((p for p in self.packers if p.name == name), None)
        return None if packer is None else self.sign_in(packer, now)

    def sign_out(self, *, idle: bool = False) -> SignedOut:
        packer = self.current
        assert packer is not None
        self.current, self.last_activity = None, None
        return SignedOut(packer, idle)

    def activity(self, now: datetime) -> None:
        """Any scan or action at the desk keeps the packer signed in."""
        if self.current is not None:
            self.last_activity = now

    def check_idle(self, now: datetime) -> SignedOut | None:
        """Sign out a packer idle for longer than `idle_sign_out`."""
        if self.current is None or self.idle_sign_out is None or self.last_activity is None:
            return None
        if now - self.last_activity >= self.idle_sign_out:
            return self.sign_out(idle=True)
        return None


def packers_from(entries: Sequence[tuple[str, str]]) -> tuple[Packer, ...]:
    """Packers from (name, badge) settings entries; an empty badge becomes P01, P02, ..."""
    return tuple(
        Packer(name.strip(), (badge.strip() or f"P{index:02d}").upper())
        for index, (name, badge) in enumerate(entries, start=1)
        if name.strip()
    )
