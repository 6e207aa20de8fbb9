"""Duplicate marking codes: refuse a code scanned twice in one order or already used at this station.

One physical unit has one code; scanning it twice (a second unit "coded" with the first unit's
label) is the commonest way a wrong code reaches the Market. Codes are compared by identity:
for a Chestny Znak code the GTIN + serial ("KI"), since the crypto tail of the same label can be
misread differently; for other kinds the normalized value. The station-wide index
(`CodeRegistryPort`, journal-backed) is told about accepted codes and keyed the same way, so it
never stores crypto tails.

In a fleet of desks (`--fleet`), `reservations` reserves each accepted code warehouse-wide at
scan time: a code another desk's order holds is refused at once, naming that order and desk. With
the warehouse database away the desk checks codes against its own index only and the
reservations catch up when it returns (see `packstation.fleet.code_reservations`).

A unit split across part boxes repeats its code in every box: that is the packing session's
doing and never goes through `check`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from packstation.domain.cis import check_cis
from packstation.domain.errors import ScanError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.services.fleet_ports import CodeReservationPort, FleetUnavailableError
from packstation.services.ports import CodeRegistryPort


def code_key(instance: Instance) -> str:
    """The identity of a code: GTIN+serial for a valid CIS, the value otherwise."""
    if instance.kind is InstanceKind.CIS:
        key = _cis_key(instance.value)
        if key is not None:
            return key
    return f"{instance.kind.value}:{instance.value}"


@functools.lru_cache(maxsize=4096)
def _cis_key(value: str) -> str | None:
    """GTIN+serial of a valid CIS, else None. Kept per value: a code scan compares the new code
    with every code of its order, and then remembers it; parsing each again (~0.2 ms a code)
    made a scan's cost grow with the order's units (issue 19)."""
    check = check_cis(value)
    return check.without_tail if check.valid else None


class CodeGuard:
    """Checks codes for duplicates before the packing session accepts them.

    Args:
        registry: the station's index of codes used in orders.
        reservations: the fleet's code reservations; None for a single desk.
    """

    def __init__(self, registry: CodeRegistryPort, reservations: CodeReservationPort | None = None) -> None:
        self._registry = registry
        self._reservations = reservations

    def check(self, instance: Instance, *, order_id: int, order_codes: Iterable[Instance] = ()) -> None:
        """Refuse `instance` if it is already in this order or was used in another order here.

        Args:
            instance: the scanned code.
            order_id: the order being packed.
            order_codes: codes already attached to units of this order.

        Raises:
            ScanError: saying where (and when) the code was used.
        """
        key = code_key(instance)
        if any(code_key(other) == key for other in order_codes):
            raise _in_this_order(instance)
        use = self._registry.find(key)
        if use is None:
            self._reserve(instance, key, order_id)
            return
        if use.order_id == order_id:
            raise _in_this_order(instance)
        when = use.used_at.strftime("%d.%m.%Y %H:%M")
        raise ScanError(
            QT_TRANSLATE_NOOP("CodeGuard", "This code (%1) was already used in order %2 (%3).")(
                instance.masked(), use.order_id, when
            ),
            hint=QT_TRANSLATE_NOOP(
                "CodeGuard", "Scan this unit's own code; if order %1 was cancelled, release it there."
            )(use.order_id),
        )

    def _reserve(self, instance: Instance, key: str, order_id: int) -> None:
        if self._reservations is None:
            return
        try:
            holder = self._reservations.reserve(key, order_id)
        except FleetUnavailableError:
            return  # offline: this desk's own index decided; the reservation is queued
        if holder is None or holder.order_id == order_id:
            return
        raise ScanError(
            QT_TRANSLATE_NOOP("CodeGuard", "This code (%1) is already in order %2 at desk %3.")(
                instance.masked(), holder.order_id, holder.desk
            ),
            hint=QT_TRANSLATE_NOOP(
                "CodeGuard", "Scan this unit's own code; if order %1 was cancelled, release it there."
            )(holder.order_id),
        )

    def remember(self, instance: Instance, order_id: int) -> None:
        """Record that `order_id` now uses the code."""
        self._registry.remember(code_key(instance), order_id)

    def forget(self, instance: Instance, order_id: int) -> None:
        """Release the code (unit unpacked, scan undone, order cancelled)."""
        key = code_key(instance)
        self._registry.forget(key, order_id)
        if self._reservations is not None:
            self._reservations.release(key, order_id)

    def resync(self, order_id: int, instances: Iterable[Instance]) -> None:
        """Make the index hold exactly `instances` for `order_id`, and no other code of it.

        The index is written after the journal, in its own transaction: a crash in between
        leaves it one code ahead or behind the journal, so a restored session calls this.
        """
        wanted = {code_key(instance) for instance in instances}
        held = set(self._registry.codes_of(order_id))
        for key in sorted(held - wanted):
            self._registry.forget(key, order_id)
        for key in sorted(wanted - held):
            self._registry.remember(key, order_id)
        if self._reservations is not None:
            self._reservations.resync(order_id, frozenset(wanted))


def _in_this_order(instance: Instance) -> ScanError:
    return ScanError(
        QT_TRANSLATE_NOOP("CodeGuard", "This code (%1) was already scanned in this order.")(
            instance.masked()
        ),
        hint=QT_TRANSLATE_NOOP("CodeGuard", "Every unit has its own code: scan the code on the next unit."),
    )
