"""The `packstation` command: options, version, the smoke check and signal shutdown (subprocesses)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from packstation import __version__
from packstation.cli import build_parser
from tests.fixtures.log_scan import TEST_API_KEY

REPO = Path(__file__).resolve().parents[1]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PACKSTATION_API_KEY"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", **extra)
    return env


def _packstation(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "packstation", *args],
        cwd=REPO, env=_env(**env), capture_output=True, text=True, timeout=120,
    )


def test_gui_options_parse() -> None:
    args = build_parser().parse_args(
        ["--demo", "--api-url", "http://x", "--campaign-id", "5", "--business-id", "6",
         "--data-dir", "/d", "--lang", "en", "--smoke", "--screenshot", "s.png"]
    )
    assert (args.demo, args.api_url, args.campaign_id, args.business_id) == (True, "http://x", 5, 6)
    assert (args.data_dir, args.lang, args.smoke) == ("/d", "en", True)
    assert (args.screenshot, args.command) == ("s.png", None)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "de"])


def test_a_bad_store_id_is_refused_before_any_window() -> None:
    result = _packstation("--campaign-id", "0", "--data-dir", "/nonexistent/packstation-test")
    assert result.returncode == 2
    assert "'0' is not a Market id" in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--business-id", "x12"])


def test_version() -> None:
    result = _packstation("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"packstation {__version__}"


@pytest.mark.slow
def test_smoke_in_demo_mode_loads_orders_and_saves_a_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = _packstation("--smoke", "--data-dir", str(tmp_path / "data"), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    # The window shows first (with no kept list on a first start), then the Market's orders.
    match = re.fullmatch(
        r"first frame: 0 kept orders shown in [\d.]+ s\nsmoke ok: (\d+) orders loaded in [\d.]+ s \(demo\)\n",
        result.stdout,
    )
    assert match, result.stdout
    assert int(match[1]) > 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    log = (tmp_path / "data" / "logs" / "packstation.log").read_text(encoding="utf-8")
    assert "demo mode (no API key)" in log
    assert "shut down" in log


@pytest.mark.slow
def test_smoke_fails_with_the_reason_when_orders_cannot_be_loaded(tmp_path: Path) -> None:
    result = _packstation(
        "--smoke", "--data-dir", str(tmp_path), "--campaign-id", "1", "--business-id", "2",
        "--api-url", "http://127.0.0.1:9", PACKSTATION_API_KEY=TEST_API_KEY,
    )
    assert result.returncode == 2
    assert "smoke failed: orders could not be loaded: Cannot reach the Market" in result.stderr
    assert TEST_API_KEY not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_shuts_the_gui_down_cleanly(tmp_path: Path, sig: signal.Signals) -> None:
    log = tmp_path / "logs" / "packstation.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "packstation", "--demo", "--data-dir", str(tmp_path)],
        cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if log.exists() and "orders loaded" in log.read_text("utf-8"):
                break
            time.sleep(0.1)
        assert "orders loaded" in log.read_text("utf-8")
        process.send_signal(sig)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()
    assert "shut down" in log.read_text("utf-8")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux-only")
def test_gui_without_a_display_explains_instead_of_aborting(tmp_path: Path) -> None:
    env = {k: v for k, v in _env().items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--demo", "--data-dir", str(tmp_path)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "No graphical display" in result.stderr
    assert "xvfb-run" in result.stderr
