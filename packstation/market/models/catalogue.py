"""Offer mappings (barcodes, pictures, `boxCount`) and order statistics."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from packstation.market.models.base import ApiResponse, ForwardPager, MarketDateTime, Money, WireModel


class GetOfferMappingsRequest(WireModel):
    offer_ids: list[str] | None = Field(default=None, min_length=1, max_length=100)
    archived: bool | None = None


class OfferWeightDimensionsDTO(WireModel):
    length: Money
    width: Money
    height: Money
    weight: Money


class OfferPriceDTO(WireModel):
    value: Money
    currency_id: str | None = None


class GetOfferDTO(WireModel):
    offer_id: str
    name: str | None = None
    pictures: list[str] | None = None
    barcodes: list[str] | None = None
    box_count: int | None = None
    weight_dimensions: OfferWeightDimensionsDTO | None = None
    vendor: str | None = None
    vendor_code: str | None = None
    basic_price: OfferPriceDTO | None = None
    manufacturer_countries: list[str] | None = None


class GetMappingDTO(WireModel):
    market_sku: int | None = None
    market_sku_name: str | None = None


class GetOfferMappingDTO(WireModel):
    offer: GetOfferDTO | None = None
    mapping: GetMappingDTO | None = None


class GetOfferMappingsResultDTO(WireModel):
    paging: ForwardPager | None = None
    offer_mappings: list[GetOfferMappingDTO]


class GetOfferMappingsResponse(ApiResponse):
    result: GetOfferMappingsResultDTO


class GetOrdersStatsRequest(WireModel):
    """Either the creation window (`date_from`/`date_to`) or the update window, not both."""

    date_from: date | None = None
    date_to: date | None = None
    update_from: date | None = None
    update_to: date | None = None
    orders: list[int] | None = Field(default=None, min_length=1)
    statuses: list[str] | None = Field(default=None, min_length=1)
    has_cis: bool | None = None


class OrdersStatsPriceDTO(WireModel):
    type: str | None = None
    cost_per_item: Money | None = None
    total: Money | None = None


class OrdersStatsWarehouseDTO(WireModel):
    id: int | None = None
    name: str | None = None


class OrdersStatsPaymentDTO(WireModel):
    type: str | None = None
    source: str | None = None
    total: Money | None = None


class OrdersStatsCommissionDTO(WireModel):
    type: str | None = None
    actual: Money | None = None


class OrdersStatsItemDTO(WireModel):
    offer_name: str | None = None
    market_sku: int | None = None
    shop_sku: str | None = None
    count: int | None = None
    prices: list[OrdersStatsPriceDTO] | None = None
    cis_list: list[str] | None = None
    initial_count: int | None = None
    warehouse: OrdersStatsWarehouseDTO | None = None


class OrdersStatsOrderDTO(WireModel):
    id: int | None = None
    creation_date: date | None = None
    status_update_date: MarketDateTime | None = None
    status: str | None = None
    partner_order_id: str | None = None
    payment_type: str | None = None
    fake: bool | None = None
    items: list[OrdersStatsItemDTO]
    initial_items: list[OrdersStatsItemDTO] | None = None
    payments: list[OrdersStatsPaymentDTO] | None = None
    commissions: list[OrdersStatsCommissionDTO] | None = None
    currency: str | None = None


class OrdersStatsDTO(WireModel):
    orders: list[OrdersStatsOrderDTO]
    paging: ForwardPager | None = None


class GetOrdersStatsResponse(ApiResponse):
    result: OrdersStatsDTO
