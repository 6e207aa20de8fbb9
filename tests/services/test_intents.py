"""The outbox's intents: one JSON shape per concept, read back as typed payloads."""

from __future__ import annotations

import pytest

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.packing.journal import encode_instance
from packstation.services.intents import (
    CancelIntent,
    CourierCodeIntent,
    IntentKind,
    LayoutIntent,
    StatusIntent,
    UnknownIntentError,
    layout_to_payload,
    parse_intent,
)

CIS = Instance(InstanceKind.CIS, "0104600000000017215abc\x1d93xyz")
GTD = Instance(InstanceKind.GTD, "10702070/010124/0012345", "CN")
PLAN = LayoutPlan(
    (
        BoxPlan((BoxEntry(1, full_count=1, instances=(CIS, GTD)),)),
        BoxPlan((BoxEntry(2, part=PartOf(1, 2)),)),
    ),
    allow_remove=True,
)


@pytest.mark.parametrize(
    "payload",
    [
        LayoutIntent(PLAN),
        StatusIntent("PROCESSING", "READY_TO_SHIP"),
        CancelIntent(),
        CourierCodeIntent("1234"),
    ],
)
def test_every_intent_reads_back_as_written(payload: object) -> None:
    assert isinstance(payload, LayoutIntent | StatusIntent | CancelIntent | CourierCodeIntent)
    assert parse_intent(payload.kind, payload.to_json()) == payload


def test_a_marking_code_has_the_journals_shape_in_a_layout_intent() -> None:
    assert LayoutIntent(PLAN).kind is IntentKind.SHORTEN
    entry = layout_to_payload(PLAN)["boxes"][0]["entries"][0]
    assert entry["instances"] == [encode_instance(CIS), encode_instance(GTD)]


def test_the_older_list_shape_of_codes_is_still_read() -> None:
    entry = {"line_id": 1, "full_count": 1, "instances": [["cis", CIS.value, None]]}
    legacy = {"boxes": [{"entries": [entry]}]}
    payload = parse_intent("box_layout", legacy)
    assert isinstance(payload, LayoutIntent)
    assert payload.plan.boxes[0].entries[0].instances == (CIS,)


def test_unknown_and_damaged_intents_are_told_apart() -> None:
    with pytest.raises(UnknownIntentError):
        parse_intent("teleport", {})
    with pytest.raises(ValueError, match="not a box layout"):
        parse_intent("box_layout", {"boxes": [{}]})
    with pytest.raises(ValueError, match="not a status"):
        parse_intent("status", {"status": 7})
