"""Pictures drawn ahead on a screen scaled by a fraction (Windows' 125% and 150% are common on
desk PCs): a row or status line may start between device pixels there, where a copied picture
would land a half pixel off (measured at 150%), so they are painted directly (`whole_ratio`).
The pixel tests of the lists' rows and the status lines run again in a process whose screen is
scaled to 150%: every row and line looks as a plain paint of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIXEL_TESTS = ("tests/ui/test_first_scan.py", "tests/ui/test_status_line.py")


def test_rows_and_status_lines_look_as_a_plain_paint_at_150_percent() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *PIXEL_TESTS,
            "-k",
            "picture or same_pixels or plain_paint",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
    assert "deselected" in run.stdout
