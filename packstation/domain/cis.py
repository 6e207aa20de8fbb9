"""Chestny Znak marking codes (CIS): structure, per-group lengths, GS placement and repair.

A CIS is a GS1 DataMatrix element string: (01) GTIN-14, (21) serial of 6, 7, 8, 13 or 20
characters, optional elements, then the crypto tail: (91) key of 4 + (92) signature of 44 (88 in
older shoe codes), or (93) short code of 4, optionally followed by (3103) net weight. Variable-length
elements that are not last end with GS (0x1D); fixed-length ones ((01), (11), (17), (3103)) do not.
Tobacco packs use a 29-character code with no AIs. GS1's own rules are checked here too: the
GTIN's check digit, dates, digits where GS1 wants digits, and its character set CS82 where it
wants characters (`tests/domain/test_cis_gs1.py` holds them to biip, a GS1 interpreter); the
shapes and the tail are Chestny Znak rules that GS1 does not know.

Shapes are strict so that a damaged scan does not re-read as some other valid code:
- (91)+(92) tails follow a 13-character serial (clothes, shoes, pharma) or a 20-character one
  (tires); an 88-character (92) only a 13-character serial (older shoe codes);
- (17), (10), (11) and (240) sit only after a 13-character serial (pharma and the 13-character
  short-crypto groups); (8005) only after a 7-character serial and before (93) (tobacco block);
- (91) is 4 Latin letters or digits; (92) is canonical base64 of a 32- or 64-byte signature (44
  characters ending "=", or 88 ending "=="); (93) and the tobacco pack's crypto are 4 base64
  characters; a GTIN of all zeros names no product;
- a 29-character scan that starts like a cut element string ("01" + 14 digits + "21") is not
  taken for a tobacco pack.

Missing GS is repaired only when exactly one reading of the code is valid; otherwise the packer
is asked to rescan. A scan that carries some GS lost at most the GS after a fixed-size value
((91), (8005), (93)): a reading that needs a GS elsewhere would move a serial's end, and is not
tried. The result carries the exact string the Market expects (GS as 0x1D).
See ../shared/research/domain.md sections 1-3.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Final

from packstation.domain.gtin import gtin_error, gtin_in
from packstation.domain.message import QT_TRANSLATE_NOOP, Message

GS: Final = "\x1d"
MAX_LENGTH: Final = 256
SERIAL_LENGTHS: Final = (13, 20, 6, 7, 8)
TOBACCO_PACK_LENGTH: Final = 29

# AIs whose length GS1 predefines: no GS follows them even mid-code.
_PREDEFINED: Final = frozenset({"01", "11", "17", "3103"})
# AI -> (allowed lengths, digits only).
_ELEMENTS: Final[dict[str, tuple[tuple[int, ...], bool]]] = {
    "01": ((14,), True),
    "21": (SERIAL_LENGTHS, False),
    "11": ((6,), True),
    "17": ((6,), True),
    "10": (tuple(range(1, 21)), False),
    "240": (tuple(range(1, 31)), False),
    "8005": ((6,), True),
    "91": ((4,), False),
    "92": ((44, 88), False),
    "93": ((4,), False),
    "3103": ((6,), True),
}
_EXTRAS: Final = ("17", "10", "11", "240", "8005")
# Extras carried by the groups with 13-character serials (pharma, the 13-character 93 groups).
_SERIAL13_EXTRAS: Final = frozenset({"17", "10", "11", "240"})
HEAVY_SERIAL_LENGTHS: Final = (13, 20)  # serials a (91)+(92) tail may follow
# Elements whose value has one size only: a GS lost after them can be put back without doubt.
_FIXED_SIZE_VALUES: Final = frozenset({"91", "8005", "93"})
# Values GS1 gives as characters of CS82 (its "X"): a serial, a batch, an additional product id.
_CS82_VALUES: Final = frozenset({"21", "10", "240"})
_PRINTABLE: Final = re.compile(r"[!-~]*")
_CS82: Final = re.compile(r"[!\"%-?A-Z_a-z]*")
_KEY: Final = re.compile(r"[0-9A-Za-z]{4}")
_SHORT_CRYPTO: Final = re.compile(r"[0-9A-Za-z+/]{4}")
_HRI_AI: Final = re.compile(r"\((\d{2,4})\)")


class CisGroup(StrEnum):
    """Product group families, told apart by the code's shape."""

    LIGHT_INDUSTRY = "light_industry"  # clothes, shoes, perfume, photo: 21(13) 91 92(44)
    SHOES_LONG = "shoes_88"  # older shoe codes: 92 of 88
    TIRES = "tires"  # 21(20) 91 92
    PHARMA = "pharma"  # 21(13) (17)/(10) 91 92
    DAIRY = "dairy"  # 21(6) 93 [3103]
    WATER = "water"  # 21(13) 93: water, beverages, BAA and others
    TOBACCO_BLOCK = "tobacco_block"  # 21(7) 8005 93
    TOBACCO_PACK = "tobacco_pack"  # 29 characters, no AIs
    SHORT_CRYPTO = "short_crypto"  # other 93-tail shapes


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a code is refused."""

    text: Message

    @property
    def en(self) -> str:
        """The reason in English (logs, check-code)."""
        return self.text.english()


@dataclass(frozen=True, slots=True)
class CisCheck:
    """The verdict on one marking code.

    Attributes:
        value: the exact string to send (canonical GS placement), or the input when unparseable.
        valid: True when every rule passed.
        group: the product group family when the shape was recognized.
        elements: (AI, value) pairs in order.
        problems: why it is invalid; empty when valid.
        repairs: what was fixed (English), e.g. "restored GS after (21)".
    """

    value: str
    valid: bool
    group: CisGroup | None = None
    elements: tuple[tuple[str, str], ...] = ()
    problems: tuple[Problem, ...] = ()
    repairs: tuple[str, ...] = ()
    ambiguous: bool = False
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def gtin(self) -> str | None:
        """The (01) GTIN-14, when the code was parsed."""
        return dict(self.elements).get("01")

    @property
    def without_tail(self) -> str:
        """The identification part ("KI"): (01)+(21) with no crypto tail."""
        parts = dict(self.elements)
        if self.group is CisGroup.TOBACCO_PACK:
            return self.value[:21]
        return f"01{parts.get('01', '')}21{parts.get('21', '')}"


_Elements = tuple[tuple[str, str], ...]


def looks_like_cis(text: str) -> bool:
    """A cheap test for "meant to be a marking code" (used to pick error messages)."""
    body = text.lstrip(GS)
    return (
        body.startswith("(01)")
        or (body.startswith("01") and len(body) >= 24 and body[2:16].isdigit())
        or _is_tobacco_pack(body)
    )


def render(elements: _Elements) -> str:
    """The canonical string: each AI + value, GS after non-last variable-length elements."""
    out = []
    for i, (ai, value) in enumerate(elements):
        out.append(ai + value)
        if i < len(elements) - 1 and ai not in _PREDEFINED:
            out.append(GS)
    return "".join(out)


def check_cis(text: str, *, known_gtins: Collection[str] = ()) -> CisCheck:
    """Validate (and when unambiguous, repair) one marking code.

    Args:
        text: the scan, GS as 0x1D, scanner framing already removed.
        known_gtins: the order item's barcodes; when given, the code's GTIN must be one of them.
    """
    check = _checked(text)
    gtin = check.gtin
    if known_gtins and check.valid and gtin is not None and not gtin_in(gtin, known_gtins):
        return replace(check, valid=False, problems=(_gtin_not_in_order(gtin),))
    return check


@functools.lru_cache(maxsize=256)
def _checked(text: str) -> CisCheck:
    """`check_cis` without an order's GTINs. Kept per text (an immutable verdict): a scanned
    code is checked when classified and again, as the same string, when the duplicate guard
    keys it (issue 19)."""
    repairs: list[str] = []
    body = text
    if body.startswith(GS):
        body = body.lstrip(GS)
        repairs.append("removed leading GS (FNC1)")
    if body.startswith("(01)"):
        body = _from_hri(body)
        repairs.append("converted from the (AI) human-readable form")
    bad = _charset_problem(body)
    if bad is not None:
        return CisCheck(text, False, problems=(bad,), repairs=tuple(repairs))
    if _is_tobacco_pack(body):
        return _tobacco_pack(body, repairs)
    parses = _parse(body)
    if GS in body.strip(GS):
        # This scanner sends GS, so it sent it after every variable-length element; only a lost
        # GS after a fixed-size value is repaired, never one that would move a serial's end.
        parses = [p for p in parses if set(_missing_gs(body, p)) <= _FIXED_SIZE_VALUES]
    exact = sorted((p for p in parses if render(p) == body), key=lambda p: bool(_element_problems(p)))
    chosen: _Elements | None = None
    ambiguous = False
    if exact:
        chosen = exact[0]
    else:
        readings = {render(p): p for p in parses}
        valid = {s: p for s, p in readings.items() if not _element_problems(p)}
        if len(valid) == 1:
            chosen = next(iter(valid.values()))
        elif len(valid) > 1:
            ambiguous = True
        elif len(readings) == 1:
            chosen = next(iter(readings.values()))
    if chosen is None:
        found = _diagnose(body, ambiguous)
        return CisCheck(text, False, problems=found, repairs=tuple(repairs), ambiguous=ambiguous)
    value = render(chosen)
    repairs.extend(_describe_repairs(body, chosen))
    problems: list[Problem] = _element_problems(chosen)
    if len(value) > MAX_LENGTH:
        problems.append(_too_long(len(value)))
    if not problems:
        syntax = _syntax_problem(chosen)
        if syntax is not None:
            problems.append(syntax)
    group = _group(chosen)
    return CisCheck(
        value,
        not problems,
        group=group,
        elements=chosen,
        problems=tuple(problems),
        repairs=tuple(repairs),
        fields={**dict(chosen), "group": group.value},
    )


def _from_hri(body: str) -> str:
    """(01)…(21)…(93)… -> the element string with GS where GS1 puts it."""
    parts = _HRI_AI.split(body)[1:]
    return render(tuple(zip(parts[::2], parts[1::2], strict=False)))


def _parse(body: str) -> list[_Elements]:
    """Every reading of `body` as a CIS; GS in `body` may only sit at element boundaries."""
    if not body.startswith("01") or len(body) < 18 or not body[2:16].isdigit():
        return []
    gtin = body[2:16]
    pos = _skip_gs(body, 16)
    if not body.startswith("21", pos):
        return []
    results: list[_Elements] = []
    for n in SERIAL_LENGTHS:
        serial = body[pos + 2 : pos + 2 + n]
        if len(serial) == n and GS not in serial:
            head = (("01", gtin), ("21", serial))
            for rest in _tail(body, _skip_gs(body, pos + 2 + n), n, frozenset()):
                results.append(head + rest)
    return results


def _skip_gs(body: str, pos: int) -> int:
    while body.startswith(GS, pos):
        pos += 1
    return pos


def _take(body: str, pos: int, ai: str) -> list[tuple[str, int]]:
    """Candidate values of `ai` at `pos` (after the AI digits) and the position after each."""
    lengths, digits = _ELEMENTS[ai]
    start = pos + len(ai)
    out = []
    for n in lengths:
        value = body[start : start + n]
        if len(value) != n or GS in value or (digits and not value.isdigit()):
            continue
        out.append((value, start + n))
    return out


def _tail(body: str, pos: int, serial_len: int, used: frozenset[str]) -> list[_Elements]:
    """Readings of the rest: optional extras, then the crypto tail ending the code.

    Only the shapes of real product groups are read (see the module docstring), so a serial
    one character short or long cannot re-read as, say, a short serial plus a (10) batch.
    """
    results: list[_Elements] = []
    for ai in _EXTRAS:
        if ai in used or not body.startswith(ai, pos) or not _extra_fits(ai, serial_len, used):
            continue
        for value, end in _take(body, pos, ai):
            for rest in _tail(body, _skip_gs(body, end), serial_len, used | {ai}):
                results.append(((ai, value), *rest))
    if body.startswith("91", pos) and serial_len in HEAVY_SERIAL_LENGTHS and "8005" not in used:
        for key, end in _take(body, pos, "91"):
            nxt = _skip_gs(body, end)
            if body.startswith("92", nxt):
                for sig, sig_end in _take(body, nxt, "92"):
                    if len(sig) == 88 and serial_len != 13:
                        continue
                    if _at_end(body, sig_end):
                        results.append((("91", key), ("92", sig)))
    if body.startswith("93", pos):
        for short, end in _take(body, pos, "93"):
            if _at_end(body, end):
                results.append((("93", short),))
            nxt = _skip_gs(body, end)
            if body.startswith("3103", nxt):
                for weight, w_end in _take(body, nxt, "3103"):
                    if _at_end(body, w_end):
                        results.append((("93", short), ("3103", weight)))
    return results


def _extra_fits(ai: str, serial_len: int, used: frozenset[str]) -> bool:
    if ai == "8005":
        return serial_len == 7 and not used
    return serial_len == 13 and ai in _SERIAL13_EXTRAS


def _at_end(body: str, pos: int) -> bool:
    return body[pos:].strip(GS) == ""


def _missing_gs(body: str, elements: _Elements) -> list[str]:
    """The AIs after which `elements` need a GS that `body` lacks."""
    missing = []
    pos = 0
    for i, (ai, value) in enumerate(elements):
        pos += len(ai) + len(value)
        if i < len(elements) - 1 and ai not in _PREDEFINED and not body.startswith(GS, pos):
            missing.append(ai)
        pos = _skip_gs(body, pos)
    return missing


def _describe_repairs(body: str, elements: _Elements) -> list[str]:
    """Compare where GS sat in the scan with where it belongs."""
    notes = []
    pos = 0
    for i, (ai, value) in enumerate(elements):
        pos += len(ai) + len(value)
        had = body.startswith(GS, pos)
        pos = _skip_gs(body, pos)
        last = i == len(elements) - 1
        needs = not last and ai not in _PREDEFINED
        if needs and not had:
            notes.append(f"restored GS after ({ai})")
        elif had and not needs:
            notes.append("removed trailing GS" if last else f"removed GS after fixed-length ({ai})")
    return notes


def _element_problems(elements: _Elements) -> list[Problem]:
    problems = []
    parts = dict(elements)
    gtin = _gtin_problem(parts["01"], "(01) ")
    if gtin is not None:
        problems.append(gtin)
    for ai in ("11", "17"):
        if ai in parts and not _is_yymmdd(parts[ai]):
            problems.append(Problem(QT_TRANSLATE_NOOP("Cis", "(%1) is not a date YYMMDD")(ai)))
    if "91" in parts and not _KEY.fullmatch(parts["91"]):
        problems.append(
            Problem(QT_TRANSLATE_NOOP("Cis", "(91) verification key must be 4 Latin letters or digits"))
        )
    if "92" in parts and not _is_signature(parts["92"]):
        problems.append(_damaged_signature())
    if "93" in parts and not _SHORT_CRYPTO.fullmatch(parts["93"]):
        problems.append(_damaged_short_crypto(QT_TRANSLATE_NOOP("Cis", "(93) verification code")))
    return problems


def _gtin_problem(gtin: str, label: str) -> Problem | None:
    if gtin.isdigit() and not gtin.strip("0"):
        return Problem(QT_TRANSLATE_NOOP("Cis", "%1GTIN %2 is all zeros: it names no product")(label, gtin))
    error = gtin_error(gtin)
    if error is not None:
        return Problem(QT_TRANSLATE_NOOP("Cis", "%1GTIN %2: %3")(label, gtin, error))
    return None


def _is_signature(value: str) -> bool:
    """Canonical base64 of a 32- or 64-byte signature: 44 chars ending "=", 88 ending "=="."""
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(raw) in (32, 64) and base64.b64encode(raw).decode("ascii") == value


def _damaged_signature() -> Problem:
    return Problem(
        QT_TRANSLATE_NOOP(
            "Cis", "(92) crypto signature is damaged: it must be 44 or 88 base64 characters ending in '='"
        )
    )


def _damaged_short_crypto(label: Message) -> Problem:
    return Problem(QT_TRANSLATE_NOOP("Cis", "%1 must be 4 Latin letters, digits, '+' or '/'")(label))


def _is_yymmdd(value: str) -> bool:
    try:
        # GS1: day 00 means "end of month"
        date(2000 + int(value[:2]), int(value[2:4]), max(int(value[4:]), 1))
    except ValueError:
        return False
    return True


def _syntax_problem(elements: _Elements) -> Problem | None:
    """GS1's character set CS82 in the values GS1 gives as characters. The other values are
    digits (read as such, `_take`) or stricter Chestny Znak alphabets ((91), (92), (93)).

    Checked here, not by biip's parse of the whole code: that was a third of a code scan's work
    (0.3 ms, issue 19), and found nothing else a reading of ours can hold."""
    for ai, value in elements:
        if ai in _CS82_VALUES and not _CS82.fullmatch(value):
            bad = "".join(sorted({ch for ch in value if not _CS82.fullmatch(ch)}))
            return Problem(QT_TRANSLATE_NOOP("Cis", "not valid GS1 syntax: %1")(f"({ai}) may not hold {bad}"))
    return None


def _group(elements: _Elements) -> CisGroup:
    parts = dict(elements)
    serial = len(parts["21"])
    if "92" in parts:
        if len(parts["92"]) == 88:
            return CisGroup.SHOES_LONG
        if serial == 20:
            return CisGroup.TIRES
        if "17" in parts or "10" in parts:
            return CisGroup.PHARMA
        return CisGroup.LIGHT_INDUSTRY
    if "8005" in parts:
        return CisGroup.TOBACCO_BLOCK
    if serial == 6:
        return CisGroup.DAIRY
    if serial == 13:
        return CisGroup.WATER
    return CisGroup.SHORT_CRYPTO


def _is_tobacco_pack(body: str) -> bool:
    """29 characters, no GS, a 14-digit GTIN, and not an element string cut short ("01"+14+"21")."""
    return (
        len(body) == TOBACCO_PACK_LENGTH
        and GS not in body
        and body[:14].isdigit()
        and not (body.startswith("01") and body[16:18] == "21")
    )


def _tobacco_pack(body: str, repairs: list[str]) -> CisCheck:
    """GTIN 14 + serial 7 + coded maximum retail price 4 + crypto 4 (the pack's consumer-unit GTIN)."""
    gtin = body[:14]
    problems: list[Problem] = []
    gtin_bad = _gtin_problem(gtin, "")
    if gtin_bad is not None:
        problems.append(gtin_bad)
    elif gtin[0] != "0":
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Cis", "GTIN %1 names a package of packs, not a pack: a tobacco pack's GTIN starts with 0"
                )(gtin)
            )
        )
    if not _CS82.fullmatch(body[14:25]):
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Cis", "the serial or price part contains characters a tobacco pack code never has"
                )
            )
        )
    if not _SHORT_CRYPTO.fullmatch(body[25:]):
        problems.append(
            _damaged_short_crypto(QT_TRANSLATE_NOOP("Cis", "the verification code (last 4 characters)"))
        )
    elements = (("01", gtin), ("21", body[14:21]))
    fields = {"01": gtin, "21": body[14:21], "mrc": body[21:25], "crypto": body[25:], "group": "tobacco_pack"}
    return CisCheck(
        body,
        not problems,
        group=CisGroup.TOBACCO_PACK,
        elements=elements,
        problems=tuple(problems),
        repairs=tuple(repairs),
        fields=fields,
    )


