"""Orders as the packer sees them: what to pack, for whom, and by when.

These are domain values built by the Market gateway from the business orders reader
(`POST /v1/businesses/{businessId}/orders`); they carry only what packing needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from packstation.domain.layout import StoredBox


class Program(StrEnum):
    """The Market program an order belongs to; unknown values map to UNKNOWN."""

    FBS = "FBS"
    EXPRESS = "EXPRESS"
    DBS = "DBS"
    FBY = "FBY"
    LAAS = "LAAS"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, value: str | None) -> Program:
        try:
            return cls(value or "UNKNOWN")
        except ValueError:
            return cls.UNKNOWN


class BuyerType(StrEnum):
    PERSON = "PERSON"
    BUSINESS = "BUSINESS"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, value: str | None) -> BuyerType:
        try:
            return cls(value or "UNKNOWN")
        except ValueError:
            return cls.UNKNOWN


class RequiredCode(StrEnum):
    """`requiredInstanceTypes` of an order line: which identifiers each unit must carry."""

    CIS = "CIS"  # Chestny Znak code, mandatory
    CIS_OPTIONAL = "CIS_OPTIONAL"  # may be sent; will become mandatory
    UIN = "UIN"  # jewelry
    RNPT = "RNPT"
    GTD = "GTD"


# Order statuses and substatuses are open sets on the Market ("other values may appear"), so they
# stay plain strings; these constants name the ones packing logic branches on.
PROCESSING = "PROCESSING"
CANCELLED = "CANCELLED"
STARTED = "STARTED"
READY_TO_SHIP = "READY_TO_SHIP"
SHIPPED = "SHIPPED"
SHOP_FAILED = "SHOP_FAILED"


@dataclass(frozen=True, slots=True)
class Courier:
    """The Express courier the Market assigned (`delivery.transfer.courier`), from COURIER_FOUND on."""

    name: str = ""
    phone: str = ""
    vehicle_number: str = ""
    vehicle_description: str = ""

    @property
    def vehicle(self) -> str:
        """The car as the packer looks for it ("White Kia Rio, А123ВС777"); "" when not given."""
        return ", ".join(part for part in (self.vehicle_description, self.vehicle_number) if part)


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line of an order (`items[]`): `count` units of one offer."""

    id: int
    offer_id: str
    name: str
    count: int
    price: Decimal = Decimal(0)  # total over all units of the line, as the Market sends it
    required: frozenset[RequiredCode] = frozenset()
    barcodes: tuple[str, ...] = ()  # EAN/UPC/GTIN of the offer, when the catalogue is readable
    parts_per_unit: int = 1  # offer `boxCount`: one unit travels in this many part boxes
    picture_url: str | None = None
    promo: bool = False  # added under a promo: the Market refuses to remove it
    weight_kg: Decimal | None = None  # catalogue `weightDimensions.weight` of one unit (gross)
    country_code: str = ""  # where the catalogue says the offer is made (ISO), "" when unknown

    @property
    def needs_code(self) -> bool:
        return bool(self.required & {RequiredCode.CIS, RequiredCode.UIN, RequiredCode.RNPT, RequiredCode.GTD})


@dataclass(frozen=True, slots=True)
class Order:
    """An order awaiting packing, as of `updated_at`."""

    id: int
    campaign_id: int
    program: Program
    status: str
    substatus: str
    lines: tuple[OrderLine, ...]
    shipment_date: date | None = None
    # Express: the moment the order must be packed and READY_TO_SHIP (date + shipmentTime).
    ship_by: datetime | None = None
    buyer_type: BuyerType = BuyerType.UNKNOWN
    created_at: datetime | None = None
    updated_at: datetime | None = None
    delivery_service: str = ""
    external_id: str | None = None
    fake: bool = False
    box_ids: tuple[int, ...] = ()  # boxes the Market holds for this order (delivery.boxesLayout)
    notes: str = ""
    eac_type: str | None = None  # Express handover: COURIER_TO_MERCHANT, ...
    eac_code: str | None = None  # MERCHANT_TO_COURIER: the code the packer tells the courier
    courier: Courier | None = None  # Express: the courier on the way or at the desk
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # The layout the Market holds (delivery.boxesLayout), to tell whether a layout whose answer
    # was lost arrived; not journaled (read fresh from the Market when needed).
    stored_boxes: tuple[StoredBox, ...] = field(default=(), compare=False, hash=False)

    @property
    def is_express(self) -> bool:
        return self.program is Program.EXPRESS

    @property
    def units(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def needs_codes(self) -> bool:
        return any(line.needs_code for line in self.lines)

    @property
    def is_cancelled(self) -> bool:
        return self.status == CANCELLED

    @property
    def awaiting_packing(self) -> bool:
        return self.status == PROCESSING and self.substatus == STARTED

    def line(self, line_id: int) -> OrderLine:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)
