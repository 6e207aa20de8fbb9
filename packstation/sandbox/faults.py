"""Fault injection: latency, 5xx, 420 throttling with rate-limit headers, the Market's parallel
request limit, dropped connections, lost answers and slow PDFs, each configurable per run and per
endpoint.

Text form (CLI `--faults`, `SandboxConfig(faults=...)`): comma-separated `name=value`, each
optionally limited to paths containing a substring with `@`:

    latency=0.2,5xx=0.1@/boxes,420=0.05,parallel=4,drop=0.02@/labels,lost=1@/status,slow_pdf=3

`latency`/`slow_pdf` are seconds, `5xx`/`420`/`drop`/`lost` are probabilities, `parallel` a count.
`drop` announces a body and sends less: over real HTTP uvicorn then closes the connection (the
client sees a broken response); in-process (ASGITransport) the body simply arrives cut short.
The request never reaches the emulator. `lost` ("applied, but the answer was lost") lets the
emulator handle the request first (a mutation is applied, e.g. the layout stored or the status
changed) and then breaks the response the same way: the client cannot tell it from `drop`, only
reading the order back shows what happened.
"""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from email.utils import format_datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from packstation.sandbox.clock import SandboxClock
from packstation.sandbox.quotas import error_messages, find_limit, limit_key

_NAMES = {"latency", "5xx", "420", "parallel", "drop", "lost", "slow_pdf"}


class AnswerLostFault(Exception):  # noqa: N818 - an injected fault, not an error of the emulator
    """Raised through the server after a `lost` fault broke the response (closes the connection)."""


class FaultSpecError(ValueError):
    """The fault text could not be parsed (message names the bad part)."""


@dataclass(frozen=True, slots=True)
class Fault:
    name: str
    value: float
    path_contains: str = ""

    def applies(self, path: str) -> bool:
        return self.path_contains in path


@dataclass(frozen=True, slots=True)
class FaultSpec:
    """A set of faults; empty means a well-behaved Market."""

    faults: tuple[Fault, ...] = field(default_factory=tuple)

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        """Parse the text form; raise FaultSpecError on unknown names or bad numbers."""
        faults = []
        for part in filter(None, (p.strip() for p in text.split(","))):
            name, sep, rest = part.partition("=")
            value_text, _, path = rest.partition("@")
            name = name.strip()
            if not sep or name not in _NAMES:
                raise FaultSpecError(f"unknown fault {part!r}; known: {', '.join(sorted(_NAMES))}")
            try:
                value = float(value_text)
            except ValueError as error:
                raise FaultSpecError(f"fault {name} needs a number, got {value_text!r}") from error
            if value < 0 or (name in ("5xx", "420", "drop", "lost") and value > 1):
                raise FaultSpecError(f"fault {name}={value} is out of range")
            faults.append(Fault(name, value, path.strip()))
        return cls(tuple(faults))

    def value(self, name: str, path: str) -> float:
        """The strongest value of fault `name` for `path` (0 when none applies)."""
        return max((f.value for f in self.faults if f.name == name and f.applies(path)), default=0.0)


class FaultMiddleware:
    """ASGI middleware applying a FaultSpec to every Market request (seeded, reproducible)."""

    def __init__(self, app: ASGIApp, spec: FaultSpec, seed: int, clock: SandboxClock | None = None) -> None:
        self.app = app
        self.spec = spec
        self.clock = clock or SandboxClock()
        self._rng = random.Random(f"faults-{seed}")
        self._in_flight: dict[str, int] = defaultdict(int)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.spec.faults or scope["path"].startswith("/_sandbox"):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limit = int(self.spec.value("parallel", path))
        key = limit_key(path)
        if limit and self._in_flight[key] >= limit:
            message = f"Hit rate limit of {limit} parallel requests for {key}"
            await _send_all(send, error_messages(420, "REQUEST_LIMIT_EXCEEDED", message))
            return
        self._in_flight[key] += 1
        try:
            await self._faulty(scope, receive, send, path)
        finally:
            self._in_flight[key] -= 1

    async def _faulty(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        latency = self.spec.value("latency", path)
        if latency:
            await asyncio.sleep(latency)
        if self._rng.random() < self.spec.value("420", path):
            limit = find_limit(scope["method"], path)
            until = format_datetime((self.clock.now() + timedelta(seconds=30)).astimezone(UTC), usegmt=True)
            headers = [
                (b"x-ratelimit-resource-limit", str(limit.amount if limit else 10000).encode()),
                (b"x-ratelimit-resource-remaining", b"0"),
                (b"x-ratelimit-resource-until", until.encode()),
            ]
            await _send_all(
                send, error_messages(420, "REQUEST_LIMIT_EXCEEDED", "Request limit exceeded", headers)
            )
            return
        if self._rng.random() < self.spec.value("5xx", path):
            await _send_all(send, error_messages(500, "INTERNAL_ERROR", "Internal server error (injected)"))
            return
        if self._rng.random() < self.spec.value("drop", path):
            await _send_broken(send)
            return
        lost = self.spec.value("lost", path)
        # Drawn only when configured, so adding the fault leaves other runs' sequences unchanged.
        if lost and self._rng.random() < lost:
            await self.app(scope, receive, _LostAnswerSend(send))
            return
        slow_pdf = self.spec.value("slow_pdf", path)
        await self.app(scope, receive, _SlowPdfSend(send, slow_pdf) if slow_pdf else send)


async def _send_all(send: Send, messages: list[Message]) -> None:
    for message in messages:
        await send(message)


async def _send_broken(send: Send) -> None:
    """Announce a body and send less: the server closes the connection mid-response."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
        }
    )
    await send({"type": "http.response.body", "body": b"{", "more_body": False})


class _LostAnswerSend:
    """Swallows the emulator's real answer (already applied) and sends a broken one instead."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._broken = False

    async def __call__(self, message: Message) -> None:
        if message["type"] != "http.response.body" or message.get("more_body", False) or self._broken:
            return
        self._broken = True
        try:
            await _send_broken(self._send)
        except Exception as error:
            # The server refuses to end a short body and closes the connection: the broken answer
            # wanted. Re-raised as what it is, so the emulator does not log it as its own failure.
            raise AnswerLostFault from error


class _SlowPdfSend:
    """Delays the body of PDF responses (labels, acts) by a fixed number of seconds."""

    def __init__(self, send: Send, delay: float) -> None:
        self._send = send
        self._delay = delay
        self._is_pdf = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._is_pdf = any(
                k == b"content-type" and v.startswith(b"application/pdf") for k, v in message["headers"]
            )
        elif message["type"] == "http.response.body" and self._is_pdf:
            await asyncio.sleep(self._delay)
        await self._send(message)
