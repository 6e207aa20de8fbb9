"""Text from the Market (item names, order fields, error texts) is shown as plain text, never HTML.

A QLabel (default `Qt.AutoText`) and every tooltip render a string as rich text when it merely
looks like HTML, so an item name such as `<img src=...>` would be rendered, not shown. Labels
that show such text are switched to `Qt.PlainText`; tooltips get the text escaped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` (and anything set later) literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def make_plain(*labels: QLabel) -> None:
    """Switch existing labels to plain text."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` literally (line breaks kept); "" stays "" (no tooltip)."""
    if not text:
        return ""
    import html  # on use: the first frame shows no rich text (issue 19)

    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
