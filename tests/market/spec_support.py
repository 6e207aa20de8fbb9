"""The bundled official spec for contract tests: loaded once, plus an httpx -> openapi-core
request adapter and a recorder transport that captures what the client sends."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

DATA = Path(__file__).resolve().parent / "data"
SPEC_PATH = DATA / "market-openapi.yaml"  # vendored, BSD-3 (LICENSE beside it)
SPEC_SERVER = "https://api.partner.market.yandex.ru"


@cache
def spec_dict() -> dict[str, Any]:
    """The parsed spec (loaded once per test session)."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


@cache
def openapi() -> OpenAPI:
    return OpenAPI.from_dict(spec_dict())


class HttpxOpenAPIRequest:
    """openapi-core's Request protocol over an `httpx.Request`."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return f"{self._request.url.scheme}://{self._request.url.netloc.decode()}"

    @property
    def path(self) -> str:
        return self._request.url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return self._request.headers.get("content-type", "").lower()


class HttpxOpenAPIResponse:
    """openapi-core's Response protocol over an `httpx.Response`."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self.headers = Headers(list(response.headers.items()))

    @property
    def data(self) -> bytes:
        return self._response.content

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        return self._response.headers.get("content-type", "").lower()


# The spec's fulfilmentId pattern `^[[a-zA-Z0-9]- ]*$` is malformed upstream (NOTES 2(f) 12): Python
# warns about the nested set whenever the validator compiles it, hence the filters below.


def validate_request(request: httpx.Request) -> None:
    """Raise if `request` does not conform to the official spec (path, query, headers, body)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Possible nested set", FutureWarning)
        # The per-box label path still requires the ignored, deprecated `shipmentId`.
        warnings.filterwarnings("ignore", "shipmentId parameter is deprecated", DeprecationWarning)
        openapi().validate_request(HttpxOpenAPIRequest(request))


def validate_response(request: httpx.Request, response: httpx.Response) -> None:
    """Raise if `response` is not what the spec allows for `request`."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Possible nested set", FutureWarning)
        openapi().validate_response(HttpxOpenAPIRequest(request), HttpxOpenAPIResponse(response))


_FORMAT_SAMPLES = {
    "date": "2026-11-23",
    "date-time": "2026-11-23T10:15:00+03:00",
    "time": "14:30:00",  # what the OAS 3.0 format checker accepts for `format: time`
    "date-dd-MM-yyyy": "23-11-2026",
    "date-dd-MM-yyyy-HH-mm-ss": "23-11-2026 10:15:00",
    "binary": "",
}


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref") or (schema.get("items") or {}).get("$ref")
    return ref.split("/")[-1] if isinstance(ref, str) else None


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    components = spec_dict()["components"]["schemas"]
    while "$ref" in schema:
        schema = components[schema["$ref"].split("/")[-1]]
    return schema


# Plain-string fields whose text documents a format of their own, and patterned strings.
_NAMED_SAMPLES = {"shipmentDate": "23.11.2026"}
_PATTERN_SAMPLES = {"^([0-1][0-9]|2[0-3]):[0-5][0-9]$": "10:00", "^\\+[0-9]+$": "+79990000000"}


def example_of(schema: dict[str, Any], name: str = "", stack: frozenset[str] = frozenset()) -> Any:
    """A full instance of `schema`: every property present (recursive ones once), the spec's own
    `example` values where it gives them, else the first enum value or a value of the right format."""
    ref = _ref_name(schema) if "$ref" in schema else None
    if ref is not None:
        stack = stack | {ref}
    schema = _resolve(schema)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = example_of(part, name, stack)
            if isinstance(value, dict):
                merged.update(value)
        own = {k: v for k, v in schema.items() if k != "allOf"}
        if "properties" in own:
            merged.update(example_of({"type": "object", **own}, name, stack))
        return merged
    if "example" in schema:
        return schema["example"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "object":
        return {
            key: example_of(prop, key, stack)
            for key, prop in schema.get("properties", {}).items()
            if _ref_name(prop) not in stack  # a recursive property (RegionDTO.parent) is left out
        }
    if kind == "array":
        return [example_of(schema["items"], name, stack)]
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if "pattern" in schema:
        return _PATTERN_SAMPLES.get(schema["pattern"], "sample")
    if "format" in schema:
        return _FORMAT_SAMPLES.get(schema["format"], "sample")
    return _NAMED_SAMPLES.get(name, "sample")


def response_example(op_id: str, status: str = "200") -> Any:
    """An example body for an operation's response, built from its schema."""
    for item in spec_dict()["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == op_id:
                content = _resolve(op["responses"][status]) if "$ref" in op["responses"][status] else None
                response = content or op["responses"][status]
                schema = response["content"]["application/json"]["schema"]
                return example_of(schema)
    raise LookupError(op_id)


Responder = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler that records requests and answers from a per-path table."""

    def __init__(self, answer: Responder) -> None:
        self.requests: list[httpx.Request] = []
        self._answer = answer

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self._answer(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    all_headers = {"content-type": "application/json", **(headers or {})}
    return httpx.Response(status, content=json.dumps(body).encode(), headers=all_headers)
