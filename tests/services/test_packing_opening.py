"""Opening an order is not starting it (no journal, no audit line until the first action), and a
marking code scanned before its item's barcode puts the unit the packer holds into the box; the
barcode scanned right after confirms that unit instead of counting a second one."""

from __future__ import annotations

import pytest

from packstation.domain.classify import classify_scan
from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance, InstanceKind
from packstation.services.packing import PackingSession, ScanAction
from tests.services.fakes import make_order
from tests.services.test_packing_session import CIS_A, CIS_B, KETTLE, MUG, desk, kettle, mug


def _packed(session: PackingSession) -> int:
    return sum(p.packed for p in session.snapshot.progress)


def test_an_opened_order_has_no_journal_until_the_packer_acts() -> None:
    d = desk(make_order(1, mug(2)))
    assert d.journal.entries(1) == []
    assert d.reopen() is None  # nothing to restore: the order was only looked at
    d.session.new_box()
    ops = [entry.action["op"] for entry in d.journal.entries(1)]
    assert ops == ["open", "new_box"]  # the order as opened goes first, in the same transaction
    assert d.reopen() is not None


def test_a_refused_action_does_not_start_the_journal() -> None:
    d = desk(make_order(1, mug(1)))
    with pytest.raises(PackstationError):
        d.session.scan(classify_scan(KETTLE, known_gtins=[MUG]))  # not this order's item
    assert d.journal.entries(1) == []


def test_a_code_scanned_first_boxes_the_unit_and_its_barcode_then_confirms_it() -> None:
    d = desk(make_order(1, mug(2), kettle(1)))
    known = [MUG]
    outcome = d.session.scan(classify_scan(CIS_A, known_gtins=known))
    assert outcome.action is ScanAction.CODE_ATTACHED
    assert outcome.box == 0
    assert _packed(d.session) == 1
    held = d.session.packing.boxes[0].units[0]
    assert [i.value for i in d.session.packing.codes_of(held)] == [CIS_A]

    confirmed = d.session.scan(classify_scan(MUG, known_gtins=known))
    assert confirmed.action is ScanAction.ITEM_PACKED
    assert confirmed.unit == held
    assert _packed(d.session) == 1  # the same mug, not a second one

    d.session.scan(classify_scan(MUG, known_gtins=known))  # the next mug, barcode first
    assert _packed(d.session) == 2
    d.session.scan(classify_scan(CIS_B, known_gtins=known))
    assert d.session.snapshot.progress[0].coded == 2

    restored = d.reopen()  # the journal means the same after a restart
    assert restored is not None
    assert restored.packing == d.session.packing


def test_the_api_attach_code_still_leaves_an_unboxed_unit_unboxed() -> None:
    d = desk(make_order(1, mug(1)))
    d.session.attach_code(Instance(InstanceKind.CIS, CIS_A))
    assert _packed(d.session) == 0  # only a scanned code means the packer holds the unit


def test_scan_previews_show_each_lines_next_scan_and_change_nothing() -> None:
    d = desk(make_order(1, mug(2), kettle(1)))
    told: list[object] = []
    d.session.subscribe(told.append)
    before = d.session.snapshot
    previews = d.session.scan_previews()
    assert [[p.packed for p in preview.snapshot.progress] for preview in previews] == [[1, 0], [0, 1]]
    assert all(p.snapshot.can_undo and p.snapshot.version == before.version + 1 for p in previews)
    assert [(p.outcome.action, p.outcome.box) for p in previews] == [(ScanAction.ITEM_PACKED, 0)] * 2
    assert [p.outcome.unit.line_id for p in previews if p.outcome.unit is not None] == [
        line.id for line in d.session.order.lines
    ]
    assert d.session.snapshot is before  # nothing changed, nobody was told, nothing journalled
    assert told == []
    assert d.journal.entries(1) == []
    # What the scan then shows is what its preview said.
    outcome = d.session.scan(classify_scan(KETTLE, known_gtins=[MUG, KETTLE]))
    assert d.session.packing == previews[1].snapshot.packing
    assert d.session.snapshot.progress == previews[1].snapshot.progress
    assert (outcome.unit, outcome.box, outcome.part) == (
        previews[1].outcome.unit, previews[1].outcome.box, previews[1].outcome.part
    )


def test_scan_previews_leave_out_packed_lines_and_end_with_packing() -> None:
    d = desk(make_order(1, mug(1), kettle(1)))
    d.session.scan(classify_scan(MUG, known_gtins=[MUG, KETTLE]))
    previews = d.session.scan_previews()
    assert [[p.packed for p in preview.snapshot.progress] for preview in previews] == [[1, 1]]
    assert len(d.session.scan_previews(limit=0)) == 0
    d.session.scan(classify_scan(KETTLE, known_gtins=[MUG, KETTLE]))
    assert d.session.scan_previews() == []  # every unit packed: no scan of an item packs one


def test_scan_previews_put_the_line_of_the_item_scanned_last_first() -> None:
    """The item scanned last is scanned again more often than not: its line's preview comes
    first (a view prepares them in that order, one per loop turn), the others in order."""
    d = desk(make_order(1, mug(2), kettle(2)))
    d.session.scan(classify_scan(KETTLE, known_gtins=[MUG, KETTLE]))
    previews = d.session.scan_previews(first=KETTLE)
    assert [[p.packed for p in preview.snapshot.progress] for preview in previews] == [[0, 2], [1, 1]]
    assert [p.outcome.unit.line_id for p in previews if p.outcome.unit is not None] == [
        line.id for line in reversed(d.session.order.lines)
    ]
    assert d.session.scan_previews(first=MUG) == d.session.scan_previews()  # already first
    assert d.session.scan_previews(first="0000000000000") == d.session.scan_previews()  # no line's


def test_after_a_marked_item_the_scan_of_its_code_is_previewed_first_and_changes_nothing() -> None:
    """A packer of marked goods scans a unit's barcode, then its code: that code's texts are
    worked out first (a stand-in no scan can have for the code itself)."""
    d = desk(make_order(1, mug(2), kettle(1)))
    known = [MUG, KETTLE]
    d.session.scan(classify_scan(MUG, known_gtins=known))
    entries = len(d.journal.entries(1))
    before = d.session.snapshot
    previews = d.session.scan_previews(first=MUG)
    code = previews[0]
    assert code.outcome.action is ScanAction.CODE_ATTACHED
    assert code.outcome.unit == d.session.packing.boxes[0].units[0]
    assert [(p.packed, p.coded) for p in code.snapshot.progress] == [(1, 1), (0, 0)]
    assert [p.outcome.action for p in previews[1:]] == [ScanAction.ITEM_PACKED] * 2
    assert d.session.snapshot is before  # nothing changed, nothing journalled
    assert len(d.journal.entries(1)) == entries

    outcome = d.session.scan(classify_scan(CIS_A, known_gtins=known))
    assert d.session.snapshot.progress == code.snapshot.progress  # what the scan then shows
    assert (outcome.action, outcome.unit, outcome.box) == (
        code.outcome.action, code.outcome.unit, code.outcome.box
    )
    # Its unit has its code now: the next scan is an item's, no code is previewed.
    assert all(p.outcome.action is ScanAction.ITEM_PACKED for p in d.session.scan_previews(first=MUG))
    assert all(p.outcome.action is ScanAction.ITEM_PACKED for p in d.session.scan_previews(first=KETTLE))
