"""Property tests: any sequence of packing actions keeps the box rules, undo steps back exactly,
and the journal restores exactly the state the packer saw."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import OrderLine, RequiredCode
from packstation.domain.packing.codes import mandatory_kinds
from packstation.domain.packing.model import BoxKind, Packing, UnitRef
from packstation.domain.scan import ScanKind, ScanResult
from packstation.services.packing import PackingSession, SessionDeps
from tests.services.fakes import FakeClock, FakeJournal, FakeMarket, make_order

LINES = (
    OrderLine(1, "A", "Кружка", 3, required=frozenset({RequiredCode.CIS}), barcodes=("4601234567893",)),
    OrderLine(2, "B", "Кондиционер", 2, parts_per_unit=2),
    OrderLine(3, "C", "Плед", 2, required=frozenset({RequiredCode.CIS_OPTIONAL})),
)

line_ids = st.sampled_from([1, 2, 3])
boxes = st.one_of(st.none(), st.integers(min_value=0, max_value=5))
counts = st.integers(min_value=1, max_value=3)
actions = st.one_of(
    st.tuples(st.just("put"), line_ids, boxes, counts),
    st.tuples(st.just("move"), line_ids, st.integers(0, 5), boxes, counts),
    st.tuples(st.just("unpack"), line_ids, st.integers(0, 5), counts),
    st.tuples(st.just("split"), line_ids, st.sampled_from([None, 2, 3])),
    st.tuples(st.just("new_box")),
    st.tuples(st.just("close_box")),
    st.tuples(st.just("undo")),
    st.tuples(st.just("code"), st.integers(0, 9)),
    st.tuples(st.just("scan"), st.just("4601234567893")),
    # A code scanned before its item (the unit goes into the box with it), and a code taken off.
    st.tuples(st.just("scan_code"), st.integers(0, 9)),
    st.tuples(st.just("remove_code"), st.integers(0, 9)),
)


def _apply(session: PackingSession, action: tuple[Any, ...]) -> None:
    name, *args = action
    value = f"0104601234567893215ser{args[0]:03d}\x1d93Zjqw" if name.endswith("code") else ""
    if name == "code":
        session.attach_code(Instance(InstanceKind.CIS, value))
    elif name == "scan_code":
        instance = Instance(InstanceKind.CIS, value)
        session.scan(ScanResult(ScanKind.CIS, value, value, gtin=value[2:16], instance=instance))
    elif name == "remove_code":
        session.remove_code(value)
    elif name == "scan":
        session.scan_item(args[0])
    else:
        getattr(session, name)(*args)


def _check_rules(packing: Packing) -> None:
    whole: Counter[Any] = Counter()
    parts: dict[Any, list[tuple[int, int]]] = {}
    for box in packing.boxes:
        assert not (box.units and box.part is not None)  # never a mixed box
        whole.update(box.units)
        if box.part is not None:
            parts.setdefault(box.part.unit, []).append((box.part.current, box.part.total))
    assert all(n == 1 for n in whole.values())  # a unit sits in one box
    for unit, slots in parts.items():
        assert unit not in whole
        total = slots[0][1]
        assert sorted(slots) == [(c, total) for c in range(1, total + 1)]  # every part exactly once
    plan = packing.plan()
    for line in packing.order.lines:
        sent = sum(e.full_count or 0 for b in plan.boxes for e in b.entries if e.line_id == line.id)
        entries = [e for b in plan.boxes for e in b.entries if e.line_id == line.id]
        sent += sum(1 for e in entries if e.part is not None and e.part.current == 1)
        assert sent <= line.count  # never over-packed
    if packing.current is not None:
        assert 0 <= packing.current < len(packing.boxes)
    # `complete` stops at the first problem, `problems()` words them all: they agree, whichever
    # is asked first of a packing (each keeps what it computed).
    words = [problem.english() for problem in packing.problems()]
    assert replace(packing).complete == (not words)
    assert [problem.english() for problem in replace(packing).problems()] == words
    assert all(box.kind is not BoxKind.EMPTY for i, box in enumerate(packing.boxes) if i != packing.current)
    # The quick counts (no codes, no split units) agree with the unit-by-unit ones.
    assert packing.progress() == replace(packing)._progress_per_unit()
    for line in packing.order.lines:
        assert packing._has_unplaced(line) == bool(packing.unplaced(line.id))
    _check_fills(packing)
    _check_codes_carried(packing)


def _ranked_lacking(packing: Packing, line_id: int, kind: InstanceKind) -> UnitRef | None:
    """The unit lacking a `kind` code that ranks first: in the current box, then box by box and
    by place in the box, then unboxed by number (the unit-by-unit reference)."""
    placed = packing.placement()

    def rank(unit: UnitRef) -> tuple[int, ...]:
        where = placed.get(unit)
        if where is None:
            return (2, 0, unit.n)
        box = packing.boxes[where[0]]
        position = box.units.index(unit) if box.part is None else 0
        return (0 if packing.current in where else 1, where[0], position)

    lacking = [u for u in packing.units(line_id) if not any(i.kind is kind for i in packing.codes_of(u))]
    return min(lacking, key=rank, default=None)


def _listed_lacking(packing: Packing) -> tuple[UnitRef, ...]:
    """Boxed units lacking a mandatory code, box by box (the unit-by-unit reference)."""
    placed = packing.placement()
    lacking = []
    for unit in sorted(placed, key=lambda u: (placed[u], u)):
        needed = mandatory_kinds(packing.order, packing.line(unit.line_id))
        if needed and not needed <= {inst.kind for inst in packing.codes_of(unit)}:
            lacking.append(unit)
    return tuple(lacking)


def _searched_owner(packing: Packing, value: str) -> UnitRef | None:
    """The first unit carrying the code `value` (the unit-by-unit reference)."""
    return next((u for u, held in packing.codes.items() if any(i.value == value for i in held)), None)


def _check_codes_carried(packing: Packing) -> None:
    """What the edits carry about codes from packing to packing (issue 19) is what the codes and
    boxes say."""
    assert packing.boxed_lacking_codes() == _listed_lacking(packing) == replace(packing).boxed_lacking_codes()
    assert packing.instances() == frozenset(inst for _, inst in packing.all_codes())
    placed = packing.placement()
    for line in packing.order.lines:
        for n in range(line.count + 1):  # (one past the line's units too)
            assert packing.is_boxed(UnitRef(line.id, n)) == (UnitRef(line.id, n) in placed)
    assert not packing.is_boxed(UnitRef(99, 0))  # no such line
    counts = {line.id: line.count for line in packing.order.lines}
    coded_free = {
        u for u, held in packing.codes.items() if held and u.n < counts.get(u.line_id, 0) and u not in placed
    }
    assert packing._coded_free() == coded_free == replace(packing)._coded_free()
    values = [inst.value for held in packing.codes.values() for inst in held]
    for value in [*values, "0104601234567893215nobody\x1d93Zjqw"]:
        assert packing.code_owner(value) == _searched_owner(packing, value)


def _check_fills(packing: Packing) -> None:
    """The boxed units carried from packing to packing by the edits (issue 19) are those counted
    from the boxes, and the free units found from them are those listed unit by unit."""
    assert packing._fills() == replace(packing)._fills()
    assert packing._coded() == replace(packing)._coded()
    for line in packing.order.lines:  # the next code's unit, walked to: the one ranked first
        for kind in (InstanceKind.CIS, InstanceKind.UIN):
            assert packing._first_lacking(line, kind) == _ranked_lacking(packing, line.id, kind)
    for box in packing.boxes:  # a box's line counts carried by `extended` are those counted
        fresh = replace(box)
        assert box.line_counts() == fresh.line_counts() == dict(Counter(u.line_id for u in box.units))
        assert list(box.line_counts()) == list(dict.fromkeys(u.line_id for u in box.units))
        assert box == fresh
        assert hash(box) == hash(fresh)
    placed = packing.placement()
    for line in packing.order.lines:
        units = [UnitRef(line.id, n) for n in range(line.count)]
        listed = sorted((u for u in units if u not in placed), key=lambda u: (not packing.codes.get(u), u.n))
        assert packing.unplaced(line.id) == tuple(listed)
        for wanted in range(1, line.count + 1):
            assert packing._first_free(line.id, wanted) == tuple(listed[:wanted])


@settings(max_examples=80, deadline=None)
@given(st.lists(actions, max_size=25))
@example([("split", 1, 2), ("code", 0), ("code", 0), ("undo",)])  # a split unit's code scanned again
@example([("put", 1, None, 1), ("put", 1, None, 1), ("unpack", 1, 0, 1), ("scan_code", 1), ("scan_code", 2)])
def test_any_action_sequence_keeps_the_rules_and_restores_exactly(sequence: list[tuple[Any, ...]]) -> None:
    deps = SessionDeps(market=FakeMarket(), journal=FakeJournal(), clock=FakeClock())
    session = PackingSession.start(make_order(1, *LINES), deps)
    earlier: list[Packing] = []
    for action in sequence:
        before = session.packing
        try:
            _apply(session, action)
        except PackstationError:
            assert session.packing == before  # a refusal changes nothing
        else:
            if action[0] == "undo":
                if earlier:
                    assert session.packing == earlier.pop()  # undo is exactly one step back
            else:
                earlier.append(before)
        _check_rules(session.packing)
    restored = PackingSession.restore(1, deps)
    if not deps.journal.entries(1):  # nothing done (or only refused): the order was only looked at
        assert restored is None
        assert session.packing == PackingSession.start(make_order(1, *LINES), deps).packing
        return
    assert restored is not None
    assert restored.packing == session.packing
    assert restored.snapshot.can_undo == session.snapshot.can_undo
