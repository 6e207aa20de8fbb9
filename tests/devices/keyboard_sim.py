"""A keyboard-wedge scanner simulator: renders a code into the key events Qt would report.

Used to build the recorded-stream corpus and by the hypothesis tests. It models what a real
scanner and OS do: the scanner presses US key positions with Shift for shifted characters; the OS
layout (US or Russian) and Caps Lock decide the text; X11 and Windows report native scan codes,
offscreen/QTest-like sources report none; GS arrives as Ctrl+], F8, an Alt+0029 numpad sequence,
the bare character, or a textual stand-in.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

from packstation.devices import keymap
from packstation.devices.decoder import (
    ALT,
    CONTROL,
    KEY_BRACKET_RIGHT,
    KEY_F1,
    KEY_RETURN,
    KEY_TAB,
    KEYPAD,
    SHIFT,
    KeyEvent,
    ScanDecoder,
)

KEY_SHIFT = 0x01000020
KEY_CONTROL = 0x01000021
KEY_ALT = 0x01000023
GS = "\x1d"

_X11 = {name: code for code, name in keymap.X11_KEYCODES.items()}
_WIN = {name: code for code, name in keymap.WIN_SCANCODES.items()}
_VK = {name: code for code, name in keymap.WIN_VIRTUAL_KEYS.items()}

GS_FORMS = ("ctrl_bracket", "f8", "alt_numpad", "char", "<GS>", "\\u001d")
NATIVE = ("x11", "windows", "none")
LAYOUTS = ("us", "ru")


@dataclass(frozen=True)
class Mangling:
    """How a scan reaches the app."""

    layout: str = "us"
    caps_lock: bool = False
    native: str = "x11"  # "x11", "windows" or "none" (no native codes, Caps Lock state unknown)
    gs_form: str = "ctrl_bracket"
    prefix: str = ""  # sent before the data (configured prefix and/or AIM id like "]d2")
    suffix: str = "enter"  # "enter", "tab", or a literal text suffix followed by nothing
    leading_gs: bool = False  # FNC1 sent as a leading GS

    @property
    def platform(self) -> str:
        return "" if self.native == "none" else self.native


class Scanner:
    """Renders text into key events with scanner-like timing."""

    def __init__(self, mangling: Mangling, *, start_ms: float = 1000.0, seed: int = 0) -> None:
        self.m = mangling
        self.t = start_ms
        self.rng = random.Random(seed)

    def _tick(self, lo: float, hi: float) -> float:
        self.t += self.rng.uniform(lo, hi)
        return round(self.t, 1)

    def char(self, ch: str, *, lo: float = 2, hi: float = 14) -> list[KeyEvent]:
        """One printable US character as the scanner types it."""
        key, shifted = keymap.US_CHARS[ch]
        ru = self.m.layout == "ru"
        table = keymap.RU_KEYS if ru else keymap.US_KEYS
        caps_keys = keymap.RU_CAPS_KEYS if ru else keymap.US_CAPS_KEYS
        effective = shifted != (self.m.caps_lock and key in caps_keys)
        text = table[key][1 if effective else 0]
        events = []
        if shifted:
            events.append(self._event(KEY_SHIFT, "", SHIFT, lo, hi))
        qt_key = ord(text.upper()) if text.strip() else 0x20
        events.append(
            KeyEvent(
                qt_key,
                text,
                SHIFT if shifted else 0,
                self._scan_code(key),
                self._virtual_key(key),
                self._tick(lo, hi),
                self._caps(),
            )
        )
        return events

    def gs(self) -> list[KeyEvent]:
        form = self.m.gs_form
        if form == "ctrl_bracket":
            # X11/Windows deliver the control character; QTest-like sources deliver "]".
            text = GS if self.m.native != "none" else ("ъ" if self.m.layout == "ru" else "]")
            key = KEY_BRACKET_RIGHT if self.m.layout == "us" else 0x42A
            return [
                self._event(KEY_CONTROL, "", CONTROL, 2, 10),
                KeyEvent(key, text, CONTROL, self._scan_code("]"), self._virtual_key("]"), self._tick(2, 10)),
            ]
        if form == "f8":
            native = self._native_code(74, 0x42)
            return [KeyEvent(KEY_F1 + 7, "", 0, native, 0x77, self._tick(2, 10))]
        if form == "alt_numpad":
            events = [self._event(KEY_ALT, "", ALT, 2, 10)]
            for digit in "0029":
                events.append(KeyEvent(ord(digit), "", ALT | KEYPAD, 0, 0, self._tick(2, 10)))
            events.append(KeyEvent(0, GS, 0, 0, 0, self._tick(2, 10)))
            return events
        if form == "char":
            return [KeyEvent(0, GS, 0, 0, 0, self._tick(2, 10))]
        return self.text(form)

    def text(self, text: str) -> list[KeyEvent]:
        events: list[KeyEvent] = []
        for ch in text:
            events.extend(self.gs() if ch == GS else self.char(ch))
        return events

    def scan(self, code: str) -> list[KeyEvent]:
        """A whole scan: optional FNC1, prefix, the code, the suffix."""
        events = self.text(self.m.prefix)
        if self.m.leading_gs:
            events.extend(self.gs())
        events.extend(self.text(code))
        if self.m.suffix == "enter":
            native = self._native_code(36, 0x1C)
            events.append(KeyEvent(KEY_RETURN, "\r", 0, native, 0x0D, self._tick(2, 14)))
        elif self.m.suffix == "tab":
            native = self._native_code(23, 0x0F)
            events.append(KeyEvent(KEY_TAB, "\t", 0, native, 0x09, self._tick(2, 14)))
        else:
            events.extend(self.text(self.m.suffix))
        return events

    def human(self, text: str) -> list[KeyEvent]:
        """A person typing: 120-450 ms between keys."""
        events: list[KeyEvent] = []
        for ch in text:
            events.extend(self.char(ch, lo=120, hi=450))
        return events

    def pause(self, ms: float) -> None:
        self.t += ms

    def _event(self, key: int, text: str, modifiers: int, lo: float, hi: float) -> KeyEvent:
        return KeyEvent(key, text, modifiers, 0, 0, self._tick(lo, hi) - 0.5, self._caps())

    def _native_code(self, x11: int, windows: int) -> int:
        return {"x11": x11, "windows": windows}.get(self.m.native, 0)

    def _scan_code(self, key: str) -> int:
        if self.m.native == "x11":
            return _X11[key]
        if self.m.native == "windows":
            return _WIN[key]
        return 0

    def _virtual_key(self, key: str) -> int:
        return _VK.get(key, 0) if self.m.native == "windows" else 0

    def _caps(self) -> bool | None:
        return None if self.m.native == "none" else self.m.caps_lock


def event_to_json(event: KeyEvent) -> list[object]:
    d = asdict(event)
    names = ("key", "text", "modifiers", "scan_code", "virtual_key", "timestamp_ms", "caps_lock")
    return [d[name] for name in names]


def event_from_json(row: list[object]) -> KeyEvent:
    key, text, modifiers, scan_code, virtual_key, ts, caps = row
    assert isinstance(key, int)
    assert isinstance(text, str)
    assert isinstance(modifiers, int)
    assert isinstance(scan_code, int)
    assert isinstance(virtual_key, int)
    assert isinstance(ts, int | float)
    assert caps is None or isinstance(caps, bool)
    return KeyEvent(key, text, modifiers, scan_code, virtual_key, float(ts), caps)


def replay(decoder: ScanDecoder, events: list[KeyEvent]) -> tuple[list[str], str]:
    """Feed a stream the way the Qt filter does; return the scans and the text that reached the widget."""
    scans: list[str] = []
    delivered: list[KeyEvent] = []
    for event in events:
        result = decoder.feed(event)
        delivered.extend(result.replay)
        if not result.consume:
            delivered.append(event)
        scans.extend(result.scans)
    delivered.extend(decoder.expire(float("inf")))
    typed = "".join(e.text for e in delivered if e.text.isprintable() and not e.modifiers & (CONTROL | ALT))
    return scans, typed
