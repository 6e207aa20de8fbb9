"""Reading the kept order list before the journal is opened (issue 19: the first frame).

The app's first frame shows the last order list this station saw (`order_list_cache`) before
anything else starts: a read-only look into the journal file, without the migrations, checks and
compaction of `open_local_store`, which run once the window is up. A file that is missing,
locked, older than the table or damaged counts as no list: the Market's comes a moment later.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Final

from packstation.domain.packing.journal import decode_order
from packstation.services.ports import CachedOrderList
from packstation.storage.codec import from_text, load_json

_log = logging.getLogger(__name__)
DB_FILE_NAME: Final = "journal.sqlite3"  # the journal's file (`storage.database`, kept equal by a test)


def decode_kept(campaign_id: int, saved_at: str, text: str) -> CachedOrderList | None:
    """A kept list from its stored row, or None when it cannot be read (logged)."""
    try:
        orders = tuple(decode_order(raw) for raw in load_json(text)["orders"])
        return CachedOrderList(orders, from_text(saved_at))
    except (KeyError, TypeError, ValueError) as err:
        _log.warning("the kept order list of campaign %s is unreadable: %s", campaign_id, err)
        return None


def read_kept_list(data_dir: Path, campaign_id: int) -> CachedOrderList | None:
    """The campaign's kept list in `data_dir`'s journal, read-only; None when there is none."""
    path = data_dir / DB_FILE_NAME
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)) as conn:
            row = conn.execute(
                "SELECT saved_at, orders FROM order_list_cache WHERE campaign_id = ?", (campaign_id,)
            ).fetchone()
    except sqlite3.Error as err:  # no table yet (an older journal), locked, damaged
        _log.info("no kept order list to show at start: %s", err)
        return None
    return None if row is None else decode_kept(campaign_id, row[0], row[1])
