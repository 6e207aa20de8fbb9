"""Identifier rules the sandbox applies: GTIN check digits, Chestny Znak (CIS) structure, UIN, RNPT,
GTD and country codes, plus generators of valid-structure codes for the demo stock.

Two levels of checking mirror the Market: `cis_format_problem` is the synchronous check a
`PUT .../boxes` request fails on (INVALID_CIS), while `cis_structure_substatus` is what the
asynchronous verification later reports (status INVALID with a substatus).
"""

from __future__ import annotations

import base64
import random
import re
import string

GS = "\x1d"

# The Market's own pattern (Cis.yaml, Aug-Sep 2025): 01 + 14 digits, 21 + serial of 6-8, 13 or 20
# printable chars, optional GS 240, then GS + 91/93 and the crypto part. Optional leading GS and
# optional parentheses around AIs are tolerated, as the Market does.
_CIS_FULL = re.compile(
    r"^(?=.{1,256}$)\x1d?(\(?01\)?(?P<gtin>\d{14})\(?21\)?(?P<serial>[!-~]{6,8}|[!-~]{13}|[!-~]{20}))"
    r"(\x1d\(?240\)?[!-~]{1,30})?\x1d\(?9[13]\)?[!-~\x1d]+$"
)
_CIS_HEAD = re.compile(r"^\x1d?\(?01\)?(?P<gtin>[^\x1d]{14})(?:\(?21\)?(?P<serial>[^\x1d]+))?")
UIN_RE = re.compile(r"^\d{16}$")
RNPT_RE = re.compile(r"^\d{8}/\d{6}/\d{7}/\d{3}$")
GTD_RE = re.compile(r"^\d{8}/\d{6}/\d{7}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")

_SERIAL_ALPHABET = string.ascii_letters + string.digits + "!%&+-."
_BASE64 = string.ascii_letters + string.digits + "+/"


def gtin_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit for a GTIN body (all digits but the last)."""
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def is_valid_gtin(gtin: str) -> bool:
    """True for an 8/12/13/14-digit GTIN whose check digit is right."""
    return gtin.isdigit() and len(gtin) in (8, 12, 13, 14) and gtin_check_digit(gtin[:-1]) == gtin[-1]


def make_ean13(rng: random.Random, prefix: str = "460") -> str:
    """A random EAN-13 with a valid check digit (prefix 460-469 = Russia)."""
    body = prefix + "".join(rng.choice(string.digits) for _ in range(12 - len(prefix)))
    return body + gtin_check_digit(body)


def cis_format_problem(code: str) -> str | None:
    """Why the Market would refuse this CIS outright in `PUT .../boxes`, or None.

    Deliberately lenient (the official examples use placeholder codes): the code must start
    with AI 01, stay within 256 chars and hold only printable ASCII and GS. Typical client bugs
    - a double-escaped separator, Cyrillic from a wrong keyboard layout, spaces - are caught.
    """
    if not code:
        return "empty code"
    if len(code) > 256:
        return "longer than 256 characters"
    if "\\u001d" in code.lower() or "\\x1d" in code.lower():
        return "the GS separator is escaped twice (send \\u001d once in JSON)"
    if any(not (ch == GS or "!" <= ch <= "~") for ch in code):
        return "characters other than printable ASCII and GS"
    if _CIS_HEAD.match(code) is None:
        return "does not start with AI 01 and a 14-character GTIN"
    return None


def cis_structure_substatus(code: str) -> str | None:
    """The verification substatus for a code of wrong structure (status INVALID), or None."""
    match = _CIS_FULL.match(code)
    if match is None:
        return "CIS_VALIDATION_ERROR"
    if not is_valid_gtin(match.group("gtin")):
        return "CIS_GTIN_NOT_FOUND"
    return None


def cis_serial(code: str) -> str:
    """The serial number (AI 21) of a CIS, or '' when it has none."""
    match = _CIS_HEAD.match(code)
    return (match.group("serial") or "") if match else ""


def cis_without_tail(code: str) -> str:
    """The code without its crypto part (`cis` in responses; `cisFull` keeps the tail)."""
    return code.lstrip(GS).split(GS, 1)[0]


def make_cis(
    rng: random.Random, gtin14: str, serial_len: int, short_tail: bool, serial_prefix: str = ""
) -> str:
    """A valid CIS: GS after the serial, 93+4 (short) or 91+4 GS 92+44 (long) tail.

    The crypto parts have the real character sets (base64), so the station's own format checks
    (`packstation.domain.cis`) accept every code the demo stock hands out.
    """
    while True:
        serial = serial_prefix + "".join(
            rng.choice(_SERIAL_ALPHABET) for _ in range(serial_len - len(serial_prefix))
        )
        if serial_prefix or not serial.upper().startswith("BAD"):
            break
    head = f"01{gtin14}21{serial}"
    if short_tail:
        return head + GS + "93" + "".join(rng.choice(_BASE64) for _ in range(4))
    key = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(4))
    # Real (92) codes are canonical base64 of a 32-byte signature: 43 characters and "=".
    crypto = base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode("ascii")
    return head + GS + "91" + key + GS + "92" + crypto


def make_uin(rng: random.Random) -> str:
    """A 16-digit jewelry UIN (never starting with 0000, which the default rule fails)."""
    return "1" + "".join(rng.choice(string.digits) for _ in range(15))


def make_gtd(rng: random.Random) -> str:
    """A customs declaration number XXXXXXXX/DDMMYY/XXXXXXX."""
    office = "".join(rng.choice(string.digits) for _ in range(8))
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(22, 26)
    number = "".join(rng.choice(string.digits) for _ in range(7))
    return f"{office}/{day:02d}{month:02d}{year:02d}/{number}"


def make_rnpt(rng: random.Random) -> str:
    """A batch registration number: a GTD plus the 3-digit item number."""
    return f"{make_gtd(rng)}/{rng.randint(1, 999):03d}"


def mask(code: str) -> str:
    """A log-safe form of a marking code: the first 18 characters only."""
    head = code[:18].replace(GS, "<GS>")
    return head + "…" if len(code) > 18 else head
