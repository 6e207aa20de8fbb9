"""What this station recorded as done with each order, read from the audit log (read-only).

Demo mode seeds its fresh Market emulator with these outcomes at start-up, so an order the
station set READY_TO_SHIP (or cancelled, or handed to the courier) before a restart is not
offered for packing again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Final

from packstation.storage.database import DB_FILE_NAME

READY_TO_SHIP: Final = "ready_to_ship"
HANDED_OVER: Final = "handed_over"
CANCELLED: Final = "cancelled"

# Audit actions (written by the packing services) and the outcome each one means.
_OUTCOMES: Final = {"ready_to_ship": READY_TO_SHIP, "order_cancelled": CANCELLED}


def recorded_outcomes(data_dir: Path, *, file_name: str = DB_FILE_NAME) -> dict[int, str]:
    """Each order's latest recorded outcome; empty when there is no (readable) journal yet."""
    path = data_dir / file_name
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            rows = conn.execute(
                "SELECT order_id, action, detail FROM audit WHERE order_id IS NOT NULL "
                "AND action IN ('ready_to_ship', 'order_cancelled', 'courier_code') ORDER BY id"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {}  # no audit table yet, or unreadable: the app itself reports a damaged journal
    outcomes: dict[int, str] = {}
    for order_id, action, detail in rows:
        if action == "courier_code":
            if detail == "ACCEPTED":
                outcomes[int(order_id)] = HANDED_OVER
        else:
            outcomes[int(order_id)] = _OUTCOMES[action]
    return outcomes
