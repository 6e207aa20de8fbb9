"""The settings dialog: store (campaign, business id, API URL, API key), labels, printer, language.

The dialog edits a copy of `AppSettings`; `edited()` returns the new settings after OK. The API
key goes straight to the OS keyring through the `store_key` callable (never into the settings
file); when the keyring cannot store it, the dialog says so and stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.errors import PackstationError
from packstation.domain.labels import LabelFormat
from packstation.settings import AppSettings
from packstation.ui.printer_settings_page import PrinterSettingsPage


class SettingsDialog(QDialog):
    """Edits the station's settings.

    Args:
        settings: the current settings (not modified).
        has_key: whether an API key is stored already (the field then says so).
        store_key: saves a new API key in the keyring; raises `PackstationError` on failure.
        language: the UI language, for error texts.
        printer_page: the printing engineer's full print settings page; when given it replaces
            the simple label format / printer choice and shows on its own tab.
    """

    def __init__(
        self,
        settings: AppSettings,
        *,
        has_key: bool,
        store_key: Callable[[str], None],
        language: str = "ru",
        printer_page: PrinterSettingsPage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self._original = settings
        self._store_key = store_key
        self._language = language
        self.printer_page = printer_page
        self.key_changed = False
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,18}"), self)

        self.campaign = QLineEdit(_id_text(settings.campaign_id), self)
        self.campaign.setValidator(digits)
        self.business = QLineEdit(_id_text(settings.business_id), self)
        self.business.setValidator(digits)
        self.api_url = QLineEdit(settings.api_url, self)
        self.api_key = QLineEdit(self)
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(
            self.tr("Stored in the system keyring; leave empty to keep it")
            if has_key
            else self.tr("Api-Key from the seller cabinet (Settings → API)")
        )
        store = QGroupBox(self.tr("Store"), self)
        store_form = QFormLayout(store)
        store_form.addRow(self.tr("Campaign ID:"), self.campaign)
        store_form.addRow(self.tr("Business ID:"), self.business)
        store_form.addRow(self.tr("API URL:"), self.api_url)
        store_form.addRow(self.tr("API key:"), self.api_key)

        self.label_format = QComboBox(self)
        for fmt in LabelFormat:
            width, height = fmt.size_mm
            self.label_format.addItem(f"{fmt.value} ({width:g}×{height:g} mm)", fmt)
        self.label_format.setCurrentIndex(list(LabelFormat).index(settings.printing.label_format))
        self.printer = QComboBox(self)
        self.printer.addItem(self.tr("Virtual printer (PDF files)"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        current = settings.printing.labels.printer_name
        if current and self.printer.findData(current) < 0:
            self.printer.addItem(self.tr("%1 (not found)").replace("%1", current), current)
        self.printer.setCurrentIndex(max(0, self.printer.findData(current)))
        labels = QGroupBox(self.tr("Labels"), self)
        labels_form = QFormLayout(labels)
        labels_form.addRow(self.tr("Label format:"), self.label_format)
        labels_form.addRow(self.tr("Label printer:"), self.printer)

        self.language = QComboBox(self)
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.station = QLineEdit(settings.station_name, self)
        self.packer = QLineEdit(settings.packer_name, self)
        self.refresh = QSpinBox(self)
        self.refresh.setRange(10, 3600)
        self.refresh.setSuffix(self.tr(" s"))
        self.refresh.setValue(settings.refresh_interval_s)
        self.express_refresh = QSpinBox(self)
        self.express_refresh.setRange(5, 600)
        self.express_refresh.setSuffix(self.tr(" s"))
        self.express_refresh.setValue(settings.express_refresh_interval_s)
        station = QGroupBox(self.tr("Station"), self)
        station_form = QFormLayout(station)
        station_form.addRow(self.tr("Language:"), self.language)
        station_form.addRow(self.tr("Station name:"), self.station)
        station_form.addRow(self.tr("Packer:"), self.packer)
        station_form.addRow(self.tr("Refresh orders every:"), self.refresh)
        station_form.addRow(self.tr("…with Express orders:"), self.express_refresh)

        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b02a37;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if printer_page is None:
            for widget in (store, labels, station, self.error, buttons):
                layout.addWidget(widget)
            return
        labels.hide()
        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(store)
        general_layout.addWidget(station)
        general_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, self.tr("Store and station"))
        self.tabs.addTab(printer_page, self.tr("Printing"))
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def edited(self) -> AppSettings:
        """The settings as edited in the dialog."""
        data = self._original.model_dump()
        data.update(
            campaign_id=_id_value(self.campaign.text()),
            business_id=_id_value(self.business.text()),
            api_url=self.api_url.text().strip() or self._original.api_url,
            language=self.language.currentData(),
            station_name=self.station.text().strip(),
            packer_name=self.packer.text().strip(),
            refresh_interval_s=self.refresh.value(),
            express_refresh_interval_s=self.express_refresh.value(),
        )
        if self.printer_page is not None:
            data["printing"] = self.printer_page.settings().model_dump()
        else:
            data["printing"]["label_format"] = LabelFormat(self.label_format.currentData())
            data["printing"]["labels"]["printer_name"] = str(self.printer.currentData())
        return AppSettings.model_validate(data)

    def accept(self) -> None:
        key = self.api_key.text().strip()
        if key:
            try:
                self._store_key(key)
            except PackstationError as err:
                self.error.setText(err.message(self._language))
                self.error.show()
                return
            self.key_changed = True
            self.api_key.clear()
        super().accept()


def _id_text(value: int | None) -> str:
    return "" if value is None else str(value)


def _id_value(text: str) -> int | None:
    text = text.strip()
    return int(text) if text and int(text) > 0 else None
