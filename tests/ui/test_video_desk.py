"""The packing video through the real shell against the sandbox, with the generated camera: a
packed order leaves a playable clip with its overlay, exported by `packstation video export`;
a short disk means no video and packing goes on."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.cli import build_parser
from packstation.devices.config import TEST_PATTERN, CameraSettings
from packstation.services.packing import Phase
from packstation.settings import AppSettings
from packstation.ui.video_wiring import RecordingBadge
from packstation.video_cli import video_cli
from tests.devices.video_support import decode
from tests.fixtures.qt import until
from tests.ui.packing_support import running_shell
from tests.ui.shell_packing import open_order

pytestmark = [pytest.mark.asyncio]


async def test_a_packed_order_has_a_playable_clip_with_its_marker_and_exports(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 2),))
    settings = AppSettings(
        station_name="Стол 2", packer_name="Анна", camera=CameraSettings(source=TEST_PATTERN, preroll_s=1.0)
    )
    async with running_shell(qtbot, tmp_path, sandbox_app, settings) as shell:
        shell.packing.install(qapp)
        await asyncio.sleep(0.5)  # the camera runs before the order opens: the pre-roll
        view = open_order(shell, order.id)
        badge = view.findChild(RecordingBadge)
        assert badge is not None
        assert badge.text() == "● Recording video"
        for _ in range(2):
            shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
            await asyncio.sleep(0.4)
        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await until(lambda: view.session.phase is Phase.DONE, "READY_TO_SHIP")
        store = shell.packing.store
        assert store is not None
        await until(
            lambda: (
                bool(store.clips.clips_of(order.id))
                and store.clips.clips_of(order.id)[0].ended_at is not None
            ),
            "the clip",
        )
        assert badge.text() == "No video"  # stopped at READY_TO_SHIP
        (clip,) = store.clips.clips_of(order.id)
        assert clip.path.startswith(f"video/{order.id}/")
        assert clip.note == ""
        decoded = decode(tmp_path / clip.path)
        assert decoded.codec == "h264"
        assert decoded.frames == clip.frames >= 10
        assert decoded.duration_s >= 0.8
        assert set(decoded.markers) == {order.id}
        # From History: the weights and the clip are listed, and the video exports as one MP4.
        shell.show_history(order.id)
        history = shell.history
        assert history is not None
        actions = [history.model.item(row, 3).text() for row in range(history.model.rowCount())]
        assert "Packing video recorded" in actions
        assert history.export_button.isVisible()
        assert history.export_button.isEnabled()
        assert await history.start_export(tmp_path / "from-history.mp4")
        assert decode(tmp_path / "from-history.mp4").frames == decoded.frames
        assert "saved" in history.title()

    out = io.StringIO()
    args = build_parser().parse_args(
        [
            "video",
            "export",
            "--order",
            str(order.id),
            "--out",
            str(tmp_path / "export.mp4"),
            "--data-dir",
            str(tmp_path),
        ]
    )
    assert video_cli(args, stdout=out, stderr=io.StringIO()) == 0
    assert "Exported 1 clips" in out.getvalue()
    exported = decode(tmp_path / "export.mp4")
    assert exported.frames == decoded.frames
    assert set(exported.markers) == {order.id}
    missing = build_parser().parse_args(
        ["video", "export", "--order", "1", "--out", str(tmp_path / "none.mp4"), "--data-dir", str(tmp_path)]
    )
    errors = io.StringIO()
    assert video_cli(missing, stdout=io.StringIO(), stderr=errors) == 2
    assert "Order 1 has no video." in errors.getvalue()


async def test_a_short_disk_means_no_video_and_packing_goes_on(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("BOOK-WP", 1),))
    huge = 10**12  # more free megabytes than any disk has
    settings = AppSettings(camera=CameraSettings(source=TEST_PATTERN, min_free_mb=huge))
    async with running_shell(qtbot, tmp_path, sandbox_app, settings) as shell:
        shell.packing.install(qapp)
        view = open_order(shell, order.id)
        assert "packing video is not recording: the disk is almost full" in shell.window.message_bar.text
        badge = view.findChild(RecordingBadge)
        assert badge is not None
        assert badge.text() == "No video"
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await until(lambda: view.session.phase is Phase.DONE, "READY_TO_SHIP")
        store = shell.packing.store
        assert store is not None
        assert store.clips.clips_of(order.id) == []


async def test_the_camera_follows_edited_settings(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette
) -> None:
    async with running_shell(qtbot, tmp_path, sandbox_app, show=False, load=False) as shell:
        shell.packing.install(qapp)
        video = shell.packing.video
        assert video.recorder is None  # no camera configured: no encoder thread, no camera
        on = shell.packing.settings.model_copy(update={"camera": CameraSettings(source=TEST_PATTERN)})
        shell.packing.apply_settings(on)
        assert video.recorder is not None
        assert video.camera is not None
        assert video.camera.running
        camera = video.camera
        shell.packing.apply_settings(on.model_copy(update={"camera": CameraSettings()}))
        assert video.recorder is None
        assert not camera.running
