"""The UI's colours, named by what they say (one place; views never write hex literals).

Colour is always a second channel next to words or icons: the packer reads the screen from a
step away, and not everyone tells red from green.
"""

from __future__ import annotations

from typing import Final

from packstation.domain.deadline import Urgency

# State colours (banners, feedback lines, code badges).
BLUE: Final = "#0d6efd"  # working: packing in progress
GREEN: Final = "#198754"  # done, accepted
AMBER: Final = "#b58100"  # waiting, soon due
RED: Final = "#dc3545"  # refused, late, stopped
GREY: Final = "#6c757d"  # nothing to say yet
PURPLE: Final = "#6f42c1"  # demo mode

# Text on light backgrounds (dialogs, forms).
ERROR_TEXT: Final = "#b02a37"
FORM_ERROR: Final = "#b00020"  # the office's forms and panels
OK_TEXT: Final = "#146c43"

# Connection indicator backgrounds.
ONLINE_BG: Final = "#1e7e34"
OFFLINE_BG: Final = ERROR_TEXT
RATE_LIMITED_BG: Final = "#b36b00"

# The order list.
LATE: Final = "#c62828"
SOON: Final = RATE_LIMITED_BG
EXPRESS: Final = "#d35400"
IN_PROGRESS: Final = "#f0a000"
ELSEWHERE: Final = "#6a5acd"  # fleet: packed at another desk

# Deadlines (order list, packing header): one colour per urgency; None keeps the text colour.
URGENCY: Final[dict[Urgency, str | None]] = {
    Urgency.LATE: LATE,
    Urgency.SOON: SOON,
    Urgency.TODAY: OK_TEXT,
    Urgency.LATER: None,
    Urgency.PACKED: GREY,
}

# Row backgrounds of the packing lists.
DONE_BG: Final = "#d4edda"
PARTIAL_BG: Final = "#fff3cd"
PART_BOX_BG: Final = "#e2e3f5"
CURRENT_BG: Final = "#cfe2ff"
BAD_BG: Final = "#f8d7da"

# Notices: (background, text, border).
NOTICE_TEXT: Final = "#664d03"  # on PARTIAL_BG: labels out of date
ERROR_NOTICE: Final = ("#fde2e1", "#8a1c14", "#e0a19c")
WARNING_NOTICE: Final = ("#fff4d6", "#6b4a00", "#e6cf8a")
INFO_NOTICE: Final = ("#e3f0ff", "#123d6b", "#a7c6ea")
