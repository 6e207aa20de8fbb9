"""The composition root: `prepare` decides what runs before Qt starts (data dir, logging,
settings, key, mode), `wiring` builds the adapters behind the ports into a plain `Services`
value, `packing` plugs the packing workspace in, and `shell` is the Qt shell with `run(args)`.
Only this package knows both the views and the concrete adapters.
"""

from packstation.app.prepare import Runtime, apply_overrides, prepare, seconds_since_start
from packstation.app.shell import COMPACT_EVERY_MS, Shell, run
from packstation.app.wiring import MarketConnection, Services, build_services, connect_market
from packstation.domain.time import SystemClock

__all__ = [
    "COMPACT_EVERY_MS",
    "MarketConnection",
    "Runtime",
    "Services",
    "Shell",
    "SystemClock",
    "apply_overrides",
    "build_services",
    "connect_market",
    "prepare",
    "run",
    "seconds_since_start",
]
