"""Demo mode across a restart: an order the station set READY_TO_SHIP is never "to pack" again.

The demo emulator lives in memory and starts afresh each run; the station's journal does not.
Each run here is the app's own demo composition (`prepare` + `connect_market` + `build_services`
+ `Shell`) on the same data dir, packing through the real shell against the emulator.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from packstation.app import Shell, build_services, connect_market, prepare
from packstation.cli import build_parser
from packstation.logs import shutdown_logging
from tests.fixtures.qt import until
from tests.sandbox.pdf_tools import pdf_text
from tests.ui.shell_packing import pack_and_submit

pytestmark = [pytest.mark.asyncio]
MUG_ORDER = 51_000_001  # one ceramic mug, no marking: packs with one scan
BOOK_ORDER = 51_000_002


async def _demo_shell(qtbot: QtBot, data_dir: Path) -> Shell:
    argv = ["--demo", "--data-dir", str(data_dir), "--lang", "en", "--print-to", str(data_dir / "labels")]
    runtime = prepare(build_parser().parse_args(argv))
    shell = Shell(runtime, build_services(runtime, connect_market(runtime)))
    qtbot.addWidget(shell.window)
    shell.window.show()
    shell.start_local_store()
    await shell.load_orders()
    return shell


async def test_an_order_packed_before_a_restart_is_not_listed_to_pack_after_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    shell = await _demo_shell(qtbot, tmp_path)
    try:
        assert shell.model.row_of(MUG_ORDER) is not None
        await pack_and_submit(shell, MUG_ORDER)  # DONE: the Market said READY_TO_SHIP
    finally:
        await shell.shutdown()
        shutdown_logging()

    shell = await _demo_shell(qtbot, tmp_path)  # a new run: a fresh emulator, the same journal
    try:
        assert shell.model.row_of(MUG_ORDER) is None
        assert shell.model.row_of(BOOK_ORDER) is not None  # the rest of the demo store is still there

        # Help → Demo sheet: saved into the data dir, opened, and without the packed order.
        opened: list[QUrl] = []
        shell.open_url = lambda url: opened.append(url) is None
        help_menu = next(a.menu() for a in shell.window.menuBar().actions() if a.text() == "Help")
        assert shell.window.demo_sheet_action in help_menu.actions()
        shell.window.demo_sheet_action.trigger()
        await until(lambda: bool(opened), "the demo sheet")
        sheet = tmp_path / "demo-sheet.pdf"
        assert opened == [QUrl.fromLocalFile(str(sheet))]
        assert str(sheet) in shell.window.message_bar.text
        text = pdf_text(sheet.read_bytes())
        assert str(BOOK_ORDER) in text
        assert str(MUG_ORDER) not in text
    finally:
        await shell.shutdown()
        shutdown_logging()
