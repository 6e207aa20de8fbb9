"""Start-up stays lean: what the window with its order list needs is loaded, the rest on use.

Timing lives in bench/startup.py; these checks pin the import structure behind it, in a fresh
interpreter (this test process has long imported everything).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Everything demo start-up builds before the orders show: the app module (window, order list,
# packing wiring with its label job and virtual printer) and the in-process sandbox.
_START_UP = """
import json, sys
import packstation.app.packing, packstation.app.shell, packstation.app.wiring  # loaded lazily by the app
from packstation.market.client import MarketClient
from packstation.market.models import GetOrdersStatsResponse
from packstation.printing.config import PrinterProfile
from packstation.printing.factory import make_printer
from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig

create_app(SandboxConfig(seed=1))
make_printer(PrinterProfile(), __import__("pathlib").Path("labels"))
heavy = ["reportlab", "zint", "PySide6.QtPrintSupport", "PySide6.QtPdf",
         "packstation.ui.settings_dialog", "packstation.printing.calibration_label"]
print(json.dumps({
    "loaded": [name for name in heavy if name in sys.modules],
    "stats_model_built": GetOrdersStatsResponse.__pydantic_complete__,
}))
"""


def _run(code: str, **env_changes: str | None) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    parsed: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


def test_start_up_leaves_pdf_and_print_libraries_and_unused_validators_for_later() -> None:
    outcome = _run(_START_UP)
    assert outcome["loaded"] == []
    # Wire models build their validators on first use (`defer_build`), not at import.
    assert outcome["stats_model_built"] is False


def test_demo_start_up_skips_httpx_cli_gs1_tables_and_audio_probe() -> None:
    # The real entry (`packstation --demo --smoke`) up to the window with its orders: httpx's own
    # command line (click, rich, pygments) and the QtMultimedia device probe are not needed
    # before the first scan; biip (a GS1 interpreter) is not the app's at all, only its tests'.
    # Sounds are left on so the probe would show.
    outcome = _run(
        """
import json, sys, tempfile
from packstation.cli import main
with tempfile.TemporaryDirectory() as data_dir:
    code = main(["--demo", "--smoke", "--data-dir", data_dir])
heavy = ["httpx._main", "click", "rich", "pygments", "biip", "PySide6.QtMultimedia"]
print(json.dumps({"code": code, "loaded": [name for name in heavy if sys.modules.get(name) is not None]}))
""",
        PACKSTATION_NO_SOUND=None,
    )
    assert outcome == {"code": 0, "loaded": []}


def test_httpx_works_without_its_command_line() -> None:
    outcome = _run(
        """
import json, sys
import packstation.cli
import httpx

response = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(204))).get("http://x")
print(json.dumps({"status": response.status_code, "cli_blocked": sys.modules["httpx._main"] is None}))
"""
    )
    assert outcome == {"status": 204, "cli_blocked": True}


def test_deferred_pieces_still_work_when_used() -> None:
    outcome = _run(
        """
import json, sys
from packstation.domain.labels import LabelFormat, OrderLabels
from packstation.market.models import GetOrdersStatsResponse
from packstation.printing.label_render import render_labels

from packstation.domain.cis import check_cis
from packstation.domain.gtin import gtin_error

pdf = render_labels(OrderLabels(order_id=1, places=0, boxes=()), LabelFormat.A7)
stats = GetOrdersStatsResponse.model_validate({"status": "OK", "result": {"orders": []}})
print(json.dumps({"pdf": pdf[:4].decode(), "reportlab": "reportlab" in sys.modules,
                  "stats": stats.status == "OK" and GetOrdersStatsResponse.__pydantic_complete__,
                  "gtin": [gtin_error("4006381333931"), gtin_error("4006381333932") is not None],
                  "gs1": [p.en[:20] for p in check_cis("0104601234567893" "21ab#Cd9\\x1d93Zjqw").problems],
                  "biip": "biip" in sys.modules}))
