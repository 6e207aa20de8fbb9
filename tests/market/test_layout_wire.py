"""The `PUT .../boxes` body: the three documented layouts of the Market's own page (seed 001)
serialize exactly, GS travels as the single escape \\u001d, and any CIS round-trips (hypothesis)."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from packstation.catalogue import russian
from packstation.domain.errors import DomainError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.market import layout_json, layout_to_wire
from packstation.market.layout_wire import box_plan_from_items, layout_request
from packstation.market.models import SetOrderBoxLayoutRequest

# The Market's setOrderBoxLayout documentation page (source in data/README.md).
SEED = Path(__file__).resolve().parent / "data" / "seeds" / "001_033e683dcc1eaeb0.txt"
GS = "\x1d"
CIS_A = f"01030410947874432155Qbag!{GS}93Zjqw"
CIS_B = f"010304109478gftJ14545762!{GS}hGt264"
CIS_C = f"010304109478fRs28323ks23!{GS}het201"


def documented_layouts() -> list[Any]:
    """The JSON examples of the seed page, in order (top-level `{ ... }` blocks)."""
    blocks, depth, current = [], 0, []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if depth == 0 and line.strip() != "{":
            continue
        current.append(line)
        depth += line.count("{") - line.count("}")
        if depth == 0:
            blocks.append(json.loads("\n".join(current)))
            current = []
    return blocks


def _cis(value: str) -> Instance:
    return Instance(InstanceKind.CIS, value)


def _part(current: int) -> BoxPlan:
    return BoxPlan((BoxEntry(123456, part=PartOf(current, 2), instances=(_cis(CIS_A),)),))


ONE_BOX = LayoutPlan(
    (
        BoxPlan(
            (
                BoxEntry(123456, full_count=3, instances=(_cis(CIS_A), _cis(CIS_B), _cis(CIS_C))),
                BoxEntry(654321, full_count=1),
            )
        ),
    )
)
TWO_BOXES = LayoutPlan((_part(1), _part(2)))
TWO_UNITS_TWO_BOXES_EACH = LayoutPlan((_part(1), _part(2), _part(1), _part(2)))


def test_the_three_documented_layouts_serialize_exactly() -> None:
    documented = documented_layouts()[:3]
    assert [layout_to_wire(p) for p in (ONE_BOX, TWO_BOXES, TWO_UNITS_TWO_BOXES_EACH)] == documented
    # Same text, not just the same data: compact JSON of the documented object, byte for byte.
    expected = json.dumps(documented[0], separators=(",", ":")).encode()
    assert layout_json(ONE_BOX) == expected


def test_gs_is_sent_as_a_single_json_escape() -> None:
    body = layout_json(ONE_BOX)
    assert body.count(b"\\u001d") == 3
    assert b"\\\\u001d" not in body
    assert GS.encode() not in body


def test_allow_remove_is_sent_only_when_removal_is_intended() -> None:
    assert "allowRemove" not in layout_to_wire(ONE_BOX)
    shortened = LayoutPlan(ONE_BOX.boxes, allow_remove=True)
    assert layout_to_wire(shortened)["allowRemove"] is True


def test_gtd_carries_its_country_code() -> None:
    gtd = Instance(InstanceKind.GTD, "10702070/120326/0012345", "CN")
    plan = LayoutPlan((BoxPlan((BoxEntry(5, full_count=1, instances=(gtd,)),)),))
    instances = layout_to_wire(plan)["boxes"][0]["items"][0]["instances"]
    assert instances == [{"gtd": "10702070/120326/0012345", "countryCode": "CN"}]


@pytest.mark.parametrize(
    "plan",
    [
        LayoutPlan(()),
        LayoutPlan((BoxPlan(()),)),
        LayoutPlan((BoxPlan((BoxEntry(1, full_count=0),)),)),
        LayoutPlan((BoxPlan((BoxEntry(1),)),)),
        LayoutPlan((BoxPlan((BoxEntry(1, full_count=1, part=PartOf(1, 2)),)),)),
        LayoutPlan((BoxPlan((BoxEntry(1, part=PartOf(1, 1)),)),)),
    ],
)
def test_a_plan_the_market_cannot_take_is_refused_before_sending(plan: LayoutPlan) -> None:
    with pytest.raises(DomainError) as caught:
        layout_to_wire(plan)
    assert "раскладк" in russian(caught.value).lower()
    assert "layout" in caught.value.english().lower()


def test_echoed_boxes_map_back_to_the_same_plans() -> None:
    request = layout_request(TWO_UNITS_TWO_BOXES_EACH)
    echoed = [box_plan_from_items(box.items) for box in request.boxes]  # type: ignore[arg-type]
    assert tuple(echoed) == TWO_UNITS_TWO_BOXES_EACH.boxes


printable_or_gs = st.text(alphabet=string.printable + GS, min_size=1, max_size=120)


@given(printable_or_gs)
def test_any_cis_round_trips_exactly_through_serialization(cis: str) -> None:
    plan = LayoutPlan((BoxPlan((BoxEntry(1, full_count=1, instances=(_cis(cis),)),)),))
    body = layout_json(plan)
    assert body.isascii()
    assert json.loads(body)["boxes"][0]["items"][0]["instances"][0]["cis"] == cis
    assert body.count(b"\\u001d") == cis.count(GS)
    parsed = SetOrderBoxLayoutRequest.model_validate_json(body)
    assert parsed.boxes[0].items[0].instances[0].cis == cis  # type: ignore[index]
