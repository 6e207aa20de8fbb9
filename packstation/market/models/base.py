"""Shared building blocks of the wire models: camelCase aliases, tolerant enums, money and the
Market's several date formats.

Every model ignores unknown fields (the Market adds fields without notice) and every enum-typed
field keeps unknown values as plain strings (statuses and substatuses grow over time).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer
from pydantic.alias_generators import to_camel

from packstation.domain.time import MOSCOW


class WireModel(BaseModel):
    """Base of all wire models: snake_case in Python, the spec's camelCase on the wire."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="ignore",
        frozen=True,
        # ~140 models: building each validator on first use, not at import, keeps ~0.2 s off the
        # app's start-up (a session uses a handful of them).
        defer_build=True,
    )

    def wire(self) -> dict[str, Any]:
        """The JSON-ready request body: camelCase keys, no unset optional fields."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


E = TypeVar("E", bound=StrEnum)
Tolerant = Annotated[E | str, Field(union_mode="left_to_right")]
"""An enum field that keeps values the spec does not list yet as plain strings."""


def _money(value: Any) -> Any:
    # Floats from JSON go through str() so 0.1 stays Decimal("0.1"), not its binary expansion.
    return Decimal(str(value)) if isinstance(value, float) else value


Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    PlainSerializer(float, return_type=float, when_used="json"),
]
"""A price: exact in Python, a JSON number on the wire (the spec types money as `number`)."""


def _parse_dmy(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 10 and value[2] == "-" and value[5] == "-":
        return datetime.strptime(value, "%d-%m-%Y").date()
    return value


def _parse_dotted(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 10 and value[2] == "." and value[5] == ".":
        return datetime.strptime(value, "%d.%m.%Y").date()
    return value


def _parse_dmy_time(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 19 and value[2] == "-" and value[5] == "-":
        return datetime.strptime(value, "%d-%m-%Y %H:%M:%S").replace(tzinfo=MOSCOW)
    return value


DateDMY = Annotated[
    date,
    BeforeValidator(_parse_dmy),
    PlainSerializer(lambda d: d.strftime("%d-%m-%Y"), return_type=str, when_used="json"),
]
"""`DD-MM-YYYY` (legacy order model, `format: date-dd-MM-yyyy`); ISO dates are accepted too."""

DateDotted = Annotated[
    date,
    BeforeValidator(_parse_dotted),
    PlainSerializer(lambda d: d.strftime("%d.%m.%Y"), return_type=str, when_used="json"),
]
"""`dd.MM.yyyy` (label data `shipmentDate`); ISO dates are accepted too."""

DateTimeDMY = Annotated[
    datetime,
    BeforeValidator(_parse_dmy_time),
    PlainSerializer(
        lambda d: d.astimezone(MOSCOW).strftime("%d-%m-%Y %H:%M:%S"), return_type=str, when_used="json"
    ),
]
"""`DD-MM-YYYY HH:mm:ss` in Moscow time (legacy order model); ISO date-times are accepted too."""


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=MOSCOW)


MarketDateTime = Annotated[datetime, AfterValidator(_aware)]
"""An ISO 8601 date-time; one without an offset is Moscow time (the Market's clock)."""


class ApiResponse(WireModel):
    """The envelope `{status: OK|ERROR}` most operations wrap their `result` in."""

    status: str = "OK"


class ApiErrorDTO(WireModel):
    code: str = ""
    message: str = ""


class ApiErrorResponse(ApiResponse):
    """The body of every 4xx/5xx JSON answer."""

    errors: list[ApiErrorDTO] | None = None


class ForwardPager(WireModel):
    """`PackagingForwardScrollingPagerDTO`: an empty or missing token means the last page."""

    next_page_token: str | None = None


class CurrencyValueDTO(WireModel):
    value: Money
    currency_id: str


__all__ = [
    "MOSCOW",
    "ApiErrorDTO",
    "ApiErrorResponse",
    "ApiResponse",
    "CurrencyValueDTO",
    "DateDMY",
    "DateDotted",
    "DateTimeDMY",
    "ForwardPager",
    "MarketDateTime",
    "Money",
    "Tolerant",
    "WireModel",
]
