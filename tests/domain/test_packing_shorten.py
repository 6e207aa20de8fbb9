"""Shortening an order: the Market's refusals checked locally, and the packing adjusted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from packstation.catalogue import russian
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan
from packstation.domain.order import OrderLine, RequiredCode
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.model import Packing, UnitRef
from packstation.domain.packing.shorten import check_shorten, shorten
from tests.services.fakes import make_order

CIS = frozenset({RequiredCode.CIS})


def _order(*lines: OrderLine) -> Packing:
    return Packing(make_order(7, *lines))


def line(line_id: int, count: int, price: str, **kwargs: object) -> OrderLine:
    return OrderLine(line_id, f"SKU{line_id}", f"Товар {line_id}", count, price=Decimal(price), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lines", "counts", "expected"),
    [
        ((line(1, 3, "300"),), {1: 2}, Reason.SHORTEN_LAST_LINE),
        ((line(1, 1, "100"), line(2, 1, "100")), {1: 0, 2: 0}, Reason.SHORTEN_LAST_LINE),
        ((line(1, 1, "100"), line(2, 1, "100", promo=True)), {2: 0}, Reason.SHORTEN_PROMO),
        ((line(1, 1, "1"), line(2, 1, "99")), {2: 0}, Reason.SHORTEN_THRESHOLD),
        ((line(1, 1, "100"), line(2, 1, "100")), {2: 2}, Reason.SHORTEN_INCREASE),
        ((line(1, 1, "100"), line(2, 1, "100")), {2: -1}, Reason.SHORTEN_INCREASE),
        ((line(1, 1, "100"), line(2, 1, "100")), {2: 1}, Reason.SHORTEN_NOTHING),
        ((line(1, 1, "100"), line(2, 1, "100")), {3: 0}, Reason.UNKNOWN_LINE),
    ],
)
def test_the_markets_refusals_are_checked_before_sending(
    lines: tuple[OrderLine, ...], counts: dict[int, int], expected: Reason
) -> None:
    with pytest.raises(PackingError) as refused:
        check_shorten(make_order(7, *lines), counts)
    assert refused.value.reason is expected
    assert russian(refused.value.text)
    assert refused.value.en


def test_just_under_the_threshold_is_allowed() -> None:
    order = make_order(7, line(1, 1, "1.02"), line(2, 1, "98.98"))
    assert check_shorten(order, {2: 0, 1: 1}) == {2: 0}


def test_shorten_drops_unpacked_units_first_renumbers_and_marks_allow_remove() -> None:
    p = _order(line(1, 3, "300", required=CIS), line(2, 2, "200"))
    p = p.put(1, None, 2).put(2, 0)
    p, coded = p.attach_code(Instance(InstanceKind.CIS, "0104601234567893215abcdef\x1d93Zjqw"))
    assert coded == UnitRef(1, 0)

    p = shorten(p, {1: 2, 2: 0})

    assert [(ln.id, ln.count, ln.price) for ln in p.order.lines] == [(1, 2, Decimal(200))]
    assert p.allow_remove
    assert p.boxes[0].units == (UnitRef(1, 0), UnitRef(1, 1))  # the unpacked third unit went
    assert p.codes_of(UnitRef(1, 0))[0].kind is InstanceKind.CIS
    plan = p.plan()
    assert plan.allow_remove
    assert plan.boxes[0].entries[0].full_count == 2


def test_shorten_takes_boxed_units_uncoded_and_last_box_first_keeping_codes_with_units() -> None:
    p = _order(line(1, 3, "300", required=CIS), line(2, 1, "100"))
    p = p.put(1, None, 1).put(1, None, 2).put(2, 0)  # box 1: unit 0 + line 2; box 2: units 1, 2
    codes = ["0104601234567893215aaaaaa\x1d93Zjqw", "0104601234567893215bbbbbb\x1d93Zjqw"]
    for value in codes:
        p, _ = p.attach_code(Instance(InstanceKind.CIS, value))
    assert [p.code_owner(value) for value in codes] == [UnitRef(1, 0), UnitRef(1, 1)]

    two = shorten(p, {1: 2})  # the uncoded unit 2 goes
    assert two.boxes[1].units == (UnitRef(1, 1),)
    assert [two.code_owner(value) for value in codes] == [UnitRef(1, 0), UnitRef(1, 1)]

    one = shorten(p, {1: 1})  # then the coded unit of the last box; its box disappears
    assert one.code_owner(codes[1]) is None
    assert one.code_owner(codes[0]) == UnitRef(1, 0)
    assert len(one.boxes) == 1
    assert one.boxes[0].units == (UnitRef(1, 0), UnitRef(2, 0))


def test_shorten_removes_split_units_with_all_their_part_boxes() -> None:
    p = _order(line(1, 2, "200", parts_per_unit=2), line(2, 1, "100")).split(1).split(1).put(2, None)
    p = shorten(p, {1: 1})
    assert len(p.boxes) == 3
    assert p.plan().boxes[:2] == (
        BoxPlan((BoxEntry(1, part=p.plan().boxes[0].entries[0].part),)),
        BoxPlan((BoxEntry(1, part=p.plan().boxes[1].entries[0].part),)),
    )
    assert {box.part.unit for box in p.boxes if box.part} == {UnitRef(1, 0)}
