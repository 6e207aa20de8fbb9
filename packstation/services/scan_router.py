"""Where a scan at the packing desk goes: open an order, the open order's session, a reprint, the list.

The scanner feeds one desk whatever screen is showing, so the same barcode means different things:
an 8-digit order number also reads as an EAN-8, a box label is either a reprint or a way to find its
order, a command may be for the shell rather than the session. `ScanRouter.handle` is the one path
of a scan: it classifies the text once (knowing the open order's barcodes), routes it, applies it
to the open order's session and resolves what the session hands back, all without Qt; the
decision comes back as a value the UI (`PackingDesk`) only carries out::

    keyboard/serial -> ScannerFilter -> PackingDesk.handle_scan -> ScanRouter.handle
        -> classify_scan -> route -> PackingSession.scan -> (submit) PUT .../boxes
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Protocol

from packstation.domain.classify import classify_scan
from packstation.domain.courier_handover import awaits_courier, courier_code, not_a_courier_code
from packstation.domain.errors import PackstationError, ScanError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order
from packstation.domain.scan import Command, ScanKind, ScanResult
from packstation.services.packing.values import ScanAction, ScanOutcome

# Scanner framing only: `str.strip()` would also eat GS (0x1D), which is data in a marking code.
FRAMING: Final = "\r\n\t "
MAX_ORDER_DIGITS: Final = 18  # longer digit runs are never order numbers (int64 ids)
SHOWN_CHARS: Final = 40
MASKED_CHARS: Final = 18  # as `Instance.masked`: the GTIN part, never the serial
# Scans that stand for one unit of an order (opening the order by one of them also packs it).
_UNIT_KINDS: Final = frozenset({ScanKind.ITEM_BARCODE, ScanKind.CIS, ScanKind.UIN, ScanKind.RNPT})


class OrderLookup(Protocol):
    """What the router needs from the order queue (`OrderQueue` satisfies it)."""

    def get(self, order_id: int) -> Order | None: ...

    def find_by_scan(self, scan: ScanResult) -> Order | None: ...


class ScanSession(Protocol):
    """What the router needs from the open order's session (`PackingSession` satisfies it)."""

    @property
    def order(self) -> Order: ...

    def takes_courier_code(self, result: ScanResult) -> bool: ...

    def scan(self, result: ScanResult) -> ScanOutcome: ...


@dataclass(frozen=True, slots=True)
class OpenOrder:
    """Open (or bring back) the packing view of this order; `then` is the scan that found it
    (an item barcode or marking code scanned on the list), to apply once the order is open."""

    order_id: int
    then: str | None = None


@dataclass(frozen=True, slots=True)
class Applied:
    """The open order's session took the scan (an item, a marking code, a session command)."""

    outcome: ScanOutcome
    scan: ScanResult


@dataclass(frozen=True, slots=True)
class SessionRefused:
    """The open order's session refused the scan; nothing changed."""

    error: PackstationError
    scan: ScanResult


@dataclass(frozen=True, slots=True)
class CourierCode:
    """The Express courier's code for the open order (READY, waiting for its courier)."""

    code: str


@dataclass(frozen=True, slots=True)
class ReprintLabels:
    """The REPRINT command: print the open order's labels again."""


@dataclass(frozen=True, slots=True)
class Reprint:
    """Reprint box label `box_no` of the order; `otherwise` applies when the print side declines
    after all (it has the last word: the job may have left its recent list meanwhile)."""

    order_id: int
    box_no: int
    otherwise: OpenOrder | Refuse


@dataclass(frozen=True, slots=True)
class ShowOrders:
    """Go back to the order list (the NEXT_ORDER command)."""


@dataclass(frozen=True, slots=True)
class Ignore:
    """Nothing to do (e.g. CANCEL with nothing to cancel): the session already gave its feedback."""


@dataclass(frozen=True, slots=True)
class Refuse:
    """Do nothing but show `error` (Russian and English) to the packer."""

    error: PackstationError


ScanDecision = (
    OpenOrder
    | Applied
    | SessionRefused
    | CourierCode
    | ReprintLabels
    | Reprint
    | ShowOrders
    | Ignore
    | Refuse
)


