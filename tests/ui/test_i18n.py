"""Translations: Russian by default, complete, compiled and current."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import packstation
from packstation.domain.deadline import ShiftTotals
from packstation.domain.order import OrderLine
from packstation.domain.packing.errors import PackingError
from packstation.domain.packing.model import Packing
from packstation.market.errors import ServerError
from packstation.paths import resource_path
from packstation.ui.i18n import Translations, say
from packstation.ui.main_window import MainWindow
from packstation.ui.order_list_model import Column, OrderListModel
from tests.services.fakes import make_order
from tests.ui.order_fixtures import NOW, filled_queue

TS = resource_path("i18n", "packstation_ru.ts")
QM = resource_path("i18n", "packstation_ru.qm")


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    assert translations.apply("ru")
    yield translations
    translations.apply("en")


def test_every_source_string_has_a_finished_russian_translation() -> None:
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 50
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.findtext("translation") or m.find("translation").findall("numerusform"))
    ]
    assert unfinished == []


def test_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    # Compare contents, not file times: a fresh clone gives both files arbitrary times.
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_lrelease(), str(TS), "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (see README, Translations)"


def _lrelease() -> str:
    found = qt_tool("lrelease")
    assert found, "pyside6-lrelease comes with PySide6"
    return found


def qt_tool(name: str) -> str | None:
    """PySide6's `name` tool (lrelease, lupdate) without relying on an activated venv: the
    `pyside6-NAME` script beside this interpreter, the binary inside the PySide6 package, then PATH."""
    exe = ".exe" if sys.platform == "win32" else ""
    candidates = [
        Path(sys.executable).parent / f"pyside6-{name}{exe}",
        Path(PySide6.__file__).parent / f"{name}{exe}",
    ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(f"pyside6-{name}")


def test_qt_tools_are_found_without_an_activated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    for name in ("lrelease", "lupdate"):
        found = qt_tool(name)
        assert found is not None, name
        done = subprocess.run([found, "-help"], capture_output=True, timeout=60, check=False)
        assert b"Usage" in done.stdout + done.stderr, name


def test_main_window_in_russian(qtbot: QtBot, russian: Translations) -> None:
    model = OrderListModel(filled_queue(), now=lambda: NOW)
    window = MainWindow(model, demo=True)
    qtbot.addWidget(window)
    assert window.refresh_action.text() == "Обновить"
    assert "Демо-режим" in window.demo_banner.text()
    assert window.status.connection.text() == "Демо"
    assert window.status.counts.text() == "Заказов: 5"
    assert model.headerData(Column.DEADLINE, Qt.Orientation.Horizontal) == "Срок"
    late = model.row_of(103)
    assert late is not None
    assert model.index(late, Column.DEADLINE).data() == "просрочено 0:05"
    on_time = model.row_of(102)
    assert on_time is not None
    assert model.index(on_time, Column.DEADLINE).data() == "через 0:42"
    window.status.set_shift(ShiftTotals(due_today=4, packed=1, late=2))  # Qt's Russian plural forms
    assert window.status.shift.text() == "Сегодня: 4 заказа к отгрузке · 1 упакован · 2 просрочены"
    window.status.set_shift(ShiftTotals(due_today=21, packed=5, late=0))
    assert window.status.shift.text() == "Сегодня: 21 заказ к отгрузке · 5 упаковано · 0 просрочено"


def test_unknown_language_falls_back_to_russian(qapp: QApplication) -> None:
    translations = Translations(qapp)
    try:
        assert translations.apply("de")
        assert translations.language == "ru"
    finally:
        translations.apply("en")


TS_EN = resource_path("i18n", "packstation_en.ts")
QM_EN = resource_path("i18n", "packstation_en.qm")


def _parcels(n: int) -> str:
    return QCoreApplication.translate("LinesModel", "%n parcels per unit", None, n)


def test_russian_plurals_follow_the_number(russian: Translations) -> None:
    assert [_parcels(n) for n in (1, 2, 5, 21, 22, 11)] == [
        "1 место на единицу",
        "2 места на единицу",
        "5 мест на единицу",
        "21 место на единицу",
        "22 места на единицу",
        "11 мест на единицу",
    ]
    history = QCoreApplication.translate("OrderHistoryView", "History of order %1: %n records", None, 3)
    assert history == "История заказа %1: 3 записи"


def test_messages_with_a_count_agree_with_it_in_russian(russian: Translations) -> None:
    def arrived(n: int) -> str:
        return QCoreApplication.translate("Shell", "%n new order(s) arrived.", None, n)

    assert [arrived(n) for n in (1, 3, 5, 21)] == [
        "Пришёл 1 новый заказ.",
        "Пришли 3 новых заказа.",
        "Пришло 5 новых заказов.",
        "Пришёл 21 новый заказ.",
    ]
    lag = QCoreApplication.translate(
        "StatsPanel", "The Market's statistics lag up to %n minute(s) behind the orders.", None, 40
    )
    assert lag == "Статистика Маркета отстаёт от заказов до 40 минут."


def test_english_plurals_come_from_their_own_catalogue(qapp: QApplication) -> None:
    translations = Translations(qapp)
    assert translations.apply("en")
    assert [_parcels(n) for n in (1, 3)] == ["1 parcel per unit", "3 parcels per unit"]


def test_every_english_plural_is_filled_and_compiled(tmp_path: Path) -> None:
    root = ET.parse(TS_EN).getroot()
    messages = list(root.iter("message"))
    assert messages
    assert all(m.get("numerus") == "yes" for m in messages)
    assert all(all(f.text for f in m.iter("numerusform")) for m in messages)
    assert all(m.find("translation").get("type") is None for m in messages)
    fresh = tmp_path / "fresh_en.qm"
    subprocess.run([_lrelease(), str(TS_EN), "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
    assert fresh.read_bytes() == QM_EN.read_bytes(), "run pyside6-lrelease for packstation_en.ts (README)"


def _qt_free_messages() -> set[tuple[str, str]]:
    """Every (context, key) marked with `QT_TRANSLATE_NOOP` outside the views."""
    found: set[tuple[str, str]] = set()
    package = Path(packstation.__file__).parent
    for path in package.rglob("*.py"):
        if path.relative_to(package).parts[0] in ("ui", "app"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
            ):
                context, key = (arg.value for arg in node.args if isinstance(arg, ast.Constant))
                found.add((context, key))
    return found


def test_every_domain_and_service_message_has_a_russian_and_an_english_text() -> None:
    messages = _qt_free_messages()
    assert len(messages) > 300  # market errors, packing rules, replay decisions, storage, printing...
    russian_of = {
        (context.findtext("name"), m.findtext("source")): m.findtext("translation")
        for context in ET.parse(TS).getroot().iter("context")
        for m in context.iter("message")
    }
    missing = sorted(key for key in messages if not russian_of.get(key))
    assert missing == [], "run pyside6-lupdate and translate (README, Translations)"
    for context, key in messages:
        ru = russian_of[(context, key)]
        assert not re.search(r"[А-Яа-яЁё]", key), (context, key)  # the key is the English text
        assert re.search(r"[А-Яа-яЁё]", ru) or not re.search(r"[A-Za-z]{3}", key), (context, key, ru)
        assert sorted(set(re.findall(r"%\d", ru))) <= sorted(set(re.findall(r"%\d", key))), (key, ru)


def test_a_packing_refusal_speaks_the_ui_language(russian: Translations, qapp: QApplication) -> None:
    with pytest.raises(PackingError) as refused:
        Packing(make_order(7, OrderLine(1, "MUG", "Кружка", 2))).put(9)
    assert say(refused.value).startswith("В заказе 7 нет позиции 9.")
    assert say(ServerError()) == "Сбой на стороне Маркета. Повторите через минуту; сделанное сохранено."
    russian.apply("en")
    assert say(refused.value).startswith("Order 7 has no line 9.")
    assert (
        say(ServerError()) == "The Market had an internal failure. Try again in a minute; your work is saved."
    )
