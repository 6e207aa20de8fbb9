"""The packing video policy over the real encoder and clip index: when clips start and stop, the
overlay's scan lines, a disk that fills up mid-recording, and retention that spares claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO

from pytestqt.qtbot import QtBot

from packstation.catalogue import russian
from packstation.devices.camera import pattern_frame
from packstation.devices.video_recorder import ClipRecorder, ClipResult, VideoFormat
from packstation.domain.errors import PackstationError
from packstation.domain.order import OrderLine
from packstation.domain.video import Retention
from packstation.services.packing.values import Phase
from packstation.services.video_recording import VideoRecording
from packstation.storage.local_store import LocalStore, open_local_store
from tests.devices.video_support import decode
from tests.services.fakes import make_order

T0 = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
MUG = OrderLine(11, "MUG", "Кружка керамическая", 1, barcodes=("4601234567893",), weight_kg=Decimal("0.35"))


class _Clock:
    def __init__(self) -> None:
        self.at = T0

    def now(self) -> datetime:
        return self.at


class _Scans:
    """Records what the policy asks the recorder to overlay, then passes it on."""

    def __init__(self, recorder: ClipRecorder) -> None:
        self.recorder = recorder
        self.lines: list[str] = []

    def start(self, path: Path, order_id: int, title: str, started: datetime) -> None:
        self.recorder.start(path, order_id, title, started)

    def scan(self, text: str) -> None:
        self.lines.append(text)
        self.recorder.scan(text)

    def stop(self) -> None:
        self.recorder.stop()


def _feed(recorder: ClipRecorder, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        at = T0 + timedelta(seconds=n / 10)
        recorder.push(pattern_frame(n, at), at)


def _policy(
    tmp_path: Path, recorder: ClipRecorder, notices: list[PackstationError], **extra: object
) -> tuple[VideoRecording, LocalStore, _Scans, _Clock]:
    store = open_local_store(tmp_path, clock=lambda: T0)
    scans = _Scans(recorder)
    clock = _Clock()
    policy = VideoRecording(
        scans,
        store.clips,
        tmp_path,
        clock,
        desk="Стол 2",
        packer="Анна",
        notify=notices.append,
        **extra,  # type: ignore[arg-type]
    )

    def finished(result: object) -> None:
        assert isinstance(result, ClipResult)
        policy.clip_finished(result.path, result.frames, result.size_bytes, result.error)

    recorder.finished.connect(finished)
    return policy, store, scans, clock


def test_a_clip_runs_from_opening_to_ready_with_masked_scans(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0)
    notices: list[PackstationError] = []
    policy, store, scans, _clock = _policy(tmp_path, recorder, notices)
    order = make_order(51000040, MUG)
    try:
        assert not policy.order_opened(order, Phase.DONE)  # a finished order is not recorded
        assert policy.order_opened(order, Phase.PACKING)
        assert policy.order_opened(order, Phase.PACKING)  # the same order again: the same clip
        _feed(recorder, 10)
        policy.scanned("4601234567893")
        policy.scanned("0104601234567893215abcdef\x1d93Zjqw")
        policy.scanned("PS:SUBMIT")
        policy.phase_changed(order.id, Phase.SUBMITTING)  # still recording
        assert policy.recording_order == order.id
        policy.phase_changed(order.id, Phase.READY)
        assert policy.recording_order is None
        qtbot.waitUntil(lambda: store.clips.clips_of(order.id)[0].ended_at is not None, timeout=10000)
    finally:
        recorder.close()
    assert scans.lines[0].endswith("Кружка керамическая 4601234567893")
    assert scans.lines[1].endswith("Кружка керамическая 0104601234567893215a***")  # masked as in the logs
    stamp = T0.astimezone().strftime("%H:%M:%S")  # the overlay shows the desk's local time
    assert scans.lines[2] == f"{stamp} ▶ Готово: отправить, печать, к отгрузке"
    (clip,) = store.clips.clips_of(order.id)
    assert clip.frames == 10
    assert decode(tmp_path / clip.path).frames == 10
    assert notices == []
    store.close()


def test_a_disk_filling_up_mid_recording_is_indexed_and_told(qtbot: QtBot, tmp_path: Path) -> None:
    def full_disk(_path: Path) -> IO[bytes]:
        return Path("/dev/full").open("wb")

    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0, opener=full_disk)
    notices: list[PackstationError] = []
    policy, store, _scans, _clock = _policy(tmp_path, recorder, notices)
    order = make_order(7, MUG)
    try:
        policy.order_opened(order, Phase.PACKING)
        _feed(recorder, 40)
        qtbot.waitUntil(lambda: bool(notices), timeout=10000)
    finally:
        recorder.close()
    assert notices[0].en == "The packing video stopped: disk full. Packing goes on."
    assert russian(notices[0].text).startswith("Видео упаковки остановлено: диск заполнен.")
    assert store.clips.clips_of(7)[0].note == "disk full"
    assert policy.recording_order is None
    store.close()


def test_retention_deletes_old_and_over_budget_clips_but_not_claimed_ones(
    qtbot: QtBot, tmp_path: Path
) -> None:
    recorder = ClipRecorder(VideoFormat(fps=10), preroll_s=0)
    notices: list[PackstationError] = []
    policy, store, _scans, clock = _policy(tmp_path, recorder, notices, retention=Retention(keep_days=30))
    try:
        for order_id, days_ago in ((1, 40), (2, 35), (3, 1)):
            clock.at = T0 - timedelta(days=days_ago)
            policy.order_opened(make_order(order_id, MUG), Phase.PACKING)
            _feed(recorder, 5)
            policy.order_closed(order_id)
            recorder.wait_idle()
            qtbot.waitUntil(
                lambda oid=order_id: store.clips.clips_of(oid)[0].ended_at is not None, timeout=10000
            )
    finally:
        recorder.close()
    store.clips.open_claim(2, "buyer: item missing")
    clock.at = T0
    files = {c.order_id: tmp_path / c.path for c in store.clips.all_clips()}
    assert all(path.is_file() for path in files.values())
    removed = policy.apply_retention()
    assert [c.order_id for c in removed] == [1]
    assert not files[1].exists()
    assert not files[1].parent.exists()  # the order's empty folder goes too
    assert files[2].is_file()  # 35 days old, but its order has an open claim
    assert files[3].is_file()
    assert sorted(c.order_id for c in store.clips.all_clips()) == [2, 3]
    store.close()
