"""Goods that travel in several parcels (`boxCount` N > 1): each scan boxes the next part k of N
of the unit being packed, the unit's one code goes into every one of its part boxes, and split /
unpack agree with what the scans began."""

from __future__ import annotations

import pytest

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.order import BuyerType, OrderLine, RequiredCode
from packstation.domain.packing.errors import PackingError, PackingScanError, Reason
from packstation.domain.packing.model import BoxKind, Packing, PartSlot, UnitRef
from tests.services.fakes import make_order

WARDROBE = "4601234567893"
MUG = "4607654321091"
CIS_1 = "0104601234567893215abcdef\x1d93Zjqw"
CIS_2 = "0104601234567893215uvwxyz\x1d93Abcd"


def wardrobe(count: int = 1, parts: int = 3, coded: bool = False) -> OrderLine:
    required = frozenset({RequiredCode.CIS}) if coded else frozenset()
    return OrderLine(
        7, "WARDROBE-3", "Шкаф", count, required=required, barcodes=(WARDROBE,), parts_per_unit=parts
    )


def mug() -> OrderLine:
    return OrderLine(8, "MUG", "Кружка", 1, barcodes=(MUG,))


def packing(*lines: OrderLine) -> Packing:
    return Packing(make_order(1, *lines, buyer=BuyerType.BUSINESS))


def cis(value: str) -> Instance:
    return Instance(InstanceKind.CIS, value)


def test_each_scan_boxes_the_next_part_in_its_own_part_box() -> None:
    p = packing(wardrobe(coded=True))
    p1 = p.scan_item(WARDROBE)
    assert [box.part for box in p1.boxes] == [PartSlot(UnitRef(7, 0), 1, 3)]
    assert p1.open_part() == PartSlot(UnitRef(7, 0), 1, 3)
    assert p1.current == 0
    assert p1.progress()[0].packed == 0  # a unit counts once all its parcels are boxed
    problems = [e.english() for e in p1.problems()]
    assert any("1 of 3 parcels boxed" in text for text in problems)

    p1, unit = p1.attach_code(cis(CIS_1))
    assert unit == UnitRef(7, 0)
    p2 = p1.scan_item(WARDROBE)
    assert p2.open_part() == PartSlot(UnitRef(7, 0), 2, 3)
    p3 = p2.scan_item(WARDROBE)
    assert p3.open_part() is None
    assert [box.kind for box in p3.boxes] == [BoxKind.PART] * 3
    assert p3.progress()[0].packed == 1
    assert p3.complete
    # The code was scanned once and travels in every part box.
    assert p3.plan() == LayoutPlan(
        tuple(BoxPlan((BoxEntry(7, part=PartOf(k, 3), instances=(cis(CIS_1),)),)) for k in (1, 2, 3))
    )
    # A fourth scan is an extra unit: refused, nothing changes.
    with pytest.raises(PackingError) as extra:
        p3.scan_item(WARDROBE)
    assert extra.value.reason is Reason.OVER_PACKING
    # The immutable value: earlier states are untouched.
    assert len(p.boxes) == 0
    assert len(p1.boxes) == 1
    assert len(p2.boxes) == 2


def test_the_same_code_scanned_on_a_later_parcel_is_already_there() -> None:
    p = packing(wardrobe(coded=True)).scan_item(WARDROBE)
    p, _ = p.attach_code(cis(CIS_1))
    p = p.scan_item(WARDROBE)
    again, unit = p.attach_code(cis(CIS_1))
    assert again is p
    assert unit == UnitRef(7, 0)
    # A different code for the one unit is still refused: one unit, one code.
    with pytest.raises(PackingScanError) as other:
        p.attach_code(cis(CIS_2))
    assert other.value.reason is Reason.ALL_CODED


def test_two_units_are_packed_one_after_the_other_with_their_own_codes() -> None:
    p = packing(wardrobe(count=2, parts=2, coded=True))
    p = p.scan_item(WARDROBE)
    p, first = p.attach_code(cis(CIS_1))
    p = p.scan_item(WARDROBE).scan_item(WARDROBE)
    p, second = p.attach_code(cis(CIS_2))
    p = p.scan_item(WARDROBE)
    assert (first, second) == (UnitRef(7, 0), UnitRef(7, 1))
    assert [(b.part.unit.n, b.part.current) for b in p.boxes if b.part] == [(0, 1), (0, 2), (1, 1), (1, 2)]
    assert p.complete
    codes = [entry.instances for box in p.plan().boxes for entry in box.entries]
    assert codes == [(cis(CIS_1),), (cis(CIS_1),), (cis(CIS_2),), (cis(CIS_2),)]


def test_a_whole_item_scanned_between_parcels_gets_its_own_box() -> None:
    p = packing(wardrobe(), mug()).scan_item(WARDROBE).scan_item(MUG).scan_item(WARDROBE)
    assert [box.kind for box in p.boxes] == [BoxKind.PART, BoxKind.WHOLE, BoxKind.PART]
    assert p.open_part() == PartSlot(UnitRef(7, 0), 2, 3)


def test_split_completes_the_unit_the_scans_began_and_refuses_another_count() -> None:
    p = packing(wardrobe(count=2)).scan_item(WARDROBE)
    with pytest.raises(PackingError) as other:
        p.split(7, 2)
    assert other.value.reason is Reason.BAD_SPLIT
    p = p.split(7)
    assert [(b.part.unit.n, b.part.current) for b in p.boxes if b.part] == [(0, 1), (0, 2), (0, 3)]
    p = p.split(7, 3)  # the second unit: all three parts at once
    assert len(p.boxes) == 6
    assert p.complete


def test_unpacking_a_part_takes_the_whole_unit_out() -> None:
    p = packing(wardrobe()).scan_item(WARDROBE).scan_item(WARDROBE)
    p = p.unpack(7, 1)
    assert p.boxes == ()
    assert p.open_part() is None
    assert p.scan_item(WARDROBE).open_part() == PartSlot(UnitRef(7, 0), 1, 3)


def test_a_single_parcel_item_still_goes_whole_into_the_current_box() -> None:
    p = packing(wardrobe(count=2, parts=1)).scan_item(WARDROBE).scan_item(WARDROBE)
    assert [box.kind for box in p.boxes] == [BoxKind.WHOLE]
    assert p.boxes[0].count(7) == 2
