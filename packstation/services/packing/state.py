"""What a packing session knows, as one immutable value, and the pure steps between its states.

`SessionState` holds the packing, its phase, the undo history, what the Market has (the lines, the
sent layout and its labels, the code checks, the courier's verdict) and the errors to show. Every
transition returns a new state; `actions.apply_action` maps journalled actions onto them, and the
`EditLog` owns the current state. `snapshot_of` turns a state into what the view shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import CANCELLED, READY_TO_SHIP, SHOP_FAILED, Order
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.labels import LabelChange, PrintedLabels, label_change
from packstation.domain.packing.model import Packing, UnitRef
from packstation.domain.packing.shorten import shorten
from packstation.domain.verification import CodeCheck, EacResult, EacVerdict
from packstation.services.packing.values import CodeBadge, Phase, SessionSnapshot


def not_editable(phase: Phase) -> PackingError:
    """The refusal of an edit (or a step) that `phase` does not allow."""
    texts = {
        Phase.SUBMITTING: QT_TRANSLATE_NOOP("State", "The order is being sent: wait."),
        Phase.VERIFYING: QT_TRANSLATE_NOOP("State", "The Market is checking codes: wait."),
        Phase.READY: QT_TRANSLATE_NOOP("State", "The order is already ready to ship."),
        Phase.DONE: QT_TRANSLATE_NOOP("State", "The order is already packed."),
        Phase.CANCELLED: QT_TRANSLATE_NOOP("State", "The order is cancelled."),
        Phase.INTERRUPTED: QT_TRANSLATE_NOOP("State", "The order changed; packing stopped."),
    }
    return PackingError(
        Reason.NOT_EDITABLE, texts.get(phase, QT_TRANSLATE_NOOP("State", "This cannot be done now."))
    )


def check_matches(check: CodeCheck, unit: UnitRef, instance: Instance) -> bool:
    """Whether the Market's `check` is about this code of this unit."""
    # The Market reports a CIS without its crypto tail: the reported value starts our code.
    return (
        check.line_id == unit.line_id
        and check.kind is instance.kind
        and (check.value == instance.value or (bool(check.value) and instance.value.startswith(check.value)))
    )


def line_counts(order: Order) -> frozenset[tuple[int, int]]:
    """The order's lines as (line id, count) pairs, to notice a change of items."""
    return frozenset((line.id, line.count) for line in order.lines)


