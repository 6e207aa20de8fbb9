"""One Packstation per data dir: the OS lock, stale-lock recovery after SIGKILL, and the GUI
refusing a second start (raising the running window) - with real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.catalogue import russian
from packstation.storage.instance_lock import LOCK_FILE, AlreadyRunningError, acquire_instance_lock

_HOLDER = """
import sys, time
from pathlib import Path
from packstation.storage.instance_lock import acquire_instance_lock
lock = acquire_instance_lock(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PACKSTATION_API_KEY="")
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH", "")])
    return env


def test_second_lock_in_the_same_process_is_refused_until_released(tmp_path: Path) -> None:
    first = acquire_instance_lock(tmp_path)
    with pytest.raises(AlreadyRunningError) as refused:
        acquire_instance_lock(tmp_path)
    assert "already running" in refused.value.english()
    assert "уже запущен" in russian(refused.value)
    first.release()
    acquire_instance_lock(tmp_path).release()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_another_process_holds_the_lock_until_it_is_killed(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=_env()
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunningError) as refused:
            acquire_instance_lock(tmp_path)
        assert f"process {holder.pid}" in refused.value.english()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        if holder.stdout is not None:
            holder.stdout.close()
    # The crashed holder left its lock file behind: it does not block the next start.
    assert (tmp_path / LOCK_FILE).read_text(encoding="ascii").strip() == str(holder.pid)
    lock = acquire_instance_lock(tmp_path)
    assert (tmp_path / LOCK_FILE).read_text(encoding="ascii").strip() == str(os.getpid())
    lock.release()


def _wait_for_log(log: Path, text: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in {log}")


@pytest.mark.slow
@pytest.mark.gui
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_second_gui_on_the_same_data_dir_is_refused_and_raises_the_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = data / "logs" / "packstation.log"
    command = [sys.executable, "-m", "packstation", "--demo", "--data-dir", str(data), "--lang", "en"]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    try:
        _wait_for_log(log, "orders loaded")
        second = subprocess.run([*command, "--smoke"], capture_output=True, text=True, timeout=60, env=_env())
        assert second.returncode == 3, second.stderr
        assert "already running" in second.stderr
        assert "уже запущен" in second.stderr
        assert "the running window was raised" in second.stderr
        _wait_for_log(log, "raising the window")
        assert first.poll() is None  # the first one goes on working
        first.send_signal(signal.SIGKILL)  # a crash: the lock must not outlive the process
        first.wait(10)
        again = subprocess.run([*command, "--smoke"], capture_output=True, text=True, timeout=90, env=_env())
        assert again.returncode == 0, again.stderr
        assert "smoke ok" in again.stdout
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)


@pytest.mark.gui
def test_the_refusal_box_shows_the_reason_as_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from packstation.storage.instance_lock import already_running
    from packstation.ui.single_instance import refusal_box

    err = already_running(tmp_path / "<b>data</b>", 42)
    box = refusal_box(err.en, str(err.hint))
    qtbot.addWidget(box)
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert "already running" in box.text()
    assert "(process 42)" in box.text()
    assert "--data-dir" in box.informativeText()
