"""A packing's progress counted quickly when no unit has a code or is split (issue 19): the same
figures as unit by unit, also for units left in boxes beyond a shortened line's count."""

from __future__ import annotations

from dataclasses import replace

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
