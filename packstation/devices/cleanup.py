"""Text-level clean-up shared by every scan source (keyboard wedge, serial port, check-code).

What a scanner adds around the data is removed here: the configured suffix and prefixes, the AIM
symbology identifier (`]d2` GS1 DataMatrix, `]C1` GS1-128, `]Q3` QR...), the leading FNC1 sent as
GS, and the textual stand-ins some scanners or people use for GS (`<GS>`, `\\u001d`). Never call
`str.strip()` or `str.split()` without arguments on a code: Python counts GS (0x1D) as whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GS = "\x1d"

# AIM symbology identifier: "]" + symbology letter + modifier character.
_AIM_ID = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_LINE_ENDS = "\r\n"


@dataclass(frozen=True, slots=True)
class CleanText:
    """A cleaned scan and the notes on what was removed or replaced (English, for diagnostics)."""

    text: str
    repairs: tuple[str, ...] = ()
    symbology: str = ""  # the AIM identifier found, e.g. "]d2"


def clean_scan_text(
    text: str,
    *,
    prefixes: tuple[str, ...] | list[str] = (),
    suffix: str = "",
    gs_stand_ins: tuple[str, ...] | list[str] = ("<GS>", "\\u001d", "\\x1d"),
) -> CleanText:
    """Remove scanner framing from one scan and turn GS stand-ins into real GS characters.

    Args:
        text: the decoded scan (characters already restored to the US layout).
        prefixes: configured scanner prefixes; the first one found at the start is removed.
        suffix: a configured scanner suffix, removed from the end.
        gs_stand_ins: texts meaning GS; matched case-insensitively (Caps Lock turns `<GS>` into `<gs>`).

    Returns:
        The cleaned text and the list of repairs made.
    """
    repairs: list[str] = []
    body = text.rstrip(_LINE_ENDS)
    if suffix and body.endswith(suffix):
        body = body[: -len(suffix)]
        repairs.append("removed scanner suffix")
    for stand_in in gs_stand_ins:
        if stand_in and stand_in.lower() in body.lower():
            body = re.sub(re.escape(stand_in), GS, body, flags=re.IGNORECASE)
            repairs.append(f"replaced {stand_in} with GS")
    symbology = ""
    changed = True
    while changed:  # prefix and AIM identifier may come in either order
        changed = False
        for prefix in prefixes:
            if prefix and body.startswith(prefix):
                body = body[len(prefix) :]
                repairs.append("removed scanner prefix")
                changed = True
                break
        aim = _AIM_ID.match(body)
        if aim and not symbology:
            symbology = aim.group(0)
            body = body[aim.end() :]
            repairs.append(f"removed symbology identifier {symbology}")
            changed = True
    if body.startswith(GS):
        body = body.lstrip(GS)
        repairs.append("removed leading GS (FNC1)")
    return CleanText(body, tuple(repairs), symbology)
