"""The business orders reader (`POST /v1/businesses/{businessId}/orders`) and its order model."""

from __future__ import annotations

from datetime import date, time

from pydantic import Field

from packstation.market.models.base import CurrencyValueDTO, ForwardPager, MarketDateTime, Tolerant, WireModel
from packstation.market.models.enums import (
    OrderBuyerType,
    OrderDeliveryEacType,
    OrderItemInstanceType,
    OrderPaymentType,
    OrderStatusType,
    OrderSubstatusType,
    SellingProgramType,
)


class OrderDatesFilterDTO(WireModel):
    creation_date_from: date | None = None
    creation_date_to: date | None = None
    shipment_date_from: date | None = None
    shipment_date_to: date | None = None
    update_date_from: MarketDateTime | None = None
    update_date_to: MarketDateTime | None = None


class GetBusinessOrdersRequest(WireModel):
    """Filters of the business orders reader; every list, when given, holds at least one value."""

    order_ids: list[int] | None = Field(default=None, min_length=1, max_length=50)
    external_order_ids: list[str] | None = Field(default=None, min_length=1, max_length=50)
    program_types: list[Tolerant[SellingProgramType]] | None = Field(default=None, min_length=1)
    campaign_ids: list[int] | None = Field(default=None, min_length=1, max_length=50)
    statuses: list[Tolerant[OrderStatusType]] | None = Field(default=None, min_length=1)
    substatuses: list[Tolerant[OrderSubstatusType]] | None = Field(default=None, min_length=1)
    dates: OrderDatesFilterDTO | None = None
    fake: bool | None = None
    waiting_for_cancellation_approve: bool | None = None
    source_platforms: list[str] | None = Field(default=None, min_length=1)


class OrderItemInstanceDTO(WireModel):
    """A code already attached to a unit; `cis` lacks the crypto tail, `cis_full` keeps it."""

    cis: str | None = None
    cis_full: str | None = None
    uin: str | None = None
    rnpt: str | None = None
    gtd: str | None = None
    country_code: str | None = None


class ItemPriceDTO(WireModel):
    payment: CurrencyValueDTO | None = None
    subsidy: CurrencyValueDTO | None = None
    cashback: CurrencyValueDTO | None = None
    vat: str | None = None


class OrderItemUnitStatusDTO(WireModel):
    status: str
    count: int


class OrderItemPromoDTO(WireModel):
    type: str | None = None
    market_promo_id: str | None = None
    shop_promo_id: str | None = None


class BusinessOrderItemDTO(WireModel):
    id: int
    offer_id: str
    offer_name: str
    count: int
    prices: ItemPriceDTO | None = None
    instances: list[OrderItemInstanceDTO] | None = None
    required_instance_types: list[Tolerant[OrderItemInstanceType]] | None = None
    item_statuses: list[OrderItemUnitStatusDTO] | None = None
    tags: list[str] | None = None
    # Not in the business order schema (the legacy OrderItemDTO has it): honoured if it appears.
    promos: list[OrderItemPromoDTO] | None = None


class OrderPriceDTO(WireModel):
    payment: CurrencyValueDTO | None = None
    subsidy: CurrencyValueDTO | None = None
    cashback: CurrencyValueDTO | None = None


class BusinessOrderShipmentDTO(WireModel):
    id: int | None = None
    shipment_date: date
    shipment_time: time | None = None


class BusinessOrderDeliveryDatesDTO(WireModel):
    from_date: date | None = None
    to_date: date | None = None
    from_time: time | None = None
    to_time: time | None = None
    real_delivery_date: date | None = None


class BusinessOrderEacDTO(WireModel):
    eac_type: Tolerant[OrderDeliveryEacType]
    eac_code: str | None = None


class OrderCourierDTO(WireModel):
    full_name: str | None = None
    phone: str | None = None
    phone_extension: str | None = None
    vehicle_number: str | None = None
    vehicle_description: str | None = None


class BusinessOrderTransferDTO(WireModel):
    courier: OrderCourierDTO | None = None
    eac: BusinessOrderEacDTO | None = None


class BusinessOrderBoxLayoutPartialCountDTO(WireModel):
    current: int
    total: int


class BriefOrderItemInstanceDTO(WireModel):
    """One identifier of one unit; exactly one of `cis`, `uin`, `rnpt`, `gtd` is set."""

    cis: str | None = None
    uin: str | None = None
    rnpt: str | None = None
    gtd: str | None = None
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


class BusinessOrderBoxLayoutItemDTO(WireModel):
    id: int
    full_count: int | None = None
    partial_count: BusinessOrderBoxLayoutPartialCountDTO | None = None
    instances: list[BriefOrderItemInstanceDTO] | None = None


class BusinessOrderBoxLayoutDTO(WireModel):
    items: list[BusinessOrderBoxLayoutItemDTO]
    box_id: int
    barcode: str


class OrderTrackDTO(WireModel):
    track_code: str | None = None
    delivery_service_id: int


class BusinessOrderPickupDeliveryDTO(WireModel):
    logistic_point_id: int | None = None
    outlet_code: str | None = None


class BusinessOrderDeliveryDTO(WireModel):
    type: str = "UNKNOWN"
    service_name: str = ""
    delivery_service_id: int | None = None
    warehouse_id: str | None = None
    delivery_partner_type: str | None = None
    dispatch_type: str | None = None
    dates: BusinessOrderDeliveryDatesDTO | None = None
    shipment: BusinessOrderShipmentDTO | None = None
    transfer: BusinessOrderTransferDTO | None = None
    boxes_layout: list[BusinessOrderBoxLayoutDTO] | None = None
    tracks: list[OrderTrackDTO] | None = None
    estimated: bool | None = None
    receive_barcode: str | None = None
    receive_code: str | None = None
    pickup: BusinessOrderPickupDeliveryDTO | None = None


class BusinessOrderDTO(WireModel):
    order_id: int
    campaign_id: int
    program_type: Tolerant[SellingProgramType] | None = None
    external_order_id: str | None = None
    status: Tolerant[OrderStatusType]
    substatus: Tolerant[OrderSubstatusType]
    creation_date: MarketDateTime
    update_date: MarketDateTime | None = None
    payment_type: Tolerant[OrderPaymentType] | None = None
    payment_method: str | None = None
    fake: bool = False
    items: list[BusinessOrderItemDTO]
    prices: OrderPriceDTO | None = None
    delivery: BusinessOrderDeliveryDTO
    buyer_type: Tolerant[OrderBuyerType] | None = None
    notes: str | None = None
    cancel_requested: bool | None = None
    source_platform: str | None = None


class GetBusinessOrdersResponse(WireModel):
    """Unwrapped (no `status`): one page of at most 50 orders."""

    orders: list[BusinessOrderDTO]
    paging: ForwardPager | None = None
