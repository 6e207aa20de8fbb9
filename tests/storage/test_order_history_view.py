"""The order-history panel over the real audit log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.domain.errors import StorageError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.storage.audit import AuditRecord
from packstation.storage.local_store import LocalStore
from packstation.ui.i18n import Translations
from packstation.ui.order_history_view import OrderHistoryView

pytestmark = pytest.mark.gui


def test_shows_an_orders_records_oldest_first(qtbot: QtBot, store: LocalStore) -> None:
    store.audit.record("some_future_action", order_id=42)
    store.audit.record("other_order", order_id=43)
    store.audit.record("label_printed", order_id=42, detail="box 1/1")
    view = OrderHistoryView(store.audit)
    qtbot.addWidget(view)

    view.show_order(42)

    model = view.model
    assert model.rowCount() == 2
    # A known action reads as a label, an unknown one as stored.
    assert [model.item(r, 3).text() for r in range(2)] == ["some_future_action", "Labels printed"]
    assert (model.item(1, 1).text(), model.item(1, 2).text(), model.item(1, 4).text()) == (
        "Desk 3",
        "Ирина",
        "box 1/1",
    )
    assert "42" in view.title()
    assert "2 records" in view.title()

    store.audit.record("status_sent", order_id=42)
    view.refresh()
    assert model.rowCount() == 3

    view.show_order(7)
    assert model.rowCount() == 0
    assert "7" in view.title()


class _BrokenReader:
    def history(self, order_id: int) -> list[AuditRecord]:
        raise StorageError(QT_TRANSLATE_NOOP("Database", "the file is damaged or not a database"))

    def between(self, start: datetime | None, end: datetime | None) -> Iterator[AuditRecord]:
        return iter(())


def test_storage_error_is_shown_not_raised(qtbot: QtBot, qapp: QApplication) -> None:
    translations = Translations(qapp)
    assert translations.apply("ru")
    try:
        view = OrderHistoryView(_BrokenReader())
        qtbot.addWidget(view)
        view.show_order(1)
        assert view.title() == "файл повреждён или не является базой данных"  # from the catalogue
        assert view.model.rowCount() == 0
    finally:
        translations.apply("en")
