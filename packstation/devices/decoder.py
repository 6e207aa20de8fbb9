"""The keyboard-wedge scan decoder: key events in, whole scans (or human keys to replay) out.

It is fed every key press with what Qt knows about it (key code, text, modifiers, native scan
code, native virtual key, time, Caps Lock when known) and has no Qt dependency, so recorded
streams can be replayed in tests. Framing: keys closer than `max_key_gap_ms` form a run; a run of
at least `min_scan_length` characters ended by Enter, Tab or the configured suffix is a scan. Keys
of a run are held back until the run is known to be a human's (a gap or a non-scan key), then
handed back to be replayed, so human typing works normally and a scan never lands in a text field.

Characters are restored to what the scanner meant (US key positions): by native scan code where
the platform gives one (layout and Caps Lock independent), else through the layout tables.
GS (0x1D) is restored from Ctrl+], a configured key (F8 by default), the character itself, or a
textual stand-in (see `cleanup.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from packstation.devices import keymap
from packstation.devices.cleanup import GS, clean_scan_text
from packstation.devices.config import ScannerSettings

# Qt key codes and modifier flags (Qt::Key, Qt::KeyboardModifier), spelled out to stay Qt-free.
KEY_TAB: Final = 0x01000001
KEY_BACKTAB: Final = 0x01000002
KEY_RETURN: Final = 0x01000004
KEY_ENTER: Final = 0x01000005
KEY_F1: Final = 0x01000030
KEY_BRACKET_RIGHT: Final = 0x5D
KEY_HARD_SIGN: Final = 0x42A  # Cyrillic Ъ: Ctrl+] under the Russian layout
MODIFIER_KEYS: Final = frozenset(
    {0x01000020, 0x01000021, 0x01000022, 0x01000023, 0x01000024, 0x01000025, 0x01000026, 0x01001103}
)
SHIFT: Final = 0x02000000
CONTROL: Final = 0x04000000
ALT: Final = 0x08000000
META: Final = 0x10000000
KEYPAD: Final = 0x20000000

# Platforms whose native scan codes we can read (QGuiApplication.platformName() families).
PLATFORM_X11: Final = "x11"
PLATFORM_WINDOWS: Final = "windows"

_NOT_PLAIN: Final = CONTROL | ALT | META
# A run this long is not a scan (the longest code is 256 characters plus framing).
_MAX_RUN: Final = 600


def function_key(name: str) -> int:
    """The Qt key code of "F1".."F35"; 0 for anything else."""
    if len(name) >= 2 and name[0] in "Ff" and name[1:].isdigit() and 1 <= int(name[1:]) <= 35:
        return KEY_F1 + int(name[1:]) - 1
    return 0


@dataclass(frozen=True, slots=True)
class KeyEvent:
    """One key press as the decoder sees it.

    Attributes:
        key: Qt key code (0 when unknown).
        text: the text Qt produced (may be Cyrillic, case-inverted, or empty).
        modifiers: Qt keyboard modifier flags as an int.
        scan_code: QKeyEvent.nativeScanCode() (0 when the platform gives none).
        virtual_key: QKeyEvent.nativeVirtualKey() (used on Windows).
        timestamp_ms: when the key was pressed, in milliseconds on any monotonic clock.
        caps_lock: Caps Lock state if the platform reports it, else None.
        auto_repeat: the key is held down (a person, never a scanner).
    """

    key: int
    text: str
    modifiers: int = 0
    scan_code: int = 0
    virtual_key: int = 0
    timestamp_ms: float = 0.0
    caps_lock: bool | None = None
    auto_repeat: bool = False


class Token(Enum):
    """What one key press means to the framing."""

    CHAR = "char"
    GS = "gs"
    END = "end"
    ALT_CODE = "alt_code"  # a numpad digit of an Alt+0029 sequence
    NEUTRAL = "neutral"  # a bare modifier key: ignored
    OTHER = "other"  # anything a scan never contains: ends a run


@dataclass(frozen=True, slots=True)
class FeedResult:
    """What to do with the key just fed.

    Attributes:
        consume: True to swallow the key (it is part of a possible scan).
        replay: earlier held-back keys that turned out to be human typing; deliver them, in
            order, before the current key.
        scans: finished scans (cleaned text, GS restored).
    """

    consume: bool
    replay: tuple[KeyEvent, ...] = ()
    scans: tuple[str, ...] = ()


_HOLD: Final = FeedResult(consume=True)


@dataclass
class _Run:
    events: list[tuple[Token, KeyEvent]] = field(default_factory=list)
    chars: int = 0
    last_ms: float = 0.0
    russian: bool = False  # a character only the Russian layout types was seen
    shift_seen: bool = False  # the source reports Shift, so Shift tells the letter case


class ScanDecoder:
    """Frames key events into scans and restores what the keyboard mangled.

    Args:
        settings: thresholds, prefixes, suffix, GS stand-ins and GS keys.
        platform: `PLATFORM_X11`, `PLATFORM_WINDOWS`, or "" when native codes are unusable.
    """

    def __init__(self, settings: ScannerSettings | None = None, platform: str = "") -> None:
        self.settings = settings or ScannerSettings()
        self.platform = platform
        self._gs_keys = frozenset(function_key(name) for name in self.settings.gs_keys) - {0}
        # Non-alphanumeric characters a scan may start with: AIM "]", HRI "(", configured prefixes.
        self._start_chars = frozenset("](") | {p[0] for p in self.settings.prefixes if p}
        self._run = _Run()

    @property
    def pending(self) -> bool:
        """True while keys are held back waiting to be judged scan or human."""
        return bool(self._run.events)

    def feed(self, event: KeyEvent) -> FeedResult:
        """Judge one key press; see `FeedResult`."""
        token = self._token(event)
        if token is Token.NEUTRAL:
            return FeedResult(consume=False)
        replay: tuple[KeyEvent, ...] = ()
        if self._run.events and event.timestamp_ms - self._run.last_ms > self.settings.max_key_gap_ms:
            replay = self._release()
        if token is Token.OTHER:
            return FeedResult(False, replay + self._release())
        if token is Token.END:
            if self._run.chars >= self.settings.min_scan_length:
                return FeedResult(True, replay, self._finish())
            return FeedResult(False, replay + self._release())
        if token is Token.ALT_CODE and not self._run.events:
            return FeedResult(False, replay)
        self._run.events.append((token, event))
        self._run.last_ms = event.timestamp_ms
        if token is Token.CHAR:
            self._run.chars += 1
            self._run.russian = self._run.russian or event.text in keymap.RU_ONLY_CHARS
            self._run.shift_seen = self._run.shift_seen or bool(event.modifiers & SHIFT)
            if len(self._run.events) > _MAX_RUN:  # the current key is handed back with the rest
                return FeedResult(True, replay + self._release())
            suffix = self.settings.suffix
            enough = self._run.chars >= self.settings.min_scan_length
            if suffix and enough and self._decode(tail=len(suffix)).endswith(suffix):
                return FeedResult(True, replay, self._finish())
        return FeedResult(True, replay) if replay else _HOLD

    def would_hold(self, event: KeyEvent) -> bool:
        """True if `feed(event)` may swallow this key (so it must not trigger a shortcut)."""
        token = self._token(event)
        if token is Token.GS:
            return True
        if token is Token.CHAR:
            # Mid-run every key is claimed; a first key only if a scan can start with it, so
            # shortcuts on Space or punctuation keep working on widgets that take no text.
            return self.pending or event.text.isalnum() or event.text in self._start_chars
        if token is Token.END:
            return self._run.chars >= self.settings.min_scan_length
        return token is Token.ALT_CODE and self.pending

    def expire(self, now_ms: float) -> tuple[KeyEvent, ...]:
        """Release held-back keys once the gap since the last one shows a human typed them."""
        if self._run.events and now_ms - self._run.last_ms > self.settings.max_key_gap_ms:
            return self._release()
        return ()

    def _release(self) -> tuple[KeyEvent, ...]:
        events = tuple(event for _, event in self._run.events)
        self._run = _Run()
        return events

    def _finish(self) -> tuple[str, ...]:
        text = self._decode()
        self._run = _Run()
        cleaned = clean_scan_text(
            text,
            prefixes=self.settings.prefixes,
            suffix=self.settings.suffix,
            gs_stand_ins=self.settings.gs_stand_ins,
        ).text
        return (cleaned,) if cleaned else ()

    def _token(self, event: KeyEvent) -> Token:
        text = event.text
        if event.auto_repeat:
            return Token.OTHER  # a held-down key: a person, and it must reach the widget now
        if len(text) == 1 and not event.modifiers & _NOT_PLAIN and text != GS and text.isprintable():
            return Token.CHAR  # the common case first: one plain character
        if event.key in MODIFIER_KEYS:
            return Token.NEUTRAL
        if event.key in (KEY_RETURN, KEY_ENTER, KEY_TAB, KEY_BACKTAB) or self._native_enter(event):
            return Token.END
        if event.text == GS or event.key in self._gs_keys:
            return Token.GS
        if event.modifiers & CONTROL and not event.modifiers & ALT:
            if event.key in (KEY_BRACKET_RIGHT, KEY_HARD_SIGN) or self._native_key(event) == "]":
                return Token.GS
            return Token.OTHER
        if event.modifiers & ALT and event.modifiers & KEYPAD and 0x30 <= event.key <= 0x39:
            return Token.ALT_CODE
        if event.modifiers & (ALT | META) and not event.text:
            return Token.OTHER
        if len(event.text) == 1 and event.text.isprintable():
            return Token.CHAR
        return Token.OTHER

    def _native_enter(self, event: KeyEvent) -> bool:
        if event.key or not event.scan_code:
            return False
        if self.platform == PLATFORM_X11:
            return event.scan_code in keymap.X11_ENTER_KEYCODES
        if self.platform == PLATFORM_WINDOWS:
            return event.scan_code in keymap.WIN_ENTER_SCANCODES
        return False

    def _native_key(self, event: KeyEvent) -> str | None:
        """The physical key (US name) from the native codes, when the platform gives them."""
        if event.modifiers & KEYPAD:
            return None  # numpad digits: the text is layout-independent anyway
        if self.platform == PLATFORM_X11:
            return keymap.X11_KEYCODES.get(event.scan_code)
        if self.platform == PLATFORM_WINDOWS:
            return keymap.WIN_SCANCODES.get(event.scan_code) or keymap.WIN_VIRTUAL_KEYS.get(event.virtual_key)
        return None

    def _decode(self, tail: int = 0) -> str:
        """The run's text in US characters; with `tail`, only its last `tail` keys (suffix check)."""
        russian, shift_seen = self._run.russian, self._run.shift_seen
        table, caps_keys = (
            (keymap.RU_CHARS, keymap.RU_CAPS_KEYS) if russian else (keymap.US_CHARS, keymap.US_CAPS_KEYS)
        )
        out: list[str] = []
        for token, event in self._run.events[-tail:] if tail else self._run.events:
            if token is Token.GS:
                out.append(GS)
                continue
            if token is not Token.CHAR:
                continue
            shift = bool(event.modifiers & SHIFT)
            native = self._native_key(event)
            if native is not None:
                out.append(keymap.us_char(native, shift))
                continue
            hit = table.get(event.text)
            if hit is None:
                out.append(event.text)
                continue
            key, shifted = hit
            if key in caps_keys:
                # Caps Lock inverts letters; the Shift the scanner pressed tells the real case.
                if event.caps_lock is not None:
                    shifted = shifted != event.caps_lock
                elif shift_seen:
                    shifted = shift
            out.append(keymap.us_char(key, shifted))
        return "".join(out)
