"""The sandbox's mutable records: catalogue products, orders with their lines, stored boxes,
marking-code verification records and Express handover state. Serialization to the Market's
JSON shapes lives in `serialize`; the rules that change these records live in `state`/`layout`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

# requiredInstanceTypes values
CIS = "CIS"
CIS_OPTIONAL = "CIS_OPTIONAL"
UIN = "UIN"
RNPT = "RNPT"
GTD = "GTD"


@dataclass(frozen=True, slots=True)
class CodeShape:
    """How the CIS codes of a product group look: serial length and crypto tail kind."""

    serial_len: int
    short_tail: bool  # 93+4 (dairy, water) instead of 91+4 GS 92+44 (shoes, clothes, perfume)


@dataclass(frozen=True, slots=True)
class Product:
    """One offer of the demo catalogue (what getOfferMappings returns)."""

    offer_id: str
    name: str
    price: Decimal  # per unit, roubles
    ean13: str
    category: str
    required: tuple[str, ...] = ()
    box_count: int = 1
    cis_shape: CodeShape | None = None
    vendor: str = ""
    weight_kg: Decimal = Decimal("0.5")
    dims_cm: tuple[int, int, int] = (20, 15, 10)
    country: str = "RU"

    @property
    def gtin14(self) -> str:
        return "0" + self.ean13


@dataclass(slots=True)
class Line:
    """An order line (`items[]`): the Market's line id and `count` units of one product."""

    id: int
    product: Product
    count: int
    unit_price: Decimal
    promo: bool = False
    instances: list[dict[str, str]] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.count


@dataclass(slots=True)
class Box:
    """A box the Market stored from `PUT .../boxes`: its id and the echoed layout items."""

    box_id: int
    items: list[dict[str, Any]]


@dataclass(slots=True)
class CodeRecord:
    """One marking code sent for a line, with its verification schedule and verdict."""

    line_id: int
    kind: str  # "cis" or "uin"
    value: str
    due: datetime  # when verification finishes
    verdict: str  # OK / FAILED / INVALID / NOT_ON_VALIDATION, revealed at `due`
    substatus: str | None = None
    mandatory: bool = True  # the line must carry this kind of code (duplicates refused)


@dataclass(slots=True)
class Eac:
    """Express handover: the courier's code, attempts left, and whether it was accepted."""

    eac_type: str
    code: str
    attempts_left: int
    accepted: bool = False


@dataclass(slots=True)
class Recipient:
    last_name: str
    first_name: str
    middle_name: str
    phone: str

    @property
    def short_name(self) -> str:
        """Surname and initials, as labels print it: "Иванов И. П."."""
        return f"{self.last_name} {self.first_name[:1]}. {self.middle_name[:1]}.".strip()


@dataclass(slots=True)
class LaasDelivery:
    """How a LaaS order travels: from which Market warehouse, to a pickup point or a courier
    address, in which date and time window, and the code the buyer shows to collect it."""

    warehouse_id: int
    pickup_point: int | None
    address: str
    to_date: date
    time_from: str | None  # "HH:MM", courier only
    time_to: str | None
    price: Decimal
    receive_code: str


@dataclass(slots=True)
class Order:
    """An order as the sandbox holds it."""

    id: int
    campaign_id: int
    program: str  # FBS / EXPRESS / DBS / LAAS
    status: str
    substatus: str
    lines: list[Line]
    created_at: datetime
    updated_at: datetime
    shipment_date: date
    recipient: Recipient
    city: str
    street: str
    house: str
    shipment_time: time | None = None
    buyer_type: str = "PERSON"
    payment_type: str = "PREPAID"
    payment_method: str = "YANDEX"
    delivery_service_id: int = 1006360
    delivery_service_name: str = "Яндекс Доставка"
    delivery_type: str = "DELIVERY"
    external_id: str | None = None
    fake: bool = False
    notes: str = ""
    boxes: list[Box] = field(default_factory=list)
    codes: list[CodeRecord] = field(default_factory=list)
    eac: Eac | None = None
    courier_name: str = ""
    removed_units: int = 0
    ready_at: datetime | None = None  # when READY_TO_SHIP was set (Express courier timeline)
    status_updated_at: datetime | None = None
    initial: list[tuple[Product, int, Decimal]] = field(default_factory=list)  # lines as ordered
    track_code: str | None = None
    storage_limit_moved: bool = False
    laas: LaasDelivery | None = None
    cancelled_from: str = ""  # the status an order was cancelled in (RESERVED: before processing)

    def line(self, line_id: int) -> Line | None:
        for line in self.lines:
            if line.id == line_id:
                return line
        return None

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))

    @property
    def shipment_id(self) -> int:
        """The first-mile shipment (handover) this order travels in: one per shipment date."""
        return shipment_id_for(self.shipment_date)


def shipment_id_for(day: date) -> int:
    return 70_000_000 + (day - date(2020, 1, 1)).days
