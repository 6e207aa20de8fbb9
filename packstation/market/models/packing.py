"""Packing calls: box layout, identifiers status, status changes, Express handover (verifyEac),
external order id."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from packstation.market.models.base import ApiResponse, Tolerant, WireModel
from packstation.market.models.enums import (
    CisStatusType,
    EacVerificationStatusType,
    OrderStatusType,
    OrderSubstatusType,
    OrderUpdateStatusType,
    UinStatusType,
)
from packstation.market.models.legacy import OrderDTO
from packstation.market.models.orders import BriefOrderItemInstanceDTO, BusinessOrderBoxLayoutPartialCountDTO


class OrderBoxLayoutPartialCountDTO(WireModel):
    current: int = Field(ge=1)
    total: int = Field(ge=2)


class OrderBoxLayoutItemDTO(WireModel):
    """One order line in one box: `full_count` whole units XOR one part (`partial_count`)."""

    id: int
    full_count: int | None = Field(default=None, ge=1)
    partial_count: OrderBoxLayoutPartialCountDTO | None = None
    instances: list[BriefOrderItemInstanceDTO] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_count(self) -> OrderBoxLayoutItemDTO:
        if (self.full_count is None) == (self.partial_count is None):
            raise ValueError("exactly one of fullCount and partialCount must be set")
        return self


class OrderBoxLayoutDTO(WireModel):
    items: list[OrderBoxLayoutItemDTO] = Field(min_length=1)


class SetOrderBoxLayoutRequest(WireModel):
    boxes: list[OrderBoxLayoutDTO] = Field(min_length=1)
    allow_remove: bool | None = None


class OrderBoxLayoutItemEchoDTO(WireModel):
    """A box entry as the Market echoes it: read as sent, without the request-side rules."""

    id: int
    full_count: int | None = None
    partial_count: BusinessOrderBoxLayoutPartialCountDTO | None = None
    instances: list[BriefOrderItemInstanceDTO] | None = None


class EnrichedOrderBoxLayoutDTO(WireModel):
    items: list[OrderBoxLayoutItemEchoDTO]
    box_id: int


class OrderBoxesLayoutDTO(WireModel):
    boxes: list[EnrichedOrderBoxLayoutDTO]


class SetOrderBoxLayoutResponse(ApiResponse):
    result: OrderBoxesLayoutDTO


class CisDTO(WireModel):
    value: str
    status: Tolerant[CisStatusType]
    substatus: str | None = None
    crpt_request_id: str | None = None


class UinDTO(WireModel):
    value: str
    status: Tolerant[UinStatusType]
    substatus: str | None = None


class OrderItemValidationStatusDTO(WireModel):
    id: int
    uin: list[UinDTO] | None = None
    cis: list[CisDTO] | None = None


class GetOrderIdentifiersStatusDTO(WireModel):
    items: list[OrderItemValidationStatusDTO]


class GetOrderIdentifiersStatusResponse(ApiResponse):
    result: GetOrderIdentifiersStatusDTO


class OrderStatusChangeDeliveryDatesDTO(WireModel):
    real_delivery_date: date | None = None


class OrderStatusChangeDeliveryDTO(WireModel):
    dates: OrderStatusChangeDeliveryDatesDTO | None = None


class OrderStatusChangeDTO(WireModel):
    status: Tolerant[OrderStatusType]
    substatus: Tolerant[OrderSubstatusType] | None = None
    delivery: OrderStatusChangeDeliveryDTO | None = None


class UpdateOrderStatusRequest(WireModel):
    order: OrderStatusChangeDTO


class OperationDTO(WireModel):
    id: str
    type: str


class UpdateOrderStatusResponse(WireModel):
    """Unwrapped, and the order comes in the legacy shape (DD-MM-YYYY dates)."""

    order: OrderDTO | None = None
    operation: OperationDTO | None = None


class OrderStateDTO(WireModel):
    id: int
    status: Tolerant[OrderStatusType]
    substatus: Tolerant[OrderSubstatusType] | None = None


class UpdateOrderStatusesRequest(WireModel):
    orders: list[OrderStateDTO] = Field(min_length=1, max_length=30)


class UpdateOrderStatusDTO(WireModel):
    id: int | None = None
    status: Tolerant[OrderStatusType] | None = None
    substatus: Tolerant[OrderSubstatusType] | None = None
    update_status: Tolerant[OrderUpdateStatusType] | None = None
    error_details: str | None = None
    operation: OperationDTO | None = None


class UpdateOrderStatusesDTO(WireModel):
    orders: list[UpdateOrderStatusDTO]


class UpdateOrderStatusesResponse(ApiResponse):
    result: UpdateOrderStatusesDTO


class VerifyOrderEacRequest(WireModel):
    code: str


class EacVerificationResultDTO(WireModel):
    verification_result: Tolerant[EacVerificationStatusType] | None = None
    attempts_left: int | None = None


class VerifyOrderEacResponse(ApiResponse):
    result: EacVerificationResultDTO


class UpdateExternalOrderIdRequest(WireModel):
    external_order_id: str = Field(min_length=1)


class EmptyApiResponse(ApiResponse):
    """`{status: OK}` with no result."""
