"""Physical keyboard tables: which character a key gives under the US and the Russian layout.

A keyboard-wedge scanner "types" the US key positions of each character. When the OS layout is
Russian, or Caps Lock is on, the text Qt reports is not what the scanner meant. The physical key
(the native scan code, or on Windows also the virtual key) plus the Shift state tell the intended
US character whatever the layout; when the platform gives no native code, the Russian text is
mapped back through the layout table.

Keys are named by their US unshifted character ("q", "[", "1"...); each table maps the key name
to (unshifted, shifted) characters.
"""

from __future__ import annotations

from typing import Final

# The US layout, row by row: (unshifted, shifted) per key.
US_KEYS: Final[dict[str, tuple[str, str]]] = {
    **{a: (a, b) for a, b in zip("`1234567890-=", "~!@#$%^&*()_+", strict=True)},
    **{a: (a, a.upper()) for a in "qwertyuiop"},
    "[": ("[", "{"),
    "]": ("]", "}"),
    "\\": ("\\", "|"),
    **{a: (a, a.upper()) for a in "asdfghjkl"},
    ";": (";", ":"),
    "'": ("'", '"'),
    **{a: (a, a.upper()) for a in "zxcvbnm"},
    ",": (",", "<"),
    ".": (".", ">"),
    "/": ("/", "?"),
    " ": (" ", " "),
}

# The Russian ЙЦУКЕН layout (Windows "Russian" and X11 "ru"): the same physical keys.
_RU_LETTERS = dict(zip("qwertyuiop[]asdfghjkl;'zxcvbnm,.`", "йцукенгшщзхъфывапролджэячсмитьбюё", strict=True))
RU_KEYS: Final[dict[str, tuple[str, str]]] = {
    **{key: (ru, ru.upper()) for key, ru in _RU_LETTERS.items()},
    **{a: (a, b) for a, b in zip("1234567890-=", '!"№;%:?*()_+', strict=True)},
    "\\": ("\\", "/"),
    "/": (".", ","),
    " ": (" ", " "),
}

# Keys whose character Caps Lock inverts, per layout (on RU, `;'[],.` are letters too).
US_CAPS_KEYS: Final[frozenset[str]] = frozenset("qwertyuiopasdfghjklzxcvbnm")
RU_CAPS_KEYS: Final[frozenset[str]] = frozenset(_RU_LETTERS)

# X11/Wayland (xkb) keycodes = Linux evdev codes + 8, as QKeyEvent.nativeScanCode() gives them.
X11_KEYCODES: Final[dict[int, str]] = {
    49: "`",
    **{10 + i: k for i, k in enumerate("1234567890-=")},
    **{24 + i: k for i, k in enumerate("qwertyuiop[]")},
    **{38 + i: k for i, k in enumerate("asdfghjkl;'")},
    51: "\\",
    **{52 + i: k for i, k in enumerate("zxcvbnm,./")},
    65: " ",
}

# Windows set-1 scan codes, as QKeyEvent.nativeScanCode() gives them on Windows.
WIN_SCANCODES: Final[dict[int, str]] = {
    0x29: "`",
    **{0x02 + i: k for i, k in enumerate("1234567890-=")},
    **{0x10 + i: k for i, k in enumerate("qwertyuiop[]")},
    **{0x1E + i: k for i, k in enumerate("asdfghjkl;'")},
    0x2B: "\\",
    **{0x2C + i: k for i, k in enumerate("zxcvbnm,./")},
    0x39: " ",
}

# Windows virtual keys (nativeVirtualKey): a fallback when the scan code is missing.
WIN_VIRTUAL_KEYS: Final[dict[int, str]] = {
    **{0x30 + i: k for i, k in enumerate("0123456789")},
    **{0x41 + i: k for i, k in enumerate("abcdefghijklmnopqrstuvwxyz")},
    0xBA: ";",
    0xBB: "=",
    0xBC: ",",
    0xBD: "-",
    0xBE: ".",
    0xBF: "/",
    0xC0: "`",
    0xDB: "[",
    0xDC: "\\",
    0xDD: "]",
    0xDE: "'",
    0x20: " ",
}

# Native codes of the Enter/Tab/F8 keys, for streams where Qt's key code is missing.
X11_ENTER_KEYCODES: Final[frozenset[int]] = frozenset({36, 104})
WIN_ENTER_SCANCODES: Final[frozenset[int]] = frozenset({0x1C})


def _reverse(table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, bool]]:
    out: dict[str, tuple[str, bool]] = {}
    for key, (plain, shifted) in table.items():
        out.setdefault(shifted, (key, True))
        out[plain] = (key, False)
    return out


# Character -> (key, shifted) for text typed under each layout.
US_CHARS: Final[dict[str, tuple[str, bool]]] = _reverse(US_KEYS)
RU_CHARS: Final[dict[str, tuple[str, bool]]] = _reverse(RU_KEYS)

# Characters that only the Russian layout produces: their presence reveals the layout.
RU_ONLY_CHARS: Final[frozenset[str]] = frozenset(RU_CHARS) - frozenset(US_CHARS)


def us_char(key: str, shifted: bool) -> str:
    """The character a US keyboard gives for `key` with or without Shift."""
    plain, upper = US_KEYS[key]
    return upper if shifted else plain


def restore_us_text(text: str) -> str:
    """Map text typed under the Russian layout back to what the US layout would have typed.

    Only applies when the text holds a character the US layout cannot produce (Cyrillic, `№`);
    otherwise the text is returned unchanged, because `.` or `"` alone are ambiguous. Case
    follows the character (Caps Lock cannot be seen in plain text).
    """
    if not any(ch in RU_ONLY_CHARS for ch in text):
        return text
    out = []
    for ch in text:
        hit = RU_CHARS.get(ch)
        out.append(us_char(*hit) if hit else ch)
    return "".join(out)
