"""The packing view's one next step, decided from session snapshots (no window)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from packstation.domain.errors import PackstationError, PrintError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import StoredBox
from packstation.domain.message import Message
from packstation.domain.order import BuyerType, OrderLine, RequiredCode
from packstation.domain.packing.errors import PackingError, Reason
from packstation.services.packing.next_step import Step, Tone, next_step
from packstation.services.packing.state import SessionState, snapshot_of
from packstation.services.packing.values import Phase, SessionSnapshot
from tests.services.fakes import make_order

SHIRT = "4601234567893"
CIS_1 = "0104601234567893215shirt1\x1d93Zjqw"
CIS_2 = "0104601234567893215shirt2\x1d93Abcd"
CIS_3 = "0104601234567893215shirt3\x1d93Efgh"


def shirts(count: int = 2) -> SessionState:
    cis = frozenset({RequiredCode.CIS})
    line = OrderLine(11, "TSHIRT-M", "T-shirt M", count, required=cis, barcodes=(SHIRT,))
    return SessionState.opened(make_order(1, line, buyer=BuyerType.BUSINESS))


def code(value: str) -> Instance:
    return Instance(InstanceKind.CIS, value)


def snap(state: SessionState, countdown: float | None = None) -> SessionSnapshot:
    return snapshot_of(state, 1, countdown)


def packed(state: SessionState, *codes: str) -> SessionState:
    """Every unit boxed by scans, each followed by its code (as many codes as given)."""
    packing = state.packing
    for n in range(state.order.lines[0].count):
        packing = packing.scan_item(SHIRT)
        if n < len(codes):
            packing, _ = packing.attach_code(code(codes[n]))
    return state.edited(packing)


def test_packing_steps_go_unit_by_unit_then_submit() -> None:
    state = shirts(2)
    step = next_step(snap(state))
    assert (step.step, step.tone, step.done, step.total) == (Step.PACK, Tone.WORK, 0, 2)

    state = state.edited(state.packing.scan_item(SHIRT))
    step = next_step(snap(state))  # the boxed unit's code comes before the next unit
    assert (step.step, step.item, step.unit, step.more) == (Step.SCAN_CODE, "T-shirt M", 1, 0)

    state = packed(shirts(2), CIS_1, CIS_2)
    assert next_step(snap(state)) == next_step(snap(state))  # a value: same snapshot, same step
    assert (next_step(snap(state)).step, next_step(snap(state)).tone) == (Step.SUBMIT, Tone.GO)
    counting = next_step(snap(state, countdown=7.6))
    assert (counting.step, counting.tone, counting.seconds) == (Step.AUTO_SUBMIT, Tone.WAIT, 7)


def test_a_refused_code_names_its_unit_and_is_red_never_submit() -> None:
    state = packed(shirts(2), CIS_1, CIS_2).rejected((CIS_2,))
    snapshot = snap(state)
    assert not snapshot.complete  # a refused code blocks the submit button and auto-submit too
    assert [p.reason for p in snapshot.problems] == [Reason.CODE_REFUSED]
    step = next_step(snapshot)
    assert (step.step, step.tone, step.item, step.unit, step.more) == (
        Step.REPLACE_CODE, Tone.STOP, "T-shirt M", 2, 0,
    )
    # Even with a countdown or a stale weight refusal, the refused code comes first.
    weight = PackingError(Reason.BOX_WEIGHT, Message("Tests", "Box 1 weighs…"))
    assert next_step(snap(replace(state, last_error=weight), countdown=5)).step is Step.REPLACE_CODE

    both = packed(shirts(2), CIS_1, CIS_2).rejected((CIS_1, CIS_2))
    first = next_step(snap(both))
    assert (first.unit, first.more) == (1, 1)

    replaced = state.edited(state.packing.attach_code(code(CIS_3))[0])
    assert next_step(snap(replaced)).step is Step.SUBMIT


def test_a_refused_box_weight_is_red_with_its_reason() -> None:
    state = packed(shirts(1), CIS_1)
    weight = PackingError(Reason.BOX_WEIGHT, Message("Tests", "Box 1 weighs 0.41 kg"))
    step = next_step(snap(replace(state, last_error=weight)))
    assert (step.step, step.tone, step.problem) == (Step.FIX_DESK, Tone.STOP, weight)
    # Another failure (the network) leaves "submit" as the step: the message bar says why.
    other = replace(state, last_error=PackstationError(Message("Tests", "No connection")))
    assert next_step(snap(other)).step is Step.SUBMIT


def test_partial_optional_codes_are_a_problem_to_fix() -> None:
    optional = frozenset({RequiredCode.CIS_OPTIONAL})
    line = OrderLine(11, "TSHIRT-M", "T-shirt M", 2, required=optional, barcodes=(SHIRT,))
    state = SessionState.opened(make_order(1, line, buyer=BuyerType.PERSON))  # codes optional
    state = packed(state, CIS_1)
    step = next_step(snap(state))
    assert (step.step, step.tone) == (Step.FIX, Tone.STOP)
    assert step.problem is not None
    assert "1 of 2" in step.problem.en


@pytest.mark.parametrize(
    ("phase", "expected", "tone"),
    [
        (Phase.SUBMITTING, Step.SENDING, Tone.WAIT),
        (Phase.VERIFYING, Step.CHECKING, Tone.WAIT),
        (Phase.READY, Step.HANDOVER, Tone.GO),
        (Phase.DONE, Step.DONE, Tone.GO),
        (Phase.CANCELLED, Step.CANCELLED, Tone.OFF),
        (Phase.INTERRUPTED, Step.INTERRUPTED, Tone.STOP),
    ],
)
def test_after_packing_the_phase_decides(phase: Phase, expected: Step, tone: Tone) -> None:
    state = replace(packed(shirts(1), CIS_1), phase=phase)
    step = next_step(snap(state))
    assert (step.step, step.tone) == (expected, tone)


def test_sent_but_unprinted_labels_come_before_done() -> None:
    state = packed(shirts(1), CIS_1)
    state = state.layout_sent(state.packing.plan(), (StoredBox(501, state.packing.plan().boxes[0]),))
    failed = PrintError(Message("Tests", "Out of labels"))
    step = next_step(snap(replace(state.ready(), print_error=failed)))
    assert (step.step, step.tone, step.problem) == (Step.LABELS_FAILED, Tone.STOP, failed)


def test_a_resubmit_that_voided_labels_asks_to_swap_them_before_done() -> None:
    state = packed(shirts(2), CIS_1, CIS_2)
    plan = state.packing.plan()
    state = state.layout_sent(plan, (StoredBox(501, plan.boxes[0]),))
    assert next_step(snap(state.ready())).step is Step.DONE  # the first print voids nothing

    moved = state.edited(state.packing.move(11, 0, None))
    plan = moved.packing.plan()
    sent = moved.layout_sent(plan, (StoredBox(601, plan.boxes[0]), StoredBox(602, plan.boxes[1])))
    step = next_step(snap(sent.ready()))
    assert (step.step, step.tone, step.done, step.total) == (Step.RELABEL, Tone.WORK, 1, 2)
    failed = replace(sent.ready(), print_error=PrintError(Message("Tests", "Out of labels")))
    assert next_step(snap(failed)).step is Step.LABELS_FAILED  # nothing to stick yet
