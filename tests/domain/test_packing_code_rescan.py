"""The very same marking code scanned again: a whole unit's is refused as a duplicate and changes
nothing; a split unit's (its code travels on every parcel) is accepted, adds nothing, and is one
step of its own for undo, so undo never takes away the code scanned before it."""

from __future__ import annotations

import pytest

from packstation.catalogue import russian
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import OrderLine, RequiredCode
from packstation.domain.packing.errors import PackingScanError, Reason
from packstation.domain.packing.model import UnitRef
from packstation.domain.scan import ScanKind, ScanResult
from packstation.services.code_guard import CodeGuard
from packstation.services.packing import PackingSession, SessionDeps
from tests.services.fakes import FakeClock, FakeCodeRegistry, FakeJournal, FakeMarket, make_order

MUG = "4601234567893"
CIS = "0104601234567893215ser000\x1d93Zjqw"
KEY = CIS[:25]  # the guard keys a CIS by GTIN + serial


def mugs(count: int) -> OrderLine:
    return OrderLine(1, "A", "Кружка", count, required=frozenset({RequiredCode.CIS}), barcodes=(MUG,))


def desk(line: OrderLine, registry: FakeCodeRegistry | None = None) -> tuple[PackingSession, SessionDeps]:
    guard = CodeGuard(registry) if registry is not None else None
    deps = SessionDeps(market=FakeMarket(), journal=FakeJournal(), clock=FakeClock(), guard=guard)
    return PackingSession.start(make_order(1, line), deps), deps


def cis() -> Instance:
    return Instance(InstanceKind.CIS, CIS)


def scanned_code() -> ScanResult:
    return ScanResult(kind=ScanKind.CIS, raw=CIS, value=CIS, gtin=CIS[2:16], instance=cis())


def test_a_split_units_code_scanned_again_is_undone_alone() -> None:
    # The property test's example: split, code, the same code again, undo.
    session, deps = desk(mugs(3))
    session.split(1, 2)
    assert session.attach_code(cis()) == UnitRef(1, 0)
    coded = session.packing

    assert session.attach_code(cis()) == UnitRef(1, 0)  # the second parcel's code: already there
    assert session.packing == coded
    assert session.snapshot.last_error is None

    assert session.undo()  # steps back over the second scan only: the code stays
    assert session.packing == coded
    assert session.packing.codes_of(UnitRef(1, 0)) == (cis(),)
    assert session.undo()  # then the first scan
    assert session.packing.codes == {}
    assert session.undo()  # then the split
    assert session.packing.boxes == ()
    assert not session.undo()

    restored = PackingSession.restore(1, deps)
    assert restored is not None
    assert restored.packing == session.packing
    assert restored.snapshot.can_undo == session.snapshot.can_undo


def test_a_split_units_code_scanned_again_keeps_its_place_in_the_station_index() -> None:
    registry = FakeCodeRegistry()
    session, deps = desk(mugs(1), registry)
    session.split(1, 2)
    session.scan(scanned_code())
    session.scan(scanned_code())  # not "already scanned in this order": it is this unit's code
    assert session.snapshot.last_error is None
    assert session.undo()
    assert registry.codes_of(1) == [KEY]  # undoing the second scan releases nothing
    restored = PackingSession.restore(1, deps)
    assert restored is not None
    assert restored.packing == session.packing
    assert session.undo()
    assert registry.codes_of(1) == []


@pytest.mark.parametrize(
    ("count", "reason", "russian_text"),
    [
        (3, Reason.DUPLICATE_CODE, "уже отсканирован"),  # other units lack a code: not this one
        (1, Reason.ALL_CODED, "уже есть"),  # the only unit has its code
    ],
)
def test_a_whole_units_code_scanned_again_is_refused_and_undo_takes_the_first_scan(
    count: int, reason: Reason, russian_text: str
) -> None:
    session, _deps = desk(mugs(count))
    session.put(1, None, 1)
    session.attach_code(cis())
    coded = session.packing

    with pytest.raises(PackingScanError) as again:
        session.attach_code(cis())
    assert again.value.reason is reason
    assert russian_text in russian(again.value.text)
    assert session.packing == coded  # a refusal changes nothing and records nothing

    assert session.undo()  # one step back: the first (only) scan of the code
    assert session.packing.codes == {}
    assert session.packing.placement() == {UnitRef(1, 0): (0,)}
