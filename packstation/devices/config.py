"""Scanner settings (part of the app settings file); owned by the scanner decoder."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ScannerSettings(BaseModel):
    # Keys closer together than this belong to one scan; slower keys are a human typing.
    max_key_gap_ms: int = Field(default=50, ge=5, le=500)
    min_scan_length: int = Field(default=4, ge=1, le=64)
    prefixes: list[str] = Field(default_factory=list)  # stripped from the start of a scan
    suffix: str = ""  # ends a scan, besides Enter/Tab
    gs_stand_ins: list[str] = Field(default_factory=lambda: ["<GS>", "\\u001d", "\\x1d"])
    serial_port: str = ""  # e.g. "COM3" or "/dev/ttyACM0"; empty: keyboard-wedge only
    serial_baud: int = 9600
