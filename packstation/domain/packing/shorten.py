"""Shortening an order (removing a line or reducing its count), checked against the Market's rules.

FBS and Express shorten through the box layout with `allowRemove: true` (NOTES.md 2(a)). The
Market refuses removal from the only line of an order (CANNOT_REMOVE_LAST_ITEM), from a line
added under a promo (PROMO_PROHIBITS_DELETE) and from a line making up 99 % or more of the order
value (DELETED_ITEMS_EXCEEDS_THRESHOLD); in those cases the order must be cancelled instead.
Removal is irreversible, so the packer confirms it and it is not undoable.

A shortening is a request, not a local fact: `check_shorten` refuses locally what the data lets
us predict, `removal_plan` is the layout that asks the Market, and only once the Market accepted
does `shorten` change the packing. `market_refusal` words a refusal with the options left.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from packstation.domain.errors import PackstationError
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.order import Order, OrderLine
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.model import Box, Packing, UnitRef

PRICE_SHARE_LIMIT = Decimal("0.99")

_CANCEL_HINT = QT_TRANSLATE_NOOP("PackingRules", "If the item is missing, cancel the order.")
# What is left when the Market will not remove an item: the packer chooses.
OPTIONS_HINT = QT_TRANSLATE_NOOP(
    "PackingRules",
    "What you can do: pack the order in full; cancel the order (“Cancel order…”) if the item is "
    "missing; or call Market support.",
)


def _refuse(reason: Reason, text: Message, hint: Message = _CANCEL_HINT) -> PackingError:
    return PackingError(reason, text, hint=hint)


def check_shorten(order: Order, new_counts: Mapping[int, int]) -> dict[int, int]:
    """Check a shortening before asking the packer to confirm it.

    Args:
        order: the order as the Market has it.
        new_counts: line id -> the count to keep (0 removes the line); lines left out keep theirs.

    Returns:
        The reduced lines only: line id -> new count.

    Raises:
        PackingError: unknown line, a count above the ordered one or below 0, nothing reduced,
            an order not being packed (SHORTEN_STATUS), or one of the Market's refusals
            (SHORTEN_LAST_LINE, SHORTEN_PROMO, SHORTEN_THRESHOLD).
    """
    if not order.awaiting_packing:
        raise PackingError(
            Reason.SHORTEN_STATUS,
            QT_TRANSLATE_NOOP(
                "PackingRules",
                "Order %1 is %2/%3: only an order being packed (PROCESSING/STARTED) can be shortened.",
            )(order.id, order.status, order.substatus),
        )
    reduced: dict[int, int] = {}
    for line_id, count in new_counts.items():
        try:
            line = order.line(line_id)
        except KeyError:
            raise PackingError(
                Reason.UNKNOWN_LINE, QT_TRANSLATE_NOOP("PackingRules", "The order has no line %1.")(line_id)
            ) from None
        if count < 0 or count > line.count:
            raise PackingError(
                Reason.SHORTEN_INCREASE,
                QT_TRANSLATE_NOOP("PackingRules", "“%1”: keep 0 to %2 units, not %3.")(
                    line.name, line.count, count
                ),
                hint=QT_TRANSLATE_NOOP("PackingRules", "An order can only be reduced."),
            )
        if count < line.count:
            reduced[line_id] = count
    if not reduced:
        raise PackingError(Reason.SHORTEN_NOTHING, QT_TRANSLATE_NOOP("PackingRules", "Nothing is removed."))
    if len(order.lines) == 1 or all(reduced.get(line.id, line.count) == 0 for line in order.lines):
        raise _refuse(
            Reason.SHORTEN_LAST_LINE,
            QT_TRANSLATE_NOOP("PackingRules", "The only item of an order cannot be removed or reduced."),
        )
    total = sum((line.price for line in order.lines), Decimal(0))
    for line_id in reduced:
        line = order.line(line_id)
        if line.promo:
            raise _refuse(
                Reason.SHORTEN_PROMO,
                QT_TRANSLATE_NOOP(
                    "PackingRules", "“%1” was added under a promotion; the Market will not allow removing it."
                )(line.name),
                OPTIONS_HINT,
            )
        if total > 0 and line.price / total >= PRICE_SHARE_LIMIT:
            raise _refuse(
                Reason.SHORTEN_THRESHOLD,
                QT_TRANSLATE_NOOP(
                    "PackingRules", "“%1” makes up 99% or more of the order value and cannot be removed."
                )(line.name),
                OPTIONS_HINT,
            )
    return reduced


def _drop_order(packing: Packing, line: OrderLine) -> list[UnitRef]:
    """The line's units in the order they should go: unpacked ones first, then whole units from the
    last box backwards, then split units; at each step uncoded units before coded ones."""
    placed = packing.placement()
    units = packing.units(line.id)

    def rank(unit: UnitRef) -> tuple[int, int, int, int]:
        where = placed.get(unit)
        coded = 1 if packing.codes_of(unit) else 0  # keep scanned codes where there is a choice
        if where is None:
            return (0, coded, 0, -unit.n)
        split = 1 if packing.boxes[where[0]].part is not None else 0
        return (1 + split, coded, -where[0], -unit.n)

    return sorted(units, key=rank)


def removal_plan(packing: Packing, new_counts: Mapping[int, int]) -> LayoutPlan:
    """The layout that asks the Market to remove units (`allowRemove`): every kept unit in a box.

    The packer's boxes as they would stand after the shortening, then the kept units not boxed
    yet (a multi-parcel unit in its part boxes, the rest together in one more box). Without
    marking codes: the request is about counts; the packer's own layout with the codes goes at
    submit, as always.

    Raises:
        PackingError: `check_shorten` refuses it.
    """
    kept = shorten(packing, new_counts)
    boxes = [
        BoxPlan(tuple(replace(entry, instances=()) for entry in box.entries)) for box in kept.plan().boxes
    ]
    loose: list[BoxEntry] = []
    for line in kept.order.lines:
        free = kept.unplaced(line.id)
        if not free:
            continue
        if line.parts_per_unit > 1:
            total = line.parts_per_unit
            for _unit in free:
                boxes += [BoxPlan((BoxEntry(line.id, part=PartOf(k, total)),)) for k in range(1, total + 1)]
        else:
            loose.append(BoxEntry(line.id, full_count=len(free)))
    if loose:
        boxes.append(BoxPlan(tuple(loose)))
    return LayoutPlan(tuple(boxes), allow_remove=True)


def market_refusal(error: PackstationError) -> PackingError:
    """The Market's refusal of a shortening in the packer's words: its reason, then what is left
    (the order stays as it was)."""
    return PackingError(
        Reason.SHORTEN_REFUSED,
        QT_TRANSLATE_NOOP(
            "PackingRules", "The Market refused to shorten the order: %1 The order is as it was."
        )(error.text),
        hint=OPTIONS_HINT,
    )


def shorten(packing: Packing, new_counts: Mapping[int, int]) -> Packing:
    """Apply a shortening the Market accepted to the packing: drop units (unpacked ones first),
    renumber the rest and reduce the order's lines. The Market already removed the units, so the
    next layout needs no `allowRemove`."""
    reduced = check_shorten(packing.order, new_counts)
    dropped: set[UnitRef] = set()
    for line_id, count in reduced.items():
        line = packing.order.line(line_id)
        dropped.update(_drop_order(packing, line)[: line.count - count])
    renumber: dict[UnitRef, UnitRef] = {}
    for line in packing.order.lines:
        kept = [unit for unit in packing.units(line.id) if unit not in dropped]
        renumber.update({unit: UnitRef(line.id, n) for n, unit in enumerate(kept)})
    boxes = []
    for box in packing.boxes:
        if box.part is not None:
            if box.part.unit in dropped:
                continue
            boxes.append(replace(box, part=replace(box.part, unit=renumber[box.part.unit])))
        else:
            boxes.append(Box(tuple(renumber[u] for u in box.units if u not in dropped), closed=box.closed))
    lines = tuple(
        replace(line, count=reduced.get(line.id, line.count))
        for line in packing.order.lines
        if reduced.get(line.id, line.count) > 0
    )
    # A line's `price` is the sum over its units: keep it proportional to the units kept.
    lines = tuple(
        replace(line, price=line.price * line.count / packing.order.line(line.id).count) for line in lines
    )
    codes = {renumber[unit]: inst for unit, inst in packing.codes.items() if unit not in dropped}
    current = packing.current
    state = replace(
        packing,
        order=replace(packing.order, lines=lines),
        boxes=tuple(boxes),
        codes=codes,
        allow_remove=False,
        current=current,
        last_line=packing.last_line if packing.last_line in {line.id for line in lines} else None,
    )
    return state.pruned()
