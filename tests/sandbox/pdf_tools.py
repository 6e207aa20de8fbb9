"""Reading PDFs in tests with poppler: page count and size, text, and a page as a bitmap."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import numpy.typing as npt


def _run(*args: str, data: bytes, to_stdout: tuple[str, ...] = ("-",)) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        return subprocess.run(
            [*args, str(path), *to_stdout], check=True, capture_output=True, timeout=60
        ).stdout


def pdf_info(data: bytes) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        out = subprocess.run(
            ["pdfinfo", str(path)], check=True, capture_output=True, text=True, timeout=60
        ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def page_count(data: bytes) -> int:
    return int(pdf_info(data)["Pages"])


def page_size_mm(data: bytes) -> tuple[float, float]:
    # "Page size:      164.409 x 113.386 pts"
    parts = pdf_info(data)["Page size"].split()
    return round(float(parts[0]) * 25.4 / 72, 1), round(float(parts[2]) * 25.4 / 72, 1)


def pdf_text(data: bytes) -> str:
    return _run("pdftotext", "-enc", "UTF-8", data=data).decode()


def render_page(data: bytes, page: int = 1, dpi: int = 203) -> npt.NDArray[np.uint8]:
    """One page as a grayscale array (poppler's PGM output)."""
    raw = _run("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), data=data, to_stdout=())
    fields = raw.split(maxsplit=4)  # magic, width, height, maxval, pixels (no comments from poppler)
    assert fields[0] == b"P5", raw[:20]
    width, height = int(fields[1]), int(fields[2])
    header_end = len(raw) - width * height
    return np.frombuffer(raw[header_end : header_end + width * height], dtype=np.uint8).reshape(height, width)