def _charset_problem(body: str) -> Problem | None:
    if len(body) > MAX_LENGTH:
        return _too_long(len(body))
    if _PRINTABLE.fullmatch(body.replace(GS, "")):
        return None
    if any("\u0400" <= ch <= "\u04ff" for ch in body):
        return Problem(
            QT_TRANSLATE_NOOP(
                "Cis", "contains Cyrillic letters: the scan was typed under the Russian keyboard layout"
            )
        )
    return Problem(
        QT_TRANSLATE_NOOP(
            "Cis", "contains characters other than printable ASCII (spaces, control or national characters)"
        )
    )


def _too_long(n: int) -> Problem:
    return Problem(QT_TRANSLATE_NOOP("Cis", "%1 characters: a marking code has at most %2")(n, MAX_LENGTH))


def _gtin_not_in_order(gtin: str) -> Problem:
    return Problem(
        QT_TRANSLATE_NOOP("Cis", "GTIN %1 is not a barcode of this item: wrong product's code")(gtin)
    )


def _diagnose(body: str, ambiguous: bool) -> tuple[Problem, ...]:
    """Explain why no valid reading exists, as specifically as the scan allows."""
    if ambiguous:
        return (
            Problem(
                QT_TRANSLATE_NOOP(
                    "Cis", "GS separators are missing and the code can be read more than one way: rescan it"
                )
            ),
        )
    if not body.startswith("01") or not body[2:16].isdigit() or len(body) < 16:
        return (Problem(QT_TRANSLATE_NOOP("Cis", "does not start with (01) and a 14-digit GTIN")),)
    gtin_problem = gtin_error(body[2:16])
    if gtin_problem is not None:
        return (Problem(QT_TRANSLATE_NOOP("Cis", "(01) GTIN: %1")(gtin_problem)),)
    rest = body[_skip_gs(body, 16) :]
    if not rest.startswith("21"):
        return (Problem(QT_TRANSLATE_NOOP("Cis", "(21) serial number must follow the GTIN")),)
    segments = rest.split(GS)
    serial = segments[0][2:]
    if GS not in rest:
        if not re.search(r"9[123]", serial):
            return (_no_tail(),)
        return (
            Problem(
                QT_TRANSLATE_NOOP(
                    "Cis", "GS separators are missing and no valid code can be rebuilt from it: rescan it"
                )
            ),
        )
    problems: list[Problem] = []
    if len(serial) not in SERIAL_LENGTHS:
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Cis", "(21) serial has %1 characters; Chestny Znak serials have 6, 7, 8, 13 or 20"
                )(len(serial))
            )
        )
    tail = [s for s in segments[1:] if s]
    ais = [_segment_ai(s) for s in tail]
    for seg, ai in zip(tail, ais, strict=True):
        if ai is None:
            problems.append(Problem(QT_TRANSLATE_NOOP("Cis", "unsupported element %1…")(f"{seg[:4]!r}")))
        elif ai in ("91", "92", "93"):
            n = len(seg) - len(ai)
            lengths = _ELEMENTS[ai][0]
            if n not in lengths:
                want: Message | int = lengths[0]
                for length in lengths[1:]:
                    want = QT_TRANSLATE_NOOP("Cis", "%1 or %2")(want, length)
                problems.append(
                    Problem(QT_TRANSLATE_NOOP("Cis", "(%1) has %2 characters, expected %3")(ai, n, want))
                )
    if not {"92", "93"} & set(filter(None, ais)):
        problems.append(_no_tail())
    elif {"91", "92"} & set(ais) and len(serial) in set(SERIAL_LENGTHS) - set(HEAVY_SERIAL_LENGTHS):
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP("Cis", "a (91)+(92) tail follows a serial of 13 or 20 characters, not %1")(
                    len(serial)
                )
            )
        )
    if not problems:
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Cis", "the elements are not in a Chestny Znak order ((01)(21)…(91)(92) or …(93))"
                )
            )
        )
    return tuple(problems)


def _segment_ai(segment: str) -> str | None:
    for ai in sorted(_ELEMENTS, key=len, reverse=True):
        if segment.startswith(ai):
            return ai
    return None


def _no_tail() -> Problem:
    return Problem(
        QT_TRANSLATE_NOOP(
            "Cis",
            "no crypto tail ((91)+(92) or (93)): scan the DataMatrix itself, not the text printed under it",
        )
    )
