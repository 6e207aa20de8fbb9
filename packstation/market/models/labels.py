"""Label data (`GET .../delivery/labels/data`) and the asynchronous reports (mass labels)."""

from __future__ import annotations

from pydantic import Field

from packstation.market.models.base import ApiResponse, DateDotted, MarketDateTime, Tolerant, WireModel
from packstation.market.models.enums import LabelsSortingType, ReportStatusType, ReportSubStatusType


class ParcelBoxLabelDTO(WireModel):
    url: str = ""
    supplier_name: str = ""
    delivery_service_name: str = ""
    order_id: int
    order_num: str = ""
    recipient_name: str = ""
    box_id: int
    fulfilment_id: str
    place: str = ""
    weight: str | None = None
    delivery_service_id: str = ""  # a string here, an integer elsewhere
    delivery_address: str | None = None
    shipment_date: DateDotted | None = None


class OrderLabelDTO(WireModel):
    order_id: int
    places_number: int
    url: str | None = None
    parcel_box_labels: list[ParcelBoxLabelDTO]


class GetOrderLabelsDataResponse(ApiResponse):
    result: OrderLabelDTO


class GenerateMassOrderLabelsRequest(WireModel):
    business_id: int
    order_ids: list[int] = Field(min_length=1, max_length=1000)
    sorting_type: Tolerant[LabelsSortingType] | None = None


class GenerateReportDTO(WireModel):
    report_id: str
    estimated_generation_time: int = 0  # milliseconds


class GenerateReportResponse(ApiResponse):
    result: GenerateReportDTO


class ReportInfoDTO(WireModel):
    status: Tolerant[ReportStatusType]
    sub_status: Tolerant[ReportSubStatusType] | None = None
    generation_requested_at: MarketDateTime | None = None
    generation_finished_at: MarketDateTime | None = None
    file: str | None = None  # lives 60 minutes; each getReportInfo call mints a new one
    estimated_generation_time: int | None = None


class GetReportInfoResponse(ApiResponse):
    result: ReportInfoDTO
