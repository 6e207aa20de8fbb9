"""Scanner settings (part of the app settings file); owned by the scanner decoder."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator

_F_KEY = re.compile(r"F([1-9]|[12][0-9]|3[0-5])")


class ScannerSettings(BaseModel):
    # Keys closer together than this belong to one scan; slower keys are a human typing.
    max_key_gap_ms: int = Field(default=50, ge=5, le=500)
    min_scan_length: int = Field(default=4, ge=1, le=64)
    prefixes: list[str] = Field(default_factory=list)  # stripped from the start of a scan
    suffix: str = ""  # ends a scan, besides Enter/Tab
    gs_stand_ins: list[str] = Field(default_factory=lambda: ["<GS>", "\\u001d", "\\x1d"])
    gs_keys: list[str] = Field(default_factory=lambda: ["F8"])  # keys a scanner is set to send for GS
    serial_port: str = ""  # e.g. "COM3" or "/dev/ttyACM0"; empty: keyboard-wedge only
    serial_baud: int = 9600
    serial_auto_detect: bool = False  # with no port set, use the one USB serial port found
    serial_retry_ms: int = Field(default=2000, ge=100, le=60000)  # reopen interval after unplugging

    @field_validator("gs_keys")
    @classmethod
    def _function_keys_only(cls, keys: list[str]) -> list[str]:
        bad = [k for k in keys if not _F_KEY.fullmatch(k)]
        if bad:
            raise ValueError(f"GS keys must be F1..F35, got {bad}")
        return keys
