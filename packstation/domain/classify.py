"""Classify a decoded scan: what the packer scanned and whether it can be used.

`classify_scan(text)` takes the decoder's output (GS as 0x1D, scanner framing removed) and
returns a `ScanResult`. Decision order: command barcode, marking code (CIS), digits (UIN,
item barcode, order number), box label `<orderId>-<n>`, customs numbers (RNPT, GTD), a UIN inside
a longer text, else unknown. Digits-only scans that are valid EAN-8/UPC-A barcodes also carry
`order_id`, since an order number can look like one: the caller tries the current context first.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, Final

from packstation.domain.cis import GS, check_cis, looks_like_cis
from packstation.domain.commands import parse_command
from packstation.domain.gtin import GTIN_LENGTHS, gtin_error
from packstation.domain.identifiers import (
    UIN_LENGTH,
    customs_number_kind,
    find_uin,
    is_ddmmyy,
    split_customs_number,
)
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.scan import ScanKind, ScanResult

_BOX_LABEL: Final = re.compile(r"(\d{5,19})-(\d{1,3})")
ORDER_ID_LENGTHS: Final = range(5, 13)


def classify_scan(text: str, *, known_gtins: Collection[str] = ()) -> ScanResult:
    """Classify and validate one scan.

    Args:
        text: the decoded scan (see `packstation.devices.decoder`).
        known_gtins: barcodes of the item the code is for, when known; a CIS whose GTIN is not
            among them is refused.

    Returns:
        The classified scan; `valid` is False with `problems` and `reasons` when it is unusable.
    """
    if not text:
        return _invalid(ScanKind.UNKNOWN, text, QT_TRANSLATE_NOOP("Classify", "empty scan"))
    command = parse_command(text)
    if command is not None:
        return ScanResult(ScanKind.COMMAND, text, text.upper(), command=command)
    if looks_like_cis(text) or GS in text:
        return _cis(text, known_gtins)
    if text.isascii() and text.isdigit():
        return _digits(text)
    box = _BOX_LABEL.fullmatch(text)
    if box:
        return ScanResult(
            ScanKind.BOX_LABEL, text, text, order_id=int(box.group(1)), box_no=int(box.group(2))
        )
    groups = split_customs_number(text)
    if groups is not None and customs_number_kind(groups) is not None:
        return _customs(text, groups)
    uin = find_uin(text)
    if uin is not None:
        return ScanResult(
            ScanKind.UIN,
            text,
            uin,
            instance=Instance(InstanceKind.UIN, uin),
            fields={"uin": uin},
            repairs=("took the only 16-digit number in the scan as the UIN",),
        )
    return _invalid(
        ScanKind.UNKNOWN,
        text,
        QT_TRANSLATE_NOOP("Classify", "not a known barcode: not an order, item, marking code or command"),
    )


def _cis(text: str, known_gtins: Collection[str]) -> ScanResult:
    check = check_cis(text, known_gtins=known_gtins)
    return ScanResult(
        ScanKind.CIS,
        text,
        check.value,
        valid=check.valid,
        gtin=check.gtin,
        instance=Instance(InstanceKind.CIS, check.value) if check.valid else None,
        fields=dict(check.fields),
        problems=tuple(p.en for p in check.problems),
        reasons=tuple(p.text for p in check.problems),
        repairs=check.repairs,
    )


def _digits(text: str) -> ScanResult:
    n = len(text)
    if n == UIN_LENGTH:
        uin = Instance(InstanceKind.UIN, text)
        return ScanResult(ScanKind.UIN, text, text, instance=uin, fields={"uin": text})
    if n in GTIN_LENGTHS:
        error = gtin_error(text)
        if error is None:
            order_id = int(text) if n in ORDER_ID_LENGTHS else None
            return ScanResult(ScanKind.ITEM_BARCODE, text, text, gtin=text, order_id=order_id)
        if n not in ORDER_ID_LENGTHS:
            return _invalid(
                ScanKind.ITEM_BARCODE, text, QT_TRANSLATE_NOOP("Classify", "item barcode: %1")(error)
            )
    if n in ORDER_ID_LENGTHS:
        return ScanResult(ScanKind.ORDER_NUMBER, text, text, order_id=int(text))
    return _invalid(
        ScanKind.UNKNOWN,
        text,
        QT_TRANSLATE_NOOP(
            "Classify", "%1 digits: not an order number, item barcode (8/12/13/14) or UIN (16)"
        )(n),
    )


def _customs(text: str, groups: tuple[str, ...]) -> ScanResult:
    kind = customs_number_kind(groups)
    value = "/".join(groups)
    scan_kind, instance_kind = (
        (ScanKind.RNPT, InstanceKind.RNPT) if kind == "rnpt" else (ScanKind.GTD, InstanceKind.GTD)
    )
    repairs = ("normalized separators to /",) if value != text else ()
    if not is_ddmmyy(groups[1]):
        return ScanResult(
            scan_kind,
            text,
            value,
            valid=False,
            **_problem(
                QT_TRANSLATE_NOOP("Classify", "the second part %1 is not a declaration date DDMMYY")(
                    groups[1]
                )
            ),
            repairs=repairs,
        )
    return ScanResult(
        scan_kind,
        text,
        value,
        instance=Instance(instance_kind, value),
        fields={"customs_office": groups[0], "date": groups[1], "number": groups[2]}
        | ({"item": groups[3]} if kind == "rnpt" else {}),
        repairs=repairs,
    )


def _invalid(kind: ScanKind, text: str, reason: Message) -> ScanResult:
    return ScanResult(kind, text, text, valid=False, **_problem(reason))


def _problem(reason: Message) -> dict[str, Any]:
    return {"problems": (reason.english(),), "reasons": (reason,)}
