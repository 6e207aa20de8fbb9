"""The outbox: Market mutations recorded before they are sent (implements `OutboxPort`).

An intent is written durably before the request goes out and completed with its outcome after
the Market confirms (or after the replay decided it no longer applies). Whatever is still pending
after a crash or while offline is replayed by `packstation.services.outbox_replay`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from packstation.domain.errors import StorageError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.services.ports import Intent
from packstation.storage.codec import dump_json, from_text, load_json, to_text
from packstation.storage.database import Table


@dataclass(frozen=True, slots=True)
class IntentRecord:
    """An intent with its delivery history (for support screens and tests)."""

    intent: Intent
    state: str  # "pending" or "done"
    outcome: str
    attempts: int
    last_error: str
    completed_at: datetime | None


class SqliteOutbox(Table):
    """`OutboxPort` over the shared database."""

    def add_intent(self, order_id: int, kind: str, payload: Mapping[str, Any]) -> Intent:
        """Record a mutation durably before it is sent.

        Raises:
            StorageError: the payload is not JSON or could not be written.
        """
        text = dump_json(payload, QT_TRANSLATE_NOOP("Outbox", "Market request"))
        created = self._clock()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO outbox (order_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                (order_id, kind, text, to_text(created)),
            )
            intent_id = cursor.lastrowid
        assert intent_id is not None
        return Intent(intent_id, order_id, kind, load_json(text), from_text(to_text(created)))

    def complete_intent(self, intent_id: int, outcome: str) -> None:
        """Mark the intent done with its outcome (e.g. "sent", "skipped: order cancelled").

        Raises:
            StorageError: no such intent, or it could not be written.
        """
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE outbox SET state = 'done', outcome = ?, completed_at = ? WHERE id = ?",
                (outcome, to_text(self._clock()), intent_id),
            ).rowcount
        if changed != 1:
            raise StorageError(
                QT_TRANSLATE_NOOP("Outbox", "Market request #%1 is not in the journal.")(intent_id),
                hint=QT_TRANSLATE_NOOP("Outbox", "This is a bug; please report it."),
            )

    def record_attempt(self, intent_id: int, error: str) -> None:
        """Count a failed delivery attempt; the intent stays pending."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? "
                "WHERE id = ? AND state = 'pending'",
                (error[:500], intent_id),
            )

    def pending_intents(self) -> list[Intent]:
        """Intents not yet completed, oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, order_id, kind, payload, created_at FROM outbox "
                "WHERE state = 'pending' ORDER BY id"
            ).fetchall()
        return [Intent(i, order_id, kind, load_json(p), from_text(at)) for i, order_id, kind, p, at in rows]

    def records(self, order_id: int) -> list[IntentRecord]:
        """Every intent of one order (pending and done), oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, order_id, kind, payload, created_at, state, outcome, attempts, last_error, "
                "completed_at FROM outbox WHERE order_id = ? ORDER BY id",
                (order_id,),
            ).fetchall()
        return [
            IntentRecord(
                Intent(i, oid, kind, load_json(p), from_text(at)),
                state,
                outcome,
                attempts,
                last_error,
                from_text(done) if done else None,
            )
            for i, oid, kind, p, at, state, outcome, attempts, last_error, done in rows
        ]
