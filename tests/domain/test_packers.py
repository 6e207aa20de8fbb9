"""Packer sign-in rules: badge scans in and out, replacing a packer, names, idle sign-out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from packstation.domain.packers import (
    UNKNOWN_PACKER,
    PackerSignIn,
    SignedIn,
    SignedOut,
    UnknownBadge,
    badge_of,
    packers_from,
)

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
PACKERS = packers_from([("Анна", ""), ("Борис", "b7"), ("  ", "x")])


def test_badges_are_numbered_and_read_case_insensitively() -> None:
    assert [(p.name, p.badge) for p in PACKERS] == [("Анна", "P01"), ("Борис", "B7")]
    assert PACKERS[0].payload == "PS:PACKER:P01"
    assert badge_of("ps:packer:p01\r\n") == "P01"
    assert badge_of("PS:SUBMIT") is None
    assert badge_of("PS:PACKER:") is None


def test_scan_in_replace_scan_out_and_idle() -> None:
    desk = PackerSignIn(PACKERS, idle_sign_out=timedelta(minutes=10))
    assert desk.name == UNKNOWN_PACKER
    assert desk.scan("P01", T0) == SignedIn(PACKERS[0])
    assert desk.scan("B7", T0) == SignedIn(PACKERS[1], replaced=PACKERS[0])
    assert desk.scan("b7", T0) == SignedOut(PACKERS[1])
    assert desk.name == UNKNOWN_PACKER
    assert desk.scan("ZZ", T0) == UnknownBadge("ZZ")
    assert desk.sign_in_by_name("Анна", T0) == SignedIn(PACKERS[0])
    desk.activity(T0 + timedelta(minutes=8))
    assert desk.check_idle(T0 + timedelta(minutes=17)) is None
    assert desk.check_idle(T0 + timedelta(minutes=18)) == SignedOut(PACKERS[0], idle=True)
    assert desk.sign_in_by_name("Никто", T0) is None


def test_no_idle_sign_out_when_off() -> None:
    desk = PackerSignIn(PACKERS, idle_sign_out=None)
    desk.scan("P01", T0)
    assert desk.check_idle(T0 + timedelta(days=1)) is None
