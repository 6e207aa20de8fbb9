"""Start-up time (issues 2, 19): process start -> window with (kept) orders, and -> fresh orders.

Runs `python -m packstation --smoke` and a bare "QApplication + empty QMainWindow shown" script,
interleaved, `--runs` times each in the same run, in two modes:

- demo: `--demo` (the sandbox served in-process);
- real store: the app configured for a store (API key, campaign and business ids) against a local
  sandbox served over HTTP on 127.0.0.1 (`packstation sandbox`), as a real-store start would
  reach the Market.

For each it prints the median time until the app prints "first frame: N kept orders shown"
(the window is on screen with the order list kept by the previous run, marked "updating…") and
until "smoke ok" (the Market's first page is listed: fresh orders), each as a ratio to the bare Qt
median. Time runs from just before the process is spawned until the line is printed (so
interpreter start and imports count; the shutdown afterwards does not). A warm-up start per mode
fills the file cache and the bytecode cache (as an installed app has it) and keeps the order list
the measured starts then show.
Target (issue 19): window with (kept) orders <= 2.5x bare Qt.

    python3 bench/startup.py [--runs 5] [--modes demo,store]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_RATIO = 2.5
BASELINE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 680)
window.show()
while window.windowHandle() is None or not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
print("shown", flush=True)
"""
STORE_KEY = "bench-key"


# Installed, Packstation runs from compiled bytecode (pip writes the .pyc files); a checkout run
# with PYTHONDONTWRITEBYTECODE would compile every module on every start. The benchmark's runs
# keep their bytecode in a private cache (written by the warm-up start), like an installed app.
PYCACHE = tempfile.mkdtemp(prefix="packstation-bench-pycache-")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PACKSTATION_API_KEY", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.update(extra)
    return env


def time_until_lines(command: list[str], markers: tuple[str, ...], env: dict[str, str]) -> list[float]:
    """Seconds from spawning `command` until it prints a line starting with each marker."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        for marker in markers:
            if line.startswith(marker) and marker not in seen:
                seen[marker] = time.perf_counter() - started
                if "failed" in line or line.startswith("first frame: 0 "):
                    process.kill()
                    raise SystemExit(f"{command}: {line.strip()}")
    process.wait(timeout=120)
    if len(seen) != len(markers) or process.returncode != 0:
        raise SystemExit(f"{command} exited {process.returncode}; seen {sorted(seen)} of {markers}")
    return [seen[marker] for marker in markers]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve_sandbox() -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "packstation", "sandbox", "--port", str(port), "--strict-key", STORE_KEY],
        cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert server.stdout is not None
    server.stdout.readline()  # "Packstation sandbox on http://…": it is about to listen
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return server, url
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the sandbox did not start listening")


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{value:.3f}" for value in values)


def measure(mode: str, runs: int, data_dir: str) -> tuple[list[float], list[float], list[float]]:
    """(bare Qt, window with kept orders, fresh orders) times for `mode`."""
    server = None
    command = [sys.executable, "-m", "packstation", "--smoke", "--data-dir", data_dir]
    env = _env()
    if mode == "demo":
        command.append("--demo")
    else:
        server, url = _serve_sandbox()
        command += ["--api-url", url, "--campaign-id", "2001", "--business-id", "1001"]
        env = _env(PACKSTATION_API_KEY=STORE_KEY)
    markers = ("first frame:", "smoke ok")
    try:
        time_until_lines(command, ("smoke ok",), env)  # warm the caches; keep the order list
        time_until_lines([sys.executable, "-c", BASELINE], ("shown",), _env())
        base, kept, fresh = [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            base += time_until_lines([sys.executable, "-c", BASELINE], ("shown",), _env())
            first, loaded = time_until_lines(command, markers, env)
            kept.append(first)
            fresh.append(loaded)
        return base, kept, fresh
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--modes", default="demo,store", help="demo, store or both (comma-separated)")
    options = parser.parse_args()
    print(f"platform: {_env()['QT_QPA_PLATFORM']}, runs: {options.runs}, load average: "
          f"{' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    met = True
    for mode in options.modes.split(","):
        with tempfile.TemporaryDirectory(prefix="packstation-bench-") as data_dir:
            base, kept, fresh = measure(mode, options.runs, data_dir)
        bare = statistics.median(base)
        label = "demo (in-process sandbox)" if mode == "demo" else "real store (sandbox over HTTP)"
        print(f"{label}:")
        print(f"  bare Qt (QApplication + empty QMainWindow shown): median {bare:.3f} s  [{_fmt(base)}]")
        for what, times in (("window with cached orders", kept), ("fresh orders", fresh)):
            median = statistics.median(times)
            ratio = median / bare
            verdict = ""
            if what.startswith("window"):
                verdict = f"  (target <= {TARGET_RATIO}: {'OK' if ratio <= TARGET_RATIO else 'MISSED'})"
                met = met and ratio <= TARGET_RATIO
            print(f"  {what}: median {median:.3f} s = {ratio:.2f}x bare Qt{verdict}  [{_fmt(times)}]")
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
