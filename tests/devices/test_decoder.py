"""The scan decoder, fed hand-written key events (independent of the simulator's tables)."""

from __future__ import annotations

import pydantic
import pytest

from packstation.devices.config import ScannerSettings
from packstation.devices.decoder import (
    ALT,
    CONTROL,
    KEY_F1,
    KEY_RETURN,
    KEYPAD,
    SHIFT,
    KeyEvent,
    ScanDecoder,
    function_key,
)
from tests.devices.keyboard_sim import replay

ENTER = KeyEvent(KEY_RETURN, "\r")


def _typed(text: str, *, start: float = 0.0, gap: float = 10.0, modifiers: int = 0) -> list[KeyEvent]:
    return [
        KeyEvent(ord(ch.upper()), ch, modifiers, timestamp_ms=start + i * gap) for i, ch in enumerate(text)
    ]


def _scan(text: str, *, modifiers: int = 0) -> list[KeyEvent]:
    events = _typed(text, modifiers=modifiers)
    return [*events, _enter(events[-1].timestamp_ms + 10)]


def _enter(at: float) -> KeyEvent:
    return KeyEvent(KEY_RETURN, "\r", timestamp_ms=at)


def test_fast_keys_ended_by_enter_are_one_scan_and_swallowed() -> None:
    decoder = ScanDecoder()
    results = [decoder.feed(e) for e in [*_typed("4601234567893"), _enter(130)]]
    assert all(r.consume for r in results)
    assert results[-1].scans == ("4601234567893",)


def test_slow_keys_are_human_and_handed_back_in_order() -> None:
    scans, typed = replay(ScanDecoder(), [*_typed("hello", gap=200), _enter(1000)])
    assert scans == []
    assert typed == "hello"


def test_human_enter_after_short_fast_burst_passes_through() -> None:
    decoder = ScanDecoder(ScannerSettings(min_scan_length=4))
    for e in _typed("ab"):
        assert decoder.feed(e).consume
    result = decoder.feed(_enter(20))
    assert not result.consume
    assert "".join(e.text for e in result.replay) == "ab"


def test_gap_threshold_is_configurable() -> None:
    events = [*_typed("12345678", gap=80), _enter(640)]
    assert replay(ScanDecoder(ScannerSettings(max_key_gap_ms=50)), events)[0] == []
    assert replay(ScanDecoder(ScannerSettings(max_key_gap_ms=100)), events)[0] == ["12345678"]


def test_expire_releases_a_pending_run_after_the_gap() -> None:
    decoder = ScanDecoder()
    decoder.feed(KeyEvent(ord("A"), "a", timestamp_ms=0))
    assert decoder.expire(30) == ()
    assert [e.text for e in decoder.expire(60)] == ["a"]
    assert not decoder.pending


def test_navigation_key_releases_pending_keys_first() -> None:
    decoder = ScanDecoder()
    decoder.feed(KeyEvent(ord("A"), "a", timestamp_ms=0))
    result = decoder.feed(KeyEvent(0x01000003, "\b", timestamp_ms=5))  # Backspace
    assert not result.consume
    assert [e.text for e in result.replay] == ["a"]


def test_configured_suffix_ends_a_scan_without_enter() -> None:
    decoder = ScanDecoder(ScannerSettings(suffix="##"))
    scans, _ = replay(decoder, _typed("4601234567893##"))
    assert scans == ["4601234567893"]


def test_ctrl_bracket_f8_alt_code_and_char_all_give_gs() -> None:
    decoder = ScanDecoder(ScannerSettings(gs_keys=["F8"]))
    events = [
        *_typed("0104601234567893", start=0),
        *_typed("21ab+Cd9", start=200),
        KeyEvent(0x5D, "]", CONTROL, timestamp_ms=290),  # Ctrl+] as QTest sends it
        *_typed("93Zj", start=300),
        KeyEvent(function_key("F8"), "", timestamp_ms=345),
        KeyEvent(0x30, "", ALT | KEYPAD, timestamp_ms=350),
        KeyEvent(0x30, "", ALT | KEYPAD, timestamp_ms=355),
        KeyEvent(0x32, "", ALT | KEYPAD, timestamp_ms=360),
        KeyEvent(0x39, "", ALT | KEYPAD, timestamp_ms=365),
        KeyEvent(0, "\x1d", timestamp_ms=370),
        KeyEvent(0, "\x1d", timestamp_ms=375),
        _enter(380),
    ]
    scans, _ = replay(decoder, events)
    assert scans == ["0104601234567893" "21ab+Cd9" "\x1d" "93Zj" "\x1d\x1d\x1d"]
    assert function_key("F8") == KEY_F1 + 7
    assert function_key("X") == 0


def test_russian_text_is_mapped_back_including_punctuation() -> None:
    # "PS:NEW_BOX" typed by a scanner under the Russian layout (Shift held for capitals and ':').
    scans, _ = replay(ScanDecoder(), _scan("ЗЫЖТУЦ_ИЩЧ", modifiers=SHIFT))
    assert scans == ["PS:NEW_BOX"]
    # "a/b.c,d;e" -> "фюи.сбвжу": "." is US "/", "ю" is ".", "б" is ",", "ж" is ";".
    scans, _ = replay(ScanDecoder(), _scan("ф.июсбвжу"))
    assert scans == ["a/b.c,d;e"]


