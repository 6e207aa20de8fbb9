"""Editing the packing (boxes, units, codes, undo, shortening) and scans: one layer of `PackingSession`.

Every edit goes through `_commit`: the action is journaled first, then the new immutable
`Packing` becomes visible, the station's code index follows it and the auto-submit countdown
is re-evaluated. A refused edit changes nothing and lands in `snapshot.last_error`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.domain.packing import Packing, UnitRef
from packstation.domain.packing_errors import PackingScanError, Reason
from packstation.domain.packing_journal import encode_instance
from packstation.domain.packing_shorten import check_shorten, shorten
from packstation.domain.scan import Command, ScanKind, ScanResult
from packstation.services.packing_submit import SubmitPipeline
from packstation.services.packing_types import Phase, ScanAction, ScanOutcome


class PackingEdits(SubmitPipeline):
    """The packer's edits and scans (only in PACKING)."""

    def _commit(self, new: Packing, action: Mapping[str, Any], *, undoable: bool = True) -> None:
        """Journal `action` and update the code index (one transaction), then make `new` the
        visible state; if either write fails nothing changes."""
        old = self._packing
        with self._atomic():
            self._record(action)
            self._sync_registry(old, new)
        if undoable:
            self._history.append(old)
        else:
            self._history.clear()
        self._packing = new
        self._last_error = None
        self._after_edit()
        self._changed()

    def _edit(self, action: Mapping[str, Any], change: Callable[[Packing], Packing]) -> None:
        self._require_editable()
        try:
            new = change(self._packing)
        except PackstationError as error:
            self._last_error = error
            self._changed()
            raise
        self._commit(new, action)

    # ------------------------------------------------------------------------------ packing

    def put(self, line_id: int, box: int | None = None, units: int = 1) -> None:
        """Put unpacked units of a line into a box (None: a new box)."""
        action = {"op": "put", "line": line_id, "box": box, "units": units}
        self._edit(action, lambda p: p.put(line_id, box, units))

    def move(self, line_id: int, from_box: int, to_box: int | None, units: int = 1) -> None:
        """Move whole units between boxes (`to_box` None: a new box)."""
        action = {"op": "move", "line": line_id, "from": from_box, "to": to_box, "units": units}
        self._edit(action, lambda p: p.move(line_id, from_box, to_box, units))

    def unpack(self, line_id: int, box: int, units: int = 1) -> None:
        """Take units out of a box (a part box: the whole split unit)."""
        action = {"op": "unpack", "line": line_id, "box": box, "units": units}
        self._edit(action, lambda p: p.unpack(line_id, box, units))

    def new_box(self) -> None:
        self._edit({"op": "new_box"}, Packing.new_box)

    def close_box(self) -> None:
        self._edit({"op": "close_box"}, Packing.close_box)

    def split(self, line_id: int, parts: int | None = None) -> None:
        """Split one unpacked unit into part boxes (default: the item's `boxCount`)."""
        self._edit({"op": "split", "line": line_id, "parts": parts}, lambda p: p.split(line_id, parts))

    def scan_item(self, barcode: str) -> None:
        """One unit of the item with this barcode into the current box."""
        self._edit({"op": "scan_item", "barcode": barcode}, lambda p: p.scan_item(barcode))

    def attach_code(self, instance: Instance, gtin: str | None = None) -> UnitRef:
        """Attach a marking code to the next unit of its line that lacks one.

        Raises:
            PackingScanError: the rules refuse it (wrong item, wrong type, not needed, ...).
            ScanError: the code is already used in this order or at this station.
        """
        self._require_editable()
        try:
            new, unit = self._packing.attach_code(instance, gtin)
            replaced = {inst for inst in self._packing.codes_of(unit) if inst.kind is instance.kind}
            if self._deps.guard is not None:
                others = [inst for _, inst in self._packing.all_codes() if inst not in replaced]
                self._deps.guard.check(instance, order_id=self.order.id, order_codes=others)
        except PackstationError as error:
            self._last_error = error
            self._changed()
            raise
        self._commit(new, {"op": "code", **encode_instance(instance), "gtin": gtin})
        return unit

    def remove_code(self, value: str) -> None:
        """Take a code off its unit (a rejected code, or one scanned by mistake)."""
        self._edit({"op": "remove_code", "value": value}, lambda p: p.remove_code(value))

    def undo(self) -> bool:
        """Go back one action (not past a shortening or a submit); False when nothing to undo."""
        self._require_editable()
        if not self._history:
            return False
        old, back = self._packing, self._history[-1]
        with self._atomic():
            self._record({"op": "undo"})
            self._sync_registry(old, back)
        self._packing = self._history.pop()
        self._after_edit()
        self._changed()
        return True

    def check_shorten(self, new_counts: Mapping[int, int]) -> dict[int, int]:
        """Check a shortening against the Market's rules without changing anything."""
        return check_shorten(self.order, new_counts)

    def shorten(self, new_counts: Mapping[int, int]) -> None:
        """Remove lines or reduce counts (line id -> count to keep). Irreversible: the next layout
        carries `allowRemove` and the Market drops the units; undo cannot bring them back."""
        self._require_editable()
        new = shorten(self._packing, new_counts)
        reduced = check_shorten(self.order, new_counts)
        action = {"op": "shorten", "counts": {str(k): v for k, v in reduced.items()}}
        self._commit(new, action, undoable=False)
        self._audit("order_shortened", ", ".join(f"{k}->{v}" for k, v in reduced.items()))

    # -------------------------------------------------------------------------------- scans

    def takes_courier_code(self, result: ScanResult) -> bool:
        """True when `result` is the courier's code to verify (verifyEac), not a packing scan.

        A READY Express order waits only for its courier, so any scan but a command or an order
        number (the desk routes those) is their code, whatever it happens to look like.
        """
        return (
            self.phase is Phase.READY
            and self.order.is_express
            and result.kind not in (ScanKind.COMMAND, ScanKind.ORDER_NUMBER)
        )

    def scan(self, result: ScanResult) -> ScanOutcome:
        """Apply a classified scan: an item barcode packs one unit, a marking code is attached,
        a command runs; anything for another order or the UI comes back as FORWARD.

        Raises:
            PackingScanError / ScanError / PackingError: the scan was refused (nothing changed;
                the error is also in `snapshot.last_error`).
        """
        try:
            return self._scan(result)
        except PackstationError as error:
            self._audit("scan_refused", type(error).__name__)  # an error for the packer's shift
            if self._last_error is not error:
                self._last_error = error
                self._changed()
            raise

    def _scan(self, result: ScanResult) -> ScanOutcome:
        kind = result.kind
        if kind in (ScanKind.ITEM_BARCODE, ScanKind.CIS, ScanKind.UIN, ScanKind.RNPT, ScanKind.GTD):
            if not result.valid:
                raise self._invalid_scan(result)
            if kind is ScanKind.ITEM_BARCODE:
                self.scan_item(result.value)
                box = self._packing.current
                unit = self._packing.boxes[box].units[-1] if box is not None else None
                return ScanOutcome(ScanAction.ITEM_PACKED, unit=unit, box=box, scan=result)
            if result.instance is None:
                raise self._invalid_scan(result)
            unit = self.attach_code(result.instance, result.gtin)
            return ScanOutcome(ScanAction.CODE_ATTACHED, unit=unit, scan=result)
        if kind is ScanKind.COMMAND and result.command is not None:
            return self._command(result)
        if kind in (ScanKind.ORDER_NUMBER, ScanKind.BOX_LABEL):
            return ScanOutcome(ScanAction.FORWARD, scan=result)
        raise PackingScanError(
            Reason.NOT_A_CODE,
            f"Непонятный штрихкод: {result.value[:40]}.",
            f"Unrecognised barcode: {result.value[:40]}.",
            hint_ru="Сканируйте штрихкод товара, код маркировки или команду.",
            hint_en="Scan an item barcode, a marking code or a command.",
        )

    @staticmethod
    def _invalid_scan(result: ScanResult) -> PackingScanError:
        ru = "; ".join(result.problems_ru) or "код прочитан с ошибкой"
        en = "; ".join(result.problems) or "the code was misread"
        return PackingScanError(
            Reason.INVALID_SCAN,
            f"Код не принят: {ru}.",
            f"Code refused: {en}.",
            hint_ru="Отсканируйте ещё раз.",
            hint_en="Scan it again.",
        )

    def _command(self, result: ScanResult) -> ScanOutcome:
        command = result.command
        if command is Command.NEW_BOX:
            self.new_box()
        elif command is Command.CLOSE_BOX:
            self.close_box()
        elif command is Command.UNDO:
            self.undo()
        elif command is Command.SUBMIT:
            self.request_submit()
        elif command is Command.CANCEL and self._countdown is not None:
            self.cancel_auto_submit()
        else:
            return ScanOutcome(ScanAction.FORWARD, command=command, scan=result)
        return ScanOutcome(ScanAction.COMMAND_DONE, command=command, scan=result)
