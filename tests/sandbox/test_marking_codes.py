"""Marking codes in `PUT .../boxes`: one per unit, format checks, duplicates, split units."""

from __future__ import annotations

import httpx

from packstation.sandbox.codes import GS
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import assert_error, box, error_code, put_boxes, whole


def test_one_code_per_unit(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("TSHIRT-M", 2),))
    line = order.lines[0].id
    stock = sandbox.codes_for("TSHIRT-M")
    too_many = put_boxes(api, order, [box(whole(line, 2, cis=stock[:3]))])
    assert_error(too_many, 400, "TOO_MANY_CISES_FOR_ITEM")
    too_few = put_boxes(api, order, [box(whole(line, 2, cis=stock[:1]))])
    assert_error(too_few, 400, "TOO_FEW_CISES_FOR_ITEM")
    assert put_boxes(api, order, [box(whole(line, 2, cis=stock[:2]))]).status_code == 200


def test_uin_count_per_unit(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("EARR-925", 2),))
    response = put_boxes(
        api, order, [box(whole(order.lines[0].id, 2, uin=sandbox.codes_for("EARR-925")[:3]))]
    )
    assert_error(response, 400, "TOO_MANY_UINS_FOR_ITEM")


def test_cis_format_is_checked(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("SHOE-RUN-43", 1),))
    line = order.lines[0].id
    good = sandbox_server.sandbox.codes_for("SHOE-RUN-43")[0]
    for bad in (good.replace(GS, "\\u001d"), "0104601234567893 21abc", "Код маркировки", "21abcdef"):
        response = put_boxes(api, order, [box(whole(line, 1, cis=[bad]))])
        assert response.status_code == 400, bad
        assert error_code(response) == "INVALID_CIS"


def test_uin_rnpt_gtd_and_country_formats(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    ring = sandbox.add_order((("RING-585", 1),))
    response = put_boxes(api, ring, [box(whole(ring.lines[0].id, 1, uin=["12345"]))])
    assert error_code(response) == "INVALID_UIN"
    washer = sandbox.add_order((("WASHER-6KG", 1),))
    entry = {
        "id": washer.lines[0].id,
        "fullCount": 1,
        "instances": [{"rnpt": "1234/56", "countryCode": "TR"}],
    }
    assert error_code(put_boxes(api, washer, [box(entry)])) == "INVALID_RNPT"
    entry["instances"] = [{"rnpt": sandbox.codes_for("WASHER-6KG")[0], "countryCode": "tr"}]
    assert error_code(put_boxes(api, washer, [box(entry)])) == "INVALID_COUNTRY_CODE"
    entry["instances"] = [{"rnpt": sandbox.codes_for("WASHER-6KG")[0], "countryCode": "TR"}]
    assert put_boxes(api, washer, [box(entry)]).status_code == 200
    coffee = sandbox.add_order((("COFFEE-MACH", 1),))
    gtd = {"id": coffee.lines[0].id, "fullCount": 1, "instances": [{"gtd": "10702070/010124/123"}]}
    assert error_code(put_boxes(api, coffee, [box(gtd)])) == "INVALID_GTD"
    gtd["instances"] = [{"gtd": sandbox.codes_for("COFFEE-MACH")[0]}]
    assert (
        error_code(put_boxes(api, coffee, [box(gtd)])) == "COUNTRY_CODE_AND_GTD_ARE_REQUIRED_VALIDATION_ERROR"
    )
    gtd["instances"] = [{"gtd": sandbox.codes_for("COFFEE-MACH")[0], "countryCode": "IT"}]
    assert put_boxes(api, coffee, [box(gtd)]).status_code == 200


def test_instance_fills_exactly_one_field(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("RING-585", 1),))
    entry = {
        "id": order.lines[0].id,
        "fullCount": 1,
        "instances": [{"uin": sandbox.codes_for("RING-585")[0], "cis": sandbox.codes_for("MILK-1L")[0]}],
    }
    response = put_boxes(api, order, [box(entry)])
    assert_error(response, 400, "BAD_REQUEST")


def test_duplicate_cis_within_an_order(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("MILK-1L", 2),))
    code = sandbox.codes_for("MILK-1L")[0]
    response = put_boxes(api, order, [box(whole(order.lines[0].id, 2, cis=[code, code]))])
    assert_error(response, 400, "DUPLICATE_CIS")


def test_duplicate_cis_across_orders(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    first = sandbox.add_order((("MILK-1L", 1),))
    second = sandbox.add_order((("MILK-1L", 1),))
    code = sandbox.codes_for("MILK-1L")[0]
    assert put_boxes(api, first, [box(whole(first.lines[0].id, 1, cis=[code]))]).status_code == 200
    response = put_boxes(api, second, [box(whole(second.lines[0].id, 1, cis=[code]))])
    assert_error(response, 400, "DUPLICATE_CIS")
    # Once the first order is cancelled its codes are free again.
    sandbox.cancel_by_buyer(first.id)
    assert put_boxes(api, second, [box(whole(second.lines[0].id, 1, cis=[code]))]).status_code == 200


def test_duplicate_uin(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("EARR-925", 2),))
    uin = sandbox.codes_for("EARR-925")[0]
    response = put_boxes(api, order, [box(whole(order.lines[0].id, 2, uin=[uin, uin]))])
    assert_error(response, 400, "DUPLICATE_UIN")


def test_split_unit_repeats_its_code_in_every_part(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("SPLIT-09", 2),))
    line = order.lines[0].id
    one, two = sandbox.codes_for("SHOE-RUN-43")[:2]

    def part(current: int, code: str) -> dict[str, object]:
        return {
            "items": [
                {"id": line, "partialCount": {"current": current, "total": 2}, "instances": [{"cis": code}]}
            ]
        }

    mismatched = put_boxes(api, order, [part(1, one), part(2, two), part(1, two), part(2, one)])
    assert_error(mismatched, 400, "INVALID_CIS")
    # Unit k is made of the k-th box of each part: parts may come in any interleaving.
    response = put_boxes(api, order, [part(1, one), part(1, two), part(2, one), part(2, two)])
    assert response.status_code == 200, response.text
    stored = api.get(f"/v2/campaigns/2001/orders/{order.id}").json()["order"]["items"][0]["instances"]
    assert [i["cisFull"] for i in stored] == [one, two]
    assert stored[0]["cis"] == one.split(GS)[0]
