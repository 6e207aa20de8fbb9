"""Screenshots of the office window (LaaS orders and statistics), from the real app in Russian.

Run under a display (the README images are made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_office_screenshots.py

It starts the real shell in demo mode (the in-process Market emulator), opens the office window
from the toolbar, fills a courier order and asks for its delivery options (`docs/laas-form.png`),
creates a pickup order and a courier draft and moves the draft's delivery while the Market still
applies the change (`docs/laas-orders.png`), then reads a week of statistics
(`docs/statistics.png`).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import httpx
import qasync
from PySide6.QtWidgets import QApplication

from packstation.app import MarketConnection, Shell, build_services, prepare
from packstation.cli import build_parser
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.market.office_gateway import OfficeGateway
from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, DEMO_LAAS_CAMPAIGN_ID
from packstation.ui.i18n import Translations
from packstation.ui.office_window import OfficeWindow

DOCS = Path(__file__).resolve().parent


async def until(condition: object, seconds: float = 10.0) -> None:
    for _ in range(int(seconds * 50)):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.02)
    raise RuntimeError("the office did not get there in time")


async def fill(office: OfficeWindow, *, pickup: bool) -> None:
    form = office.form
    for text in ("КРОССОВКИ",) if pickup else ("MUG-300", "BOOK-WP"):
        rows = form.items.rowCount()
        form.search.setText(text)
        form.add_button.click()
        await until(lambda rows=rows: form.results.count() > 0 or form.items.rowCount() > rows)
        if form.items.rowCount() == rows:
            form.add_button.click()
        await until(
            lambda: all(
                (form.items.item(r, 4) or form.items.item(r, 0)).text() != "проверяю…"
                for r in range(form.items.rowCount())
            )
        )
    if not pickup:
        form._count_box(0).setValue(2)
        form.address.setText("Москва, ул. Тверская, д. 7")
        form.entrance.setText("2")
        form.floor.setText("5")
        form.apartment.setText("41")
        form.notes.setText("Домофон 41, позвонить за час")
        form.last_name.setText("Петрова")
        form.first_name.setText("Анна")
        form.middle_name.setText("Сергеевна")
        form.phone.setText("8 916 123-45-67")
        form.draft.setChecked(True)
    else:
        form.pickup_radio.setChecked(True)
        await until(lambda: form.points.count() > 0)
        form.point_search.setText("Невский")
        form.points.setCurrentRow(0)
        form.last_name.setText("Сидоров")
        form.first_name.setText("Олег")
        form.phone.setText("+7 921 555-44-33")
        form.draft.setChecked(False)
    form.options_button.click()
    await until(lambda: bool(form.warehouses))


async def shoot(shell: Shell) -> None:
    shell.window.office_action.trigger()
    office = shell.office
    assert office is not None
    office.resize(1320, 820)
    created: list[object] = []
    office.form.created.connect(created.append)
    await fill(office, pickup=True)
    office.form.create_button.click()
    await until(lambda: len(created) == 1)
    office.tabs.setCurrentWidget(office.form)
    await fill(office, pickup=False)
    office.form.option_boxes[office.form.warehouses[0].warehouse_id].setCurrentIndex(4)
    await asyncio.sleep(0.5)
    office.grab().save(str(DOCS / "laas-form.png"))
    office.form.create_button.click()
    await until(lambda: len(created) == 2)
    orders = office.orders
    draft = created[1][0]  # type: ignore[index]
    await until(lambda: any(o.id == draft.id for o in orders.orders))
    orders.select(draft.id)
    await until(lambda: orders.intervals.count() > 1)
    orders.intervals.setCurrentIndex(2)
    orders.move_button.click()
    await until(lambda: any("выполняется" in t for t in orders.pending_texts()))
    await asyncio.sleep(0.4)
    office.grab().save(str(DOCS / "laas-orders.png"))
    office.tabs.setCurrentWidget(office.stats)
    office.stats.load_button.click()
    await until(lambda: office.stats.result is not None)
    office.stats.table.selectRow(2)
    await asyncio.sleep(0.6)
    office.grab().save(str(DOCS / "statistics.png"))
    print("saved docs/laas-form.png, docs/laas-orders.png and docs/statistics.png")


def main() -> int:
    with tempfile.TemporaryDirectory() as data_dir:
        args = build_parser().parse_args(["--demo", "--lang", "ru", "--data-dir", data_dir])
        runtime = prepare(args)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        Translations(app).apply("ru")
        # The demo wiring of `connect_market`, with LaaS changes that take a while to apply.
        sandbox_app = create_app(SandboxConfig(seed=1, laas_history=True, operation_delay=30.0))
        client = MarketClient(
            "demo", "http://sandbox.invalid", transport=httpx.ASGITransport(app=sandbox_app)
        )
        gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
        office = OfficeGateway(client, DEMO_BUSINESS_ID, DEMO_LAAS_CAMPAIGN_ID)
        connection = MarketConnection(gateway, [client.aclose], expect_express=True, office=office)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        shell = Shell(runtime, build_services(runtime, connection))

        async def run() -> None:
            try:
                await shoot(shell)
            finally:
                await shell.shutdown()

        with loop:
            loop.run_until_complete(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
