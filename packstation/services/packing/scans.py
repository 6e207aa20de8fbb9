"""What a classified scan does to a packing session.

An item barcode packs one unit, a marking code is attached, a packing command runs; anything
for another order or for the UI (an order number, a box label, NEXT_ORDER, REPRINT,
CANCEL without a countdown) comes back as FORWARD. NEXT_PART_BOX opens a new box, like NEW_BOX.
"""

from __future__ import annotations

from collections.abc import Callable

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.packing.codes import mandatory_kinds
from packstation.domain.packing.errors import PackingScanError, Reason
from packstation.domain.packing.model import Packing, UnitRef
from packstation.domain.scan import Command, ScanKind, ScanResult
from packstation.services.packing.countdown import Countdown
from packstation.services.packing.edits import PackingEditor
from packstation.services.packing.state import SessionState
from packstation.services.packing.values import Phase, ScanAction, ScanOutcome

_PACKING_KINDS = frozenset({ScanKind.ITEM_BARCODE, ScanKind.CIS, ScanKind.UIN, ScanKind.RNPT, ScanKind.GTD})


def takes_courier_code(state: SessionState, result: ScanResult) -> bool:
    """True when `result` belongs to the courier hand-over, not to packing.

    A READY Express order waits only for its courier, so any scan but a command (the desk
    routes those, and a listed order's number before) is for the hand-over; the desk sends it to
    the Market only when it has a courier code's shape (`domain.courier_handover.courier_code`).
    """
    return state.phase is Phase.READY and state.order.is_express and result.kind is not ScanKind.COMMAND


def invalid_scan(result: ScanResult) -> PackingScanError:
    reason: Message = QT_TRANSLATE_NOOP("Scans", "the code was misread")
    if result.reasons:
        reason = result.reasons[0]
        for more in result.reasons[1:]:
            reason = QT_TRANSLATE_NOOP("Scans", "%1; %2")(reason, more)
    return PackingScanError(
        Reason.INVALID_SCAN,
        QT_TRANSLATE_NOOP("Scans", "Code refused: %1.")(reason),
        hint=QT_TRANSLATE_NOOP("Scans", "Scan it again."),
    )


def packed_outcome(packing: Packing, result: ScanResult) -> ScanOutcome:
    """What a scanned item did: the unit boxed in the current box (a part box: which parcel),
    and whether that unit still waits for its mandatory code."""
    box = packing.current
    if box is None:
        return ScanOutcome(ScanAction.ITEM_PACKED, scan=result)
    part = packing.boxes[box].part
    unit = part.unit if part is not None else packing.boxes[box].units[-1]
    needed = mandatory_kinds(packing.order, packing.line(unit.line_id))
    lacking = bool(needed - {inst.kind for inst in packing.codes_of(unit)})
    return ScanOutcome(
        ScanAction.ITEM_PACKED, unit=unit, box=box, scan=result, part=part, code_needed=lacking
    )


def _box_of(packing: Packing, unit: UnitRef) -> int:
    """The (first) box of a boxed unit: the current one when the unit was just put there."""
    current = packing.current
    if current is not None and unit in packing.boxes[current].units:
        return current
    return packing.placement()[unit][0]


class ScanHandler:
    """Turns scans into edits and commands."""

    def __init__(
        self,
        editor: PackingEditor,
        *,
        state: Callable[[], SessionState],
        countdown: Countdown,
        request_submit: Callable[[], None],
        cancel_auto_submit: Callable[[], None],
    ) -> None:
        self._editor = editor
        self._state = state
        self._countdown = countdown
        self._request_submit = request_submit
        self._cancel_auto_submit = cancel_auto_submit
        # The unit a marking code just put into a box: the packer scanning that item's barcode
        # right after holds the same unit, so it is not counted twice.
        self._held: UnitRef | None = None

    def _confirm_held(self, held: UnitRef | None, result: ScanResult) -> ScanOutcome | None:
        if held is None:
            return None
        packing = self._state().packing
        try:
            line = packing.line_for_barcode(result.value)
        except PackstationError:
            return None
        where = packing.placement().get(held)
        if line.id != held.line_id or where is None:
            return None
        return ScanOutcome(ScanAction.ITEM_PACKED, unit=held, box=where[0], scan=result)

    def scan(self, result: ScanResult) -> ScanOutcome:
        kind = result.kind
        if kind in _PACKING_KINDS:
            if not result.valid:
                raise invalid_scan(result)
            held, self._held = self._held, None
            if kind is ScanKind.ITEM_BARCODE:
                confirmed = self._confirm_held(held, result)
                if confirmed is not None:
                    return confirmed
                self._editor.scan_item(result.value)
                return packed_outcome(self._state().packing, result)
            if result.instance is None:
                raise invalid_scan(result)
            before = self._state().packing
            unit = self._editor.attach_code(result.instance, result.gtin, hold=True)
            after = self._state().packing
            if not before.is_boxed(unit) and after.is_boxed(unit):
                self._held = unit  # boxed by its code: its own barcode next only confirms it
                box = _box_of(after, unit)
                return ScanOutcome(ScanAction.CODE_ATTACHED, unit=unit, box=box, scan=result)
            return ScanOutcome(ScanAction.CODE_ATTACHED, unit=unit, scan=result)
        self._held = None
        if kind is ScanKind.COMMAND and result.command is not None:
            return self._command(result)
        if kind in (ScanKind.ORDER_NUMBER, ScanKind.BOX_LABEL):
            return ScanOutcome(ScanAction.FORWARD, scan=result)
        raise PackingScanError(
            Reason.NOT_A_CODE,
            QT_TRANSLATE_NOOP("Scans", "Unrecognised barcode: %1.")(result.value[:40]),
            hint=QT_TRANSLATE_NOOP("Scans", "Scan an item barcode, a marking code or a command."),
        )

    def _command(self, result: ScanResult) -> ScanOutcome:
        command = result.command
        if command in (Command.NEW_BOX, Command.NEXT_PART_BOX):
            self._editor.new_box()
        elif command is Command.CLOSE_BOX:
            self._editor.close_box()
        elif command is Command.UNDO:
            self._editor.undo()
        elif command is Command.SUBMIT:
            self._request_submit()
        elif command is Command.CANCEL and self._countdown.remaining is not None:
            self._cancel_auto_submit()
        else:
            return ScanOutcome(ScanAction.FORWARD, command=command, scan=result)
        return ScanOutcome(ScanAction.COMMAND_DONE, command=command, scan=result)
