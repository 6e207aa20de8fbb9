"""Settings: defaults, round trip, corrupt files backed up, missing or unusable data dirs."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.domain.labels import LabelFormat
from packstation.settings import (
    SETTINGS_FILE,
    AppSettings,
    SettingsError,
    load_settings,
    prepare_data_dir,
    save_settings,
)


def test_missing_file_gives_defaults_without_warning(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path)
    assert loaded.settings == AppSettings()
    assert loaded.warning is None
    assert loaded.settings.language == "ru"  # Russian is the default UI language


def test_round_trip_keeps_every_section(tmp_path: Path) -> None:
    settings = AppSettings(campaign_id=2001, business_id=1001, station_name="Стол 3", refresh_interval_s=30)
    settings.printing.label_format = LabelFormat.A7
    settings.scanner.suffix = "\t"
    save_settings(settings, tmp_path / SETTINGS_FILE)
    loaded = load_settings(tmp_path)
    assert loaded.settings == settings
    assert loaded.settings.has_store


def test_api_key_is_never_a_settings_field() -> None:
    assert not any("key" in name for name in AppSettings.model_fields)


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"campaign_id": -5}', b'{"language": "de"}', b"\xff\xfe\x00garbage", b"[1, 2]"],
)


def test_corrupt_file_is_backed_up_and_replaced_by_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / SETTINGS_FILE
    path.write_bytes(content)
    loaded = load_settings(tmp_path)
    assert loaded.settings == AppSettings()
    assert isinstance(loaded.warning, SettingsError)
    assert "повреждён" in russian(loaded.warning)
    assert "damaged" in loaded.warning.english()
    assert loaded.backup is not None
    assert loaded.backup.read_bytes() == content
    assert not path.exists()
    # The next save writes a good file; the next load has no warning.
    save_settings(loaded.settings, path)
    assert load_settings(tmp_path).warning is None


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    raw = json.dumps({"campaign_id": 7, "from_the_future": 1})
    (tmp_path / SETTINGS_FILE).write_text(raw, encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.warning is None
    assert loaded.settings.campaign_id == 7


def test_missing_data_dir_is_created(tmp_path: Path) -> None:
    wanted = tmp_path / "a" / "b"
    prepared = prepare_data_dir(wanted)
    assert prepared.path == wanted
    assert wanted.is_dir()
    assert prepared.created
    assert prepared.warning is None


def test_uncreatable_data_dir_falls_back_to_a_temp_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a folder", encoding="utf-8")
    prepared = prepare_data_dir(blocker / "data")
    assert prepared.path != blocker / "data"
    assert prepared.path.is_dir()
    assert prepared.warning is not None
    assert "--data-dir" in prepared.warning.english()
    assert "недоступна" in russian(prepared.warning)


def test_save_into_an_unwritable_place_raises_a_bilingual_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        save_settings(AppSettings(), blocker / SETTINGS_FILE)
    assert russian(caught.value.text)
    assert caught.value.en


def test_auto_submit_is_off_by_default_and_bounded() -> None:
    import pydantic

    assert AppSettings().auto_submit_s == 0
    assert AppSettings(auto_submit_s=15).auto_submit_s == 15
    with pytest.raises(pydantic.ValidationError):
        AppSettings(auto_submit_s=-1)


def test_deeply_nested_settings_file_is_moved_aside(tmp_path: Path) -> None:
    """json.loads raises RecursionError on deep nesting: that must not stop the start."""
    path = tmp_path / SETTINGS_FILE
    content = b'{"scanner": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    path.write_bytes(content)
    loaded = load_settings(tmp_path)
    assert loaded.settings == AppSettings()
    assert loaded.warning is not None
    assert "damaged" in loaded.warning.english()
    assert loaded.backup is not None
    assert loaded.backup.name.startswith("settings.json.broken-")
    assert loaded.backup.read_bytes() == content


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; the Windows profile folder is per-user")
def test_new_data_dir_is_user_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        prepared = prepare_data_dir(tmp_path / "fresh" / "data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(prepared.path.stat().st_mode) == 0o700


def test_a_warehouse_address_with_a_password_is_recognised() -> None:
    from packstation.settings import dsn_has_password

    assert dsn_has_password("postgresql://anna:secret@db/warehouse")
    assert dsn_has_password("host=db user=anna password=secret dbname=warehouse")
    assert dsn_has_password("postgresql://anna@db/warehouse?password=secret")
    assert not dsn_has_password("postgresql://anna@db:5432/warehouse")
    assert not dsn_has_password("host=db user=anna dbname=warehouse")
    assert not dsn_has_password("")


def test_shipment_cutoff_is_a_moscow_time_in_whole_minutes(tmp_path: Path) -> None:
    from datetime import time

    from pydantic import ValidationError

    assert AppSettings().shipment_cutoff == time(14, 0)
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"shipment_cutoff": "15:30"}), encoding="utf-8")
    assert load_settings(tmp_path).settings.shipment_cutoff == time(15, 30)
    for bad in ("25:00", "15:30:20", "15:30+05:00", "soon"):
        with pytest.raises(ValidationError):
            AppSettings(shipment_cutoff=bad)
