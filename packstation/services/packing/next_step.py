"""The one next thing the packer has to do, decided from a session snapshot.

The state banner of the packing view shows exactly one step; which one is a decision with a fixed
priority, kept here (Qt-free) so it is tested without a window and the view only renders it:

1. the session is not packing: sending, checking codes, handing over, done, cancelled, stopped
   (a sent order whose labels did not print says so before "done", then one whose resubmit
   voided printed labels asks to swap them);
2. a code the Market refused: scan a new code for that unit;
3. a unit travelling in several parcels is half-way: its next parcel (its code, asked for on the
   feedback line, may come with any parcel);
4. a boxed unit lacks a mandatory code: scan it (the packer holds that unit now);
5. units not in a box yet: keep packing;
6. any other packing problem (codes on some units only, no boxes): its text;
7. the desk refused the submit (the box scale): its text, then submit again;
8. the auto-submit countdown;
9. everything is ready: submit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from packstation.domain.errors import PackstationError
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.model import Packing, UnitRef
from packstation.services.packing.values import Phase, SessionSnapshot

# Refusals of a desk check (`SubmitCheck`) that the packer fixes at the desk before submitting.
DESK_REASONS: frozenset[Reason] = frozenset({Reason.BOX_WEIGHT, Reason.BOX_NOT_WEIGHED})


class Step(StrEnum):
    REPLACE_CODE = "replace_code"  # the Market refused a code
    SCAN_CODE = "scan_code"  # a boxed unit lacks a mandatory code
    NEXT_PARCEL = "next_parcel"  # a multi-parcel unit is half-way: box its next parcel
    PACK = "pack"  # units left to put in boxes
    FIX = "fix"  # another packing problem (`problem` says which)
    FIX_DESK = "fix_desk"  # the desk refused the submit (a box weight): fix, then submit again
    AUTO_SUBMIT = "auto_submit"  # the countdown runs
    SUBMIT = "submit"
    SENDING = "sending"
    CHECKING = "checking"  # the Market checks the marking codes
    LABELS_FAILED = "labels_failed"  # sent, but the labels did not print
    RELABEL = "relabel"  # a resubmit voided printed labels: peel them off, stick the new ones
    HANDOVER = "handover"  # READY_TO_SHIP, Express: the courier's code
    DONE = "done"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"


class Tone(StrEnum):
    """How the banner is coloured: what the step asks of the packer."""

    GO = "go"  # green: nothing blocks, do it
    WORK = "work"  # blue: ordinary packing
    WAIT = "wait"  # amber: the station or the Market is busy
    STOP = "stop"  # red: something was refused and must be fixed first
    OFF = "off"  # grey: nothing more to do here


@dataclass(frozen=True, slots=True)
class NextStep:
    """The step, its tone and what its text names.

    Attributes:
        item: the item's name (REPLACE_CODE, SCAN_CODE, NEXT_PARCEL).
        unit: the unit's number within its line, from 1 (REPLACE_CODE, SCAN_CODE).
        more: how many more units need the same step.
        done, total: units in boxes and units of the order (PACK); the parcel just boxed and the
            unit's parcels (NEXT_PARCEL); void and new labels (RELABEL).
        seconds: left on the auto-submit countdown (AUTO_SUBMIT).
        problem: the refusal to quote (FIX, FIX_DESK, LABELS_FAILED, INTERRUPTED).
    """

    step: Step
    tone: Tone
    item: str = ""
    unit: int = 0
    more: int = 0
    done: int = 0
    total: int = 0
    seconds: int = 0
    problem: PackstationError | None = None


def next_step(snapshot: SessionSnapshot) -> NextStep:
    """The one next thing to do in `snapshot` (see the module docstring for the order)."""
    phase = snapshot.phase
    if phase is not Phase.PACKING:
        return _after_packing(snapshot)
    packing = snapshot.packing
    if refused := packing.refused_codes():
        return _unit_step(Step.REPLACE_CODE, Tone.STOP, packing, [unit for unit, _ in refused])
    if (slot := packing.open_part()) is not None:
        name = packing.line(slot.unit.line_id).name
        return NextStep(Step.NEXT_PARCEL, Tone.WORK, item=name, done=slot.current, total=slot.total)
    progress = snapshot.progress
    # Only a line that needs a code can lack one: most orders' scans skip the search (issue 19).
    if any(line.needs_codes for line in progress) and (uncoded := packing.boxed_lacking_codes()):
        return _unit_step(Step.SCAN_CODE, Tone.WORK, packing, uncoded)
    packed = sum(p.packed for p in progress)
    total = sum(p.count for p in progress)
    if packed < total:
        return NextStep(Step.PACK, Tone.WORK, done=packed, total=total)
    if snapshot.problems:
        return NextStep(Step.FIX, Tone.STOP, problem=snapshot.problems[0])
    error = snapshot.last_error
    if isinstance(error, PackingError) and error.reason in DESK_REASONS:
        return NextStep(Step.FIX_DESK, Tone.STOP, problem=error)
    if snapshot.countdown is not None:
        return NextStep(Step.AUTO_SUBMIT, Tone.WAIT, seconds=int(snapshot.countdown))
    return NextStep(Step.SUBMIT, Tone.GO)


def _after_packing(snapshot: SessionSnapshot) -> NextStep:
    phase = snapshot.phase
    if phase is Phase.SUBMITTING:
        return NextStep(Step.SENDING, Tone.WAIT)
    if phase is Phase.VERIFYING:
        return NextStep(Step.CHECKING, Tone.WAIT)
    if phase is Phase.CANCELLED:
        return NextStep(Step.CANCELLED, Tone.OFF)
    if phase is Phase.INTERRUPTED:
        return NextStep(Step.INTERRUPTED, Tone.STOP, problem=snapshot.interruption)
    if snapshot.print_error is not None:  # READY or DONE: the parcels need their labels first
        return NextStep(Step.LABELS_FAILED, Tone.STOP, problem=snapshot.print_error)
    change = snapshot.label_change
    if change is not None and change.void:
        return NextStep(Step.RELABEL, Tone.WORK, done=len(change.void), total=len(change.new))
    if phase is Phase.READY:
        return NextStep(Step.HANDOVER, Tone.GO)
    return NextStep(Step.DONE, Tone.GO)


def _unit_step(step: Step, tone: Tone, packing: Packing, units: Sequence[UnitRef]) -> NextStep:
    first = units[0]
    name = packing.line(first.line_id).name
    return NextStep(step, tone, item=name, unit=first.n + 1, more=len(units) - 1)

