"""The demo sheet, composed from the demo store (`demo_store`) and the printer.

`write_demo_sheet(out, data_dir)` / `packstation demo-sheet --out FILE.pdf`: the printable sheet
of every demo order still to pack at that station (item barcodes, marking codes, courier codes)
beside the command barcodes (`packstation.printing.demo_sheet`).

Marking codes are dealt to orders in a fixed way (by order number, from each product's demo
stock, codes meant to fail left out), so an order's printed codes stay the same across restarts
and no two orders share one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from packstation.demo_store import demo_config, seed_from_records
from packstation.printing.demo_sheet import SheetLine, SheetOrder, render_demo_sheet
from packstation.sandbox import codes
from packstation.sandbox.demo_data import DEMO_CAMPAIGN_ID
from packstation.sandbox.model import CIS, CIS_OPTIONAL, GTD, RNPT, UIN, Order
from packstation.sandbox.state import Sandbox


def sheet_orders(sandbox: Sandbox, campaign_id: int = DEMO_CAMPAIGN_ID) -> list[SheetOrder]:
    """Every order of the demo store still to pack, with the codes to scan for it."""
    dealt = _deal_codes(sandbox, campaign_id)
    result = []
    for order in sorted(sandbox.all_orders([campaign_id]), key=lambda o: o.id):
        if order.status != "PROCESSING" or order.substatus != "STARTED":
            continue
        lines = []
        for line in order.lines:
            kind = _kind(line.product.required)
            lines.append(
                SheetLine(
                    name=line.product.name,
                    ean13=line.product.ean13,
                    count=line.count,
                    codes=tuple(dealt.get((order.id, line.id), ())),
                    kind=kind,
                )
            )
        courier = order.eac.code if order.eac is not None and not order.eac.accepted else ""
        result.append(SheetOrder(order.id, order.program, tuple(lines), courier))
    return result


def write_demo_sheet(out: Path, data_dir: Path | None) -> None:
    """Write the demo sheet for the demo store as the station in `data_dir` left it."""
    sandbox = Sandbox(demo_config())
    seed_from_records(sandbox, data_dir)
    render_demo_sheet(out, sheet_orders(sandbox))


def demo_sheet_cli(out: str, data_dir: str | None, *, stderr: TextIO | None = None) -> int:
    """`packstation demo-sheet --out FILE.pdf`: 0 on success, 1 with a bilingual message."""
    from packstation.settings import default_data_dir

    try:
        write_demo_sheet(Path(out), Path(data_dir).expanduser() if data_dir else default_data_dir())
    except OSError as exc:
        reason = exc.strerror or exc
        print(f"Не удалось записать {out}: {reason}\nCannot write {out}: {reason}", file=stderr or sys.stderr)
        return 1
    return 0


def _kind(required: tuple[str, ...]) -> str:
    if CIS in required or CIS_OPTIONAL in required:
        return "cis"
    if UIN in required:
        return "uin"
    if GTD in required or RNPT in required:
        return "text"
    return ""


def _deal_codes(sandbox: Sandbox, campaign_id: int) -> dict[tuple[int, int], list[str]]:
    """(order id, line id) -> codes for its units, dealt over all orders in number order."""
    stock = {
        offer: [code for code in values if not codes.cis_serial(code).upper().startswith("BAD")]
        for offer, values in sandbox.code_stock.items()
    }
    dealt: dict[tuple[int, int], list[str]] = {}
    orders: list[Order] = sorted(sandbox.all_orders([campaign_id]), key=lambda o: o.id)
    for order in orders:
        for line in order.lines:
            if not _kind(line.product.required):
                continue
            left = stock.get(line.product.offer_id, [])
            units = 1 if _kind(line.product.required) == "text" else line.count
            dealt[(order.id, line.id)], stock[line.product.offer_id] = left[:units], left[units:]
    return dealt