class ScanRouter:
    """Decides what a scan at the desk is for.

    Args:
        orders: the listed orders (the order queue).
        can_reprint: whether this station can reprint box label `(order id, box number)`, i.e. it
            printed that order's labels recently.
    """

    def __init__(self, orders: OrderLookup, can_reprint: Callable[[int, int], bool]) -> None:
        self._orders = orders
        self._can_reprint = can_reprint

    def handle(self, text: str, session: ScanSession | None) -> ScanDecision:
        """A scan from the scanner: classified once, routed, and applied when it is the session's.

        Args:
            text: the decoded scan.
            session: the session of the order whose packing view is on screen, None on the list.

        Returns:
            A listed order's number opens that order (even inside another order's view), and so
            does the box label of an Express order waiting for its courier; inside
            a view everything else goes to its session (`to_session`); on the list, a box label
            printed here is reprinted, and any other scan opens the one listed order it points
            at, or is refused.
        """
        open_order = session.order if session is not None else None
        barcodes = [code for line in open_order.lines for code in line.barcodes] if open_order else []
        scan = classify_scan(text, known_gtins=barcodes)
        listed = self._listed_order_number(scan, open_order)
        if listed is not None:
            return OpenOrder(listed)
        waiting = self._awaiting_courier(scan)
        if waiting is not None:
            return OpenOrder(waiting)  # its hand-over page, from any screen (never a reprint)
        if session is not None:
            return self.to_session(session, scan)
        if scan.kind is ScanKind.BOX_LABEL and scan.order_id is not None and scan.box_no is not None:
            found = self._find(scan)
            if self._can_reprint(scan.order_id, scan.box_no):
                return Reprint(scan.order_id, scan.box_no, otherwise=found)
            return found
        return self._find(scan)

    def to_session(self, session: ScanSession, scan: ScanResult) -> ScanDecision:
        """Apply `scan` to the open order's session (also a scan completed by the packer, e.g. a
        GTD with its country of origin).

        Returns:
            The courier's code while an Express order waits for it (anything without a code's
            shape is refused, nothing sent); what the session did or why
            it refused; for what the session hands back, `route_forwarded`'s decision.
        """
        if session.takes_courier_code(scan):
            code = courier_code(scan.raw)
            if code is None:  # a stray scan: refused here, so it spends none of the courier's attempts
                return SessionRefused(not_a_courier_code(), scan)
            return CourierCode(code)
        try:
            outcome = session.scan(scan)
        except PackstationError as error:
            return SessionRefused(error, scan)
        if outcome.action is ScanAction.FORWARD:
            return self.route_forwarded(scan)
        return Applied(outcome, scan)

    def route_forwarded(self, scan: ScanResult) -> ScanDecision:
        """A scan the open order's session handed back as not its business.

        Returns:
            REPRINT prints the open order's labels again; another order's number opens it;
            NEXT_ORDER goes back to the list; a box label is reprinted when this station printed
            it, else its order is opened; the rest is ignored.
        """
        if scan.command is Command.REPRINT:
            return ReprintLabels()
        if scan.kind is ScanKind.ORDER_NUMBER and scan.order_id is not None:
            return OpenOrder(scan.order_id)
        if scan.command is Command.NEXT_ORDER:
            return ShowOrders()
        if scan.kind is ScanKind.BOX_LABEL and scan.order_id is not None and scan.box_no is not None:
            labelled = OpenOrder(scan.order_id)
            if self._can_reprint(scan.order_id, scan.box_no):
                return Reprint(scan.order_id, scan.box_no, otherwise=labelled)
            return labelled
        return Ignore()

    def _awaiting_courier(self, scan: ScanResult) -> int | None:
        """The order of a scanned box label when it is a listed Express order waiting for its
        courier: the packer holds its parcel, so its hand-over opens."""
        if scan.kind is not ScanKind.BOX_LABEL or scan.order_id is None:
            return None
        order = self._orders.get(scan.order_id)
        return order.id if order is not None and awaits_courier(order) else None

    def _listed_order_number(self, scan: ScanResult, open_order: Order | None) -> int | None:
        # An 8-digit order number also reads as an EAN-8 (and other lengths as other barcodes):
        # a listed order wins unless the digits are the open order's own id or one of its barcodes,
        # which the session must get.
        digits = scan.raw.strip(FRAMING)
        if not digits.isascii() or not digits.isdigit() or len(digits) > MAX_ORDER_DIGITS:
            return None
        order_id = int(digits)
        if self._orders.get(order_id) is None:
            return None
        if open_order is not None and (
            order_id == open_order.id or any(digits in line.barcodes for line in open_order.lines)
        ):
            return None
        return order_id

    def _find(self, scan: ScanResult) -> OpenOrder | Refuse:
        try:
            order = self._orders.find_by_scan(scan)
        except PackstationError as error:
            return Refuse(error)
        if order is None:
            shown = _shown(scan)
            return Refuse(
                ScanError(QT_TRANSLATE_NOOP("ScanRouter", "No listed order matches the scan %1.")(shown))
            )
        # The packer holds the unit whose barcode found the order: it counts once the order is open.
        return OpenOrder(order.id, then=scan.raw if scan.kind in _UNIT_KINDS else None)


def _shown(scan: ScanResult) -> str:
    """The scan as the packer may see it: marking codes masked, control characters made visible."""
    if scan.instance is not None:
        return scan.instance.masked()
    if scan.kind is ScanKind.CIS:  # a misread marking code is still one: keep its serial hidden
        return scan.raw[:MASKED_CHARS].replace("\x1d", "<GS>") + "…"
    text = scan.raw[:SHOWN_CHARS].replace("\x1d", "<GS>")
    return "".join(ch if ch.isprintable() else "?" for ch in text)
