"""Wire models: tolerant enums, ignored extra fields, the Market's date formats, money, and the
enum members this client names all exist in the official spec."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from packstation.market.models import (
    MOSCOW,
    BusinessOrderDTO,
    GetReportInfoResponse,
    OrderDTO,
    OrderStatusType,
    OrderSubstatusType,
    ParcelBoxLabelDTO,
    enums,
)
from tests.market.spec_support import spec_dict

ORDER = {
    "orderId": 42,
    "campaignId": 2001,
    "programType": "EXPRESS",
    "status": "PROCESSING",
    "substatus": "STARTED",
    "creationDate": "2026-11-23T10:00:00+03:00",
    "paymentType": "PREPAID",
    "paymentMethod": "YANDEX",
    "fake": False,
    "items": [{"id": 1, "offerId": "SKU", "offerName": "Чайник", "count": 1}],
    "delivery": {
        "type": "DELIVERY",
        "serviceName": "Экспресс",
        "deliveryServiceId": 1,
        "deliveryPartnerType": "YANDEX_MARKET",
        "dates": {"fromDate": "2026-11-23"},
        "shipment": {"shipmentDate": "2026-11-23", "shipmentTime": "12:30"},
    },
}


def test_unknown_enum_values_are_kept_as_strings_and_known_ones_become_members() -> None:
    order = BusinessOrderDTO.model_validate(
        ORDER | {"status": "TELEPORTED", "substatus": "BEAMING_UP", "programType": "DRONE"}
    )
    assert (order.status, order.substatus, order.program_type) == ("TELEPORTED", "BEAMING_UP", "DRONE")
    known = BusinessOrderDTO.model_validate(ORDER)
    assert known.status is OrderStatusType.PROCESSING
    assert known.substatus is OrderSubstatusType.STARTED


def test_extra_fields_are_ignored_anywhere() -> None:
    payload = ORDER | {"newTopLevel": {"x": 1}}
    payload["items"] = [ORDER["items"][0] | {"surprise": True}]  # type: ignore[index,operator]
    order = BusinessOrderDTO.model_validate(payload)
    assert order.items[0].offer_name == "Чайник"


def test_iso_dates_and_times_parse_and_naive_date_times_are_moscow() -> None:
    order = BusinessOrderDTO.model_validate(ORDER | {"updateDate": "2026-11-23T11:00:00"})
    assert order.creation_date == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert order.update_date is not None
    assert order.update_date.utcoffset() == timedelta(hours=3)
    assert order.delivery.shipment is not None
    assert order.delivery.shipment.shipment_time == time(12, 30)


def test_legacy_dd_mm_yyyy_formats_parse_in_moscow_time() -> None:
    order = OrderDTO.model_validate(
        {
            "id": 7,
            "creationDate": "23-09-2022 09:12:41",
            "delivery": {"shipments": [{"shipmentDate": "24-09-2022", "shipmentTime": "14:00"}]},
        }
    )
    assert order.creation_date == datetime(2022, 9, 23, 9, 12, 41, tzinfo=MOSCOW)
    assert order.delivery is not None
    assert order.delivery.shipments is not None
    assert order.delivery.shipments[0].shipment_date == date(2022, 9, 24)
    assert order.model_dump(mode="json", by_alias=True)["creationDate"] == "23-09-2022 09:12:41"


def test_label_shipment_date_is_dotted() -> None:
    label = ParcelBoxLabelDTO.model_validate(
        {
            "orderId": 1,
            "boxId": 2,
            "fulfilmentId": "1-1",
            "shipmentDate": "05.03.2026",
            "deliveryServiceId": "51",
        },
    )
    assert label.shipment_date == date(2026, 3, 5)
    assert label.delivery_service_id == "51"


@pytest.mark.parametrize("bad", ["2026-13-01", "31-02-2026", "5.3.2026x"])
def test_impossible_dates_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError, match="validation error"):
        ParcelBoxLabelDTO.model_validate(
            {"orderId": 1, "boxId": 2, "fulfilmentId": "1-1", "shipmentDate": bad}
        )


def test_money_is_exact() -> None:
    priced = ORDER["items"][0] | {"prices": {"payment": {"value": 0.1, "currencyId": "RUR"}}}  # type: ignore[index,operator]
    order = BusinessOrderDTO.model_validate(ORDER | {"items": [priced]})
    assert order.items[0].prices is not None
    assert order.items[0].prices.payment is not None
    assert order.items[0].prices.payment.value == Decimal("0.1")


def test_report_info_parses_pending_without_file() -> None:
    info = GetReportInfoResponse.model_validate(
        {"status": "OK", "result": {"status": "PENDING", "generationRequestedAt": "2026-11-23T10:00:00Z"}}
    )
    assert info.result.file is None


def _spec_enum(name: str) -> set[str]:
    return set(spec_dict()["components"]["schemas"][name]["enum"])


CLIENT_ENUMS = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
]


@pytest.mark.parametrize("enum", CLIENT_ENUMS)
def test_every_enum_member_we_name_exists_in_the_spec(enum: type[StrEnum]) -> None:
    assert {member.value for member in enum} <= _spec_enum(enum.__name__)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_format_round_trips(day: date) -> None:
    legacy = OrderDTO.model_validate(
        {"id": 1, "delivery": {"shipments": [{"shipmentDate": day.strftime("%d-%m-%Y")}]}}
    )
    assert legacy.delivery is not None
    assert legacy.delivery.shipments is not None
    assert legacy.delivery.shipments[0].shipment_date == day
    label = ParcelBoxLabelDTO.model_validate(
        {"orderId": 1, "boxId": 1, "fulfilmentId": "1-1", "shipmentDate": day.strftime("%d.%m.%Y")}
    )
    assert label.shipment_date == day
    assert label.model_dump(mode="json", by_alias=True)["shipmentDate"] == day.strftime("%d.%m.%Y")


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ_", min_size=1, max_size=30))
def test_any_status_value_is_accepted(value: str) -> None:
    order = BusinessOrderDTO.model_validate(ORDER | {"status": value, "substatus": value})
    assert order.status == value
    assert order.substatus == value
