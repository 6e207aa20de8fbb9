"""The one rule for "did the request go through", and the Market errors implementing the contract."""

from __future__ import annotations

import pytest

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.remote import Delivery, RemoteError, delivery_of, has_code
from packstation.market.errors import (
    ApiErrorItem,
    BadRequestError,
    ConnectionFailedError,
    ForbiddenError,
    InvalidResponseError,
    MarketTimeoutError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    UnauthorizedError,
    UnexpectedStatusError,
    error_for_status,
)


@pytest.mark.parametrize(
    ("error", "delivery"),
    [
        (None, Delivery.SENT),
        (BadRequestError((ApiErrorItem("INVALID_CIS", "bad"),)), Delivery.REFUSED),
        (NotFoundError(), Delivery.REFUSED),
        (UnexpectedStatusError(405), Delivery.REFUSED),
        (UnauthorizedError(), Delivery.UNKNOWN),
        (ForbiddenError(), Delivery.UNKNOWN),
        (RateLimitedError(60), Delivery.UNKNOWN),
        (ServerError(503), Delivery.UNKNOWN),
        (MarketTimeoutError(), Delivery.UNKNOWN),
        (ConnectionFailedError("down"), Delivery.UNKNOWN),
        (InvalidResponseError("not json", status_code=200), Delivery.UNKNOWN),
        (PackstationError(QT_TRANSLATE_NOOP("Tests", "failure")), Delivery.UNKNOWN),
        (RuntimeError("bug"), Delivery.UNKNOWN),
    ],
)
def test_only_a_4xx_refusal_is_final(error: BaseException | None, delivery: Delivery) -> None:
    assert delivery_of(error) is delivery


def test_market_errors_carry_the_contract_as_typed_attributes() -> None:
    limited = error_for_status(429, (), retry_after=90.0)
    assert isinstance(limited, RemoteError)
    assert limited.rate_limited
    assert limited.retryable
    assert limited.retry_after == 90.0
    refused = error_for_status(400, (ApiErrorItem("CIS_VALIDATION_IN_PROGRESS_ERROR", "wait"),))
    assert refused.codes == ("CIS_VALIDATION_IN_PROGRESS_ERROR",)
    assert has_code(refused, frozenset({"CIS_VALIDATION_IN_PROGRESS_ERROR"}))
    assert not has_code(
        PackstationError(QT_TRANSLATE_NOOP("Tests", "b")), frozenset({"CIS_VALIDATION_IN_PROGRESS_ERROR"})
    )
    assert ConnectionFailedError().unreachable
    assert ServerError(502).unreachable
    assert not BadRequestError().unreachable
    assert not UnauthorizedError().rate_limited