@dataclass(frozen=True, slots=True)
class SessionState:
    """One packing session's state.

    Attributes:
        packing: the immutable packing of the order (the order itself is `packing.order`).
        market_lines: the order's lines as the Market has them.
        phase: where the session is (`Phase`).
        history: the packings to go back to with undo (not past a shortening or a sent layout).
        labels: the labels of the layout the Market holds.
        sent_plan: the layout the Market holds.
        checks: the Market's last code checks.
        eac: the Market's verdict on the Express courier's code.
        interruption: why packing stopped (the order was cancelled or changed).
        last_error: the last refusal or failure, for the message bar.
        print_error: why the labels did not print.
        label_change: what the last layout sent did to the printed labels (void / new / kept).
        pending_shorten: a shortening asked of the Market and not answered yet (line id -> count
            to keep); the lines change only when the Market accepts it.
        shorten_intent: the outbox intent of that request (closed when it is settled).
        promo_read: the Market said which lines are promo (`OrderLine.promo` is known).
    """

    packing: Packing
    market_lines: frozenset[tuple[int, int]]
    phase: Phase = Phase.PACKING
    history: tuple[Packing, ...] = ()
    labels: PrintedLabels | None = None
    sent_plan: LayoutPlan | None = None
    checks: tuple[CodeCheck, ...] = ()
    eac: EacResult | None = None
    interruption: PackstationError | None = None
    last_error: PackstationError | None = None
    print_error: PackstationError | None = None
    label_change: LabelChange | None = None
    pending_shorten: tuple[tuple[int, int], ...] = ()
    shorten_intent: int | None = None
    promo_read: bool = False

    @classmethod
    def opened(cls, order: Order) -> SessionState:
        """The state of an order just opened for packing."""
        return cls(Packing(order), line_counts(order))

    @property
    def order(self) -> Order:
        return self.packing.order

    def held_codes(self) -> frozenset[Instance]:
        """The codes the station's seen-codes index holds for this order (none once it is off)."""
        if not self.packing.codes or self.phase in (Phase.CANCELLED, Phase.INTERRUPTED):
            return frozenset()
        return self.packing.instances()

    # ------------------------------------------------------------------------- transitions

    def edited(self, new: Packing, *, undoable: bool = True) -> SessionState:
        """The packer's edit: `new` becomes the packing, the old one goes to the undo history
        (a non-undoable edit clears it) and the last refusal is forgotten."""
        history = (*self.history, self.packing) if undoable else ()
        return replace(self, packing=new, history=history, last_error=None)

    def undone(self) -> SessionState:
        """One edit back (unchanged when there is nothing to undo)."""
        if not self.history:
            return self
        return replace(self, packing=self.history[-1], history=self.history[:-1])

    def with_promo(self, line_ids: frozenset[int]) -> SessionState:
        """The Market's word on which lines are promo (it refuses to remove those)."""

        def marked(packing: Packing) -> Packing:
            lines = tuple(replace(line, promo=line.id in line_ids) for line in packing.order.lines)
            return replace(packing, order=replace(packing.order, lines=lines))

        # The undo history too: going back must not forget what the Market said.
        history = tuple(marked(packing) for packing in self.history)
        return replace(self, packing=marked(self.packing), history=history, promo_read=True)

    def shorten_requested(self, counts: dict[int, int], intent: int | None) -> SessionState:
        """A shortening is asked of the Market: nothing changes until it answers."""
        return replace(
            self, pending_shorten=tuple(sorted(counts.items())), shorten_intent=intent, last_error=None
        )

    def shorten_expected(self) -> frozenset[tuple[int, int]] | None:
        """The Market's lines once the pending shortening is applied (None: nothing pending)."""
        if not self.pending_shorten:
            return None
        counts = dict(self.pending_shorten)
        kept = ((line.id, counts.get(line.id, line.count)) for line in self.order.lines)
        return frozenset((line_id, count) for line_id, count in kept if count > 0)

    def shorten_accepted(self, counts: dict[int, int] | None = None) -> SessionState:
        """The Market accepted the shortening: now the lines and the packing change, for good."""
        wanted = dict(self.pending_shorten) if self.pending_shorten else dict(counts or {})
        packing = shorten(self.packing, wanted)
        return replace(
            self,
            packing=packing,
            market_lines=line_counts(packing.order),
            history=(),
            pending_shorten=(),
            shorten_intent=None,
            last_error=None,
        )

    def shorten_settled(self, error: PackstationError | None = None) -> SessionState:
        """The shortening was refused or did not happen: the order stays exactly as it was."""
        return replace(self, pending_shorten=(), shorten_intent=None, last_error=error)

    def layout_sent(self, plan: LayoutPlan, boxes: tuple[StoredBox, ...]) -> SessionState:
        """The Market holds `plan` as `boxes`: undo does not reach behind it; `label_change`
        compares the labels printed before with the new boxes."""
        return replace(
            self,
            sent_plan=plan,
            labels=PrintedLabels(plan, boxes),
            label_change=label_change(self.order.id, self._labels_on_boxes(), plan, boxes),
            market_lines=line_counts(self.order),
            history=(),
        )

    def _labels_on_boxes(self) -> PrintedLabels | None:
        """The labels stuck on the boxes: none when they failed to print."""
        return self.labels if self.print_error is None else None

    def rejected(self, values: tuple[str, ...]) -> SessionState:
        """The Market refused these codes (FAILED/INVALID): a new scan may replace them."""
        return replace(self, packing=self.packing.with_rejected(values))

    def ready(self) -> SessionState:
        """READY_TO_SHIP: an Express order waits for its courier, any other is done."""
        order = replace(self.order, substatus=READY_TO_SHIP)
        phase = Phase.READY if order.is_express else Phase.DONE
        return replace(self, packing=replace(self.packing, order=order), phase=phase, history=())

    def cancelled(self) -> SessionState:
        """Cancelled from this desk (CANCELLED / SHOP_FAILED)."""
        order = replace(self.order, status=CANCELLED, substatus=SHOP_FAILED)
        return replace(self, packing=replace(self.packing, order=order), phase=Phase.CANCELLED, history=())

    def interrupted(self, status: str, substatus: str, reason: PackstationError) -> SessionState:
        """The order was cancelled or changed underneath: packing stops."""
        order = replace(self.order, status=status, substatus=substatus)
        return replace(
            self,
            packing=replace(self.packing, order=order),
            interruption=reason,
            phase=Phase.INTERRUPTED,
            history=(),
        )

    def with_eac(self, result: EacResult) -> SessionState:
        """The Market's verdict on the courier's code; ACCEPTED finishes the order."""
        phase = Phase.DONE if result.verdict is EacVerdict.ACCEPTED else self.phase
        return replace(self, eac=result, phase=phase)

    def done(self) -> SessionState:
        return replace(self, phase=Phase.DONE)


def snapshot_of(state: SessionState, version: int, countdown: float | None) -> SessionSnapshot:
    """What the view shows of `state` (`version` counts the changes)."""
    packing = state.packing
    labels = state.labels
    stale = labels is not None and labels.is_stale(packing.plan())
    return SessionSnapshot(
        version=version,
        phase=state.phase,
        order=packing.order,
        packing=packing,
        progress=packing.progress(),
        can_undo=bool(state.history) and state.phase is Phase.PACKING,
        badges=_badges(state),
        labels=labels,
        labels_stale=stale,
        stale_boxes=labels.boxes if stale and labels is not None else (),
        countdown=countdown,
        eac=state.eac,
        interruption=state.interruption,
        last_error=state.last_error,
        print_error=state.print_error,
        label_change=state.label_change,
        pending_shorten=state.pending_shorten,
    )


def _badges(state: SessionState) -> tuple[CodeBadge, ...]:
    if not state.checks:  # while packing, before the Market checked any code (issue 19)
        return ()
    badges = []
    for unit, instance in state.packing.all_codes():
        check = next((c for c in state.checks if check_matches(c, unit, instance)), None)
        if check is not None:
            badges.append(CodeBadge(unit, instance, check.status, check.substatus))
    return tuple(badges)
