"""The composition root: `prepare` decides what runs before Qt starts (data dir, logging,
settings, key, mode), `wiring` builds the adapters behind the ports into a plain `Services`
value, `packing` plugs the packing workspace in, and `shell` is the Qt shell with `run(args)`.
Only this package knows both the views and the concrete adapters.

The names below load on first use (PEP 562): `packstation.app.prepare` and the first frame must
not pay for the shell, the packing workspace and the Market client (issue 19: start-up).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Imported now, not on use: importing the submodule `prepare` binds that name to the module.
from packstation.app.prepare import Runtime, apply_overrides, prepare, seconds_since_start

if TYPE_CHECKING:
    from packstation.app.shell import COMPACT_EVERY_MS, Shell
    from packstation.app.start import run
    from packstation.app.wiring import MarketConnection, Services, build_services, connect_market
    from packstation.domain.time import SystemClock

_WHERE = {
    "COMPACT_EVERY_MS": "packstation.app.shell",
    "Shell": "packstation.app.shell",
    "run": "packstation.app.start",
    "MarketConnection": "packstation.app.wiring",
    "Services": "packstation.app.wiring",
    "build_services": "packstation.app.wiring",
    "connect_market": "packstation.app.wiring",
    "SystemClock": "packstation.domain.time",
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
