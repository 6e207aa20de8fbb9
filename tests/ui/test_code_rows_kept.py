"""The boxes tree's code rows are kept from scan to scan where they show the same (issue 19): the
tree a coded order's scans, undos, moves and refused codes leave is the one made afresh."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from starlette.applications import Starlette

from packstation.services.packing import Phase
from packstation.ui.packing_models import BoxesModel
from tests.ui.packing_support import Desk, open_desk

pytestmark = pytest.mark.asyncio
COPY = Qt.DropAction.CopyAction


def _tree(model: BoxesModel, parent: QModelIndex | None = None) -> list[Any]:
    """Every row under `parent`: its roles, flags and rows."""
    parent = parent if parent is not None else QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((model.itemData(index), model.flags(index), _tree(model, index)))
    return rows


def _as_made_afresh(desk: Desk, after: str) -> None:
    fresh = BoxesModel(desk.session)
    try:
        assert _tree(desk.view.boxes_model) == _tree(fresh), f"rows differ after: {after}"
    finally:
        fresh.detach()


def _refused(code: str) -> str:
    """The same code with a serial the sandbox fails ("BAD...")."""
    return code[:18] + "BAD" + code[21:]


async def test_code_rows_kept_between_scans_are_those_made_afresh(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("TSHIRT-M", 3), ("SHOE-RUN-43", 2)), buyer_type="BUSINESS")
    try:
        boxes, lines = desk.view.boxes_model, desk.view.lines_model
        shirt, shoes = (line.barcodes[0] for line in desk.order.lines)
        shirt_codes = desk.sandbox.unused_codes("TSHIRT-M")
        shoe_codes = desk.sandbox.unused_codes("SHOE-RUN-43")
        for scan, after in (
            (shirt, "a shirt"),
            (shirt_codes[0], "its code"),
            (shirt, "a second shirt"),
            (shirt_codes[1], "its code"),
            (shoes, "shoes below the shirts"),
            (shoe_codes[0], "their code"),
            (shirt_codes[2], "a shirt's code before the shirt"),
            (shirt, "that shirt"),
            ("PS:UNDO", "an undo"),
            ("PS:UNDO", "the code undone"),
            ("PS:NEW_BOX", "a new box"),
            (shirt, "a shirt in box 2"),
            (shirt_codes[2], "its code"),
            (shoes, "shoes in box 2"),
        ):
            desk.scan(scan)
            assert desk.view.feedback.text().startswith("✔"), after
            _as_made_afresh(desk, after)
        # Box 1's shirts dropped into box 2, and back out of it onto the lines.
        shirts = boxes.index(0, 0, boxes.box_index(0))
        assert boxes.dropMimeData(boxes.mimeData([shirts]), COPY, -1, 0, boxes.box_index(1))
        _as_made_afresh(desk, "shirts moved to box 2")
        desk.scan("PS:UNDO")
        _as_made_afresh(desk, "the move undone")
        entry = boxes.index(0, 0, boxes.box_index(1))
        assert lines.dropMimeData(boxes.mimeData([entry]), COPY, -1, 0, QModelIndex())
        _as_made_afresh(desk, "an unpack")
        desk.scan("PS:UNDO")
        # A pair's code refused by the Market: its row changes, then its replacement.
        desk.scan(_refused(shoe_codes[1]))
        _as_made_afresh(desk, "a code")
        desk.scan(shoe_codes[0])  # the first pair's, undone above
        assert desk.session.snapshot.complete
        desk.scan("PS:SUBMIT")
        await desk.settle()
        assert desk.session.packing.rejected
        assert desk.session.phase is Phase.PACKING
        _as_made_afresh(desk, "a refused code")
        desk.scan(shoe_codes[2])
        _as_made_afresh(desk, "its replacement")
        assert desk.errors == []
        assert desk.crashes == []
    finally:
        await desk.close()
