"""LaaS delivery orders, step by step as seeds 002 and 004 describe them: catalogue search,
stock check, pickup points (cached for the day), delivery options, creation as a draft or at
once, confirmation, recipient and interval changes, cancellation (SHOP_FAILED) — and the
asynchronous operations behind every change, polled with back-off until DONE or FAILED.

Every refusal comes back as `FormRefusedError` naming the form field it concerns, in both
languages, so the form can show it beside that field and keep everything typed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from packstation.domain.errors import PackstationError
from packstation.domain.laas import (
    CourierAddress,
    DeliveryOption,
    Destination,
    Field,
    LaasOrder,
    LaasRefusedError,
    NewOrder,
    Offer,
    Operation,
    OperationKind,
    OperationState,
    OrderItem,
    Packaging,
    PickupPoint,
    Recipient,
    Stock,
    WarehouseOptions,
    normalize_phone,
)
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.services.ports import Clock, OfficePort

Text = Message
POLL_DELAYS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
"""Seconds between polls of an operation (the last one repeats): `getOperations` is 1000/h."""


class FormRefusedError(PackstationError):
    """The form cannot be sent as it is: what is wrong, per field."""

    def __init__(self, problems: dict[Field, Text]) -> None:
        first = next(iter(problems.values()))
        super().__init__(first)
        self.problems = problems


# The Market's refusal codes and the field each concerns (NOTES 1.8, sandbox codes).
_CODE_FIELDS: dict[str, tuple[Field, Text]] = {
    "NOT_ENOUGH_STOCK": (
        Field.ITEMS,
        QT_TRANSLATE_NOOP("Laas", "Not enough stock in the Market's warehouses."),
    ),
    "OFFER_NOT_FOUND": (
        Field.ITEMS,
        QT_TRANSLATE_NOOP("Laas", "This offer is not in the catalogue."),
    ),
    "DELIVERY_NOT_AVAILABLE": (
        Field.ADDRESS,
        QT_TRANSLATE_NOOP("Laas", "The Market's couriers do not deliver to this address."),
    ),
    "LOGISTIC_POINT_NOT_FOUND": (
        Field.PICKUP_POINT,
        QT_TRANSLATE_NOOP("Laas", "The Market does not know this pickup point."),
    ),
    "ORDER_ALREADY_EXISTS": (
        Field.EXTERNAL_ID,
        QT_TRANSLATE_NOOP("Laas", "An order with this number already exists."),
    ),
}


def refusal_problems(error: LaasRefusedError) -> dict[Field, Text]:
    """Where each of the Market's refusals belongs on the form, with its own words appended."""

    def with_said(text: Message) -> Message:
        return QT_TRANSLATE_NOOP("Laas", "%1 Market: %2")(text, error.said) if error.said else text

    problems: dict[Field, Text] = {}
    for code in error.codes:
        if code in _CODE_FIELDS:
            field, text = _CODE_FIELDS[code]
            problems[field] = with_said(text)
    if not problems:
        lowered = error.said.lower()
        field = Field.PHONE if "phone" in lowered else Field.ADDRESS if "address" in lowered else Field.FORM
        problems[field] = with_said(QT_TRANSLATE_NOOP("Laas", "The Market refused the order."))
    return problems


@dataclass(frozen=True, slots=True)
class OrderForm:
    """What the office typed, as text, before any check (so nothing is lost on a refusal)."""

    items: tuple[tuple[str, str, str], ...]  # (offer id, count, price) as typed
    pickup: bool
    address: str = ""
    entrance: str = ""
    floor: str = ""
    apartment: str = ""
    notes: str = ""
    pickup_point: int | None = None
    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    phone: str = ""
    external_id: str = ""
    packaging: Packaging = Packaging.WHITELABEL
    draft: bool = True


def parse_items(form: OrderForm) -> tuple[tuple[OrderItem, ...], dict[Field, Text]]:
    items: list[OrderItem] = []
    for offer, count_text, price_text in form.items:
        try:
            count = int(count_text)
            price = Decimal(price_text.replace(",", ".").replace(" ", ""))
        except (ValueError, InvalidOperation):
            return (), {Field.ITEMS: QT_TRANSLATE_NOOP("Laas", "%1: check the count and price.")(offer)}
        if not 1 <= count <= 1000:
            return (), {Field.ITEMS: QT_TRANSLATE_NOOP("Laas", "%1: the count must be 1 to 1000.")(offer)}
        if price <= 0:
            return (), {Field.ITEMS: QT_TRANSLATE_NOOP("Laas", "%1: the price must be above zero.")(offer)}
        items.append(OrderItem(offer, count, price))
    if not items:
        return (), {Field.ITEMS: QT_TRANSLATE_NOOP("Laas", "Add at least one offer.")}
    if len({i.offer_id for i in items}) != len(items):
        return (), {Field.ITEMS: QT_TRANSLATE_NOOP("Laas", "List each offer once.")}
    return tuple(items), {}


