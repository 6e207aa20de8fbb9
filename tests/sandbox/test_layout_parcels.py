"""Part boxes of goods that travel in several parcels, as the Market takes them (seeds/001): one
part box per parcel, every part 1..N once per unit, and the unit's one code in each of its parts."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import httpx

from packstation.sandbox import codes
from packstation.sandbox.model import CIS, Order
from packstation.sandbox.state import Sandbox
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import error_code, put_boxes


def marked_wardrobes(sandbox: Sandbox, count: int = 1) -> tuple[Order, list[str]]:
    """A business order of wardrobes (3 parcels each) that need a Chestny Znak code, and codes."""
    order = sandbox.add_order((("WARDROBE-3", count),), buyer_type="BUSINESS")
    line = order.lines[0]
    shape = next(p.cis_shape for p in sandbox.catalogue.values() if p.cis_shape is not None)
    assert shape is not None
    line.product = dataclasses.replace(line.product, required=(CIS,), cis_shape=shape)
    rng = random.Random(7)
    return order, [codes.make_cis(rng, line.product.gtin14, shape.serial_len, shape.short_tail) for _ in "ab"]


def part(line_id: int, current: int, code: str | None, total: int = 3) -> dict[str, Any]:
    item: dict[str, Any] = {"id": line_id, "partialCount": {"current": current, "total": total}}
    if code is not None:
        item["instances"] = [{"cis": code}]
    return {"items": [item]}


def test_three_part_boxes_carry_the_units_one_code(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order, (code, _) = marked_wardrobes(sandbox)
    line = order.lines[0].id
    response = put_boxes(api, order, [part(line, k, code) for k in (1, 2, 3)])
    assert response.status_code == 200, response.text
    boxes = response.json()["result"]["boxes"]
    assert len({b["boxId"] for b in boxes}) == 3  # one label per parcel
    assert [record.value for record in sandbox.find(order.id).codes] == [code]  # one unit, one code


def test_two_units_pair_their_parts_in_order(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order, (first, second) = marked_wardrobes(sandbox_server.sandbox, count=2)
    line = order.lines[0].id
    layout = [part(line, k, first) for k in (1, 2, 3)] + [part(line, k, second) for k in (1, 2, 3)]
    assert put_boxes(api, order, layout).status_code == 200
    # The same code on both units is one code used twice: refused where codes are mandatory.
    repeated = [part(line, k, first) for k in (1, 2, 3)] * 2
    response = put_boxes(api, order, repeated)
    assert response.status_code == 400
    assert error_code(response) == "DUPLICATE_CIS"


def test_a_part_without_the_units_code_is_refused(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order, (code, other) = marked_wardrobes(sandbox_server.sandbox)
    line = order.lines[0].id
    for last in (None, other):
        response = put_boxes(api, order, [part(line, 1, code), part(line, 2, code), part(line, 3, last)])
        assert response.status_code == 400, last
        assert "same code in all its parts" in response.json()["errors"][0]["message"]


def test_parts_of_one_item_share_one_total(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order, (code, _) = marked_wardrobes(sandbox_server.sandbox)
    line = order.lines[0].id
    layout = [part(line, 1, code), part(line, 2, code, total=2), part(line, 3, code)]
    response = put_boxes(api, order, layout)
    assert response.status_code == 400
    assert "same total" in response.json()["errors"][0]["message"]
