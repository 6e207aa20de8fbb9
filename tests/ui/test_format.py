"""The one countdown format (`ui.format.countdown`, `time_left`) and deadline texts, in English
and Russian. The rule at every boundary: never more time than is left."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from packstation.domain.deadline import Urgency
from packstation.ui.format import countdown, deadline_text, local_day_time, time_left
from packstation.ui.i18n import Translations

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_countdown_counts_hours_and_minutes_left_or_late(qapp: QApplication) -> None:
    assert countdown(timedelta(minutes=23, seconds=59)) == "in 0:23"  # never more than is left
    assert countdown(timedelta(hours=2, minutes=5)) == "in 2:05"
    assert countdown(timedelta(seconds=30)) == "in 0:00"
    assert countdown(timedelta(0)) == "late 0:01"  # late from the first second
    assert countdown(timedelta(minutes=-5)) == "late 0:05"
    assert countdown(timedelta(minutes=-4, seconds=-10)) == "late 0:05"
    assert countdown(timedelta(hours=-26, minutes=-10)) == "late 26:10"  # yesterday's order


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (61, "in 0:01"),
        (60, "in 0:01"),
        (59, "in 0:00"),  # less than a minute left: no minute promised
        (1, "in 0:00"),
        (0, "late 0:01"),
        (-1, "late 0:01"),
        (-59, "late 0:01"),
        (-60, "late 0:01"),
        (-61, "late 0:02"),
        (3599, "in 0:59"),
        (3600, "in 1:00"),
    ],
)
def test_countdown_at_the_minute_boundaries(qapp: QApplication, seconds: int, text: str) -> None:
    assert countdown(timedelta(seconds=seconds)) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(3600, "1:00"), (3599, "0:59"), (61, "0:01"), (60, "0:01"), (59, "0:00"), (0, "0:00"), (-30, "0:00")],
)
def test_time_left_rounds_down_and_stops_at_zero(seconds: int, text: str) -> None:
    # A LaaS draft's "confirm within 0:59": a draft one second old has 59:59 left, not an hour.
    assert time_left(timedelta(seconds=seconds)) == text


def test_deadline_text_counts_down_only_when_it_matters(qapp: QApplication) -> None:
    due = NOW + timedelta(minutes=23)
    assert deadline_text(due, Urgency.SOON, NOW) == "in 0:23"
    assert deadline_text(due, Urgency.TODAY, NOW) == "in 0:23"
    assert deadline_text(NOW - timedelta(hours=1, minutes=30), Urgency.LATE, NOW) == "late 1:30"
    later = NOW + timedelta(days=1)
    assert deadline_text(later, Urgency.LATER, NOW) == local_day_time(later)  # a date and a time
    assert deadline_text(due, Urgency.PACKED, NOW) == local_day_time(due)
    assert deadline_text(None, None, NOW) == "—"


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    assert translations.apply("ru")
    yield translations
    translations.apply("en")


def test_russian_countdown(russian: Translations) -> None:
    assert countdown(timedelta(minutes=23)) == "через 0:23"
    assert countdown(timedelta(minutes=-5)) == "просрочено 0:05"
