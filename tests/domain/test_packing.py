"""Packing rules: boxes, whole vs part, put/move/unpack/split, scans, completeness and the plan."""

from __future__ import annotations

from dataclasses import replace

import pytest

from packstation.catalogue import russian
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.order import BuyerType, OrderLine, RequiredCode
from packstation.domain.packing.errors import PackingError, PackingScanError, Reason
from packstation.domain.packing.model import BoxKind, Packing, UnitRef
from tests.services.fakes import make_order

MUG = "4601234567893"
KETTLE = "4607654321091"
CIS_MUG = "0104601234567893215abcdef\x1d93Zjqw"
CIS_MUG_2 = "0104601234567893215uvwxyz\x1d93Abcd"


def cis(value: str) -> Instance:
    return Instance(InstanceKind.CIS, value)


def _packing(*lines: OrderLine, buyer: BuyerType = BuyerType.PERSON) -> Packing:
    return Packing(make_order(1, *lines, buyer=buyer))


def mug(count: int = 3, required: frozenset[RequiredCode] = frozenset({RequiredCode.CIS})) -> OrderLine:
    return OrderLine(11, "MUG", "Кружка", count, required=required, barcodes=(MUG,))


def kettle(count: int = 1, parts: int = 1) -> OrderLine:
    return OrderLine(22, "KETTLE", "Чайник", count, barcodes=(KETTLE,), parts_per_unit=parts)


def reason(error: pytest.ExceptionInfo[PackingError] | pytest.ExceptionInfo[PackingScanError]) -> Reason:
    return error.value.reason


# ------------------------------------------------------------------------------------ put / move


def test_put_fills_a_new_box_then_the_given_box_and_counts_progress() -> None:
    p = _packing(mug(3), kettle(1))
    p = p.put(11, None, 2)
    p = p.put(22, 0)
    p = p.put(11, None)

    assert [box.kind for box in p.boxes] == [BoxKind.WHOLE, BoxKind.WHOLE]
    assert p.boxes[0].units == (UnitRef(11, 0), UnitRef(11, 1), UnitRef(22, 0))
    assert p.boxes[1].units == (UnitRef(11, 2),)
    assert p.current == 1
    progress = {lp.line_id: lp for lp in p.progress()}
    assert (progress[11].packed, progress[11].coded, progress[11].needs_codes) == (3, 0, True)
    assert (progress[22].packed, progress[22].needs_codes) == (1, False)


def test_refused_actions_leave_the_state_unchanged() -> None:
    p = _packing(mug(2), kettle(1, parts=2)).put(11, None, 2).split(22)
    before = p
    with pytest.raises(PackingError) as over:
        p.put(11, 0)
    assert reason(over) is Reason.OVER_PACKING
    assert "2" in russian(over.value.text)
    with pytest.raises(PackingError) as mixed:
        p.put(11, 1)
    assert reason(mixed) is Reason.MIXED_BOX
    with pytest.raises(PackingError) as unknown:
        p.put(99)
    assert reason(unknown) is Reason.UNKNOWN_LINE
    with pytest.raises(PackingError) as no_box:
        p.put(11, 7)
    assert reason(no_box) is Reason.UNKNOWN_BOX
    with pytest.raises(PackingError) as bad:
        p.put(11, None, 0)
    assert reason(bad) is Reason.BAD_COUNT
    assert p == before


def test_put_more_units_than_left_names_what_is_left() -> None:
    p = _packing(mug(3)).put(11, None, 2)
    with pytest.raises(PackingError) as over:
        p.put(11, 0, 2)
    assert reason(over) is Reason.OVER_PACKING
    assert "only 1" in over.value.en


def test_move_between_boxes_to_a_new_box_and_prunes_emptied_boxes() -> None:
    p = _packing(mug(3), kettle(1)).put(11, None, 3).put(22, None)
    p = p.move(11, 0, 1, 2)
    assert p.boxes[0].units == (UnitRef(11, 0),)
    assert p.boxes[1].units == (UnitRef(22, 0), UnitRef(11, 1), UnitRef(11, 2))

    p = p.move(11, 0, None)  # box 1 empties and disappears; the unit opens a new box
    assert len(p.boxes) == 2
    assert p.boxes[1].units == (UnitRef(11, 0),)
    assert p.current == 1
    assert p.move(11, 1, 1) == p  # onto itself: nothing happens

    with pytest.raises(PackingError) as not_there:
        p.move(22, 1, 0)
    assert reason(not_there) is Reason.NOT_IN_BOX


