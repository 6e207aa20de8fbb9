"""The Market writes the outbox journals before sending: their kinds and typed payloads.

The packing session writes these intents and the outbox replayer reads them back; both go through
this module, so an intent has one JSON shape. A marking code inside a layout has the journal's
shape (`domain.packing.journal.encode_instance`); the older list shape `[kind, value, country]`
is still read.

- `box_layout` / `shorten`: `LayoutIntent(plan)` (shorten = the plan allows removing units);
- `status`: `StatusIntent(status, substatus)`;
- `cancel`: `CancelIntent()` (CANCELLED / SHOP_FAILED);
- `verify_eac`: `CourierCodeIntent(code)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.order import CANCELLED, SHOP_FAILED
from packstation.domain.packing.journal import decode_instance, encode_instance


class IntentKind(StrEnum):
    BOX_LAYOUT = "box_layout"
    SHORTEN = "shorten"
    STATUS = "status"
    CANCEL = "cancel"
    VERIFY_EAC = "verify_eac"


class UnknownIntentError(ValueError):
    """An intent of a kind this version does not know."""


@dataclass(frozen=True, slots=True)
class LayoutIntent:
    """Send this box layout (`setOrderBoxLayout`)."""

    plan: LayoutPlan

    @property
    def kind(self) -> IntentKind:
        return IntentKind.SHORTEN if self.plan.allow_remove else IntentKind.BOX_LAYOUT

    def to_json(self) -> dict[str, Any]:
        return layout_to_payload(self.plan)


@dataclass(frozen=True, slots=True)
class StatusIntent:
    """Move the order to this status (`updateOrderStatus`)."""

    status: str
    substatus: str | None = None

    @property
    def kind(self) -> IntentKind:
        return IntentKind.STATUS

    @property
    def target(self) -> tuple[str, str | None]:
        return (self.status, self.substatus)

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "substatus": self.substatus}


@dataclass(frozen=True, slots=True)
class CancelIntent:
    """Cancel the order from this desk (CANCELLED / SHOP_FAILED)."""

    @property
    def kind(self) -> IntentKind:
        return IntentKind.CANCEL

    @property
    def target(self) -> tuple[str, str | None]:
        return (CANCELLED, SHOP_FAILED)

    def to_json(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True, slots=True)
class CourierCodeIntent:
    """Check the Express courier's code (`verifyEac`)."""

    code: str

    @property
    def kind(self) -> IntentKind:
        return IntentKind.VERIFY_EAC

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code}


IntentPayload = LayoutIntent | StatusIntent | CancelIntent | CourierCodeIntent
StatusLike = StatusIntent | CancelIntent


def parse_intent(kind: str, payload: Mapping[str, Any]) -> IntentPayload:
    """The typed payload of a journalled intent.

    Raises:
        UnknownIntentError: the kind is unknown.
        ValueError: the payload is damaged.
    """
    try:
        known = IntentKind(kind)
    except ValueError as err:
        raise UnknownIntentError(kind) from err
    if known in (IntentKind.BOX_LAYOUT, IntentKind.SHORTEN):
        return LayoutIntent(layout_from_payload(payload))
    if known is IntentKind.STATUS:
        status, substatus = payload.get("status"), payload.get("substatus")
        if not isinstance(status, str):
            raise ValueError(f"not a status payload: {dict(payload)!r}")
        return StatusIntent(status, substatus if isinstance(substatus, str) else None)
    if known is IntentKind.CANCEL:
        return CancelIntent()
    return CourierCodeIntent(str(payload.get("code", "")))


def layout_to_payload(plan: LayoutPlan) -> dict[str, Any]:
    """The JSON payload of a `box_layout` / `shorten` intent."""
    return {
        "allow_remove": plan.allow_remove,
        "boxes": [{"entries": [_entry_to_json(entry) for entry in box.entries]} for box in plan.boxes],
    }


def layout_from_payload(payload: Mapping[str, Any]) -> LayoutPlan:
    """The inverse of `layout_to_payload`.

    Raises:
        ValueError: the payload is not a layout.
    """
    try:
        boxes = tuple(
            BoxPlan(tuple(_entry_from_json(entry) for entry in box["entries"])) for box in payload["boxes"]
        )
        return LayoutPlan(boxes, allow_remove=bool(payload.get("allow_remove", False)))
    except (KeyError, TypeError) as err:
        raise ValueError(f"not a box layout payload: {err}") from err


def status_payload(status: str, substatus: str | None = None) -> dict[str, Any]:
    """The JSON payload of a `status` intent."""
    return StatusIntent(status, substatus).to_json()


def _entry_to_json(entry: BoxEntry) -> dict[str, Any]:
    return {
        "line_id": entry.line_id,
        "full_count": entry.full_count,
        "part": None if entry.part is None else [entry.part.current, entry.part.total],
        "instances": [encode_instance(instance) for instance in entry.instances],
    }


def _instance_from_json(raw: Any) -> Instance:
    if isinstance(raw, Mapping):
        return decode_instance(raw)
    kind, value, country = raw  # the list shape older outboxes hold
    return Instance(InstanceKind(kind), str(value), country)


def _entry_from_json(raw: Mapping[str, Any]) -> BoxEntry:
    part = raw.get("part")
    return BoxEntry(
        line_id=int(raw["line_id"]),
        full_count=None if raw.get("full_count") is None else int(raw["full_count"]),
        part=None if part is None else PartOf(int(part[0]), int(part[1])),
        instances=tuple(_instance_from_json(instance) for instance in raw.get("instances", ())),
    )
