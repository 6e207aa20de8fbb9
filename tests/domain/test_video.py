"""Packing video rules: retention by age and disk budget, claims protected, the order marker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from packstation.domain.video import Clip, Retention, clips_to_delete, marker_bits, read_marker

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
MB = 1024**2


def _clip(clip_id: int, order_id: int, days_ago: float, size_mb: int, *, done: bool = True) -> Clip:
    start = NOW - timedelta(days=days_ago)
    return Clip(
        clip_id, order_id, f"video/{order_id}/{clip_id}.mp4", start, start if done else None, size_mb * MB
    )


def test_old_clips_go_and_the_oldest_go_first_beyond_the_budget() -> None:
    clips = [_clip(1, 10, 40, 5), _clip(2, 11, 20, 50), _clip(3, 12, 10, 50), _clip(4, 13, 1, 50)]
    doomed = clips_to_delete(clips, NOW, Retention(keep_days=30, budget_bytes=120 * MB), ())
    assert [c.id for c in doomed] == [1, 2]  # 1 is too old; 2 is the oldest beyond 120 MB
    assert clips_to_delete(clips, NOW, Retention(keep_days=60, budget_bytes=10**12), ()) == ()


def test_clips_of_claimed_orders_and_unfinished_clips_are_never_deleted() -> None:
    clips = [_clip(1, 10, 400, 50), _clip(2, 11, 300, 50), _clip(3, 12, 200, 50, done=False)]
    doomed = clips_to_delete(clips, NOW, Retention(keep_days=30, budget_bytes=0), protected_orders={10})
    assert [c.id for c in doomed] == [2]


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_the_marker_round_trips_an_order_number(order_id: int) -> None:
    assert read_marker(marker_bits(order_id)) == order_id
