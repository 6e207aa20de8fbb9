"""`packstation sandbox`: serve the Market emulator standalone with uvicorn, so another
Packstation (`--api-url http://127.0.0.1:PORT`) or any HTTP tool can work against it."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

import uvicorn

from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import MSK, SandboxClock, clock_shift
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, DEMO_DBS_CAMPAIGN_ID
from packstation.sandbox.faults import FaultSpec, FaultSpecError


def serve_cli(args: argparse.Namespace) -> int:
    """Run the sandbox until interrupted.

    Args:
        args: parsed `packstation sandbox` options: port, host, seed, faults, strict_key, and
            optionally order_count and verification_delay.

    Returns:
        The process exit code: 0 after a clean stop, 2 for bad options.
    """
    try:
        faults = FaultSpec.parse(args.faults or "")
    except FaultSpecError as error:
        print(f"Неверный параметр --faults: {error}\nInvalid --faults: {error}", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"Неверный порт {args.port}\nInvalid port {args.port}", file=sys.stderr)
        return 2
    order_count = getattr(args, "order_count", None)
    delay = getattr(args, "verification_delay", 1.0)
    if (order_count is not None and order_count < 1) or delay < 0:
        print(
            "--order-count должно быть не меньше 1, --verification-delay не отрицательным\n"
            "--order-count must be at least 1 and --verification-delay not negative",
            file=sys.stderr,
        )
        return 2
    clock = SandboxClock()
    if getattr(args, "clock", None):
        try:
            clock.advance(clock_shift(args.clock, datetime.now(MSK)))
        except ValueError:
            print(
                f"Неверный параметр --clock: {args.clock} (например +5h или 2026-12-07T18:30)\n"
                f"Invalid --clock: {args.clock} (e.g. +5h or 2026-12-07T18:30)",
                file=sys.stderr,
            )
            return 2
    config = SandboxConfig(
        clock=clock,
        seed=args.seed,
        strict_key=args.strict_key,
        faults=faults,
        order_count=order_count,
        verification_delay=delay,
    )
    app = create_app(config)
    print(
        f"Packstation sandbox on http://{args.host}:{args.port} (seed {args.seed}, "
        f"clock {clock.now():%Y-%m-%d %H:%M} MSK); "
        f"businessId {DEMO_BUSINESS_ID}, FBS campaign {DEMO_CAMPAIGN_ID}, "
        f"DBS campaign {DEMO_DBS_CAMPAIGN_ID}",
        flush=True,
    )
    # The sandbox dates its answers by its own clock (date_header.py), not uvicorn's.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", date_header=False)
    return 0
