"""The seen-codes index: every marking code used at this station, with its order and time.

Implements `CodeRegistryPort`. A code may be recorded for several orders (the duplicate guard
decides what to refuse); `find` answers with the earliest use, which is where the packer should
look. Codes are stored exactly as given: normalising them (e.g. dropping the crypto tail) is the
caller's job, so that the same code always reaches the index in the same form.

Its writes commit quickly, as the journal's lines do (`storage.journal`): a code scan changes
both in one transaction, and a durable write joining it would fsync the WAL in the GUI thread on
every code scan (2-20 ms, issue 19). The index needs no more than the journal it follows: a
restored session makes it hold exactly the journal's codes (`CodeGuard.resync`), and the next
durable write (an outbox intent, before any Market call) syncs it with everything before.
"""

from __future__ import annotations

from packstation.services.ports import CodeUse
from packstation.storage.codec import from_text, to_text
from packstation.storage.database import Table


class SqliteCodeRegistry(Table):
    """`CodeRegistryPort` over the shared database."""

    def find(self, code: str) -> CodeUse | None:
        """Where `code` was first used at this station, or None."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT order_id, used_at FROM seen_codes WHERE code = ? ORDER BY used_at, order_id LIMIT 1",
                (code,),
            ).fetchone()
        return None if row is None else CodeUse(code, row[0], from_text(row[1]))

    def uses(self, code: str) -> list[CodeUse]:
        """Every order `code` was used in, earliest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT order_id, used_at FROM seen_codes WHERE code = ? ORDER BY used_at, order_id", (code,)
            ).fetchall()
        return [CodeUse(code, order_id, from_text(at)) for order_id, at in rows]

    def codes_of(self, order_id: int) -> list[str]:
        """The codes recorded for one order, sorted (support screens and consistency checks)."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT code FROM seen_codes WHERE order_id = ? ORDER BY code", (order_id,)
            ).fetchall()
        return [code for (code,) in rows]

    def remember(self, code: str, order_id: int) -> None:
        """Record that `code` went into `order_id` (idempotent: the first time is kept)."""
        with self._db.transaction(durable=False) as conn:
            conn.execute(
                "INSERT OR IGNORE INTO seen_codes (code, order_id, used_at) VALUES (?, ?, ?)",
                (code, order_id, to_text(self._clock())),
            )

    def forget(self, code: str, order_id: int) -> None:
        """Drop the use of `code` in `order_id` (the code was removed or the order undone)."""
        with self._db.transaction(durable=False) as conn:
            conn.execute("DELETE FROM seen_codes WHERE code = ? AND order_id = ?", (code, order_id))
