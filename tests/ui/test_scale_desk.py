"""The desk scale through the real shell against the sandbox: a pseudo-terminal scale weighs each
box; a too-light box stops the packer before its label prints; a scale unplugged mid-weighing is
reported and reconnects; the packer may accept a weight (recorded with the packer)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import Shell
from packstation.devices.config import ScaleProtocol, ScaleSettings
from packstation.services.box_weighing import AUDIT_OVERRIDE, AUDIT_REFUSED, AUDIT_WEIGHED
from packstation.services.packing import Phase
from packstation.settings import AppSettings
from packstation.ui.packing_view import PackingView
from packstation.ui.scale_panel import ScalePanel
from tests.devices.scale_sim import PtyScale
from tests.fixtures.qt import until
from tests.ui.packing_support import running_shell
from tests.ui.shell_packing import open_order, scan_every_unit

pytestmark = [pytest.mark.asyncio]


@pytest.fixture
def scale(tmp_path: Path) -> Iterator[PtyScale]:
    device = PtyScale(tmp_path / "scale")
    device.plug()
    yield device
    if device.plugged:
        device.unplug()


@contextlib.asynccontextmanager
async def _open_with_scale(
    qtbot: QtBot,
    qapp: QApplication,
    data_dir: Path,
    app: Starlette,
    scale: PtyScale,
    offers: tuple[tuple[str, int], ...],
) -> AsyncIterator[tuple[Shell, PackingView, ScalePanel]]:
    order = app.state.sandbox.add_order(offers)
    settings = AppSettings(
        packer_name="Анна",
        scale=ScaleSettings(protocol=ScaleProtocol.CONTINUOUS, port=str(scale.link), retry_ms=100),
    )
    async with running_shell(qtbot, data_dir, app, settings) as shell:
        shell.packing.install(qapp)
        await until(lambda: shell.packing.scale.connected, "the scale")
        view = open_order(shell, order.id)
        panel = view.findChild(ScalePanel)
        assert panel is not None
        scan_every_unit(shell, view)
        yield shell, view, panel


async def test_a_too_light_box_is_caught_before_its_label_prints(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette, scale: PtyScale
) -> None:
    # Two mugs of 0.35 kg + 0.05 kg packaging: 0.75 ± 0.10 kg.
    opened = _open_with_scale(qtbot, qapp, tmp_path, sandbox_app, scale, (("MUG-300", 2),))
    async with opened as (shell, view, panel):
        assert "Box 1: put it on the scale (expected 0.75 ± 0.10)" in panel.boxes.text()
        scale.send(b"US,GS,+  0.380kg\r\n")  # still moving: not a weighing
        await until(lambda: "~" in panel.live.text(), "the unstable weight")
        assert "put it on the scale" in panel.boxes.text()
        scale.send(b"ST,GS,+  0.410kg\r\n")  # one mug only
        await until(lambda: "0.41 kg ✖" in panel.boxes.text(), "the weighing")

        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await asyncio.sleep(0.05)
        await view.session.wait_idle()
        snapshot = view.session.snapshot
        assert snapshot.phase is Phase.PACKING
        assert snapshot.last_error is not None
        assert snapshot.last_error.en == "Box 1 weighs 0.41 kg, expected 0.75 ± 0.10: check its content."
        assert "Box 1 weighs 0.41 kg" in view.feedback.text()
        assert shell.packing.labels.jobs() == []  # no label printed ...
        assert not view.session.order.box_ids
        assert not sandbox_app.state.sandbox.find(view.session.order.id).boxes
        assert panel.accept_button.isVisible()

        # The packer lifts the box to add the second mug; the cable comes out mid-weighing.
        scale.send(b"US,GS,+  0.6")
        scale.unplug()
        await until(lambda: not shell.packing.scale.connected, "the lost scale")
        assert "scale is not connected" in shell.window.message_bar.text
        assert panel.live.text() == "Scale: not connected"
        scale.plug()
        await until(lambda: shell.packing.scale.connected, "the scale back")
        scale.send(b"ST,GS,+  0.760kg\r\n")
        await until(lambda: "0.76 kg ✓" in panel.boxes.text(), "the second weighing")

        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await until(lambda: view.session.phase is Phase.DONE, "READY_TO_SHIP")
        await until(lambda: shell.tasks.running == 0, "the label job")
        assert len(shell.packing.labels.jobs()) == 1
        store = shell.packing.store
        assert store is not None
        history = store.audit.history(view.session.order.id)
        weights = [(r.action, r.detail, r.packer) for r in history if r.action.startswith("box_weigh")]
        assert weights == [
            (AUDIT_WEIGHED, "box=1 weight_kg=0.41 expected_kg=0.75±0.10 verdict=too_light", "Анна"),
            (AUDIT_REFUSED, "box=1 weight_kg=0.41 expected_kg=0.75±0.10 verdict=too_light", "Анна"),
            (AUDIT_WEIGHED, "box=1 weight_kg=0.76 expected_kg=0.75±0.10 verdict=ok", "Анна"),
        ]
        shell.packing.desk.close_view()  # the order leaves the desk: the scale weighs nothing of it
        assert shell.packing.scale.weighing is None


async def test_the_packer_may_accept_a_weight_and_it_is_recorded(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette, scale: PtyScale
) -> None:
    opened = _open_with_scale(qtbot, qapp, tmp_path, sandbox_app, scale, (("BOOK-WP", 1),))
    async with opened as (shell, view, panel):
        shell.packing.scanner.scanned.emit("PS:SUBMIT")  # not weighed yet
        await asyncio.sleep(0.05)
        error = view.session.snapshot.last_error
        assert error is not None
        assert error.en == "Box 1 has not been weighed."
        scale.send(b"ST,GS,+  1.100kg\r\n")  # a heavier edition: 0.85 ± 0.10 expected
        await until(lambda: "1.10 kg ✖" in panel.boxes.text(), "the weighing")
        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await asyncio.sleep(0.05)
        assert view.session.phase is Phase.PACKING
        assert panel.accept_button.isVisible()
        panel.accept_button.click()
        assert "1.10 kg ✖ (expected 0.85 ± 0.10) — accepted by the packer" in panel.boxes.text()
        assert not panel.accept_button.isVisible()
        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await until(lambda: view.session.phase is Phase.DONE, "READY_TO_SHIP")
        store = shell.packing.store
        assert store is not None
        overrides = [r for r in store.audit.history(view.session.order.id) if r.action == AUDIT_OVERRIDE]
        assert [(r.detail, r.packer) for r in overrides] == [
            ("box=1 weight_kg=1.10 expected_kg=0.85±0.10 verdict=too_heavy", "Анна")
        ]
