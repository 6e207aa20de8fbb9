"""A list change through the real shell costs what changed and shows what the whole list shows
(issue 19).

The shell's listeners follow each change: the rows it names, the shift totals in the status bar
(kept in tallies), the Couriers panel (the waiting orders the change names), the in-progress
markers (the journal asked only when an order's work opened or finished here since). Each shows
exactly what a look at the whole list shows; a full reload bringing every order unchanged
changes nothing at all.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.app import MarketConnection, Shell, build_services, prepare
from packstation.cli import build_parser
from packstation.domain.order import CANCELLED, READY_TO_SHIP, Order, Program
from packstation.domain.time import MOSCOW
from tests.services.fakes import FakeClock, FakeMarket, make_order
from tests.services.test_list_change_incremental import FullShiftWatch
from tests.ui.packing_support import closing_shell

pytestmark = [pytest.mark.asyncio, pytest.mark.gui]

TODAY = date(2026, 12, 7)
NOW = datetime.combine(TODAY, time(12, 0), MOSCOW)


def _orders() -> list[Order]:
    orders = [
        make_order(
            100 + n,
            shipment_date=TODAY + timedelta(days=n % 3),
            program=Program.EXPRESS if n % 5 == 0 else Program.FBS,
            ship_by=NOW + timedelta(minutes=20 * n - 60) if n % 5 == 0 else None,
        )
        for n in range(40)
    ]
    orders[5] = replace(orders[5], substatus=READY_TO_SHIP)  # Express, packed: waiting for its courier
    return orders


def _shell(qtbot: QtBot, data_dir: Path, market: FakeMarket, clock: FakeClock) -> Shell:
    runtime = prepare(build_parser().parse_args(["--data-dir", str(data_dir), "--lang", "en"]))
    shell = Shell(runtime, build_services(runtime, MarketConnection(market, []), clock=clock))
    qtbot.addWidget(shell.window)
    return shell


async def test_each_listener_follows_the_change_and_shows_what_the_whole_list_shows(
    qtbot: QtBot, tmp_path: Path
) -> None:
    market, clock = FakeMarket(), FakeClock(NOW)
    market.add(*_orders())
    shell = _shell(qtbot, tmp_path, market, clock)
    async with closing_shell(shell):
        shell.window.show()
        await shell.load_orders()
        store = shell.start_local_store()
        assert store is not None
        reference = FullShiftWatch(shell.queue, clock)  # counts every order, every time
        asked: list[int] = []
        journal_query = store.journal.orders_in_progress

        def counted() -> list[int]:
            asked.append(1)
            return journal_query()

        store.journal.orders_in_progress = counted  # type: ignore[method-assign]

        def change(*orders: Order) -> None:
            clock.advance(60)
            for order in orders:
                market.orders[order.id] = replace(order, updated_at=clock.now())

        def check() -> None:
            assert shell.shift.totals() == reference.totals()
            totals = reference.totals()
            assert shell.window.status.shift.text() == (
                f"Today: {totals.due_today} due · {totals.packed} packed · {totals.late} late"
            )
            shown = list(shell.couriers.panel.order_ids)
            shell.couriers.update()  # the whole list looked at: the same orders waiting
            assert shell.couriers.panel.order_ids == shown
            rows = [shell.model.order_at(row) for row in range(shell.model.rowCount())]
            assert rows == list(shell.queue.orders())

        check()
        store.journal.append(101, {"kind": "scan"})  # the packer started order 101 here
        # A background refresh: an Express order packed (its courier searched), one cancelled, one new.
        change(
            replace(market.orders[110], substatus="COURIER_SEARCH"),
            replace(market.orders[102], status=CANCELLED, substatus="SHOP_FAILED"),
            make_order(200, shipment_date=TODAY),
        )
        await shell.queue.refresh()
        assert len(asked) == 1  # an order's work opened since the last look: the journal is asked
        assert shell.model.is_in_progress(101)
        assert shell.couriers.panel.order_ids == [105, 110]
        check()

        change(replace(market.orders[103], substatus=READY_TO_SHIP))  # packed at another desk: it leaves
        await shell.queue.refresh()
        assert len(asked) == 1  # nothing opened or finished here: the markers stand, no query
        assert shell.model.row_of(103) is None
        check()

        store.journal.finish(101)  # submitted here
        change(replace(market.orders[101], substatus=READY_TO_SHIP))
        await shell.queue.refresh()
        assert len(asked) == 2
        assert not shell.model.is_in_progress(101)
        check()

        clock.advance(3 * 3600)  # orders turn late as time passes: the 5-second tick shows it
        shell.show_shift()
        check()

        # F5: every order again, unchanged (fresh copies): nothing changes, nothing is repainted.
        for order_id, order in list(market.orders.items()):
            market.orders[order_id] = replace(order)
        signals: list[str] = []
        model = shell.model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(lambda *_args, name=signal: signals.append(str(name)))
        version = shell.queue.version
        await shell.queue.refresh(full=True)
        assert (shell.queue.version, signals, len(asked)) == (version, [], 2)
        check()
