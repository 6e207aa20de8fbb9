"""The packing session: every phase transition and refusal, against the in-memory fake Market."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import pytest_asyncio

from packstation.catalogue import russian
from packstation.domain.classify import classify_scan
from packstation.domain.commands import command_payload
from packstation.domain.courier_handover import HandoverKind
from packstation.domain.errors import PackstationError, ScanError, StorageError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.labels import LabelFormat
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import (
    CANCELLED,
    PROCESSING,
    READY_TO_SHIP,
    SHOP_FAILED,
    BuyerType,
    Order,
    OrderLine,
    Program,
    RequiredCode,
)
from packstation.domain.packing.codes import mandatory_kinds
from packstation.domain.packing.errors import PackingError, PackingScanError, Reason
from packstation.domain.packing.model import UnitRef
from packstation.domain.scan import Command, ScanKind, ScanResult
from packstation.domain.verification import CodeCheck, CodeStatus, EacVerdict, StatusChange
from packstation.market import layout_to_wire
from packstation.market.client import MarketClient
from packstation.market.errors import ApiErrorItem, BadRequestError, ConnectionFailedError, MarketTimeoutError
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.code_guard import CodeGuard
from packstation.services.label_job import LabelJob
from packstation.services.order_queue import OrderQueue
from packstation.services.packing import (
    POLL_DELAYS,
    CheckBudget,
    PackingSession,
    Phase,
    ScanAction,
    SessionDeps,
    SessionSnapshot,
)
from packstation.services.ports import Intent, OrderQuery
from tests.domain.test_packing_layouts import (
    CODE_1,
    CODE_2,
    CODE_3,
    DOC_ONE_BOX,
    DOC_ONE_ITEM_TWO_BOXES,
    DOC_TWO_ITEMS_FOUR_BOXES,
)
from tests.fixtures.log_scan import TEST_API_KEY
from tests.services.fakes import (
    FakeClock,
    FakeCodeRegistry,
    FakeJournal,
    FakeLabelPrinter,
    FakeMarket,
    FakeOutbox,
    FakeRefusalError,
    FakeSleep,
    make_order,
)

MUG = "4601234567893"
KETTLE = "4607654321091"
GTIN_MUG = "04601234567893"
CIS_A = "0104601234567893215abcdef\x1d93Zjqw"
CIS_B = "0104601234567893215uvwxyz\x1d93Abcd"
CIS_C = "0104601234567893215qwerty\x1d93Efgh"
CIS_REQUIRED = frozenset({RequiredCode.CIS})


def mug(count: int = 1, required: frozenset[RequiredCode] = CIS_REQUIRED, **kwargs: Any) -> OrderLine:
    return OrderLine(11, "MUG", "Кружка", count, required=required, barcodes=(MUG,), **kwargs)


def kettle(count: int = 1, **kwargs: Any) -> OrderLine:
    return OrderLine(22, "KETTLE", "Чайник", count, barcodes=(KETTLE,), **kwargs)


@dataclass
class Desk:
    """A session with its fakes."""

    market: FakeMarket
    journal: FakeJournal
    clock: FakeClock
    registry: FakeCodeRegistry
    printer: FakeLabelPrinter
    outbox: FakeOutbox
    sleep: FakeSleep
    deps: SessionDeps
    session: PackingSession
    seen: list[SessionSnapshot] = field(default_factory=list)

    def reopen(self) -> PackingSession | None:
        return PackingSession.restore(self.session.order.id, self.deps)


def desk(order: Order, *, guard: bool = True, **settings: Any) -> Desk:
    clock = FakeClock()
    market = FakeMarket()
    market.add(order)
    journal = FakeJournal()
    registry = FakeCodeRegistry(clock)
    printer = FakeLabelPrinter()
    outbox = FakeOutbox(clock)
    sleep = FakeSleep(clock)
    labels = LabelJob(market, printer, fmt=LabelFormat.A7, clock=clock)
    deps = SessionDeps(
        market=market,
        journal=journal,
        clock=clock,
        labels=labels,
        guard=CodeGuard(registry) if guard else None,
        outbox=outbox,
        **{"sleep": sleep, **settings},
    )
    session = PackingSession.start(order, deps)
    d = Desk(market, journal, clock, registry, printer, outbox, sleep, deps, session)
    session.subscribe(d.seen.append)
    return d


def scan(kind: ScanKind, value: str, **kwargs: Any) -> ScanResult:
    return ScanResult(kind=kind, raw=value, value=value, **kwargs)


def item(barcode: str) -> ScanResult:
    return scan(ScanKind.ITEM_BARCODE, barcode, gtin=barcode.zfill(14))


def code(value: str) -> ScanResult:
    return scan(ScanKind.CIS, value, gtin=value[2:16], instance=Instance(InstanceKind.CIS, value))


def command(cmd: Command) -> ScanResult:
    return scan(ScanKind.COMMAND, f"PS:{cmd.value}", command=cmd)


def ops(d: Desk) -> list[str]:
    return [str(row.action["op"]) for row in d.journal.rows]


UIN_SCAN = scan(ScanKind.UIN, "1" * 16, instance=Instance(InstanceKind.UIN, "1" * 16))
BAD_SCAN = scan(
    ScanKind.CIS,
    "01bad",
    valid=False,
    problems=("bad GS",),
    reasons=(QT_TRANSLATE_NOOP("Cis", "(21) serial number must follow the GTIN"),),
)


# ------------------------------------------------------------------------------ happy paths


@pytest.mark.asyncio
async def test_single_item_by_scans_only_reaches_done_with_the_minimum_of_calls() -> None:
    d = desk(make_order(1, mug(1)))
    s = d.session
    d.market.check_answers[1] = [
        (CodeCheck(11, InstanceKind.CIS, CIS_A[:25], CodeStatus.IN_PROGRESS),),
        (CodeCheck(11, InstanceKind.CIS, CIS_A[:25], CodeStatus.OK),),
    ]

    assert s.scan(item(MUG)).action is ScanAction.ITEM_PACKED
    outcome = s.scan(code(CIS_A))
    assert outcome.action is ScanAction.CODE_ATTACHED
    assert outcome.unit == UnitRef(11, 0)
    assert s.snapshot.complete
    await s.submit()

    assert s.phase is Phase.DONE
    assert d.market.orders[1].substatus == READY_TO_SHIP
    calls = [name for name, _ in d.market.calls]
    assert calls == ["set_box_layout", "labels_pdf", "code_checks", "code_checks", "set_status"]
    assert d.sleep.delays == [POLL_DELAYS[0]]
    assert len(d.printer.printed) == 1
    assert ops(d) == ["open", "scan_item", "code", "layout_sent", "ready"]
    assert d.journal.finished == [1]
    assert {i.kind for i in d.outbox.intents} == {"box_layout", "status"}
    assert d.outbox.pending_intents() == []
    assert [b.status for b in s.snapshot.badges] == [CodeStatus.OK]
    assert d.registry.find(CIS_A[:25]) is not None  # the guard keys a CIS by GTIN + serial


@pytest.mark.asyncio
async def test_every_action_is_journaled_before_subscribers_see_it() -> None:
    d = desk(make_order(1, mug(2), kettle(1)))
    journal_len_when_seen: list[int] = []
    d.session.subscribe(lambda snap: journal_len_when_seen.append(len(d.journal.rows)))

    d.session.put(11, None, 2)
    d.session.new_box()
    d.session.scan_item(KETTLE)
    d.session.move(22, 1, 0)

    assert journal_len_when_seen == [2, 3, 4, 5]
    assert ops(d) == ["open", "put", "new_box", "scan_item", "move"]


def test_changes_inside_notifying_later_reach_the_subscribers_once_when_it_ends() -> None:
    d = desk(make_order(1, mug(2), kettle(1)))
    s = d.session
    with s.notifying_later():
        s.scan(item(KETTLE))
        with s.notifying_later():  # nested: told once, when the outermost block ends
            s.put(11, None, 1)
        assert d.seen == []  # the subscribers wait
        assert [p.packed for p in s.snapshot.progress] == [1, 1]  # the session itself is current
        assert ops(d) == ["open", "scan_item", "put"]  # journalled as it happened
    assert len(d.seen) == 1
    assert d.seen[0] is s.snapshot  # the latest state
    with s.notifying_later():  # nothing changed: nothing told
        pass
    assert len(d.seen) == 1


def test_a_notifying_later_block_that_raises_still_tells_what_changed_in_it() -> None:
    d = desk(make_order(1, mug(1), kettle(1)))
    s = d.session

    def kettle_then_a_stranger() -> None:
        with s.notifying_later():
            s.scan(item(KETTLE))
            s.scan(item("4600000000000"))  # refused: the error is in the state

    with pytest.raises(PackingScanError):
        kettle_then_a_stranger()
    assert len(d.seen) == 1
    assert d.seen[0].progress[1].packed == 1
    assert d.seen[0].last_error is not None
    assert d.seen[0].last_error is s.snapshot.last_error


def test_a_journal_failure_changes_nothing() -> None:
    d = desk(make_order(1, mug(1)))
    before = d.session.packing
    d.journal.fail_append = StorageError(QT_TRANSLATE_NOOP("Tests", "disk full"))
    with pytest.raises(StorageError):
        d.session.put(11)
    assert d.session.packing == before
    assert d.session.snapshot.packing.boxes == ()


@pytest.mark.asyncio
async def test_a_dbs_order_goes_ready_without_polling_code_checks() -> None:
    d = desk(make_order(1, mug(1), program=Program.DBS))
    d.session.put(11)
    d.session.attach_code(Instance(InstanceKind.CIS, CIS_A))
    await d.session.submit()
    assert d.market.count("code_checks") == 0
    assert d.session.phase is Phase.DONE


# --------------------------------------------------------------------------------- refusals


def test_packing_refusals_come_through_and_change_nothing() -> None:
    d = desk(make_order(1, mug(1), kettle(1, parts_per_unit=2)))
    s = d.session
    s.split(22)
    snapshot = s.snapshot
    cases: list[tuple[Any, Reason]] = [
        (lambda: s.put(11, 0), Reason.MIXED_BOX),
        (lambda: s.put(22), Reason.OVER_PACKING),
        (lambda: s.scan(item("4600000000000")), Reason.NOT_IN_ORDER),
        (lambda: s.scan(code("0104600000000000215abcdef\x1d93Zjqw")), Reason.CODE_FOR_OTHER_ITEM),
        (lambda: s.scan(UIN_SCAN), Reason.WRONG_CODE_TYPE),
        (lambda: s.scan(BAD_SCAN), Reason.INVALID_SCAN),
        (lambda: s.scan(scan(ScanKind.UNKNOWN, "hello")), Reason.NOT_A_CODE),
        (lambda: s.move(22, 0, None), Reason.PART_BOX),
    ]
    for action, reason in cases:
        with pytest.raises((PackingError, PackingScanError)) as refused:
            action()
        assert refused.value.reason is reason, reason
        assert s.snapshot.last_error is refused.value
    assert s.packing == snapshot.packing
    assert ops(d) == ["open", "split"]


def test_invalid_scan_says_what_is_wrong_in_both_languages() -> None:
    d = desk(make_order(1, mug(1)))
    with pytest.raises(PackingScanError) as refused:
        d.session.scan(BAD_SCAN)
    assert "после GTIN должен идти (21) серийный номер" in russian(refused.value.text)
    assert "serial number must follow the GTIN" in refused.value.en


def test_duplicate_codes_are_refused_in_this_order_and_across_orders() -> None:
    d = desk(make_order(1, mug(2, required=frozenset({RequiredCode.CIS_OPTIONAL}))))
    d.session.scan(code(CIS_A))
    with pytest.raises(ScanError) as same_order:
        d.session.scan(code(CIS_A))  # optional code: the rules allow it, the station guard does not
    assert "уже отсканирован" in russian(same_order.value.text)

    other = PackingSession.start(make_order(2, mug(1)), replace(d.deps))
    with pytest.raises(ScanError) as elsewhere:
        other.scan(code(CIS_A))
    assert "order 1" in elsewhere.value.en


@pytest.mark.asyncio
async def test_submit_is_refused_until_complete_and_nothing_is_sent() -> None:
    d = desk(make_order(1, mug(2), kettle(1)))
    d.session.put(11, None, 2)
    with pytest.raises(PackingError) as incomplete:
        await d.session.submit()
    assert incomplete.value.reason is Reason.INCOMPLETE
    assert "and 1 more" in incomplete.value.en
    assert d.market.calls == []
    assert d.session.phase is Phase.PACKING


# ------------------------------------------------------------------------------------- undo


def test_undo_goes_back_one_action_and_releases_an_undone_code() -> None:
    d = desk(make_order(1, mug(2)))
    s = d.session
    assert not s.undo()
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    assert d.registry.uses
    assert s.scan(command(Command.UNDO)).action is ScanAction.COMMAND_DONE
    assert s.packing.codes_of(UnitRef(11, 0)) == ()
    assert not d.registry.uses
    assert s.undo()
    assert s.packing.boxes == ()
    assert not s.snapshot.can_undo
    assert ops(d)[-2:] == ["undo", "undo"]


# ------------------------------------------------------------------------ verification


@pytest.mark.asyncio
async def test_a_refused_code_returns_to_packing_and_is_replaced_by_a_new_scan() -> None:
    d = desk(make_order(1, mug(1)))
    s = d.session
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    d.market.check_answers[1] = [(CodeCheck(11, InstanceKind.CIS, CIS_A, CodeStatus.INVALID, "ITEM_SOLD"),)]

    await s.submit()

    assert s.phase is Phase.PACKING
    assert s.packing.rejected == {CIS_A}
    (badge,) = s.snapshot.badges
    assert (badge.status, badge.substatus) == (CodeStatus.INVALID, "ITEM_SOLD")
    assert s.snapshot.last_error is not None
    assert "refused 1" in s.snapshot.last_error.en

    s.scan(code(CIS_B))  # replaces the refused code on the same unit
    assert s.packing.codes_of(UnitRef(11, 0)) == (Instance(InstanceKind.CIS, CIS_B),)
    assert d.registry.find(CIS_A[:25]) is None
    d.market.check_answers.pop(1)
    await s.submit()
    assert s.phase is Phase.DONE
    assert d.market.count("set_box_layout") == 2
    assert "rejected" in ops(d)


@pytest.mark.asyncio
async def test_verification_polls_with_backoff_then_times_out_and_check_codes_resumes() -> None:
    d = desk(make_order(1, mug(1)), verify_timeout_s=30)
    s = d.session
    s.put(11)
    s.attach_code(Instance(InstanceKind.CIS, CIS_A))
    pending = (CodeCheck(11, InstanceKind.CIS, CIS_A, CodeStatus.IN_PROGRESS),)
    d.market.check_answers[1] = [pending]

    await s.submit()

    assert s.phase is Phase.VERIFYING
    assert d.sleep.delays == [2.0, 3.0, 5.0, 10.0, 20.0]
    assert s.snapshot.last_error is not None
    with pytest.raises(PackingError) as frozen:
        s.put(11)
    assert frozen.value.reason is Reason.NOT_EDITABLE

    s.resume_packing()
    assert s.phase is Phase.PACKING
    with pytest.raises(PackingError):
        s.resume_packing()
    with pytest.raises(PackingError):
        await s.check_codes()
    d.market.check_answers[1] = [pending]
    await s.submit()  # the same layout: not sent again, only polled
    assert d.market.count("set_box_layout") == 1
    assert s.phase is Phase.VERIFYING

    d.market.check_answers[1] = [(CodeCheck(11, InstanceKind.CIS, CIS_A, CodeStatus.OK),)]
    assert await s.check_codes() is CodeStatus.OK
    assert s.phase is Phase.DONE


STILL_CHECKING = "CIS_VALIDATION_IN_PROGRESS_ERROR"


def checks(*statuses: CodeStatus) -> list[tuple[CodeCheck, ...]]:
    return [(CodeCheck(11, InstanceKind.CIS, CIS_A, status),) for status in statuses]


@pytest.mark.asyncio
async def test_ready_to_ship_refused_while_codes_are_checked_stays_verifying_and_retries() -> None:
    d = desk(make_order(1, mug(1)))
    s = d.session
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    d.market.check_answers[1] = checks(CodeStatus.OK, CodeStatus.IN_PROGRESS, CodeStatus.OK)
    d.market.status_refusals[1] = f"{STILL_CHECKING}: codes are still being checked"  # in HTTP 200
    d.seen.clear()

    await s.submit()

    assert s.phase is Phase.DONE
    calls = [name for name, _ in d.market.calls]
    assert calls == [
        *("set_box_layout", "labels_pdf", "code_checks", "set_status"),
        *("code_checks", "code_checks", "set_status"),
    ]
    assert d.sleep.delays == [2.0, 3.0]
    phases = [snap.phase for snap in d.seen]
    assert Phase.PACKING not in phases  # never handed back to the packer
    waiting = [snap for snap in d.seen if snap.last_error is not None]
    assert waiting
    assert all(snap.phase is Phase.VERIFYING for snap in waiting)
    first_error = waiting[0].last_error
    assert first_error is not None
    assert "still checking" in first_error.en
    assert ops(d)[-2:] == ["layout_sent", "ready"]
    assert s.snapshot.last_error is None


@pytest.mark.asyncio
async def test_still_checking_refusal_polls_again_within_the_shared_budget() -> None:
    d = desk(make_order(1, mug(1)))
    order = make_order(2, mug(1))
    d.market.add(order)
    budget = CheckBudget(d.clock, per_hour=1, margin=0)  # one code_checks call per hour
    s = PackingSession.start(order, replace(d.deps, budget=budget))
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    d.market.fail_next("set_status", BadRequestError((ApiErrorItem(STILL_CHECKING, "wait"),)))

    await s.submit()

    assert s.phase is Phase.DONE
    assert d.market.count("code_checks") == 2
    assert d.market.count("set_status") == 2
    assert d.sleep.delays == [2.0, 3598.0]  # back-off, then the budget's hour window
    rejected, sent = (d.outbox.outcomes[i.id] for i in d.outbox.intents if i.kind == "status")
    assert rejected.startswith("rejected")
    assert sent == "sent"


@pytest.mark.asyncio
async def test_still_checking_until_the_timeout_keeps_verifying_then_check_codes_finishes() -> None:
    d = desk(make_order(1, mug(1)), verify_timeout_s=4)
    s = d.session
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    for _ in range(4):
        d.market.fail_next("set_status", FakeRefusalError(STILL_CHECKING))

    await s.submit()

    assert s.phase is Phase.VERIFYING
    assert d.sleep.delays == [2.0, 3.0]
    assert d.market.count("set_status") == 3
    assert s.snapshot.last_error is not None
    assert "still checking" in s.snapshot.last_error.en
    assert await s.check_codes() is CodeStatus.IN_PROGRESS  # refused once more: still waiting
    assert s.phase is Phase.VERIFYING
    assert await s.check_codes() is CodeStatus.OK
    assert s.phase is Phase.DONE
    assert d.market.orders[1].substatus == READY_TO_SHIP


@pytest.mark.asyncio
async def test_another_refusal_of_ready_to_ship_still_returns_to_packing() -> None:
    d = desk(make_order(1, mug(1)))
    s = d.session
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    d.market.fail_next("set_status", FakeRefusalError("INVALID_CIS"))
    with pytest.raises(FakeRefusalError):
        await s.submit()
    assert s.phase is Phase.PACKING
    assert d.market.count("code_checks") == 1


@pytest.mark.asyncio
async def test_a_cancellation_while_waiting_for_the_code_check_stops_the_submit() -> None:
    async def buyer_cancels(seconds: float) -> None:
        s.order_changed(replace(d.market.orders[1], status=CANCELLED, substatus="USER_CHANGED_MIND"))

    d = desk(make_order(1, mug(1)), sleep=buyer_cancels)
    s = d.session
    s.put(11)
    s.attach_code(Instance(InstanceKind.CIS, CIS_A))
    d.market.check_answers[1] = [(CodeCheck(11, InstanceKind.CIS, CIS_A, CodeStatus.IN_PROGRESS),)]

    await s.submit()
    assert s.phase is Phase.INTERRUPTED
    assert d.market.count("code_checks") == 1
    assert d.market.count("set_status") == 0


@pytest.mark.asyncio
async def test_code_checks_stay_within_the_hourly_budget() -> None:
    clock = FakeClock()
    budget = CheckBudget(clock, per_hour=3, margin=0)
    for _ in range(3):
        budget.spend()
    assert budget.delay() == 3600
    clock.advance(1800)
    assert budget.delay() == 1800

    d = desk(make_order(1, mug(1)), budget=budget)
    d.clock.current = clock.current
    d.session.put(11)
    d.session.attach_code(Instance(InstanceKind.CIS, CIS_A))
    await d.session.submit()
    assert d.sleep.delays[0] == 1800  # waited for the oldest call to leave the window
    assert d.session.phase is Phase.DONE


# ------------------------------------------------------------------------------- Express


@pytest.mark.asyncio
async def test_express_handover_rejected_need_update_and_accepted() -> None:
    d = desk(make_order(1, kettle(1), program=Program.EXPRESS))
    d.market.eac_codes[1] = "4321"
    s = d.session
    with pytest.raises(PackingError):
        await s.handover("4321")  # not ready yet
    s.scan(item(KETTLE))
    await s.submit()
    assert s.phase is Phase.READY
    assert d.journal.finished == []

    first = await s.handover(" 1111 ")
    assert (first.verdict, first.attempts_left) == (EacVerdict.REJECTED, 2)
    assert s.snapshot.eac == first
    assert (await s.handover("2222")).verdict is EacVerdict.REJECTED
    assert (await s.handover("3333")).verdict is EacVerdict.NEED_UPDATE
    assert s.phase is Phase.READY
    with pytest.raises(PackingScanError):
        await s.handover("  ")  # nothing typed: not a courier code
    assert (await s.handover("4321")).verdict is EacVerdict.ACCEPTED
    assert s.phase is Phase.DONE
    assert d.journal.finished == [1]
    assert [i.kind for i in d.outbox.intents].count("verify_eac") == 4


@pytest.mark.asyncio
async def test_each_courier_code_check_comes_back_as_the_outcome_the_page_shows() -> None:
    d = desk(make_order(1, kettle(1), program=Program.EXPRESS))
    d.market.eac_codes[1] = "4321"
    s = d.session
    s.scan(item(KETTLE))
    await s.submit()

    for stray in ("51000001-1", "4006381333931", "12345678", "abc"):
        outcome = await s.check_courier_code(stray)
        assert outcome.kind is HandoverKind.NOT_A_CODE
        assert outcome.error is not None
        assert "4" in outcome.error.en
    assert d.market.count("verify_eac") == 0  # nothing sent: no attempt spent
    assert [i.kind for i in d.outbox.intents].count("verify_eac") == 0

    no_courier = ApiErrorItem("STATUS_NOT_ALLOWED", "No courier at the desk yet (COURIER_SEARCH)")
    d.market.fail_next("verify_eac", BadRequestError((no_courier,)))
    assert (await s.check_courier_code("1111")).kind is HandoverKind.NO_COURIER
    d.market.fail_next("verify_eac", ConnectionFailedError())
    assert (await s.check_courier_code("1111")).kind is HandoverKind.NETWORK
    rejected = await s.check_courier_code(" 1111\r\n")
    assert (rejected.kind, rejected.attempts_left) == (HandoverKind.REJECTED, 2)
    assert d.market.calls[-1] == ("verify_eac", (1, "1111"))  # the code without its framing
    assert s.phase is Phase.READY
    assert (await s.check_courier_code("4321")).ok
    assert s.phase is Phase.DONE


@pytest.mark.asyncio
async def test_a_code_the_market_gives_to_tell_the_courier_is_never_checked_here() -> None:
    d = desk(make_order(1, kettle(1), program=Program.EXPRESS))
    s = d.session
    s.scan(item(KETTLE))
    await s.submit()
    arrived = replace(d.market.orders[1], substatus="COURIER_ARRIVED_TO_SENDER")
    s.order_changed(replace(arrived, eac_type="MERCHANT_TO_COURIER", eac_code="5150"))
    assert s.order.eac_code == "5150"
    outcome = await s.check_courier_code("5150")
    assert outcome.kind is HandoverKind.NOT_SENT  # refused here, not by the Market
    assert d.market.count("verify_eac") == 0


@pytest.mark.asyncio
async def test_only_a_ready_express_order_takes_scans_as_the_courier_code() -> None:
    eac = scan(ScanKind.UNKNOWN, "4321")
    order_no = scan(ScanKind.ORDER_NUMBER, "12345678")
    express = desk(make_order(1, kettle(1), program=Program.EXPRESS)).session
    fbs = desk(make_order(2, kettle(1))).session
    for session in (express, fbs):
        assert not session.takes_courier_code(eac)  # still packing: scans are items and codes
        session.scan(item(KETTLE))
        await session.submit()
    assert express.phase is Phase.READY

    assert express.takes_courier_code(eac)
    # Every scan but a command is for the hand-over; the desk sends only a code's shape on.
    assert express.takes_courier_code(item(KETTLE))
    assert not express.takes_courier_code(command(Command.NEXT_ORDER))
    assert express.takes_courier_code(order_no)
    assert not fbs.takes_courier_code(eac)  # FBS leaves with the courier without a code


@pytest.mark.asyncio
async def test_express_order_leaving_with_the_courier_is_done() -> None:
    d = desk(make_order(1, kettle(1), program=Program.EXPRESS))
    d.session.put(22)
    await d.session.submit()
    found = replace(d.market.orders[1], substatus="COURIER_FOUND", eac_type="COURIER_TO_MERCHANT")
    d.session.order_changed(found)
    assert d.session.phase is Phase.READY
    assert d.session.order.eac_type == "COURIER_TO_MERCHANT"
    d.session.order_changed(replace(d.market.orders[1], substatus="SHIPPED"))
    assert d.session.phase is Phase.DONE


# --------------------------------------------------------------------------- exceptions


@pytest.mark.asyncio
async def test_cancel_order_sets_shop_failed_and_releases_codes() -> None:
    d = desk(make_order(1, mug(1)))
    d.session.scan(code(CIS_A))
    await d.session.cancel_order()
    assert d.session.phase is Phase.CANCELLED
    assert (d.market.orders[1].status, d.market.orders[1].substatus) == (CANCELLED, SHOP_FAILED)
    assert not d.registry.uses
    assert d.journal.finished == [1]
    assert d.outbox.intents[-1].kind == "cancel"
    with pytest.raises(PackingError):
        d.session.put(11)
    with pytest.raises(PackingError):
        await d.session.cancel_order()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"status": CANCELLED, "substatus": "USER_CHANGED_MIND"}, "cancelled"),
        ({"substatus": READY_TO_SHIP}, "changed"),
        ({"status": "DELIVERY", "substatus": "DELIVERY_SERVICE_RECEIVED"}, "changed"),
    ],
)
def test_a_change_underneath_interrupts_packing(change: dict[str, str], expected: str) -> None:
    d = desk(make_order(1, mug(1)))
    d.session.scan(code(CIS_A))
    d.session.order_changed(replace(d.market.orders[1], **change))  # type: ignore[arg-type]
    snap = d.session.snapshot
    assert snap.phase is Phase.INTERRUPTED
    assert snap.interruption is not None
    assert expected in snap.interruption.en
    assert "верните товары" in russian(snap.interruption.text).casefold()
    assert not d.registry.uses
    with pytest.raises(PackingError) as frozen:
        d.session.put(11)
    assert frozen.value.reason is Reason.NOT_EDITABLE


@pytest.mark.asyncio
async def test_changed_items_interrupt_but_an_accepted_shortening_does_not() -> None:
    d = desk(make_order(1, mug(2, price=200), kettle(1, price=100)))
    await d.session.shorten({11: 1})
    d.session.order_changed(d.market.orders[1])  # the Market's copy shows our shortening
    assert d.session.phase is Phase.PACKING
    d.session.order_changed(replace(d.market.orders[1], lines=(mug(2),)))
    assert d.session.phase is Phase.INTERRUPTED


@pytest.mark.asyncio
async def test_a_moved_deadline_is_taken_without_interrupting() -> None:
    d = desk(make_order(1, kettle(2, price=200), mug(1, price=100), program=Program.EXPRESS))
    await d.session.shorten({22: 1})
    moved = replace(d.market.orders[1], ship_by=datetime(2026, 11, 23, 15, 0, tzinfo=UTC), notes="позже")
    d.session.order_changed(moved)
    assert d.session.phase is Phase.PACKING
    assert d.session.order.ship_by == moved.ship_by
    assert d.session.order.notes == "позже"
    assert [(line.id, line.count) for line in d.session.order.lines] == [(22, 1), (11, 1)]


def test_orders_of_other_ids_are_ignored() -> None:
    d = desk(make_order(1, mug(1)))
    d.session.order_changed(make_order(2, status=CANCELLED))
    assert d.session.phase is Phase.PACKING


@pytest.mark.asyncio
async def test_shorten_is_checked_then_asked_of_the_market_and_applied_when_it_accepts() -> None:
    d = desk(make_order(1, mug(2, price=200), kettle(1, price=100)))
    s = d.session
    with pytest.raises(PackingError) as last_line:
        await s.shorten({11: 0, 22: 0})
    assert last_line.value.reason is Reason.SHORTEN_LAST_LINE
    assert d.market.count("set_box_layout") == 0  # refused here: nothing sent
    assert s.check_shorten({22: 0}) == {22: 0}
    s.put(22)
    seen = len(d.seen)
    await s.shorten({22: 0, 11: 1})

    # The request went at once, with allowRemove, and showed as pending before the answer.
    assert any(snap.pending_shorten == ((11, 1), (22, 0)) for snap in d.seen[seen:])
    (_, (_order_id, asked)) = next(call for call in d.market.calls if call[0] == "set_box_layout")
    assert asked.allow_remove
    assert [(line.id, line.count) for line in d.market.orders[1].lines] == [(11, 1)]
    assert [(line.id, line.count) for line in s.order.lines] == [(11, 1)]
    assert s.snapshot.pending_shorten == ()
    assert not s.snapshot.can_undo  # irreversible
    assert d.outbox.intents[0].kind == "shorten"
    assert not d.outbox.pending_intents()

    s.scan(item(MUG))
    s.scan(code(CIS_A))
    await s.submit()
    layouts = [call[1][1] for call in d.market.calls if call[0] == "set_box_layout"]
    assert len(layouts) == 2
    assert not layouts[1].allow_remove
    assert s.phase is Phase.DONE


@pytest.mark.asyncio
async def test_a_promo_line_is_refused_before_sending_once_the_market_said_it_is_promo() -> None:
    d = desk(make_order(1, mug(2, price=200), kettle(1, price=100)))
    # Only the Market's legacy order says "promo".
    d.market.orders[1] = make_order(1, mug(2, price=200), kettle(1, price=100, promo=True))
    s = d.session
    assert s.check_shorten({22: 0}) == {22: 0}  # the business order does not say "promo"
    s.put(11)
    await s.learn_promo()
    assert s.undo()  # going back does not forget what the Market said
    with pytest.raises(PackingError) as refused:
        s.check_shorten({22: 0})
    assert refused.value.reason is Reason.SHORTEN_PROMO
    restored = d.reopen()
    assert restored is not None
    with pytest.raises(PackingError):
        restored.check_shorten({22: 0})
    with pytest.raises(PackingError):
        await s.shorten({22: 0})
    assert d.market.count("set_box_layout") == 0
    assert d.market.count("promo_lines") == 1  # asked once per order
    assert "pack the order in full" in s.snapshot.last_error.english()  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_a_market_refusal_leaves_lines_boxes_and_codes_exactly_as_before() -> None:
    d = desk(make_order(1, mug(2, price=200), kettle(1, price=100)))
    d.market.orders[1] = make_order(1, mug(2, price=200), kettle(1, price=100, promo=True))
    s = d.session
    d.market.fail_next("promo_lines", ConnectionFailedError("legacy reader gone"))  # promo unknown
    s.put(22)
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    before = s.packing

    with pytest.raises(PackingError) as refused:
        await s.shorten({22: 0})

    assert refused.value.reason is Reason.SHORTEN_REFUSED
    assert "PROMO_PROHIBITS_DELETE" in refused.value.en  # the Market's reason, as it said it
    assert "cancel the order" in refused.value.english()
    assert s.packing == before  # lines, boxes and codes untouched
    assert s.snapshot.pending_shorten == ()
    assert s.snapshot.last_error is refused.value
    assert not d.outbox.pending_intents()  # closed as rejected
    assert s.undo()  # the packer's own history is still there
    s.scan(code(CIS_A))
    s.scan(item(MUG))
    s.scan(code(CIS_B))
    await s.submit()  # packed in full
    assert s.phase is Phase.DONE
    restored = d.reopen()
    assert restored is not None
    assert restored.packing == s.packing


@pytest.mark.asyncio
async def test_no_connection_means_not_shortened_and_the_packer_is_told() -> None:
    d = desk(make_order(1, mug(2, price=200), kettle(1, price=100)))
    s = d.session
    d.market.fail_next("set_box_layout", ConnectionFailedError("down"))
    with pytest.raises(PackstationError) as failed:
        await s.shorten({22: 0})
    assert "not sent" in failed.value.en
    assert [(line.id, line.count) for line in s.order.lines] == [(11, 2), (22, 1)]
    assert s.snapshot.pending_shorten == ()
    assert not d.outbox.pending_intents()


@pytest.mark.asyncio
async def test_a_lost_answer_is_settled_by_reading_the_order_back() -> None:
    d = desk(make_order(1, mug(2, price=200), kettle(1, price=100)))
    s = d.session
    d.market.fail_next("set_box_layout", MarketTimeoutError(operation="setOrderBoxLayout"))
    d.market.fail_next("get_order", ConnectionFailedError("down"))
    with pytest.raises(PackstationError):
        await s.shorten({22: 0})
    assert s.snapshot.pending_shorten == ((22, 0),)  # nobody knows yet: pending, nothing changed
    assert [(line.id, line.count) for line in s.order.lines] == [(11, 2), (22, 1)]
    with pytest.raises(PackingError) as waiting:
        await s.submit()
    assert waiting.value.reason is Reason.SHORTEN_PENDING

    await s.refresh_order()  # the Market shows the order unchanged: it did not take it
    assert s.snapshot.pending_shorten == ()
    assert s.phase is Phase.PACKING
    assert "did not confirm" in s.snapshot.last_error.en  # type: ignore[union-attr]
    assert not d.outbox.pending_intents()


@pytest.mark.asyncio
async def test_a_pending_shortening_replayed_after_a_crash_applies_only_if_the_market_shows_it() -> None:
    d = desk(make_order(1, mug(2, price=200), kettle(1, price=100)))
    d.session.put(11)
    # A crash right after the request was journalled, before the answer.
    d.journal.append(1, {"op": "shorten", "counts": {"22": 0}, "intent": None})
    restored = d.reopen()
    assert restored is not None
    assert restored.snapshot.pending_shorten == ((22, 0),)
    assert [(line.id, line.count) for line in restored.order.lines] == [(11, 2), (22, 1)]

    unchanged = PackingSession.open(d.market.orders[1], d.deps)  # the Market never took it
    assert unchanged.snapshot.pending_shorten == ()
    assert [(line.id, line.count) for line in unchanged.order.lines] == [(11, 2), (22, 1)]
    assert unchanged.packing.boxes == d.session.packing.boxes
    assert unchanged.phase is Phase.PACKING

    d.journal.append(1, {"op": "shorten", "counts": {"22": 0}, "intent": None})
    d.market.orders[1] = replace(d.market.orders[1], lines=(mug(2, price=200),))  # it did take it
    accepted = PackingSession.open(d.market.orders[1], d.deps)
    assert [(line.id, line.count) for line in accepted.order.lines] == [(11, 2)]
    assert accepted.phase is Phase.PACKING  # our own shortening: no "order changed" stop


@pytest.mark.asyncio
async def test_a_network_failure_keeps_the_work_and_the_intent_pending() -> None:
    d = desk(make_order(1, kettle(1)))
    d.session.put(22)
    d.market.fail_next("set_box_layout", ConnectionFailedError("down"))
    with pytest.raises(ConnectionFailedError):
        await d.session.submit()
    assert d.session.phase is Phase.PACKING
    assert d.session.packing.boxes
    assert isinstance(d.session.snapshot.last_error, ConnectionFailedError)
    assert len(d.outbox.pending_intents()) == 1  # the replayer re-reads the order before resending

    d.market.fail_next("set_status", ConnectionFailedError("down"))
    with pytest.raises(ConnectionFailedError):
        await d.session.submit()
    await d.session.submit()  # the layout the Market has is not sent again
    assert d.market.count("set_box_layout") == 2
    assert d.session.phase is Phase.DONE


@pytest.mark.asyncio
async def test_a_refusal_closes_the_intent_and_a_cancel_found_on_reread_interrupts() -> None:
    d = desk(make_order(1, kettle(1)))
    d.session.put(22)
    d.market.fail_next("set_box_layout", BadRequestError())
    d.market.orders[1] = replace(d.market.orders[1], status=CANCELLED, substatus="USER_CHANGED_MIND")
    with pytest.raises(BadRequestError):
        await d.session.submit()
    assert d.outbox.pending_intents() == []
    assert d.outbox.outcomes[1].startswith("rejected")
    assert d.session.phase is Phase.INTERRUPTED


@pytest.mark.asyncio
async def test_a_status_refusal_inside_a_success_answer_is_an_error() -> None:
    d = desk(make_order(1, kettle(1)))
    d.session.put(22)
    d.market.status_refusals[1] = "SUBSTATUS_NOT_ALLOWED"
    with pytest.raises(PackstationError) as refused:
        await d.session.submit()
    assert "SUBSTATUS_NOT_ALLOWED" in refused.value.en
    assert "READY_TO_SHIP" in russian(refused.value.text)
    assert d.session.phase is Phase.PACKING
    d.market.status_refusals[1] = "ORDER_IN_TERMINAL_STATE"
    with pytest.raises(PackstationError):
        await d.session.cancel_order()
    assert d.session.phase is Phase.PACKING


@pytest.mark.asyncio
async def test_a_print_failure_does_not_stop_the_order() -> None:
    d = desk(make_order(1, kettle(1)))
    d.printer.fail_next = PackstationError(QT_TRANSLATE_NOOP("Tests", "out of paper"))
    d.session.put(22)
    await d.session.submit()
    assert d.session.phase is Phase.DONE
    assert d.session.snapshot.print_error is not None
    job = await d.session.reprint()
    assert job is not None
    assert d.session.snapshot.print_error is None
    assert len(d.printer.printed) == 1


# --------------------------------------------------------------------------- stale labels


@pytest.mark.asyncio
async def test_labels_go_stale_when_the_layout_changes_and_resubmit_prints_new_ones() -> None:
    d = desk(make_order(1, mug(2)))
    s = d.session
    s.scan(item(MUG))
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    s.scan(code(CIS_B))
    d.market.check_answers[1] = [(CodeCheck(11, InstanceKind.CIS, CIS_B, CodeStatus.FAILED),)]
    await s.submit()
    assert s.phase is Phase.PACKING
    old_boxes = s.snapshot.labels.boxes if s.snapshot.labels else ()
    assert not s.snapshot.labels_stale

    s.move(11, 0, None)
    assert s.snapshot.labels_stale
    assert s.snapshot.stale_boxes == old_boxes
    s.scan(code(CIS_C))
    d.market.check_answers.pop(1)
    await s.submit()
    assert not s.snapshot.labels_stale
    assert len(d.printer.printed) == 2
    assert s.phase is Phase.DONE


# ----------------------------------------------------------------------------- restoring


@pytest.mark.asyncio
async def test_restore_replays_the_journal_to_the_same_state() -> None:
    d = desk(make_order(1, mug(3, price=300), kettle(2, price=200, parts_per_unit=2)))
    s = d.session
    s.scan(item(MUG))
    s.scan(code(CIS_A))
    s.new_box()
    s.put(11, None, 2)
    s.split(22)
    s.undo()
    s.split(22, 2)
    s.close_box()
    s.move(11, 1, 0)
    s.unpack(11, 0)
    s.remove_code(CIS_A)
    s.attach_code(Instance(InstanceKind.CIS, CIS_B))
    await s.shorten({11: 2, 22: 1})
    s.scan(code(CIS_C))
    await s.submit()

    restored = d.reopen()
    assert restored is not None
    assert restored.packing == s.packing
    assert restored.phase is s.phase is Phase.DONE
    assert restored.snapshot.labels == s.snapshot.labels
    assert PackingSession.restore(99, d.deps) is None


@pytest.mark.asyncio
async def test_opening_a_packed_order_whose_finished_mark_was_lost_marks_it_again() -> None:
    """The mark commits quickly: a power cut right after a submit can lose it alone, and the
    order was then listed as in progress for good."""
    d = desk(make_order(1, kettle(1)))
    d.session.scan(item(KETTLE))
    await d.session.submit()
    assert d.session.phase is Phase.DONE
    d.journal.finished.clear()  # lost with the power
    assert d.journal.orders_in_progress() == [1]
    reopened = PackingSession.open(d.market.orders[1], d.deps)
    assert reopened.phase is Phase.DONE
    assert d.journal.orders_in_progress() == []


def test_restore_mid_packing_keeps_undo_and_open_resumes_it() -> None:
    d = desk(make_order(1, mug(2)))
    d.session.put(11)
    d.session.scan(code(CIS_A))
    d.registry.uses.clear()  # as if the process died before the code index was updated
    reopened = PackingSession.open(d.market.orders[1], d.deps)
    assert reopened.packing == d.session.packing
    assert d.registry.find(CIS_A[:25]) is not None
    assert reopened.phase is Phase.PACKING
    assert reopened.undo()
    assert reopened.packing.codes == {}
    fresh = PackingSession.open(make_order(5, kettle(1)), replace(d.deps, journal=FakeJournal()))
    assert fresh.packing.boxes == ()


def test_restore_repairs_a_code_index_one_code_ahead_or_behind_the_journal() -> None:
    d = desk(make_order(1, mug(2)))
    s = d.session
    guard = d.deps.guard
    assert guard is not None
    s.put(11, None, 2)
    s.scan(code(CIS_A))
    s.scan(code(CIS_B))
    assert s.undo()  # CIS_B is off its unit again
    key_a, key_b = CIS_A[:25], CIS_B[:25]
    # A crash between journal lines and index updates: CIS_A never reached the index (behind),
    # the undone CIS_B was never released (ahead).
    d.registry.forget(key_a, 1)
    d.registry.remember(key_b, 1)
    with pytest.raises(ScanError) as stale:
        s.scan(code(CIS_B))
    assert "already scanned in this order" in stale.value.en
    guard.check(Instance(InstanceKind.CIS, CIS_A), order_id=2)  # a duplicate would slip through

    restored = d.reopen()

    assert restored is not None
    assert restored.packing == s.packing
    assert d.registry.codes_of(1) == [key_a]
    with pytest.raises(ScanError) as elsewhere:
        guard.check(Instance(InstanceKind.CIS, CIS_A), order_id=2)
    assert "order 1" in elsewhere.value.en
    assert restored.scan(code(CIS_B)).unit == UnitRef(11, 1)
    assert d.registry.codes_of(1) == sorted([key_a, key_b])


def test_restore_of_a_cancelled_order_clears_its_codes_left_in_the_index() -> None:
    d = desk(make_order(1, mug(1)))
    d.session.put(11)
    d.session.scan(code(CIS_A))
    d.session.order_changed(replace(d.market.orders[1], status=CANCELLED, substatus="USER_CHANGED_MIND"))
    assert d.registry.codes_of(1) == []
    d.registry.remember(CIS_A[:25], 1)  # the release never reached the index
    restored = d.reopen()
    assert restored is not None
    assert restored.phase is Phase.INTERRUPTED
    assert d.registry.codes_of(1) == []


def test_restore_of_an_interrupted_order_and_packing_it_again() -> None:
    d = desk(make_order(1, mug(1)))
    d.session.put(11)
    d.session.order_changed(replace(d.market.orders[1], status=CANCELLED, substatus="USER_CHANGED_MIND"))
    restored = d.reopen()
    assert restored is not None
    assert restored.phase is Phase.INTERRUPTED
    assert restored.snapshot.interruption is not None

    changed = replace(d.market.orders[1], lines=(mug(2),))  # changed underneath, packed afresh
    again = PackingSession.open(changed, d.deps)
    assert again.phase is Phase.PACKING
    assert again.packing.boxes == ()
    again.put(11, None, 2)
    reopened = d.reopen()
    assert reopened is not None
    assert reopened.packing == again.packing


def test_a_journal_line_that_no_longer_applies_is_skipped_and_the_rest_restored() -> None:
    d = desk(make_order(1, kettle(2)))
    d.session.put(22)
    d.journal.append(1, {"op": "put", "line": 22, "box": 7, "units": 1})  # no box 7
    d.journal.append(1, {"op": "teleport"})  # unknown
    d.journal.append(1, {"op": "put", "line": 22, "box": 0, "units": 1})
    restored = d.reopen()
    assert restored is not None
    assert restored.packing.boxes[0].units == (UnitRef(22, 0), UnitRef(22, 1))


def test_a_failing_subscriber_does_not_break_the_session() -> None:
    d = desk(make_order(1, kettle(1)))

    def broken(snapshot: SessionSnapshot) -> None:
        raise RuntimeError("view bug")

    d.session.subscribe(broken)
    d.session.put(22)
    assert d.session.packing.boxes
    assert d.seen[-1].packing.boxes


@pytest.mark.asyncio
async def test_open_treats_a_market_ready_to_ship_after_our_layout_as_our_own() -> None:
    d = desk(make_order(1, kettle(1)))
    d.session.put(22)
    d.market.fail_next("set_status", ConnectionFailedError("down"))
    with pytest.raises(ConnectionFailedError):
        await d.session.submit()
    d.market.orders[1] = replace(d.market.orders[1], status=PROCESSING, substatus=READY_TO_SHIP)
    reopened = PackingSession.open(d.market.orders[1], d.deps)
    assert reopened.phase is Phase.DONE


# ---------------------------------------------------------------------------- auto-submit


@pytest.mark.asyncio
async def test_auto_submit_counts_down_and_submits() -> None:
    d = desk(make_order(1, kettle(2)), auto_submit_s=3)
    d.session.put(22)
    assert d.session.snapshot.countdown is None
    d.session.put(22)
    assert d.session.snapshot.countdown == 3
    await d.session.wait_idle()
    assert d.sleep.delays == [1.0, 1.0, 1.0]
    assert [snap.countdown for snap in d.seen if snap.countdown is not None] == [3, 2, 1, 0]
    assert d.session.phase is Phase.DONE


@pytest.mark.asyncio
async def test_auto_submit_is_cancelled_by_the_packer_or_by_an_edit() -> None:
    d = desk(make_order(1, kettle(1)), auto_submit_s=5)
    d.session.put(22)
    assert d.session.scan(command(Command.CANCEL)).action is ScanAction.COMMAND_DONE
    assert d.session.snapshot.countdown is None
    d.session.undo()
    d.session.put(22)
    assert d.session.snapshot.countdown == 5
    d.session.unpack(22, 0)
    assert d.session.snapshot.countdown is None
    await d.session.wait_idle()
    assert d.market.calls == []
    assert d.session.scan(command(Command.CANCEL)).action is ScanAction.FORWARD


@pytest.mark.asyncio
async def test_submit_command_barcode_runs_submit_in_the_background() -> None:
    d = desk(make_order(1, kettle(1)))
    d.session.scan(item(KETTLE))
    outcome = d.session.scan(command(Command.SUBMIT))
    assert outcome.action is ScanAction.COMMAND_DONE
    await d.session.wait_idle()
    assert d.session.phase is Phase.DONE


@pytest.mark.asyncio
async def test_a_submit_command_that_cannot_start_is_refused_at_once() -> None:
    d = desk(make_order(1, kettle(1)))
    with pytest.raises(PackingError) as incomplete:
        d.session.scan(command(Command.SUBMIT))
    assert incomplete.value.reason is Reason.INCOMPLETE
    assert d.session.snapshot.last_error is incomplete.value


@pytest.mark.asyncio
async def test_a_failed_background_submit_lands_in_last_error_and_close_cancels_work() -> None:
    d = desk(make_order(1, kettle(1)), auto_submit_s=30)
    d.session.put(22)
    d.market.fail_next("set_box_layout", ConnectionFailedError("down"))
    d.session.request_submit()
    await d.session.wait_idle()
    assert isinstance(d.session.snapshot.last_error, ConnectionFailedError)
    d.session.unpack(22, 0)
    d.session.put(22)
    assert d.session.snapshot.countdown == 30
    await d.session.close()
    assert d.session.snapshot.countdown is None
    assert d.market.count("set_box_layout") == 1


@pytest.mark.asyncio
async def test_raw_scanner_texts_through_the_classifier_pack_an_order() -> None:
    d = desk(make_order(1, mug(1), kettle(1)))
    texts = [MUG, "0104601234567893215abcdef93Zjqw", command_payload(Command.NEW_BOX), KETTLE]
    actions = [d.session.scan(classify_scan(text)).action for text in texts]
    done = ScanAction
    assert actions == [done.ITEM_PACKED, done.CODE_ATTACHED, done.COMMAND_DONE, done.ITEM_PACKED]
    assert d.session.packing.codes_of(UnitRef(11, 0))[0].value == CIS_A  # GS restored by the classifier
    assert d.session.scan(classify_scan("51000021")).action is ScanAction.FORWARD
    d.session.scan(classify_scan(command_payload(Command.SUBMIT)))
    await d.session.wait_idle()
    assert d.session.phase is Phase.DONE
    assert len(d.session.packing.boxes) == 2


def test_commands_for_the_ui_and_other_orders_are_forwarded() -> None:
    d = desk(make_order(1, kettle(1)))
    for cmd in (Command.NEXT_ORDER, Command.REPRINT):
        assert d.session.scan(command(cmd)).action is ScanAction.FORWARD
    assert d.session.scan(scan(ScanKind.ORDER_NUMBER, "2", order_id=2)).action is ScanAction.FORWARD
    d.session.scan(command(Command.NEW_BOX))
    d.session.scan(command(Command.CLOSE_BOX))
    assert d.session.scan(command(Command.NEXT_PART_BOX)).action is ScanAction.COMMAND_DONE
    assert ops(d) == ["open", "new_box", "close_box", "new_box"]


def test_person_and_business_buyers_differ_on_optional_codes() -> None:
    optional = frozenset({RequiredCode.CIS_OPTIONAL})
    person = desk(make_order(1, mug(1, required=optional), buyer=BuyerType.PERSON))
    person.session.put(11)
    assert person.session.snapshot.complete
    business = desk(make_order(1, mug(1, required=optional), buyer=BuyerType.BUSINESS))
    business.session.put(11)
    assert not business.session.snapshot.complete


# ------------------------------------------------------------------- the documented layouts


def _sent_wire(d: Desk) -> dict[str, Any]:
    (_, (_, plan)) = next(call for call in d.market.calls if call[0] == "set_box_layout")
    return layout_to_wire(plan)


@pytest.mark.asyncio
async def test_session_builds_the_documented_one_box_layout() -> None:
    marked = OrderLine(123456, "SLIPPERS", "Тапочки", 3, required=CIS_REQUIRED, barcodes=(MUG,))
    plain = OrderLine(654321, "SHOES", "Туфли", 1, barcodes=(KETTLE,))
    d = desk(make_order(1, marked, plain))
    for _ in range(3):
        d.session.scan(item(MUG))
    for value in (CODE_1, CODE_2, CODE_3):
        d.session.attach_code(Instance(InstanceKind.CIS, value))
    d.session.scan(item(KETTLE))
    await d.session.submit()
    assert _sent_wire(d) == DOC_ONE_BOX
    assert d.session.phase is Phase.DONE


@pytest.mark.asyncio
async def test_session_builds_the_documented_split_layout() -> None:
    big = OrderLine(123456, "AC", "Кондиционер", 1, required=CIS_REQUIRED, parts_per_unit=2)
    d = desk(make_order(1, big))
    d.session.attach_code(Instance(InstanceKind.CIS, CODE_1))
    d.session.split(123456)
    await d.session.submit()
    assert _sent_wire(d) == DOC_ONE_ITEM_TWO_BOXES


@pytest.mark.asyncio
async def test_session_builds_the_documented_two_split_units_layout() -> None:
    # The documentation repeats one placeholder code on both units: only an optional code allows
    # that, and only without the station's duplicate guard.
    optional = frozenset({RequiredCode.CIS_OPTIONAL})
    big = OrderLine(123456, "AC", "Кондиционер", 2, required=optional, parts_per_unit=2)
    d = desk(make_order(1, big), guard=False)
    d.session.attach_code(Instance(InstanceKind.CIS, CODE_1))
    d.session.attach_code(Instance(InstanceKind.CIS, CODE_1))
    d.session.split(123456)
    d.session.split(123456)
    await d.session.submit()
    assert _sent_wire(d) == DOC_TWO_ITEMS_FOUR_BOXES


# ------------------------------------------------------------- against the in-process sandbox


@dataclass
class SandboxDesk:
    sandbox: Any
    client: MarketClient
    market: MarketGateway
    deps: SessionDeps
    used: set[str] = field(default_factory=set)

    def codes(self, order: Order, line: OrderLine) -> list[Instance]:
        """One fresh code per unit for each kind the line must carry (from the demo stock)."""
        found = []
        for kind in sorted(mandatory_kinds(order, line)):
            stock = [c for c in self.sandbox.codes_for(line.offer_id) if c not in self.used]
            for value in stock[: line.count]:
                self.used.add(value)
                found.append(Instance(kind, value, "CN" if kind is InstanceKind.GTD else None))
        return found


@pytest_asyncio.fixture
async def sandbox_desk(sandbox_app: Any) -> AsyncIterator[SandboxDesk]:
    sandbox = sandbox_app.state.sandbox
    client = MarketClient(TEST_API_KEY, "http://sandbox", transport=httpx.ASGITransport(app=sandbox_app))
    market = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)

    async def sleep(seconds: float) -> None:  # time passes for the sandbox's verifications
        sandbox.advance_clock(seconds)

    clock = FakeClock()
    guard = CodeGuard(FakeCodeRegistry(clock))
    deps = SessionDeps(market=market, journal=FakeJournal(), clock=clock, guard=guard, sleep=sleep)
    try:
        yield SandboxDesk(sandbox, client, market, deps)
    finally:
        await client.aclose()


async def _pack_fully(desk: SandboxDesk, order: Order) -> PackingSession:
    session = PackingSession.start(order, desk.deps)
    for line in order.lines:
        for instance in desk.codes(order, line):
            session.attach_code(instance, instance.value[2:16] if instance.kind is InstanceKind.CIS else None)
        for _ in range(line.count):
            if line.parts_per_unit > 1:
                session.split(line.id)
            else:
                session.scan_item(line.barcodes[0])
    await session.submit()
    return session


@pytest.mark.asyncio
async def test_every_demo_order_goes_through_the_sandbox(sandbox_desk: SandboxDesk) -> None:
    queue = OrderQueue(sandbox_desk.market, FakeClock(datetime.now(UTC)))
    await queue.refresh()
    orders = [o for o in queue.orders() if o.substatus == "STARTED"]
    assert len(orders) >= 20
    assert {Program.FBS, Program.EXPRESS} <= {o.program for o in orders}

    for order in orders:
        session = await _pack_fully(sandbox_desk, order)
        if order.is_express:
            assert session.phase is Phase.READY
            sandbox_desk.sandbox.advance_clock(600)  # the courier arrives
            await session.refresh_order()
            result = await session.handover(sandbox_desk.sandbox.eac_code(order.id))
            assert result.verdict is EacVerdict.ACCEPTED
        assert session.phase is Phase.DONE, order.id
        stored = sandbox_desk.sandbox.find(order.id)
        assert stored.substatus in ("READY_TO_SHIP", "COURIER_RECEIVED")

    change = await queue.refresh()
    assert set(change.removed) == {o.id for o in orders}


@pytest.mark.asyncio
async def test_a_code_the_sandbox_fails_is_replaced_and_the_order_ships(sandbox_desk: SandboxDesk) -> None:
    sandbox = sandbox_desk.sandbox
    order = next(
        o
        for o in await _all_orders(sandbox_desk.market)
        if len(o.lines) == 1 and o.lines[0].required == CIS_REQUIRED and o.program is Program.FBS
    )
    line = order.lines[0]
    good = sandbox_desk.codes(order, line)
    bad = good[0].value[:18] + "BAD" + good[0].value[21:]  # the sandbox fails serials starting BAD
    session = PackingSession.start(order, sandbox_desk.deps)
    session.put(line.id, None, line.count)
    session.attach_code(Instance(InstanceKind.CIS, bad))
    for instance in good[1:]:
        session.attach_code(instance)
    await session.submit()
    assert session.phase is Phase.PACKING
    assert [b.status for b in session.snapshot.badges if b.instance.value == bad] == [CodeStatus.FAILED]

    session.attach_code(good[0])
    await session.submit()
    assert session.phase is Phase.DONE
    assert sandbox.find(order.id).substatus == READY_TO_SHIP


async def _all_orders(market: MarketGateway) -> list[Order]:
    return [order async for page in market.iter_order_pages(OrderQuery()) for order in page]


class _ThreadNotingOutbox(FakeOutbox):
    """Notes the thread each intent is written and closed in."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.threads: list[tuple[str, int]] = []

    def add_intent(self, order_id: int, kind: str, payload: Mapping[str, Any]) -> Intent:
        self.threads.append(("add", threading.get_ident()))
        return super().add_intent(order_id, kind, payload)

    def complete_intent(self, intent_id: int, outcome: str) -> None:
        self.threads.append(("complete", threading.get_ident()))
        super().complete_intent(intent_id, outcome)


