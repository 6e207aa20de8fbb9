"""FBS first-mile shipments as the desk sees them: the Market's plan for one handover to the
sorting centre, the actions it offers now, and how far its orders are packed."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ShipmentAction(StrEnum):
    """What the Market lets the seller do with a shipment now (`availableActions`)."""

    CONFIRM = "CONFIRM"
    DOWNLOAD_ACT = "DOWNLOAD_ACT"
    DOWNLOAD_INBOUND_ACT = "DOWNLOAD_INBOUND_ACT"
    DOWNLOAD_DISCREPANCY_ACT = "DOWNLOAD_DISCREPANCY_ACT"
    DOWNLOAD_TRANSPORTATION_WAYBILL = "DOWNLOAD_TRANSPORTATION_WAYBILL"
    CHANGE_PALLETS_COUNT = "CHANGE_PALLETS_COUNT"


@dataclass(frozen=True, slots=True)
class Shipment:
    """One first-mile shipment.

    Attributes:
        order_ids: every order of the shipment, cancelled ones included.
        live_order_ids: the orders still to travel (not cancelled).
        pallets: the declared pallet count, None when the shipment is not on pallets.
        actions: what the Market offers now; empty when the search answer does not say.
    """

    id: int
    interval_from: datetime
    interval_to: datetime
    destination: str
    status: str
    status_text: str
    order_ids: tuple[int, ...]
    live_order_ids: tuple[int, ...]
    pallets: int | None = None
    actions: frozenset[ShipmentAction] = frozenset()

    def offers(self, action: ShipmentAction) -> bool:
        return action in self.actions


@dataclass(frozen=True, slots=True)
class ShipmentProgress:
    """A shipment's orders split for the desk: packed, still to pack, cancelled."""

    packed: tuple[int, ...]
    to_pack: tuple[int, ...]
    cancelled: tuple[int, ...]

    @property
    def complete(self) -> bool:
        return not self.to_pack


def shipment_progress(
    shipment: Shipment, with_labels: Collection[int], finished_here: Collection[int]
) -> ShipmentProgress:
    """Split the shipment's orders.

    Args:
        shipment: the shipment, with its live orders.
        with_labels: orders the Market can print labels for (`getShipmentOrdersInfo`): their
            boxes are laid out, so they are packed whoever packed them.
        finished_here: orders this desk's journal closed as packed.
    """
    live = set(shipment.live_order_ids)
    done = (set(with_labels) | set(finished_here)) & live
    return ShipmentProgress(
        packed=tuple(i for i in shipment.order_ids if i in done),
        to_pack=tuple(i for i in shipment.order_ids if i in live and i not in done),
        cancelled=tuple(i for i in shipment.order_ids if i not in live),
    )
