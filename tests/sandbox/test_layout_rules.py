"""Box-layout rules of `PUT .../boxes`, each checked over HTTP with its status and error code."""

from __future__ import annotations

import httpx

from packstation.sandbox.model import Order
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import assert_error, box, error_code, order_path, put_boxes, set_status, whole

# The three examples of the Market's setOrderBoxLayout docs, byte for byte as published
# (seeds/001): three marked units + one unmarked in one box; one unit in two part boxes;
# two units each in two part boxes.
DOC_EXAMPLE_ONE_BOX = r"""{"boxes": [{"items": [{"id": 123456, "fullCount": 3, "instances": [
{"cis": "01030410947874432155Qbag!\u001d93Zjqw"}, {"cis": "010304109478gftJ14545762!\u001dhGt264"},
{"cis": "010304109478fRs28323ks23!\u001dhet201"}]}, {"id": 654321, "fullCount": 1}]}]}"""
_PART = r"""{"items": [{"id": 123456, "partialCount": {"current": %d, "total": 2},
"instances": [{"cis": "01030410947874432155Qbag!\u001d93Zjqw"}]}]}"""
DOC_EXAMPLE_TWO_PARTS = '{"boxes": [' + ", ".join(_PART % n for n in (1, 2)) + "]}"
DOC_EXAMPLE_TWO_UNITS_FOUR_PARTS = '{"boxes": [' + ", ".join(_PART % n for n in (1, 2, 1, 2)) + "]}"


def _put_raw(api: httpx.Client, order: Order, text: str) -> httpx.Response:
    return api.put(
        f"{order_path(order)}/boxes", content=text.encode(), headers={"Content-Type": "application/json"}
    )


def test_doc_example_marked_units_and_unmarked_in_one_box(
    api: httpx.Client, sandbox_server: SandboxServer
) -> None:
    order = sandbox_server.sandbox.add_order((("SHOE-RUN-43", 3), ("MUG-300", 1)), line_ids=(123456, 654321))
    response = _put_raw(api, order, DOC_EXAMPLE_ONE_BOX)
    assert response.status_code == 200, response.text
    boxes = response.json()["result"]["boxes"]
    assert len(boxes) == 1
    assert boxes[0]["boxId"] > 0
    assert boxes[0]["items"][0]["instances"][0]["cis"] == "01030410947874432155Qbag!\x1d93Zjqw"


def test_doc_example_one_unit_in_two_part_boxes(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("SPLIT-09", 1),), line_ids=(123456,))
    response = _put_raw(api, order, DOC_EXAMPLE_TWO_PARTS)
    assert response.status_code == 200, response.text
    assert [b["items"][0]["partialCount"]["current"] for b in response.json()["result"]["boxes"]] == [1, 2]


def test_doc_example_two_units_in_four_part_boxes(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("SPLIT-09", 2),), line_ids=(123456,))
    response = _put_raw(api, order, DOC_EXAMPLE_TWO_UNITS_FOUR_PARTS)
    assert response.status_code == 200, response.text
    ids = [b["boxId"] for b in response.json()["result"]["boxes"]]
    assert len(set(ids)) == 4


def test_box_ids_show_in_boxes_layout(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 2),))
    line = order.lines[0].id
    result = put_boxes(api, order, [box(whole(line, 1)), box(whole(line, 1))]).json()["result"]
    orders = api.post("/v1/businesses/1001/orders", json={"orderIds": [order.id]}).json()["orders"]
    layout = orders[0]["delivery"]["boxesLayout"]
    assert [b["boxId"] for b in layout] == [b["boxId"] for b in result["boxes"]]
    assert [b["barcode"] for b in layout] == [f"{order.id}-1", f"{order.id}-2"]


def test_whole_and_part_never_share_a_box(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("SPLIT-09", 1), ("MUG-300", 1)))
    split, mug = (line.id for line in order.lines)
    mixed = {"items": [{"id": split, "partialCount": {"current": 1, "total": 2}}, whole(mug, 1)]}
    second = {"items": [{"id": split, "partialCount": {"current": 2, "total": 2}}]}
    response = put_boxes(api, order, [mixed, second])
    assert_error(response, 400, "BAD_REQUEST")


def test_part_box_holds_exactly_one_entry(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("SPLIT-09", 2),))
    line = order.lines[0].id
    two_parts = {"items": [{"id": line, "partialCount": {"current": 1, "total": 2}}] * 2}
    response = put_boxes(api, order, [two_parts, two_parts])
    assert response.status_code == 400
    assert "exactly that one item" in response.json()["errors"][0]["message"]


