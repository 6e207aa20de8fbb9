"""The demo store as demo mode serves it: the emulator's configuration, and the emulator brought
in line with what this station recorded as done (READY_TO_SHIP, handed over, cancelled), so a
restart never offers an order for packing that the station's journal shows finished.

The emulator itself lives in memory and starts afresh each run; the station's journal does not.
"""

from __future__ import annotations

from pathlib import Path

from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.state import Sandbox
from packstation.storage.station_records import recorded_outcomes

DEMO_SEED = 1  # the demo store the app serves


def demo_config() -> SandboxConfig:
    """The emulator configuration of demo mode."""
    # Two weeks of past LaaS orders give the office's statistics something to show.
    return SandboxConfig(seed=DEMO_SEED, laas_history=True)


def seed_from_records(sandbox: Sandbox, data_dir: Path | None) -> None:
    """Bring a fresh demo emulator in line with what the station in `data_dir` recorded."""
    if data_dir is not None:
        sandbox.restore_outcomes(recorded_outcomes(data_dir))
