"""The owner of a packing session's state: journal first, then visible, then the code index.

`EditLog.record` writes an action to the journal (durably) before its state becomes current;
`set` changes what is not journalled (the phase while sending, the code checks, errors). Both
keep the station's seen-codes index in step with the codes the state holds and tell the session
that something changed. `replay` rebuilds a state from the journal with `apply_action`, the same
meaning the live actions have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.services.code_guard import CodeGuard
from packstation.services.packing.actions import UnknownActionError, apply_action
from packstation.services.packing.state import SessionState
from packstation.services.ports import AuditPort, EncodedAction, JournalPort

log = logging.getLogger("packstation.services.packing")


def replay(state: SessionState, actions: Iterable[Mapping[str, Any]]) -> SessionState:
    """`state` after the journalled `actions`.

    An unknown action, or one that no longer applies (e.g. written by another version), is
    skipped with a warning so the rest of the packer's work still opens.
    """
    for action in actions:
        op = action.get("op")
        try:
            state = apply_action(state, action)
        except UnknownActionError:
            log.warning("journal of order %s: unknown action %r skipped", state.order.id, op)
        except PackstationError as error:
            log.warning("journal of order %s: action %r skipped: %s", state.order.id, op, error.en)
        except (KeyError, TypeError, ValueError) as error:  # readable JSON with damaged fields
            log.error("journal of order %s: damaged action %r skipped: %r", state.order.id, op, error)
    return state


class EditLog:
    """Holds the current `SessionState` of one order and records its changes."""

    def __init__(
        self,
        state: SessionState,
        *,
        journal: JournalPort,
        on_change: Callable[[], None],
        guard: CodeGuard | None = None,
        audit: AuditPort | None = None,
    ) -> None:
        self._state = state
        self._journal = journal
        self._on_change = on_change
        self._guard = guard
        self._audit = audit
        # A new session's "open" line waits for the first recorded action: an order only looked
        # at leaves no journal, so it is not "in progress" here (nor kept claimed in a fleet).
        self._opening: EncodedAction | None = None

    def open_on_first_record(self, action: Mapping[str, Any]) -> None:
        """Journal `action` (the order as opened) just before the first recorded action, and
        audit "order_opened" then. Encoded now: the whole order's JSON is made while the order
        opens, not inside its first scan (issue 19).

        Raises:
            StorageError: `action` is not plain JSON (nothing is stored, now or later).
        """
        self._opening = self._journal.encode(action)

    @property
    def journalled(self) -> bool:
        """Whether this session has a journal section (False while the order is only looked at)."""
        return self._opening is None

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def order_id(self) -> int:
        return self._state.order.id

    def record(
        self, action: Mapping[str, Any], new: SessionState | None = None, *, notify: bool = True
    ) -> SessionState:
        """Journal `action` and update the code index (one transaction), then make its state
        current: `new` when the caller has it (it keeps what the Market answered), else
        `apply_action`'s. If either write fails nothing changes, so the packer is never told
        "not done" about an action that was stored (or the reverse).

        A cancellation or interruption is done on the Market already: its codes are released
        after the journal line, and a failure to release them is logged, not raised (the next
        restore of the order releases them, `resync_codes`).

        Raises:
            PackstationError: the action does not apply (nothing is journalled).
            StorageError: the journal or the code index cannot be written (nothing changes).
        """
        old = self._state
        if new is None:
            new = apply_action(old, action)
        held = old.held_codes()
        releasing = bool(held) and new.phase is not old.phase and not new.held_codes()
        opening = self._opening
        with self._journal.atomic():
            if opening is not None:
                self._journal.append(self.order_id, opening)
            self._journal.append(self.order_id, dict(action))
            if not releasing:
                self._sync_codes(old, new, held)
            if opening is not None:
                # The Shift panel times open -> READY_TO_SHIP from here. In the lines' own
                # transaction: one commit less in the order's first scan (issue 19), and no
                # local audit line without them (a fleet's copy is queued now, sent later).
                self.audit("order_opened")
        self._state = new
        if opening is not None:
            self._opening = None
        if releasing:
            self._release_codes(old)
        if notify:
            self._on_change()
        return new

    def set(self, new: SessionState, *, notify: bool = True) -> None:
        """Make `new` current without journalling it (what a restart need not remember: the
        phase while sending, the code checks, errors; never the codes)."""
        self._state = new
        if notify:
            self._on_change()

    def update(self, *, notify: bool = True, **changes: Any) -> None:
        """`set` the current state with `changes`."""
        self.set(replace(self._state, **changes), notify=notify)

    def notify(self) -> None:
        self._on_change()

    def finish(self) -> None:
        """The order's packing is over: its journal section is complete."""
        self._journal.finish(self.order_id)

    def audit(self, action: str, detail: str = "") -> None:
        """A line of the audit trail about this order."""
        if self._audit is not None:
            self._audit.record(action, order_id=self.order_id, detail=detail)

    def resync_codes(self) -> None:
        """After a restore: the station's code index holds exactly this order's codes (a crash
        may have come between the journal line and the index update), or none once it is off."""
        if self._guard is not None:
            self._guard.resync(self.order_id, self._state.held_codes())

    def _release_codes(self, old: SessionState) -> None:
        if self._guard is None:
            return
        try:
            for instance in old.held_codes():
                self._guard.forget(instance, self.order_id)
        except PackstationError as error:
            log.error(
                "order %s: codes not released yet (%s); released on the next restore", self.order_id, error.en
            )

    def _sync_codes(self, old: SessionState, new: SessionState, before: frozenset[Instance]) -> None:
        """`before`: `old.held_codes()`."""
        if self._guard is None or (old.packing is new.packing and old.phase is new.phase):
            return
        after = new.held_codes()
        for instance in after - before:
            self._guard.remember(instance, self.order_id)
        for instance in before - after:
            self._guard.forget(instance, self.order_id)
