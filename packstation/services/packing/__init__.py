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
  `remove_code(value)`, `undo() -> bool`, `check_shorten(new_counts)` (validates with every
  rule known here without changing anything). A box index of None (or one past the last box)
  means "a new box".
- Shortening (async, a request the Market decides): `learn_promo()` reads the promo lines once;
  `shorten(new_counts)` (irreversible: confirm first) sends it and shows it pending
  (`snapshot.pending_shorten`); the lines change only when the Market accepts, a refusal leaves
  everything as it was (`Reason.SHORTEN_REFUSED`, with the options left).
- Market steps (async): `submit()` sends the layout (once per layout), prints labels, waits for
  the code verification (polls `code_checks` with back-off within the station's 1000/h budget)
  and sets READY_TO_SHIP (refused with CIS/UIN_VALIDATION_IN_PROGRESS_ERROR, it stays VERIFYING,
  polls again and retries within the same budget and timeout); `check_codes()` polls once more
  after a verification timeout and `resume_packing()` leaves the wait to edit again;
  `cancel_order()` cancels with SHOP_FAILED; `handover(code)` checks the Express courier's code
  (only a code's shape is sent) and `check_courier_code(code)` returns what came of it as a
  `HandoverOutcome` for the hand-over page;
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
  a box label, NEXT_ORDER, REPRINT, CANCEL without a countdown); NEXT_PART_BOX opens a new box.

Layout (one module each): `values` (the public data types), `state` (the `SessionState` value
and its transitions), `actions` (what each journalled action means), `edit_log` (the owner of the
state: journal, code index, replay), `sender` (the outbox around Market writes), `edits`, `scans`,
`submit`, `verification`, `order_watch`, `handover`, `countdown` (the collaborators) and
`session` (the `PackingSession` facade composing them). No collaborator inherits from another.

Journal actions are JSON dicts with an `op` key; see `actions`.
"""

from packstation.services.packing.session import PackingSession
from packstation.services.packing.values import (
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
    ScanPreview,
    SessionDeps,
    SessionSnapshot,
    SleepFn,
    SubmitCheck,
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
    "ScanPreview",
    "SessionDeps",
    "SessionSnapshot",
    "SleepFn",
    "SubmitCheck",
    "codes_still_checking",
]
