"""Builders and assertions shared by the sandbox rule tests."""

from __future__ import annotations

from typing import Any

import httpx

from packstation.sandbox.demo_data import DEMO_CAMPAIGN_ID
from packstation.sandbox.model import Order


def order_path(order: Order | int, campaign_id: int = DEMO_CAMPAIGN_ID) -> str:
    order_id = order if isinstance(order, int) else order.id
    return f"/v2/campaigns/{campaign_id}/orders/{order_id}"


def put_boxes(
    api: httpx.Client, order: Order, boxes: list[Any], *, allow_remove: bool | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"boxes": boxes}
    if allow_remove is not None:
        body["allowRemove"] = allow_remove
    return api.put(f"{order_path(order, order.campaign_id)}/boxes", json=body)


def whole(line_id: int, count: int, **instances: list[str]) -> dict[str, Any]:
    """A whole-goods entry; `cis=[...]` / `uin=[...]` add one instance per code."""
    entry: dict[str, Any] = {"id": line_id, "fullCount": count}
    codes = [{kind: value} for kind, values in instances.items() for value in values]
    if codes:
        entry["instances"] = codes
    return entry


def box(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"items": list(entries)}


def set_status(api: httpx.Client, order: Order, status: str, substatus: str | None) -> httpx.Response:
    return api.put(
        f"{order_path(order, order.campaign_id)}/status",
        json={"order": {"status": status, "substatus": substatus}},
    )


def error_code(response: httpx.Response) -> str:
    body = response.json()
    assert body["status"] == "ERROR"
    code: str = body["errors"][0]["code"]
    return code


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    """The response is the Market's error envelope with this HTTP status and error code."""
    assert response.status_code == status, response.text
    assert error_code(response) == code, response.text
