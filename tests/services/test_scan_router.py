"""The scan router: every rule deciding where a desk scan goes, without Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from packstation.catalogue import russian
from packstation.domain.classify import classify_scan
from packstation.domain.errors import ScanError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order, OrderLine, Program
from packstation.domain.packing.errors import PackingScanError, Reason
from packstation.domain.scan import ScanResult
from packstation.services.packing.values import ScanAction, ScanOutcome
from packstation.services.scan_router import (
    Applied,
    CourierCode,
    Ignore,
    OpenOrder,
    Refuse,
    Reprint,
    ReprintLabels,
    ScanRouter,
    SessionRefused,
    ShowOrders,
)
from tests.services.fakes import make_order

EAN8 = "40170725"  # a valid EAN-8 that is also a plausible 8-digit order number
EAN13 = "4006381333931"
CIS = "0104006381333931215Abc123456789" + "\x1d" + "93TEST"  # valid: 13-character serial


@dataclass
class _Orders:
    """A fake order queue: `get` by id, `find_by_scan` matching ids and barcodes like the queue."""

    listed: dict[int, Order] = field(default_factory=dict)
    ambiguous: bool = False
    asked: list[ScanResult] = field(default_factory=list)

    def add(self, *orders: Order) -> None:
        self.listed.update((order.id, order) for order in orders)

    def get(self, order_id: int) -> Order | None:
        return self.listed.get(order_id)

    def find_by_scan(self, scan: ScanResult) -> Order | None:
        self.asked.append(scan)
        if self.ambiguous:
            raise ScanError(QT_TRANSLATE_NOOP("Tests", "This item is in several orders."))
        if scan.order_id is not None and scan.order_id in self.listed:
            return self.listed[scan.order_id]
        code = scan.gtin or scan.value
        found = [o for o in self.listed.values() if any(code in line.barcodes for line in o.lines)]
        return found[0] if found else None


@dataclass
class _Session:
    """A fake open session: takes every scan, or refuses it, or waits for the courier's code."""

    order: Order
    refuse: ScanError | None = None
    courier: bool = False
    scanned: list[ScanResult] = field(default_factory=list)

    def takes_courier_code(self, result: ScanResult) -> bool:
        return self.courier

    def scan(self, result: ScanResult) -> ScanOutcome:
        if self.refuse is not None:
            raise self.refuse
        self.scanned.append(result)
        forward = result.kind.value in ("order_number", "box_label") or result.command is not None
        return ScanOutcome(ScanAction.FORWARD if forward else ScanAction.ITEM_PACKED, scan=result)


def _reaches_session(router: ScanRouter, text: str, order: Order) -> bool:
    """Whether the open order's session gets the scan `text`."""
    session = _Session(order)
    router.handle(text, session)
    return [scan.raw for scan in session.scanned] == [text]


def _line(order_id: int, *barcodes: str) -> OrderLine:
    return OrderLine(
        id=order_id * 10 + 1, offer_id=f"SKU-{order_id}", name="Item", count=1, barcodes=barcodes
    )


def _router(orders: _Orders, printed: set[tuple[int, int]] | None = None) -> ScanRouter:
    done = printed or set()
    return ScanRouter(orders, lambda order_id, box: (order_id, box) in done)


# -- a listed order's number ----------------------------------------------------------------------


def test_a_listed_order_number_opens_it_on_the_list() -> None:
    orders = _Orders()
    orders.add(make_order(123456))
    assert _router(orders).handle("123456", None) == OpenOrder(123456)


def test_a_listed_order_number_opens_it_inside_another_orders_view() -> None:
    orders = _Orders()
    packing, other = make_order(111111), make_order(222222)
    orders.add(packing, other)
    assert _router(orders).handle("222222", _Session(packing)) == OpenOrder(222222)


def test_an_8_digit_listed_order_wins_over_the_same_digits_read_as_ean8() -> None:
    orders = _Orders()
    packing = make_order(555555, _line(555555, EAN13))
    orders.add(packing, make_order(int(EAN8)))
    assert classify_scan(EAN8).kind.value == "item_barcode"  # the classifier alone: an item
    assert _router(orders).handle(EAN8, _Session(packing)) == OpenOrder(int(EAN8))


def test_digits_that_are_a_barcode_of_the_open_order_go_to_its_session() -> None:
    orders = _Orders()
    packing = make_order(555555, _line(555555, EAN8))
    orders.add(packing, make_order(int(EAN8)))
    assert _reaches_session(_router(orders), EAN8, packing)


