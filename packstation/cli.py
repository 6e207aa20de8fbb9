"""The `packstation` command line: the GUI by default, plus tools for support and deployment.

Each subcommand's implementation lives with its area and is imported only when used, so
`packstation check-code` never loads Qt and the GUI never loads the sandbox server.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from packstation import __version__

# httpx imports its own command line (`httpx._main`: click, rich, pygments, ~100 ms) whenever
# those are installed; httpx 0.28 wraps that import in `try/except ImportError`, and a None entry
# in sys.modules makes it raise ImportError, so httpx falls back to a stub `main` we never call.
# Set before any subcommand imports httpx.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


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

    check = sub.add_parser("check-code", help="classify and validate one scanned code, print JSON")
    check.add_argument("code", nargs="?", default="-", help="the code, or - to read stdin")

    sheet = sub.add_parser("commands-sheet", help="print the command barcodes sheet to a PDF")
    sheet.add_argument("--out", required=True)

    demo = sub.add_parser(
        "demo-sheet", help="print every demo order's codes and the command barcodes to a PDF"
    )
    demo.add_argument("--out", required=True)
    demo.add_argument("--data-dir", default=None, help="the station whose demo progress to leave out")

    audit = sub.add_parser("export-audit", help="export the audit log as CSV")
    audit.add_argument("--from", dest="date_from", default=None, help="YYYY-MM-DD, inclusive")
    audit.add_argument("--to", dest="date_to", default=None, help="YYYY-MM-DD, inclusive")
    audit.add_argument("--out", required=True)
    audit.add_argument("--data-dir", default=None)
    return parser


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="work against the built-in Market emulator")
    parser.add_argument("--api-url", default=None, help="Market API base URL")
    parser.add_argument("--campaign-id", type=int, default=None)
    parser.add_argument("--business-id", type=int, default=None)
    parser.add_argument("--data-dir", default=None, help="settings, journal and logs live here")
    parser.add_argument("--lang", choices=("ru", "en"), default=None)
    parser.add_argument("--printer", default=None, help="system printer for labels")
    parser.add_argument("--print-to", default=None, help="virtual printer: write label PDFs into DIR")
    parser.add_argument(
        "--smoke", action="store_true", help="start, load the first page of orders, report and exit"
    )
    parser.add_argument("--screenshot", default=None, help=argparse.SUPPRESS)


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
    if args.command == "demo-sheet":
        from packstation.demo_sheet import demo_sheet_cli

        return demo_sheet_cli(args.out, args.data_dir)
    if args.command == "export-audit":
        from packstation.storage.audit_export import export_audit_cli

        return export_audit_cli(args)
    from packstation.app import run

    return run(args)
