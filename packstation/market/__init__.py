"""The async Yandex Market Partner API client: one shared httpx.AsyncClient, pydantic wire models
named as the official spec names them, a typed error tree with messages for the packer, safe
retries, rate-limit handling and the parallel-request cap, plus the gateway that maps wire models
to domain values for the services.
"""

from packstation.market.client import MarketClient
from packstation.market.errors import (
    ApiErrorItem,
    BadRequestError,
    ConnectionFailedError,
    ForbiddenError,
    InvalidResponseError,
    MarketError,
    MarketTimeoutError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    UnauthorizedError,
    UnexpectedStatusError,
)
from packstation.market.gateway import MarketGateway
from packstation.market.layout_wire import layout_json, layout_to_wire
from packstation.market.transport import DEFAULT_BASE_URL, RetryPolicy

__all__ = [
    "DEFAULT_BASE_URL",
    "ApiErrorItem",
    "BadRequestError",
    "ConnectionFailedError",
    "ForbiddenError",
    "InvalidResponseError",
    "MarketClient",
    "MarketError",
    "MarketGateway",
    "MarketTimeoutError",
    "NotFoundError",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "UnauthorizedError",
    "UnexpectedStatusError",
    "layout_json",
    "layout_to_wire",
]
