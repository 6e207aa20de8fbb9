"""The three box layouts of the Market's `PUT .../boxes` documentation, built with the packing
rules and serialized by the Market client's `layout_to_wire`, match the documented JSON exactly."""

from __future__ import annotations

from typing import Any

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import OrderLine, RequiredCode
from packstation.domain.packing.model import Packing
from packstation.market import layout_to_wire
from tests.services.fakes import make_order

CODE_1 = "01030410947874432155Qbag!\x1d93Zjqw"
CODE_2 = "010304109478gftJ14545762!\x1dhGt264"
CODE_3 = "010304109478fRs28323ks23!\x1dhet201"


def _part(current: int, total: int, code: str) -> dict[str, Any]:
    item = {"id": 123456, "partialCount": {"current": current, "total": total}, "instances": [{"cis": code}]}
    return {"items": [item]}


DOC_ONE_BOX = {
    "boxes": [
        {
            "items": [
                {
                    "id": 123456,
                    "fullCount": 3,
                    "instances": [{"cis": CODE_1}, {"cis": CODE_2}, {"cis": CODE_3}],
                },
                {"id": 654321, "fullCount": 1},
            ]
        }
    ]
}
DOC_ONE_ITEM_TWO_BOXES = {"boxes": [_part(1, 2, CODE_1), _part(2, 2, CODE_1)]}
DOC_TWO_ITEMS_FOUR_BOXES = {"boxes": [_part(1, 2, CODE_1), _part(2, 2, CODE_1)] * 2}


def cis(value: str) -> Instance:
    return Instance(InstanceKind.CIS, value)


def test_three_marked_units_and_one_plain_unit_in_one_box() -> None:
    marked = OrderLine(123456, "SLIPPERS", "Тапочки", 3, required=frozenset({RequiredCode.CIS}))
    plain = OrderLine(654321, "SHOES", "Туфли", 1)
    p = Packing(make_order(1, marked, plain)).put(123456, None, 3)
    for code in (CODE_1, CODE_2, CODE_3):
        p, _ = p.attach_code(cis(code))
    p = p.put(654321, 0)
    assert p.complete
    assert layout_to_wire(p.plan()) == DOC_ONE_BOX


def test_one_item_in_two_part_boxes() -> None:
    big = OrderLine(123456, "AC", "Кондиционер", 1, required=frozenset({RequiredCode.CIS}), parts_per_unit=2)
    p = Packing(make_order(1, big))
    p, _ = p.attach_code(cis(CODE_1))
    p = p.split(123456)
    assert p.complete
    assert layout_to_wire(p.plan()) == DOC_ONE_ITEM_TWO_BOXES


def test_two_identical_items_each_in_two_part_boxes() -> None:
    # The documentation repeats one placeholder code on both units; the Market accepts that only
    # where the code is optional, so the line here carries CIS_OPTIONAL.
    optional = frozenset({RequiredCode.CIS_OPTIONAL})
    big = OrderLine(123456, "AC", "Кондиционер", 2, required=optional, parts_per_unit=2)
    p = Packing(make_order(1, big))
    p, _ = p.attach_code(cis(CODE_1))
    p, _ = p.attach_code(cis(CODE_1))
    p = p.split(123456).split(123456)
    assert p.complete
    assert layout_to_wire(p.plan()) == DOC_TWO_ITEMS_FOUR_BOXES
