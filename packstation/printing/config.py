"""Printer profiles (part of the app settings file); owned by the printing pipeline."""

from __future__ import annotations

from pydantic import BaseModel, Field

from packstation.domain.labels import LabelFormat

COMMON_DPI = (203, 300, 600)  # thermal print heads: 8, 12 and 24 dots per millimetre


class PrinterProfile(BaseModel):
    printer_name: str = ""  # empty: the virtual PDF printer
    dpi: int = Field(default=203, ge=100, le=1200)
    offset_x_mm: float = Field(default=0.0, ge=-10, le=10)
    offset_y_mm: float = Field(default=0.0, ge=-10, le=10)
    rotate: bool = False  # feed is narrower than the label is wide: rotate the bitmap ourselves
    darkness: int | None = Field(default=None, ge=0, le=30)

    @property
    def is_virtual(self) -> bool:
        return not self.printer_name


class PrintingSettings(BaseModel):
    label_format: LabelFormat = LabelFormat.A9_HORIZONTALLY
    labels: PrinterProfile = Field(default_factory=PrinterProfile)
    documents: PrinterProfile = Field(default_factory=lambda: PrinterProfile(dpi=300))
    virtual_dir: str = ""  # where the virtual printer writes PDFs; empty: <data dir>/labels
    render_from_data: bool = False  # render from labels data JSON instead of the Market's PDF
    packing_slip: bool = False
    document_format: LabelFormat = LabelFormat.A4  # packing slips and the command sheet
    recent_orders: int = Field(default=20, ge=1, le=500)  # the recent-labels drawer keeps this many

