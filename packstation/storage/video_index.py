"""The packing video index: which clip files belong to which order, and the orders with an open
claim (whose clips retention never deletes).

Implements `services.ports.ClipIndexPort`. Paths are stored relative to the data dir
(`video/<order>/<start>.mp4`) so the data dir may move.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from packstation.domain.video import Clip
from packstation.storage.codec import from_text, to_text
from packstation.storage.database import Table

_COLUMNS = "id, order_id, path, started_at, ended_at, size_bytes, frames, note"


def _clip(row: sqlite3.Row | tuple[object, ...]) -> Clip:
    clip_id, order_id, path, started, ended, size, frames, note = row
    return Clip(
        id=int(str(clip_id)),
        order_id=int(str(order_id)),
        path=str(path),
        started_at=from_text(str(started)),
        ended_at=None if ended is None else from_text(str(ended)),
        size_bytes=int(str(size)),
        frames=int(str(frames)),
        note=str(note),
    )


class SqliteClipIndex(Table):
    """Clips and claims over the shared database."""

    def add(self, order_id: int, path: str, started_at: datetime) -> int:
        """Index a clip that started recording; returns its id.

        This and `finish` commit quickly, like the journal's lines: they come with every order
        opened and closed, in the GUI thread, which a durable commit made wait for an fsync
        (issue 19). A power cut right after one can lose only that line of the index.
        """
        with self._db.transaction(durable=False) as conn:
            cursor = conn.execute(
                "INSERT INTO video_clips (order_id, path, started_at) VALUES (?, ?, ?)",
                (order_id, path, to_text(started_at)),
            )
        return int(cursor.lastrowid or 0)

    def finish(self, clip_id: int, ended_at: datetime, size_bytes: int, frames: int, note: str = "") -> None:
        """Record that a clip's recording ended (normally, or early: `note` says why)."""
        with self._db.transaction(durable=False) as conn:
            conn.execute(
                "UPDATE video_clips SET ended_at = ?, size_bytes = ?, frames = ?, note = ? WHERE id = ?",
                (to_text(ended_at), size_bytes, frames, note, clip_id),
            )

    def clips_of(self, order_id: int) -> list[Clip]:
        """An order's clips, oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM video_clips WHERE order_id = ? ORDER BY started_at, id", (order_id,)
            ).fetchall()
        return [_clip(row) for row in rows]

    def all_clips(self) -> list[Clip]:
        """Every indexed clip, oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM video_clips ORDER BY started_at, id").fetchall()
        return [_clip(row) for row in rows]

    def remove(self, clip_id: int) -> None:
        """Drop a clip from the index (after its file was deleted)."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM video_clips WHERE id = ?", (clip_id,))

    def open_claim(self, order_id: int, note: str = "") -> None:
        """Mark the order as claimed by its buyer: its clips are kept until the claim is closed."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO order_claims (order_id, opened_at, note) VALUES (?, ?, ?) "
                "ON CONFLICT (order_id) DO UPDATE SET closed_at = NULL, note = excluded.note",
                (order_id, to_text(self._clock()), note),
            )

    def close_claim(self, order_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE order_claims SET closed_at = ? WHERE order_id = ? AND closed_at IS NULL",
                (to_text(self._clock()), order_id),
            )

    def open_claims(self) -> set[int]:
        """Orders with an open claim."""
        with self._db.reading() as conn:
            rows = conn.execute("SELECT order_id FROM order_claims WHERE closed_at IS NULL").fetchall()
        return {int(order_id) for (order_id,) in rows}