class _CallWatchingMarket(FakeMarket):
    """Notes which intents are pending in `outbox` when each Market write goes out."""

    def __init__(self, outbox: FakeOutbox) -> None:
        super().__init__()
        self.outbox = outbox
        self.pending_at_call: dict[str, list[str]] = {}

    async def set_box_layout(self, order_id: int, plan: LayoutPlan) -> tuple[StoredBox, ...]:
        self.pending_at_call["layout"] = [i.kind for i in self.outbox.pending_intents()]
        return await super().set_box_layout(order_id, plan)

    async def set_status(self, order_id: int, status: str, substatus: str | None = None) -> StatusChange:
        self.pending_at_call["status"] = [i.kind for i in self.outbox.pending_intents()]
        return await super().set_status(order_id, status, substatus)


@pytest.mark.asyncio
async def test_a_submits_intents_are_written_off_the_event_loops_thread_before_each_market_call() -> None:
    """Their durable commits (an fsync each) no longer hold the GUI thread (issue 19); each intent
    is still in the outbox when its Market call goes out, and closed once the Market took it."""
    order = make_order(1, kettle(1))
    d = desk(order)
    outbox = _ThreadNotingOutbox(d.clock)
    market = _CallWatchingMarket(outbox)
    market.add(order)
    session = PackingSession.start(order, replace(d.deps, market=market, outbox=outbox))
    session.scan(item(KETTLE))
    await session.submit()

    assert session.phase is Phase.DONE
    assert market.pending_at_call == {"layout": ["box_layout"], "status": ["status"]}
    assert outbox.pending_intents() == []
    assert [what for what, _thread in outbox.threads] == ["add", "complete", "add", "complete"]
    assert threading.get_ident() not in {thread for _what, thread in outbox.threads}
