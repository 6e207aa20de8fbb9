"""The print settings page: printers from QPrinterInfo, profile round trip, test label button."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.domain.errors import PrintError
from packstation.domain.labels import LabelFormat
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.printing.config import PrinterProfile, PrintingSettings
from packstation.ui.i18n import Translations
from packstation.ui.printer_settings_page import PrinterSettingsPage
from packstation.ui.tasks import TaskRunner
from tests.fixtures.cups import PrivateCups


class Recorder:
    def __init__(self, error: PrintError | None = None) -> None:
        self.calls: list[tuple[PrinterProfile, LabelFormat]] = []
        self.error = error

    async def __call__(self, profile: PrinterProfile, fmt: LabelFormat) -> None:
        self.calls.append((profile, fmt))
        if self.error is not None:
            raise self.error


def _page(
    qtbot: QtBot, settings: PrintingSettings, recorder: Recorder, errors: list[str]
) -> PrinterSettingsPage:
    tasks = TaskRunner(errors.append, lambda exc: errors.append(repr(exc)))
    page = PrinterSettingsPage(settings, tasks=tasks, print_test_label=recorder)
    qtbot.addWidget(page)
    return page


def test_unchanged_page_returns_the_same_settings(qtbot: QtBot) -> None:
    settings = PrintingSettings(
        label_format=LabelFormat.A7,
        labels=PrinterProfile(dpi=300, offset_x_mm=1.5, offset_y_mm=-0.5, rotate=True, darkness=12),
        render_from_data=True,
        packing_slip=True,
        virtual_dir="/srv/labels",
        recent_orders=40,
    )
    assert _page(qtbot, settings, Recorder(), []).settings() == settings


def test_edits_become_a_validated_profile(qtbot: QtBot) -> None:
    page = _page(qtbot, PrintingSettings(), Recorder(), [])
    page.labels.media.setCurrentIndex(page.labels.media.findData("A9"))
    page.labels.dpi.setCurrentIndex(page.labels.dpi.findData(600))
    page.labels.offset_x.setValue(-2.3)
    page.labels.darkness.setValue(20)
    page.documents.darkness.setValue(-1)  # "printer default"
    page.packing_slip.setChecked(True)
    result = page.settings()
    assert result.label_format is LabelFormat.A9
    assert result.labels == PrinterProfile(dpi=600, offset_x_mm=-2.3, darkness=20)
    assert result.documents.darkness is None
    assert result.document_format is LabelFormat.A4
    assert result.packing_slip


def test_a_configured_printer_that_is_gone_stays_selected_and_marked(qtbot: QtBot) -> None:
    settings = PrintingSettings(labels=PrinterProfile(printer_name="Old Zebra"))
    page = _page(qtbot, settings, Recorder(), [])
    assert page.labels.printer.currentText() == "Old Zebra (not found)"
    assert page.settings().labels.printer_name == "Old Zebra"
    assert page.documents.printer.currentText() == "Virtual printer (PDF files)"


@pytest.mark.cups
def test_printers_come_from_qprinterinfo(qtbot: QtBot, private_cups: PrivateCups) -> None:
    page = _page(qtbot, PrintingSettings(), Recorder(), [])
    names = [page.labels.printer.itemData(i) for i in range(page.labels.printer.count())]
    assert names[0] == ""  # the virtual printer comes first and is the default
    assert private_cups.queue in names
    page.labels.printer.setCurrentIndex(names.index(private_cups.queue))
    assert page.settings().labels.printer_name == private_cups.queue


@pytest.mark.cups
def test_media_the_driver_does_not_list_is_flagged(qtbot: QtBot, private_cups: PrivateCups) -> None:
    if private_cups.driver_queue is None:
        pytest.skip("CUPS' sample Zebra driver is not installed (cups-filters/cups-driverd)")
    page = _page(qtbot, PrintingSettings(), Recorder(), [])
    assert page.labels.warning.text() == ""  # the virtual printer takes any size
    page.labels.printer.setCurrentIndex(page.labels.printer.findData(private_cups.driver_queue))
    assert "58 × 40 mm" in page.labels.warning.text()  # the Zebra driver lists inch sizes only
    page.labels.media.setCurrentIndex(page.labels.media.findData("A4"))  # it does list A4
    assert page.labels.warning.text() == ""
    page.labels.media.setCurrentIndex(page.labels.media.findData("A9_HORIZONTALLY"))
    page.labels.printer.setCurrentIndex(0)
    assert page.labels.warning.text() == ""


async def _settle(page: PrinterSettingsPage) -> None:
    for _ in range(200):
        if page.labels.test_button.isEnabled() and page.documents.test_button.isEnabled():
            return
        await asyncio.sleep(0.01)


@pytest.mark.asyncio
async def test_test_label_uses_the_values_on_screen(qtbot: QtBot) -> None:
    recorder, errors = Recorder(), []
    page = _page(qtbot, PrintingSettings(), recorder, errors)
    page.labels.offset_y.setValue(1.2)
    page.labels.rotate.setChecked(True)
    page.labels.test_button.click()
    assert not page.labels.test_button.isEnabled()  # no double prints while it runs
    await _settle(page)
    assert recorder.calls == [(PrinterProfile(offset_y_mm=1.2, rotate=True), LabelFormat.A9_HORIZONTALLY)]
    assert page.status.text() == "The test label was sent."
    assert errors == []

    page.documents.test_button.click()
    await _settle(page)
    assert recorder.calls[-1] == (PrinterProfile(dpi=300), LabelFormat.A4)


@pytest.mark.asyncio
async def test_a_failed_test_label_says_what_to_do(qtbot: QtBot) -> None:
    error = PrintError(
        QT_TRANSLATE_NOOP("Tests", "Printer not found."), hint=QT_TRANSLATE_NOOP("Tests", "Turn it on.")
    )
    errors: list[str] = []
    page = _page(qtbot, PrintingSettings(), Recorder(error), errors)
    page.labels.test_button.click()
    await _settle(page)
    await asyncio.sleep(0)
    assert errors == ["Printer not found. Turn it on."]
    assert page.status.text() == "The test label failed."


def test_the_page_speaks_russian(qtbot: QtBot, qapp: QApplication) -> None:
    translations = Translations(qapp)
    assert translations.apply("ru")
    try:
        page = _page(qtbot, PrintingSettings(), Recorder(), [])
        assert page.labels.test_button.text() == "Напечатать тестовую этикетку"
        assert page.labels.printer.itemText(0) == "Виртуальный принтер (PDF-файлы)"
        assert page.labels.darkness.specialValueText() == "как в принтере"
    finally:
        translations.apply("en")