def test_move_refuses_part_boxes_both_ways() -> None:
    p = _packing(mug(1), kettle(1, parts=2)).put(11, None).split(22)
    with pytest.raises(PackingError) as into_part:
        p.move(11, 0, 1)
    assert reason(into_part) is Reason.MIXED_BOX
    with pytest.raises(PackingError) as from_part:
        p.move(22, 1, 0)
    assert reason(from_part) is Reason.PART_BOX


def test_unpack_whole_units_and_a_split_unit() -> None:
    p = _packing(mug(2), kettle(2, parts=3)).put(11, None, 2).split(22).split(22)
    assert [box.kind for box in p.boxes] == [BoxKind.WHOLE] + [BoxKind.PART] * 6

    p = p.unpack(22, 2)  # part 2 of the first kettle: all three of its boxes go
    assert len(p.boxes) == 4
    assert {box.part.unit for box in p.boxes[1:] if box.part} == {UnitRef(22, 1)}
    assert p.unplaced(22) == (UnitRef(22, 0),)

    p = p.unpack(11, 0, 2)
    assert p.unplaced(11) == (UnitRef(11, 0), UnitRef(11, 1))
    assert len(p.boxes) == 3
    with pytest.raises(PackingError) as wrong:
        p.unpack(11, 0)
    assert reason(wrong) is Reason.NOT_IN_BOX


def test_new_box_and_close_box_steer_where_scans_go() -> None:
    p = _packing(mug(3))
    p = p.new_box()
    assert p.new_box() == p  # an empty current box is reused
    assert p.scan_target() == 0
    p = p.scan_item(MUG)
    p = p.close_box()
    assert p.scan_target() is None
    p = p.scan_item(MUG)
    assert [len(box.units) for box in p.boxes] == [1, 1]
    assert p.boxes[0].closed
    assert not p.boxes[1].closed
    assert p.close_box().close_box().current is None


# ---------------------------------------------------------------------------------------- split


def test_split_defaults_to_box_count_and_repeats_the_code_in_every_part() -> None:
    line = OrderLine(5, "AC", "Сплит-система", 1, required=frozenset({RequiredCode.CIS}), parts_per_unit=2)
    p = Packing(make_order(1, line, buyer=BuyerType.PERSON))
    p, unit = p.attach_code(cis(CIS_MUG))
    p = p.split(5)

    assert unit == UnitRef(5, 0)
    assert p.plan() == LayoutPlan(
        (
            BoxPlan((BoxEntry(5, part=PartOf(1, 2), instances=(cis(CIS_MUG),)),)),
            BoxPlan((BoxEntry(5, part=PartOf(2, 2), instances=(cis(CIS_MUG),)),)),
        )
    )
    assert p.complete
    assert p.progress()[0].split_units == 1


def test_split_refusals() -> None:
    p = _packing(kettle(2, parts=1))
    with pytest.raises(PackingError) as too_few:
        p.split(22)
    assert reason(too_few) is Reason.BAD_SPLIT
    p = p.split(22, 3)
    with pytest.raises(PackingError) as other_total:
        p.split(22, 2)
    assert reason(other_total) is Reason.BAD_SPLIT
    p = p.split(22, 3)
    with pytest.raises(PackingError) as none_left:
        p.split(22, 3)
    assert reason(none_left) is Reason.OVER_PACKING
    with pytest.raises(PackingError):
        _packing(kettle(1)).split(22, 100)


def test_a_scan_after_a_split_starts_a_whole_box() -> None:
    p = _packing(mug(1, frozenset()), kettle(1, parts=2)).split(22)
    p = p.scan_item(MUG)
    assert [box.kind for box in p.boxes] == [BoxKind.PART, BoxKind.PART, BoxKind.WHOLE]


# ---------------------------------------------------------------------------------------- scans


