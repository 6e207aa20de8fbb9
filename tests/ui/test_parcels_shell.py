"""Goods that travel in several parcels, through the real shell against the sandbox: a wardrobe
of `boxCount` 3 packed by scans alone goes into three part boxes ("parcel 2 of 3" on screen), its
marking code is asked once and sent in every part box, and three labels are printed. Drag and
drop and Split box such an item in part boxes too, never whole."""

from __future__ import annotations

import asyncio
import dataclasses
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.domain.packing.model import BoxKind
from packstation.sandbox import codes
from packstation.sandbox.model import CIS
from packstation.sandbox.model import Order as SandboxOrder
from packstation.sandbox.state import Sandbox
from packstation.services.label_job import JobKind
from packstation.services.packing import Phase
from packstation.ui.format import fill
from packstation.ui.i18n import Translations
from packstation.ui.sounds import Sound
from tests.sandbox.pdf_tools import page_count
from tests.ui.packing_support import open_desk, running_shell
from tests.ui.shell_packing import open_order

pytestmark = [pytest.mark.asyncio]
COPY = Qt.DropAction.CopyAction


async def _until(condition: Callable[[], bool], what: str, sandbox: Sandbox | None = None) -> None:
    for _ in range(1000):
        if condition():
            return
        if sandbox is not None:
            sandbox.finish_verifications()
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def marked_wardrobe(sandbox: Sandbox) -> tuple[SandboxOrder, str]:
    """A business order of one wardrobe (3 parcels) that needs a Chestny Znak code, and its code.

    The demo catalogue has no marked multi-parcel goods, so the test marks the wardrobe."""
    order = sandbox.add_order((("WARDROBE-3", 1),), buyer_type="BUSINESS")
    line = order.lines[0]
    shape = next(p.cis_shape for p in sandbox.catalogue.values() if p.cis_shape is not None)
    assert shape is not None
    line.product = dataclasses.replace(line.product, required=(CIS,), cis_shape=shape)
    code = codes.make_cis(random.Random(14), line.product.gtin14, shape.serial_len, shape.short_tail)
    return order, code


