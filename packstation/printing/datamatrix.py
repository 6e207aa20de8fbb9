"""Marking codes as printed DataMatrix symbols: one converter and one drawer for every sheet.

A Chestny Znak code (CIS) is a GS1 element string; printed, it is a GS1 DataMatrix: FNC1 first and
FNC1 where the string has GS, i.e. after every variable-length element that is not last. The
encoder (zint, GS1 mode) places those separators itself from bracket notation "[01]…[21]…[240]…
[93]…", so the one thing to get right is where each element starts: the AIs are read with the
station's own CIS parser (`domain.cis`), which knows their lengths ((01) 14, (17) 6, (3103) 6,
(240) up to 30 and variable, …). A code the parser cannot read (a training placeholder) is split at
its GS characters, each part starting with its AI (longest known first, so "240" is not "24").
Jewellery UINs and the like are plain DataMatrix. Used by the demo sheet (`printing.demo_sheet`)
and the emulator's training sheet (`sandbox.training_sheet`).
"""

from __future__ import annotations

from typing import Final

from reportlab.pdfgen.canvas import Canvas

from packstation.domain.cis import check_cis

GS: Final = "\x1d"
# AIs a Chestny Znak code may carry after its serial, longest first ("240" before "24", "8005" ...).
_TAIL_AIS: Final = ("8005", "3103", "240", "91", "92", "93", "17", "10", "11")


def gs1_brackets(code: str) -> str:
    """A CIS as GS1 bracket notation for the encoder, e.g. "[01]0460…[21]abc[240]X1[93]Zjqw".

    Raises:
        ValueError: `code` is not an element string starting with (01) GTIN and (21) serial.
    """
    check = check_cis(code)
    if check.valid and check.elements:
        return "".join(f"[{ai}]{value}" for ai, value in check.elements)
    head, *tail = code.lstrip(GS).split(GS)
    if not head.startswith("01") or head[16:18] != "21":
        raise ValueError(f"not a GS1 element string: {code[:18]!r}")
    parts = [f"[01]{head[2:16]}", f"[21]{head[18:]}"]
    for segment in tail:
        ai = next((ai for ai in _TAIL_AIS if segment.startswith(ai)), segment[:2])
        parts.append(f"[{ai}]{segment[len(ai) :]}")
    return "".join(parts)


def matrix_modules(data: str, *, gs1: bool) -> tuple[list[tuple[float, float, float, float]], float]:
    """The DataMatrix of `data` (bracket notation when `gs1`) as dark rectangles (x, y from the
    top, width, height) and the symbol's side, in the encoder's units."""
    import zint  # the native encoder: only the printed sheets need it

    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.DATAMATRIX
    if gs1:
        symbol.input_mode = zint.InputMode.GS1
    symbol.encode(data)
    symbol.buffer_vector()
    vector = symbol.vector
    return [(r.x, r.y, r.width, r.height) for r in vector.rectangles], float(vector.width)


def draw_marking_code(canvas: Canvas, code: str, x: float, top: float, side: float, *, gs1: bool) -> None:
    """Draw `code` as a DataMatrix `side` wide with its top-left corner at (x, top): a CIS
    (`gs1`) as GS1 DataMatrix, anything else as plain DataMatrix."""
    rects, size = matrix_modules(gs1_brackets(code) if gs1 else code, gs1=gs1)
    scale = side / size
    path = canvas.beginPath()
    for rx, ry, rw, rh in rects:
        path.rect(x + rx * scale, top - (ry + rh) * scale, rw * scale, rh * scale)
    canvas.drawPath(path, stroke=0, fill=1)
