"""LaaS calls: delivery options, create/update orders, update options, operations."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from packstation.market.models.base import ApiResponse, Money, Tolerant, WireModel
from packstation.market.models.enums import OperationStatusType, OperationType

_HHMM = r"^([0-1][0-9]|2[0-3]):[0-5][0-9]$"


class BasicOrderItemDTO(WireModel):
    offer_id: str
    count: int = Field(ge=1, le=1000)


class GetDeliveryOptionsItemDTO(BasicOrderItemDTO):
    warehouse_id: int | None = None


class PickupDeliveryParametersDTO(WireModel):
    logistic_points_ids: list[int] = Field(min_length=1, max_length=20)


class CourierDeliveryParametersDTO(WireModel):
    full_address: str


class GetDeliveryOptionsRequest(WireModel):
    """Items plus exactly one destination: pickup points or a courier address."""

    items: list[GetDeliveryOptionsItemDTO] = Field(min_length=1, max_length=1000)
    pickup_delivery: PickupDeliveryParametersDTO | None = None
    courier_delivery: CourierDeliveryParametersDTO | None = None

    @model_validator(mode="after")
    def _one_destination(self) -> GetDeliveryOptionsRequest:
        if (self.pickup_delivery is None) == (self.courier_delivery is None):
            raise ValueError("exactly one of pickupDelivery and courierDelivery must be set")
        return self


class DeliveryDateIntervalDTO(WireModel):
    from_date: date
    to_date: date


class TimeIntervalDTO(WireModel):
    from_time: str = Field(pattern=_HHMM)
    to_time: str = Field(pattern=_HHMM)


class CurrencyPriceDTO(WireModel):
    value: Money
    currency_id: str = "RUR"


class PickupOptionDTO(WireModel):
    delivery_date_interval: DeliveryDateIntervalDTO
    price: CurrencyPriceDTO


class PickupOptionsDTO(WireModel):
    logistic_point_id: int
    options: list[PickupOptionDTO]


class PickupDeliveryOptionsDTO(WireModel):
    pickup_options: list[PickupOptionsDTO]


class CourierDeliveryOptionDTO(WireModel):
    delivery_date_interval: DeliveryDateIntervalDTO
    delivery_time_interval: TimeIntervalDTO
    price: CurrencyPriceDTO


class CourierDeliveryOptionsDTO(WireModel):
    courier_delivery_options: list[CourierDeliveryOptionDTO]


class WarehouseDeliveryOptionsDTO(WireModel):
    pickup_delivery: PickupDeliveryOptionsDTO | None = None
    courier_delivery: CourierDeliveryOptionsDTO | None = None


class WarehousesDeliveryOptionsDTO(WireModel):
    warehouse_id: int
    delivery_options: WarehouseDeliveryOptionsDTO
    items: list[BasicOrderItemDTO]


class GetDeliveryOptionsDTO(WireModel):
    warehouses_delivery_options: list[WarehousesDeliveryOptionsDTO]


class GetDeliveryOptionsResponse(ApiResponse):
    result: GetDeliveryOptionsDTO


class CreateOrderItemDTO(BasicOrderItemDTO):
    price: CurrencyPriceDTO


class CreateOrderWarehouseItemsDTO(WireModel):
    warehouse_id: int
    items: list[CreateOrderItemDTO] = Field(min_length=1, max_length=1000)
    delivery_date_interval: DeliveryDateIntervalDTO
    delivery_time_interval: TimeIntervalDTO | None = None


class OrderPickupDeliveryDTO(WireModel):
    logistic_point_id: int


class CourierDeliveryAddressDTO(WireModel):
    full_address: str
    entrance: str | None = None
    floor: int | None = None
    apartment: str | None = None


class OrderCourierDeliveryDTO(WireModel):
    address: CourierDeliveryAddressDTO
    notes: str | None = None


class CreateOrderDeliveryOptionDTO(WireModel):
    pickup_delivery: OrderPickupDeliveryDTO | None = None
    courier_delivery: OrderCourierDeliveryDTO | None = None


class CustomerDTO(WireModel):
    first_name: str
    last_name: str
    middle_name: str | None = None
    phone: str = Field(pattern=r"^\+[0-9]+$")


class CreateOrderPackagingDTO(WireModel):
    package_type: str | None = None


class CreateOrderDTO(WireModel):
    external_order_id: str
    items_delivery: list[CreateOrderWarehouseItemsDTO] = Field(min_length=1, max_length=1000)
    destination: CreateOrderDeliveryOptionDTO
    customer: CustomerDTO
    packaging: CreateOrderPackagingDTO = CreateOrderPackagingDTO()
    payment_type: str = "PREPAID"
    draft: bool | None = None
    fake: bool | None = None


class CreateOrderRequest(WireModel):
    order: CreateOrderDTO


class CreatedOrderDTO(WireModel):
    id: int


class CreatedOrdersDTO(WireModel):
    orders: list[CreatedOrderDTO]


class CreateOrderResponse(ApiResponse):
    result: CreatedOrdersDTO


class DeliveryIntervalsUpdateOptionDTO(WireModel):
    delivery_date_interval: DeliveryDateIntervalDTO
    delivery_time_interval: TimeIntervalDTO


class UpdateOrderDTO(WireModel):
    id: int
    delivery_interval: DeliveryIntervalsUpdateOptionDTO | None = None
    customer: CustomerDTO | None = None


class UpdateOrderRequest(WireModel):
    order: UpdateOrderDTO


class LaasOperationDTO(WireModel):
    id: str
    type: Tolerant[OperationType]


class UpdateOrderResultDTO(WireModel):
    operations: list[LaasOperationDTO]


class UpdateOrderResponse(ApiResponse):
    result: UpdateOrderResultDTO


class GetOrderUpdateOptionsRequest(WireModel):
    id: int


class DeliveryIntervalsUpdateOptionsDTO(WireModel):
    available_delivery_intervals: list[DeliveryIntervalsUpdateOptionDTO]


class OrderUpdateOptionsDTO(WireModel):
    delivery_intervals: DeliveryIntervalsUpdateOptionsDTO


class GetOrderUpdateOptionsResponse(ApiResponse):
    result: OrderUpdateOptionsDTO


class GetOperationsRequest(WireModel):
    operation_type: Tolerant[OperationType]
    operation_ids: list[str] = Field(min_length=1, max_length=100)


class OperationResultDTO(WireModel):
    id: str
    type: Tolerant[OperationType]
    status: Tolerant[OperationStatusType]


class GetOperationsResultDTO(WireModel):
    operations: list[OperationResultDTO]


class GetOperationsResponse(ApiResponse):
    result: GetOperationsResultDTO