async def test_a_three_parcel_item_packed_by_scans_alone(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    created, code = marked_wardrobe(sandbox)
    barcode = created.lines[0].product.ean13
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        view = open_order(shell, created.id)
        assert view.session.order.lines[0].parts_per_unit == 3  # the catalogue's boxCount
        scan = shell.packing.scanner.scanned.emit

        scan(barcode)
        assert "parcel 1 of 3 → box 1" in view.feedback.text()
        assert "scan its marking code" in view.feedback.text()  # asked for the unit, once
        assert "parcel 1 of 3 packed" in view.state_banner.text()
        scan(code)
        assert "code for" in view.feedback.text()

        scan(barcode)
        assert "parcel 2 of 3 → box 2" in view.feedback.text()
        assert "marking code" not in view.feedback.text()  # the unit has its code already
        assert "parcel 2 of 3 packed" in view.state_banner.text()
        assert view.boxes_model.data(view.boxes_model.box_index(1)).startswith("Box 2: part 2 of 3")
        # The packer scans the code again on the second parcel: nothing is added, nothing refused.
        scan(code)
        assert "goes into all 3 of its parcels" in view.feedback.text()
        assert view.session.snapshot.last_error is None

        scan(barcode)
        assert "parcel 3 of 3 → box 3" in view.feedback.text()
        packing = view.session.packing
        assert [box.kind for box in packing.boxes] == [BoxKind.PART] * 3
        assert view.session.snapshot.complete
        assert view.submit_button.isEnabled()
        # A fourth scan is an extra unit: refused, and the boxes stay as they are.
        scan(barcode)
        assert view.feedback.text().startswith("✖")
        assert view.session.packing == packing

        scan("PS:SUBMIT")
        await _until(lambda: view.session.phase is Phase.DONE, "READY_TO_SHIP", sandbox)
        await _until(lambda: shell.tasks.running == 0, "the label job")

        market = sandbox.find(created.id)
        assert market.substatus == "READY_TO_SHIP"
        items = [box.items for box in market.boxes]
        assert [len(box) for box in items] == [1, 1, 1]
        assert [box[0]["partialCount"] for box in items] == [{"current": k, "total": 3} for k in (1, 2, 3)]
        assert [box[0]["instances"] for box in items] == [[{"cis": code}]] * 3

        # One label per parcel: three box ids, three pages, one job in the print queue.
        jobs = [job for job in shell.packing.labels.jobs() if job.kind is JobKind.LABELS]
        assert len(jobs) == 1
        assert len(jobs[0].box_ids) == 3
        assert jobs[0].pdf is not None
        assert page_count(jobs[0].pdf) == 3
        shell.window.print_queue_action.trigger()
        panel = shell.print_queue
        assert panel is not None
        assert panel.queue.topLevelItemCount() == 1


async def test_drag_and_split_box_a_multi_parcel_item_in_part_boxes(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("WARDROBE-3", 2), ("MUG-300", 1)))
    try:
        lines, boxes, view = desk.view.lines_model, desk.view.boxes_model, desk.view
        wardrobe, mug = desk.order.lines
        barcode = wardrobe.barcodes[0]
        lines.drag_units = 1
        # The mug first, into box 1 (a whole-goods box).
        assert boxes.dropMimeData(lines.mimeData([lines.index(1, 0)]), COPY, -1, 0, QModelIndex())
        # One parcel of the first wardrobe by a scan; then a drag of the wardrobe onto the mug's
        # box completes that unit in part boxes of its own instead of putting it whole there.
        desk.scan(barcode)
        assert "parcel 1 of 3" in view.feedback.text()
        assert "parcels in boxes: 1 of 3" in lines.data(lines.index(0, 0))
        assert boxes.dropMimeData(lines.mimeData([lines.index(0, 0)]), COPY, -1, 0, boxes.box_index(0))
        packing = desk.session.packing
        assert packing.boxes[0].line_counts() == {mug.id: 1}
        assert [(b.part.unit.n, b.part.current) for b in packing.boxes if b.part] == [(0, 1), (0, 2), (0, 3)]

        # The second wardrobe: one parcel scanned, then Split completes it with the same count.
        desk.scan(barcode)
        view.lines.setCurrentIndex(lines.index(0, 0))
        dialog = view.ask_split()
        assert dialog is not None
        assert dialog.parts.value() == 3
        assert not dialog.parts.isEnabled()
        dialog.accept()
        packing = desk.session.packing
        second = [(b.part.unit.n, b.part.current) for b in packing.boxes if b.part][3:]
        assert second == [(1, 1), (1, 2), (1, 3)]
        assert desk.session.snapshot.complete
        assert desk.sounds.played[-1] is not Sound.ERROR

        view.submit()
        await desk.settle()
        assert desk.session.phase is Phase.DONE
        items = [item for box in desk.market_order.boxes for item in box.items]
        parts = [item["partialCount"] for item in items if "partialCount" in item]
        assert parts == [{"current": k, "total": 3} for _ in range(2) for k in (1, 2, 3)]
        assert len(desk.market_order.boxes) == 7
    finally:
        await desk.close()


async def test_parcel_texts_in_russian(qapp: QApplication) -> None:
    translations = Translations(qapp)
    assert translations.apply("ru")
    try:
        packed = QCoreApplication.translate("PackingView", "%1: parcel %2 of %n → box %3", None, 3)
        assert fill(packed, "Шкаф", 2, 2) == "Шкаф: место 2 из 3 → коробка 2"
        code = "code for %1, unit %2: it goes into all %n of its parcels"
        assert QCoreApplication.translate("PackingView", code, None, 5).endswith("во все 5 мест")
        assert QCoreApplication.translate("PackingView", code, None, 3).endswith("во все 3 места")
    finally:
        translations.apply("en")
