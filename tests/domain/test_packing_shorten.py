"""Shortening an order: the Market's refusals checked locally, and the packing adjusted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, PartOf
from packstation.domain.message import Message
from packstation.domain.order import READY_TO_SHIP, OrderLine, RequiredCode
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.model import Packing, UnitRef
from packstation.domain.packing.shorten import check_shorten, market_refusal, removal_plan, shorten
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


def test_an_accepted_shortening_drops_unpacked_units_first_and_renumbers() -> None:
    p = _order(line(1, 3, "300", required=CIS), line(2, 2, "200"))
    p = p.put(1, None, 2).put(2, 0)
    p, coded = p.attach_code(Instance(InstanceKind.CIS, "0104601234567893215abcdef\x1d93Zjqw"))
    assert coded == UnitRef(1, 0)

    p = shorten(p, {1: 2, 2: 0})

    assert [(ln.id, ln.count, ln.price) for ln in p.order.lines] == [(1, 2, Decimal(200))]
    assert not p.allow_remove  # the Market removed the units already: the next layout just packs
    assert p.boxes[0].units == (UnitRef(1, 0), UnitRef(1, 1))  # the unpacked third unit went
    assert p.codes_of(UnitRef(1, 0))[0].kind is InstanceKind.CIS
    plan = p.plan()
    assert not plan.allow_remove
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


def test_only_an_order_being_packed_is_shortened() -> None:
    order = make_order(7, line(1, 2, "200"), line(2, 1, "100"), substatus=READY_TO_SHIP)
    with pytest.raises(PackingError) as refused:
        check_shorten(order, {1: 1})
    assert refused.value.reason is Reason.SHORTEN_STATUS
    assert "PROCESSING/STARTED" in refused.value.en


def test_a_promo_refusal_names_the_options_left() -> None:
    order = make_order(7, line(1, 1, "100"), line(2, 2, "200", promo=True))
    with pytest.raises(PackingError) as refused:
        check_shorten(order, {2: 1})  # reducing a promo line is removing part of it: refused too
    assert refused.value.reason is Reason.SHORTEN_PROMO
    text = refused.value.english()
    assert "promotion" in text
    assert "pack the order in full" in text
    assert "cancel the order" in text
    assert "Market support" in text
    assert "поддержку Маркета" in russian(refused.value)


def test_the_removal_plan_holds_every_kept_unit_boxed_or_not_without_codes() -> None:
    code = "0104601234567893215abcdef\x1d93Zjqw"
    p = _order(line(1, 3, "300", required=CIS), line(2, 2, "200"), line(3, 1, "100", parts_per_unit=2))
    p = p.put(1, None, 1)
    p, _ = p.attach_code(Instance(InstanceKind.CIS, code))

    plan = removal_plan(p, {2: 0})

    assert plan.allow_remove
    assert plan.boxes == (
        BoxPlan((BoxEntry(1, full_count=1),)),  # the packer's box, its code left for the submit
        BoxPlan((BoxEntry(3, part=PartOf(1, 2)),)),  # the unboxed multi-parcel unit in its parts
        BoxPlan((BoxEntry(3, part=PartOf(2, 2)),)),
        BoxPlan((BoxEntry(1, full_count=2),)),  # the other kept units, together
    )
    assert p.order.line(2).count == 2  # asking changes nothing


def test_the_removal_plan_refuses_what_check_shorten_refuses() -> None:
    p = _order(line(1, 1, "100"), line(2, 1, "100", promo=True))
    with pytest.raises(PackingError) as refused:
        removal_plan(p, {2: 0})
    assert refused.value.reason is Reason.SHORTEN_PROMO


def test_a_market_refusal_keeps_its_reason_and_adds_the_options() -> None:
    said = PackstationError(Message("Tests", "The item was added under a promotion."))
    refusal = market_refusal(said)
    assert refusal.reason is Reason.SHORTEN_REFUSED
    assert refusal.en.startswith("The Market refused to shorten the order: The item was added under a")
    assert "The order is as it was." in refusal.en
    assert "cancel the order" in refusal.english()
    assert "отменить заказ" in russian(refusal)
