"""The Market's per-method resource limits (`x-resource-limit-config` of the spec): every
response carries `X-RateLimit-Resource-Limit/-Remaining/-Until`, and a call beyond the limit
gets 420 with the error envelope. Limits count per method and per campaign or business (or per
token for other paths) in fixed windows of the sandbox clock. Each call counts one unit
(the Market counts updateOrderStatuses per order; a call here is the sandbox's approximation).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from packstation.sandbox.clock import SandboxClock

_HOUR, _MINUTE = 3600, 60
_C = "/v2/campaigns/{campaignId}"
_O = _C + "/orders/{orderId}"
_FM = _C + "/first-mile/shipments"
# (method, path template, amount, window seconds) from the bundled spec, tier "none".
_LIMITS: tuple[tuple[str, str, int, int], ...] = (
    ("POST", "/v2/auth/token", 100, _HOUR),
    ("GET", "/v2/campaigns", 1000, _HOUR),
    ("GET", _C, 5000, _HOUR),
    ("GET", _C + "/settings", 1000, _HOUR),
    ("POST", "/v1/businesses/{businessId}/orders", 10000, _HOUR),
    ("GET", _C + "/orders", 10000, _HOUR),
    ("GET", _O, 10000, _HOUR),
    ("GET", _O + "/buyer", 3000, _HOUR),
    ("POST", _O + "/business-buyer", 3000, _HOUR),
    ("PUT", _O + "/boxes", 10000, _HOUR),
    ("PUT", _O + "/identifiers", 10000, _HOUR),
    ("POST", _O + "/identifiers/status", 1000, _HOUR),
    ("PUT", _O + "/items", 10000, _HOUR),
    ("POST", _O + "/external-id", 1000, _HOUR),
    ("GET", _O + "/delivery/labels", 10000, _HOUR),
    ("GET", _O + "/delivery/labels/data", 10000, _HOUR),
    ("GET", _O + "/delivery/shipments/{shipmentId}/boxes/{boxId}/label", 10000, _HOUR),
    ("POST", "/v2/reports/documents/labels/generate", 1000, _HOUR),
    ("POST", "/v2/reports/documents/shipment-list/generate", 200, _HOUR),
    ("GET", "/v2/reports/info/{reportId}", 100, _MINUTE),
    ("PUT", _O + "/status", 10000, _HOUR),
    ("POST", _C + "/orders/status-update", 10000, _HOUR),
    ("PUT", _O + "/cancellation/accept", 500, _HOUR),
    ("PUT", _O + "/verifyEac", 10000, _HOUR),
    ("PUT", _O + "/delivery/date", 10000, _HOUR),
    ("POST", _O + "/delivery/track", 10000, _HOUR),
    ("PUT", _O + "/delivery/storage-limit", 10000, _HOUR),
    ("GET", "/v2/delivery/services", 5000, _HOUR),
    ("PUT", _FM, 200, _HOUR),
    ("GET", _FM + "/{shipmentId}", 200, _HOUR),
    ("GET", _FM + "/{shipmentId}/orders/info", 200, _HOUR),
    ("POST", _FM + "/{shipmentId}/confirm", 200, _HOUR),
    ("GET", _FM + "/{shipmentId}/act", 200, _HOUR),
    ("GET", _FM + "/{shipmentId}/inbound-act", 200, _HOUR),
    ("GET", _FM + "/{shipmentId}/transportation-waybill", 200, _HOUR),
    ("GET", _FM + "/{shipmentId}/discrepancy-act", 200, _HOUR),
    ("PUT", _FM + "/{shipmentId}/pallets", 200, _HOUR),
    ("GET", _FM + "/{shipmentId}/pallet/labels", 200, _HOUR),
    ("GET", _C + "/shipments/reception-transfer-act", 200, _HOUR),
    ("POST", "/v1/campaigns/{campaignId}/delivery-options", 1000, _MINUTE),
    ("POST", "/v1/campaigns/{campaignId}/orders/create", 10000, _HOUR),
    ("POST", "/v1/campaigns/{campaignId}/orders/update", 10000, _HOUR),
    ("POST", "/v1/campaigns/{campaignId}/orders/update-options", 10000, _HOUR),
    ("POST", "/v1/businesses/{businessId}/operations", 1000, _HOUR),
    ("POST", _C + "/stats/orders", 10000, _HOUR),
    ("POST", "/v2/businesses/{businessId}/offer-mappings", 100, _MINUTE),
)


_SCOPE_KEY = re.compile(r"/(campaigns|businesses)/(\d+)")


def limit_key(path: str) -> str:
    """What the Market's limits count per: the campaign, the business, else the token."""
    match = _SCOPE_KEY.search(path)
    if match is None:
        return "token"
    return f"{'campaignId' if match.group(1) == 'campaigns' else 'businessId'} {match.group(2)}"


def error_messages(
    status: int, code: str, message: str, headers: list[tuple[bytes, bytes]] | None = None
) -> list[Message]:
    """The ASGI messages of a Market error response (for middleware that answers by itself)."""
    body = json.dumps({"status": "ERROR", "errors": [{"code": code, "message": message}]}).encode()
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    head += headers or []
    return [
        {"type": "http.response.start", "status": status, "headers": head},
        {"type": "http.response.body", "body": body},
    ]


@dataclass(frozen=True, slots=True)
class Limit:
    method: str
    template: str
    pattern: re.Pattern[str]
    amount: int
    window: int


LIMITS = tuple(
    Limit(method, template, re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"), amount, window)
    for method, template, amount, window in _LIMITS
)


def find_limit(method: str, path: str) -> Limit | None:
    """The limit of the method serving `method path` (templates are unambiguous per method)."""
    return next((limit for limit in LIMITS if limit.method == method and limit.pattern.match(path)), None)


def _window_end(now: datetime, window: int) -> datetime:
    start = now.replace(microsecond=0) - timedelta(seconds=int(now.timestamp()) % window)
    return start + timedelta(seconds=window)


class QuotaMiddleware:
    """Counts calls per method and scope in clock-aligned windows; adds the rate-limit headers."""

    def __init__(self, app: ASGIApp, clock: SandboxClock, enabled: bool = True) -> None:
        self.app = app
        self.clock = clock
        self.enabled = enabled
        self._used: dict[tuple[str, str, datetime], int] = defaultdict(int)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = find_limit(scope["method"], scope["path"]) if scope["type"] == "http" else None
        if limit is None:
            await self.app(scope, receive, send)
            return
        until = _window_end(self.clock.now(), limit.window)
        scope_key = limit_key(scope["path"])
        key = (limit.template, scope_key, until)
        used = self._used[key]
        headers = [
            (b"x-ratelimit-resource-limit", str(limit.amount).encode()),
            (b"x-ratelimit-resource-remaining", str(max(limit.amount - used - 1, 0)).encode()),
            (b"x-ratelimit-resource-until", format_datetime(until).encode()),
        ]
        if self.enabled and used >= limit.amount:
            period = "hour" if limit.window == _HOUR else "minute"
            message = f"Hit rate limit of {limit.amount} requests per {period} for {scope_key}"
            for part in error_messages(420, "REQUEST_LIMIT_EXCEEDED", message, headers):
                await send(part)
            return
        self._used[key] = used + 1

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message, headers=[*message.get("headers", []), *headers])
            await send(message)

        await self.app(scope, receive, with_headers)
