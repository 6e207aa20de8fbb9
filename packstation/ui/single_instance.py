"""The running window is raised when a second Packstation is started on the same data dir.

The file lock (`storage.instance_lock`) decides who runs; this only carries the "show yourself"
request from the refused instance to the running one over a `QLocalServer` whose name is derived
from the data dir (a Unix socket or a Windows named pipe, per user).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox

_log = logging.getLogger("packstation.ui")
_ACTIVATE = b"activate\n"
_WAIT_MS = 1000


def server_name(data_dir: Path) -> str:
    """A short name unique per user and data dir (Unix socket paths are limited to ~100 bytes)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = ""
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:16]
    return f"packstation-{digest}"


class InstanceServer(QObject):
    """Listens for a second instance and calls `on_activate` when one asks the window to show.

    Only the process holding the data dir's lock creates it, so a socket left by a crashed
    instance is removed safely before listening.
    """

    def __init__(self, data_dir: Path, on_activate: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._on_activate = on_activate
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        QLocalServer.removeServer(name)
        if not self._server.listen(name):  # raising the window is a nicety: never stop the app
            _log.warning("single-instance server not listening: %s", self._server.errorString())
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_ACTIVATE.strip()):
            _log.info("a second start on this data dir was refused; raising the window")
            self._on_activate()

    def close(self) -> None:
        self._server.close()


def ask_running_instance_to_show(data_dir: Path) -> bool:
    """From the refused instance: ask the running one to raise its window; True if it heard."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(_WAIT_MS):
        return False
    socket.write(_ACTIVATE)
    sent = socket.waitForBytesWritten(_WAIT_MS)
    socket.disconnectFromServer()
    return sent


def refusal_box(text: str, details: str = "") -> QMessageBox:
    """The message a refused GUI start shows when the running window could not be raised (it
    does not answer): otherwise a click on the icon would seem to do nothing."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Packstation", text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setInformativeText(details)
    return box
