"""`run(args)`: the process from the command line to the loop's end (issue 19: the first frame).

The window with the kept orders goes up before the shell module loads: this module needs only
`prepare_first`, the instance lock, Qt and the first frame; the validated settings, the Market
connection, the shell with its services and qasync load behind it. See `shell` for the order of
things after that.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from packstation import APP_NAME, __version__
from packstation.app.first_frame import frame_basis, show_first_frame
from packstation.app.prepare import FirstRuntime, prepare, prepare_first, seconds_since_start
from packstation.catalogue import both_languages
from packstation.domain.errors import PackstationError
from packstation.logs import shutdown_logging
from packstation.storage.instance_lock import AlreadyRunningError, InstanceLock, acquire_instance_lock
from packstation.ui.i18n import Translations, say

if TYPE_CHECKING:
    import asyncio

_log = logging.getLogger("packstation.ui")
EXIT_ALREADY_RUNNING = 3


def _route_signals(on_signal: Callable[[], None]) -> Callable[[], None]:
    """Deliver SIGINT/SIGTERM into the Qt loop; returns a function that restores the old state.

    Python runs signal handlers only when the interpreter gets control, which a blocked Qt event
    loop never gives it: the wake-up fd makes a socket notifier fire, which runs Python code.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_: _drain(reader))
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    signals = [signal.SIGINT] + ([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])
    previous = {sig: signal.signal(sig, lambda *_: on_signal()) for sig in signals}

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        reader.close()
        writer.close()

    return restore


def _drain(reader: socket.socket) -> None:
    with contextlib.suppress(OSError):
        reader.recv(512)


def _no_display_reason(smoke: bool) -> str | None:
    """On Linux without a display: use offscreen for the smoke check, else explain and stop.

    Qt aborts the whole process when it finds no display, with a misleading message.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if smoke:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    return (
        "Нет графического дисплея (DISPLAY не задан). / No graphical display (DISPLAY is not set): "
        "run Packstation in a desktop session, or use `xvfb-run packstation` / `packstation --smoke`."
    )


def run(args: argparse.Namespace) -> int:
    """Run the GUI (or the smoke check); returns the process exit code (3: another Packstation
    runs on this data dir)."""
    reason = _no_display_reason(bool(args.smoke or args.screenshot))
    if reason is not None:
        print(f"packstation: {reason}", file=sys.stderr)
        return 2
    early = prepare_first(args)  # the settings models load after the first frame (issue 19)
    try:
        lock: InstanceLock | None = acquire_instance_lock(early.data_dir.path)
    except AlreadyRunningError as err:
        return _refuse_second_instance(early, err, gui=not (args.smoke or args.screenshot))
    except OSError as err:  # the data dir was probed writable; a lock it cannot hold is logged
        _log.warning("could not lock the data dir: %s", err)
        lock = None
    try:
        return _run_locked(args, early)
    finally:
        if lock is not None:
            lock.release()


def _refuse_second_instance(runtime: FirstRuntime, err: AlreadyRunningError, *, gui: bool) -> int:
    """Tell the running instance to show its window, and say why this one stops (a GUI start
    whose running window does not answer also says it in a message box)."""
    from packstation.ui.single_instance import ask_running_instance_to_show, refusal_box

    _log.warning("refused: another instance holds the data dir %s", runtime.data_dir.path)
    raised = ask_running_instance_to_show(runtime.data_dir.path)
    print("\n".join(f"packstation: {line}" for line in both_languages(err).splitlines()), file=sys.stderr)
    if raised:
        print(
            "packstation: окно Packstation выведено на передний план / the running window was raised",
            file=sys.stderr,
        )
    elif gui:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        Translations(app).apply(runtime.settings.language)
        refusal_box(say(err.text), say(err.hint) if err.hint is not None else "").exec()
        del app
    shutdown_logging()
    return EXIT_ALREADY_RUNNING


def _run_locked(args: argparse.Namespace, early: FirstRuntime) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    translations = Translations(app)
    translations.apply(early.settings.language)
    # The window with the kept orders first; the rest loads behind it (issue 19).
    first = show_first_frame(early, app)
    if args.smoke:
        print(f"first frame: {first.kept} kept orders shown in {seconds_since_start():.2f} s", flush=True)
    gc.enable()  # paused for start-up by the command line (`cli.main`)
    runtime = prepare(args, early)  # the validated settings (a damaged file: backup + message)
    if frame_basis(runtime) != frame_basis(early):
        # The quick read disagreed with the validated settings: the frame is built again from them.
        _log.info("first frame rebuilt from the validated settings")
        first.window.hide()
        first.window.deleteLater()
        translations.apply(runtime.settings.language)
        first = show_first_frame(runtime, app)
    import asyncio

    import qasync

    from packstation.app.shell import Shell
    from packstation.app.wiring import build_services, connect_market

    try:
        market = connect_market(runtime)
    except PackstationError as err:
        print(f"packstation: {say(err)}", file=sys.stderr)
        return 2
    shell = Shell(runtime, build_services(runtime, market, first), translations, first)
    from packstation.ui.single_instance import InstanceServer

    InstanceServer(runtime.data_dir.path, shell.bring_to_front, parent=shell)
    shell.crash.install()
    shell.packing.install(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    restore_signals = _route_signals(shell.request_quit)
    outcome: dict[str, int] = {}

    def start() -> None:
        task = loop.create_task(shell.main(smoke=args.smoke, screenshot=args.screenshot))
        task.add_done_callback(lambda done: _finish(done, outcome, loop))

    try:
        with loop:
            QTimer.singleShot(0, start)
            loop.run_forever()
    finally:
        restore_signals()
        shell.crash.uninstall()
        shutdown_logging()
    return outcome.get("code", 1)


def _finish(task: asyncio.Task[int], outcome: dict[str, int], loop: asyncio.AbstractEventLoop) -> None:
    if task.cancelled():
        outcome["code"] = 1
    elif task.exception() is not None:
        error = task.exception()
        print(f"packstation: {type(error).__name__}: {error}", file=sys.stderr)
        outcome["code"] = 1
    else:
        outcome["code"] = task.result()
    loop.stop()
