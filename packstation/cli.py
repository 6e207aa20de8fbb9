"""The `packstation` command line: the GUI by default, plus tools for support and deployment.

Each subcommand's implementation lives with its area and is imported only when used, so
`packstation check-code` never loads Qt and the GUI never loads the sandbox server.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from packstation import __version__
from packstation.video_cli import add_video_parser

if TYPE_CHECKING:
    from packstation.settings import AppSettings

# httpx imports its own command line (`httpx._main`: click, rich, pygments, ~100 ms) whenever
# those are installed; httpx 0.28 wraps that import in `try/except ImportError`, and a None entry
# in sys.modules makes it raise ImportError, so httpx falls back to a stub `main` we never call.
# Set before any subcommand imports httpx.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
# pydantic looks for plugins in every installed distribution's entry points the first time a model
# is built (~15 ms of start-up, before the first frame); Packstation uses none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packstation",
        description="Packing station for Yandex Market orders (FBS, Express, DBS).",
    )
    parser.add_argument("--version", action="version", version=f"packstation {__version__}")
    _add_gui_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sandbox = sub.add_parser("sandbox", help="serve the Market emulator on 127.0.0.1")
    sandbox.add_argument("--port", type=int, default=8765)
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--seed", type=int, default=1)
    sandbox.add_argument("--faults", default="", help="fault injection, e.g. 'latency=0.2,5xx=0.1'")
    sandbox.add_argument("--strict-key", default=None, help="accept only this Api-Key")
    sandbox.add_argument("--order-count", type=int, default=None, help="seed this many demo orders")
    sandbox.add_argument(
        "--verification-delay", type=float, default=1.0, help="seconds a marking code stays IN_PROGRESS"
    )
    sandbox.add_argument(
        "--clock",
        default=None,
        help="move the sandbox clock (it keeps running): a shift such as +5h, =-30m, +1d, or a moment "
        "such as 2026-12-07T18:30 (Moscow time); e.g. to reach a shipment's cutoff in training",
    )

    check = sub.add_parser(
        "check-code",
        help="classify and validate one scanned code, print JSON",
        epilog="exit codes: 0 the code is valid, 1 the code is invalid, 2 usage or internal error "
        "(no code, several lines, unreadable input, a failure of the tool itself)",
    )
    check.add_argument("code", nargs="?", default="-", help="the code, or - to read stdin")

    sheet = sub.add_parser("commands-sheet", help="print the command barcodes sheet to a PDF")
    sheet.add_argument("--out", required=True)

    badges = sub.add_parser("badges", help="print the packers' sign-in badges (Settings) to a PDF")
    badges.add_argument("--out", required=True)
    badges.add_argument("--data-dir", default=None)
    demo = sub.add_parser(
        "demo-sheet", help="print every demo order's codes and the command barcodes to a PDF"
    )
    demo.add_argument("--out", required=True)
    demo.add_argument("--data-dir", default=None, help="the station whose demo progress to leave out")

    audit = sub.add_parser("export-audit", help="export the audit log as CSV")
    audit.add_argument("--from", dest="date_from", default=None, help="YYYY-MM-DD, inclusive")
    audit.add_argument("--to", dest="date_to", default=None, help="YYYY-MM-DD, inclusive")
    audit.add_argument("--out", required=True, help="the CSV file (never one of the journal's files)")
    audit.add_argument("--force", action="store_true", help="replace --out if it already exists")
    audit.add_argument("--data-dir", default=None)
    add_video_parser(sub)

    fleet = sub.add_parser("fleet", help="several desks on one store: the warehouse database")
    actions = fleet.add_subparsers(dest="fleet_command", metavar="ACTION", required=True)
    fleet_init = actions.add_parser("init", help="create or migrate the warehouse database schema")
    fleet_status = actions.add_parser("status", help="desks, claimed orders and the Market poller")
    fleet_history = actions.add_parser("history", help="one order's history across desks")
    fleet_history.add_argument("--order", type=int, required=True)
    for action in (fleet_init, fleet_status, fleet_history):
        action.add_argument("--dsn", default=None, help="postgresql://user@host/db ($PACKSTATION_FLEET_DSN)")
    for action in (fleet_status, fleet_history):
        action.add_argument("--json", action="store_true", help="one JSON object")
    return parser


def _settings_for(data_dir: str | None) -> AppSettings:
    import platformdirs

    from packstation import APP_NAME
    from packstation.settings import load_settings

    folder = Path(data_dir) if data_dir else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return load_settings(folder).settings


def _market_id(text: str) -> int:
    """A Market id from the command line: a positive whole number (refused here, before any
    window, with argparse's usual message)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a Market id (a positive whole number)")
    return value


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="work against the built-in Market emulator")
    parser.add_argument("--api-url", default=None, help="Market API base URL")
    parser.add_argument("--campaign-id", type=_market_id, default=None, help="the store's campaign id")
    parser.add_argument("--business-id", type=_market_id, default=None, help="the store's business id")
    parser.add_argument("--data-dir", default=None, help="settings, journal and logs live here")
    parser.add_argument("--lang", choices=("ru", "en"), default=None)
    parser.add_argument("--printer", default=None, help="system printer for labels")
    parser.add_argument("--print-to", default=None, help="virtual printer: write label PDFs into DIR")
    parser.add_argument(
        "--camera",
        default=None,
        help="packing video camera for this run: test-pattern, default, a name or rtsp://…",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="start, load the first page of orders, report and exit"
    )
    parser.add_argument("--screenshot", default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--fleet",
        default=None,
        metavar="DSN",
        help="several desks on one store: postgresql://user@host/db ($PACKSTATION_FLEET_DSN)",
    )
    parser.add_argument(
        "--desk", default=None, metavar="NAME", help="this desk's name in the fleet (default: host name)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "sandbox":
        from packstation.sandbox.server import serve_cli

        return serve_cli(args)
    if args.command == "check-code":
        from packstation.devices.check_code import check_code_cli

        return check_code_cli(args.code, stdin=sys.stdin, stdout=sys.stdout)
    if args.command == "commands-sheet":
        from packstation.printing.command_sheet import command_sheet_cli

        return command_sheet_cli(args.out)
    if args.command == "badges":
        from packstation.printing.badges import badges_cli

        return badges_cli(_settings_for(args.data_dir).shift.packer_list(), args.out)
    if args.command == "demo-sheet":
        from packstation.demo_sheet import demo_sheet_cli

        return demo_sheet_cli(args.out, args.data_dir)
    if args.command == "export-audit":
        from packstation.catalogue import both_languages
        from packstation.storage.audit_export import export_audit_cli

        return export_audit_cli(args, say=both_languages)
    if args.command == "video":
        from packstation.video_cli import video_cli

        return video_cli(args)
    if args.command == "fleet":
        from packstation.fleet.cli import fleet_cli

        return fleet_cli(args)
    # Start-up builds objects that all live on: the collector's passes over them until the first
    # frame are wasted (issue 19). `run` resumes it once the window is up; here again in any case.
    import gc

    gc.disable()
    try:
        from packstation.app import run

        return run(args)
    finally:
        gc.enable()