def test_caps_lock_inversion_is_undone_by_the_shift_the_scanner_pressed() -> None:
    # Caps Lock on: Shift+a gives "a", plain a gives "A".
    events = [
        KeyEvent(ord("A"), "a", SHIFT, timestamp_ms=0),
        KeyEvent(ord("B"), "B", 0, timestamp_ms=5),
        KeyEvent(ord("1"), "!", SHIFT, timestamp_ms=10),
        KeyEvent(ord("C"), "C", 0, timestamp_ms=15),
        _enter(20),
    ]
    assert replay(ScanDecoder(), events)[0] == ["Ab!c"]


def test_caps_lock_state_from_the_platform_wins_over_guessing() -> None:
    events = [KeyEvent(ord(c), c, 0, timestamp_ms=i * 5, caps_lock=True) for i, c in enumerate("ABCD")]
    assert replay(ScanDecoder(), [*events, _enter(30)])[0] == ["abcd"]


def test_x11_keycodes_give_us_characters_whatever_the_text() -> None:
    # keycode 24 = Q, 35 = ], 59 = comma, 61 = slash; text is what a Russian layout produced.
    events = [
        KeyEvent(0x419, "Й", SHIFT, scan_code=24, timestamp_ms=0),
        KeyEvent(0x42A, "ъ", 0, scan_code=35, timestamp_ms=5),
        KeyEvent(0x411, "Б", SHIFT, scan_code=59, timestamp_ms=10),
        KeyEvent(0x2E, ".", 0, scan_code=61, timestamp_ms=15),
        KeyEvent(KEY_RETURN, "\r", 0, scan_code=36, timestamp_ms=20),
    ]
    assert replay(ScanDecoder(platform="x11"), events)[0] == ["Q]</"]


def test_windows_scan_codes_and_virtual_keys() -> None:
    events = [
        KeyEvent(0x419, "й", 0, scan_code=0x10, virtual_key=0x51, timestamp_ms=0),  # q
        KeyEvent(0x42E, "Ю", SHIFT, scan_code=0x34, virtual_key=0xBE, timestamp_ms=5),  # >
        KeyEvent(0x416, "ж", 0, scan_code=0, virtual_key=0xBA, timestamp_ms=10),  # ; via VK only
        KeyEvent(0x31, "1", 0, scan_code=0x02, virtual_key=0x31, timestamp_ms=15),
        KeyEvent(0, "\r", 0, scan_code=0x1C, virtual_key=0x0D, timestamp_ms=20),  # Enter by scan code
    ]
    assert replay(ScanDecoder(platform="windows"), events)[0] == ["q>;1"]


def test_prefixes_aim_id_leading_gs_and_stand_ins_are_cleaned() -> None:
    settings = ScannerSettings(prefixes=["@@"], gs_stand_ins=["<GS>", "\\u001d"])
    scans, _ = replay(ScanDecoder(settings), _scan("@@]d2<gs>0104601234567893\\u001d93ab"))
    assert scans == ["0104601234567893\x1d93ab"]


def test_modifier_only_keys_neither_break_nor_join_runs() -> None:
    decoder = ScanDecoder()
    assert not decoder.feed(KeyEvent(0x01000020, "", SHIFT, timestamp_ms=0)).consume
    assert not decoder.pending


def test_a_runaway_stream_is_given_back_not_held_forever() -> None:
    scans, typed = replay(ScanDecoder(), _typed("x" * 700, gap=1))
    assert scans == []
    assert typed == "x" * 700


def test_a_held_down_key_is_a_person_even_when_fast_and_ended_by_enter() -> None:
    first = KeyEvent(ord("A"), "a", timestamp_ms=0)
    repeats = [KeyEvent(ord("A"), "a", timestamp_ms=30 + i * 30, auto_repeat=True) for i in range(6)]
    scans, typed = replay(ScanDecoder(), [first, *repeats, _enter(220)])
    assert scans == []
    assert typed == "a" * 7


def test_which_keys_are_claimed_before_shortcuts() -> None:
    decoder = ScanDecoder(ScannerSettings(prefixes=["~~"]))
    assert decoder.would_hold(KeyEvent(ord("4"), "4"))
    assert decoder.would_hold(KeyEvent(0x42F, "я"))
    assert decoder.would_hold(KeyEvent(ord("~"), "~"))
    assert decoder.would_hold(KeyEvent(function_key("F8"), ""))
    assert not decoder.would_hold(KeyEvent(0x20, " "))
    assert not decoder.would_hold(KeyEvent(KEY_RETURN, "\r"))
    assert not decoder.would_hold(KeyEvent(ord("S"), "s", CONTROL))
    decoder.feed(KeyEvent(ord("4"), "4", timestamp_ms=0))
    assert decoder.would_hold(KeyEvent(0x20, " "))  # mid-run every character is claimed


def test_gs_keys_setting_accepts_function_keys_only() -> None:
    assert ScannerSettings(gs_keys=["F8", "F12"]).gs_keys == ["F8", "F12"]
    with pytest.raises(pydantic.ValidationError):
        ScannerSettings(gs_keys=["Ctrl+G"])
