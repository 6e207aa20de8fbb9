"""The first-mile shipment rules of the emulated Market, free of HTTP: schedule, status and the
actions a shipment offers.

The Market closes a shipment's order list at its cutoff; only then may the seller confirm it
("Cutoff time for shipments has not been reached yet" before), whether or not its orders are
packed. Confirming unlocks the act and the transportation waybill; the sorting centre's
acceptance unlocks the inbound act, and acceptance with discrepancies the discrepancy act. A
pallet (trusted-acceptance) shipment lets the seller set its pallet count and print pallet labels
until it is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from packstation.sandbox.clock import MSK

CUTOFF = time(10, 0)
"""A shipment's usual cutoff on its own day (Moscow time); the handover interval follows it."""
HANDOVER_AFTER = timedelta(hours=2)
HANDOVER_LENGTH = timedelta(hours=4)
CONFIRMED_STATES = ("OUTBOUND_CONFIRMED", "OUTBOUND_SIGNED", "ACCEPTED", "ACCEPTED_WITH_DISCREPANCIES")


@dataclass(slots=True)
class Shipment:
    """One first-mile shipment as the sandbox holds it.

    Attributes:
        pallets: the seller's declared pallet count, or None for a shipment not handed over on
            pallets (no CHANGE_PALLETS_COUNT).
        accepted: "ACCEPTED" / "ACCEPTED_WITH_DISCREPANCIES" once the sorting centre took it.
    """

    id: int
    day: date
    cutoff: datetime
    created_at: datetime
    pallets: int | None = None
    confirmed_at: datetime | None = None
    accepted: str | None = None
    accepted_at: datetime | None = None

    @property
    def interval_from(self) -> datetime:
        return self.cutoff + HANDOVER_AFTER

    @property
    def interval_to(self) -> datetime:
        return self.interval_from + HANDOVER_LENGTH

    def status(self, now: datetime) -> str:
        if self.accepted:
            return self.accepted
        if self.confirmed_at is not None:
            return "OUTBOUND_CONFIRMED"
        return "OUTBOUND_READY_FOR_CONFIRMATION" if now >= self.cutoff else "OUTBOUND_CREATED"

    def status_time(self, now: datetime) -> datetime:
        status = self.status(now)
        if status == "OUTBOUND_READY_FOR_CONFIRMATION":
            return self.cutoff
        return self.accepted_at or self.confirmed_at or self.created_at

    def actions(self, now: datetime) -> list[str]:
        """The Market's `availableActions`, in the spec's enum order."""
        status = self.status(now)
        offered = []
        if status == "OUTBOUND_READY_FOR_CONFIRMATION":
            offered.append("CONFIRM")
        if status in CONFIRMED_STATES:
            offered.append("DOWNLOAD_ACT")
        if status in ("ACCEPTED", "ACCEPTED_WITH_DISCREPANCIES"):
            offered.append("DOWNLOAD_INBOUND_ACT")
        if status == "ACCEPTED_WITH_DISCREPANCIES":
            offered.append("DOWNLOAD_DISCREPANCY_ACT")
        if status in CONFIRMED_STATES:
            offered.append("DOWNLOAD_TRANSPORTATION_WAYBILL")
        if self.pallets is not None and not self.accepted:
            offered.append("CHANGE_PALLETS_COUNT")
        return offered


def schedule(shipment_id: int, day: date, opened_at: datetime) -> Shipment:
    """A shipment's plan as the sandbox first meets it.

    The shipment of the day the sandbox opened is always past its cutoff (an hour before the
    opening at the latest), so a demo or training run can confirm one at any hour; the next day's
    is a pallet shipment, so CHANGE_PALLETS_COUNT is on offer too.
    """
    cutoff = datetime.combine(day, CUTOFF, MSK)
    if day == opened_at.date():
        cutoff = min(cutoff, opened_at - timedelta(hours=1))
    pallets = 1 if day == opened_at.date() + timedelta(days=1) else None
    return Shipment(shipment_id, day, cutoff, created_at=min(opened_at, cutoff), pallets=pallets)
