"""What a scan is: the kinds of barcode a packer scans and the result of classifying one.

`ScanResult` is the contract between the scanner input (devices/ui), the classification rules
(this package) and the packing session (services): the session never looks at raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from packstation.domain.instances import Instance
from packstation.domain.message import Message


class ScanKind(StrEnum):
    ORDER_NUMBER = "order_number"
    ITEM_BARCODE = "item_barcode"  # EAN-8/13, UPC-A/E, GTIN-14
    CIS = "cis"  # Chestny Znak GS1 DataMatrix
    UIN = "uin"  # jewelry, 16 digits
    RNPT = "rnpt"
    GTD = "gtd"
    BOX_LABEL = "box_label"  # a Market label's fulfilment id "<orderId>-<n>"
    COMMAND = "command"  # a Packstation command barcode
    UNKNOWN = "unknown"


class Command(StrEnum):
    """The command barcode vocabulary: a packer can work with the scanner alone."""

    NEW_BOX = "NEW_BOX"
    CLOSE_BOX = "CLOSE_BOX"
    NEXT_PART_BOX = "NEXT_PART_BOX"
    UNDO = "UNDO"
    SUBMIT = "SUBMIT"  # submit layout, print labels, set READY_TO_SHIP
    REPRINT = "REPRINT"
    CANCEL = "CANCEL"  # cancel the current action / dialog
    NEXT_ORDER = "NEXT_ORDER"


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A classified scan.

    `value` is normalized: for a CIS, the exact string the Market expects (GS as 0x1D);
    `instance` is set for marking codes; `gtin` for item barcodes and CIS; `order_id` (and
    `box_no`) for order numbers and box labels. `problems` explain why a code is invalid
    (in English, for logs and check-code); `reasons` the same as messages for the packer; `repairs`
    list what was fixed (e.g. "restored GS after serial").
    """

    kind: ScanKind
    raw: str
    value: str
    valid: bool = True
    gtin: str | None = None
    instance: Instance | None = None
    command: Command | None = None
    order_id: int | None = None
    box_no: int | None = None
    fields: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    reasons: tuple[Message, ...] = ()
    repairs: tuple[str, ...] = ()
