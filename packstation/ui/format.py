"""How the UI writes numbers, times left and dates: one place for each format.

Translated texts keep Qt's `%1`, `%2`… placeholders (translators may reorder them) and are
filled with `fill`. Deadlines count down in one format everywhere (`countdown`, built on
`time_left`, which a LaaS draft's "confirm within 0:59" uses bare).

The rounding rule for every time left: never tell a packer more time than is left. Minutes
left round down (`0:00` in the last minute), minutes late round up (late from the first second).
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from packstation.domain.deadline import Urgency
from packstation.domain.message import fill as fill  # the one placeholder filler, re-exported


def key_name(shortcut: str) -> str:
    """A shortcut as every screen, tooltip, sheet and the README name it: "Ctrl+Enter", "Ctrl+Shift+B"
    (Qt calls the main Enter key "Return" and would translate "Ctrl" in its native text)."""
    return shortcut.replace("Return", "Enter")


def time_left(left: timedelta) -> str:
    """`0:59`: whole hours and minutes left, rounded down; `0:00` in the last minute and after."""
    return _hours_minutes(max(0, int(left.total_seconds() // 60)))


def countdown(left: timedelta) -> str:
    """The one deadline countdown: `in 0:23` / `late 0:05` (`late 26:10` a day on).

    Time left as `time_left` (rounded down) and minutes late rounded up, so the text never
    promises time that is not there and an order reads late from its first second.
    """
    seconds = left.total_seconds()
    if seconds > 0:
        return fill(QCoreApplication.translate("Deadline", "in %1"), time_left(left))
    late = _hours_minutes(max(1, math.ceil(-seconds / 60)))
    return fill(QCoreApplication.translate("Deadline", "late %1"), late)


def _hours_minutes(minutes: int) -> str:
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}"


def deadline_text(due: datetime | None, level: Urgency | None, now: datetime) -> str:
    """An order's deadline: the countdown when it is due today or late, else its day and time."""
    if due is None:
        return "—"
    if level is not None and level.counts_down:
        return countdown(due - now)
    return local_day_time(due)


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
