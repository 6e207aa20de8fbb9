"""The packing of one order, from the first scan to READY_TO_SHIP (and the Express courier).

A `PackingSession` wraps the immutable packing rules (`domain.packing`) in a state machine, writes
every action to the journal before it becomes visible, talks to the Market through `MarketPort`
and prints labels through the printing engineer's `LabelJob`. It is Qt-free; the workspace UI
drives it and redraws from `snapshot` whenever a subscriber callback fires.

Phases (`Phase`)::

    PACKING --submit()--> SUBMITTING --layout sent, labels printed--> VERIFYING --codes OK--> READY
       ^                      |                                           |                  |
       +--- refused/failed ---+<------ a code FAILED/INVALID (replace) ---+     FBS/DBS: DONE at once;
                                                                                 Express: handover(code)
    any phase --cancel_order()--> CANCELLED        any phase --order_changed(cancelled/changed)--> INTERRUPTED

API overview (all refusals are `PackstationError`s with Russian and English text; a refused
action changes nothing):

- Opening: `PackingSession.open(order, deps)` restores the order's journal when there is one,
  else starts a new journal; `PackingSession.restore(order_id, deps)` rebuilds from the journal.
  A restore re-syncs the station's seen-codes index with the restored codes (the index is
  written after the journal, so a crash may leave it one code ahead or behind).
  `SessionDeps` bundles the ports (market, journal, clock, labels printer, code guard, outbox,
  audit, the code-check budget) and settings (auto-submit seconds, verification timeout).
- Packing (sync, only in PACKING): `scan(result) -> ScanOutcome`, `put(line_id, box, units)`,
  `move(line_id, from_box, to_box, units)`, `unpack(line_id, box, units)`, `new_box()`,
  `close_box()`, `split(line_id, parts=None)`, `attach_code(instance, gtin=None)`,
  `remove_code(value)`, `undo() -> bool`, `shorten(new_counts)` (irreversible: confirm first;
  `check_shorten(new_counts)` validates without changing anything). A box index of None (or one
  past the last box) means "a new box".
- Market steps (async): `submit()` sends the layout (once per layout), prints labels, waits for
  the code verification (polls `code_checks` with back-off within the station's 1000/h budget)
  and sets READY_TO_SHIP (refused with CIS/UIN_VALIDATION_IN_PROGRESS_ERROR, it stays VERIFYING,
  polls again and retries within the same budget and timeout); `check_codes()` polls once more
  after a verification timeout and `resume_packing()` leaves the wait to edit again;
  `cancel_order()` cancels with SHOP_FAILED; `handover(code)` checks the Express courier's code;
  `reprint()` prints the current labels again; `refresh_order()` re-reads the order.
  `request_submit()` starts `submit()` as a tracked task (the SUBMIT command barcode uses it;
  it refuses at once when the packing is incomplete); with `auto_submit_s` set, a complete
  packing starts a countdown (`snapshot.countdown`) that any edit or `cancel_auto_submit()`
  stops; `wait_idle()` awaits background work; `close()` cancels it.
- Watching: `snapshot` (a frozen `SessionSnapshot`: phase, packing state, per-line progress,
  problems blocking submit, code badges, labels and whether they are stale, countdown, courier
  result, interruption, last error); `subscribe(callback)` returns an unsubscriber;
  `order_changed(order)` is fed by the order queue (`QueueChange.updated` and `.left`) and
  interrupts packing when the buyer cancels or the order changes underneath.
- Scans: `scan()` returns a `ScanOutcome`; FORWARD means "for the UI" (another order's number,
  a box label, NEXT_ORDER, REPRINT, NEXT_PART_BOX, CANCEL without a countdown).

The data types (`Phase`, `ScanOutcome`, `SessionSnapshot`, `SessionDeps`, `CheckBudget`, ...)
live in `services.packing_types` and are re-exported here. The session is a stack of layers,
one module each: `packing_session_core` (state, snapshot, journal/outbox/code-index plumbing),
`packing_verification` (polling the code checks), `packing_order_watch` (the order changing
underneath, cancelling), `packing_handover` (the Express courier's code), `packing_submit`
(layout, labels, READY_TO_SHIP, auto-submit), `packing_edits` (edits and scans),
`packing_replay` (journal actions replayed on restore) and this module (opening, restoring).

Journal actions are JSON dicts with an `op` key: `open` (the order as opened), `put`, `move`,
`unpack`, `new_box`, `close_box`, `split`, `scan_item`, `code`, `remove_code`, `undo`, `shorten`,
`layout_sent`, `rejected`, `ready`, `eac`, `cancelled`, `interrupted`, `done`.
"""

from __future__ import annotations

from packstation.domain.order import Order
from packstation.domain.packing_journal import decode_order, encode_order
from packstation.services.packing_edits import PackingEdits
from packstation.services.packing_replay import replay_action
from packstation.services.packing_types import (
    POLL_DELAYS,
    STILL_CHECKING_CODES,
    CheckBudget,
    CodeBadge,
    CodesStillCheckingError,
    OrderLabelPrinter,
    Phase,
    PollBackoff,
    ScanAction,
    ScanOutcome,
    SessionDeps,
    SessionSnapshot,
    SleepFn,
    codes_still_checking,
)

__all__ = [
    "POLL_DELAYS",
    "STILL_CHECKING_CODES",
    "CheckBudget",
    "CodeBadge",
    "CodesStillCheckingError",
    "OrderLabelPrinter",
    "PackingSession",
    "Phase",
    "PollBackoff",
    "ScanAction",
    "ScanOutcome",
    "SessionDeps",
    "SessionSnapshot",
    "SleepFn",
    "codes_still_checking",
]


class PackingSession(PackingEdits):
    """One order being packed (see the module docstring for the API)."""

    @classmethod
    def start(cls, order: Order, deps: SessionDeps) -> PackingSession:
        """A new session; the journal starts with the order as opened."""
        session = cls(order, deps)
        deps.journal.append(order.id, {"op": "open", "order": encode_order(order)})
        session._audit("order_opened")  # the Shift panel times open -> READY_TO_SHIP from here
        return session

    @classmethod
    def restore(cls, order_id: int, deps: SessionDeps) -> PackingSession | None:
        """Rebuild a session from its journal (None when the order has no journal).

        Raises:
            StorageError: the journal cannot be read.
        """
        entries = deps.journal.entries(order_id)
        # An order packed again after an interruption starts a new journal section with "open".
        starts = [i for i, entry in enumerate(entries) if entry.action.get("op") == "open"]
        if not starts:
            return None
        first = starts[-1]
        session = cls(decode_order(entries[first].action["order"]), deps)
        session._replaying = True
        try:
            for entry in entries[first + 1 :]:
                replay_action(session, entry.action)
        finally:
            session._replaying = False
        session._resync_registry()
        session._changed()
        return session

    @classmethod
    def open(cls, order: Order, deps: SessionDeps) -> PackingSession:
        """Resume the order's journal if it has one (then compare with `order`), else start anew.

        An order whose packing was interrupted (or cancelled here) and that awaits packing again
        starts a fresh journal section.
        """
        session = cls.restore(order.id, deps)
        if session is None or (
            session.phase in (Phase.INTERRUPTED, Phase.CANCELLED) and order.awaiting_packing
        ):
            return cls.start(order, deps)
        session.order_changed(order)
        return session