def test_the_open_orders_own_number_goes_to_its_session() -> None:
    orders = _Orders()
    packing = make_order(555555)
    orders.add(packing)
    assert _reaches_session(_router(orders), "555555", packing)


def test_scanner_framing_is_ignored_but_gs_is_not_whitespace() -> None:
    orders = _Orders()
    orders.add(make_order(123456))
    router = _router(orders)
    assert router.handle(" 123456\r\n", None) == OpenOrder(123456)
    # `str.strip()` would drop the GS and take this for order 123456; it is not an order number.
    glued = router.handle("123456\x1d", None)
    assert isinstance(glued, Refuse)


def test_too_long_or_non_ascii_digits_are_not_order_numbers() -> None:
    orders = _Orders()
    long_id = 1234567890123456789  # 19 digits
    orders.add(make_order(long_id), make_order(123456))
    router = _router(orders)
    assert _reaches_session(router, str(long_id), make_order(1))
    arabic_indic = "١٢٣٤٥٦"  # isdigit() but not ASCII digits
    assert _reaches_session(router, arabic_indic, make_order(1))


def test_an_unlisted_order_number_goes_to_the_open_session() -> None:
    orders = _Orders()
    assert _reaches_session(_router(orders), "987654", make_order(1))


# -- inside a packing view --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [EAN13, CIS, "PS:SUBMIT", "PS:NEXT_ORDER", "123-1", "garbage"])
def test_everything_else_inside_a_view_goes_to_its_session(text: str) -> None:
    orders = _Orders()
    orders.add(make_order(123))
    router = _router(orders, printed={(123, 1)})
    assert _reaches_session(router, text, make_order(555555))
    assert orders.asked == []  # the list is not searched while an order is open


def test_the_scan_is_classified_once_knowing_the_open_orders_barcodes() -> None:
    session = _Session(make_order(555555, _line(555555, EAN13)))
    assert isinstance(_router(_Orders()).handle(CIS, session), Applied)
    assert session.scanned[0].gtin == "04006381333931"


def test_what_the_session_hands_back_is_resolved_without_a_return_trip() -> None:
    router = _router(_Orders(), printed={(123456, 1)})
    session = _Session(make_order(555555))
    assert router.handle("PS:NEXT_ORDER", session) == ShowOrders()
    assert router.handle("PS:REPRINT", session) == ReprintLabels()
    assert router.handle("123456-1", session) == Reprint(123456, 1, otherwise=OpenOrder(123456))


def test_a_refused_scan_and_the_couriers_code_come_back_as_values() -> None:
    refusal = ScanError(QT_TRANSLATE_NOOP("Tests", "The code is already used."))
    refused = _router(_Orders()).handle(EAN13, _Session(make_order(1), refuse=refusal))
    assert isinstance(refused, SessionRefused)
    assert refused.error is refusal
    courier = _Session(make_order(1), courier=True)
    assert _router(_Orders()).handle(" 4821 \r\n", courier) == CourierCode("4821")
    assert courier.scanned == []


# -- on the order list --------------------------------------------------------------------------------


def test_a_box_label_printed_here_is_reprinted_on_the_list() -> None:
    orders = _Orders()
    orders.add(make_order(123456))
    decision = _router(orders, printed={(123456, 2)}).handle("123456-2", None)
    assert decision == Reprint(123456, 2, otherwise=OpenOrder(123456))


def test_a_box_label_not_printed_here_opens_its_listed_order() -> None:
    orders = _Orders()
    orders.add(make_order(123456))
    assert _router(orders, printed={(123456, 1)}).handle("123456-2", None) == OpenOrder(123456)


def test_a_reprint_the_printer_declines_falls_back_to_a_refusal_for_an_unlisted_order() -> None:
    decision = _router(_Orders(), printed={(777777, 1)}).handle("777777-1", None)
    assert isinstance(decision, Reprint)
    assert isinstance(decision.otherwise, Refuse)
    assert "777777-1" in decision.otherwise.error.en


def test_an_item_barcode_on_the_list_opens_the_one_order_holding_it() -> None:
    orders = _Orders()
    orders.add(make_order(1, _line(1, EAN13)), make_order(2))
    # The scan is kept to count the unit once the order is open.
    assert _router(orders).handle(EAN13, None) == OpenOrder(1, then=EAN13)


