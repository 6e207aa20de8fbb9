"""`PackingSession`: the facade the desk talks to, composing the session's collaborators.

The state is one `SessionState` value owned by an `EditLog` (journal before visible, the code
index in step); the collaborators each get that log and the ports they need: `PackingEditor`
(edits), `ScanHandler` (scans), `Submitter` (layout, labels, READY_TO_SHIP), `VerificationPoller`
(code checks), `OrderWatcher` (the order changing underneath, cancelling), `CourierHandover`
(the Express courier's code), `Countdown` (auto-submit) and `IntentSender` (the outbox around
Market writes). The facade adds the snapshot and its subscribers and the background tasks.
See `packstation.services.packing` for the API.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping

from packstation.domain.courier_handover import HandoverOutcome, awaits_courier
from packstation.domain.errors import PackstationError
from packstation.domain.gtin import as_gtin14
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import Order, OrderLine
from packstation.domain.packing.codes import mandatory_kinds
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.journal import decode_order, encode_order
from packstation.domain.packing.model import Packing, UnitRef
from packstation.domain.scan import ScanKind, ScanResult
from packstation.domain.verification import CodeStatus, EacResult
from packstation.services.label_job import PrintJob
from packstation.services.packing.countdown import Countdown
from packstation.services.packing.edit_log import EditLog, replay
from packstation.services.packing.edits import PackingEditor
from packstation.services.packing.handover import CourierHandover
from packstation.services.packing.order_watch import OrderWatcher
from packstation.services.packing.scans import ScanHandler, packed_outcome, takes_courier_code
from packstation.services.packing.sender import IntentSender
from packstation.services.packing.shortening import Shortener
from packstation.services.packing.state import SessionState, snapshot_of
from packstation.services.packing.submit import Submitter
from packstation.services.packing.values import (
    CheckBudget,
    Phase,
    ScanAction,
    ScanOutcome,
    ScanPreview,
    SessionDeps,
    SessionSnapshot,
)
from packstation.services.packing.verification import VerificationPoller
from packstation.services.weak_calls import weakly, weakly_async

log = logging.getLogger("packstation.services.packing")


class PackingSession:
    """One order being packed (see `packstation.services.packing` for the API)."""

    def __init__(self, state: SessionState | Order, deps: SessionDeps) -> None:
        if isinstance(state, Order):
            state = SessionState.opened(state)
        self.deps = deps  # the ports and settings the session runs with (another restore uses them)
        self._subscribers: dict[int, Callable[[SessionSnapshot], None]] = {}
        self._keys = itertools.count()
        self._later = 0  # nested `notifying_later` blocks open
        self._unnotified = False  # a change made inside them, not yet told to the subscribers
        self._version = 0
        self._snapshot: SessionSnapshot | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        # The parts call the session back weakly (`services.weak_calls`): no reference cycles, so
        # a closed session is freed at once, not by a garbage collection in a later scan.
        self._log = log = EditLog(
            state, journal=deps.journal, on_change=weakly(self._changed), guard=deps.guard, audit=deps.audit
        )
        self._countdown = Countdown(
            deps.auto_submit_s,
            sleep=deps.sleep,
            on_tick=weakly(self._changed),
            on_due=weakly_async(self._submit_when_due),
            name=f"auto-submit-{state.order.id}",
        )
        sender = IntentSender(state.order.id, deps.market, deps.outbox, self._log.audit)
        poller = VerificationPoller(
            self._log,
            market=deps.market,
            budget=deps.budget or CheckBudget(deps.clock),
            sleep=deps.sleep,
            timeout_s=deps.verify_timeout_s,
        )
        self._shortener = Shortener(self._log, market=deps.market, sender=sender, countdown=self._countdown)
        self._watcher = OrderWatcher(
            self._log,
            market=deps.market,
            sender=sender,
            countdown=self._countdown,
            shortening=self._shortener,
        )
        self._handover = CourierHandover(self._log, market=deps.market, sender=sender)
        self._submitter = Submitter(
            self._log,
            market=deps.market,
            sender=sender,
            poller=poller,
            watcher=self._watcher,
            countdown=self._countdown,
            labels=deps.labels,
            checks=deps.submit_checks,
            clock=deps.clock,
        )
        self._editor = PackingEditor(self._log, guard=deps.guard, countdown=self._countdown)
        self._scans = ScanHandler(
            self._editor,
            state=lambda: log.state,
            countdown=self._countdown,
            request_submit=weakly(self.request_submit),
            cancel_auto_submit=weakly(self.cancel_auto_submit),
        )

    # --------------------------------------------------------------------------- opening

    @classmethod
    def start(cls, order: Order, deps: SessionDeps) -> PackingSession:
        """A new session; its journal starts with the order as opened once the packer does
        something (opening alone does not make the order "in progress").

        Raises:
            StorageError: the order cannot be journalled (not plain JSON: refused now, before
                any scan), or an order awaiting its courier could not journal its hand-over.
        """
        session = cls(order, deps)
        session._log.open_on_first_record({"op": "open", "order": encode_order(order)})
        if awaits_courier(order):
            # Packed at another desk (or before this one kept a journal): straight to its hand-over.
            session._log.record({"op": "ready"}, notify=False)
            session.order_changed(order)
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
        opened = SessionState.opened(decode_order(entries[first].action["order"]))
        state = replay(opened, (entry.action for entry in entries[first + 1 :]))
        session = cls(state, deps)
        session._log.resync_codes()
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
        if session.phase in (Phase.DONE, Phase.CANCELLED, Phase.INTERRUPTED):
            # Its work is over: a power cut may have lost the mark that says so (it commits
            # quickly), which left the order listed as in progress. Marking it again is a no-op.
            session._log.finish()
        return session

    # --------------------------------------------------------------------------- reading

    @property
    def order(self) -> Order:
        return self._log.state.order

    @property
    def phase(self) -> Phase:
        return self._log.state.phase

    @property
    def packing(self) -> Packing:
        return self._log.state.packing

    @property
    def snapshot(self) -> SessionSnapshot:
        if self._snapshot is None:
            self._snapshot = snapshot_of(self._log.state, self._version, self._countdown.remaining)
        return self._snapshot

    def scan_previews(self, limit: int = 8, *, first: str | None = None) -> list[ScanPreview]:
        """What the packer would see after scanning the item of each line next (the first
        `limit` lines with a barcode that a scan takes; the line of barcode `first` before the
        others: the item scanned last is scanned again more often than not; when its unit now
        waits for its marking code, that code's scan before them, `_code_preview`), worked out
        without changing anything or telling anyone: a view prepares those rows and texts while
        the packer reaches for the item (issue 19). Empty when scans cannot change the packing."""
        state = self._log.state
        if state.phase is not Phase.PACKING:
            return []
        previews: list[ScanPreview] = []
        lines = state.order.lines
        if first is not None:
            lines = tuple(sorted(lines, key=lambda line: first not in line.barcodes))  # stable
            code = self._code_preview(state, lines[0]) if limit > 0 and first in lines[0].barcodes else None
            if code is not None:
                previews.append(code)
        for line in lines:
            if len(previews) >= limit:
                break
            if not line.barcodes:
                continue
            barcode = line.barcodes[0]
            try:
                packing = state.packing.scan_item(barcode)
            except PackstationError:  # all its units are packed: no scan of it shows anything new
                continue
            snapshot = snapshot_of(state.edited(packing), self._version + 1, self._countdown.remaining)
            scanned = ScanResult(ScanKind.ITEM_BARCODE, raw=barcode, value=barcode)
            previews.append(ScanPreview(snapshot, packed_outcome(packing, scanned)))
        return previews

    def _code_preview(self, state: SessionState, line: OrderLine) -> ScanPreview | None:
        """What scanning the marking code of `line`'s unit just packed would show (the code a
        packer of marked goods scans next): its texts, not the code's own row (the code is not
        known yet; a value no scan can have stands in for it). None when a code scanned now
        would not go to a packed unit of `line` lacking one."""
        kinds = sorted(mandatory_kinds(state.order, line) - {InstanceKind.GTD})  # a GTD asks its country
        if not kinds or not line.barcodes:
            return None
        kind = kinds[0]
        stand_in = Instance(kind, f"\x00{kind.value}")
        gtin = as_gtin14(line.barcodes[0]) if kind is InstanceKind.CIS else None
        try:
            packing, unit = state.packing.attach_code(stand_in, gtin)
        except PackstationError:  # every unit coded, or the code would go elsewhere
            return None
        if unit.line_id != line.id or not state.packing.is_boxed(unit):
            return None
        snapshot = snapshot_of(state.edited(packing), self._version + 1, self._countdown.remaining)
        value = stand_in.value
        scanned = ScanResult(ScanKind(kind.value), raw=value, value=value, gtin=gtin, instance=stand_in)
        return ScanPreview(snapshot, ScanOutcome(ScanAction.CODE_ATTACHED, unit=unit, scan=scanned))

    def subscribe(self, callback: Callable[[SessionSnapshot], None]) -> Callable[[], None]:
        """Call `callback(snapshot)` after every change; returns an unsubscriber."""
        key = next(self._keys)
        self._subscribers[key] = callback

        # Holds the key, not the callback: a subscriber keeping its unsubscriber (a view's model)
        # forms no reference cycle with it.
        def unsubscribe() -> None:
            self._subscribers.pop(key, None)

        return unsubscribe

    @contextlib.contextmanager
    def notifying_later(self) -> Iterator[None]:
        """Tell the subscribers about the changes made inside the block once, with the latest
        snapshot, when it ends (also when it raises). The session itself is current all along
        (`snapshot`, `packing`): only the subscribers wait.

        Why (issue 19): a view shows a scan's feedback before its lists follow the change."""
        self._later += 1
        try:
            yield
        finally:
            self._later -= 1
            if not self._later and self._unnotified:
                self._unnotified = False
                self._notify()

    def _changed(self) -> None:
        self._version += 1
        self._snapshot = None
        if self._later:
            self._unnotified = True
        else:
            self._notify()

    def _notify(self) -> None:
        snapshot = self.snapshot
        for callback in list(self._subscribers.values()):
            try:
                callback(snapshot)
            except Exception:  # a broken view must not undo a journaled action
                log.exception("packing session subscriber failed")

    # --------------------------------------------------------------------------- editing

    def put(self, line_id: int, box: int | None = None, units: int = 1) -> None:
        """Put unpacked units of a line into a box (None: a new box)."""
        self._editor.put(line_id, box, units)

    def move(self, line_id: int, from_box: int, to_box: int | None, units: int = 1) -> None:
        """Move whole units between boxes (`to_box` None: a new box)."""
        self._editor.move(line_id, from_box, to_box, units)

    def unpack(self, line_id: int, box: int, units: int = 1) -> None:
        """Take units out of a box (a part box: the whole split unit)."""
        self._editor.unpack(line_id, box, units)

    def new_box(self) -> None:
        self._editor.new_box()

    def close_box(self) -> None:
        self._editor.close_box()

    def split(self, line_id: int, parts: int | None = None) -> None:
        """Split one unpacked unit into part boxes (default: the item's `boxCount`)."""
        self._editor.split(line_id, parts)

    def scan_item(self, barcode: str) -> None:
        """One unit of the item with this barcode into the current box."""
        self._editor.scan_item(barcode)

    def attach_code(self, instance: Instance, gtin: str | None = None) -> UnitRef:
        """Attach a marking code to the next unit of its line that lacks one."""
        return self._editor.attach_code(instance, gtin)

    def remove_code(self, value: str) -> None:
        """Take a code off its unit (a rejected code, or one scanned by mistake)."""
        self._editor.remove_code(value)

    def undo(self) -> bool:
        """Go back one action (not past a shortening or a submit); False when nothing to undo."""
        return self._editor.undo()

    def check_shorten(self, new_counts: Mapping[int, int]) -> dict[int, int]:
        """Check a shortening against every rule known here without changing anything."""
        return self._shortener.check(new_counts)

    async def learn_promo(self) -> None:
        """Ask the Market which lines are promo (once), so `check_shorten` knows them."""
        await self._shortener.learn_promo()

    async def shorten(self, new_counts: Mapping[int, int]) -> None:
        """Ask the Market to remove lines or reduce counts (line id -> count to keep).

        A request, not a local fact: while the Market answers, `snapshot.pending_shorten` holds
        it; the lines change only when it accepts (irreversibly: undo cannot bring them back); a
        refusal leaves everything as it was (`Reason.SHORTEN_REFUSED`, with the options left).
        """
        try:
            await self._shortener.request(new_counts)
        except PackingError as error:
            if error.reason is Reason.SHORTEN_REFUSED:
                with contextlib.suppress(PackstationError):
                    await self._watcher.refresh_order()  # a cancelled order explains a refusal best
            raise

    # ----------------------------------------------------------------------------- scans

    def takes_courier_code(self, result: ScanResult) -> bool:
        """True when `result` is the courier's code to verify (verifyEac), not a packing scan."""
        return takes_courier_code(self._log.state, result)

    def scan(self, result: ScanResult) -> ScanOutcome:
        """Apply a classified scan (see `scans`).

        Raises:
            PackingScanError / ScanError / PackingError: the scan was refused (nothing changed;
                the error is also in `snapshot.last_error`).
        """
        try:
            return self._scans.scan(result)
        except PackstationError as error:
            self._log.audit("scan_refused", type(error).__name__)  # an error for the packer's shift
            if self._log.state.last_error is not error:
                self._log.update(last_error=error)
            raise

    # ------------------------------------------------------------------------ Market steps

    async def submit(self) -> None:
        """Send the layout, print the labels, wait for the code check, set READY_TO_SHIP."""
        await self._submitter.submit()

    async def check_codes(self) -> CodeStatus:
        """Poll the code verification once more (after a timeout)."""
        return await self._submitter.check_codes()

    def resume_packing(self) -> None:
        """Leave a long code verification and edit again."""
        self._submitter.resume_packing()

    async def reprint(self) -> PrintJob | None:
        """Print the labels of the boxes the Market holds again (None: nothing sent yet)."""
        return await self._submitter.reprint()

    async def cancel_order(self) -> None:
        """Cancel the order (CANCELLED / SHOP_FAILED). Confirm first."""
        await self._watcher.cancel_order()

    async def refresh_order(self) -> Order:
        """Re-read the order from the Market and react to changes."""
        return await self._watcher.refresh_order()

    def order_changed(self, order: Order) -> None:
        """React to a fresh copy of the order (from the order queue)."""
        self._watcher.order_changed(order)

    async def handover(self, code: str) -> EacResult:
        """Check the Express courier's code (verifyEac)."""
        return await self._handover.handover(code)

    async def check_courier_code(self, code: str) -> HandoverOutcome:
        """Check the courier's code and say what came of it (never raises a Market failure: the
        hand-over page shows each outcome); input without a code's shape is never sent."""
        return await self._handover.check(code)

    # ---------------------------------------------------------------------- background work

    def request_submit(self) -> None:
        """Start `submit()` in the background (the SUBMIT command barcode).

        Raises:
            PackingError: at once, when the submit cannot start (incomplete, wrong phase); later
                failures land in `snapshot.last_error`.
        """
        self._submitter.check_submittable()
        self._spawn(self.submit)

    def cancel_auto_submit(self) -> None:
        """Stop the auto-submit countdown; it restarts after the next change of the packing."""
        self._countdown.stop()
        self._changed()

    async def _submit_when_due(self) -> None:
        state = self._log.state
        if state.phase is Phase.PACKING and state.packing.complete and not state.pending_shorten:
            await self.submit()

    def _spawn(self, work: Callable[[], Awaitable[None]]) -> None:
        loop = asyncio.get_running_loop()  # raises before any coroutine exists when there is none

        async def run() -> None:
            with contextlib.suppress(PackstationError):
                await work()

        task = loop.create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _background(self) -> list[asyncio.Task[None]]:
        countdown = self._countdown.task
        return [*self._tasks, *([countdown] if countdown is not None else [])]

    async def wait_idle(self) -> None:
        """Wait for background submits and the countdown to finish."""
        while pending := self._background():
            await asyncio.gather(*pending, return_exceptions=True)

    async def close(self) -> None:
        """Cancel background work (the window closes); the journal keeps the state."""
        tasks = self._background()
        self._countdown.stop()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._changed()
