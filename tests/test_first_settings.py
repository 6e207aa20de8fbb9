"""The first frame's settings, read without pydantic, agree with the validated settings."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import time
from pathlib import Path
from typing import Any

import pytest

from packstation.first_settings import FirstSettings, read_first_settings
from packstation.settings import SETTINGS_FILE, AppSettings, save_settings


def _first_view(settings: AppSettings) -> FirstSettings:
    return FirstSettings(**{field.name: getattr(settings, field.name) for field in fields(FirstSettings)})


def test_defaults_are_those_of_the_settings_model(tmp_path: Path) -> None:
    assert read_first_settings(tmp_path) == FirstSettings() == _first_view(AppSettings())


def test_a_saved_file_reads_as_the_model_reads_it(tmp_path: Path) -> None:
    saved = AppSettings(campaign_id=2001, business_id=1001, language="en", station_name="Стол 3",
                        refresh_interval_s=30, express_refresh_interval_s=7, shipment_cutoff=time(15, 30))
    save_settings(saved, tmp_path / SETTINGS_FILE)
    first = read_first_settings(tmp_path)
    assert first == _first_view(saved)
    assert first.has_store


def test_the_command_line_overrides_the_file(tmp_path: Path) -> None:
    save_settings(AppSettings(campaign_id=2001, business_id=1001), tmp_path / SETTINGS_FILE)
    first = read_first_settings(tmp_path, language="en", campaign_id=7, business_id=8)
    assert (first.language, first.campaign_id, first.business_id) == ("en", 7, 8)


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        json.dumps({"campaign_id": 0, "business_id": -1, "language": "de", "station_name": 5,
                    "refresh_interval_s": 5, "express_refresh_interval_s": True,
                    "shipment_cutoff": "14:00:30"}),
        json.dumps({"campaign_id": "x", "refresh_interval_s": 3601, "shipment_cutoff": "25:00"}),
    ],
)
def test_what_the_model_refuses_gives_the_defaults_and_leaves_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / SETTINGS_FILE
    path.write_text(content, encoding="utf-8")
    assert read_first_settings(tmp_path) == FirstSettings()
    assert path.read_text(encoding="utf-8") == content  # the validated load reports and backs it up


def test_an_unreadable_file_gives_the_defaults(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_bytes(b"\xff\xfe{")
    assert read_first_settings(tmp_path) == FirstSettings()


def test_valid_fields_are_kept_when_others_are_not(tmp_path: Path) -> None:
    data: dict[str, Any] = {"campaign_id": 2001, "refresh_interval_s": 1}
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(data), encoding="utf-8")
    first = read_first_settings(tmp_path)
    assert (first.campaign_id, first.refresh_interval_s) == (2001, 60)
