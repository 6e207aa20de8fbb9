"""`MarketGateway`: the Market as the packing services see it (`services.ports.MarketPort`),
bound to one business and campaign. Maps wire models to domain values and back.

Offers are enriched from the catalogue (barcodes, `boxCount`, first picture). Each read of orders
asks the catalogue afresh for its offers (once per offer within that read): a `boxCount` or
barcode changed between two orders must reach the second one. What was learnt before stays as
the fallback when the catalogue cannot answer. A key without a catalogue scope gets 403 there:
the gateway then stops asking and orders keep flowing without barcodes (the packer confirms items
by hand).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from packstation.domain.identifiers import country_code_of
from packstation.domain.instances import InstanceKind
from packstation.domain.labels import BoxLabel, LabelFormat, OrderLabels
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.order import BuyerType, Courier, Order, OrderLine, Program, RequiredCode
from packstation.domain.shipments import Shipment, ShipmentAction
from packstation.domain.verification import CodeCheck, CodeStatus, EacResult, EacVerdict, StatusChange
from packstation.market.client import MarketClient
from packstation.market.errors import ForbiddenError, MarketError, NotFoundError
from packstation.market.layout_wire import box_plan_from_items, layout_request
from packstation.market.models import (
    MOSCOW,
    BusinessOrderDTO,
    BusinessOrderItemDTO,
    GetBusinessOrdersRequest,
    GetOfferMappingDTO,
    OrderCourierDTO,
    OrderDatesFilterDTO,
    OrderLabelDTO,
    OrderStateDTO,
    ShipmentDTO,
)

log = logging.getLogger(__name__)

_ORDER_IDS_PER_REQUEST = 50
_CONVERT_AT_ONCE = 25  # orders of a page made domain values in one event loop turn


class OrderFilter(Protocol):
    """What the gateway reads of `services.ports.OrderQuery` (market may not import services)."""

    @property
    def statuses(self) -> tuple[str, ...]: ...
    @property
    def substatuses(self) -> tuple[str, ...]: ...
    @property
    def programs(self) -> tuple[Program, ...]: ...
    @property
    def updated_from(self) -> datetime | None: ...
    @property
    def updated_to(self) -> datetime | None: ...
    @property
    def order_ids(self) -> tuple[int, ...]: ...
    @property
    def shipped_from(self) -> date | None: ...
    @property
    def shipped_to(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class OfferFacts:
    """What the catalogue says about an offer that matters at the packing desk."""

    barcodes: tuple[str, ...] = ()
    parts_per_unit: int = 1
    picture_url: str | None = None
    weight_kg: Decimal | None = None  # `weightDimensions.weight`, kg per unit
    country_code: str = ""  # the first manufacturer country the catalogue names, as an ISO code

    @classmethod
    def from_mapping(cls, mapping: GetOfferMappingDTO) -> OfferFacts:
        offer = mapping.offer
        if offer is None:
            return cls()
        return cls(
            barcodes=tuple(offer.barcodes or ()),
            parts_per_unit=max(1, offer.box_count or 1),
            picture_url=offer.pictures[0] if offer.pictures else None,
            weight_kg=_weight(offer.weight_dimensions.weight) if offer.weight_dimensions else None,
            country_code=next(filter(None, map(country_code_of, offer.manufacturer_countries or ())), ""),
        )


def _weight(weight: Decimal) -> Decimal | None:
    return weight if weight > 0 else None  # a zero weight means "not filled in" in the catalogue


def _required(item: BusinessOrderItemDTO) -> frozenset[RequiredCode]:
    known = {code.value for code in RequiredCode}
    return frozenset(RequiredCode(str(t)) for t in item.required_instance_types or () if str(t) in known)


def _ship_by(order: BusinessOrderDTO) -> datetime | None:
    shipment = order.delivery.shipment
    if shipment is None or shipment.shipment_time is None:
        return None
    moment = datetime.combine(shipment.shipment_date, shipment.shipment_time)
    # A time without an offset is the Market's clock: Moscow.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=MOSCOW)


def order_from_wire(order: BusinessOrderDTO, offers: dict[str, OfferFacts] | None = None) -> Order:
    """A domain `Order` from a business order, enriched with known offer facts."""
    facts = offers or {}
    lines = []
    for item in order.items:
        offer = facts.get(item.offer_id, OfferFacts())
        payment = item.prices.payment if item.prices else None
        lines.append(
            OrderLine(
                id=item.id,
                offer_id=item.offer_id,
                name=item.offer_name,
                count=item.count,
                price=payment.value if payment else Decimal(0),
                required=_required(item),
                barcodes=offer.barcodes,
                parts_per_unit=offer.parts_per_unit,
                picture_url=offer.picture_url,
                promo=bool(item.promos),
                weight_kg=offer.weight_kg,
                country_code=offer.country_code,
            )
        )
    delivery = order.delivery
    eac = delivery.transfer.eac if delivery.transfer else None
    courier = delivery.transfer.courier if delivery.transfer else None
    extra = {
        key: str(value)
        for key, value in (
            ("paymentType", order.payment_type),
            ("paymentMethod", order.payment_method),
            ("deliveryType", delivery.type),
            ("cancelRequested", order.cancel_requested),
        )
        if value is not None
    }
    return Order(
        id=order.order_id,
        campaign_id=order.campaign_id,
        program=Program.parse(None if order.program_type is None else str(order.program_type)),
        status=str(order.status),
        substatus=str(order.substatus),
        lines=tuple(lines),
        shipment_date=delivery.shipment.shipment_date if delivery.shipment else None,
        ship_by=_ship_by(order),
        buyer_type=BuyerType.parse(None if order.buyer_type is None else str(order.buyer_type)),
        created_at=order.creation_date,
        updated_at=order.update_date,
        delivery_service=delivery.service_name,
        external_id=order.external_order_id,
        fake=order.fake,
        box_ids=tuple(box.box_id for box in delivery.boxes_layout or ()),
        stored_boxes=tuple(
            StoredBox(box.box_id, box_plan_from_items(box.items)) for box in delivery.boxes_layout or ()
        ),
        notes=order.notes or "",
        eac_type=None if eac is None else str(eac.eac_type),
        eac_code=None if eac is None else eac.eac_code,
        courier=None if courier is None else _courier(courier),
        extra=extra,
    )


def _courier(dto: OrderCourierDTO) -> Courier:
    return Courier(
        name=dto.full_name or "",
        phone=dto.phone or "",
        vehicle_number=dto.vehicle_number or "",
        vehicle_description=dto.vehicle_description or "",
    )


def labels_from_wire(dto: OrderLabelDTO) -> OrderLabels:
    """The domain view of label data."""
    boxes = tuple(
        BoxLabel(
            order_id=label.order_id,
            order_num=label.order_num,
            box_id=label.box_id,
            fulfilment_id=label.fulfilment_id,
            place=label.place,
            supplier_name=label.supplier_name,
            delivery_service_name=label.delivery_service_name,
            delivery_service_id=label.delivery_service_id,
            recipient_name=label.recipient_name,
            shipment_date=label.shipment_date,
            delivery_address=label.delivery_address,
        )
        for label in dto.parcel_box_labels
    )
    return OrderLabels(order_id=dto.order_id, places=dto.places_number, boxes=boxes)


def _eac_verdict(value: object) -> EacVerdict:
    try:
        return EacVerdict(str(value))
    except ValueError:
        return EacVerdict.UNKNOWN


class MarketGateway:
    """`MarketPort` over `MarketClient` for one business and campaign.

    Args:
        client: the shared client.
        business_id: the cabinet (`businessId`) the orders reader and catalogue live in.
        campaign_id: the store whose orders this desk packs.
        enrich_offers: read barcodes, `boxCount` and pictures from the catalogue.
    """

    def __init__(
        self, client: MarketClient, business_id: int, campaign_id: int, *, enrich_offers: bool = True
    ) -> None:
        self.client = client
        self.business_id = business_id
        self.campaign_id = campaign_id
        self.catalogue_available = enrich_offers
        self._offers: dict[str, OfferFacts] = {}

    # --- reading ------------------------------------------------------------------------

    def _requests(self, query: OrderFilter) -> list[GetBusinessOrdersRequest]:
        dates = None
        window = (query.updated_from, query.updated_to, query.shipped_from, query.shipped_to)
        if any(bound is not None for bound in window):
            dates = OrderDatesFilterDTO(
                update_date_from=query.updated_from,
                update_date_to=query.updated_to,
                shipment_date_from=query.shipped_from,
                shipment_date_to=query.shipped_to,
            )
        ids, step = list(query.order_ids), _ORDER_IDS_PER_REQUEST
        id_batches: list[list[int] | None] = [ids[i : i + step] for i in range(0, len(ids), step)] or [None]
        return [
            GetBusinessOrdersRequest(
                campaign_ids=[self.campaign_id],
                order_ids=batch,
                statuses=list(query.statuses) or None,
                substatuses=list(query.substatuses) or None,
                program_types=[p.value for p in query.programs] or None,
                dates=dates,
            )
            for batch in id_batches
        ]

    async def iter_order_pages(self, query: OrderFilter) -> AsyncIterator[list[Order]]:
        """Pages of orders matching an `OrderQuery`, enriched with offer facts.

        A page's orders become domain values `_CONVERT_AT_ONCE` at a time, each batch in an event
        loop turn of its own: a 50-order page parsed and converted in one turn held the GUI thread
        for 8-16 ms on a busy station (issue 19: a full reload of 3,000 orders is 60 pages).
        """
        read: set[str] = set()  # offers this read already asked the catalogue about
        for request in self._requests(query):
            async for page in self.client.iter_business_order_pages(self.business_id, request):
                await self._learn_offers({item.offer_id for order in page for item in order.items}, read)
                orders: list[Order] = []
                for start in range(0, len(page), _CONVERT_AT_ONCE):
                    await asyncio.sleep(0)  # the parse, or the previous batch, ended a turn
                    batch = page[start : start + _CONVERT_AT_ONCE]
                    orders.extend(order_from_wire(order, self._offers) for order in batch)
                yield orders

    async def get_order(self, order_id: int) -> Order:
        """One order by id; `NotFoundError` when the store has no such order."""
        request = GetBusinessOrdersRequest(campaign_ids=[self.campaign_id], order_ids=[order_id])
        page = await self.client.business_orders_page(self.business_id, request)
        for order in page.orders:
            if order.order_id == order_id:
                await self._learn_offers({item.offer_id for item in order.items}, set())
                return order_from_wire(order, self._offers)
        raise NotFoundError(operation="getBusinessOrders")

    async def promo_lines(self, order_id: int) -> frozenset[int]:
        """The lines added under a promo. The business order reader does not say (its items have no
        `promos`); the legacy order (`getOrder`, deprecated, shut down 2027-04-12) does, so it is
        read for this one question, only when the packer is about to shorten."""
        order = await self.client.legacy_order(self.campaign_id, order_id)
        return frozenset(item.id for item in order.items or () if item.promos)

    async def _learn_offers(self, offer_ids: set[str], read: set[str]) -> None:
        """Ask the catalogue about the offers this read (`read`) has not asked about yet."""
        missing = sorted(offer_id for offer_id in offer_ids if offer_id not in read)
        if not missing or not self.catalogue_available:
            return
        try:
            mappings = await self.client.offer_mappings(self.business_id, missing)
        except ForbiddenError:
            log.info("no catalogue scope on this key: barcodes and part counts stay unknown")
            self.catalogue_available = False
            return
        except MarketError as exc:
            # Orders matter more than barcodes: keep going, ask again with the next page.
            log.warning("offer mappings unavailable: %s", exc)
            return
        read.update(missing)
        for mapping in mappings:
            if mapping.offer is not None:
                self._offers[mapping.offer.offer_id] = OfferFacts.from_mapping(mapping)
        for offer_id in missing:
            self._offers.setdefault(offer_id, OfferFacts())

    # --- packing ------------------------------------------------------------------------

    async def set_box_layout(self, order_id: int, plan: LayoutPlan) -> tuple[StoredBox, ...]:
        """Send the layout (and codes); the stored boxes carry the ids labels are addressed by."""
        result = await self.client.set_box_layout(self.campaign_id, order_id, layout_request(plan))
        return tuple(StoredBox(box.box_id, box_plan_from_items(box.items)) for box in result.boxes)

    async def code_checks(self, order_id: int) -> tuple[CodeCheck, ...]:
        """The Market's verdict on every CIS and UIN of the order."""
        result = await self.client.identifiers_status(self.campaign_id, order_id)
        checks: list[CodeCheck] = []
        for item in result.items:
            codes = [(InstanceKind.CIS, c.value, c.status, c.substatus) for c in item.cis or ()]
            codes += [(InstanceKind.UIN, u.value, u.status, u.substatus) for u in item.uin or ()]
            checks.extend(
                CodeCheck(item.id, kind, value, CodeStatus.parse(str(status)), substatus)
                for kind, value, status, substatus in codes
            )
        return tuple(checks)

    async def set_status(self, order_id: int, status: str, substatus: str | None = None) -> StatusChange:
        """Change one order's status; a refusal raises `BadRequestError` with the Market's reason."""
        response = await self.client.update_order_status(self.campaign_id, order_id, status, substatus)
        order = response.order
        if order is None:
            return StatusChange(order_id, ok=True, status=status, substatus=substatus)
        return StatusChange(
            order_id,
            ok=True,
            status=None if order.status is None else str(order.status),
            substatus=None if order.substatus is None else str(order.substatus),
        )

    async def set_statuses(self, changes: Sequence[tuple[int, str, str | None]]) -> tuple[StatusChange, ...]:
        """Change many orders at once; per-order refusals come back as `ok=False` with the reason."""
        states = [OrderStateDTO(id=oid, status=status, substatus=sub) for oid, status, sub in changes]
        outcomes = {o.id: o for o in await self.client.update_order_statuses(self.campaign_id, states)}
        result = []
        for order_id, _status, _substatus in changes:
            outcome = outcomes.get(order_id)
            if outcome is None:
                result.append(StatusChange(order_id, ok=False, error="the Market did not report this order"))
                continue
            ok = str(outcome.update_status) == "OK"
            result.append(
                StatusChange(
                    order_id,
                    ok=ok,
                    status=None if outcome.status is None else str(outcome.status),
                    substatus=None if outcome.substatus is None else str(outcome.substatus),
                    error=None if ok else (outcome.error_details or "rejected"),
                )
            )
        return tuple(result)

    async def labels_pdf(self, order_id: int, fmt: LabelFormat) -> bytes:
        """All labels of the order, one page per box."""
        return await self.client.labels_pdf(self.campaign_id, order_id, fmt.value)

    async def box_label_pdf(self, order_id: int, box_id: int, fmt: LabelFormat) -> bytes:
        """The label of one box."""
        return await self.client.box_label_pdf(self.campaign_id, order_id, box_id, fmt.value)

    async def labels_data(self, order_id: int) -> OrderLabels:
        """What the labels say, for rendering them locally."""
        return labels_from_wire(await self.client.labels_data(self.campaign_id, order_id))

    async def verify_eac(self, order_id: int, code: str) -> EacResult:
        """Check the courier's handover code (Express)."""
        result = await self.client.verify_eac(self.campaign_id, order_id, code)
        return EacResult(_eac_verdict(result.verification_result), result.attempts_left)

    # --- first-mile shipments (services.ports.ShipmentsPort) ----------------------------

    async def shipments(self, date_from: date, date_to: date) -> list[Shipment]:
        """The store's shipments planned from `date_from` to `date_to` (inclusive), with each
        one's live orders and the actions the Market offers now."""
        found = await self.client.search_shipments(self.campaign_id, date_from, date_to)
        return [await self.shipment(info.id) for info in found]

    async def shipment(self, shipment_id: int) -> Shipment:
        """One shipment: all its orders, the live ones, and its `availableActions`."""
        everything = await self.client.shipment(self.campaign_id, shipment_id)
        live = await self.client.shipment(self.campaign_id, shipment_id, cancelled_orders=False)
        return shipment_from_wire(everything, live.order_ids)

    async def orders_with_labels(self, shipment_id: int) -> tuple[int, ...]:
        info = await self.client.shipment_orders_info(self.campaign_id, shipment_id)
        return tuple(info.order_ids_with_labels)

    async def confirm_shipment(self, shipment_id: int) -> None:
        await self.client.confirm_shipment(self.campaign_id, shipment_id)

    async def shipment_act_pdf(self, shipment_id: int) -> bytes:
        return await self.client.shipment_act_pdf(self.campaign_id, shipment_id)

    async def nearest_act_pdf(self) -> bytes:
        """The reception-transfer act of the nearest shipment (the Market confirms it)."""
        return await self.client.reception_transfer_act_pdf(self.campaign_id)

    async def inbound_act_pdf(self, shipment_id: int) -> bytes:
        return await self.client.inbound_act_pdf(self.campaign_id, shipment_id)

    async def transportation_waybill(self, shipment_id: int) -> bytes:
        return await self.client.transportation_waybill(self.campaign_id, shipment_id)

    async def discrepancy_act(self, shipment_id: int) -> bytes:
        return await self.client.discrepancy_act(self.campaign_id, shipment_id)

    async def set_pallets(self, shipment_id: int, count: int) -> None:
        await self.client.set_shipment_pallets(self.campaign_id, shipment_id, count)

    async def pallet_labels_pdf(self, shipment_id: int) -> bytes:
        return await self.client.pallet_labels_pdf(self.campaign_id, shipment_id, "A4")

    async def pick_list_pdf(self, *, shipment_id: int | None = None, order_ids: Sequence[int] = ()) -> bytes:
        return await self.client.shipment_list_pdf(
            self.campaign_id, shipment_id=shipment_id, order_ids=list(order_ids) or None
        )

    async def batch_labels_pdf(self, order_ids: Sequence[int], fmt: LabelFormat) -> bytes:
        return await self.client.mass_labels_pdf(self.business_id, order_ids, fmt.value)


def shipment_from_wire(dto: ShipmentDTO, live_order_ids: Sequence[int]) -> Shipment:
    """A domain shipment from `getShipment` (all orders) and the live order ids."""
    status = dto.current_status
    known = {action.value for action in ShipmentAction}
    destination = dto.warehouse_to.name if dto.warehouse_to and dto.warehouse_to.name else ""
    if not destination and dto.delivery_service and dto.delivery_service.name:
        destination = dto.delivery_service.name
    return Shipment(
        id=dto.id,
        interval_from=dto.plan_interval_from,
        interval_to=dto.plan_interval_to,
        destination=destination,
        status=str(status.status) if status and status.status else "",
        status_text=(status.description or "") if status else "",
        order_ids=tuple(dto.order_ids),
        live_order_ids=tuple(live_order_ids),
        pallets=dto.pallets_count.planned if dto.pallets_count else None,
        actions=frozenset(ShipmentAction(str(a)) for a in dto.available_actions if str(a) in known),
    )
