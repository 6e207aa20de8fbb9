"""Every sandbox answer carries `Date` from the sandbox clock, as the Market's answers carry its
own clock: the rate-limit instants (`X-RateLimit-Resource-Until`, `Retry-After`) are read against
it, so a frozen or advanced sandbox clock stays consistent with the instants it hands out.
(uvicorn's own `Date`, real time, is switched off wherever the sandbox is served.)"""

from __future__ import annotations

from datetime import UTC
from email.utils import format_datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from packstation.sandbox.clock import SandboxClock


def http_date(clock: SandboxClock) -> str:
    """The sandbox's now as an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`)."""
    return format_datetime(clock.now().astimezone(UTC), usegmt=True)


class DateHeaderMiddleware:
    """Sets `Date: <sandbox now>` on every HTTP response."""

    def __init__(self, app: ASGIApp, clock: SandboxClock) -> None:
        self.app = app
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def dated(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                message = dict(message, headers=[*headers, (b"date", http_date(self.clock).encode())])
            await send(message)

        await self.app(scope, receive, dated)