def destination_of(form: OrderForm) -> tuple[Destination | None, dict[Field, Text]]:
    if form.pickup:
        if form.pickup_point is None:
            return None, {Field.PICKUP_POINT: QT_TRANSLATE_NOOP("Laas", "Choose a pickup point.")}
        return Destination(pickup_point=form.pickup_point), {}
    address = form.address.strip()
    if len(address) < 10 or "," not in address:
        return None, {
            Field.ADDRESS: QT_TRANSLATE_NOOP(
                "Laas", 'Give the full address with region and city: "Moscow, Tverskaya st., 1".'
            )
        }
    floor: int | None = None
    if form.floor.strip():
        try:
            floor = int(form.floor)
        except ValueError:
            return None, {Field.ADDRESS: QT_TRANSLATE_NOOP("Laas", "The floor must be a number.")}
    courier = CourierAddress(
        address, form.entrance.strip(), floor, form.apartment.strip(), form.notes.strip()
    )
    return Destination(courier=courier), {}


def recipient_of(form: OrderForm) -> tuple[Recipient | None, dict[Field, Text]]:
    problems: dict[Field, Text] = {}
    if not form.last_name.strip():
        problems[Field.LAST_NAME] = QT_TRANSLATE_NOOP("Laas", "Give the recipient's last name.")
    if not form.first_name.strip():
        problems[Field.FIRST_NAME] = QT_TRANSLATE_NOOP("Laas", "Give the recipient's first name.")
    phone = normalize_phone(form.phone)
    if phone is None:
        problems[Field.PHONE] = QT_TRANSLATE_NOOP("Laas", "Phone as +7XXXXXXXXXX (11 digits).")
    if problems or phone is None:
        return None, problems
    return Recipient(form.last_name.strip(), form.first_name.strip(), phone, form.middle_name.strip()), {}


def check_stock(items: Sequence[OrderItem], stocks: Sequence[Stock]) -> dict[Field, Text]:
    """Offers the Market's warehouses cannot supply in the asked count (any one warehouse)."""
    short = []
    for item in items:
        best = max((s.available for s in stocks if s.offer_id == item.offer_id), default=0)
        if best < item.count:
            short.append(f"{item.offer_id} ({best})")
    if not short:
        return {}
    listed = ", ".join(short)
    return {Field.ITEMS: QT_TRANSLATE_NOOP("Laas", "Not enough stock: %1.")(listed)}


