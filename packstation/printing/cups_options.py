"""Driver options that Qt has no public API for, passed to CUPS with the job.

Qt's CUPS print engine takes extra `name, value` pairs under the private property key
`PPK_CupsOptions` (0xfe00 in qcups_p.h) and hands them to `cupsPrintFile`. Label drivers such as
CUPS' Zebra ZPL driver read the print-head heat from `Darkness` (1-30). Other print engines (Windows,
PDF) ignore the key, so darkness stays the driver's setting there.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintEngine, QPrinter

PPK_CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)


def cups_options(printer: QPrinter) -> dict[str, str]:
    """The extra CUPS options already set on `printer`."""
    flat = printer.printEngine().property(PPK_CUPS_OPTIONS) or []
    pairs = [str(item) for item in flat]
    return dict(zip(pairs[0::2], pairs[1::2], strict=False))


def set_cups_option(printer: QPrinter, name: str, value: str) -> None:
    """Add or replace one CUPS job option on `printer` (before painting starts)."""
    options = cups_options(printer)
    options[name] = value
    flat = [part for pair in options.items() for part in pair]
    printer.printEngine().setProperty(PPK_CUPS_OPTIONS, flat)


def apply_darkness(printer: QPrinter, darkness: int) -> None:
    """Ask the driver for this print-head darkness (0 keeps the printer's default)."""
    set_cups_option(printer, "Darkness", str(darkness) if darkness > 0 else "-1")
