"""The last order list each campaign showed, kept in the journal database (issue 19).

Start-up shows it at once, marked as updating, until the first Market page arrives; a real-store
start then does not wait for the network to show work. One row per campaign, the orders as one
JSON document (the packing journal's order encoding). A row that cannot be read (an older or
damaged encoding) counts as no cache: the Market's list comes a moment later anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order
from packstation.domain.packing.journal import encode_order
from packstation.services.ports import CachedOrderList
from packstation.storage.codec import dump_json, to_text
from packstation.storage.database import Table
from packstation.storage.kept_list import decode_kept

_log = logging.getLogger(__name__)


class SqliteOrderListCache(Table):
    """`OrderListCachePort` over the shared database."""

    def save(self, campaign_id: int, orders: Sequence[Order]) -> None:
        """Replace the campaign's kept list with `orders`.

        Raises:
            StorageError: it could not be written (the previous list stays).
        """
        encoded = {"orders": [encode_order(order) for order in orders]}
        text = dump_json(encoded, QT_TRANSLATE_NOOP("OrderListCache", "order list"))
        # A quick commit: the list is a convenience for the next start, and a durable one held the
        # shared connection for an fsync while the GUI thread's next scan waited (issue 19).
        with self._db.transaction(durable=False) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO order_list_cache (campaign_id, saved_at, orders) VALUES (?, ?, ?)",
                (campaign_id, to_text(self._clock()), text),
            )

    def load(self, campaign_id: int) -> CachedOrderList | None:
        """The campaign's kept list, or None when there is none or it cannot be read."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT saved_at, orders FROM order_list_cache WHERE campaign_id = ?", (campaign_id,)
            ).fetchone()
        return None if row is None else decode_kept(campaign_id, row[0], row[1])
