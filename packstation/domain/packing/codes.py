"""Which identifiers each unit of an order line takes, and which of them the Market insists on.

The rules (NOTES.md 2(a), mirrored by the sandbox):
- a line accepts the kinds its `requiredInstanceTypes` name (CIS_OPTIONAL accepts a CIS);
- a CIS is mandatory when the line requires it, or when it is optional and the buyer is a business;
  UIN, RNPT and GTD are mandatory when required;
- FBS and Express orders go READY_TO_SHIP only after mandatory CIS and UIN codes passed the
  Market's check; DBS codes are not checked (GIS MT does not see them).
"""

from __future__ import annotations

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.order import BuyerType, Order, OrderLine, Program, RequiredCode

_ACCEPTS: dict[RequiredCode, InstanceKind] = {
    RequiredCode.CIS: InstanceKind.CIS,
    RequiredCode.CIS_OPTIONAL: InstanceKind.CIS,
    RequiredCode.UIN: InstanceKind.UIN,
    RequiredCode.RNPT: InstanceKind.RNPT,
    RequiredCode.GTD: InstanceKind.GTD,
}

KIND_NAMES: dict[InstanceKind, Message] = {
    InstanceKind.CIS: QT_TRANSLATE_NOOP("PackingRules", "Chestny Znak code"),
    InstanceKind.UIN: QT_TRANSLATE_NOOP("PackingRules", "jewelry UIN"),
    InstanceKind.RNPT: QT_TRANSLATE_NOOP("PackingRules", "RNPT"),
    InstanceKind.GTD: QT_TRANSLATE_NOOP("PackingRules", "GTD number"),
}

# Kinds in a stable order: instances are listed in this order within a unit.
KIND_ORDER: tuple[InstanceKind, ...] = tuple(InstanceKind)


def kind_name(kind: InstanceKind) -> Message:
    """The name of an identifier kind, for messages."""
    return KIND_NAMES[kind]


def accepted_kinds(line: OrderLine) -> frozenset[InstanceKind]:
    """The identifier kinds a unit of `line` may carry."""
    return frozenset(_ACCEPTS[code] for code in line.required)


def mandatory_kinds(order: Order, line: OrderLine) -> frozenset[InstanceKind]:
    """The identifier kinds every unit of `line` must carry before the layout is sent."""
    kinds = {_ACCEPTS[code] for code in line.required if code is not RequiredCode.CIS_OPTIONAL}
    if RequiredCode.CIS_OPTIONAL in line.required and order.buyer_type is BuyerType.BUSINESS:
        kinds.add(InstanceKind.CIS)
    return frozenset(kinds)


def verified_kinds(order: Order, line: OrderLine) -> frozenset[InstanceKind]:
    """The mandatory kinds the Market checks before READY_TO_SHIP (none for DBS)."""
    if order.program is Program.DBS:
        return frozenset()
    return mandatory_kinds(order, line) & {InstanceKind.CIS, InstanceKind.UIN}


def ordered(instances: tuple[Instance, ...]) -> tuple[Instance, ...]:
    """A unit's identifiers in the stable kind order."""
    return tuple(sorted(instances, key=lambda inst: KIND_ORDER.index(inst.kind)))
