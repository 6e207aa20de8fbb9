"""The command barcodes sheet: every command scans back to its payload; captions in both languages."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import zxingcpp
from PIL import Image

from packstation.domain.classify import classify_scan
from packstation.domain.commands import COMMANDS
from packstation.domain.scan import ScanKind
from packstation.printing.command_sheet import command_sheet_cli


def test_sheet_barcodes_decode_to_every_command(tmp_path: Path) -> None:
    out = tmp_path / "commands.pdf"
    assert command_sheet_cli(str(out)) == 0
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(out), str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png")))
    found = {b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.Code128}
    assert found == {info.payload for info in COMMANDS}
    for payload in found:
        assert classify_scan(payload).kind is ScanKind.COMMAND


def test_sheet_text_has_russian_and_english_captions(tmp_path: Path) -> None:
    out = tmp_path / "commands.pdf"
    command_sheet_cli(str(out))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for info in COMMANDS:
        assert info.caption_ru in text
        assert info.caption_en in text


def test_unwritable_destination_is_reported_in_both_languages(tmp_path: Path) -> None:
    err = io.StringIO()
    assert command_sheet_cli(str(tmp_path / "missing" / "x.pdf"), stderr=err) == 1
    assert "Не удалось записать" in err.getvalue()
    assert "Cannot write" in err.getvalue()


def test_cli_wiring(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "packstation", "commands-sheet", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
