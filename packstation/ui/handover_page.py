"""The Express hand-over page: the courier's state, the code (entered by the packer, or given to
the courier), and the outcome of the last attempt in large type, replacing the one before.

Every outcome of a code check shows here, on the page the packer is looking at (accepted, wrong
code with the attempts left, new code needed, no courier yet, no connection, not a courier code);
none goes to a line hidden behind the page. The page holds no rules: the session decides what an
attempt came to (`HandoverOutcome`), the page only words it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from packstation.domain.courier_handover import (
    COURIER_ARRIVED_TO_SENDER,
    COURIER_FOUND,
    COURIER_IN_TRANSIT_TO_SENDER,
    COURIER_SEARCH,
    EacType,
    HandoverKind,
    HandoverOutcome,
)
from packstation.domain.order import READY_TO_SHIP, Order
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label

translate = QCoreApplication.translate  # lupdate reads `translate("Context", "text")` calls too

_OUTCOME_STYLE = (
    "QLabel#{name} {{background:{bg}; color:white; border-radius:8px; padding:14px;"
    " font-size:{size}pt; font-weight:bold;}}"
)


def courier_state_text(order: Order, *, car: bool = True) -> str:
    """Where the order's courier is, in the packer's words (with the courier's name, and the
    car unless `car` is False)."""
    states = {
        READY_TO_SHIP: translate("Handover", "No courier yet: the Market is about to look for one"),
        COURIER_SEARCH: translate("Handover", "No courier yet: the Market is looking for one"),
        COURIER_FOUND: translate("Handover", "Courier found, on the way"),
        COURIER_IN_TRANSIT_TO_SENDER: translate("Handover", "Courier on the way"),
        COURIER_ARRIVED_TO_SENDER: translate("Handover", "Courier arrived"),
    }
    text = states.get(order.substatus, order.substatus)
    courier = order.courier
    if courier is not None and courier.name:
        text += " — " + courier.name
    if car and courier is not None and courier.vehicle:
        text += " (" + courier.vehicle + ")"
    return text


def outcome_texts(outcome: HandoverOutcome) -> tuple[str, str, str]:
    """(headline, detail, background colour) of an outcome."""
    why = say(outcome.error) if outcome.error is not None else ""
    kind = outcome.kind
    if kind is HandoverKind.ACCEPTED:
        detail = translate("Handover", "Give the parcels to the courier.")
        return translate("Handover", "✔ Code accepted"), detail, palette.GREEN
    if kind is HandoverKind.REJECTED:
        left = outcome.attempts_left
        detail = fill(translate("Handover", "Attempts left: %1"), left) if left is not None else ""
        detail += "\n" + translate("Handover", "Ask the courier again.")
        return translate("Handover", "✖ Wrong code"), detail, palette.RED
    if kind is HandoverKind.NEED_UPDATE:
        detail = translate(
            "Handover", "The Market sends the courier a new code: ask them to refresh it in their app."
        )
        return translate("Handover", "✖ No attempts left"), detail, palette.RED
    if kind is HandoverKind.NO_COURIER:
        detail = translate(
            "Handover", "The Market has no courier at the desk for this order yet. Nothing was spent."
        )
        return translate("Handover", "No courier yet"), detail, palette.AMBER
    if kind is HandoverKind.NETWORK:
        return translate("Handover", "⚠ No answer from the Market"), why, palette.AMBER
    if kind is HandoverKind.NOT_A_CODE:
        return translate("Handover", "✖ Not a courier code"), why, palette.RED
    if kind is HandoverKind.NOT_SENT:
        return translate("Handover", "✖ Not sent"), why, palette.RED
    detail = why or translate("Handover", "The Market gave no clear answer: try again.")
    return translate("Handover", "✖ The Market refused"), detail, palette.RED


class HandoverPage(QWidget):
    """The hand-over step of a READY Express order.

    Signals:
        submitted(str): the packer asked to check this code (typed; scans come via the desk).
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courierPanel")
        title = QLabel(self.tr("Hand the order to the courier"), self)
        title.setStyleSheet("font-size:20pt; font-weight:bold;")
        self.courier_state = plain_label(parent=self)
        self.courier_state.setObjectName("courierState")
        self.courier_state.setStyleSheet("font-size:15pt;")
        self.courier_state.setWordWrap(True)
        self.courier_state.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint = QLabel(self.tr("Ask the courier for the code in their app and type or scan it."), self)
        self.hint.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setObjectName("courierCode")
        self.code.setPlaceholderText(self.tr("Courier code"))
        self.code.setStyleSheet("font-size:18pt;")
        self.code.returnPressed.connect(self._submit)
        self.verify = QPushButton(self.tr("Check code"), self)
        self.verify.setObjectName("verifyCourier")
        self.verify.clicked.connect(self._submit)
        self.entry = QWidget(self)
        row = QHBoxLayout(self.entry)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.code, 1)
        row.addWidget(self.verify)
        # MERCHANT_TO_COURIER: the Market's code, which the packer tells the courier.
        self.given_code = plain_label(parent=self)
        self.given_code.setObjectName("givenCode")
        self.given_code.setStyleSheet("font-size:40pt; font-weight:bold; letter-spacing:6px;")
        self.given_code.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.result = plain_label(parent=self)
        self.result.setObjectName("courierResult")
        self.result.setWordWrap(True)
        self.result.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.detail = plain_label(parent=self)
        self.detail.setObjectName("courierDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.detail.setStyleSheet("font-size:15pt;")
        self.outcome: HandoverOutcome | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.courier_state)  # full width: a wrapped label needs it for its height
        layout.addWidget(self.hint)
        layout.addWidget(self.entry)
        layout.addWidget(self.given_code)
        layout.addSpacing(12)
        layout.addWidget(self.result)
        layout.addWidget(self.detail)
        layout.addStretch(2)
        self.show_outcome(None)

    def _submit(self) -> None:
        self.submitted.emit(self.code.text())

    @property
    def takes_code(self) -> bool:
        """Whether the packer enters a code here (not when the Market gives one to tell)."""
        return not self.entry.isHidden()

    def show_order(self, order: Order, *, handed_over: bool) -> None:
        """The courier's state and, by `eacType`, the code entry or the code to tell."""
        state = self.tr("Handed over to the courier") if handed_over else courier_state_text(order)
        self.courier_state.setText(state)
        checks = EacType.of(order).packer_checks
        self.entry.setVisible(checks and not handed_over)
        if checks:
            self.hint.setText(self.tr("Ask the courier for the code in their app and type or scan it."))
            self.given_code.hide()
        elif order.eac_code:
            self.hint.setText(self.tr("Tell the courier this code: they enter it in their app."))
            self.given_code.setText(order.eac_code)
            self.given_code.setVisible(not handed_over)
        else:
            self.hint.setText(self.tr("The Market has not given the code for the courier yet."))
            self.given_code.hide()
        self.hint.setVisible(not handed_over)

    def show_outcome(self, outcome: HandoverOutcome | None) -> None:
        """Show the last attempt's outcome in place of the one before (None: nothing yet)."""
        self.outcome = outcome
        if outcome is None:
            self.result.clear()
            self.detail.clear()
            self.result.setStyleSheet("")
            return
        headline, detail, colour = outcome_texts(outcome)
        self.result.setText(headline)
        self.result.setStyleSheet(_OUTCOME_STYLE.format(name="courierResult", bg=colour, size=26))
        self.detail.setText(detail.strip())
        if outcome.kind is not HandoverKind.ACCEPTED:
            self.code.selectAll()
