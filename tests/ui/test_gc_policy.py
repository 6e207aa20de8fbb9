"""The start-up GC policy (issue 19) is applied: checked in a fresh interpreter, since freezing
the collector would change every later test in this process. Not a timing test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from packstation.ui import gc_policy

REPO = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent("""
    import gc, json, sys
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QWidget
    from packstation.ui import gc_policy
    app = QApplication(sys.argv[:1])
    window = QWidget()
    before = {"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count(),
              "cis": "packstation.domain.cis" in sys.modules, "strptime": "_strptime" in sys.modules}
    collector = gc_policy.install(window)
    after = {"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count(),
             "cis": "packstation.domain.cis" in sys.modules, "strptime": "_strptime" in sys.modules,
             "parent": collector.parent() is window}
    junk = [[] for _ in range(5000)]
    for item in junk:
        item.append(item)  # cyclic garbage created after start-up, then dropped
    del junk, item
    gc_policy.deep_collect()
    deep = {"frozen": gc.get_freeze_count(), "young": sum(gc.get_count())}
    window.deleteLater()
    app.sendPostedEvents(None, int(QEvent.Type.DeferredDelete.value))  # the window goes, the policy too
    gone = {"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count()}
    print(json.dumps({"before": before, "after": after, "deep": deep, "gone": gone}))
""")


def _probe() -> dict[str, dict[str, Any]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_startup_warms_the_scan_path_freezes_survivors_and_sets_thresholds() -> None:
    result = _probe()
    assert result["before"]["frozen"] == 0
    assert result["before"]["cis"] is False  # the marking codes' check loads lazily ...
    assert result["after"]["cis"] is True  # ... so the warm-up loads it before the first scan
    assert result["before"]["strptime"] is False  # likewise the date parser of the Market's answers
    assert result["after"]["strptime"] is True
    assert result["after"]["frozen"] > 10_000  # modules, classes and widgets of start-up
    assert result["after"]["threshold"] == list(gc_policy.THRESHOLDS)
    assert result["after"]["threshold"] != result["before"]["threshold"]
    assert result["after"]["parent"] is True
    # The maintenance pass collected the cyclic junk and froze the rest: nothing young is left.
    assert 10_000 < result["deep"]["frozen"] < result["after"]["frozen"] + 5000  # not the 5,000 cycles
    assert result["deep"]["young"] < 100
    # The main window closed: Python's defaults are back.
    assert result["gone"] == {"threshold": result["before"]["threshold"], "frozen": 0}


def test_maintenance_pass_waits_for_quiet_input_and_runs_at_most_every_ten_minutes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    now = [1000.0]
    collector = gc_policy.IdleCollector(clock=lambda: now[0])
    ran: list[float] = []

    def deep_collect() -> tuple[int, float]:  # no freeze in this process
        ran.append(now[0])
        return 1234, 0.052

    monkeypatch.setattr(gc_policy, "deep_collect", deep_collect)
    caplog.set_level("INFO", logger="packstation.ui")
    now[0] += gc_policy.DEEP_EVERY_S + 1
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    collector.eventFilter(collector, press)  # the packer just typed or scanned
    assert collector.check() is False
    now[0] += gc_policy.QUIET_S + 1
    assert collector.check() is True
    assert collector.check() is False  # done: the next one is ten minutes away
    now[0] += gc_policy.DEEP_EVERY_S + 1
    collector.note_activity()  # a serial scanner's scan: no key event, still activity
    assert collector.check() is False
    now[0] += gc_policy.QUIET_S + 1
    assert collector.check() is True
    assert len(ran) == 2
    assert collector.passes == 2
    # Each pass says in the station's log what it freed and how long the window was busy.
    passes = [r.getMessage() for r in caplog.records if "idle-time full collection" in r.getMessage()]
    assert len(passes) == 2
    assert "1234 objects freed in 52 ms" in passes[0]
