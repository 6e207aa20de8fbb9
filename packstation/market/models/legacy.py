"""The legacy order model (`OrderDTO`): returned by the deprecated getOrders/getOrder and still by
`PUT .../status`. Only what a packing desk reads is modelled; everything else is ignored."""

from __future__ import annotations

from packstation.market.models.base import DateDMY, DateTimeDMY, ForwardPager, Money, Tolerant, WireModel
from packstation.market.models.enums import OrderStatusType, OrderSubstatusType
from packstation.market.models.orders import OrderItemPromoDTO


class OrderItemDTO(WireModel):
    id: int
    offer_id: str | None = None
    offer_name: str | None = None
    count: int = 0
    price: Money | None = None
    required_instance_types: list[str] | None = None
    promos: list[OrderItemPromoDTO] | None = None


class OrderBoxDTO(WireModel):
    id: int | None = None
    fulfilment_id: str | None = None


class OrderShipmentDTO(WireModel):
    id: int | None = None
    shipment_date: DateDMY | None = None
    shipment_time: str | None = None  # "HH:MM" (Express: the packing deadline)
    boxes: list[OrderBoxDTO] | None = None


class OrderDeliveryDTO(WireModel):
    type: str | None = None
    service_name: str | None = None
    delivery_service_id: int | None = None
    eac_type: str | None = None
    shipments: list[OrderShipmentDTO] | None = None


class OrderDTO(WireModel):
    id: int
    status: Tolerant[OrderStatusType] | None = None
    substatus: Tolerant[OrderSubstatusType] | None = None
    creation_date: DateTimeDMY | None = None
    updated_at: DateTimeDMY | None = None
    expiry_date: DateTimeDMY | None = None
    fake: bool | None = None
    items: list[OrderItemDTO] | None = None
    delivery: OrderDeliveryDTO | None = None
    notes: str | None = None


class GetOrderResponse(WireModel):
    order: OrderDTO


class GetOrdersResponse(WireModel):
    orders: list[OrderDTO]
    paging: ForwardPager | None = None
