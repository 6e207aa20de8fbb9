"""Which desk packs which order: the gate in front of "open this order" in a fleet of desks.

`DeskClaims.open(order_id)` claims the order for this desk and answers with a decision value:
`Granted`, or `HeldElsewhere` carrying the other desk's claim and the packer-facing text
("packing at desk 3 (Anna), since 10:42"). Taking an order over from a desk that died is a
separate, deliberate call (`take_over`), which the fleet records in the history.

`run()` is the desk's heartbeat: it renews this desk's leases every `heartbeat_s`, lets the
code reservations catch up after an outage (`reconcile`) and keeps `claims_by_order` fresh for
the order list. While the database is away the desk keeps the orders it already holds
(`Granted(offline=True)`), refuses nothing it cannot check, and says so through `on_state`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import tzinfo

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.services.fleet_ports import Claim, ClaimsPort, FleetUnavailableError

log = logging.getLogger("packstation.services.desk_claims")


@dataclass(frozen=True, slots=True)
class Granted:
    order_id: int
    offline: bool = False  # the database was away: this desk's own word


@dataclass(frozen=True, slots=True)
class HeldElsewhere:
    claim: Claim

    def text(self, tz: tzinfo | None = None) -> Message:
        return held_text(self.claim, tz)


OpenDecision = Granted | HeldElsewhere


def held_text(claim: Claim, tz: tzinfo | None = None, *, since: str = "") -> Message:
    """ "packing at desk 3 (Anna), since 10:42" in local time (`since`: the view's own writing of
    the time)."""
    since = since or claim.since.astimezone(tz).strftime("%H:%M")
    if claim.packer:
        return QT_TRANSLATE_NOOP("ClaimGate", "packing at desk %1 (%2), since %3")(
            claim.desk, claim.packer, since
        )
    return QT_TRANSLATE_NOOP("ClaimGate", "packing at desk %1, since %2")(claim.desk, since)


class ClaimRefusedError(PackstationError):
    """The order is being packed at another desk."""

    def __init__(self, claim: Claim) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("ClaimGate", "Order %1 is %2.")(claim.order_id, held_text(claim)),
            hint=QT_TRANSLATE_NOOP("DeskClaims", 'If that desk is down, take the order over ("Take over").'),
        )
        self.claim = claim


@dataclass(frozen=True, slots=True)
class FleetState:
    online: bool
    conflicts: tuple[Message, ...] = ()  # conflicts found on return, one line each


class DeskClaims:
    """The claims use case of one desk.

    Args:
        port: the fleet's claims.
        reconcile: replays queued code reservations after an outage and returns the conflicts
            as packer-facing lines (None: nothing to replay).
        heartbeat_s: how often leases are renewed (well under the lease).
    """

    def __init__(
        self,
        port: ClaimsPort,
        *,
        reconcile: Callable[[], Awaitable[list[Message]]] | None = None,
        heartbeat_s: float = 5.0,
    ) -> None:
        self._port = port
        self._reconcile = reconcile
        self.heartbeat_s = heartbeat_s
        self._held: set[int] = set()
        self._claims: dict[int, Claim] = {}
        self._state = FleetState(online=True)
        self._listeners: list[Callable[[FleetState], None]] = []
        self._claims_listeners: list[Callable[[], None]] = []
        # The orders this desk still works on (open, or with packing in its journal); the
        # heartbeat releases every other claim it holds. None keeps them all.
        self.keep: Callable[[], set[int]] | None = None

    @property
    def desk(self) -> str:
        return self._port.desk

    @property
    def state(self) -> FleetState:
        return self._state

    @property
    def held(self) -> frozenset[int]:
        return frozenset(self._held)

    def on_state(self, callback: Callable[[FleetState], None]) -> None:
        self._listeners.append(callback)

    def on_claims(self, callback: Callable[[], None]) -> None:
        self._claims_listeners.append(callback)

    def claim_of(self, order_id: int) -> Claim | None:
        """Another desk's live claim on `order_id`, as of the last heartbeat (for the order list)."""
        claim = self._claims.get(order_id)
        return None if claim is None or claim.desk == self.desk else claim

    def mark_offline(self) -> None:
        """The database could not be reached at start: work offline until a heartbeat gets through."""
        self._set_state(FleetState(online=False))

    def _set_state(self, state: FleetState) -> None:
        if state != self._state:
            self._state = state
            for callback in list(self._listeners):
                callback(state)

    async def open(self, order_id: int) -> OpenDecision:
        """Claim `order_id` for this desk before it is opened (by click or by scan)."""
        if not self._state.online:
            # Known offline: do not make the packer wait for a timeout; the heartbeat reconnects
            # and re-claims (naming any order another desk took meanwhile).
            self._held.add(order_id)
            return Granted(order_id, offline=True)
        try:
            claim = await self._port.claim(order_id)
        except FleetUnavailableError:
            self._set_state(FleetState(online=False))
            # Nobody can be asked: the desk works on its own word and reconciles later.
            self._held.add(order_id)
            return Granted(order_id, offline=True)
        self._claims[order_id] = claim
        if claim.desk == self.desk:
            self._held.add(order_id)
            return Granted(order_id)
        return HeldElsewhere(claim)

    async def open_or_raise(self, order_id: int) -> None:
        decision = await self.open(order_id)
        if isinstance(decision, HeldElsewhere):
            raise ClaimRefusedError(decision.claim)

    async def take_over(self, order_id: int, from_desk: str) -> Claim:
        """Deliberately move the order to this desk (the packer confirmed it); recorded."""
        claim = await self._port.take_over(order_id, from_desk)
        self._claims[order_id] = claim
        if claim.desk == self.desk:
            self._held.add(order_id)
        return claim

    async def release(self, order_id: int) -> None:
        """The order is done here (submitted, cancelled, closed unpacked)."""
        self._held.discard(order_id)
        self._claims.pop(order_id, None)
        with contextlib.suppress(FleetUnavailableError):
            await self._port.release(order_id)

    async def beat(self) -> FleetState:
        """One heartbeat: renew leases, re-claim what was held offline, reconcile codes."""
        try:
            await self._port.heartbeat()
            conflicts: list[Message] = []
            if not self._state.online:
                conflicts.extend(await self._reclaim())
            if self._reconcile is not None:  # codes queued while offline (or a slow scan)
                conflicts.extend(await self._reconcile())
            if self.keep is not None:
                keep = self.keep()
                for order_id in sorted(self._held - keep):
                    self._held.discard(order_id)
                    await self._port.release(order_id)
            claims = await self._port.claims()
        except FleetUnavailableError:
            self._set_state(FleetState(online=False))
            return self._state
        self._claims = {claim.order_id: claim for claim in claims}
        for callback in list(self._claims_listeners):
            callback()
        if conflicts or not self._state.online:
            self._set_state(FleetState(online=True, conflicts=tuple(conflicts)))
        return self._state

    async def _reclaim(self) -> list[Message]:
        lost: list[Message] = []
        for order_id in sorted(self._held):
            claim = await self._port.claim(order_id)
            if claim.desk != self.desk:
                self._held.discard(order_id)
                lost.append(QT_TRANSLATE_NOOP("DeskClaims", "order %1 is %2")(order_id, held_text(claim)))
        return lost

    async def run(self) -> None:
        while True:
            try:
                await self.beat()
            except Exception:  # a bug in one beat must not end the heartbeat for good
                log.exception("fleet heartbeat failed")
            await asyncio.sleep(self.heartbeat_s)
