"""`packstation badges`: one badge per packer of Settings, each a decodable barcode of its payload."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp

from packstation.cli import main
from packstation.services.shift_config import PackerEntry, ShiftSettings
from packstation.settings import SETTINGS_FILE, AppSettings, save_settings
from tests.sandbox.pdf_tools import pdf_text, render_page


def test_badges_from_the_settings_packer_list(tmp_path: Path) -> None:
    settings = AppSettings(shift=ShiftSettings(packers=[PackerEntry(name="Анна"), PackerEntry(name="Борис")]))
    save_settings(settings, tmp_path / SETTINGS_FILE)
    out = tmp_path / "badges.pdf"
    assert main(["badges", "--out", str(out), "--data-dir", str(tmp_path)]) == 0
    text = pdf_text(out.read_bytes())
    assert "Анна" in text
    assert "Борис" in text
    assert "P02" in text
    decoded = {result.text for result in zxingcpp.read_barcodes(render_page(out.read_bytes(), 1, dpi=300))}
    assert decoded == {"PS:PACKER:P01", "PS:PACKER:P02"}


def test_no_packers_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["badges", "--out", str(tmp_path / "b.pdf"), "--data-dir", str(tmp_path)]) == 2
    assert "Settings" in capsys.readouterr().err