def test_scan_item_matches_barcodes_as_gtin_and_refuses_strangers() -> None:
    p = _packing(mug(2), kettle(1))
    p = p.scan_item("0" + KETTLE)  # GTIN-14 form of the EAN-13
    assert p.boxes[0].units == (UnitRef(22, 0),)
    with pytest.raises(PackingScanError) as stranger:
        p.scan_item("4600000000000")
    assert reason(stranger) is Reason.NOT_IN_ORDER
    assert "4600000000000" in russian(stranger.value.text)
    assert "4600000000000" in stranger.value.en


def test_scan_item_without_any_known_barcode_explains_why() -> None:
    p = Packing(make_order(1))
    with pytest.raises(PackingScanError) as unknown:
        p.scan_item(MUG)
    assert reason(unknown) is Reason.NO_BARCODES


def test_a_barcode_shared_by_two_lines_fills_the_one_with_units_left() -> None:
    a = OrderLine(1, "A", "Синий", 1, barcodes=(MUG,))
    b = OrderLine(2, "B", "Красный", 1, barcodes=(MUG,))
    p = Packing(make_order(1, a, b)).scan_item(MUG).scan_item(MUG)
    assert p.boxes[0].units == (UnitRef(1, 0), UnitRef(2, 0))


# ---------------------------------------------------------------------------------------- codes


def test_codes_go_to_the_first_uncoded_unit_of_the_current_box_in_box_order() -> None:
    p = _packing(mug(3)).put(11, None, 1).put(11, None, 2)
    p, first = p.attach_code(cis(CIS_MUG), gtin="04601234567893")
    p, second = p.attach_code(cis(CIS_MUG_2), gtin="04601234567893")
    assert (first, second) == (UnitRef(11, 1), UnitRef(11, 2))
    p, third = p.attach_code(cis("0104601234567893215third\x1d93Zzzz"))
    assert third == UnitRef(11, 0)
    with pytest.raises(PackingScanError) as full:
        p.attach_code(cis("0104601234567893215fourth\x1d93Zzzz"))
    assert reason(full) is Reason.ALL_CODED


def test_a_code_scanned_before_the_item_travels_with_the_unit() -> None:
    p = _packing(mug(2))
    p, unit = p.attach_code(cis(CIS_MUG))
    assert unit == UnitRef(11, 0)
    p = p.scan_item(MUG)
    assert p.boxes[0].units == (UnitRef(11, 0),)
    assert p.plan().boxes[0].entries[0].instances == (cis(CIS_MUG),)


def test_code_refusals_name_the_reason() -> None:
    uin = frozenset({RequiredCode.UIN})
    jewel = OrderLine(33, "RING", "Кольцо", 1, required=uin, barcodes=("4601111111113",))
    p = _packing(mug(1), kettle(1), jewel)

    with pytest.raises(PackingScanError) as not_needed:
        p.attach_code(cis("01" + "0" + KETTLE + "21abcdef\x1d93Zjqw"), gtin="0" + KETTLE)
    assert reason(not_needed) is Reason.CODE_NOT_NEEDED
    assert "Чайник" in russian(not_needed.value.text)

    with pytest.raises(PackingScanError) as wrong_type:
        p.attach_code(cis("0104601111111113215abcdef\x1d93Zjqw"), gtin="04601111111113")
    assert reason(wrong_type) is Reason.WRONG_CODE_TYPE
    assert "UIN" in wrong_type.value.en

    with pytest.raises(PackingScanError) as other_item:
        p.attach_code(cis("0104600000000000215abcdef\x1d93Zjqw"), gtin="04600000000000")
    assert reason(other_item) is Reason.CODE_FOR_OTHER_ITEM

    with pytest.raises(PackingScanError) as rnpt:
        p.attach_code(Instance(InstanceKind.RNPT, "10702070/010124/0000001/001"))
    assert reason(rnpt) is Reason.WRONG_CODE_TYPE

    plain = _packing(kettle(1))
    with pytest.raises(PackingScanError) as nothing:
        plain.attach_code(cis(CIS_MUG))
    assert reason(nothing) is Reason.CODE_NOT_NEEDED

    gtd_line = OrderLine(44, "TV", "Телевизор", 1, required=frozenset({RequiredCode.GTD}))
    with pytest.raises(PackingScanError) as gtd:
        _packing(gtd_line).attach_code(Instance(InstanceKind.GTD, "10702070/010124/0000001"))
    assert reason(gtd) is Reason.GTD_COUNTRY
    coded, unit = _packing(gtd_line).attach_code(Instance(InstanceKind.GTD, "10702070/010124/0000001", "CN"))
    assert coded.codes_of(unit)[0].country_code == "CN"


