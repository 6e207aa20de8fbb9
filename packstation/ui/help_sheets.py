"""Help → printable sheets: write the PDF off the GUI thread, open it, and say where it is."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl

from packstation.ui.message_bar import MessageBar


async def save_and_open(
    write: Callable[[Path], None], out: Path, messages: MessageBar, open_url: Callable[[QUrl], bool]
) -> None:
    """Write the sheet to `out` (in a worker thread), then open it in the PDF viewer."""
    try:
        await asyncio.to_thread(write, out)
    except OSError as exc:
        text = QCoreApplication.translate("HelpSheets", "Could not save the demo sheet to {path}: {reason}")
        messages.show_error(text.format(path=out, reason=exc.strerror or exc))
        return
    saved = QCoreApplication.translate("HelpSheets", "Demo sheet saved to {path}: print it and scan from it.")
    messages.show_info(saved.format(path=out))
    open_url(QUrl.fromLocalFile(str(out)))
