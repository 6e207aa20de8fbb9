"""The LaaS side of the emulated Market: its warehouses and their stock, the pickup points
(`logistics-points`), which addresses couriers serve, and the delivery options offered.

Stock is seeded from the catalogue (deterministic per offer) and moves with the LaaS orders:
creating one reserves its units, cancelling it gives them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from packstation.sandbox.model import Product


@dataclass(frozen=True, slots=True)
class Warehouse:
    id: int
    name: str
    courier_price: Decimal
    lead_days: int  # first delivery day after today


WAREHOUSES: tuple[Warehouse, ...] = (
    Warehouse(300, "Склад Маркета, Софьино (Московская обл.)", Decimal(249), 1),
    Warehouse(301, "Склад Маркета, Шушары (Санкт-Петербург)", Decimal(299), 2),
)
WAREHOUSE_NAMES = {w.id: w.name for w in WAREHOUSES}
COURIER_SLOTS = (("10:00", "14:00"), ("14:00", "18:00"), ("18:00", "22:00"))
COURIER_DAYS = 3
PICKUP_PRICE = Decimal(99)
DRAFT_LIFETIME = timedelta(hours=1)
# Courier delivery reaches these regions only (lower-case fragments of a full address).
SERVED_REGIONS = ("москва", "московская", "санкт-петербург", "ленинградская")
NO_STOCK = ("WASHER-6KG",)  # sold out everywhere: the "not enough stock" refusal
ONLY_IN_SPB = ("SPLIT-09", "WARDROBE-3")  # held by the second warehouse only


@dataclass(frozen=True, slots=True)
class PickupPoint:
    id: int
    city: str
    street: str
    house: str
    latitude: float
    longitude: float
    region_id: int

    @property
    def full_address(self) -> str:
        return f"{self.city}, {self.street}, д. {self.house}"


PICKUP_POINTS: tuple[PickupPoint, ...] = (
    PickupPoint(1001, "Москва", "ул. Тверская", "7", 55.7579, 37.6120, 213),
    PickupPoint(1002, "Москва", "Ленинский проспект", "32", 55.7074, 37.5856, 213),
    PickupPoint(1003, "Москва", "ул. Профсоюзная", "56", 55.6703, 37.5530, 213),
    PickupPoint(1004, "Москва", "Кутузовский проспект", "24", 55.7436, 37.5466, 213),
    PickupPoint(1005, "Химки", "ул. Молодёжная", "3", 55.8887, 37.4302, 10758),
    PickupPoint(1006, "Санкт-Петербург", "Невский проспект", "88", 59.9326, 30.3497, 2),
    PickupPoint(1007, "Санкт-Петербург", "ул. Савушкина", "12", 59.9866, 30.2597, 2),
    PickupPoint(1008, "Казань", "ул. Баумана", "44", 55.7887, 49.1221, 43),
)
PICKUP_BY_ID = {point.id: point for point in PICKUP_POINTS}


def receive_code(order_id: int) -> str:
    """The code the buyer shows to collect a LaaS order (six digits, fixed per order)."""
    return f"{(order_id * 7919) % 1_000_000:06d}"


# How the demo's past LaaS orders ended (for statistics worth reading in demo mode):
# (outcome, status, substatus), "shortened" ones lost a unit while being processed.
HISTORY: tuple[tuple[str, str, str], ...] = (
    *(("delivered", "DELIVERED", "DELIVERY_SERVICE_DELIVERED"),) * 9,
    *(("shortened", "DELIVERED", "DELIVERY_SERVICE_DELIVERED"),) * 2,
    *(("cancelled", "CANCELLED", "SHOP_FAILED"),) * 2,
    *(("expired", "CANCELLED", "RESERVATION_EXPIRED"),) * 2,
    *(("returned", "RETURNED", "UNKNOWN"),) * 2,
    ("partly returned", "PARTIALLY_RETURNED", "UNKNOWN"),
    *(("delivery", "DELIVERY", "DELIVERY_SERVICE_RECEIVED"),) * 2,
    *(("pickup", "PICKUP", "PICKUP_SERVICE_RECEIVED"),) * 2,
)
HISTORY_DAYS = 13


def build_stocks(catalogue: dict[str, Product]) -> dict[int, dict[str, int]]:
    """Units on hand per warehouse and offer (deterministic: the same for every seed)."""
    stocks: dict[int, dict[str, int]] = {w.id: {} for w in WAREHOUSES}
    for n, offer_id in enumerate(sorted(catalogue)):
        if offer_id in NO_STOCK:
            moscow, spb = 0, 0
        elif offer_id in ONLY_IN_SPB:
            moscow, spb = 0, 4 + n % 5
        else:
            moscow, spb = 40 + (n * 7) % 20, (n * 5) % 9
        stocks[300][offer_id] = moscow
        stocks[301][offer_id] = spb
    return stocks


def served(address: str) -> bool:
    """Whether couriers deliver to this full address (the region must be named)."""
    lowered = address.lower()
    return any(region in lowered for region in SERVED_REGIONS)


def courier_days(today: date, warehouse: Warehouse) -> list[date]:
    first = today + timedelta(days=warehouse.lead_days)
    return [first + timedelta(days=n) for n in range(COURIER_DAYS)]


def allocate(
    stocks: dict[int, dict[str, int]], items: list[tuple[str, int, int | None]]
) -> dict[int, list[tuple[str, int]]] | str:
    """Items (offer, count, wanted warehouse or None) grouped by the warehouse that ships them:
    one warehouse holding everything if possible, else each item from the first that holds it.
    Returns the offer id that no warehouse can supply instead when stock falls short."""
    free = [(o, c) for o, c, w in items if w is None]
    whole = next((w.id for w in WAREHOUSES if all(stocks[w.id].get(o, 0) >= c for o, c in free)), None)
    groups: dict[int, list[tuple[str, int]]] = {}
    for offer, count, wanted in items:
        if wanted is not None:
            if stocks.get(wanted, {}).get(offer, 0) < count:
                return offer
            chosen: int | None = wanted
        elif whole is not None:
            chosen = whole
        else:
            chosen = next((w.id for w in WAREHOUSES if stocks[w.id].get(offer, 0) >= count), None)
        if chosen is None:
            return offer
        groups.setdefault(chosen, []).append((offer, count))
    return groups