def test_mandatory_codes_are_refused_twice_in_one_order_optional_ones_are_not() -> None:
    p = _packing(mug(2))
    p, _ = p.attach_code(cis(CIS_MUG))
    with pytest.raises(PackingScanError) as duplicate:
        p.attach_code(cis(CIS_MUG))
    assert reason(duplicate) is Reason.DUPLICATE_CODE

    optional = _packing(mug(2, frozenset({RequiredCode.CIS_OPTIONAL})))
    optional, _ = optional.attach_code(cis(CIS_MUG))
    optional, second = optional.attach_code(cis(CIS_MUG))  # the Market's own 2x2 example does this
    assert second == UnitRef(11, 1)


def test_without_barcodes_codes_prefer_the_line_of_the_last_scanned_item() -> None:
    a = OrderLine(1, "A", "Шарф", 1, required=frozenset({RequiredCode.CIS}))
    b = OrderLine(2, "B", "Шапка", 1, required=frozenset({RequiredCode.CIS}))
    p = Packing(make_order(1, a, b)).put(2)
    p, unit = p.attach_code(cis(CIS_MUG), gtin="04601234567893")
    assert unit == UnitRef(2, 0)


def test_a_rejected_code_is_replaced_by_the_next_scan() -> None:
    p = _packing(mug(1)).put(11)
    p, _ = p.attach_code(cis(CIS_MUG))
    with pytest.raises(PackingScanError):
        p.attach_code(cis(CIS_MUG_2))
    p = p.with_rejected({CIS_MUG})
    p, unit = p.attach_code(cis(CIS_MUG_2))
    assert p.codes_of(unit) == (cis(CIS_MUG_2),)
    assert p.code_owner(CIS_MUG) is None


def test_remove_code() -> None:
    p, unit = _packing(mug(1)).attach_code(cis(CIS_MUG))
    p = p.with_rejected({CIS_MUG}).remove_code(CIS_MUG)
    assert p.codes_of(unit) == ()
    assert p.rejected == frozenset()
    assert p.remove_code("nothing") == p


# ---------------------------------------------------------------------------------- completeness


def test_problems_list_unpacked_units_and_missing_codes() -> None:
    p = _packing(mug(2), kettle(1))
    assert [e.reason for e in p.problems()] == [Reason.INCOMPLETE] * 3
    p = p.put(11, None, 2).put(22, 0)
    (missing,) = p.problems()
    assert "0 of 2" in missing.en
    p, _ = p.attach_code(cis(CIS_MUG))
    p, _ = p.attach_code(cis(CIS_MUG_2))
    assert p.complete
    empty = Packing(replace(make_order(2), lines=()))
    assert empty.problems()[0].en == "There are no boxes."


def test_optional_codes_are_all_or_nothing_and_mandatory_for_business_buyers() -> None:
    line = mug(2, frozenset({RequiredCode.CIS_OPTIONAL}))
    person = _packing(line).put(11, None, 2)
    assert person.complete
    half, _ = person.attach_code(cis(CIS_MUG))
    (partial,) = half.problems()
    assert "1 of 2" in partial.en
    assert "для всех единиц или ни для одной" in russian(partial.hint)
    assert half.plan().boxes[0].entries[0].instances == ()  # never a short list of codes

    business = _packing(line, buyer=BuyerType.BUSINESS).put(11, None, 2)
    assert not business.complete
    assert business.progress()[0].needs_codes


def test_plan_groups_lines_per_box_and_leaves_out_empty_boxes() -> None:
    p = _packing(mug(2, frozenset()), kettle(2)).put(22).put(11, 0).put(22, 0).new_box()
    plan = p.plan()
    assert plan == LayoutPlan((BoxPlan((BoxEntry(22, full_count=2), BoxEntry(11, full_count=1))),))
    assert len(p.boxes) == 2  # the new empty box exists for the packer, not for the Market
