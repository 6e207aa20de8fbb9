"""What the emulator received: every Market request (method and path), in arrival order.

Recorded before fault injection, so a request whose answer was dropped or lost still counts.
Tests use it to prove a mutation went out exactly once (`count("PUT", "/status")`).
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

_KEPT = 10_000  # a long demo run must not grow without bound


@dataclass(frozen=True, slots=True)
class Received:
    method: str
    path: str


class RequestLog:
    """The most recent requests the emulator received (thread-safe: uvicorn runs in a thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: deque[Received] = deque(maxlen=_KEPT)

    def add(self, method: str, path: str) -> None:
        with self._lock:
            self._items.append(Received(method, path))

    def items(self) -> list[Received]:
        with self._lock:
            return list(self._items)

    def count(self, method: str, path_endswith: str = "") -> int:
        """How many `method` requests had a path ending with `path_endswith`."""
        return sum(1 for r in self.items() if r.method == method and r.path.endswith(path_endswith))


class RequestLogMiddleware:
    """ASGI middleware adding every Market request to `log` (the emulator's own `/_sandbox` excluded)."""

    def __init__(self, app: ASGIApp, log: RequestLog) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/_sandbox"):
            self.log.add(scope["method"], scope["path"])
        await self.app(scope, receive, send)
