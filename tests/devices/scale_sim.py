"""A desk scale behind a pseudo-terminal, reached through a stable symlink like /dev/serial/by-id/…

It can stream lines (continuous scales), answer Massa-K Protocol 100 requests, send HID POS
reports, and be unplugged and plugged in again.
"""

from __future__ import annotations

import contextlib
import os
import pty
import tty
from pathlib import Path

from packstation.devices.scale_protocols import MASSA_K_HEADER, massa_k_frame


class PtyScale:
    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = -1
        self.slave = -1
        self.requests = b""
        self.answer: bytes | None = None  # what to send for each request (None: stay silent)

    def plug(self) -> None:
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)  # HID reports hold ^C/^D bytes: no line discipline in the way
        os.set_blocking(self.master, False)
        if self.link.is_symlink():
            self.link.unlink()
        self.link.symlink_to(os.ttyname(self.slave))

    @property
    def plugged(self) -> bool:
        return self.link.is_symlink()

    def unplug(self) -> None:
        os.close(self.slave)
        os.close(self.master)
        self.link.unlink()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def serve(self) -> int:
        """Answer the Massa-K requests that arrived; returns how many were answered."""
        with contextlib.suppress(BlockingIOError, OSError):
            self.requests += os.read(self.master, 4096)
        request = massa_k_frame(0x23)
        answered = 0
        while request in self.requests:
            self.requests = self.requests.replace(request, b"", 1)
            if self.answer is not None:
                self.send(self.answer)
                answered += 1
        if MASSA_K_HEADER not in self.requests:
            self.requests = b""
        return answered