class LaasService:
    """The LaaS use cases over the office port.

    Args:
        port: the Market.
        clock: now (drafts' countdown, daily pickup-point cache, suggested numbers).
        sleep: awaited between operation polls (tests pass a fast one).
    """

    def __init__(
        self, port: OfficePort, clock: Clock, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    ) -> None:
        self.port = port
        self.clock = clock
        self.sleep = sleep
        self._offers: tuple[Offer, ...] | None = None
        self._points: tuple[date, tuple[PickupPoint, ...]] | None = None
        self._recipients: dict[int, Recipient] = {}  # the recipients this office sent
        self._suggested = 0
        self.pending: dict[str, Operation] = {}

    # -- catalogue, stock, pickup points -------------------------------------------------------

    async def offers(self) -> tuple[Offer, ...]:
        if self._offers is None:
            self._offers = await self.port.offers()
        return self._offers

    async def search(self, text: str) -> tuple[Offer, ...]:
        """Offers whose name or SKU holds `text`, or whose barcode is `text` (a scan)."""
        return tuple(offer for offer in await self.offers() if offer.matches(text))

    async def stocks(self, offer_ids: Sequence[str]) -> tuple[Stock, ...]:
        return await self.port.stocks(offer_ids) if offer_ids else ()

    async def pickup_points(self, search: str = "") -> tuple[PickupPoint, ...]:
        """The Market's pickup points (fetched once a day, as seed 004 advises), by address."""
        today = self.clock.now().date()
        if self._points is None or self._points[0] != today:
            self._points = (today, await self.port.pickup_points())
        points = self._points[1]
        return tuple(p for p in points if p.matches(search)) if search.strip() else points

    # -- the new order ---------------------------------------------------------------------------

    def suggest_external_id(self) -> str:
        """A fresh order number for `externalOrderId` (unique per station and second)."""
        self._suggested += 1
        return f"PS-{self.clock.now():%y%m%d-%H%M%S}-{self._suggested}"

    def validate(self, form: OrderForm) -> tuple[tuple[OrderItem, ...], Destination, Recipient]:
        """The form as values, or `FormRefusedError` with every problem found."""
        items, problems = parse_items(form)
        destination, where = destination_of(form)
        recipient, who = recipient_of(form)
        problems |= where | who
        if not form.external_id.strip():
            problems[Field.EXTERNAL_ID] = QT_TRANSLATE_NOOP("Laas", "Give the order number.")
        if problems or destination is None or recipient is None:
            raise FormRefusedError(problems)
        return items, destination, recipient

    async def delivery_options(self, form: OrderForm) -> tuple[WarehouseOptions, ...]:
        """Stock first (seed 004 step 2), then the Market's options per warehouse (step 3)."""
        items, problems = parse_items(form)
        destination, where = destination_of(form)
        problems |= where
        if problems or destination is None:
            raise FormRefusedError(problems)
        short = check_stock(items, await self.stocks([i.offer_id for i in items]))
        if short:
            raise FormRefusedError(short)
        try:
            found = await self.port.delivery_options(items, destination)
        except LaasRefusedError as error:
            raise FormRefusedError(refusal_problems(error)) from error
        if not any(w.options for w in found):
            raise FormRefusedError(
                {Field.OPTION: QT_TRANSLATE_NOOP("Laas", "The Market offered no delivery options.")}
            )
        return found

    async def create(
        self, form: OrderForm, warehouses: Sequence[WarehouseOptions], choices: Sequence[DeliveryOption]
    ) -> tuple[LaasOrder, ...]:
        """Create the order (one per warehouse) as a draft or at once; returns them as listed."""
        items, destination, recipient = self.validate(form)
        chosen = {c.warehouse_id for c in choices}
        if not warehouses or any(w.warehouse_id not in chosen for w in warehouses):
            raise FormRefusedError(
                {Field.OPTION: QT_TRANSLATE_NOOP("Laas", "Choose a delivery option for every warehouse.")}
            )
        order = NewOrder(
            external_id=form.external_id.strip(),
            items=items,
            destination=destination,
            recipient=recipient,
            choices=tuple(choices),
            warehouses=tuple(warehouses),
            packaging=form.packaging,
            draft=form.draft,
        )
        try:
            ids = await self.port.create_order(order)
        except LaasRefusedError as error:
            raise FormRefusedError(refusal_problems(error)) from error
        for order_id in ids:
            self._recipients[order_id] = recipient
        return await self.orders(ids)

    # -- the orders ------------------------------------------------------------------------------

    async def orders(self, order_ids: Sequence[int] = ()) -> tuple[LaasOrder, ...]:
        """LaaS orders (the last month's, or the given ones), newest first, with the recipients
        this office sent (the Market does not return them)."""
        found = await self.port.laas_orders(order_ids)
        listed = [replace(o, recipient=self._recipients.get(o.id)) for o in found]
        return tuple(sorted(listed, key=lambda o: o.created_at, reverse=True))

    async def _start(self, call: Awaitable[Operation], label: str) -> Operation:
        try:
            operation = replace(await call, label=label)
        except LaasRefusedError as error:
            raise FormRefusedError(refusal_problems(error)) from error
        if operation.state is OperationState.IN_PROGRESS:
            self.pending[operation.id] = operation
        return operation

    async def confirm(self, order: LaasOrder) -> Operation:
        """Confirm a draft (PROCESSING/STARTED) before the Market cancels it."""
        return await self._start(self.port.set_laas_status(order.id, "PROCESSING", "STARTED"), "confirm")

    async def cancel(self, order: LaasOrder) -> Operation:
        """Cancel with SHOP_FAILED, the only reason a LaaS seller may give."""
        return await self._start(self.port.set_laas_status(order.id, "CANCELLED", "SHOP_FAILED"), "cancel")

    async def intervals(self, order: LaasOrder) -> tuple[DeliveryOption, ...]:
        return await self.port.update_options(order.id)

    async def change_interval(self, order: LaasOrder, option: DeliveryOption) -> Operation:
        return await self._start(self.port.change_interval(order.id, option), option.interval)

    async def change_recipient(
        self, order: LaasOrder, last: str, first: str, phone: str, middle: str = ""
    ) -> Operation:
        recipient, problems = recipient_of(
            OrderForm((), pickup=True, last_name=last, first_name=first, middle_name=middle, phone=phone)
        )
        if problems or recipient is None:
            raise FormRefusedError(problems)
        operation = await self._start(self.port.change_recipient(order.id, recipient), recipient.display)
        self._recipients[order.id] = recipient  # the Market answers DONE/FAILED, not the name
        return operation

    async def wait(
        self, operation: Operation, on_poll: Callable[[Operation, float], None] | None = None
    ) -> Operation:
        """Poll until the operation is DONE or FAILED, backing off between polls; `on_poll`
        hears every state with the delay before the next poll."""
        attempt = 0
        current = operation
        while current.state is OperationState.IN_PROGRESS:
            delay = POLL_DELAYS[min(attempt, len(POLL_DELAYS) - 1)]
            if on_poll is not None:
                on_poll(current, delay)
            await self.sleep(delay)
            attempt += 1
            [current] = await self.port.operation_states([current])
        self.pending.pop(current.id, None)
        if on_poll is not None:
            on_poll(current, 0.0)
        return current


FAILED_TEXT: dict[OperationKind, Text] = {
    OperationKind.STATUS: QT_TRANSLATE_NOOP("Laas", "The Market did not apply the status change."),
    OperationKind.INTERVAL: QT_TRANSLATE_NOOP(
        "Laas", "The Market did not move the delivery: the interval is no longer available."
    ),
    OperationKind.RECIPIENT: QT_TRANSLATE_NOOP("Laas", "The Market did not change the recipient."),
}
