"""No commit in the GUI thread waits for the disk while packing (issue 19: never a dropped frame).

A durable commit returns once an fsync has: 1-10 ms on an SSD, tens of ms on a busy disk or an
HDD, all of it a frozen window when the GUI thread makes it. Packing an order through the real
shell with its SQLite store, every write the GUI thread makes (journal lines, the finished mark,
the codes index, the audit) is a quick commit; only Market intents are durable, and they are
written (and synced, outside the connection's lock) in a worker thread. Watched through SQLite's
statement trace (the GUI thread's transactions) and the database's count of durable syncs by
thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.settings import AppSettings
from tests.ui.packing_support import running_shell
from tests.ui.shell_packing import pack_and_submit

pytestmark = [pytest.mark.asyncio]


class TransactionWatch:
    """Counts the transactions the GUI thread begins (the trace runs in the writing thread)."""

    def __init__(self) -> None:
        self.gui = threading.get_ident()
        self.gui_transactions = 0

    def __call__(self, statement: str) -> None:
        if statement.startswith("BEGIN") and threading.get_ident() == self.gui:
            self.gui_transactions += 1


async def test_packing_and_submitting_an_order_commits_nothing_durably_in_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1)))
    second = sandbox.add_order((("CHARGER-65", 1),))
    settings = AppSettings(station_name="desk-1")
    async with running_shell(qtbot, tmp_path, sandbox_app, settings, local_store=True) as shell:
        store = shell.packing.store
        assert store is not None
        watch = TransactionWatch()
        before = store.database.durable_syncs
        with store.database.reading() as conn:
            conn.set_trace_callback(watch)
        try:
            await pack_and_submit(shell, first.id)
            await pack_and_submit(shell, second.id)
        finally:
            with store.database.reading() as conn:
                conn.set_trace_callback(None)
        # Lines, the finished marks, the audit: the GUI thread wrote; none of it durably.
        synced = store.database.durable_syncs
        gui = threading.current_thread().name
        assert watch.gui_transactions >= 8
        assert synced.get(gui, 0) == before.get(gui, 0)
        # The Market intents were written durably, by workers: each intent, then its outcome.
        assert sum(synced.values()) - sum(before.values()) >= 4
        assert sandbox.orders[first.id].substatus == "READY_TO_SHIP"
