"""Stocks in the Market's warehouses (`getStocks`) and the Market's pickup points
(`getLogisticPoints`), both read before creating a LaaS order (seed 004 steps 1 and 2)."""

from __future__ import annotations

from pydantic import Field

from packstation.market.models.base import ApiResponse, ForwardPager, MarketDateTime, WireModel


class GetWarehouseStocksRequest(WireModel):
    offer_ids: list[str] | None = Field(default=None, min_length=1, max_length=500)
    stocks_warehouse_id: int | None = None
    has_stocks: bool | None = None
    archived: bool | None = None


class WarehouseStockDTO(WireModel):
    type: str
    count: int


class WarehouseOfferDTO(WireModel):
    offer_id: str
    stocks: list[WarehouseStockDTO]
    updated_at: MarketDateTime | None = None


class WarehouseOffersDTO(WireModel):
    warehouse_id: int
    offers: list[WarehouseOfferDTO]


class GetWarehouseStocksDTO(WireModel):
    warehouses: list[WarehouseOffersDTO]
    paging: ForwardPager | None = None


class GetWarehouseStocksResponse(ApiResponse):
    result: GetWarehouseStocksDTO


class GpsDTO(WireModel):
    latitude: float
    longitude: float


class LogisticPointAddressDTO(WireModel):
    full_address: str
    gps: GpsDTO | None = None
    region_id: int | None = None
    city: str | None = None
    street: str | None = None
    house: str | None = None


class ScheduleDayDTO(WireModel):
    day: str
    start_time: str
    end_time: str


class LogisticPointScheduleDTO(WireModel):
    schedule: list[ScheduleDayDTO] = Field(default_factory=list)


class LogisticPointDTO(WireModel):
    logistic_point_id: int
    address: LogisticPointAddressDTO
    working_schedule: LogisticPointScheduleDTO | None = None
    storage_period: int | None = None


class GetLogisticsPointsDTO(WireModel):
    logistic_points: list[LogisticPointDTO]
    paging: ForwardPager | None = None


class GetLogisticPointsResponse(ApiResponse):
    result: GetLogisticsPointsDTO
