"""A packing's progress counted quickly when no unit has a code or is split (issue 19): the same
figures as unit by unit, also for units left in boxes beyond a shortened line's count."""

from __future__ import annotations

from dataclasses import replace

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import OrderLine, RequiredCode
from packstation.domain.packing.model import Box, LineProgress, Packing, UnitRef
from tests.services.fakes import make_order

LINES = (
    OrderLine(1, "A", "Кружка", 1, required=frozenset({RequiredCode.CIS}), barcodes=("4601234567893",)),
    OrderLine(2, "B", "Плед", 2, barcodes=("4601234567886",)),
)


def test_units_beyond_a_shortened_count_are_not_counted() -> None:
    order = make_order(5, *LINES)
    boxed = (UnitRef(1, 0), UnitRef(1, 1), UnitRef(1, 2), UnitRef(2, 1), UnitRef(9, 0))
    packing = Packing(order, boxes=(Box(units=boxed),), current=0)
    assert packing.progress() == (LineProgress(1, 1, 1, 0, True, 0), LineProgress(2, 2, 1, 0, False, 0))
    assert packing.progress() == replace(packing)._progress_per_unit()
    assert not packing._has_unplaced(LINES[0])
    assert packing._has_unplaced(LINES[1])


def test_scans_count_like_units() -> None:
    packing = Packing(make_order(5, *LINES))
    for barcode in ("4601234567886", "4601234567893", "4601234567886"):
        packing = packing.scan_item(barcode)
        assert packing.progress() == replace(packing)._progress_per_unit()
    assert [p.packed for p in packing.progress()] == [1, 2]
    assert not packing.complete  # the mug's code is missing


def test_boxed_units_carried_by_edits_match_those_counted() -> None:
    """Units boxed out of order (codes scanned first, units held by their code) leave gaps that
    the carried fills keep like the counted ones, and the next free unit is the listed one."""
    from tests.domain.test_packing_properties import _check_fills

    order = make_order(5, replace(LINES[0], count=9), replace(LINES[1], count=6))
    coded = {UnitRef(1, n): (Instance(InstanceKind.CIS, f"0104601234567893215ser{n:03d}"),) for n in (4, 6)}
    packing = Packing(order, codes=coded)
    steps = [
        lambda p: p.put(2, None, 2),
        lambda p: p.hold(UnitRef(1, 5)),
        lambda p: p.hold(UnitRef(1, 7)),
        lambda p: p.put(1, 0, 3),
        lambda p: p.move(1, 0, None, 2),
        lambda p: p.new_box(),
        lambda p: p.put(1, None, 2),
        lambda p: p.close_box(),
        lambda p: p.put(2, None, 4),
        lambda p: p.put(1, None, 2),
    ]
    for step in steps:
        packing._fills()
        packing = step(packing)
        _check_fills(packing)
    assert not packing._has_unplaced(order.lines[0])
