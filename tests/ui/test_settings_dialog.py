"""The settings dialog: edits a copy, the API key goes to the keyring, keyring errors shown."""

from __future__ import annotations

import keyring
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from packstation.domain.labels import LabelFormat
from packstation.secrets import KEYRING_SERVICE, KEYRING_USER, store_api_key
from packstation.settings import AppSettings
from packstation.ui.settings_dialog import SettingsDialog
from tests.fixtures.keyring_memory import MemoryKeyring


def _dialog(qtbot: QtBot, settings: AppSettings) -> SettingsDialog:
    dialog = SettingsDialog(settings, has_key=False, store_key=store_api_key)
    qtbot.addWidget(dialog)
    return dialog


def test_edits_come_back_as_validated_settings(qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    original = AppSettings()
    dialog = _dialog(qtbot, original)
    dialog.campaign.setText("2001")
    dialog.business.setText("1001")
    dialog.label_format.setCurrentIndex(dialog.label_format.findData(LabelFormat.A7))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.station.setText("  Стол 2 ")
    dialog.refresh.setValue(30)
    dialog.api_key.setText("ACMA:new:key")
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    edited = dialog.edited()
    assert (edited.campaign_id, edited.business_id) == (2001, 1001)
    assert edited.printing.label_format is LabelFormat.A7
    assert edited.language == "en"
    assert edited.station_name == "Стол 2"
    assert edited.refresh_interval_s == 30
    assert original == AppSettings()  # the dialog never mutates what it was given
    assert dialog.key_changed
    assert memory_keyring.store[(KEYRING_SERVICE, KEYRING_USER)] == "ACMA:new:key"


def test_empty_ids_mean_no_store(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, AppSettings(campaign_id=5, business_id=6))
    dialog.campaign.setText("")
    assert dialog.edited().campaign_id is None
    assert not dialog.edited().has_store


def test_keyring_failure_keeps_the_dialog_open_with_a_message(qtbot: QtBot) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog = _dialog(qtbot, AppSettings())
    dialog.show()
    dialog.api_key.setText("ACMA:new:key")
    dialog.accept()
    assert dialog.isVisible()
    assert not dialog.key_changed
    assert dialog.error.isVisible()
    assert "PACKSTATION_API_KEY" in dialog.error.text()


def test_serial_scanner_and_auto_submit_are_offered(qtbot: QtBot) -> None:
    from packstation.devices.config import ScannerSettings
    from packstation.devices.serial_reader import PortInfo

    ports = [PortInfo("ttyACM0", "Barcode scanner", "Honeywell", 0x0C2E, 1), PortInfo("ttyS0")]
    original = AppSettings(scanner=ScannerSettings(serial_port="COM9", serial_baud=9600))
    dialog = SettingsDialog(original, has_key=False, store_key=store_api_key, list_ports=lambda: ports)
    qtbot.addWidget(dialog)
    names = [dialog.serial_port.itemData(i) for i in range(dialog.serial_port.count())]
    assert names == ["", "ttyACM0", "ttyS0", "COM9"]  # the configured port stays, marked not found
    assert "Honeywell" in dialog.serial_port.itemText(1)
    assert "not found" in dialog.serial_port.currentText()
    assert dialog.auto_submit.value() == 0
    assert dialog.auto_submit.text() == "off"
    dialog.serial_port.setCurrentIndex(1)
    dialog.serial_baud.setCurrentIndex(dialog.serial_baud.findData(115200))
    dialog.serial_auto.setChecked(True)
    dialog.auto_submit.setValue(20)
    edited = dialog.edited()
    assert (edited.scanner.serial_port, edited.scanner.serial_baud) == ("ttyACM0", 115200)
    assert edited.scanner.serial_auto_detect
    assert edited.auto_submit_s == 20
    assert edited.scanner.gs_keys == original.scanner.gs_keys  # the rest of the scanner section kept
    dialog.serial_port.setCurrentIndex(0)
    assert dialog.edited().scanner.serial_port == ""


def test_a_key_that_cannot_be_sent_is_refused_when_entered(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot, AppSettings())
    dialog.show()
    dialog.api_key.setText("АCMA:new:key")  # a Cyrillic А typed on a Russian layout
    dialog.accept()
    assert dialog.isVisible()
    assert not dialog.key_changed
    assert "contains characters that cannot be sent" in dialog.error.text()
    assert (KEYRING_SERVICE, KEYRING_USER) not in memory_keyring.store


def test_the_desk_scale_is_configured_beside_the_serial_scanner(qtbot: QtBot) -> None:
    from decimal import Decimal

    from packstation.devices.config import ScaleProtocol, ScaleSettings
    from packstation.devices.serial_reader import PortInfo

    ports = [PortInfo("ttyUSB0", "USB serial", vendor_id=0x1A86)]
    original = AppSettings(scale=ScaleSettings(tolerance_pct=Decimal(5)))
    dialog = SettingsDialog(original, has_key=False, store_key=store_api_key, list_ports=lambda: ports)
    qtbot.addWidget(dialog)
    assert dialog.edited().scale == original.scale  # untouched: unchanged
    dialog.scale_protocol.setCurrentIndex(dialog.scale_protocol.findData("massa_k_100"))
    dialog.scale_port.setCurrentIndex(dialog.scale_port.findData("ttyUSB0"))
    dialog.scale_baud.setCurrentIndex(dialog.scale_baud.findData(4800))
    dialog.scale_allowance.setValue(0.12)
    dialog.scale_tolerance.setValue(0.05)
    dialog.scale_required.setChecked(False)
    scale = dialog.edited().scale
    assert (scale.protocol, scale.port, scale.baud) == (ScaleProtocol.MASSA_K_100, "ttyUSB0", 4800)
    assert (scale.allowance_kg, scale.tolerance_kg) == (Decimal("0.12"), Decimal("0.05"))
    assert not scale.require_weighing
    assert scale.tolerance_pct == 5  # what the dialog does not show is kept
    dialog.scale_port.setEditText("/dev/hidraw3")
    dialog.scale_protocol.setCurrentIndex(dialog.scale_protocol.findData("hid_pos"))
    hid = dialog.edited().scale
    assert (hid.protocol, hid.port) == (ScaleProtocol.HID_POS, "/dev/hidraw3")


def test_the_packing_video_camera_is_chosen_by_name_or_address(qtbot: QtBot) -> None:
    from packstation.devices.config import TEST_PATTERN

    dialog = SettingsDialog(
        AppSettings(), has_key=False, store_key=store_api_key,
        list_ports=lambda: [], list_cameras=lambda: ["HD Pro Webcam C920"],
    )
    qtbot.addWidget(dialog)
    assert dialog.edited().camera.source == ""  # no camera by default
    dialog.camera_source.setCurrentIndex(dialog.camera_source.findData("HD Pro Webcam C920"))
    dialog.camera_keep.setValue(14)
    edited = dialog.edited().camera
    assert (edited.source, edited.keep_days) == ("HD Pro Webcam C920", 14)
    dialog.camera_source.setCurrentIndex(dialog.camera_source.findData(TEST_PATTERN))
    assert dialog.edited().camera.source == TEST_PATTERN
    dialog.camera_source.setEditText("rtsp://10.0.0.7/stream1")
    assert dialog.edited().camera.source == "rtsp://10.0.0.7/stream1"


def test_warehouse_database_and_desk_name_without_a_password(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, AppSettings())
    dialog.show()
    dialog.fleet_dsn.setText(" postgresql://anna:secret@db/warehouse ")
    dialog.accept()
    assert dialog.isVisible()  # refused: the password would land in settings.json
    assert "~/.pgpass" in dialog.error.text()
    dialog.fleet_dsn.setText("postgresql://anna@db/warehouse")
    dialog.desk_name.setText(" 3 ")
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    edited = dialog.edited()
    assert (edited.fleet_dsn, edited.desk_name) == ("postgresql://anna@db/warehouse", "3")


def test_shipment_cutoff_field_edits_the_stores_time(qtbot: QtBot) -> None:
    from datetime import time

    from PySide6.QtCore import QTime

    dialog = _dialog(qtbot, AppSettings(shipment_cutoff=time(15, 30)))
    assert dialog.shipment_cutoff.time() == QTime(15, 30)
    dialog.shipment_cutoff.setTime(QTime(11, 45, 30))  # the field shows minutes: seconds never stick
    assert dialog.edited().shipment_cutoff == time(11, 45)
