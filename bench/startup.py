"""Start-up time: process start -> main window shown with orders loaded (issue 2).

Runs `python -m packstation --smoke` (demo mode, in-process sandbox) five times and a bare
"QApplication + empty QMainWindow shown" script five times in the same run, and prints the
medians and their ratio. Time is measured from just before the process is spawned until it prints
its "loaded"/"shown" line (so interpreter start, imports and the first page of orders count; the
shutdown afterwards does not). Targets: app median < 1.0 s, app / baseline <= 2.5.

    python3 bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PACKSTATION_API_KEY"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    return env


def time_until_line(command: list[str], marker: str) -> float:
    """Seconds from spawning `command` until it prints a line starting with `marker`."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.startswith(marker):
            elapsed = time.perf_counter() - started
            if "failed" in line:
                raise SystemExit(f"{command}: {line.strip()}")
    process.wait(timeout=120)
    if elapsed is None or process.returncode != 0:
        raise SystemExit(f"{command} exited {process.returncode} without printing {marker!r}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="packstation-bench-") as data_dir:
        app_cmd = [sys.executable, "-m", "packstation", "--smoke", "--demo", "--data-dir", data_dir]
        base_cmd = [sys.executable, "-c", BASELINE]
        time_until_line(app_cmd, "smoke")  # warm the file cache and the data dir once
        app_times, base_times = [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            base_times.append(time_until_line(base_cmd, "shown"))
            app_times.append(time_until_line(app_cmd, "smoke"))
    app, base = statistics.median(app_times), statistics.median(base_times)
    print(f"platform: {_env()['QT_QPA_PLATFORM']}, runs: {runs}")
    print(f"baseline (QApplication + empty QMainWindow): median {base:.3f} s  "
          f"[{', '.join(f'{t:.3f}' for t in base_times)}]")
    print(f"packstation --smoke --demo (orders loaded):   median {app:.3f} s  "
          f"[{', '.join(f'{t:.3f}' for t in app_times)}]")
    ratio = app / base
    print(f"ratio app / baseline: {ratio:.2f}  (target <= 2.5: {'OK' if ratio <= 2.5 else 'MISSED'})")
    print(f"app median < 1.0 s: {'OK' if app < 1.0 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
