"""Order history: recorded action names are shown as readable labels in the UI language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import packstation
from packstation.services.outbox_replay import ReplayOutcome
from packstation.storage.audit import AuditRecord
from packstation.ui.i18n import Translations
from packstation.ui.order_history_view import OrderHistoryView

# Literal action names passed to the audit log (`_audit("x")`, `.audit("x")`, `.record("x")`, ...).
_RECORDED = re.compile(r'(?:\b_audit|\b_record|\.record|\.audit)\(\s*"([a-z_]+)"')


def _recorded_actions() -> set[str]:
    root = Path(packstation.__file__).parent
    names = {
        name
        for folder in ("services", "storage")
        for path in (root / folder).rglob("*.py")
        for name in _RECORDED.findall(path.read_text(encoding="utf-8"))
    }
    # The outbox replay records `outbox_<outcome>`; a pending intent is retried, not recorded.
    names |= {f"outbox_{outcome.value}" for outcome in ReplayOutcome if outcome is not ReplayOutcome.PENDING}
    return names


class _Reader:
    def __init__(self, *actions: str) -> None:
        at = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        self.records = [
            AuditRecord(id=n, at=at, station="Desk 3", packer="Ирина", action=a, order_id=42, detail="d")
            for n, a in enumerate(actions, 1)
        ]

    def history(self, order_id: int) -> list[AuditRecord]:
        return [r for r in self.records if r.order_id == order_id]

    def between(self, start: datetime | None, end: datetime | None) -> Iterator[AuditRecord]:
        return iter(self.records)


def _actions_shown(view: OrderHistoryView) -> list[str]:
    return [view.model.item(row, 3).text() for row in range(view.model.rowCount())]


def test_every_action_the_app_records_has_a_readable_label(qtbot: QtBot) -> None:
    recorded = _recorded_actions()
    assert {"layout_sent", "ready_to_ship", "label_printed", "outbox_rejected"} <= recorded  # the scan works
    view = OrderHistoryView(_Reader())
    qtbot.addWidget(view)
    labels = view.action_labels()
    assert sorted(recorded - labels.keys()) == []
    assert all(label and label != action and "_" not in label for action, label in labels.items())
    assert len(set(labels.values())) == len(labels)  # no two actions read the same


def test_labels_in_english_unknown_actions_as_stored_and_the_stored_name_as_tooltip(qtbot: QtBot) -> None:
    view = OrderHistoryView(_Reader("layout_sent", "some_future_action", "outbox_skipped"))
    qtbot.addWidget(view)
    view.show_order(42)
    assert _actions_shown(view) == [
        "Box layout sent to the Market",
        "some_future_action",
        "Saved action skipped: no longer valid",
    ]
    assert view.model.item(0, 3).data(Qt.ItemDataRole.ToolTipRole) == "layout_sent"


def test_labels_follow_the_russian_ui(qtbot: QtBot, qapp: QApplication) -> None:
    translations = Translations(qapp)
    assert translations.apply("ru")
    try:
        view = OrderHistoryView(_Reader("ready_to_ship", "label_print_failed", "odd_action"))
        qtbot.addWidget(view)
        view.show_order(42)
        assert _actions_shown(view) == [
            "Заказ переведён в статус «Готов к отгрузке»",
            "Ошибка печати ярлыков",
            "odd_action",
        ]
        assert all(
            label != action and re.search("[а-яё]", label)
            for action, label in view.action_labels().items()
        ), "every label has a Russian translation"
    finally:
        translations.apply("en")
