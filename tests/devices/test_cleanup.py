"""Scanner framing removal shared by keyboard, serial and check-code input."""

from __future__ import annotations

from packstation.devices.cleanup import clean_scan_text
from packstation.devices.keymap import restore_us_text

GS = "\x1d"


def test_suffix_line_ends_and_case_insensitive_stand_ins() -> None:
    cleaned = clean_scan_text("01AB<gs>93xy#END\r\n", suffix="#END")
    assert cleaned.text == "01AB" + GS + "93xy"
    assert cleaned.repairs == ("removed scanner suffix", "replaced <GS> with GS")


def test_prefix_and_aim_identifier_in_either_order() -> None:
    assert clean_scan_text("@@]d2" + GS + "0104", prefixes=["@@"]).text == "0104"
    after = clean_scan_text("]C1@@0104", prefixes=["@@"])
    assert after.text == "0104"
    assert after.symbology == "]C1"


def test_gs_and_spaces_inside_are_kept() -> None:
    # Python's strip() would eat a GS: only scanner framing goes.
    assert clean_scan_text("01 23" + GS + "45" + GS).text == "01 23" + GS + "45" + GS


def test_only_the_first_aim_identifier_is_removed() -> None:
    assert clean_scan_text("]Q3]d2x").text == "]d2x"


def test_restore_us_text_only_when_the_layout_shows() -> None:
    assert restore_us_text("ЗЫЖТУЦ_ИЩЧ") == "PS:NEW_BOX"
    assert restore_us_text("10702070.010124") == "10702070.010124"  # no Cyrillic: ambiguous, untouched
    assert restore_us_text("фи№") == "ab#"
