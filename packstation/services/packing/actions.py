"""Journalled actions of a packing session and the state each one leads to.

The journal holds JSON dicts with an `op` key: `open` (the order as opened), `put`, `move`,
`unpack`, `new_box`, `close_box`, `split`, `scan_item`, `code`, `remove_code`, `undo`,
`promo_lines`, `shorten` (a shortening asked of the Market: pending, nothing changes), then one of
`shorten_accepted` (the Market removed the units: now the lines change), `shorten_refused` or
`shorten_dropped` (refused, or not confirmed: the order stays as it was), `layout_sent`,
`rejected`, `ready`, `eac`, `cancelled`, `interrupted`, `done`. `apply_action` is the one meaning
of each: restoring a session applies the journal's actions in order, and a live edit that has no
richer result to keep applies the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from packstation.domain.errors import PackstationError
from packstation.domain.layout import StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import CANCELLED
from packstation.domain.packing.journal import decode_instance
from packstation.domain.packing.model import Packing
from packstation.domain.verification import EacResult, EacVerdict
from packstation.services.packing.state import SessionState


class UnknownActionError(ValueError):
    """A journal line whose `op` this version does not know."""


def apply_action(state: SessionState, action: Mapping[str, Any]) -> SessionState:
    """The state after the journalled `action`.

    Raises:
        UnknownActionError: the action's `op` is unknown.
        PackstationError: the action no longer applies (the packing rules refuse it).
        KeyError, TypeError, ValueError: the action is malformed.
    """
    op = str(action.get("op"))
    step = _STEPS.get(op)
    if step is None:
        raise UnknownActionError(op)
    return step(state, action)


_Step = Callable[[SessionState, Mapping[str, Any]], SessionState]


def _edit(change: Callable[[Packing, Mapping[str, Any]], Packing]) -> _Step:
    def apply(state: SessionState, action: Mapping[str, Any]) -> SessionState:
        return state.edited(change(state.packing, action))

    return apply


def _opt(value: Any) -> int | None:
    return None if value is None else int(value)


def _code(state: SessionState, action: Mapping[str, Any]) -> SessionState:
    new, unit = state.packing.attach_code(decode_instance(action), action.get("gtin"))
    if action.get("hold"):  # the code came before the item's barcode: the unit went into a box
        new = new.hold(unit)
    return state.edited(new)


def _counts(action: Mapping[str, Any]) -> dict[int, int]:
    return {int(k): int(v) for k, v in dict(action.get("counts", {})).items()}


def _shorten(state: SessionState, action: Mapping[str, Any]) -> SessionState:
    # Only a request: a journal replayed after a crash never shortens on its own (the Market's
    # copy of the order settles it when the session opens again).
    return state.shorten_requested(_counts(action), _opt(action.get("intent")))


def _layout_sent(state: SessionState, action: Mapping[str, Any]) -> SessionState:
    plan = state.packing.plan()
    ids = [int(box_id) for box_id in action["box_ids"]]
    boxes = tuple(StoredBox(box_id, box) for box_id, box in zip(ids, plan.boxes, strict=False))
    return state.layout_sent(plan, boxes)


def _eac(state: SessionState, action: Mapping[str, Any]) -> SessionState:
    raw = str(action["verdict"])
    verdict = EacVerdict(raw) if raw in set(EacVerdict) else EacVerdict.UNKNOWN
    return state.with_eac(EacResult(verdict, _opt(action.get("attempts_left"))))


def _interrupted(state: SessionState, action: Mapping[str, Any]) -> SessionState:
    status, substatus = str(action.get("status", CANCELLED)), str(action.get("substatus", ""))
    reason = PackstationError(
        QT_TRANSLATE_NOOP("Actions", "The order changed (%1/%2). Put the items back.")(status, substatus)
    )
    return state.interrupted(status, substatus, reason)


_STEPS: dict[str, _Step] = {
    "put": _edit(lambda p, a: p.put(int(a["line"]), _opt(a.get("box")), int(a.get("units", 1)))),
    "move": _edit(
        lambda p, a: p.move(int(a["line"]), int(a["from"]), _opt(a.get("to")), int(a.get("units", 1)))
    ),
    "unpack": _edit(lambda p, a: p.unpack(int(a["line"]), int(a["box"]), int(a.get("units", 1)))),
    "new_box": _edit(lambda p, a: p.new_box()),
    "close_box": _edit(lambda p, a: p.close_box()),
    "split": _edit(lambda p, a: p.split(int(a["line"]), _opt(a.get("parts")))),
    "scan_item": _edit(lambda p, a: p.scan_item(str(a["barcode"]))),
    "remove_code": _edit(lambda p, a: p.remove_code(str(a["value"]))),
    "code": _code,
    "undo": lambda state, action: state.undone(),
    "promo_lines": lambda state, action: state.with_promo(frozenset(int(i) for i in action["lines"])),
    "shorten": _shorten,
    "shorten_accepted": lambda state, action: state.shorten_accepted(_counts(action)),
    "shorten_refused": lambda state, action: state.shorten_settled(),
    "shorten_dropped": lambda state, action: state.shorten_settled(),
    "layout_sent": _layout_sent,
    "rejected": lambda state, action: state.rejected(tuple(str(v) for v in action.get("values", ()))),
    "ready": lambda state, action: state.ready(),
    "eac": _eac,
    "cancelled": lambda state, action: state.cancelled(),
    "interrupted": _interrupted,
    "done": lambda state, action: state.done(),
}
