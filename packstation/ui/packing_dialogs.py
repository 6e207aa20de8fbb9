"""Dialogs of the packing workspace: shorten, cancel, split, GTD country (the courier hand-over
page is `ui.handover_page`).

Dialogs are opened window-modal with `open()` (never `exec()`): the event loop keeps running, so
the Market calls, countdowns and the scanner keep working; the packing view takes the focus back
when a dialog closes. The rules themselves live in the domain: a dialog only asks the session's
checks (`check`) and shows their bilingual refusals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.errors import PackstationError
from packstation.domain.identifiers import normalize_country_code
from packstation.domain.order import Order, OrderLine
from packstation.domain.packing.model import MAX_PARTS
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label

ShortenCheck = Callable[[Mapping[int, int]], dict[int, int]]

_ERROR_STYLE = f"color:{palette.ERROR_TEXT}; font-weight:bold;"
_OK_STYLE = f"color:{palette.OK_TEXT}; font-weight:bold;"


def _confirm_box(parent: QWidget, text: str) -> QCheckBox:
    box = QCheckBox(text, parent)
    box.setObjectName("confirm")
    return box


class ShortenDialog(QDialog):
    """Reduce line counts (0 removes a line); the Market's rules are checked live.

    OK is enabled only when the shortening passes the rules and the packer ticked "cannot be
    undone".

    Args:
        order: the order as the Market has it.
        check: the session's `check_shorten` (raises `PackstationError` when refused).
    """

    def __init__(self, order: Order, check: ShortenCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortenDialog")
        self.setWindowTitle(fill(self.tr("Shorten order %1"), str(order.id)))
        self._check = check
        self.spins: dict[int, QSpinBox] = {}
        form = QFormLayout()
        for line in order.lines:
            spin = QSpinBox(self)
            spin.setRange(0, line.count)
            spin.setValue(line.count)
            spin.setSuffix(" " + fill(self.tr("of %1"), str(line.count)))
            spin.valueChanged.connect(self._validate)
            self.spins[line.id] = spin
            form.addRow(plain_label(f"{line.name} ({line.offer_id})", self), spin)
        intro = plain_label(
            self.tr("Set how many units of each item stay in the order (0 removes the item)."), self
        )
        intro.setWordWrap(True)
        self.verdict = plain_label(parent=self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.confirm = _confirm_box(self, self.tr("I understand: removed items cannot be added back"))
        self.confirm.toggled.connect(self._validate)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(self.tr("Shorten"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self._validate()

    def counts(self) -> dict[int, int]:
        """Line id -> the count to keep."""
        return {line_id: spin.value() for line_id, spin in self.spins.items()}

    def recheck(self) -> None:
        """Check again (the session learnt more of the Market's rules, e.g. its promo lines)."""
        self._validate()

    def _validate(self) -> None:
        try:
            reduced = self._check(self.counts())
        except PackstationError as error:
            unchanged = all(spin.value() == spin.maximum() for spin in self.spins.values())
            self.verdict.setText("" if unchanged else say(error))
            self.verdict.setStyleSheet(_ERROR_STYLE)
            self.ok_button.setEnabled(False)
            return
        units = sum(self.spins[line_id].maximum() - count for line_id, count in reduced.items())
        text = self.tr(
            "Allowed by the rules known here: the Market is asked to remove %n unit(s).", "", units
        )
        self.verdict.setText(text)
        self.verdict.setStyleSheet(_OK_STYLE)
        self.ok_button.setEnabled(self.confirm.isChecked())


class CancelOrderDialog(QDialog):
    """Confirm cancelling the order as "the shop cannot fulfil it" (SHOP_FAILED)."""

    def __init__(self, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelOrderDialog")
        self.setWindowTitle(fill(self.tr("Cancel order %1"), str(order.id)))
        text = plain_label(
            self.tr(
                "The order will be cancelled on the Market because the shop cannot fulfil it "
                "(SHOP_FAILED). The buyer is notified; this cannot be undone and counts against "
                "the store's rating. Put the items back on the shelf."
            ),
            self,
        )
        text.setWordWrap(True)
        self.confirm = _confirm_box(self, self.tr("Yes, cancel this order"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.ok_button = self.buttons.addButton(self.tr("Cancel order"), accept)
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)


class SplitDialog(QDialog):
    """Split units of a large item into part boxes: how many parcels one unit travels in."""

    def __init__(self, line: OrderLine, units_left: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(self.tr("Split into part boxes"))
        self.parts = QSpinBox(self)
        self.parts.setRange(2, MAX_PARTS)
        self.parts.setValue(max(2, line.parts_per_unit))
        self.units = QSpinBox(self)
        self.units.setRange(1, max(1, units_left))
        form = QFormLayout()
        form.addRow(plain_label(line.name, self))
        form.addRow(self.tr("Boxes per unit"), self.parts)
        form.addRow(self.tr("Units to split"), self.units)
        note = QLabel(self.tr("Each unit's marking codes go into every one of its part boxes."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)


class CountryDialog(QDialog):
    """Asks for the country of origin that a scanned GTD (customs declaration) must carry.

    The Market takes a GTD only together with its ISO country code, which the declaration's
    barcode does not hold. The value is checked by the domain (`normalize_country_code`).
    """

    def __init__(self, gtd: str, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countryDialog")
        self.setWindowTitle(self.tr("Country of origin"))
        self.country = QLineEdit(suggestion, self)
        self.country.setObjectName("countryCode")
        self.country.setMaxLength(2)
        self.country.setPlaceholderText("CN")
        self.error = plain_label(parent=self)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Customs declaration"), plain_label(gtd, self))
        form.addRow(self.tr("Country code (two letters)"), self.country)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.code = ""

    def _accept(self) -> None:
        try:
            self.code = normalize_country_code(self.country.text())
        except PackstationError as error:
            self.error.setText(say(error))
            return
        self.accept()
