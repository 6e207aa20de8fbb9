"""What a new layout did to the box labels, under the packing view's state banner.

After a resubmit the packer must know which stuck labels are void and which new ones printed
(box number and the label's id, as printed), or that the labels stuck already stay valid. The
panel only renders the session's `LabelChange`; the first print of an order shows nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from packstation.domain.packing.labels import LabelChange, LabelRef
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.plain_text import plain_label

_STYLE = "font-size:13pt; font-weight:bold; color:{fg};"


class LabelChangePanel(QWidget):
    """The void labels (red) and the new ones (green), or "labels unchanged"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelChange")
        self.void_list = plain_label(parent=self)
        self.void_list.setObjectName("voidLabels")
        self.void_list.setWordWrap(True)
        self.void_list.setStyleSheet(_STYLE.format(fg=palette.RED))
        self.new_list = plain_label(parent=self)
        self.new_list.setObjectName("newLabels")
        self.new_list.setWordWrap(True)
        self.new_list.setStyleSheet(_STYLE.format(fg=palette.GREEN))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.void_list)
        layout.addWidget(self.new_list)
        self.setVisible(False)

    def show_change(self, change: LabelChange | None) -> None:
        """Render `change` (None, or a first print with nothing void: hidden)."""
        if change is None or (change.new and not change.void):
            self.setVisible(False)
            return
        if change.unchanged:
            self.void_list.setText("")
            self.new_list.setText(
                self.tr(
                    "Labels unchanged: the boxes hold the same as before, the labels on them stay valid."
                    " Nothing was printed again (Reprint prints them anyway)."
                )
            )
        else:
            self.void_list.setText(
                self.tr("VOID — peel these labels off and throw them away:") + "\n" + self._lines(change.void)
            )
            stick = self.tr("NEW — stick these labels on the boxes:")
            self.new_list.setText(stick + "\n" + self._lines(change.new))
        self.void_list.setVisible(bool(self.void_list.text()))
        self.setVisible(True)

    def _lines(self, refs: tuple[LabelRef, ...]) -> str:
        line = self.tr("Box %1 of %2 · label %3 · box id %4")
        return "\n".join(
            fill(line, str(ref.number), str(ref.of), ref.fulfilment_id, str(ref.box_id)) for ref in refs
        )
