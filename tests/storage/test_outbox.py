"""The outbox: intents recorded before sending, completed after confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import StorageError
from packstation.services.ports import OutboxPort
from packstation.storage.local_store import LocalStore, open_local_store
from tests.storage.helpers import FakeClock


def test_intent_is_durable_and_pending_until_completed(tmp_path: Path, clock: FakeClock) -> None:
    store = open_local_store(tmp_path, clock=clock)
    port: OutboxPort = store.outbox
    first = port.add_intent(10, "box_layout", {"boxes": [{"entries": []}], "allow_remove": False})
    second = port.add_intent(10, "status", {"status": "PROCESSING", "substatus": "READY_TO_SHIP"})
    assert first.created_at == clock.current
    assert first.payload == {"boxes": [{"entries": []}], "allow_remove": False}

    crashed_and_restarted = open_local_store(tmp_path, clock=clock)
    assert crashed_and_restarted.outbox.pending_intents() == [first, second]
    crashed_and_restarted.outbox.complete_intent(first.id, "sent")
    assert crashed_and_restarted.outbox.pending_intents() == [second]
    crashed_and_restarted.close()
    store.close()


def test_records_keep_outcome_and_attempts(store: LocalStore, clock: FakeClock) -> None:
    intent = store.outbox.add_intent(3, "cancel", {})
    store.outbox.record_attempt(intent.id, "ConnectionFailedError: refused")
    store.outbox.record_attempt(intent.id, "ConnectionFailedError: refused again")
    clock.advance(minutes=5)
    store.outbox.complete_intent(intent.id, "already_done: order already cancelled")
    store.outbox.record_attempt(intent.id, "ignored once done")
    [record] = store.outbox.records(3)
    assert record.state == "done"
    assert record.outcome == "already_done: order already cancelled"
    assert record.attempts == 2
    assert record.last_error == "ConnectionFailedError: refused again"
    assert record.completed_at == clock.current


def test_completing_an_unknown_intent_is_an_error(store: LocalStore) -> None:
    with pytest.raises(StorageError) as caught:
        store.outbox.complete_intent(404, "sent")
    assert "#404" in caught.value.en
    assert "№404" in russian(caught.value.text)


def test_payload_must_be_json(store: LocalStore) -> None:
    with pytest.raises(StorageError):
        store.outbox.add_intent(1, "status", {"status": {1, 2}})
    assert store.outbox.pending_intents() == []
