"""Properties: every valid marking code survives every supported scanner mangling; noise never passes."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from packstation.devices import keymap
from packstation.devices.config import ScannerSettings
from packstation.devices.decoder import ScanDecoder
from packstation.domain.cis import GS, check_cis
from packstation.domain.classify import classify_scan
from packstation.domain.scan import ScanKind
from tests.devices.keyboard_sim import GS_FORMS, LAYOUTS, NATIVE, Mangling, Scanner, replay
from tests.fixtures.cis_strategies import CS82, valid_cis

manglings = st.builds(
    Mangling,
    layout=st.sampled_from(LAYOUTS),
    caps_lock=st.booleans(),
    native=st.sampled_from(NATIVE),
    gs_form=st.sampled_from(GS_FORMS),
    prefix=st.sampled_from(["", "]d2", "~~", "~~]d2"]),
    suffix=st.sampled_from(["enter", "tab", "#!"]),
    leading_gs=st.booleans(),
)


def _decoder(m: Mangling) -> ScanDecoder:
    suffix = "" if m.suffix in ("enter", "tab") else m.suffix
    return ScanDecoder(ScannerSettings(prefixes=["~~"], suffix=suffix), platform=m.platform)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(code=valid_cis(), m=manglings, seed=st.integers(0, 1000))
def test_valid_cis_through_any_mangling_decodes_back_to_itself(code: str, m: Mangling, seed: int) -> None:
    check = check_cis(code)
    assert check.valid, check.problems
    assert check.value == code
    # A code that itself contains a GS stand-in text cannot tell it from a real GS.
    assume("<gs>" not in code.lower())
    events = Scanner(m, seed=seed).scan(code)
    if m.native == "none":
        texts = [e.text for e in events]
        # Plain text cannot show Caps Lock unless the scanner pressed Shift somewhere, nor the
        # Russian layout unless a character only that layout types appears.
        assume(not m.caps_lock or any(keymap.US_CHARS[c][1] for c in code if c != GS))
        assume(m.layout == "us" or any(t in keymap.RU_ONLY_CHARS for t in texts))
    scans, typed = replay(_decoder(m), events)
    assert scans == [code]
    assert typed == ""
    result = classify_scan(scans[0])
    assert result.kind is ScanKind.CIS
    assert result.valid
    assert result.value == code


@settings(max_examples=300, deadline=None)
@given(code=valid_cis())
def test_lost_gs_is_restored_exactly_or_refused(code: str) -> None:
    result = classify_scan(code.replace(GS, ""))
    assert result.kind is ScanKind.CIS
    if result.valid:
        assert result.value == code
    else:
        assert result.problems


@settings(max_examples=500, deadline=None)
@given(noise=st.text(st.sampled_from(CS82 + GS + " #$@[]{}~\\^`|йЖ"), max_size=300))
def test_random_noise_is_never_a_valid_cis(noise: str) -> None:
    result = classify_scan(noise)
    assert not (result.kind is ScanKind.CIS and result.valid)


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from(CS82), min_size=1, max_size=40), m=manglings, seed=st.integers(0, 100))
def test_slow_human_typing_is_never_a_scan(text: str, m: Mangling, seed: int) -> None:
    scanner = Scanner(m, seed=seed)
    events = scanner.human(text)
    scans, typed = replay(_decoder(m), events)
    assert scans == []
    assert typed == "".join(e.text for e in events if e.text)