"""
    )
    assert outcome == {"pdf": "%PDF", "reportlab": True, "stats": True, "gtin": [None, True],
                       "gs1": ["not valid GS1 syntax"], "biip": False}


# What the window with its (kept) orders does not need: the Market client and its models, httpx,
# the in-process sandbox, the packing workspace, printing, the SQLite store, video, scales, fleet;
# nor pydantic with the settings models (the first frame reads its few settings as plain JSON),
# asyncio (the queue makes its lock on first use) or the shell module with its services.
_AFTER_FIRST_FRAME = (
    "pydantic", "pydantic_core", "packstation.settings", "packstation.devices.config",
    "packstation.printing.config", "asyncio", "packstation.app.shell", "packstation.ui.tasks",
    "httpx", "packstation.market.client", "packstation.market.models", "packstation.sandbox.app",
    "packstation.sandbox.state", "packstation.app.wiring", "packstation.app.packing",
    "packstation.ui.packing_view", "packstation.services.packing", "packstation.services.label_job",
    "packstation.printing.factory", "packstation.printing.label_render", "packstation.storage.database",
    "packstation.storage.local_store", "packstation.ui.video_wiring", "packstation.ui.scale_panel",
    "packstation.fleet", "packstation.domain.classify", "qasync",
)


def test_the_first_frame_shows_the_kept_orders_before_the_heavy_modules_load() -> None:
    # The real entry, twice on one data dir: the second start's first frame lists the orders the
    # first one kept; what was imported when that frame was on screen is recorded.
    outcome = _run(
        f"""
import json, sys, tempfile
import packstation.app.start as start
real, frames = start.show_first_frame, []

def spy(runtime, app):
    frame = real(runtime, app)
    loaded = [name for name in {list(_AFTER_FIRST_FRAME)!r} if sys.modules.get(name) is not None]
    frames.append({{"kept": frame.kept, "visible": frame.window.isVisible(),
                    "mark": frame.window.status.refreshed.text(), "loaded": loaded}})
    return frame

start.show_first_frame = spy
from packstation.cli import main
with tempfile.TemporaryDirectory() as data_dir:
    codes = [main(["--demo", "--smoke", "--lang", "en", "--data-dir", data_dir]) for _ in range(2)]
print(json.dumps({{"codes": codes, "frames": frames}}))
"""
    )
    assert outcome["codes"] == [0, 0]
    frames = outcome["frames"]
    assert isinstance(frames, list)
    assert len(frames) == 2
    assert frames[0]["kept"] == 0  # nothing kept yet: an empty list ...
    assert frames[0]["loaded"] == []  # ... shown before any of the heavy modules loaded
    assert frames[1]["kept"] > 0  # the list the first run kept ...
    assert "updating…" in frames[1]["mark"]  # ... marked until the Market answers
    assert frames[1]["visible"] is True
    # The second start in the same interpreter has everything imported; its frame is checked above.


def test_a_damaged_settings_file_rebuilds_the_frame_from_the_validated_settings() -> None:
    # The quick read takes the valid "en"; the validated load finds the file damaged, keeps a copy
    # aside, warns and uses the defaults (Russian): the frame is built again in Russian.
    outcome = _run(
        """
import json, pathlib, sys, tempfile
import packstation.app.start as start
real, frames = start.show_first_frame, []

def spy(runtime, app):
    frame = real(runtime, app)
    warnings = runtime.warnings() if hasattr(runtime, "warnings") else []
    frames.append({"language": runtime.settings.language, "visible": frame.window.isVisible(),
                   "warned": [warning.en[:24] for warning in warnings]})
    return frame

start.show_first_frame = spy
from packstation.cli import main
with tempfile.TemporaryDirectory() as data_dir:
    (pathlib.Path(data_dir) / "settings.json").write_text(json.dumps({"language": "en", "scanner": 5}))
    code = main(["--demo", "--smoke", "--data-dir", data_dir])
    kept_aside = sorted(path.name[:20] for path in pathlib.Path(data_dir).glob("settings.json.broken-*"))
print(json.dumps({"code": code, "frames": frames, "kept_aside": kept_aside}))
"""
    )
    assert outcome == {
        "code": 0,
        "frames": [
            {"language": "en", "visible": True, "warned": []},
            {"language": "ru", "visible": True, "warned": ["The settings file is dam"]},
        ],
        "kept_aside": ["settings.json.broken"],
    }
