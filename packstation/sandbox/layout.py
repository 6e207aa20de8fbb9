"""The Market's box-layout rules (`PUT .../boxes`), checked against one order.

`check_layout` validates a request body completely before anything changes, and returns the
accepted plan: the boxes to store, the new unit count per line (after `allowRemove`), and the
code carried by each unit (one per unit, repeated in every part box of a split unit).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from packstation.sandbox import codes
from packstation.sandbox.errors import bad_request
from packstation.sandbox.model import CIS, CIS_OPTIONAL, UIN, Line, Order

_KINDS = ("cis", "uin", "rnpt", "gtd")
_FORMAT_CODES = {"uin": "INVALID_UIN", "rnpt": "INVALID_RNPT", "gtd": "INVALID_GTD"}
_PATTERNS = {"uin": codes.UIN_RE, "rnpt": codes.RNPT_RE, "gtd": codes.GTD_RE}
_TOO_MANY = {"cis": "TOO_MANY_CISES_FOR_ITEM", "uin": "TOO_MANY_UINS_FOR_ITEM"}
_TOO_FEW = {"cis": "TOO_FEW_CISES_FOR_ITEM", "uin": "TOO_FEW_UINS_FOR_ITEM"}
_DUPLICATE = {"cis": "DUPLICATE_CIS", "uin": "DUPLICATE_UIN"}
PRICE_SHARE_LIMIT = Decimal("0.99")  # a line worth >= 99 % of the order cannot be removed


@dataclass(slots=True)
class UnitCode:
    """The code of one unit of one line (split units: the same code in each of their parts)."""

    line_id: int
    kind: str
    value: str
    country_code: str | None = None


@dataclass(slots=True)
class AcceptedLayout:
    boxes: list[list[dict[str, Any]]]
    new_counts: dict[int, int]
    unit_codes: list[UnitCode] = field(default_factory=list)


def mandatory_kinds(order: Order, line: Line) -> set[str]:
    """Which codes each unit of `line` must carry and pass verification with (FBS/Express):
    CIS when required (or optional but the buyer is a business), UIN for jewelry."""
    kinds: set[str] = set()
    if CIS in line.product.required or (
        CIS_OPTIONAL in line.product.required and order.buyer_type == "BUSINESS"
    ):
        kinds.add("cis")
    if UIN in line.product.required:
        kinds.add("uin")
    return kinds


def _int(value: Any, what: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise bad_request("BAD_REQUEST", f"{what} must be an integer >= {minimum}, got {value!r}")
    return value


def _instance(raw: Any, line_id: int) -> tuple[str, str, str | None]:
    """One instance -> (kind, value, countryCode); exactly one of cis/uin/rnpt/gtd, format checked."""
    if not isinstance(raw, dict):
        raise bad_request("BAD_REQUEST", f"item {line_id}: an instance must be an object")
    filled = [kind for kind in _KINDS if raw.get(kind) not in (None, "")]
    if len(filled) != 1:
        raise bad_request(
            "BAD_REQUEST", f"item {line_id}: fill exactly one of cis, uin, rnpt, gtd per instance"
        )
    kind = filled[0]
    value = raw[kind]
    if not isinstance(value, str):
        raise bad_request("BAD_REQUEST", f"item {line_id}: {kind} must be a string")
    country = raw.get("countryCode")
    if country is not None and (not isinstance(country, str) or not codes.COUNTRY_RE.match(country)):
        raise bad_request("INVALID_COUNTRY_CODE", f"item {line_id}: countryCode must be ISO alpha-2 like RU")
    if kind == "cis":
        problem = codes.cis_format_problem(value)
        if problem:
            raise bad_request("INVALID_CIS", f"item {line_id}: invalid CIS {codes.mask(value)}: {problem}")
    elif not _PATTERNS[kind].match(value):
        raise bad_request(_FORMAT_CODES[kind], f"item {line_id}: invalid {kind.upper()} {value!r}")
    if kind == "gtd" and country is None:
        raise bad_request(
            "COUNTRY_CODE_AND_GTD_ARE_REQUIRED_VALIDATION_ERROR", f"item {line_id}: gtd needs countryCode"
        )
    return kind, value, country


def _entry_codes(item: dict[str, Any], line_id: int, units: int) -> list[tuple[str, str, str | None]]:
    raw = item.get("instances")
    if raw is None:
        return []
    if not isinstance(raw, list) or not raw:
        raise bad_request("BAD_REQUEST", f"item {line_id}: instances must be a non-empty array or absent")
    parsed = [_instance(one, line_id) for one in raw]
    kinds = {kind for kind, _, _ in parsed}
    for kind in kinds:
        count = sum(1 for k, _, _ in parsed if k == kind)
        if count > units:
            code = _TOO_MANY.get(kind, "BAD_REQUEST")
            raise bad_request(code, f"item {line_id}: {count} {kind} codes for {units} unit(s) in the box")
        if count < units:
            code = _TOO_FEW.get(kind, "BAD_REQUEST")
            raise bad_request(code, f"item {line_id}: {count} {kind} codes for {units} unit(s) in the box")
    return parsed


def check_layout(order: Order, body: Any, codes_in_other_orders: set[str]) -> AcceptedLayout:
    """Validate a `SetOrderBoxLayoutRequest` for `order`; raise ApiError on the first violation."""
    if not isinstance(body, dict) or not isinstance(body.get("boxes"), list) or not body["boxes"]:
        raise bad_request("BAD_REQUEST", "boxes must be a non-empty array")
    allow_remove = body.get("allowRemove", False)
    if not isinstance(allow_remove, bool):
        raise bad_request("BAD_REQUEST", "allowRemove must be a boolean")
    whole_units: dict[int, int] = defaultdict(int)
    parts: dict[int, list[tuple[int, int, list[tuple[str, str, str | None]]]]] = defaultdict(list)
    whole_codes: list[UnitCode] = []
    echoed: list[list[dict[str, Any]]] = []
    for number, box in enumerate(body["boxes"], start=1):
        items = box.get("items") if isinstance(box, dict) else None
        if not isinstance(items, list) or not items:
            raise bad_request("BAD_REQUEST", f"box {number}: items must be a non-empty array")
        kinds_in_box = set()
        for item in items:
            if not isinstance(item, dict):
                raise bad_request("BAD_REQUEST", f"box {number}: an item must be an object")
            line_id = _int(item.get("id"), "id", 1)
            line = order.line(line_id)
            if line is None:
                raise bad_request("ITEM_NOT_FOUND", f"box {number}: order {order.id} has no item {line_id}")
            has_full, has_part = item.get("fullCount") is not None, item.get("partialCount") is not None
            if has_full == has_part:
                raise bad_request(
                    "BAD_REQUEST",
                    f"box {number}, item {line_id}: set exactly one of fullCount and partialCount",
                )
            if has_full:
                kinds_in_box.add("whole")
                units = _int(item["fullCount"], "fullCount", 1)
                whole_units[line_id] += units
                whole_codes += [UnitCode(line_id, k, v, c) for k, v, c in _entry_codes(item, line_id, units)]
            else:
                kinds_in_box.add("part")
                partial = item["partialCount"]
                if not isinstance(partial, dict):
                    raise bad_request("BAD_REQUEST", f"box {number}: partialCount must be an object")
                current = _int(partial.get("current"), "partialCount.current", 1)
                total = _int(partial.get("total"), "partialCount.total", 2)
                if current > total:
                    raise bad_request(
                        "BAD_REQUEST", f"box {number}: part {current} of {total} does not exist"
                    )
                parts[line_id].append((current, total, _entry_codes(item, line_id, 1)))
        if "part" in kinds_in_box and (len(items) != 1 or "whole" in kinds_in_box):
            raise bad_request(
                "BAD_REQUEST",
                f"box {number}: a box with a part of an item holds exactly that one item, nothing else",
            )
        echoed.append([dict(item) for item in items])
    split_units, part_codes = _pair_parts(parts)
    new_counts = {line.id: whole_units[line.id] + split_units.get(line.id, 0) for line in order.lines}
    _check_quantities(order, new_counts, allow_remove)
    unit_codes = whole_codes + part_codes
    _check_duplicates(order, unit_codes, codes_in_other_orders)
    return AcceptedLayout(boxes=echoed, new_counts=new_counts, unit_codes=unit_codes)


def _pair_parts(
    parts: dict[int, list[tuple[int, int, list[tuple[str, str, str | None]]]]],
) -> tuple[dict[int, int], list[UnitCode]]:
    """Pair part boxes into units: the k-th box with part c of a line belongs to unit k.
    Every unit needs each part 1..total exactly once, all carrying the same code."""
    units: dict[int, int] = {}
    unit_codes: list[UnitCode] = []
    for line_id, entries in parts.items():
        totals = {total for _, total, _ in entries}
        if len(totals) != 1:
            raise bad_request("BAD_REQUEST", f"item {line_id}: all its parts must have the same total")
        total = totals.pop()
        by_part: dict[int, list[list[tuple[str, str, str | None]]]] = defaultdict(list)
        for current, _, entry_codes in entries:
            by_part[current].append(entry_codes)
        counts = {len(by_part[c]) for c in range(1, total + 1)}
        if len(counts) != 1 or 0 in counts:
            raise bad_request(
                "BAD_REQUEST", f"item {line_id}: every unit must travel in parts 1..{total}, each once"
            )
        unit_count = counts.pop()
        units[line_id] = unit_count
        for k in range(unit_count):
            per_part = [sorted(by_part[c][k], key=lambda code: code[:2]) for c in range(1, total + 1)]
            if any(p != per_part[0] for p in per_part):
                code = (
                    "INVALID_CIS"
                    if any(kind == "cis" for p in per_part for kind, _, _ in p)
                    else "BAD_REQUEST"
                )
                raise bad_request(
                    code, f"item {line_id}: unit {k + 1} must carry the same code in all its parts"
                )
            unit_codes += [UnitCode(line_id, kind, value, country) for kind, value, country in per_part[0]]
    return units, unit_codes


def _check_quantities(order: Order, new_counts: dict[int, int], allow_remove: bool) -> None:
    for line in order.lines:
        if new_counts[line.id] > line.count:
            raise bad_request(
                "ITEMS_ADDITION_NOT_SUPPORTED",
                f"item {line.id}: {new_counts[line.id]} units in boxes but only {line.count} ordered",
            )
    reduced = [line for line in order.lines if new_counts[line.id] < line.count]
    if not reduced:
        return
    if not allow_remove:
        missing = ", ".join(f"{line.id} ({line.count - new_counts[line.id]})" for line in reduced)
        raise bad_request("BAD_REQUEST", f"units not in any box: {missing}; pass allowRemove to remove them")
    if all(new_counts[line.id] == 0 for line in order.lines) or len(order.lines) == 1:
        raise bad_request(
            "CANNOT_REMOVE_LAST_ITEM", "the only item cannot be removed: cancel the order instead"
        )
    total = order.total
    for line in reduced:
        if line.promo:
            raise bad_request("PROMO_PROHIBITS_DELETE", f"item {line.id} was added under a promo")
        if total > 0 and line.total / total >= PRICE_SHARE_LIMIT:
            raise bad_request(
                "DELETED_ITEMS_EXCEEDS_THRESHOLD", f"item {line.id} makes up 99 % or more of the order value"
            )


def _check_duplicates(order: Order, unit_codes: list[UnitCode], elsewhere: set[str]) -> None:
    """One code, one unit: refused when reused within the order or already sent for another
    order. Only lines whose code is mandatory are held to this (the Market verifies those;
    the official 2-units-in-4-boxes example repeats one placeholder code on an optional line)."""
    seen: set[str] = set()
    for unit in unit_codes:
        if unit.kind not in _DUPLICATE:
            continue
        line = order.line(unit.line_id)
        if line is None or unit.kind not in mandatory_kinds(order, line):
            continue
        if unit.value in seen or unit.value in elsewhere:
            raise bad_request(
                _DUPLICATE[unit.kind], f"item {unit.line_id}: code {codes.mask(unit.value)} is already used"
            )
        seen.add(unit.value)
