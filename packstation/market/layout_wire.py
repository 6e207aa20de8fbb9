"""Serialization of a domain `LayoutPlan` into the `PUT .../boxes` body (`SetOrderBoxLayoutRequest`).

Kept apart from the gateway so the packing rules' tests can check plans against the documented
JSON without a client. A CIS keeps its GS (0x1D) separators; on the wire each becomes the single
JSON escape `\\u001d` (see `layout_json`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from packstation.domain.errors import DomainError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.market.models import (
    BriefOrderItemInstanceDTO,
    BusinessOrderBoxLayoutItemDTO,
    OrderBoxLayoutDTO,
    OrderBoxLayoutItemDTO,
    OrderBoxLayoutItemEchoDTO,
    OrderBoxLayoutPartialCountDTO,
    SetOrderBoxLayoutRequest,
)
from packstation.market.transport import dumps_body


def instance_to_dto(instance: Instance) -> BriefOrderItemInstanceDTO:
    """One identifier in the field its kind names (`cis`, `uin`, `rnpt` or `gtd`)."""
    return BriefOrderItemInstanceDTO.model_validate(
        {instance.kind.value: instance.value, "countryCode": instance.country_code}
    )


def instance_from_dto(dto: BriefOrderItemInstanceDTO) -> Instance | None:
    """The identifier a wire instance carries, or None when it carries none."""
    for kind in InstanceKind:
        value = getattr(dto, kind.value)
        if value:
            return Instance(kind, value, dto.country_code)
    return None


def _entry_to_dto(entry: BoxEntry) -> OrderBoxLayoutItemDTO:
    part = entry.part
    partial = None if part is None else OrderBoxLayoutPartialCountDTO(current=part.current, total=part.total)
    return OrderBoxLayoutItemDTO(
        id=entry.line_id,
        full_count=entry.full_count,
        partial_count=partial,
        instances=[instance_to_dto(i) for i in entry.instances] or None,
    )


def layout_request(plan: LayoutPlan) -> SetOrderBoxLayoutRequest:
    """The typed request for `plan`; `allowRemove` is sent only when removal is intended.

    Raises:
        DomainError: the plan breaks the request's own rules (no boxes, an empty box, a count
            below 1, both or neither of a whole count and a part); nothing is sent.
    """
    try:
        return SetOrderBoxLayoutRequest(
            boxes=[OrderBoxLayoutDTO(items=[_entry_to_dto(e) for e in box.entries]) for box in plan.boxes],
            allow_remove=True if plan.allow_remove else None,
        )
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise DomainError(
            QT_TRANSLATE_NOOP("LayoutWire", "The box layout is not acceptable to the Market (%1: %2).")(
                where, problem["msg"]
            ),
            hint=QT_TRANSLATE_NOOP(
                "LayoutWire", "Check the boxes: each holds at least one item or one part."
            ),
        ) from exc


def layout_to_wire(plan: LayoutPlan) -> dict[str, Any]:
    """The JSON object of the `PUT .../boxes` body for `plan`, exactly as sent."""
    return layout_request(plan).wire()


def layout_json(plan: LayoutPlan) -> bytes:
    """The exact bytes of the request body (GS as `\\u001d`)."""
    return dumps_body(layout_to_wire(plan))


def box_plan_from_items(
    items: Sequence[OrderBoxLayoutItemEchoDTO | BusinessOrderBoxLayoutItemDTO],
) -> BoxPlan:
    """A domain box from the Market's echo of it."""
    entries = []
    for item in items:
        decoded = (instance_from_dto(dto) for dto in item.instances or ())
        instances = tuple(instance for instance in decoded if instance is not None)
        if item.partial_count is not None:
            part = PartOf(item.partial_count.current, item.partial_count.total)
            entries.append(BoxEntry(item.id, part=part, instances=instances))
        else:
            entries.append(BoxEntry(item.id, full_count=item.full_count, instances=instances))
    return BoxPlan(tuple(entries))
