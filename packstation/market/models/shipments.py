"""FBS first-mile shipments (`searchShipments`, `getShipment`, orders info, confirm, pallets) and
the shipment-list (pick list) report request."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from packstation.market.models.base import ApiResponse, ForwardPager, MarketDateTime, Tolerant, WireModel


class ShipmentStatusType(StrEnum):
    OUTBOUND_CREATED = "OUTBOUND_CREATED"
    OUTBOUND_READY_FOR_CONFIRMATION = "OUTBOUND_READY_FOR_CONFIRMATION"
    OUTBOUND_CONFIRMED = "OUTBOUND_CONFIRMED"
    OUTBOUND_SIGNED = "OUTBOUND_SIGNED"
    ACCEPTED = "ACCEPTED"
    ACCEPTED_WITH_DISCREPANCIES = "ACCEPTED_WITH_DISCREPANCIES"
    FINISHED = "FINISHED"
    ERROR = "ERROR"


class ShipmentActionType(StrEnum):
    CONFIRM = "CONFIRM"
    DOWNLOAD_ACT = "DOWNLOAD_ACT"
    DOWNLOAD_INBOUND_ACT = "DOWNLOAD_INBOUND_ACT"
    DOWNLOAD_DISCREPANCY_ACT = "DOWNLOAD_DISCREPANCY_ACT"
    DOWNLOAD_TRANSPORTATION_WAYBILL = "DOWNLOAD_TRANSPORTATION_WAYBILL"
    CHANGE_PALLETS_COUNT = "CHANGE_PALLETS_COUNT"


class ShipmentPalletLabelPageFormatType(StrEnum):
    A4 = "A4"
    A8 = "A8"


class PartnerShipmentWarehouseDTO(WireModel):
    id: int
    name: str | None = None
    address: str | None = None


class ShipmentDeliveryServiceDTO(WireModel):
    """`DeliveryServiceDTO` as shipments carry it."""

    id: int | None = None
    name: str | None = None


class PalletsCountDTO(WireModel):
    planned: int | None = None
    fact: int | None = None


class SignatureDTO(WireModel):
    signed: bool


class ShipmentStatusChangeDTO(WireModel):
    status: Tolerant[ShipmentStatusType] | None = None
    description: str | None = None
    update_time: MarketDateTime | None = None


class BaseShipmentDTO(WireModel):
    id: int
    plan_interval_from: MarketDateTime
    plan_interval_to: MarketDateTime
    shipment_type: str | None = None
    warehouse: PartnerShipmentWarehouseDTO | None = None
    warehouse_to: PartnerShipmentWarehouseDTO | None = None
    external_id: str | None = None
    delivery_service: ShipmentDeliveryServiceDTO | None = None
    pallets_count: PalletsCountDTO | None = None
    order_ids: list[int] = Field(default_factory=list)
    draft_count: int = 0
    planned_count: int = 0
    fact_count: int = 0
    signature: SignatureDTO | None = None


class ShipmentInfoDTO(BaseShipmentDTO):
    """One shipment in a search answer."""

    status: Tolerant[ShipmentStatusType] | None = None
    status_description: str | None = None
    status_update_time: MarketDateTime | None = None


class ShipmentDTO(BaseShipmentDTO):
    """One shipment read on its own, with the actions the Market offers for it now."""

    current_status: ShipmentStatusChangeDTO | None = None
    available_actions: list[Tolerant[ShipmentActionType]] = Field(default_factory=list)


class SearchShipmentsRequest(WireModel):
    date_from: date
    date_to: date
    statuses: list[ShipmentStatusType] | None = Field(default=None, min_length=1)
    order_ids: list[int] | None = Field(default=None, min_length=1)
    cancelled_orders: bool | None = None


class SearchShipmentsResponseDTO(WireModel):
    shipments: list[ShipmentInfoDTO]
    paging: ForwardPager | None = None


class SearchShipmentsResponse(ApiResponse):
    result: SearchShipmentsResponseDTO


class GetShipmentResponse(ApiResponse):
    result: ShipmentDTO


class OrdersShipmentInfoDTO(WireModel):
    order_ids_with_labels: list[int]
    order_ids_without_labels: list[int]


class GetShipmentOrdersInfoResponse(ApiResponse):
    result: OrdersShipmentInfoDTO


class ConfirmShipmentRequest(WireModel):
    external_shipment_id: str | None = None
    signatory: str | None = None


class SetShipmentPalletsCountRequest(WireModel):
    places_count: int = Field(ge=0)


class GenerateShipmentListDocumentReportRequest(WireModel):
    """The pick list: pass `shipment_id` or `order_ids` (the Market needs one of them)."""

    campaign_id: int
    shipment_id: int | None = None
    order_ids: list[int] | None = Field(default=None, min_length=1)