def test_an_ambiguous_item_barcode_is_refused_with_the_queues_message() -> None:
    orders = _Orders(ambiguous=True)
    decision = _router(orders).handle(EAN13, None)
    assert isinstance(decision, Refuse)
    assert decision.error.en == "This item is in several orders."
    assert decision.error.en.startswith("This item")


def test_no_listed_order_matches_is_refused_in_both_languages() -> None:
    decision = _router(_Orders()).handle("garbage-scan", None)
    assert isinstance(decision, Refuse)
    assert isinstance(decision.error, ScanError)
    assert decision.error.english() == "No listed order matches the scan garbage-scan."
    assert russian(decision.error) == "Ни один заказ из списка не подходит к скану garbage-scan."


@pytest.mark.parametrize("code", [CIS, CIS.replace("Abc", "Abcd")])  # valid, and misread (14 chars)
def test_an_unmatched_marking_code_is_shown_masked(code: str) -> None:
    decision = _router(_Orders()).handle(code, None)
    assert isinstance(decision, Refuse)
    for text in (decision.error.en, russian(decision.error.text)):
        assert "Abc" not in text  # the serial stays hidden
        assert "\x1d" not in text
        assert "010400638133393" in text


def test_a_command_on_the_list_matches_no_order() -> None:
    decision = _router(_Orders()).handle("PS:UNDO", None)
    assert isinstance(decision, Refuse)


# -- scans the open session handed back ----------------------------------------------------------------


def test_a_forwarded_order_number_opens_that_order_listed_or_not() -> None:
    router = _router(_Orders())
    assert router.route_forwarded(classify_scan("222222")) == OpenOrder(222222)


def test_forwarded_next_order_goes_back_to_the_list() -> None:
    assert _router(_Orders()).route_forwarded(classify_scan("PS:NEXT_ORDER")) == ShowOrders()


def test_a_forwarded_box_label_printed_here_is_reprinted_else_its_order_opens() -> None:
    router = _router(_Orders(), printed={(123456, 1)})
    reprint = Reprint(123456, 1, otherwise=OpenOrder(123456))
    assert router.route_forwarded(classify_scan("123456-1")) == reprint
    assert router.route_forwarded(classify_scan("123456-2")) == OpenOrder(123456)


@pytest.mark.parametrize("text", ["PS:CANCEL", EAN13])
def test_other_forwarded_scans_are_ignored(text: str) -> None:
    assert _router(_Orders()).route_forwarded(classify_scan(text)) == Ignore()


# -- the courier hand-over ------------------------------------------------------------------------


@pytest.mark.parametrize("stray", ["123456-1", EAN13, EAN8, CIS, "51000099", "1234567", "abcd"])
def test_a_stray_scan_at_the_hand_over_is_refused_here_and_never_sent(stray: str) -> None:
    arrived = make_order(1, program=Program.EXPRESS, substatus="COURIER_ARRIVED_TO_SENDER")
    courier = _Session(arrived, courier=True)
    decision = _router(_Orders(), printed={(123456, 1)}).handle(stray, courier)
    assert isinstance(decision, SessionRefused)
    assert isinstance(decision.error, PackingScanError)
    assert decision.error.reason is Reason.NOT_COURIER_CODE
    assert courier.scanned == []


def test_codes_of_4_to_6_digits_go_to_the_hand_over() -> None:
    courier = _Session(make_order(1, program=Program.EXPRESS), courier=True)
    for code in ("4821", "04821", "104821"):
        assert _router(_Orders()).handle(code, courier) == CourierCode(code)


def test_a_box_label_of_an_order_awaiting_its_courier_opens_its_hand_over_from_anywhere() -> None:
    orders = _Orders()
    waiting = make_order(123456, program=Program.EXPRESS, substatus="COURIER_FOUND")
    packing = make_order(222222)
    fbs = make_order(333333, substatus="READY_TO_SHIP")
    orders.add(waiting, packing, fbs)
    router = _router(orders, printed={(123456, 1), (333333, 1)})
    assert router.handle("123456-1", None) == OpenOrder(123456)  # the list: not a reprint
    assert router.handle("123456-1", _Session(packing)) == OpenOrder(123456)
    other_handover = _Session(make_order(444444, program=Program.EXPRESS), courier=True)
    assert router.handle("123456-2", other_handover) == OpenOrder(123456)
    # Other box labels keep their meaning: a reprint of a label printed here.
    assert router.handle("333333-1", None) == Reprint(333333, 1, otherwise=OpenOrder(333333))