def test_full_count_xor_partial_count(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 1),))
    both = {"id": order.lines[0].id, "fullCount": 1, "partialCount": {"current": 1, "total": 2}}
    assert error_code(put_boxes(api, order, [box(both)])) == "BAD_REQUEST"
    neither = {"id": order.lines[0].id}
    response = put_boxes(api, order, [box(neither)])
    assert_error(response, 400, "BAD_REQUEST")


def test_part_numbers_must_be_in_range(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("SPLIT-09", 1),))
    line = order.lines[0].id
    for partial in ({"current": 3, "total": 2}, {"current": 0, "total": 2}, {"current": 1, "total": 1}):
        response = put_boxes(api, order, [{"items": [{"id": line, "partialCount": partial}]}])
        assert response.status_code == 400, partial
        assert error_code(response) == "BAD_REQUEST"


def test_every_part_of_a_split_unit_is_needed(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("WARDROBE-3", 1),))
    line = order.lines[0].id
    parts = [{"items": [{"id": line, "partialCount": {"current": c, "total": 3}}]} for c in (1, 2)]
    response = put_boxes(api, order, parts)
    assert response.status_code == 400
    assert "parts 1..3" in response.json()["errors"][0]["message"]


def test_every_unit_must_be_in_a_box(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1)))
    mug, _ = (line.id for line in order.lines)
    response = put_boxes(api, order, [box(whole(mug, 2))])
    assert_error(response, 400, "BAD_REQUEST")
    assert "allowRemove" in response.json()["errors"][0]["message"]


def test_no_more_units_than_ordered(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 1),))
    response = put_boxes(api, order, [box(whole(order.lines[0].id, 2))])
    assert_error(response, 400, "ITEMS_ADDITION_NOT_SUPPORTED")


def test_unknown_line_is_refused(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 1),))
    response = put_boxes(api, order, [box(whole(order.lines[0].id, 1), whole(999, 1))])
    assert_error(response, 400, "ITEM_NOT_FOUND")


def test_allow_remove_shortens_the_order(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 3), ("BOOK-WP", 1), ("PENCILS-24", 1)))
    mug, book, _ = (line.id for line in order.lines)
    response = put_boxes(api, order, [box(whole(mug, 2), whole(book, 1))], allow_remove=True)
    assert response.status_code == 200, response.text
    items = api.get(order_path(order)).json()["order"]["items"]
    assert [(i["id"], i["count"]) for i in items] == [(mug, 2), (book, 1)]
    # Removal is irreversible: the removed units cannot come back.
    response = put_boxes(api, order, [box(whole(mug, 3), whole(book, 1))])
    assert error_code(response) == "ITEMS_ADDITION_NOT_SUPPORTED"


def test_the_only_line_cannot_be_removed(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 3),))
    response = put_boxes(api, order, [box(whole(order.lines[0].id, 2))], allow_remove=True)
    assert_error(response, 400, "CANNOT_REMOVE_LAST_ITEM")


def test_promo_line_cannot_be_removed(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 1), ("CASE-PHONE", 1)), promo_offer="CASE-PHONE")
    response = put_boxes(api, order, [box(whole(order.lines[0].id, 1))], allow_remove=True)
    assert_error(response, 400, "PROMO_PROHIBITS_DELETE")


def test_line_worth_99_percent_cannot_be_removed(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("COFFEE-MACH", 1), ("CASE-PHONE", 1)))
    coffee_share = order.lines[0].total / order.total
    assert coffee_share >= 0.99
    response = put_boxes(api, order, [box(whole(order.lines[1].id, 1))], allow_remove=True)
    assert_error(response, 400, "DELETED_ITEMS_EXCEEDS_THRESHOLD")


def test_layout_is_frozen_after_ready_to_ship(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 2),))
    line = order.lines[0].id
    assert put_boxes(api, order, [box(whole(line, 2))]).status_code == 200
    assert set_status(api, order, "PROCESSING", "READY_TO_SHIP").status_code == 200
    response = put_boxes(api, order, [box(whole(line, 1)), box(whole(line, 1))])
    assert_error(response, 400, "STATUS_NOT_ALLOWED")


def test_resending_a_layout_replaces_it(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 2),))
    line = order.lines[0].id
    first = put_boxes(api, order, [box(whole(line, 2))]).json()["result"]["boxes"]
    second = put_boxes(api, order, [box(whole(line, 1)), box(whole(line, 1))]).json()["result"]["boxes"]
    assert len(first) == 1
    assert len(second) == 2
    assert len(sandbox_server.sandbox.find(order.id).boxes) == 2


def test_malformed_json_is_a_bad_request(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order()
    response = _put_raw(api, order, '{"boxes": [')
    assert_error(response, 400, "BAD_REQUEST")
