"""What a Market shipping label says about one box (`GET .../delivery/labels/data`).

Used to render labels ourselves for printers whose drivers mangle PDFs, to show the recent-labels
drawer, and to recognise a scanned box label (fulfilment id `<orderId>-<n>`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class LabelFormat(StrEnum):
    """The Market's `PageFormatType`; sizes are width x height in millimetres."""

    A9_HORIZONTALLY = "A9_HORIZONTALLY"
    A9 = "A9"
    A7 = "A7"
    A4 = "A4"

    @property
    def size_mm(self) -> tuple[float, float]:
        return _SIZES[self]


_SIZES: dict[LabelFormat, tuple[float, float]] = {
    LabelFormat.A9_HORIZONTALLY: (58.0, 40.0),
    LabelFormat.A9: (40.0, 58.0),
    LabelFormat.A7: (75.0, 120.0),
    LabelFormat.A4: (210.0, 297.0),
}


@dataclass(frozen=True, slots=True)
class BoxLabel:
    order_id: int
    order_num: str
    box_id: int
    fulfilment_id: str  # "<orderId>-<n>", printed as Code 128
    place: str  # "n/N"
    supplier_name: str
    delivery_service_name: str
    delivery_service_id: str
    recipient_name: str
    shipment_date: date | None = None
    delivery_address: str | None = None


@dataclass(frozen=True, slots=True)
class OrderLabels:
    order_id: int
    places: int
    boxes: tuple[BoxLabel, ...]
