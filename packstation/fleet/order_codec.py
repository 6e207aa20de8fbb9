"""Orders as JSON in the fleet's `orders` table: what the poller desk read from the Market, for
the other desks to list. The journal's own order encoding, so both keep every field of `Order`
(a second copy had already lost the lines' catalogue weights)."""

from __future__ import annotations

from packstation.domain.packing.journal import decode_order as order_from_json
from packstation.domain.packing.journal import encode_order as order_to_json

__all__ = ["order_from_json", "order_to_json"]
