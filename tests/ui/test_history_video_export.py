"""History → "Export video…" copies the clips in a worker thread: the GUI thread keeps running
its timers meanwhile, the button is disabled and the title says the video is being saved, then
how it went, in Russian; a clip that cannot be read, or a target that is the recording itself,
is refused in words and the recording stays as it was."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.devices.camera import pattern_frame
from packstation.devices.video_export import ExportResult, export_clips
from packstation.devices.video_recorder import ClipRecorder, ClipResult, VideoFormat
from packstation.storage.audit import AuditRecord
from packstation.ui.i18n import Translations
from packstation.ui.order_history_view import Exporter, OrderHistoryView
from packstation.ui.tasks import TaskRunner
from tests.devices.video_support import decode
from tests.fixtures.qt import until

pytestmark = [pytest.mark.asyncio]
ORDER = 77
T0 = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


class _Reader:
    def history(self, order_id: int) -> list[AuditRecord]:
        return [AuditRecord(1, T0, "Стол 2", "Анна", "video_clip", order_id, "a.mp4")]

    def between(self, start: datetime | None, end: datetime | None) -> Iterator[AuditRecord]:
        return iter(self.history(ORDER))


@pytest.fixture
def russian_ui(qapp: QApplication) -> Iterator[None]:
    translations = Translations(qapp)
    assert translations.apply("ru")
    yield
    translations.apply("en")


async def _record_clip(path: Path) -> Path:
    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0)
    results: list[ClipResult] = []
    recorder.finished.connect(results.append)
    try:
        recorder.start(path, ORDER, f"Заказ {ORDER} · Стол 2 · Анна", T0)
        for n in range(20):
            at = T0 + timedelta(seconds=n / 10)
            recorder.push(pattern_frame(n, at), at)
        recorder.stop()
        await until(lambda: bool(results), "the clip is written")
    finally:
        recorder.close()
    assert results[0].error == ""
    return results[0].path


def _view(
    qtbot: QtBot, clips: list[Path], exporter: Exporter | None = None
) -> tuple[OrderHistoryView, list[BaseException]]:
    crashes: list[BaseException] = []
    errors: list[str] = []
    tasks = TaskRunner(errors.append, crashes.append)
    view = OrderHistoryView(_Reader(), video_clips=lambda _order: clips, tasks=tasks, exporter=exporter)
    qtbot.addWidget(view)
    view.show_order(ORDER)
    assert view.export_button.isEnabled()
    return view, crashes


async def test_the_export_runs_in_a_worker_thread_while_the_gui_keeps_running(
    qtbot: QtBot, tmp_path: Path, russian_ui: None
) -> None:
    clip = await _record_clip(tmp_path / "video" / str(ORDER) / "a.mp4")
    recorded = clip.read_bytes()
    release = threading.Event()
    worked_in: list[int] = []

    def slow_export(clips: Sequence[Path], out: Path) -> ExportResult:
        worked_in.append(threading.get_ident())
        assert release.wait(10), "the test never let the export finish"  # a long clip
        return export_clips(clips, out)

    view, crashes = _view(qtbot, [clip], exporter=slow_export)
    ticks: list[int] = []
    timer = QTimer(view)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    out = tmp_path / "to-send" / f"order-{ORDER}.mp4"

    task = view.start_export(out)
    await until(lambda: bool(worked_in), "the export started")
    before = len(ticks)
    await until(lambda: len(ticks) >= before + 5, "GUI timers firing while the export runs")
    assert not task.done()
    assert worked_in[0] != threading.get_ident()  # not the GUI thread
    assert not view.export_button.isEnabled()
    assert view.title() == f"Сохраняется видео заказа {ORDER}…"

    release.set()
    assert await task
    timer.stop()
    assert view.title() == f"Видео заказа {ORDER} сохранено: {out}"
    assert view.export_button.isEnabled()
    assert decode(out).frames == decode(clip).frames == 20
    assert clip.read_bytes() == recorded
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no partial file left
    assert crashes == []


async def test_an_unreadable_clip_or_the_recording_as_target_is_refused_and_the_recording_kept(
    qtbot: QtBot, tmp_path: Path, russian_ui: None
) -> None:
    clip = await _record_clip(tmp_path / "video" / str(ORDER) / "a.mp4")
    recorded = clip.read_bytes()
    view, crashes = _view(qtbot, [clip])

    assert not await view.start_export(clip)  # the save dialog pointed at the recording itself
    assert view.title() == "Видео не сохранено: этот файл — сама запись. Выберите другое имя."
    assert clip.read_bytes() == recorded
    assert view.export_button.isEnabled()

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert not await view.start_export(blocked / "order.mp4")
    assert view.title().startswith("Видео не сохранено: файл не удалось записать (")
    assert clip.read_bytes() == recorded

    broken = tmp_path / "video" / str(ORDER) / "b.mp4"
    broken.write_bytes(b"\x00" * 100)  # cut off by a crash before its first fragment
    view, crashes = _view(qtbot, [broken])
    out = tmp_path / "order.mp4"
    assert not await view.start_export(out)
    assert view.title() == "Видео не сохранено: ни один фрагмент видео заказа не читается."
    assert broken.read_bytes() == b"\x00" * 100
    assert not out.exists()
    assert crashes == []

    view, crashes = _view(qtbot, [broken, clip])
    assert await view.start_export(out)
    assert view.title() == f"Видео заказа {ORDER} сохранено: {out} Нечитаемых фрагментов пропущено: 1."
