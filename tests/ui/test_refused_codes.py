"""Refused codes and stale labels through the real shell against the sandbox (issue 14).

The banner always names the one next step (a refused code: scan a new one for that unit, never
"submit"); a resubmit that changes the boxes lists the void and the new labels on screen and
marks the void ones in the print queue; one that keeps the boxes prints nothing twice.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import Shell
from packstation.sandbox.state import Sandbox
from packstation.services.label_job import JobKind
from packstation.services.packing import Phase
from packstation.ui import palette
from packstation.ui.packing_view import PackingView
from tests.ui.packing_support import running_shell
from tests.ui.shell_packing import open_order

pytestmark = [pytest.mark.asyncio]
SHOES = "SHOE-RUN-43"


def refused_version(code: str) -> str:
    """The same code with a serial the sandbox fails ("BAD..."): 01 + GTIN-14 + 21 are 18 chars."""
    return code[:18] + "BAD" + code[21:]


async def until(sandbox: Sandbox, condition: Callable[[], bool], what: str) -> None:
    """Wait for `condition`, letting the sandbox finish its code checks meanwhile."""
    for _ in range(1000):
        sandbox.finish_verifications()
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.asynccontextmanager
async def refused_on_second_unit(
    qtbot: QtBot, data_dir: Path, app: Starlette
) -> AsyncIterator[tuple[Shell, PackingView, list[str]]]:
    """The running shell with a business order of two shoe pairs packed and submitted, the second
    pair's code refused by the Market; with the first three unused codes of the shoes."""
    sandbox: Sandbox = app.state.sandbox
    order = sandbox.add_order(((SHOES, 2),), buyer_type="BUSINESS")
    async with running_shell(qtbot, data_dir, app) as shell:
        view = open_order(shell, order.id)
        barcode = view.session.order.lines[0].barcodes[0]
        good = sandbox.unused_codes(SHOES)[:3]
        scan = shell.packing.scanner.scanned.emit
        scan(barcode)
        assert "Scan the marking code for" in view.state_banner.text()
        assert "unit 1" in view.state_banner.text()
        scan(good[0])
        scan(barcode)
        scan(refused_version(good[1]))
        assert "Everything is packed" in view.state_banner.text()
        scan("PS:SUBMIT")
        await until(sandbox, lambda: bool(view.session.packing.rejected), "the refusal")
        await until(sandbox, lambda: shell.tasks.running == 0, "the label job")
        yield shell, view, good


async def test_a_refused_code_makes_the_banner_ask_for_a_new_code_of_that_unit_not_submit(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with refused_on_second_unit(qtbot, tmp_path, sandbox_app) as (shell, view, good):
        assert view.session.phase is Phase.PACKING
        name = view.session.order.lines[0].name
        banner = view.state_banner.text()
        assert banner == f"The Market refused a code: scan a new code for: {name}, unit 2"
        assert "submit" not in banner.lower()
        assert view.state_banner.background == palette.RED
        assert not view.submit_button.isEnabled()
        lines = view.lines_model
        assert "1 of 2 coded" in lines.data(lines.index(0, 0))  # the refused code counts for nothing
        labels_before = len(shell.packing.labels.jobs())

        # The replacement in the same boxes: the labels already stuck stay, nothing prints twice.
        shell.packing.scanner.scanned.emit(good[2])
        assert "Everything is packed" in view.state_banner.text()
        assert view.state_banner.background == palette.GREEN
        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await until(sandbox, lambda: view.session.phase is Phase.DONE, "READY_TO_SHIP")
        await until(sandbox, lambda: shell.tasks.running == 0, "the label job")
        assert len(shell.packing.labels.jobs()) == labels_before
        assert view.label_change.isVisible()
        assert view.label_change.new_list.text().startswith("Labels unchanged")
        assert not view.label_change.void_list.isVisible()
        assert not any(job.void for job in shell.packing.labels.jobs())
        market = sandbox.find(view.session.order.id)
        box_ids = tuple(box.box_id for box in market.boxes)
        assert shell.packing.labels.current_boxes(market.id) == box_ids  # reprints reach the new ids


async def test_a_resubmit_with_other_boxes_lists_void_and_new_labels_and_voids_them_in_the_queue(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with refused_on_second_unit(qtbot, tmp_path, sandbox_app) as (shell, view, good):
        order_id = view.session.order.id
        old_boxes = tuple(box.box_id for box in sandbox.find(order_id).boxes)
        assert len(old_boxes) == 1
        first_job = next(job for job in shell.packing.labels.jobs() if job.kind is JobKind.LABELS)

        shell.packing.scanner.scanned.emit(good[2])
        line = view.session.order.lines[0]
        view.session.move(line.id, 0, None)  # the second pair travels in a box of its own
        view.submit()
        await until(sandbox, lambda: view.session.phase is Phase.DONE, "READY_TO_SHIP")
        await until(sandbox, lambda: shell.tasks.running == 0, "the label job")

        new_boxes = tuple(box.box_id for box in sandbox.find(order_id).boxes)
        assert len(new_boxes) == 2
        assert view.state_banner.text() == "Swap the labels: peel off 1 void, stick 2 new (listed below)"
        panel = view.label_change
        assert panel.isVisible()
        assert panel.void_list.text().splitlines() == [
            "VOID — peel these labels off and throw them away:",
            f"Box 1 of 1 · label {order_id}-1 · box id {old_boxes[0]}",
        ]
        assert panel.new_list.text().splitlines() == [
            "NEW — stick these labels on the boxes:",
            f"Box 1 of 2 · label {order_id}-1 · box id {new_boxes[0]}",
            f"Box 2 of 2 · label {order_id}-2 · box id {new_boxes[1]}",
        ]

        jobs = [job for job in shell.packing.labels.jobs() if job.kind is JobKind.LABELS]
        assert [job.box_ids for job in jobs] == [old_boxes, new_boxes]
        assert jobs[0].id == first_job.id
        assert jobs[0].void_by == jobs[1].id
        assert not jobs[1].void

        shell.window.print_queue_action.trigger()
        queue = shell.print_queue
        assert queue is not None
        rows = {queue.queue.topLevelItem(i).text(1): queue.queue.topLevelItem(i) for i in range(2)}
        void_row = rows[", ".join(map(str, old_boxes))]
        assert void_row.text(2) == "VOID"
        assert void_row.text(3) == f"Replaced by new labels: peel off {order_id}-1 ({old_boxes[0]})"
        assert void_row.font(0).strikeOut()
        new_row = rows[", ".join(map(str, new_boxes))]
        assert new_row.text(2) == "done"
        assert not new_row.font(0).strikeOut()
