"""GTIN rules: item barcodes (EAN-8, UPC-A, EAN-13, GTIN-14) and their check digits.

Validation is GS1's mod-10 check digit (`tests/domain/test_gtin.py` holds it to biip, a GS1
interpreter); comparison uses the GTIN-14 form, so an EAN-13 on the box and the GTIN-14 inside
a marking code match when they name the same product.
"""

from __future__ import annotations

from collections.abc import Iterable

GTIN_LENGTHS = frozenset({8, 12, 13, 14})


def check_digit(payload: str) -> int:
    """The GS1 mod-10 check digit for the digits before it."""
    if payload and not (payload.isascii() and payload.isdigit()):
        raise ValueError(f"not digits: {payload!r}")
    # Byte values from the right ('0' is 48): no int() per digit on every item scan (issue 19).
    digits = payload.encode()[::-1]
    tripled, single = digits[0::2], digits[1::2]
    total = 3 * (sum(tripled) - 48 * len(tripled)) + sum(single) - 48 * len(single)
    return (10 - total % 10) % 10


def gtin_error(code: str) -> str | None:
    """Why `code` is not a valid GTIN (English), or None when it is one."""
    if not code.isascii() or not code.isdigit() or len(code) not in GTIN_LENGTHS:
        return f"a GTIN has 8, 12, 13 or 14 digits, got {len(code)} characters"
    # The mod-10 check here, not `biip.Gtin.parse`: that also looks up the GS1 prefix and cost
    # 0.17 ms of every item scan (issue 19); the tests hold this rule to biip's on every length.
    expected = check_digit(code[:-1])
    if expected != int(code[-1]):
        return f"GTIN check digit is wrong: expected {expected}, got {code[-1]}"
    return None


def is_gtin(code: str) -> bool:
    """True for a well-formed GTIN-8/12/13/14 with a correct check digit."""
    return gtin_error(code) is None


def as_gtin14(code: str) -> str:
    """The GTIN-14 form (zero-padded) used to compare barcodes of different lengths."""
    return code.rjust(14, "0")


def gtin_in(gtin: str, barcodes: Iterable[str]) -> bool:
    """True if `gtin` names the same product as one of `barcodes` (non-GTIN barcodes are skipped)."""
    target = as_gtin14(gtin)
    return any(
        as_gtin14(code) == target for code in barcodes if code.isdigit() and len(code) in GTIN_LENGTHS
    )
