"""The packer and desk on every journal action: a `JournalPort` that stamps each appended action
with who is signed in and where, before it reaches the durable journal. Replay ignores the stamp;
the order's journal then tells who did each step even when packers changed mid-order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any

from packstation.services.ports import EncodedAction, JournalEntry, JournalPort


class StampedJournal:
    """Delegates to `journal`, adding `packer` and `desk` (from `who()`) to every action."""

    def __init__(self, journal: JournalPort, who: Callable[[], tuple[str, str]]) -> None:
        self._journal = journal
        self._who = who

    def append(self, order_id: int, action: Mapping[str, Any] | EncodedAction) -> int:
        packer, desk = self._who()
        if isinstance(action, EncodedAction):
            fields = action.action
            if (fields.get("packer"), fields.get("desk")) == (packer, desk):
                return self._journal.append(order_id, action)  # stamped by `encode` as it would be now
            action = fields  # someone else signed in since it was encoded: stamped (and encoded) again
        return self._journal.append(order_id, {**action, "packer": packer, "desk": desk})

    def encode(self, action: Mapping[str, Any]) -> EncodedAction:
        """Stamped with who is signed in now; `append` stamps it again if that changes meanwhile."""
        packer, desk = self._who()
        return self._journal.encode({**action, "packer": packer, "desk": desk})

    def atomic(self) -> AbstractContextManager[object]:
        return self._journal.atomic()

    def entries(self, order_id: int) -> list[JournalEntry]:
        return self._journal.entries(order_id)

    def orders_in_progress(self) -> list[int]:
        return self._journal.orders_in_progress()

    def finish(self, order_id: int) -> None:
        self._journal.finish(order_id)
