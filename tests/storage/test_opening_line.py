"""An order's opening line (the whole order, journalled with its first scan) is encoded when the
order opens, not inside that scan (issue 19); it is stored exactly as before: the same text, kind,
epoch and time, stamped with who is signed in at the scan, in the scan's one transaction."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from packstation.domain.errors import StorageError
from packstation.domain.order import OrderLine
from packstation.domain.packing.journal import encode_order
from packstation.services.code_guard import CodeGuard
from packstation.services.packer_stamp import StampedJournal
from packstation.services.packing import PackingSession, SessionDeps
from packstation.services.packing.edit_log import EditLog
from packstation.services.packing.state import SessionState
from packstation.storage.local_store import LocalStore, open_local_store
from tests.services.fakes import FakeClock, FakeMarket, make_order
from tests.storage.helpers import FakeClock as StoreClock

MUG = OrderLine(11, "MUG", "Кружка «Утро»", 2, barcodes=("4601234567893",))
ORDER = make_order(1, MUG)
Row = tuple[int, int, str, str, str]


@pytest.fixture
def other(tmp_path: Path, clock: StoreClock) -> Iterator[LocalStore]:
    """A second store on the same clock: the old code's calls are replayed into it."""
    (tmp_path / "other").mkdir()
    opened = open_local_store(tmp_path / "other", station="Desk 3", packer="Ирина", clock=clock)
    yield opened
    opened.close()


def _stamped(store: LocalStore) -> StampedJournal:
    """The journal as the app wires it (`app.packing`): stamped with the audit's identity."""
    return StampedJournal(store.journal, lambda: (store.audit.packer, store.audit.station))


def _session(store: LocalStore) -> PackingSession:
    market = FakeMarket()
    market.add(ORDER)
    deps = SessionDeps(
        market=market,
        journal=_stamped(store),
        clock=FakeClock(),
        guard=CodeGuard(store.codes),
        outbox=store.outbox,
        audit=store.audit,
    )
    return PackingSession.start(ORDER, deps)


def _rows(store: LocalStore) -> list[Row]:
    with store.database.reading() as conn:
        rows = conn.execute("SELECT order_id, epoch, kind, action, created_at FROM journal ORDER BY seq")
        return list(rows.fetchall())


def _encoded_ops(run: Callable[[], object]) -> list[object]:
    """The `op` of every JSON object the station's encoder is given while `run` runs."""
    encode = json.JSONEncoder.encode.__code__
    ops: list[object] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code is encode:
            ops.append(frame.f_locals["o"].get("op"))

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return ops


def test_the_first_scan_encodes_only_its_own_line(store: LocalStore) -> None:
    opened: list[PackingSession] = []
    assert _encoded_ops(lambda: opened.append(_session(store))) == ["open"]
    assert store.journal.orders_in_progress() == []  # looked at only: still no journal
    # Before: ["open", "scan_item"] (the whole order's JSON made inside the scan).
    assert _encoded_ops(lambda: opened[0].scan_item("4601234567893")) == ["scan_item"]
    assert [entry.action["op"] for entry in store.journal.entries(1)] == ["open", "scan_item"]


def test_the_journal_is_stored_as_before(store: LocalStore, other: LocalStore, clock: StoreClock) -> None:
    """Byte for byte what the old code's calls store: the opening line's text is the order as
    opened, stamped with who is signed in at the first scan (another packer signed in since
    the order opened), and its time is the scan's."""
    session = _session(store)
    clock.advance(seconds=40)
    store.audit.set_identity("Desk 4", "Пётр")
    session.scan_item("4601234567893")
    clock.advance(seconds=2)
    session.scan_item("4601234567893")
    rows = _rows(store)

    # The old EditLog: the stamped journal's `append` of the opening, then of each action.
    other.audit.set_identity("Desk 4", "Пётр")
    clock.advance(seconds=-2)
    old = _stamped(other)
    old.append(1, {"op": "open", "order": encode_order(ORDER)})
    scans = [json.loads(text) for _, _, _, text, _ in rows[1:]]
    old.append(1, {k: v for k, v in scans[0].items() if k not in ("packer", "desk")})
    clock.advance(seconds=2)
    old.append(1, {k: v for k, v in scans[1].items() if k not in ("packer", "desk")})
    assert rows == _rows(other)

    opening = {"op": "open", "order": encode_order(ORDER), "packer": "Пётр", "desk": "Desk 4"}
    assert rows[0][2:4] == ("open", json.dumps(opening, ensure_ascii=False, separators=(",", ":")))
    assert [line.action for line in store.audit.history(1)] == ["order_opened"]
    assert store.audit.history(1)[0].packer == "Пётр"


def test_an_opening_encoded_as_the_same_packer_is_stored_as_encoded(store: LocalStore) -> None:
    journal = _stamped(store)
    encoded = journal.encode({"op": "open", "order": {"id": 1}})
    assert encoded.text == '{"op":"open","order":{"id":1},"packer":"Ирина","desk":"Desk 3"}'
    journal.append(1, encoded)
    assert [text for _, _, _, text, _ in _rows(store)] == [encoded.text]


def test_an_opening_json_cannot_carry_is_refused_when_the_order_opens(store: LocalStore) -> None:
    """The same `StorageError` the line's append raised in the first scan, now at the opening;
    nothing is stored, then or at the first scan."""
    bad = {"op": "open", "order": {"id": 1, "weight": float("nan")}}
    with pytest.raises(StorageError) as at_append:
        _stamped(store).append(1, bad)
    state = SessionState.opened(ORDER)
    log = EditLog(state, journal=_stamped(store), on_change=lambda: None, audit=store.audit)
    with pytest.raises(StorageError) as at_opening:
        log.open_on_first_record(bad)
    assert at_opening.value.en == at_append.value.en
    assert "cannot be serialized" in at_opening.value.en
    assert _rows(store) == []
    assert store.journal.orders_in_progress() == []
    assert store.audit.history(1) == []
