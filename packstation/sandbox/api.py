"""Request/response plumbing shared by the sandbox routes: envelopes, JSON bodies, integer path
parameters, opaque page tokens, and the `Api-Key` check."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.state import Sandbox


def state(request: Request) -> Sandbox:
    sandbox: Sandbox = request.app.state.sandbox
    return sandbox


def wrapped(result: Any = None) -> JSONResponse:
    """The `{status: OK, result}` envelope (result omitted for empty answers)."""
    body: dict[str, Any] = {"status": "OK"}
    if result is not None:
        body["result"] = result
    return JSONResponse(body)


def plain(body: dict[str, Any]) -> JSONResponse:
    """An unwrapped answer (getCampaigns, getOrders, getBusinessOrders, updateOrderStatus ...)."""
    return JSONResponse(body)


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status)


def pdf(content: bytes, filename: str) -> Response:
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def body_json(request: Request, *, optional: bool = False) -> Any:
    """The JSON body; 400 when it is missing (unless optional) or not JSON."""
    raw = await request.body()
    if not raw.strip():
        if optional:
            return {}
        raise bad_request("BAD_REQUEST", "Request body is required")
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise bad_request("BAD_REQUEST", f"Malformed JSON: {error}") from error


def body_object(body: Any, name: str) -> dict[str, Any]:
    """The JSON object `name` of a request body; 400 when it is missing or not an object."""
    value = body.get(name) if isinstance(body, dict) else None
    if not isinstance(value, dict):
        raise bad_request("BAD_REQUEST", f"{name} is required")
    return value


def path_int(request: Request, name: str) -> int:
    value = request.path_params[name]
    try:
        number = int(value)
    except ValueError as error:
        raise bad_request("BAD_REQUEST", f"{name} must be an integer") from error
    if number < 1:
        raise bad_request("BAD_REQUEST", f"{name} must be positive")
    return number


def query_limit(request: Request, default: int | None, maximum: int, *, truncate: bool) -> int:
    """`limit`: clipped to `maximum` when the spec says truncateLimit, else 400 beyond it."""
    raw = request.query_params.get("limit")
    if raw is None:
        if default is None:
            return maximum
        return default
    try:
        limit = int(raw)
    except ValueError as error:
        raise bad_request("INVALID_QUERY_PARAMETER", "limit must be an integer") from error
    if limit < 1 or (limit > maximum and not truncate):
        raise bad_request("INVALID_QUERY_PARAMETER", f"limit must be between 1 and {maximum}")
    return min(limit, maximum)


def encode_token(offset: int, kind: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": kind, "o": offset}).encode()).decode().rstrip("=")


def decode_token(request: Request, kind: str) -> int:
    """The offset in an opaque `pageToken` (alias `page_token`); 400 for a foreign or bad token."""
    token = request.query_params.get("pageToken") or request.query_params.get("page_token")
    if not token:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if data["k"] != kind or not isinstance(data["o"], int) or data["o"] < 0:
            raise ValueError(token)
        return int(data["o"])
    except (ValueError, KeyError, TypeError, binascii.Error, json.JSONDecodeError) as error:
        raise bad_request("INVALID_QUERY_PARAMETER", "pageToken is invalid") from error


def page(items: list[Any], offset: int, limit: int, kind: str) -> tuple[list[Any], dict[str, str]]:
    """One page of `items` and the `paging` block (no nextPageToken on the last page)."""
    chunk = items[offset : offset + limit]
    paging = {"nextPageToken": encode_token(offset + limit, kind)} if offset + limit < len(items) else {}
    return chunk, paging


class ApiKeyMiddleware:
    """`Api-Key` auth: none -> 401; in strict mode a key other than the configured one -> 403.
    Demo mode accepts any key (and an OAuth `Authorization` header)."""

    def __init__(self, app: ASGIApp, strict_key: str | None) -> None:
        self.app = app
        self.strict_key = strict_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_sandbox/"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        key = headers.get("api-key", "").strip()
        oauth = headers.get("authorization", "").strip()
        error: ApiError | None = None
        if not key and not oauth:
            error = ApiError(401, "UNAUTHORIZED", "Api-Key header is required")
        elif self.strict_key is not None and key != self.strict_key:
            error = ApiError(403, "FORBIDDEN", "Api-Key is invalid or has no access")
        if error is not None:
            await error_response(error)(scope, receive, send)
            return
        await self.app(scope, receive, send)
