"""Scanner and scale settings (part of the app settings file); owned by the devices."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, field_validator

if TYPE_CHECKING:  # the weighing rules are loaded with the first packed order, not at start-up
    from packstation.domain.box_weight import WeightRule

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


class ScaleProtocol(StrEnum):
    """How the desk scale talks (see `devices.scale_protocols`)."""

    OFF = "off"
    CONTINUOUS = "continuous"
    MASSA_K_100 = "massa_k_100"
    HID_POS = "hid_pos"


class ScaleSettings(BaseModel):
    """The desk scale (part of the app settings file) and the box weight check it drives."""

    # off, continuous (CAS-style ASCII), massa_k_100 (request/response), hid_pos (USB HID scale).
    protocol: ScaleProtocol = ScaleProtocol.OFF
    # Serial port ("COM4", "/dev/ttyUSB0") or, for HID, "/dev/hidrawN" (empty: the first HID scale).
    port: str = ""
    baud: int = 9600
    default_unit: Literal["kg", "g", "lb", "oz"] = "kg"  # for lines that name no unit
    poll_ms: int = Field(default=300, ge=50, le=5000)  # request interval (request/response scales)
    retry_ms: int = Field(default=2000, ge=100, le=60000)  # reopen interval after unplugging
    allowance_kg: Decimal = Field(default=Decimal("0.05"), ge=0, le=50)  # carton, filler, tape
    tolerance_kg: Decimal = Field(default=Decimal("0.10"), ge=0, le=50)
    tolerance_pct: Decimal = Field(default=Decimal(0), ge=0, le=100)  # the larger tolerance applies
    min_weight_kg: Decimal = Field(default=Decimal("0.02"), ge=0, le=5)  # below: the scale is empty
    require_weighing: bool = True  # with a scale on: no submit until every box was weighed

    @property
    def enabled(self) -> bool:
        return self.protocol is not ScaleProtocol.OFF

    def rule(self) -> WeightRule:
        from packstation.domain.box_weight import WeightRule

        return WeightRule(
            allowance_kg=self.allowance_kg,
            tolerance_kg=self.tolerance_kg,
            tolerance_pct=self.tolerance_pct,
            min_weight_kg=self.min_weight_kg,
        )


TEST_PATTERN = "test-pattern"


class CameraSettings(BaseModel):
    """The packing video camera (part of the app settings file) and how long clips are kept."""

    # "": no video; "test-pattern": the generated camera (demo); "default": the system's default
    # camera; a camera's name (as the OS lists it); or an IP camera's stream "rtsp://…".
    source: str = ""
    fps: int = Field(default=10, ge=2, le=30)
    preroll_s: float = Field(default=2.0, ge=0, le=10)
    keep_days: int = Field(default=30, ge=1, le=3650)
    budget_gb: float = Field(default=20.0, gt=0, le=10000)
    min_free_mb: int = Field(default=500, ge=0)  # no clip starts with less free disk space

    @property
    def enabled(self) -> bool:
        return bool(self.source.strip())
