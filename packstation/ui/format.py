"""How the UI writes numbers, times left and dates: one place for each format.

Translated texts keep Qt's `%1`, `%2`… placeholders (translators may reorder them) and are
filled with `fill`. A time left is negative when late and then carries the minus sign `−`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from packstation.domain.message import fill as fill  # the one placeholder filler, re-exported

MINUS = "−"  # U+2212: a real minus sign, as wide as the digits




def format_left(seconds: float) -> str:
    """A short countdown: H:MM:SS (or M:SS under an hour); negative values count the lateness."""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
    return MINUS + text if seconds < 0 else text


def format_countdown(remaining: timedelta) -> str:
    """`1:05:09`, `−0:04:10` or `2 d 3:00:00` style text for a time left (negative when late)."""
    seconds = int(remaining.total_seconds())
    sign = MINUS if seconds < 0 else ""
    seconds = abs(seconds)
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    clock = f"{hours}:{minutes:02d}:{seconds:02d}"
    if days:
        return sign + fill(QCoreApplication.translate("OrderListModel", "%1 d "), days) + clock
    return sign + clock


def day_month(day: date) -> str:
    """`23.11`: a day of this season (shipment days)."""
    return day.strftime("%d.%m")


def full_date(day: date) -> str:
    """`23.11.2026`."""
    return day.strftime("%d.%m.%Y")


def interval(start: datetime, end: datetime) -> str:
    """`23.11 14:05–16:00`: a time slot as the Market gives it (its own time zone, not converted)."""
    return f"{start:%d.%m %H:%M}–{end:%H:%M}"


def local_date_time(moment: datetime) -> str:
    """`23.11.2026 14:05` in the station's time zone."""
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def local_day_time(moment: datetime) -> str:
    """`23.11 14:05` in the station's time zone."""
    return moment.astimezone().strftime("%d.%m %H:%M")


def local_time(moment: datetime, *, seconds: bool = False) -> str:
    """`14:05` (or `14:05:09`) in the station's time zone."""
    return moment.astimezone().strftime("%H:%M:%S" if seconds else "%H:%M")
