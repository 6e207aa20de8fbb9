"""The packer's edits of the packing (boxes, units, codes, undo), only in PACKING.

A shortening is not an edit: it is a request to the Market (`shortening.Shortener`).

Every edit is journalled before it becomes visible (`EditLog.record`), the station's code index
follows it and the auto-submit countdown is re-evaluated. A refused edit changes nothing and
lands in `snapshot.last_error`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.domain.packing.journal import encode_instance
from packstation.domain.packing.model import Packing, UnitRef
from packstation.services.code_guard import CodeGuard
from packstation.services.packing.countdown import Countdown
from packstation.services.packing.edit_log import EditLog
from packstation.services.packing.state import SessionState, not_editable
from packstation.services.packing.values import Phase


class PackingEditor:
    """Applies the packer's edits to the session's state."""

    def __init__(self, log: EditLog, *, guard: CodeGuard | None, countdown: Countdown) -> None:
        self._log = log
        self._guard = guard
        self._countdown = countdown

    def require_editable(self) -> None:
        phase = self._log.state.phase
        if phase is not Phase.PACKING:
            raise not_editable(phase)

    def _refused(self, error: PackstationError) -> None:
        self._log.update(last_error=error)

    def _commit(self, action: Mapping[str, Any], new: SessionState) -> None:
        """Journal `action`, then make `new` the visible state (codes registered, countdown)."""
        log = self._log
        try:
            log.record(action, new, notify=False)
        finally:
            if log.state is new:
                state = log.state
                self._countdown.reconsider(state.phase is Phase.PACKING and state.packing.complete)
                log.notify()

    def _edit(self, action: Mapping[str, Any], change: Callable[[Packing], Packing]) -> None:
        self.require_editable()
        try:
            new = change(self._log.state.packing)
        except PackstationError as error:
            self._refused(error)
            raise
        self._commit(action, self._log.state.edited(new))

    def put(self, line_id: int, box: int | None = None, units: int = 1) -> None:
        action = {"op": "put", "line": line_id, "box": box, "units": units}
        self._edit(action, lambda p: p.put(line_id, box, units))

    def move(self, line_id: int, from_box: int, to_box: int | None, units: int = 1) -> None:
        action = {"op": "move", "line": line_id, "from": from_box, "to": to_box, "units": units}
        self._edit(action, lambda p: p.move(line_id, from_box, to_box, units))

    def unpack(self, line_id: int, box: int, units: int = 1) -> None:
        action = {"op": "unpack", "line": line_id, "box": box, "units": units}
        self._edit(action, lambda p: p.unpack(line_id, box, units))

    def new_box(self) -> None:
        self._edit({"op": "new_box"}, Packing.new_box)

    def close_box(self) -> None:
        self._edit({"op": "close_box"}, Packing.close_box)

    def split(self, line_id: int, parts: int | None = None) -> None:
        self._edit({"op": "split", "line": line_id, "parts": parts}, lambda p: p.split(line_id, parts))

    def scan_item(self, barcode: str) -> None:
        self._edit({"op": "scan_item", "barcode": barcode}, lambda p: p.scan_item(barcode))

    def remove_code(self, value: str) -> None:
        self._edit({"op": "remove_code", "value": value}, lambda p: p.remove_code(value))

    def attach_code(self, instance: Instance, gtin: str | None = None, *, hold: bool = False) -> UnitRef:
        """Attach a marking code to the next unit of its line that lacks one; with `hold` (a
        scanned code) a unit in no box yet goes into the current box with it: the packer holds
        that unit, its code came before its barcode.

        Raises:
            PackingScanError: the rules refuse it (wrong item, wrong type, not needed, ...).
            ScanError: the code is already used in this order or at this station.
        """
        self.require_editable()
        state = self._log.state
        packing = state.packing
        try:
            new, unit = packing.attach_code(instance, gtin)
            # A split unit's code scanned again on a later parcel is already there: accepted and
            # recorded like any scan (undo steps back over it alone), never a duplicate to guard.
            replaced = {inst for inst in packing.codes_of(unit) if inst.kind is instance.kind}
            if self._guard is not None and new is not packing:
                # In any order (the guard only looks for the same code): not sorted per scan.
                others = [inst for held in packing.codes.values() for inst in held if inst not in replaced]
                self._guard.check(instance, order_id=state.order.id, order_codes=others)
        except PackstationError as error:
            self._refused(error)
            raise
        action: dict[str, Any] = {"op": "code", **encode_instance(instance), "gtin": gtin}
        # A multi-parcel item is not held whole: its parts go into part boxes (split).
        if hold and not new.is_boxed(unit) and new.line(unit.line_id).parts_per_unit <= 1:
            new, action["hold"] = new.hold(unit), True
        self._commit(action, state.edited(new))
        return unit

    def undo(self) -> bool:
        """Go back one action (not past a shortening or a submit); False when nothing to undo."""
        self.require_editable()
        state = self._log.state
        if not state.history:
            return False
        self._commit({"op": "undo"}, state.undone())
        return True
