"""Printers from profiles: the composition root and the settings page build them here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from packstation.domain.labels import LabelFormat
from packstation.printing.config import PrinterProfile, PrintingSettings
from packstation.printing.virtual_printer import VirtualPrinter

# Imported where used: the calibration label pulls in reportlab and the system printer
# QtPrintSupport, neither of which the app needs to show its first window.
if TYPE_CHECKING:
    from packstation.printing.system_printer import SystemPrinter


def virtual_folder(settings: PrintingSettings, data_dir: Path) -> Path:
    """Where the virtual printer writes: the configured folder, else `<data dir>/labels`."""
    return Path(settings.virtual_dir).expanduser() if settings.virtual_dir else data_dir / "labels"


def make_printer(profile: PrinterProfile, virtual_dir: Path) -> SystemPrinter | VirtualPrinter:
    """The profile's system printer, or the virtual printer when it names none (the default)."""
    if profile.is_virtual:
        return VirtualPrinter(virtual_dir, dpi=profile.dpi)
    from packstation.printing.system_printer import SystemPrinter

    return SystemPrinter(profile)


async def print_test_label(profile: PrinterProfile, fmt: LabelFormat, virtual_dir: Path) -> None:
    """Print the calibration label with `profile` (not yet saved) on `fmt` media.

    Raises:
        PrintError: The printer failed; the message says what to do.
    """
    from packstation.printing.calibration_label import render_test_label

    pdf = render_test_label(fmt, profile)
    await make_printer(profile, virtual_dir).print_pdf(pdf, title="Packstation test label", fmt=fmt)
