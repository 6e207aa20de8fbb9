"""LaaS delivery orders (seeds 002 and 004) as plain values: offers and their stock, pickup
points, delivery options per warehouse, the order to create, the orders created and the
asynchronous operations that change them. Also the recipient's phone rule the Market applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

DRAFT_LIFETIME = timedelta(hours=1)
"""The Market cancels a draft (RESERVED) not confirmed within an hour of its creation."""
DRAFT_WARNING = timedelta(minutes=10)
"""Left on a draft's clock when the office is warned that the Market will cancel it."""

_MARKET_PHONE = re.compile(r"^\+[0-9]+$")  # the spec's pattern for customer.phone


def normalize_phone(text: str) -> str | None:
    """The phone as the Market accepts it (`+` and digits), or None when it cannot be one.

    Russian numbers typed as 8 999 000-11-22, 7 (999) 000 11 22 or 9990001122 become
    +79990001122 and must then have 11 digits; other countries keep their `+` code as typed.
    """
    digits = re.sub(r"[\s()\-.]", "", text.strip())
    if not digits:
        return None
    if not digits.startswith("+"):
        if len(digits) == 11 and digits[0] in "78":
            digits = "+7" + digits[1:]
        elif len(digits) == 10 and digits[0] == "9":
            digits = "+7" + digits
        else:
            digits = "+" + digits
    if not _MARKET_PHONE.match(digits):
        return None
    if digits.startswith("+7") and len(digits) != 12:
        return None
    if not 8 <= len(digits) <= 16:
        return None
    return digits


class Field(StrEnum):
    """The form fields a refusal can be shown beside."""

    ITEMS = "items"
    ADDRESS = "address"
    PICKUP_POINT = "pickup_point"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    PHONE = "phone"
    OPTION = "option"
    EXTERNAL_ID = "external_id"
    FORM = "form"  # no particular field


class Packaging(StrEnum):
    WHITELABEL = "WHITELABEL"  # the Market's plain packaging
    BRAND = "BRAND"  # the seller's branded packaging


@dataclass(frozen=True, slots=True)
class Offer:
    """An offer of the catalogue the office can order from."""

    offer_id: str
    name: str
    price: Decimal | None = None
    barcodes: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        """Search by part of the name or SKU, or by a whole barcode."""
        needle = text.strip().lower()
        return bool(needle) and (
            needle in self.name.lower() or needle in self.offer_id.lower() or needle in self.barcodes
        )


@dataclass(frozen=True, slots=True)
class Stock:
    """Units of one offer available in one Market warehouse."""

    warehouse_id: int
    offer_id: str
    available: int


@dataclass(frozen=True, slots=True)
class PickupPoint:
    id: int
    address: str
    city: str = ""
    hours: str = ""  # e.g. "пн–пт 09:00–21:00"
    storage_days: int | None = None

    def matches(self, text: str) -> bool:
        return text.strip().lower() in self.address.lower() or text.strip() == str(self.id)


@dataclass(frozen=True, slots=True)
class OrderItem:
    offer_id: str
    count: int
    price: Decimal


@dataclass(frozen=True, slots=True)
class Recipient:
    last_name: str
    first_name: str
    phone: str
    middle_name: str = ""

    @property
    def display(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name) if part)


@dataclass(frozen=True, slots=True)
class CourierAddress:
    full_address: str
    entrance: str = ""
    floor: int | None = None
    apartment: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Destination:
    """Courier delivery to an address, or pickup at one of the Market's points."""

    courier: CourierAddress | None = None
    pickup_point: int | None = None

    @property
    def is_pickup(self) -> bool:
        return self.pickup_point is not None


@dataclass(frozen=True, slots=True)
class DeliveryOption:
    """One way to deliver a warehouse's part of the order."""

    warehouse_id: int
    from_date: date
    to_date: date
    price: Decimal
    from_time: time | None = None
    to_time: time | None = None
    pickup_point: int | None = None

    @property
    def interval(self) -> str:
        days = self.from_date.strftime("%d.%m") + (
            "" if self.to_date == self.from_date else "–" + self.to_date.strftime("%d.%m")
        )
        if self.from_time and self.to_time:
            return f"{days} {self.from_time:%H:%M}–{self.to_time:%H:%M}"
        return days


@dataclass(frozen=True, slots=True)
class WarehouseOptions:
    """What one warehouse ships and the options it offers for it."""

    warehouse_id: int
    items: tuple[tuple[str, int], ...]
    options: tuple[DeliveryOption, ...]


@dataclass(frozen=True, slots=True)
class NewOrder:
    """Everything `createOrder` needs; `choices` holds the chosen option per warehouse."""

    external_id: str
    items: tuple[OrderItem, ...]
    destination: Destination
    recipient: Recipient
    choices: tuple[DeliveryOption, ...]
    warehouses: tuple[WarehouseOptions, ...]
    packaging: Packaging = Packaging.WHITELABEL
    draft: bool = True


class OperationKind(StrEnum):
    RECIPIENT = "ORDER_RECIPIENT_UPDATE"
    INTERVAL = "ORDER_DELIVERY_INTERVAL_UPDATE"
    STATUS = "ORDER_STATUS_UPDATE"


class OperationState(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    FAILED = "FAILED"


@dataclass(frozen=True, slots=True)
class Operation:
    """An asynchronous change of a LaaS order, as last polled."""

    id: str
    kind: OperationKind
    order_id: int
    state: OperationState = OperationState.IN_PROGRESS
    label: str = ""  # what the office asked for, e.g. "cancel", "interval 10.12 10:00–14:00"


@dataclass(frozen=True, slots=True)
class LaasOrder:
    """A LaaS order as the Market reports it."""

    id: int
    external_id: str
    status: str
    substatus: str
    created_at: datetime
    from_date: date | None = None
    to_date: date | None = None
    from_time: time | None = None
    to_time: time | None = None
    receive_code: str = ""
    pickup_point: int | None = None
    items: tuple[tuple[str, int], ...] = ()
    recipient: Recipient | None = field(default=None, compare=False)

    @property
    def is_draft(self) -> bool:
        return self.status == "RESERVED"

    @property
    def is_open(self) -> bool:
        return self.status not in ("CANCELLED", "DELIVERED", "RETURNED")

    @property
    def can_move_delivery(self) -> bool:
        """Whether its delivery interval may be changed: an open order going by courier (an
        order to a pickup point has no interval to move)."""
        return self.is_open and self.pickup_point is None

    def draft_left(self, now: datetime) -> timedelta | None:
        """Time left to confirm a draft before the Market cancels it (None if not a draft)."""
        if not self.is_draft:
            return None
        return max(timedelta(0), self.created_at + DRAFT_LIFETIME - now)

    @property
    def interval(self) -> str:
        if self.from_date is None:
            return ""
        text = self.from_date.strftime("%d.%m.%Y")
        if self.to_date and self.to_date != self.from_date:
            text += "–" + self.to_date.strftime("%d.%m.%Y")
        if self.from_time and self.to_time:
            text += f" {self.from_time:%H:%M}–{self.to_time:%H:%M}"
        return text


class LaasRefusedError(Exception):
    """The Market refused a LaaS request: its error codes and words, for the form to place.

    Raised by the Market adapter (wrapped into `FormRefused` by the service with the field)."""

    def __init__(self, codes: tuple[str, ...], said: str) -> None:
        super().__init__(said)
        self.codes = codes
        self.said = said
