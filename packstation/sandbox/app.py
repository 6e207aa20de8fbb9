"""The sandbox ASGI application: `create_app(config)` builds a Starlette app whose
`app.state.sandbox` is the stateful emulator (see `state.Sandbox` for the event methods)."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from packstation.sandbox import (
    routes_docs,
    routes_extra,
    routes_laas,
    routes_orders,
    routes_packing,
    shipments,
)
from packstation.sandbox.api import ApiKeyMiddleware, error_response
from packstation.sandbox.config import SandboxConfig, default_failure_rule
from packstation.sandbox.date_header import DateHeaderMiddleware
from packstation.sandbox.errors import ApiError
from packstation.sandbox.faults import AnswerLostFault, FaultMiddleware
from packstation.sandbox.quotas import QuotaMiddleware
from packstation.sandbox.request_log import RequestLogMiddleware
from packstation.sandbox.state import Sandbox

__all__ = ["SandboxConfig", "create_app", "default_failure_rule"]

log = logging.getLogger(__name__)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    codes = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
    return error_response(
        ApiError(exc.status_code, codes.get(exc.status_code, "BAD_REQUEST"), str(exc.detail))
    )


async def _crash(request: Request, exc: Exception) -> Response:
    if isinstance(exc, AnswerLostFault):
        log.info("answer to %s %s lost on purpose (fault injection)", request.method, request.url.path)
        return Response(status_code=500)  # never sent: the response had started
    log.exception("sandbox handler failed on %s %s", request.method, request.url.path)
    return error_response(ApiError(500, "INTERNAL_ERROR", "Internal server error"))


async def _health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "OK"})


def create_app(config: SandboxConfig | None = None) -> Starlette:
    """Build the emulator for one run.

    Args:
        config: seed, auth, faults, timing and rules; defaults to seed 1, any key, no faults.

    Returns:
        A Starlette app; `app.state.sandbox` is the `Sandbox` holding orders and events.
    """
    config = config or SandboxConfig()
    sandbox = Sandbox(config)
    routes = [
        *routes_orders.ROUTES,
        *routes_packing.ROUTES,
        *routes_docs.ROUTES,
        *routes_extra.ROUTES,
        *routes_laas.ROUTES,
        *shipments.ROUTES,
        Route("/_sandbox/health", _health, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(DateHeaderMiddleware, clock=sandbox.clock),
            Middleware(RequestLogMiddleware, log=sandbox.received),
            Middleware(FaultMiddleware, spec=config.fault_spec(), seed=config.seed, clock=sandbox.clock),
            Middleware(ApiKeyMiddleware, strict_key=config.strict_key),
            Middleware(QuotaMiddleware, clock=sandbox.clock, enabled=config.quotas),
        ],
        exception_handlers={ApiError: _api_error, HTTPException: _http_error, Exception: _crash},
    )
    app.state.sandbox = sandbox
    return app
