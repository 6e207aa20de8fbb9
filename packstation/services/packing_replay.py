"""Rebuilding a packing session from its journal: one handler per journaled action.

The journal holds JSON dicts with an `op` key (see `packstation.services.packing_session`).
Replaying goes through the same state transitions as the live actions, with journaling, the
code index and subscribers switched off (`SessionCore._replaying`); `PackingSession.restore`
re-syncs the code index once at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from packstation.domain.errors import PackstationError
from packstation.domain.layout import StoredBox
from packstation.domain.order import CANCELLED
from packstation.domain.packing import Packing
from packstation.domain.packing_journal import decode_instance
from packstation.domain.packing_shorten import shorten
from packstation.domain.verification import EacResult, EacVerdict
from packstation.services.packing_edits import PackingEdits
from packstation.services.packing_types import Phase

log = logging.getLogger("packstation.services.packing_session")


def replay_action(session: PackingEdits, action: Mapping[str, Any]) -> None:
    """Apply one journaled action to a session being restored.

    An unknown action, or one that no longer applies (e.g. written by another version), is
    skipped with a warning so the rest of the packer's work still opens; the state stays as
    after the last good line.
    """
    op = action.get("op")
    handler = _REPLAY.get(str(op))
    if handler is None:
        log.warning("journal of order %s: unknown action %r skipped", session.order.id, op)
        return
    try:
        handler(session, action)
    except PackstationError as error:
        log.warning("journal of order %s: action %r skipped: %s", session.order.id, op, error.en)


_Replay = Callable[[PackingEdits, Mapping[str, Any]], None]


def _replay_edit(change: Callable[[Packing, Mapping[str, Any]], Packing]) -> _Replay:
    def apply(session: PackingEdits, action: Mapping[str, Any]) -> None:
        session._commit(change(session._packing, action), action)

    return apply


def _opt(value: Any) -> int | None:
    return None if value is None else int(value)


def _replay_code(session: PackingEdits, action: Mapping[str, Any]) -> None:
    new, _ = session._packing.attach_code(decode_instance(action), action.get("gtin"))
    session._commit(new, action)


def _replay_undo(session: PackingEdits, action: Mapping[str, Any]) -> None:
    if session._history:
        session._packing = session._history.pop()


def _replay_shorten(session: PackingEdits, action: Mapping[str, Any]) -> None:
    counts = {int(k): int(v) for k, v in dict(action["counts"]).items()}
    session._commit(shorten(session._packing, counts), action, undoable=False)


def _replay_layout_sent(session: PackingEdits, action: Mapping[str, Any]) -> None:
    plan = session._packing.plan()
    ids = [int(box_id) for box_id in action["box_ids"]]
    boxes = tuple(StoredBox(box_id, box) for box_id, box in zip(ids, plan.boxes, strict=False))
    session._apply_layout_sent(plan, boxes)


def _replay_rejected(session: PackingEdits, action: Mapping[str, Any]) -> None:
    session._packing = session._packing.with_rejected(str(v) for v in action.get("values", ()))


def _replay_eac(session: PackingEdits, action: Mapping[str, Any]) -> None:
    raw = str(action["verdict"])
    verdict = EacVerdict(raw) if raw in set(EacVerdict) else EacVerdict.UNKNOWN
    session._apply_eac(EacResult(verdict, _opt(action.get("attempts_left"))))


def _replay_interrupted(session: PackingEdits, action: Mapping[str, Any]) -> None:
    status, substatus = str(action.get("status", CANCELLED)), str(action.get("substatus", ""))
    session._apply_interrupted(
        status,
        substatus,
        PackstationError(
            f"Заказ изменился ({status}/{substatus}). Верните товары на полку.",
            f"The order changed ({status}/{substatus}). Put the items back.",
        ),
    )


def _replay_done(session: PackingEdits, action: Mapping[str, Any]) -> None:
    session._phase = Phase.DONE


_REPLAY: dict[str, _Replay] = {
    "put": _replay_edit(lambda p, a: p.put(int(a["line"]), _opt(a.get("box")), int(a.get("units", 1)))),
    "move": _replay_edit(
        lambda p, a: p.move(int(a["line"]), int(a["from"]), _opt(a.get("to")), int(a.get("units", 1)))
    ),
    "unpack": _replay_edit(lambda p, a: p.unpack(int(a["line"]), int(a["box"]), int(a.get("units", 1)))),
    "new_box": _replay_edit(lambda p, a: p.new_box()),
    "close_box": _replay_edit(lambda p, a: p.close_box()),
    "split": _replay_edit(lambda p, a: p.split(int(a["line"]), _opt(a.get("parts")))),
    "scan_item": _replay_edit(lambda p, a: p.scan_item(str(a["barcode"]))),
    "remove_code": _replay_edit(lambda p, a: p.remove_code(str(a["value"]))),
    "code": _replay_code,
    "undo": _replay_undo,
    "shorten": _replay_shorten,
    "layout_sent": _replay_layout_sent,
    "rejected": _replay_rejected,
    "ready": lambda session, action: session._mark_ready(),
    "eac": _replay_eac,
    "cancelled": lambda session, action: session._apply_cancelled(),
    "interrupted": _replay_interrupted,
    "done": _replay_done,
}

