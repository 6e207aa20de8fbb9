"""The packing video path without hardware: generated camera → overlay → H.264 encoder → MP4,
decoded back (frame count, duration, the order marker), pre-roll, a full disk, and the export of
several clips as one file."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest
from pytestqt.qtbot import QtBot

from packstation.devices.camera import TestPatternCamera, pattern_frame
from packstation.devices.video_export import ExportError, export_clips
from packstation.devices.video_recorder import ClipRecorder, ClipResult, VideoFormat
from tests.devices.video_support import decode

T0 = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def _feed(recorder: ClipRecorder, first: int, count: int, fps: int = 10) -> None:
    """Frames `first .. first+count-1` of the test pattern, `1/fps` apart from T0."""
    for n in range(first, first + count):
        at = T0 + timedelta(seconds=n / fps)
        recorder.push(pattern_frame(n, at), at)


def _record(qtbot: QtBot, recorder: ClipRecorder, path: Path, order_id: int, frames: range) -> ClipResult:
    results: list[ClipResult] = []
    recorder.finished.connect(results.append)
    recorder.start(path, order_id, f"Заказ {order_id} · Стол 2 · Анна", T0)
    _feed(recorder, frames.start, len(frames))
    recorder.stop()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    recorder.finished.disconnect(results.append)
    return results[0]


def test_a_clip_decodes_with_every_frame_its_duration_and_the_order_marker(
    qtbot: QtBot, tmp_path: Path
) -> None:
    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0)
    try:
        recorder.scan("10:00:01 Кружка 4601234567893")
        result = _record(qtbot, recorder, tmp_path / "video" / "51000040" / "a.mp4", 51000040, range(30))
    finally:
        recorder.close()
    assert result.error == ""
    assert result.frames == 30
    assert result.size_bytes == (tmp_path / "video" / "51000040" / "a.mp4").stat().st_size
    clip = decode(result.path)
    assert (clip.codec, clip.width, clip.height) == ("h264", 640, 480)
    assert clip.frames == 30
    assert clip.duration_s == pytest.approx(2.9, abs=0.01)  # the last frame starts at 2.9 s
    assert set(clip.markers) == {51000040}


def test_pre_roll_frames_start_the_clip(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=1.0)
    try:
        _feed(recorder, 0, 25)  # 2.5 s before the order opens: the last 1 s (10 frames) is kept
        result = _record(qtbot, recorder, tmp_path / "b.mp4", 7, range(25, 45))
    finally:
        recorder.close()
    assert result.frames == 30
    clip = decode(result.path)
    assert clip.frames == 30
    assert clip.duration_s == pytest.approx(2.9, abs=0.01)
    assert set(clip.markers) == {7}


def test_a_full_disk_ends_the_clip_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    def full_disk(_path: Path) -> IO[bytes]:
        return Path("/dev/full").open("wb")  # every write fails with ENOSPC

    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0, opener=full_disk)
    results: list[ClipResult] = []
    failures: list[str] = []
    recorder.finished.connect(results.append)
    recorder.failed.connect(failures.append)
    try:
        recorder.start(tmp_path / "c.mp4", 9, "Заказ 9", T0)
        _feed(recorder, 0, 60)
        qtbot.waitUntil(lambda: bool(failures), timeout=10000)
        assert failures == ["disk full"]
        assert results[0].error == "disk full"
        assert not recorder.recording
        _feed(recorder, 60, 5)  # the camera goes on; nothing is recorded, nothing breaks
        recorder.wait_idle()
    finally:
        recorder.close()


def test_the_generated_camera_runs_in_its_own_thread_at_its_rate(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0.5)
    results: list[ClipResult] = []
    recorder.finished.connect(results.append)
    camera = TestPatternCamera(recorder.push, fps=10)
    camera.start()
    try:
        time.sleep(0.6)
        recorder.start(tmp_path / "d.mp4", 4242, "Заказ 4242", datetime.now(UTC))
        time.sleep(1.5)
        recorder.stop()
        qtbot.waitUntil(lambda: bool(results), timeout=10000)
    finally:
        camera.stop()
        recorder.close()
    clip = decode(results[0].path)
    assert 14 <= clip.frames <= 24  # ~0.5 s pre-roll + 1.5 s at 10 fps, on a loaded machine
    assert 1.3 <= clip.duration_s <= 2.4
    assert set(clip.markers) == {4242}


def test_clips_of_one_order_export_as_one_mp4(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0)
    try:
        first = _record(qtbot, recorder, tmp_path / "1.mp4", 77, range(20))
        second = _record(qtbot, recorder, tmp_path / "2.mp4", 77, range(100, 115))
    finally:
        recorder.close()
    broken = tmp_path / "3.mp4"
    broken.write_bytes(b"\x00" * 100)  # cut off by a crash before its first fragment
    result = export_clips([first.path, broken, second.path], tmp_path / "out" / "order-77.mp4")
    assert (result.clips, result.skipped) == (2, (broken,))
    whole = decode(result.out)
    assert whole.frames == 35
    assert whole.duration_s == pytest.approx(3.4, abs=0.05)  # 2.0 s + 1.5 s, back to back
    assert set(whole.markers) == {77}
    with pytest.raises(ExportError, match="no readable clip"):
        export_clips([broken], tmp_path / "none.mp4")
