"""The settings dialog: store (campaign, business id, API URL, API key), labels, printer, language,
the serial scanner (port and baud rate), the desk scale, the packing video camera, auto-submit and
the store's shipment time (the deadline of orders the Market gives no time for).

The dialog edits a copy of `AppSettings`; `edited()` returns the new settings after OK. The API
key goes straight to the OS keyring through the `store_key` callable (never into the settings
file); when the keyring cannot store it, the dialog says so and stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRegularExpression, QTime
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from packstation.devices.config import TEST_PATTERN, ScaleProtocol
from packstation.domain.errors import PackstationError
from packstation.domain.labels import LabelFormat
from packstation.settings import AppSettings, dsn_has_password
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label
from packstation.ui.printer_settings_page import PrinterSettingsPage
from packstation.ui.shift_settings_page import ShiftSettingsPage

if TYPE_CHECKING:
    from packstation.devices.serial_reader import PortInfo

BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)


def _system_ports() -> list[PortInfo]:
    # Imported on use: QtSerialPort is not needed until the dialog lists the ports.
    from packstation.devices.serial_reader import available_ports

    return available_ports()


def _system_cameras() -> list[str]:
    # Imported on use: QtMultimedia loads its FFmpeg backend, which start-up does not need.
    from PySide6.QtMultimedia import QMediaDevices

    return [device.description() for device in QMediaDevices.videoInputs()]


class SettingsDialog(QDialog):
    """Edits the station's settings.

    Args:
        settings: the current settings (not modified).
        has_key: whether an API key is stored already (the field then says so).
        store_key: saves a new API key in the keyring; raises `PackstationError` on failure.
        printer_page: the printing engineer's full print settings page; when given it replaces
            the simple label format / printer choice and shows on its own tab.
        list_ports: the serial ports to offer for a serial scanner (the system's by default).
        list_cameras: the cameras to offer for the packing video (the system's by default).
    """

    def __init__(
        self,
        settings: AppSettings,
        *,
        has_key: bool,
        store_key: Callable[[str], None],
        printer_page: PrinterSettingsPage | None = None,
        list_ports: Callable[[], list[PortInfo]] = _system_ports,
        list_cameras: Callable[[], list[str]] = _system_cameras,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self._original = settings
        self._store_key = store_key
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
            self.printer.addItem(fill(self.tr("%1 (not found)"), current), current)
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
        self.auto_submit = QDoubleSpinBox(self)
        self.auto_submit.setRange(0.0, 600.0)
        self.auto_submit.setDecimals(0)
        self.auto_submit.setSuffix(self.tr(" s"))
        self.auto_submit.setSpecialValueText(self.tr("off"))
        self.auto_submit.setToolTip(
            self.tr("Submit this many seconds after the last unit is packed (scan CANCEL to stop); 0: off")
        )
        self.auto_submit.setValue(settings.auto_submit_s)
        station_form.addRow(self.tr("Submit automatically after:"), self.auto_submit)
        cutoff = settings.shipment_cutoff
        self.shipment_cutoff = QTimeEdit(QTime(cutoff.hour, cutoff.minute), self)
        self.shipment_cutoff.setObjectName("shipmentCutoff")
        self.shipment_cutoff.setDisplayFormat("HH:mm")  # whole minutes: a time edit has no invalid value
        self.shipment_cutoff.setToolTip(
            self.tr(
                "Orders the Market sends without a shipment time are due at this time (Moscow) on "
                "their shipment day; the list counts down to it"
            )
        )
        station_form.addRow(self.tr("Shipment time, Moscow:"), self.shipment_cutoff)
        # Several desks on one store (README "Several desks"); takes effect after a restart.
        self.fleet_dsn = QLineEdit(settings.fleet_dsn, self)
        self.fleet_dsn.setPlaceholderText(
            self.tr("postgresql://user@server/warehouse (empty: this desk alone)")
        )
        self.desk_name = QLineEdit(settings.desk_name, self)
        self.desk_name.setPlaceholderText(self.tr("station name or host name"))
        station_form.addRow(self.tr("Warehouse database:"), self.fleet_dsn)
        station_form.addRow(self.tr("Desk name:"), self.desk_name)

        scanner = settings.scanner
        self.serial_port = QComboBox(self)
        self.serial_port.setObjectName("serialPort")
        self.serial_port.addItem(self.tr("None (keyboard scanner)"), "")
        for port in list_ports():
            details = ", ".join(part for part in (port.description, port.manufacturer) if part)
            self.serial_port.addItem(f"{port.name} ({details})" if details else port.name, port.name)
        configured = scanner.serial_port
        if configured and self.serial_port.findData(configured) < 0:
            self.serial_port.addItem(fill(self.tr("%1 (not found)"), configured), configured)
        self.serial_port.setCurrentIndex(max(0, self.serial_port.findData(scanner.serial_port)))
        self.serial_baud = QComboBox(self)
        for baud in sorted({*BAUD_RATES, scanner.serial_baud}):
            self.serial_baud.addItem(str(baud), baud)
        self.serial_baud.setCurrentIndex(self.serial_baud.findData(scanner.serial_baud))
        self.serial_auto = QCheckBox(self.tr("Without a port: use the one USB scanner found"), self)
        self.serial_auto.setChecked(scanner.serial_auto_detect)
        serial = QGroupBox(self.tr("Serial scanner (USB-COM)"), self)
        serial_form = QFormLayout(serial)
        serial_form.addRow(self.tr("Port:"), self.serial_port)
        serial_form.addRow(self.tr("Baud rate:"), self.serial_baud)
        serial_form.addRow(self.serial_auto)
        scale = self._build_scale(settings, list_ports)
        camera = self._build_camera(settings, list_cameras)

        self.error = plain_label(parent=self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{palette.ERROR_TEXT};")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.shift_page = ShiftSettingsPage(settings.shift, self)
        if printer_page is None:
            widgets = (store, labels, station, serial, scale, camera, self.shift_page, self.error, buttons)
            for widget in widgets:
                layout.addWidget(widget)
            return
        labels.hide()
        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(store)
        general_layout.addWidget(station)
        general_layout.addStretch(1)
        devices = QWidget(self)
        devices_layout = QVBoxLayout(devices)
        devices_layout.addWidget(serial)
        devices_layout.addWidget(scale)
        devices_layout.addWidget(camera)
        devices_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, self.tr("Store and station"))
        self.tabs.addTab(devices, self.tr("Devices"))
        self.tabs.addTab(printer_page, self.tr("Printing"))
        self.tabs.addTab(self.shift_page, self.tr("Packers"))
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _build_scale(self, settings: AppSettings, list_ports: Callable[[], list[PortInfo]]) -> QGroupBox:
        """The desk scale: protocol, port, speed, and the box weight check's allowance and tolerance."""
        scale = settings.scale
        self.scale_protocol = QComboBox(self)
        self.scale_protocol.setObjectName("scaleProtocol")
        for text, value in (
            (self.tr("No scale"), ScaleProtocol.OFF),
            (self.tr("Serial, continuous output (CAS, Mercury, A&D…)"), ScaleProtocol.CONTINUOUS),
            (self.tr("Serial, Massa-K Protocol 100"), ScaleProtocol.MASSA_K_100),
            (self.tr("USB HID postal scale"), ScaleProtocol.HID_POS),
        ):
            self.scale_protocol.addItem(text, value.value)
        self.scale_protocol.setCurrentIndex(max(0, self.scale_protocol.findData(scale.protocol.value)))
        self.scale_port = QComboBox(self)
        self.scale_port.setObjectName("scalePort")
        self.scale_port.setEditable(True)  # /dev/hidrawN or a port that is not plugged in now
        self.scale_port.addItem("", "")
        for port in list_ports():
            self.scale_port.addItem(port.name, port.name)
        self.scale_port.setCurrentText(scale.port)
        self.scale_port.setToolTip(
            self.tr("Serial port, or /dev/hidrawN for a HID scale (empty: the first one found)")
        )
        self.scale_baud = QComboBox(self)
        for baud in sorted({*BAUD_RATES, scale.baud}):
            self.scale_baud.addItem(str(baud), baud)
        self.scale_baud.setCurrentIndex(self.scale_baud.findData(scale.baud))
        self.scale_allowance = _kg_box(float(scale.allowance_kg), self)
        self.scale_tolerance = _kg_box(float(scale.tolerance_kg), self)
        self.scale_required = QCheckBox(self.tr("Every box must be weighed before its label prints"), self)
        self.scale_required.setChecked(scale.require_weighing)
        group = QGroupBox(self.tr("Scale"), self)
        form = QFormLayout(group)
        form.addRow(self.tr("Scale:"), self.scale_protocol)
        form.addRow(self.tr("Port:"), self.scale_port)
        form.addRow(self.tr("Baud rate:"), self.scale_baud)
        form.addRow(self.tr("Packaging allowance:"), self.scale_allowance)
        form.addRow(self.tr("Tolerance:"), self.scale_tolerance)
        form.addRow(self.scale_required)
        return group

    def _build_camera(self, settings: AppSettings, list_cameras: Callable[[], list[str]]) -> QGroupBox:
        """The packing video: the camera, and how long clips are kept."""
        camera = settings.camera
        self.camera_source = QComboBox(self)
        self.camera_source.setObjectName("cameraSource")
        self.camera_source.setEditable(True)  # an IP camera's rtsp:// address
        self.camera_source.addItem(self.tr("No camera"), "")
        self.camera_source.addItem(self.tr("Generated test pattern (demo)"), TEST_PATTERN)
        self.camera_source.addItem(self.tr("Default camera"), "default")
        for name in list_cameras():
            self.camera_source.addItem(name, name)
        index = self.camera_source.findData(camera.source)
        if index >= 0:
            self.camera_source.setCurrentIndex(index)
        else:
            self.camera_source.setEditText(camera.source)
        self.camera_source.setToolTip(
            self.tr("A camera's name as the system lists it, or an IP camera's rtsp:// address")
        )
        self.camera_keep = QSpinBox(self)
        self.camera_keep.setRange(1, 3650)
        self.camera_keep.setSuffix(self.tr(" days"))
        self.camera_keep.setValue(camera.keep_days)
        self.camera_budget = QDoubleSpinBox(self)
        self.camera_budget.setRange(1.0, 10000.0)
        self.camera_budget.setDecimals(0)
        self.camera_budget.setSuffix(self.tr(" GB"))
        self.camera_budget.setValue(camera.budget_gb)
        group = QGroupBox(self.tr("Camera (packing video)"), self)
        form = QFormLayout(group)
        form.addRow(self.tr("Camera:"), self.camera_source)
        form.addRow(self.tr("Keep video for:"), self.camera_keep)
        form.addRow(self.tr("Disk budget:"), self.camera_budget)
        return group

    def _camera_source(self) -> str:
        text = self.camera_source.currentText().strip()
        index = self.camera_source.findText(text)
        return str(self.camera_source.itemData(index)) if index >= 0 else text

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
            auto_submit_s=self.auto_submit.value(),
            fleet_dsn=self.fleet_dsn.text().strip(),
            desk_name=self.desk_name.text().strip(),
            shipment_cutoff=time(self.shipment_cutoff.time().hour(), self.shipment_cutoff.time().minute()),
        )
        data["scanner"].update(
            serial_port=str(self.serial_port.currentData()),
            serial_baud=int(self.serial_baud.currentData()),
            serial_auto_detect=self.serial_auto.isChecked(),
        )
        data["scale"].update(
            protocol=self.scale_protocol.currentData(),
            port=self.scale_port.currentText().strip(),
            baud=int(self.scale_baud.currentData()),
            allowance_kg=Decimal(str(round(self.scale_allowance.value(), 3))),
            tolerance_kg=Decimal(str(round(self.scale_tolerance.value(), 3))),
            require_weighing=self.scale_required.isChecked(),
        )
        data["camera"].update(
            source=self._camera_source(),
            keep_days=self.camera_keep.value(),
            budget_gb=self.camera_budget.value(),
        )
        data["shift"] = self.shift_page.settings().model_dump()
        if self.printer_page is not None:
            data["printing"] = self.printer_page.settings().model_dump()
        else:
            data["printing"]["label_format"] = LabelFormat(self.label_format.currentData())
            data["printing"]["labels"]["printer_name"] = str(self.printer.currentData())
        return AppSettings.model_validate(data)

    def accept(self) -> None:
        if dsn_has_password(self.fleet_dsn.text()):
            self.error.setText(
                self.tr("Keep the warehouse database password out of its address: put it in ~/.pgpass.")
            )
            self.error.show()
            return
        key = self.api_key.text().strip()
        if key:
            try:
                self._store_key(key)
            except PackstationError as err:
                self.error.setText(say(err))
                self.error.show()
                return
            self.key_changed = True
            self.api_key.clear()
        super().accept()


def _kg_box(value: float, parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0.0, 50.0)
    box.setDecimals(3)
    box.setSingleStep(0.01)
    box.setSuffix(QCoreApplication.translate("SettingsDialog", " kg"))
    box.setValue(value)
    return box


def _id_text(value: int | None) -> str:
    return "" if value is None else str(value)


def _id_value(text: str) -> int | None:
    text = text.strip()
    return int(text) if text and int(text) > 0 else None
