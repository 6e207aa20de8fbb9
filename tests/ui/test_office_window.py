"""The office window through the real shell over the sandbox (real client, gateways and
services; ASGI transport): seeds 002/004 from the form and the LaaS list, seed 003 from the
statistics panel."""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from packstation.app import MarketConnection, Shell, build_services, prepare
from packstation.cli import build_parser
from packstation.domain.laas import Field
from packstation.logs import shutdown_logging
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.market.office_gateway import OfficeGateway
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, DEMO_LAAS_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox
from packstation.ui.office_window import OfficeWindow

pytestmark = [pytest.mark.asyncio]


async def until(condition: Callable[[], bool], what: str, tries: int = 600) -> None:
    for _ in range(tries):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


@dataclass
class Office:
    shell: Shell
    window: OfficeWindow
    sandbox: Sandbox
    client: MarketClient


@pytest_asyncio.fixture
async def office(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[Office]:
    """The real shell with its office window over a sandbox on real time, whose operations
    take 50 ms (the office polls every 60 ms instead of after 1, 2, 4… s)."""
    app = create_app(SandboxConfig(operation_delay=0.05))
    client = MarketClient("demo", "http://sandbox.invalid", transport=httpx.ASGITransport(app=app))
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    office_port = OfficeGateway(client, DEMO_BUSINESS_ID, DEMO_LAAS_CAMPAIGN_ID, DEMO_CAMPAIGN_ID)
    args: argparse.Namespace = build_parser().parse_args(["--data-dir", str(tmp_path), "--lang", "en"])
    connection = MarketConnection(gateway, [client.aclose], expect_express=True, office=office_port)
    runtime = prepare(args)
    shell = Shell(runtime, build_services(runtime, connection))
    assert shell.window.office_action.isVisible()
    shell.window.office_action.trigger()
    window = shell.office
    assert window is not None
    assert window.isVisible()

    async def fast(_seconds: float) -> None:
        await asyncio.sleep(0.06)

    window.orders.service.sleep = fast
    try:
        yield Office(shell, window, app.state.sandbox, client)
    finally:
        await shell.shutdown()
        shell.window.close()
        shell.window.deleteLater()
        shutdown_logging()


async def fill_courier_order(office: Office, external_id: str | None = None) -> None:
    form = office.window.form
    form.search.setText("MUG-300")
    form.add_button.click()
    await until(lambda: form.items.rowCount() == 1, "the offer line")
    await until(lambda: "Софьино" in (form.items.item(0, 4) or form.items.item(0, 0)).text(), "the stock")
    form._count_box(0).setValue(2)
    form.address.setText("Москва, ул. Тверская, д. 1")
    form.apartment.setText("12")
    form.last_name.setText("Петрова")
    form.first_name.setText("Анна")
    form.phone.setText("8 999 000-11-22")
    if external_id is not None:
        form.external_id.setText(external_id)
    form.options_button.click()
    await until(lambda: bool(form.warehouses), "the delivery options")


async def test_courier_draft_confirmed_moved_and_cancelled(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, form, orders = office.window, office.window.form, office.window.orders
    await fill_courier_order(office)
    assert [w.warehouse_id for w in form.warehouses] == [300]
    box = form.option_boxes[300]
    assert box.count() == 9
    box.setCurrentIndex(1)
    assert form.draft.isChecked()
    form.create_button.click()
    await until(lambda: window.tabs.currentWidget() is orders and bool(orders.orders), "the new order listed")
    [order] = orders.orders
    assert office.sandbox.find(order.id).status == "RESERVED"
    assert orders.table.item(0, 2).text() == "Draft · RESERVED/UNKNOWN"
    assert orders.table.item(0, 6).text() == "confirm within 0:59"  # real time: under an hour left
    assert orders.table.item(0, 4).text() == "Петрова Анна"
    assert form.items.rowCount() == 0  # the form is emptied only after a success
    orders.select(order.id)
    orders.confirm_button.click()
    await until(lambda: any("in progress" in t for t in orders.pending_texts()), "the pending confirmation")
    await until(lambda: any(t.endswith("done") for t in orders.pending_texts()), "the confirmation done")
    await until(lambda: orders.orders[0].status == "PROCESSING", "the confirmed order")
    assert orders.table.item(0, 6).text() == ""  # no countdown once confirmed
    await until(lambda: orders.intervals.count() > 1, "the other intervals")
    orders.intervals.setCurrentIndex(orders.intervals.count() - 1)
    wanted = orders.intervals.currentData()
    orders.move_button.click()
    await until(lambda: sum(t.endswith("done") for t in orders.pending_texts()) == 2, "the move done")
    await until(lambda: orders.orders[0].from_time == wanted.from_time, "the moved order")
    assert orders.orders[0].from_date == wanted.from_date
    assert wanted.interval.split(" ")[-1] in orders.table.item(0, 3).text()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes)
    orders.select(order.id)
    orders.cancel_button.click()
    await until(lambda: orders.orders[0].status == "CANCELLED", "the cancelled order")
    assert office.sandbox.find(order.id).substatus == "SHOP_FAILED"
    assert not orders.cancel_button.isEnabled()


async def test_a_draft_near_its_hour_warns_before_the_market_cancels_it(office: Office) -> None:
    window, orders = office.window, office.window.orders
    await fill_courier_order(office)
    window.form.create_button.click()
    await until(lambda: bool(orders.orders), "the draft")
    assert orders.warning.isHidden()
    later = orders.orders[0].created_at + timedelta(minutes=52)
    orders.update_countdowns(later)
    assert not orders.warning.isHidden()
    assert "0:08" in orders.warning.text()
    assert orders.table.item(0, 6).text() == "confirm within 0:08"
    # The hour is up: the Market cancels the draft and the list shows it.
    office.sandbox.advance_clock(3601)
    orders.update_countdowns(orders.orders[0].created_at + timedelta(minutes=61))
    await until(lambda: orders.orders[0].status == "CANCELLED", "the expired draft")
    assert orders.orders[0].substatus == "RESERVATION_EXPIRED"
    assert orders.warning.isHidden()


async def test_pickup_order_at_once(office: Office) -> None:
    form, orders = office.window.form, office.window.orders
    form.search.setText("shoe")  # two matches: listed, the first one chosen, added on Add
    form.add_button.click()
    await until(lambda: form.results.count() == 2, "the search results")
    form.add_button.click()
    await until(lambda: form.items.rowCount() == 1, "the offer line")
    assert form.items.item(0, 0).text() == form.form().items[0][0]
    form.pickup_radio.setChecked(True)
    await until(lambda: form.points.count() == 8, "the pickup points")
    form.point_search.setText("Невский")
    assert form.points.count() == 1
    form.points.setCurrentRow(0)
    assert form.current_point() == 1006
    form.last_name.setText("Сидоров")
    form.first_name.setText("Олег")
    form.phone.setText("+7 (921) 555-44-33")
    form.draft.setChecked(False)
    form.options_button.click()
    await until(lambda: bool(form.warehouses), "the pickup options")
    assert "Невский" in form.option_boxes[form.warehouses[0].warehouse_id].currentText()
    form.create_button.click()
    await until(lambda: bool(orders.orders), "the pickup order")
    [order] = orders.orders
    assert (order.status, order.pickup_point) == ("PROCESSING", 1006)
    assert order.receive_code
    assert orders.table.item(0, 5).text() == order.receive_code
    assert office.sandbox.find(order.id).laas is not None


async def test_refusals_are_shown_beside_their_fields_and_the_form_is_kept(office: Office) -> None:
    form = office.window.form
    await fill_courier_order(office, external_id="PS-ONE")
    form.create_button.click()
    await until(lambda: bool(office.window.orders.orders), "the first order")
    # The same number again: the Market refuses it; everything typed stays.
    await fill_courier_order(office, external_id="PS-ONE")
    form.create_button.click()
    await until(lambda: Field.EXTERNAL_ID in form.visible_errors(), "the refusal beside the number")
    assert "already exists" in form.visible_errors()[Field.EXTERNAL_ID]
    assert form.items.rowCount() == 1
    assert (form.address.text(), form.last_name.text(), form.external_id.text()) == (
        "Москва, ул. Тверская, д. 1",
        "Петрова",
        "PS-ONE",
    )
    # An address the couriers do not serve, and a phone the Market would refuse.
    form.address.setText("Магадан, ул. Ленина, д. 1")
    form.options_button.click()
    await until(lambda: Field.ADDRESS in form.visible_errors(), "the refusal beside the address")
    assert "do not deliver" in form.visible_errors()[Field.ADDRESS]
    assert not form.create_button.isEnabled()  # the options shown before are gone
    form.address.setText("Москва, ул. Тверская, д. 1")
    form.phone.setText("12-34")
    form.options_button.click()
    await until(lambda: bool(form.warehouses), "the options again")
    form.create_button.click()
    await until(lambda: Field.PHONE in form.visible_errors(), "the refusal beside the phone")
    assert form.phone.text() == "12-34"
    assert len(office.sandbox.all_orders([DEMO_LAAS_CAMPAIGN_ID])) == 1


async def test_statistics_totals_equal_the_sandbox_orders_of_the_range(
    office: Office, tmp_path: Path
) -> None:
    window, stats = office.window, office.window.stats
    window.tabs.setCurrentWidget(stats)
    orders = office.sandbox.all_orders([DEMO_CAMPAIGN_ID])
    last = max(o.created_at.date() for o in orders)
    first = last - timedelta(days=2)
    stats.date_from.setDate(QDate(first.year, first.month, first.day))
    stats.date_to.setDate(QDate(last.year, last.month, last.day))
    stats.load_button.click()
    await until(lambda: stats.result is not None, "the statistics")
    assert stats.result is not None
    expected = [o for o in orders if first <= o.created_at.date() <= last]
    assert stats.table.rowCount() == len(expected)
    assert f"Orders: {len(expected)}" in stats.totals.text()
    per_day = Counter(o.created_at.date() for o in expected)
    assert stats.chart_counts() == [per_day.get(first + timedelta(days=n), 0) for n in range(3)]
    processing = sum(1 for o in expected if o.status == "PROCESSING")
    assert f"PROCESSING: {processing}" in stats.totals.text()
    assert "40 minute" in stats.lag_note.text()
    target = tmp_path / "stats.csv"
    stats.export_to(target)
    assert target.read_text(encoding="utf-8-sig").count("\n") >= len(expected) + 1
    stats.table.selectRow(0)
    stats.history_button.click()
    await until(lambda: office.shell.history is not None, "the order's history")
    assert office.shell.history is not None
    assert office.shell.history.order_id == stats.result.orders[0].id
    # Both ranges at once are refused on screen, before anything is sent.
    stats.by_updated.setChecked(True)
    assert stats.query().by_update


async def test_a_scanned_barcode_adds_the_offer_to_the_new_order(office: Office) -> None:
    window, form = office.window, office.window.form
    window.activateWindow()
    await until(window.isActiveWindow, "the office window active")
    barcode = office.sandbox.catalogue["BOOK-WP"].ean13
    opened_before = office.shell.window.packing_widget
    office.shell.packing.scanner.scanned.emit(barcode)  # as the keyboard-wedge filter delivers it
    await until(lambda: form.items.rowCount() == 1, "the scanned offer")
    assert form.items.item(0, 0).text() == "BOOK-WP"
    assert office.shell.window.packing_widget is opened_before  # the packing desk did not take it
