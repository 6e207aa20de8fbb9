"""The desk side of order claims in the window: opening an order asks the fleet first.

`ClaimGate` sits in front of `PackingDesk.open_order` (set as `desk.claim_gate`): an order this
desk may not have yet is claimed in a task (the window keeps running), then opened; an order
packed at another desk is refused with who and since, and the packer may deliberately take it
over after a confirmation (the fleet records it). `FleetBanner` turns the fleet's state into the
message bar's "warehouse database offline" warning and names the conflicts found on return.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from packstation.domain.errors import PackstationError
from packstation.services.desk_claims import DeskClaims, FleetState, HeldElsewhere, held_text
from packstation.services.fleet_ports import Claim
from packstation.ui.format import fill, local_time
from packstation.ui.i18n import say
from packstation.ui.packing_view import TaskRunnerLike

translate = QCoreApplication.translate  # lupdate reads `translate("Context", "text")` calls


def claim_text(claim: Claim) -> str:
    """ "packing at desk 3 (Anna), since 10:42" in the UI language, local time."""
    return say(held_text(claim, since=local_time(claim.since)))


class ClaimGate(QObject):
    """Claims an order for this desk before `PackingDesk` opens it.

    Args:
        claims: the desk's claims use case.
        tasks: the shell's task runner.
        parent_widget: the window the take-over question belongs to.
        show_error: the message bar's `show_error`.
    """

    def __init__(
        self,
        claims: DeskClaims,
        tasks: TaskRunnerLike,
        parent_widget: QWidget,
        *,
        show_error: Callable[[str], None] = lambda _text: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.claims = claims
        self.tasks = tasks
        self.parent_widget = parent_widget
        self.show_error = show_error
        self._passes: set[int] = set()
        self.question: QMessageBox | None = None  # the open take-over question, if any

    def passes(self, order_id: int) -> bool:
        """Whether `order_id` was just granted (one pass per grant)."""
        if order_id in self._passes:
            self._passes.discard(order_id)
            return True
        return False

    def request(self, order_id: int, open_again: Callable[[int], object]) -> None:
        """Claim `order_id`, then call `open_again(order_id)` when this desk may pack it."""
        self.tasks.run(self._claim(order_id, open_again), name=f"claim-{order_id}")

    async def _claim(self, order_id: int, open_again: Callable[[int], object]) -> None:
        decision = await self.claims.open(order_id)
        if isinstance(decision, HeldElsewhere):
            self._ask_take_over(decision.claim, open_again)
            return
        self._passes.add(order_id)
        open_again(order_id)

    def _ask_take_over(self, claim: Claim, open_again: Callable[[int], object]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("ClaimGate", "Order is packed at another desk"),
            fill(translate("ClaimGate", "Order %1 is %2."), claim.order_id, claim_text(claim)),
            QMessageBox.StandardButton.Cancel,
            self.parent_widget,
        )
        box.setInformativeText(
            translate(
                "ClaimGate",
                "Take it over only if that desk is down: its claim moves to this desk and it is recorded.",
            )
        )
        take = box.addButton(translate("ClaimGate", "Take over"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def finished(_result: int) -> None:
            self.question = None
            if box.clickedButton() is take:
                self.tasks.run(self._take_over(claim, open_again), name=f"take-over-{claim.order_id}")

        box.finished.connect(finished)
        self.question = box
        box.open()

    async def _take_over(self, claim: Claim, open_again: Callable[[int], object]) -> None:
        try:
            now = await self.claims.take_over(claim.order_id, claim.desk)
        except PackstationError as error:
            self.show_error(say(error))
            return
        if now.desk != self.claims.desk:  # someone else was quicker
            self.show_error(fill(translate("ClaimGate", "Order %1 is %2."), now.order_id, claim_text(now)))
            return
        self._passes.add(claim.order_id)
        open_again(claim.order_id)


class FleetBanner(QObject):
    """Shows the fleet's state in the message bar."""

    def __init__(
        self,
        show_warning: Callable[[str], None],
        show_info: Callable[[str], None],
        *,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._show_warning = show_warning
        self._show_info = show_info

    def __call__(self, state: FleetState) -> None:
        if not state.online:
            self._show_warning(
                translate("ClaimGate", "Warehouse database offline: codes are checked at this desk only.")
            )
            return
        if state.conflicts:
            lines = "\n".join(say(line) for line in state.conflicts)
            self._show_warning(
                translate("ClaimGate", "Warehouse database is back. Taken by other desks meanwhile:")
                + "\n"
                + lines
            )
            return
        self._show_info(
            translate("ClaimGate", "Warehouse database is back: claims and codes are shared again.")
        )
