"""Refusals of the packing rules, each naming its reason for the UI (sound, colour) and tests.

A refusal changes nothing: the packing state it was raised from stays as it was.
"""

from __future__ import annotations

from enum import StrEnum

from packstation.domain.errors import DomainError, ScanError
from packstation.domain.message import Message


class Reason(StrEnum):
    """Why a packing action was refused (stable identifiers; the texts may change)."""

    UNKNOWN_LINE = "unknown_line"
    UNKNOWN_BOX = "unknown_box"
    BAD_COUNT = "bad_count"
    MIXED_BOX = "mixed_box"  # whole goods into a part box
    OVER_PACKING = "over_packing"  # more units than the line has left
    NOT_IN_BOX = "not_in_box"
    PART_BOX = "part_box"  # moving single parts is not possible: unpack the unit
    BAD_SPLIT = "bad_split"
    NOT_IN_ORDER = "not_in_order"  # a scanned barcode no line of this order has
    NO_BARCODES = "no_barcodes"  # the catalogue gave no barcodes: scans cannot be checked
    CODE_NOT_NEEDED = "code_not_needed"
    WRONG_CODE_TYPE = "wrong_code_type"
    CODE_FOR_OTHER_ITEM = "code_for_other_item"  # the code's GTIN is not this order's item
    ALL_CODED = "all_coded"
    CODE_REFUSED = "code_refused"  # the Market refused an attached code: it needs a replacement
    DUPLICATE_CODE = "duplicate_code"
    INVALID_SCAN = "invalid_scan"
    NOT_A_CODE = "not_a_code"
    NOT_COURIER_CODE = "not_courier_code"  # hand-over: the input has no courier code's shape
    GTD_COUNTRY = "gtd_country"  # a GTD without its country code
    SHORTEN_LAST_LINE = "shorten_last_line"
    SHORTEN_PROMO = "shorten_promo"
    SHORTEN_THRESHOLD = "shorten_threshold"
    SHORTEN_INCREASE = "shorten_increase"
    SHORTEN_NOTHING = "shorten_nothing"
    SHORTEN_STATUS = "shorten_status"  # only an order being packed (PROCESSING/STARTED) is shortened
    SHORTEN_PENDING = "shorten_pending"  # the Market has not answered the previous shortening yet
    SHORTEN_REFUSED = "shorten_refused"  # the Market refused the shortening: the order is as before
    INCOMPLETE = "incomplete"
    BOX_WEIGHT = "box_weight"  # a box weighs outside the tolerance of its expected weight
    BOX_NOT_WEIGHED = "box_not_weighed"  # a scale is on the desk and a box was not weighed
    NOT_EDITABLE = "not_editable"


class PackingError(DomainError):
    """A packing rule refused an action (mouse, keyboard or session) before anything was sent."""

    def __init__(self, reason: Reason, text: Message, *, hint: Message | None = None) -> None:
        super().__init__(text, hint=hint)
        self.reason = reason


class PackingScanError(ScanError):
    """A scan could not be used in this order (not its item, wrong code, duplicate, ...)."""

    def __init__(self, reason: Reason, text: Message, *, hint: Message | None = None) -> None:
        super().__init__(text, hint=hint)
        self.reason = reason


def box_no(index: int) -> int:
    """Boxes are numbered from 1 for people, indexed from 0 in code."""
    return index + 1
