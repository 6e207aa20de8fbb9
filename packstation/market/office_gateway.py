"""`OfficeGateway`: the Market as the seller's office sees it (`services.ports.OfficePort`):
LaaS delivery orders in the LaaS store and the order statistics of a store. Maps wire models
to the plain values of `domain.laas` / `domain.stats` and back.

A 400 on a LaaS call becomes `LaasRefusedError` with the Market's codes and words, so the
office form can show each refusal beside the field it concerns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date, time, timedelta
from decimal import Decimal
from typing import TypeVar

from packstation.domain.laas import (
    DeliveryOption,
    Destination,
    LaasOrder,
    LaasRefusedError,
    NewOrder,
    Offer,
    Operation,
    OperationKind,
    OperationState,
    OrderItem,
    PickupPoint,
    Recipient,
    Stock,
    WarehouseOptions,
)
from packstation.domain.stats import StatsItem, StatsOrder, StatsPage, StatsQuery
from packstation.domain.time import moscow_today, utc_now
from packstation.market.client import MarketClient
from packstation.market.errors import BadRequestError
from packstation.market.models import (
    MOSCOW,
    BusinessOrderDTO,
    CourierDeliveryAddressDTO,
    CourierDeliveryParametersDTO,
    CreateOrderDeliveryOptionDTO,
    CreateOrderDTO,
    CreateOrderItemDTO,
    CreateOrderPackagingDTO,
    CreateOrderRequest,
    CreateOrderWarehouseItemsDTO,
    CurrencyPriceDTO,
    CustomerDTO,
    DeliveryDateIntervalDTO,
    DeliveryIntervalsUpdateOptionDTO,
    GetBusinessOrdersRequest,
    GetDeliveryOptionsItemDTO,
    GetDeliveryOptionsRequest,
    GetOrdersStatsRequest,
    GetWarehouseStocksRequest,
    OrderCourierDeliveryDTO,
    OrderDatesFilterDTO,
    OrderPickupDeliveryDTO,
    OrdersStatsItemDTO,
    OrdersStatsOrderDTO,
    PickupDeliveryParametersDTO,
    TimeIntervalDTO,
    UpdateOrderDTO,
    UpdateOrderRequest,
)

T = TypeVar("T")
_IDS_PER_REQUEST = 50
_RECENT_DAYS = 30  # the LaaS list shows orders created in the last month
_STOCK_TYPES = ("AVAILABLE", "FIT")  # what can be ordered, in order of preference


async def _refusable(call: Awaitable[T]) -> T:
    try:
        return await call
    except BadRequestError as error:
        said = "; ".join(item.message or item.code for item in error.errors)
        raise LaasRefusedError(error.codes, said) from error


def _hhmm(value: time | None) -> str:
    return f"{value:%H:%M}" if value is not None else ""


def _time(text: str) -> time:
    return time.fromisoformat(text)


def _stats_item(item: OrdersStatsItemDTO) -> StatsItem:
    return StatsItem(
        offer_id=item.shop_sku or "",
        name=item.offer_name or "",
        count=item.count or 0,
        initial_count=item.initial_count,
        warehouse=(item.warehouse.name or "") if item.warehouse else "",
        cis_count=len(item.cis_list or ()),
    )


def stats_order_from_wire(order: OrdersStatsOrderDTO) -> StatsOrder:
    return StatsOrder(
        id=order.id or 0,
        created=order.creation_date or (order.status_update_date or utc_now().astimezone(MOSCOW)).date(),
        status=order.status or "UNKNOWN",
        status_updated=order.status_update_date,
        partner_order_id=order.partner_order_id or "",
        items=tuple(_stats_item(item) for item in order.items),
        initial_items=tuple(_stats_item(item) for item in order.initial_items or ()),
        payments=sum((p.total or Decimal(0) for p in order.payments or ()), Decimal(0)),
        commissions=sum((c.actual or Decimal(0) for c in order.commissions or ()), Decimal(0)),
    )


def laas_order_from_wire(order: BusinessOrderDTO) -> LaasOrder:
    dates = order.delivery.dates
    pickup = order.delivery.pickup
    return LaasOrder(
        id=order.order_id,
        external_id=order.external_order_id or "",
        status=str(order.status),
        substatus=str(order.substatus),
        created_at=order.creation_date,
        from_date=dates.from_date if dates else None,
        to_date=dates.to_date if dates else None,
        from_time=dates.from_time if dates else None,
        to_time=dates.to_time if dates else None,
        receive_code=order.delivery.receive_code or "",
        pickup_point=pickup.logistic_point_id if pickup else None,
        items=tuple((item.offer_id, item.count) for item in order.items),
    )


class OfficeGateway:
    """`OfficePort` over `MarketClient`.

    Args:
        client: the shared client.
        business_id: the cabinet (operations, pickup points, catalogue live there).
        laas_campaign_id: the LaaS store orders are created in.
        stats_campaign_id: the store whose statistics are read (default: the LaaS store).
        today: the Moscow date (the LaaS list shows the last month's orders).
    """

    def __init__(
        self,
        client: MarketClient,
        business_id: int,
        laas_campaign_id: int,
        stats_campaign_id: int | None = None,
        *,
        today: Callable[[], date] = moscow_today,
    ) -> None:
        self.client = client
        self._today = today
        self.business_id = business_id
        self.laas_campaign_id = laas_campaign_id
        self.stats_campaign_id = stats_campaign_id or laas_campaign_id

    # --- catalogue, stock, pickup points ------------------------------------------------------

    async def offers(self) -> tuple[Offer, ...]:
        found = []
        async for mapping in self.client.iter_offer_mappings(self.business_id):
            offer = mapping.offer
            if offer is None:
                continue
            price = offer.basic_price.value if offer.basic_price else None
            found.append(
                Offer(offer.offer_id, offer.name or offer.offer_id, price, tuple(offer.barcodes or ()))
            )
        return tuple(found)

    async def stocks(self, offer_ids: Sequence[str]) -> tuple[Stock, ...]:
        wanted = list(dict.fromkeys(offer_ids))
        found: list[Stock] = []
        for start in range(0, len(wanted), 500):
            request = GetWarehouseStocksRequest(offer_ids=wanted[start : start + 500])
            async for warehouse in self.client.iter_stocks(self.laas_campaign_id, request):
                for offer in warehouse.offers:
                    counts = {stock.type: stock.count for stock in offer.stocks}
                    available = next((counts[t] for t in _STOCK_TYPES if t in counts), 0)
                    found.append(Stock(warehouse.warehouse_id, offer.offer_id, available))
        return tuple(found)

    async def pickup_points(self) -> tuple[PickupPoint, ...]:
        points = []
        async for point in self.client.iter_logistic_points(self.business_id):
            schedule = point.working_schedule.schedule if point.working_schedule else []
            hours = f"{schedule[0].start_time}–{schedule[0].end_time}" if schedule else ""
            points.append(
                PickupPoint(
                    point.logistic_point_id,
                    point.address.full_address,
                    point.address.city or "",
                    hours,
                    point.storage_period,
                )
            )
        return tuple(points)

    # --- delivery options and creation ----------------------------------------------------------

    async def delivery_options(
        self, items: Sequence[OrderItem], destination: Destination
    ) -> tuple[WarehouseOptions, ...]:
        request = GetDeliveryOptionsRequest(
            items=[GetDeliveryOptionsItemDTO(offer_id=i.offer_id, count=i.count) for i in items],
            pickup_delivery=PickupDeliveryParametersDTO(logistic_points_ids=[destination.pickup_point])
            if destination.pickup_point is not None
            else None,
            courier_delivery=CourierDeliveryParametersDTO(full_address=destination.courier.full_address)
            if destination.courier is not None
            else None,
        )
        result = await _refusable(self.client.delivery_options(self.laas_campaign_id, request))
        warehouses = []
        for entry in result.warehouses_delivery_options:
            options: list[DeliveryOption] = []
            wid = entry.warehouse_id
            if entry.delivery_options.courier_delivery is not None:
                options += [
                    DeliveryOption(
                        wid,
                        o.delivery_date_interval.from_date,
                        o.delivery_date_interval.to_date,
                        o.price.value,
                        _time(o.delivery_time_interval.from_time),
                        _time(o.delivery_time_interval.to_time),
                    )
                    for o in entry.delivery_options.courier_delivery.courier_delivery_options
                ]
            if entry.delivery_options.pickup_delivery is not None:
                options += [
                    DeliveryOption(
                        wid,
                        o.delivery_date_interval.from_date,
                        o.delivery_date_interval.to_date,
                        o.price.value,
                        pickup_point=point.logistic_point_id,
                    )
                    for point in entry.delivery_options.pickup_delivery.pickup_options
                    for o in point.options
                ]
            warehouses.append(
                WarehouseOptions(wid, tuple((i.offer_id, i.count) for i in entry.items), tuple(options))
            )
        return tuple(warehouses)

    async def create_order(self, order: NewOrder) -> tuple[int, ...]:
        prices = {item.offer_id: item.price for item in order.items}
        chosen = {option.warehouse_id: option for option in order.choices}
        groups = []
        for warehouse in order.warehouses:
            option = chosen[warehouse.warehouse_id]
            groups.append(
                CreateOrderWarehouseItemsDTO(
                    warehouse_id=warehouse.warehouse_id,
                    items=[
                        CreateOrderItemDTO(
                            offer_id=offer, count=count, price=CurrencyPriceDTO(value=prices[offer])
                        )
                        for offer, count in warehouse.items
                    ],
                    delivery_date_interval=DeliveryDateIntervalDTO(
                        from_date=option.from_date, to_date=option.to_date
                    ),
                    delivery_time_interval=TimeIntervalDTO(
                        from_time=_hhmm(option.from_time), to_time=_hhmm(option.to_time)
                    )
                    if option.from_time and option.to_time
                    else None,
                )
            )
        courier = order.destination.courier
        destination = CreateOrderDeliveryOptionDTO(
            pickup_delivery=OrderPickupDeliveryDTO(logistic_point_id=order.destination.pickup_point)
            if order.destination.pickup_point is not None
            else None,
            courier_delivery=OrderCourierDeliveryDTO(
                address=CourierDeliveryAddressDTO(
                    full_address=courier.full_address,
                    entrance=courier.entrance or None,
                    floor=courier.floor,
                    apartment=courier.apartment or None,
                ),
                notes=courier.notes or None,
            )
            if courier is not None
            else None,
        )
        request = CreateOrderRequest(
            order=CreateOrderDTO(
                external_order_id=order.external_id,
                items_delivery=groups,
                destination=destination,
                customer=_customer(order.recipient),
                packaging=CreateOrderPackagingDTO(package_type=order.packaging.value),
                draft=order.draft,
            )
        )
        return tuple(await _refusable(self.client.create_order(self.laas_campaign_id, request)))

    # --- the orders and their changes -----------------------------------------------------------

    async def laas_orders(self, order_ids: Sequence[int] = ()) -> tuple[LaasOrder, ...]:
        ids = list(order_ids)
        if ids:
            requests = [
                GetBusinessOrdersRequest(
                    campaign_ids=[self.laas_campaign_id], order_ids=ids[i : i + _IDS_PER_REQUEST]
                )
                for i in range(0, len(ids), _IDS_PER_REQUEST)
            ]
        else:
            # A creation window of at most 30 days, its end exclusive: up to today inclusive.
            end = self._today() + timedelta(days=1)
            requests = [
                GetBusinessOrdersRequest(
                    campaign_ids=[self.laas_campaign_id],
                    dates=OrderDatesFilterDTO(
                        creation_date_from=end - timedelta(days=_RECENT_DAYS), creation_date_to=end
                    ),
                )
            ]
        found = []
        for request in requests:
            async for order in self.client.iter_business_orders(self.business_id, request):
                found.append(laas_order_from_wire(order))
        return tuple(found)

    async def set_laas_status(self, order_id: int, status: str, substatus: str) -> Operation:
        response = await _refusable(
            self.client.update_order_status(self.laas_campaign_id, order_id, status, substatus)
        )
        if response.operation is None:  # applied at once: nothing to wait for
            return Operation("", OperationKind.STATUS, order_id, OperationState.DONE)
        return Operation(response.operation.id, OperationKind.STATUS, order_id)

    async def update_options(self, order_id: int) -> tuple[DeliveryOption, ...]:
        intervals = await self.client.order_update_options(self.laas_campaign_id, order_id)
        return tuple(
            DeliveryOption(
                0,
                i.delivery_date_interval.from_date,
                i.delivery_date_interval.to_date,
                Decimal(0),
                _time(i.delivery_time_interval.from_time),
                _time(i.delivery_time_interval.to_time),
            )
            for i in intervals
        )

    async def change_interval(self, order_id: int, option: DeliveryOption) -> Operation:
        interval = DeliveryIntervalsUpdateOptionDTO(
            delivery_date_interval=DeliveryDateIntervalDTO(
                from_date=option.from_date, to_date=option.to_date
            ),
            delivery_time_interval=TimeIntervalDTO(
                from_time=_hhmm(option.from_time), to_time=_hhmm(option.to_time)
            ),
        )
        request = UpdateOrderRequest(order=UpdateOrderDTO(id=order_id, delivery_interval=interval))
        return await self._update(order_id, request, OperationKind.INTERVAL)

    async def change_recipient(self, order_id: int, recipient: Recipient) -> Operation:
        request = UpdateOrderRequest(order=UpdateOrderDTO(id=order_id, customer=_customer(recipient)))
        return await self._update(order_id, request, OperationKind.RECIPIENT)

    async def _update(self, order_id: int, request: UpdateOrderRequest, kind: OperationKind) -> Operation:
        operations = await _refusable(self.client.update_order(self.laas_campaign_id, request))
        match = next((op for op in operations if str(op.type) == kind.value), None)
        if match is None:
            return Operation("", kind, order_id, OperationState.DONE)
        return Operation(match.id, kind, order_id)

    async def operation_states(self, operations: Sequence[Operation]) -> tuple[Operation, ...]:
        by_kind: dict[OperationKind, list[Operation]] = {}
        for operation in operations:
            by_kind.setdefault(operation.kind, []).append(operation)
        updated: dict[str, Operation] = {}
        for kind, group in by_kind.items():
            ids = [op.id for op in group if op.id]
            for start in range(0, len(ids), 100):
                results = await self.client.operations(self.business_id, kind.value, ids[start : start + 100])
                states = {r.id: str(r.status) for r in results}
                for op in group:
                    if op.id in states and states[op.id] in OperationState.__members__:
                        updated[op.id] = Operation(
                            op.id, op.kind, op.order_id, OperationState(states[op.id]), op.label
                        )
        return tuple(updated.get(op.id, op) for op in operations)

    # --- statistics ---------------------------------------------------------------------------

    async def stats_page(self, query: StatsQuery, page_token: str | None, limit: int) -> StatsPage:
        request = GetOrdersStatsRequest(
            date_from=query.date_from,
            date_to=query.date_to,
            update_from=query.update_from,
            update_to=query.update_to,
            statuses=list(query.statuses) or None,
            has_cis=query.has_cis,
        )
        response = await self.client.orders_stats_page(
            self.stats_campaign_id, request, page_token=page_token, limit=limit
        )
        orders = tuple(stats_order_from_wire(order) for order in response.result.orders)
        paging = response.result.paging
        token = paging.next_page_token if paging and orders else None
        return StatsPage(orders, token if token and token != page_token else None)


def _customer(recipient: Recipient) -> CustomerDTO:
    return CustomerDTO(
        first_name=recipient.first_name,
        last_name=recipient.last_name,
        middle_name=recipient.middle_name or None,
        phone=recipient.phone,
    )
