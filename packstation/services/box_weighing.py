"""The desk scale at work during one order's packing: which box a reading weighs, and the check
before labels print.

`BoxWeighing` is fed the scale's readings (`on_reading`); a stable reading above the empty-scale
threshold is the weight of the box `domain.box_weight.weighing_target` names, recorded in the
audit log (History and the audit export show it). As a `SubmitCheck` in the session's deps it
refuses a submit while a box is not weighed or weighs outside its tolerance ("box 2 weighs
0.41 kg, expected 0.95 ± 0.10: check its content"), so no label prints for a wrong box. The
packer may accept the weights anyway (`override`): recorded in the audit log with the packer, valid
until a box's content or weight changes. Weighings are not journalled: after a restart the boxes
are weighed again.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from packstation.domain.box_weight import (
    BoxCheck,
    ScaleReading,
    Verdict,
    Weighing,
    WeightRule,
    check_boxes,
    content_key,
    format_kg,
    weighing_target,
)
from packstation.domain.errors import PackstationError
from packstation.domain.packing.errors import box_no
from packstation.domain.packing.model import Packing
from packstation.services.ports import AuditPort

AUDIT_WEIGHED = "box_weighed"
AUDIT_REFUSED = "box_weight_refused"
AUDIT_OVERRIDE = "box_weight_override"


class BoxWeighing:
    """Weighings of one order's boxes (see the module docstring).

    Args:
        order_id: the order being packed.
        packing: reads the session's current packing state.
        rule: allowance and tolerances.
        audit: where weighings, refusals and overrides are recorded.
        require_weighing: refuse a submit while a box has no weighing (a scale is on the desk).
    """

    def __init__(
        self,
        order_id: int,
        packing: Callable[[], Packing],
        rule: WeightRule,
        *,
        audit: AuditPort | None = None,
        require_weighing: bool = True,
    ) -> None:
        self.order_id = order_id
        self.rule = rule
        self._packing = packing
        self._audit = audit
        self._require = require_weighing
        self._weighings: dict[int, Weighing] = {}
        self._refused: int | None = None
        self._overridden: tuple[BoxCheck, ...] | None = None
        self._subscribers: list[Callable[[], None]] = []
        self.last_reading: ScaleReading | None = None

    # -------------------------------------------------------------------------- readings

    def on_reading(self, reading: ScaleReading) -> Weighing | None:
        """Take a scale reading; returns the weighing it recorded (None: none recorded)."""
        previous, self.last_reading = self.last_reading, reading
        recorded = None
        if reading.stable and not reading.overload and reading.weight_kg >= self.rule.min_weight_kg:
            recorded = self._record(reading.weight_kg)
        if recorded is not None or previous != reading:
            self._notify()
        return recorded

    def forget_reading(self) -> None:
        """The scale was lost or came back: its last reading no longer stands."""
        self.last_reading = None
        self._notify()

    def _record(self, weight: Decimal) -> Weighing | None:
        packing = self._packing()
        index = weighing_target(packing, self._weighings, self._refused)
        if index is None:
            return None
        weighing = Weighing(index, weight, content_key(packing.boxes[index]))
        if self._weighings.get(index) == weighing:
            return None  # the same box still on the scale: one record per weighing
        self._weighings[index] = weighing
        if self._refused == index:
            self._refused = None
        check = next(c for c in check_boxes(packing, self._weighings, self.rule) if c.index == index)
        self._log(AUDIT_WEIGHED, self._detail(check))
        return weighing

    # ---------------------------------------------------------------------------- checks

    def checks(self) -> tuple[BoxCheck, ...]:
        """Every box with content against its weighing, for the scale panel."""
        return check_boxes(self._packing(), self._weighings, self.rule)

    def before_submit(self, packing: Packing) -> PackstationError | None:
        """The session's desk check: the first box not weighed or outside its tolerance."""
        checks = check_boxes(packing, self._weighings, self.rule)
        if self._overridden is not None and self._overridden == checks:
            return None
        for check in checks:
            if check.verdict is Verdict.NOT_WEIGHED and not self._require:
                continue
            refusal = check.refusal()
            if refusal is not None:
                self._refused = check.index
                self._log(AUDIT_REFUSED, self._detail(check))
                self._notify()
                return refusal
        return None

    @property
    def refused_box(self) -> int | None:
        """The box index the last refused submit named (weighed next), if any."""
        return self._refused

    @property
    def accepted(self) -> bool:
        """The packer accepted the current weights (and nothing changed since)."""
        return self._overridden is not None and self._overridden == self.checks()

    def override(self) -> bool:
        """Accept the current weights although they do not pass (recorded with the packer).

        Returns:
            Whether there was anything to accept.
        """
        checks = self.checks()
        failing = [check for check in checks if not check.passes]
        if not failing:
            return False
        self._overridden = checks
        self._refused = None
        self._log(AUDIT_OVERRIDE, "; ".join(self._detail(check) for check in failing))
        self._notify()
        return True

    # ------------------------------------------------------------------------------ misc

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` after each new reading, weighing, refusal or override."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def _notify(self) -> None:
        for callback in list(self._subscribers):
            callback()

    def _detail(self, check: BoxCheck) -> str:
        measured = "-" if check.measured_kg is None else format_kg(check.measured_kg, "en")
        expected = (
            "unknown"
            if check.expected.kg is None
            else f"{format_kg(check.expected.kg, 'en')}±{format_kg(check.expected.tolerance, 'en')}"
        )
        verdict = check.verdict.value
        return f"box={box_no(check.index)} weight_kg={measured} expected_kg={expected} verdict={verdict}"

    def _log(self, action: str, detail: str) -> None:
        if self._audit is not None:
            self._audit.record(action, order_id=self.order_id, detail=detail)
