"""The packing screen: one order, its lines on the left, its boxes on the right.

`PackingView` shows a `PackingSession` and forwards the packer's actions to it; it keeps no
packing state (everything is redrawn from `session.snapshot`). Scans go through the desk
(`PackingDesk.handle_scan`, connected to the scanner filter's `scanned(str)`), which lets
`ScanRouter` classify, route and apply them once; the view shows the outcome at once: a
coloured line saying what happened plus a sound. Market steps (submit, cancel,
courier code, reprint) run as tracked tasks; their failures stay on screen, nothing is lost.

Pages (`pages`): the workspace; "stop, put the items back" when the order was cancelled or
changed underneath; the Express courier hand-over. `PackingDesk` wires views into the
`MainWindow` (open an order, follow its fresh copies from the order queue, go back).

The next order's view is built ahead (issue 19: building one took 20-44 ms of the GUI thread
when the order opened): while the station is idle the desk builds a skeleton
(`PackingView.skeleton`: the widgets, nothing of an order), a part per loop turn, and stages it
hidden in the window's page stack, polished and laid out; opening an order `bind`s it to the
order's session and shows it. A view is still bound once, to one order, and thrown away with
it; a spare built from what no longer holds (the language, the desk's inputs) is thrown away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine, Generator, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import datetime, time
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.courier_handover import HandoverKind, HandoverOutcome
from packstation.domain.deadline import DEFAULT_CUTOFF, deadline, urgency
from packstation.domain.errors import PackstationError
from packstation.domain.order import BuyerType, Order, Program, RequiredCode
from packstation.domain.packing.errors import PackingError, PackingScanError, Reason, box_no
from packstation.domain.scan import ScanKind, ScanResult
from packstation.domain.time import utc_now
from packstation.services.packing import (
    PackingSession,
    Phase,
    ScanAction,
    ScanOutcome,
    SessionSnapshot,
)
from packstation.services.packing.next_step import NextStep, Step, Tone, next_step
from packstation.services.packing.shortening import is_shorten_refusal
from packstation.services.scan_router import (
    Applied,
    CourierCode,
    OpenOrder,
    Refuse,
    Reprint,
    ReprintLabels,
    ScanDecision,
    ScanRouter,
    SessionRefused,
    ShowOrders,
)
from packstation.services.weak_calls import weakly
from packstation.ui import palette
from packstation.ui.boxes_tree import BoxesTree
from packstation.ui.flat_scroll_bar import flatten_bars
from packstation.ui.format import countdown, fill, key_name, local_day_time, local_time
from packstation.ui.handover_page import HandoverPage
from packstation.ui.i18n import say
from packstation.ui.label_change_panel import LabelChangePanel
from packstation.ui.packing_dialogs import (
    CancelOrderDialog,
    CountryDialog,
    ShortenDialog,
    SplitDialog,
)
from packstation.ui.packing_models import BoxesModel, LinesModel
from packstation.ui.plain_text import plain_label
from packstation.ui.row_delegate import RowDelegate, RowLook
from packstation.ui.row_pictures import RowPictures
from packstation.ui.shorten_notice import ShortenNotice
from packstation.ui.solid_button import solid_button
from packstation.ui.sounds import Sounds
from packstation.ui.status_line import StatusLine
from packstation.ui.wrapping_list import WrappingListView

_log = logging.getLogger("packstation.ui")

# State colours: the packer reads the screen from a step away.
BLUE, GREEN, AMBER, RED, GREY = palette.BLUE, palette.GREEN, palette.AMBER, palette.RED, palette.GREY
_TONE_COLOURS = {Tone.GO: GREEN, Tone.WORK: BLUE, Tone.WAIT: AMBER, Tone.STOP: RED, Tone.OFF: GREY}


PictureLoader = Callable[[str], Awaitable[bytes | None]]
"""Fetches a product picture by URL; None when it is unavailable (never raises)."""
PICTURE_SIZE = 64
PREPARE_AFTER_MS = 30
"""The next scans' rows are prepared (`PackingView.prepare_scans`) this long after the view is
shown: after its first frame, which then has nothing else to do (Qt delivers a zero-delay timer
before the paint it has posted; issue 19), and long before the packer scans the first item."""
PREPARE_AFTER_CHANGE_MS = 60
"""... and again this long after every change (a scan, an undo, a drop) with no other change
meanwhile: a packer's next scan comes hundreds of ms later, and a burst of changes (scans typed
back to back by a test or a replay) prepares once, after it."""


class ClaimGateLike(Protocol):
    """In a fleet of desks: claims an order for this desk before it opens (`ui.fleet_gate`)."""

    def passes(self, order_id: int) -> bool: ...

    def request(self, order_id: int, open_again: Callable[[int], object]) -> None: ...


class TaskRunnerLike(Protocol):
    """What the view needs from `ui.tasks.TaskRunner`."""

    def run(
        self, coro: Coroutine[Any, Any, Any], *, trigger: Any = None, name: str | None = None
    ) -> asyncio.Task[Any]: ...


def picture_image(data: bytes) -> QImage | None:
    """A product picture decoded and scaled to the lines' icon size (None: not an image); a QImage,
    so any thread may make it."""
    image = QImage()
    if not image.loadFromData(data):
        return None
    return image.scaled(
        PICTURE_SIZE,
        PICTURE_SIZE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class PackingView(QWidget):
    """The packing workspace for one session.

    Args:
        session: the order's packing session; None: a skeleton, the widgets with nothing of an
            order in them, built ahead while the station is idle; `bind` gives it its one
            session when the order opens (issue 19: opening an order built the whole screen,
            20-44 ms without a frame).
        tasks: runs Market steps as tracked tasks (`ui.tasks.TaskRunner`).
        sounds: feedback sounds (silent ones when None).
        clock: the current time (the deadline countdown).
        cutoff: the store's shipment time for orders without the Market's `shipmentTime`.
        load_picture: fetches the lines' product pictures (None: none shown).
        apply_scan: hands a scan the packer completed here (a GTD with its country of origin) to
            the desk's scan path (`PackingDesk.apply_scan`); None: to the session directly.
        stepwise: (a skeleton only) build the top widget now and the rest part by part
            (`build_step`), each in its own loop turn.

    Scans reach the session through the desk (`PackingDesk.handle_scan`); the view only shows
    their outcomes (`show_applied`, `show_refused`, `handover`).

    Signals:
        back_requested(): the packer wants the order list.
        finished(int): the order left the desk (done, cancelled or interrupted) — order id.
        history_requested(int): the packer asked for this order's history (order id).
    """

    back_requested = Signal()
    finished = Signal(int)
    history_requested = Signal(int)
    outdated = Signal()
    """An unbound skeleton no longer matches what a view built now would show (the language
    changed): the desk throws it away."""

    # Set by `bind` (a skeleton has no session yet).
    session: PackingSession
    lines_model: LinesModel
    boxes_model: BoxesModel

    def __init__(
        self,
        session: PackingSession | None,
        tasks: TaskRunnerLike,
        *,
        sounds: Sounds | None = None,
        clock: Callable[[], datetime] = utc_now,
        cutoff: Callable[[], time] = lambda: DEFAULT_CUTOFF,
        load_picture: PictureLoader | None = None,
        apply_scan: Callable[[ScanResult], None] | None = None,
        parent: QWidget | None = None,
        stepwise: bool = False,
    ) -> None:
        super().__init__(parent)
        if stepwise and session is not None:
            raise ValueError("a view is built stepwise as a skeleton only")
        self._apply_scan = apply_scan or weakly(self._scan_directly)  # weakly: no cycle
        self.setObjectName("packingView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tasks = tasks
        self.sounds = sounds or Sounds(self, enabled=False)
        self.clock = clock
        self.cutoff = cutoff
        self._load_picture = load_picture  # by `bind`, for each order's pictures
        self._bound = False
        self._texts_stale = False  # the language changed since its texts were translated
        self.built_from: tuple[object, ...] = ()  # the desk's inputs it was built from (set by the desk)
        self._device_panels: list[QWidget] = []  # the desk devices' strips of this order
        self._unsubscribe: Callable[[], None] = _nothing
        self._phase = Phase.PACKING
        self._feedback_error = False
        self._feedback_set = False  # a scan set the feedback (`feedback_first` paints it then)
        self._error_shown: object = None  # the session's last error, once shown (`show_snapshot`)
        self._header: tuple[Program, BuyerType] | None = None  # the program and buyer shown
        self._pack_texts: dict[tuple[int, int], str] = {}  # the packing banner per (done, total)
        self._shown_change: object = _NONE_SHOWN  # the label change shown (not self: a cycle)
        self._shown_notice: str | None = None
        self._prepared = False  # the next scans' rows prepared once shown (`prepare_scans`)
        self._preparing: Iterator[None] | None = None  # the preparation under way, a step a turn
        self._last_barcode: str | None = None  # the item scanned last: its line prepared first
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_step)
        # The feedback of the usual scans, translated once (a translation costs µs; issue 19).
        self._into_box = self.tr("%1 → box %2")
        self._command_done = self.tr("command %1")
        self._last_country = ""

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._steps: Generator[None] | None = self._build()
        if stepwise:
            return
        self.build_all()
        if session is not None:
            self.bind(session)

    def _build(self) -> Generator[None]:
        """The widgets, built in parts: between two, a stepwise skeleton lets the loop run."""
        self._build_header()
        yield
        yield from self._build_workspace()
        yield
        self._build_actions()
        yield
        self.interrupt_page = self._build_interrupt_page()
        self.courier = HandoverPage(self)
        self.courier.submitted.connect(self.handover)
        yield
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.workspace)
        self.pages.addWidget(self.interrupt_page)
        self.pages.addWidget(self.courier)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.header)
        layout.addWidget(self.state_banner)
        self.label_change = LabelChangePanel(self)
        layout.addWidget(self.label_change)
        layout.addWidget(self.pages, 1)

    def build_step(self) -> bool:
        """Build the next part of a stepwise skeleton's widgets; False once all are built."""
        if self._steps is None:
            return False
        if next(self._steps, _BUILT) is _BUILT:
            self._steps = None  # a finished generator: nothing of it left holding the view
            return False
        return True

    def build_all(self) -> None:
        """Build whatever parts of the widgets are not built yet."""
        while self.build_step():
            pass

    @property
    def bound(self) -> bool:
        """Whether the view shows its session (a skeleton: not yet)."""
        return self._bound

    def bind(self, session: PackingSession) -> None:
        """Show `session` from now on: its models, header, state and pictures. A view shows one
        order at a time; `unbind` makes it ready for the next one (see there)."""
        if self._bound:
            raise RuntimeError("a packing view shows one session at a time")
        self.build_all()
        self._bound = True
        self.session = session
        self._phase = session.phase
        # The last order's models (a rebound view), deleted once replaced; with each its
        # selection model (Qt deletes a view's selection model with its model).
        previous = [model for model in (self.lines.model(), self.boxes.model()) if model is not None]
        self.lines_model = LinesModel(session, self)
        self.boxes_model = BoxesModel(session, self)
        self.lines_model.refused.connect(self._on_refused)
        self.boxes_model.refused.connect(self._on_refused)
        self.lines.setModel(self.lines_model)
        self.boxes.setModel(self.boxes_model)
        for model in previous:
            model.deleteLater()
        self.boxes_model.modelReset.connect(self.boxes.expandAll)
        self.boxes.expandAll()
        self.title.setText(fill(self.tr("Order %1"), str(session.order.id)))
        self._timer.start()
        self._unsubscribe = session.subscribe(self._on_snapshot)
        self.show_snapshot(session.snapshot)
        self._tick()
        if self.isVisible() and not self._prepared:  # shown already: rebound (no show event)
            self._prepared = True
            self._prepare_later(PREPARE_AFTER_MS)
        if self._load_picture is not None:
            self._load_pictures(self._load_picture)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.LanguageChange:
            self._texts_stale = True  # its texts were translated when it was built
            if not self._bound:
                self.outdated.emit()

    def _load_pictures(self, load: PictureLoader) -> None:
        urls = dict.fromkeys(line.picture_url for line in self.session.order.lines if line.picture_url)
        for url in urls:
            if url is not None:
                self._run(self._show_picture(load, url), None, "picture")

    async def _show_picture(self, load: PictureLoader, url: str) -> None:
        data = await load(url)
        if not data:
            return
        # Decoding and scaling a catalogue photo takes milliseconds to tens of them: a worker
        # thread does it on a QImage (issue 19); only the small result becomes a pixmap here.
        image = await asyncio.to_thread(picture_image, data)
        if image is not None:
            self.lines_model.set_picture(url, QPixmap.fromImage(image))

    # -- building ----------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.title = plain_label(parent=self)  # the order's number: `bind`
        self.title.setObjectName("orderTitle")
        _set_font(self.title, point_size=20, bold=True)
        self.program = plain_label(parent=self)
        self.program.setObjectName("program")
        self.buyer = plain_label(parent=self)
        self.buyer.setObjectName("buyerType")
        self.deadline = plain_label(parent=self)
        self.deadline.setObjectName("deadline")
        _set_font(self.deadline, point_size=16, bold=True)
        self.back_button = QPushButton(self.tr("← Orders"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.setToolTip(self.tr("Back to the order list; the work is kept (Esc)"))
        back = QAction(self.tr("Orders"), self)
        back.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(self.back_requested)
        self.addAction(back)
        self.header = QHBoxLayout()
        self.header.addWidget(self.back_button)
        self.header.addWidget(self.title)
        self.header.addWidget(self.program)
        self.header.addWidget(self.buyer)
        self.header.addStretch(1)
        self.header.addWidget(self.deadline)
        history = QAction(self.tr("History"), self)
        history.setShortcut(QKeySequence("Ctrl+H"))
        history.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        history.triggered.connect(lambda: self.history_requested.emit(self.session.order.id))
        self.addAction(history)
        self.history_button = QPushButton(self.tr("History"), self)
        self.history_button.setObjectName("historyButton")
        self.history_button.setToolTip(self.tr("What this station recorded about the order (Ctrl+H)"))
        self.history_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter from a scanner must not press it
        self.history_button.clicked.connect(history.trigger)
        self.header.addWidget(self.history_button)
        self.state_banner = StatusLine(self, point_size=18, padding=(14, 10), radius=6)
        self.state_banner.setObjectName("stateBanner")

    def _build_workspace(self) -> Iterator[None]:
        self.workspace = QWidget(self)
        self.feedback = StatusLine(self.workspace, point_size=15)
        self.feedback.setObjectName("feedback")
        self.notice = plain_label(parent=self.workspace)
        self.notice.setObjectName("staleNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            f"QLabel#staleNotice {{background:{palette.PARTIAL_BG}; color:{palette.NOTICE_TEXT};"
            " padding:6px; border-radius:4px;}"
        )
        self.shorten_notice = ShortenNotice(self.workspace)
        self.shorten_notice.cancel_requested.connect(self.ask_cancel)
        self.shorten_notice.check_requested.connect(self.refresh_order)
        yield
        self.lines = WrappingListView(self.workspace)
        self.lines.setObjectName("linesView")
        self.lines.setSpacing(2)
        self.lines.setAlternatingRowColors(False)
        self.boxes = BoxesTree(self.workspace)
        self.boxes.setObjectName("boxesView")
        self.boxes.setHeaderHidden(True)
        self.boxes.setUniformRowHeights(True)  # one-line rows: no row is measured on a scan
        # Its rows are elided to its width: a horizontal bar would only ever show while the
        # view is laid out, and its show and hide relay out every row (issue 19).
        self.boxes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for view in (self.lines, self.boxes):
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.CopyAction)
            flatten_bars(view)  # painted alone in ~0.1 ms; Fusion's, with what lies under it, 0.5-1 ms
            # A font, not a style sheet: the style sheet style paints every row slower (issue 19).
            _set_font(view, point_size=12)
        self.boxes.setItemDelegate(RowPictures(self.boxes))
        # The scroll bar is always there (flat, it costs ~0.1 ms in a paint): when rows first
        # overflow, a scroll bar that came then narrowed every row (each elided again, the tree
        # laid out and painted anew: 2-4 ms in that scan) and the rows jumped sideways.
        self.boxes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.drag_units = QSpinBox(self.workspace)
        self.drag_units.setObjectName("dragUnits")
        self.drag_units.setRange(0, 999)
        self.drag_units.setSpecialValueText(self.tr("Units per drag: all"))
        self.drag_units.setPrefix(self.tr("Units per drag: "))
        self.drag_units.setMinimumWidth(260)
        self.drag_units.valueChanged.connect(self._set_drag_units)
        yield
        left = QWidget(self.workspace)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Items"), left))
        left_layout.addWidget(self.lines, 1)
        drag_row = QHBoxLayout()
        drag_row.addWidget(self.drag_units)
        drag_row.addStretch(1)
        left_layout.addLayout(drag_row)
        right = QWidget(self.workspace)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Boxes"), right))
        right_layout.addWidget(self.boxes, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self.workspace)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 480])
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.feedback)
        layout.addWidget(self.notice)
        layout.addWidget(self.shorten_notice)
        layout.addWidget(splitter, 1)
        layout.addLayout(self.buttons)

    def _action(self, text: str, shortcut: str, slot: Callable[[], Any], name: str) -> QPushButton:
        action = QAction(text, self)
        # Ctrl+Return also answers to the keypad's Enter: the packer reads "Ctrl+Enter" on the button.
        keys = [QKeySequence(shortcut)]
        if "Return" in shortcut:
            keys.append(QKeySequence(shortcut.replace("Return", "Enter")))
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        keys_text = key_name(shortcut)
        # The shortcut visible, the row still narrow; solid: enabling one repaints it alone.
        button = solid_button(f"{text}\n{keys_text}", self)
        button.setToolTip(f"{text} ({keys_text})")
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter from a scanner must not press it
        button.setMinimumHeight(48)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def _build_actions(self) -> None:
        act = self._action
        self.new_box_button = act(self.tr("New box"), "Ctrl+B", self.new_box, "newBox")
        self.close_box_button = act(self.tr("Close box"), "Ctrl+Shift+B", self.close_box, "closeBox")
        self.split_button = act(self.tr("Split…"), "Ctrl+D", self.ask_split, "split")
        self.undo_button = act(self.tr("Undo"), "Ctrl+Z", self.undo, "undo")
        self.buttons.addStretch(1)
        self.shorten_button = act(self.tr("Shorten…"), "Ctrl+Shift+S", self.ask_shorten, "shorten")
        self.cancel_button = act(self.tr("Cancel order…"), "Ctrl+Shift+X", self.ask_cancel, "cancelOrder")
        self.reprint_button = act(self.tr("Reprint labels"), "Ctrl+P", self.reprint, "reprint")
        self.check_button = act(self.tr("Check codes"), "Ctrl+R", self.check_codes, "checkCodes")
        self.resume_button = act(self.tr("Edit again"), "Ctrl+E", self.resume_packing, "resumePacking")
        self.submit_button = act(self.tr("Submit"), "Ctrl+Return", self.submit, "submit")
        _set_font(self.submit_button, bold=True)

    def _build_interrupt_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("interruptPage")
        page.setStyleSheet(f"QWidget#interruptPage {{background:{RED};}} QLabel {{color:white;}}")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        title = QLabel(self.tr("STOP — put the items back"), page)
        title.setStyleSheet("font-size:32pt; font-weight:bold;")
        self.interrupt_reason = plain_label(parent=page)
        self.interrupt_reason.setObjectName("interruptReason")
        self.interrupt_reason.setWordWrap(True)
        self.interrupt_reason.setStyleSheet("font-size:16pt;")
        back = QPushButton(self.tr("Back to orders"), page)
        back.setObjectName("interruptBack")
        back.setMinimumHeight(48)
        back.clicked.connect(self.back_requested)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.interrupt_reason, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    # -- rendering ---------------------------------------------------------------------------------

    def _on_snapshot(self, snapshot: SessionSnapshot) -> None:
        previous, self._phase = self._phase, snapshot.phase
        if previous != snapshot.phase:
            if snapshot.phase is Phase.DONE:
                self.sounds.complete()
            elif snapshot.phase is Phase.INTERRUPTED:
                self.sounds.error()
            if snapshot.phase in (Phase.DONE, Phase.CANCELLED, Phase.INTERRUPTED):
                self.finished.emit(snapshot.order.id)
        self.show_snapshot(snapshot)
        # Boxes rows the change inserted or removed are laid out now, not when Qt's delayed
        # layout runs after the paint: the rows they move are then painted with the rest of
        # the change (the first scan's new box in its own frame, not in the next one).
        self.boxes.executeDelayedItemsLayout()
        if self._prepared:  # shown: the scans after this change, once the packer pauses
            self._prepare_later(PREPARE_AFTER_CHANGE_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once bound and laid out (the loop's next turn), before the packer scans.
        if self._bound and not self._prepared:
            self._prepared = True
            self._prepare_later(PREPARE_AFTER_MS)

    def _prepare_later(self, delay_ms: int) -> None:
        """Prepare the next scans in `delay_ms`; a preparation under way was for an older state."""
        self._preparing = None
        self._prepare_timer.start(delay_ms)

    def _prepare_step(self) -> None:
        """One step of the preparation, the next in the loop's next turn: a scan arriving
        meanwhile waits for one line's rows at most."""
        if self._preparing is None:
            self._preparing = self._preparations()
        if next(self._preparing, _BUILT) is _BUILT:
            self._preparing = None
        else:
            self._prepare_timer.start(0)

    def paint_rows_ahead(self) -> None:
        """Lay out and draw a row of each kind of both lists once, into an image nobody sees: the
        first order's rows were the first texts in the lists' fonts (their font engines, shaping
        and glyphs set up then, in the first opening; issue 19). A skeleton has no rows, so
        `paint_ahead` drew none."""
        kinds = (
            (self.lines, ((False, False),)),  # order lines
            (self.boxes, ((True, False), (False, False), (False, True))),  # boxes, entries, "new box"
        )
        image = QImage(400, 64, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            for view, styles in kinds:
                delegate = view.itemDelegate()
                if not isinstance(delegate, RowDelegate):
                    continue
                for bold, italic in styles:
                    look = RowLook(_SAMPLE_ROW, bold=bold, italic=italic)
                    delegate.prepare(look, view.font(), image.width())
                    delegate.paint_row(painter, image.rect(), 0, view.palette(), view.font(), look)
        finally:
            painter.end()

    def prepare_scans(self) -> None:
        """Work out and lay out now the rows and texts each line's next scan would show (the
        session's `scan_previews`), while the packer reaches for the item: each scan shows
        rows and texts never shown before, and laying them out was much of what made an
        order's first scan slower than the later ones, and 4-5 texts of every later scan
        (issue 19). Done after the view is shown and after every change, a line per loop turn
        (`_prepare_step`); here all at once."""
        for _ in self._preparations():
            pass

    def _preparations(self) -> Iterator[None]:
        """`prepare_scans`' steps: the previews, then each one's rows and texts."""
        session = self.session
        try:
            self.boxes.executeDelayedItemsLayout()  # the rows' widths
            previews = session.scan_previews(first=self._last_barcode)
            for preview in previews:
                yield
                snapshot, outcome = preview.snapshot, preview.outcome
                if session is not self.session or not self._bound:
                    return
                self.lines.prepare(self.lines_model.looks_after(snapshot))
                self.boxes.prepare(self.boxes_model.looks_after(snapshot))
                text, colour = self._banner(snapshot)
                self.state_banner.prepare(text, ("white", colour))
                if outcome.scan is not None:
                    self.feedback.prepare(self._applied_text(outcome, outcome.scan), (GREEN, None))
        except Exception:  # only time was to be won: the scan works it all out anyway
            _log.exception("order %s: the next scans' rows not prepared", session.order.id)

    def show_snapshot(self, snapshot: SessionSnapshot) -> None:
        """Redraw everything that depends on the session state."""
        order = snapshot.order
        header = (order.program, order.buyer_type)
        if header != self._header:  # a scan never changes them: no texts to translate again
            self._header = header
            self.program.setText(self._program_text(order))
            self.buyer.setText(self._buyer_text(order.buyer_type))
        text, colour = self._banner(snapshot)
        self.state_banner.setText(text)
        self.state_banner.set_colours("white", colour)
        error = snapshot.last_error
        if error is not None:
            # Once: a refused scan's feedback (`show_refused`) is painted before the view
            # follows the session (`feedback_first`), and says more than the error alone.
            if error is not self._error_shown:
                self._error_shown = error
                # A shortening's: the shortening strip says it, with the options.
                self._set_feedback("" if is_shorten_refusal(error) else say(error), error=True)
        elif self._feedback_error and snapshot.editable:
            self._set_feedback("", error=False)
        change = None if snapshot.labels_stale else snapshot.label_change
        if change is not self._shown_change:  # only this method shows them: a scan leaves them be
            self._shown_change = change
            self.label_change.show_change(change)
        notice = self._notice(snapshot)
        if notice != self._shown_notice:
            self._shown_notice = notice
            self.notice.setText(notice)
            self.notice.setVisible(bool(notice))
        self.shorten_notice.show_state(order, snapshot.pending_shorten, snapshot.last_error)
        editable = snapshot.editable
        for button in (self.new_box_button, self.close_box_button, self.split_button):
            button.setEnabled(editable)
        pending = bool(snapshot.pending_shorten)  # the Market's answer decides the lines first
        self.shorten_button.setEnabled(editable and not pending)
        self.undo_button.setEnabled(snapshot.can_undo)
        self.submit_button.setEnabled(editable and snapshot.complete and not pending)
        self.cancel_button.setEnabled(snapshot.phase in (Phase.PACKING, Phase.VERIFYING, Phase.READY))
        self.reprint_button.setEnabled(snapshot.labels is not None)
        self.check_button.setVisible(snapshot.phase is Phase.VERIFYING)
        self.resume_button.setVisible(snapshot.phase is Phase.VERIFYING)
        if snapshot.phase is Phase.INTERRUPTED:
            reason = snapshot.interruption
            self.interrupt_reason.setText(say(reason) if reason is not None else "")
            self.pages.setCurrentWidget(self.interrupt_page)
        elif order.is_express and snapshot.phase in (Phase.READY, Phase.DONE):
            self._show_handover(snapshot)
        else:
            self.pages.setCurrentWidget(self.workspace)

    def _show_handover(self, snapshot: SessionSnapshot) -> None:
        """The hand-over page: the courier's state and the last attempt's outcome. A handed-over
        order (DONE) keeps the page, saying so; a restored session shows its last verdict."""
        handed_over = snapshot.phase is Phase.DONE
        self.courier.show_order(snapshot.order, handed_over=handed_over)
        if handed_over:
            if self.courier.outcome is None or not self.courier.outcome.ok:
                self.courier.show_outcome(HandoverOutcome(HandoverKind.ACCEPTED))
        elif self.courier.outcome is None and snapshot.eac is not None:
            self.courier.show_outcome(HandoverOutcome.of_verdict(snapshot.eac))
        if self.pages.currentWidget() is not self.courier:
            self.pages.setCurrentWidget(self.courier)
            self.courier.code.setFocus()

    def _program_text(self, order: Order) -> str:
        names = {Program.EXPRESS: self.tr("⚡ Express"), Program.FBS: "FBS", Program.DBS: "DBS"}
        return names.get(order.program, order.program.value)

    def _buyer_text(self, buyer: BuyerType) -> str:
        if buyer is BuyerType.BUSINESS:
            return self.tr("Business buyer: codes mandatory")
        if buyer is BuyerType.PERSON:
            return self.tr("Private buyer")
        return ""

    def _banner(self, snapshot: SessionSnapshot) -> tuple[str, str]:
        """The one next step (decided by `next_step`) as text and colour."""
        step = next_step(snapshot)
        colour = _TONE_COLOURS[step.tone]
        problem = say(step.problem) if step.problem is not None else ""
        if step.step in (Step.REPLACE_CODE, Step.SCAN_CODE):
            if step.step is Step.REPLACE_CODE:
                refused = self.tr("The Market refused a code: scan a new code for: %1, unit %2")
                text = fill(refused, step.item, step.unit)
            else:
                text = fill(self.tr("Scan the marking code for: %1, unit %2"), step.item, step.unit)
            if step.more:
                text += " " + self.tr("(then %n more)", "", step.more)
            return text, colour
        if step.step is Step.PACK:  # while scanning: not every step's text, only this one (issue 19)
            packing = self._pack_texts.get((step.done, step.total))
            if packing is None:  # worked out once per count (a packer goes back and forth with undo)
                packing = fill(self.tr("Packing: %1 of %n units in boxes", "", step.total), step.done)
                if len(self._pack_texts) >= 256:
                    self._pack_texts.clear()
                self._pack_texts[step.done, step.total] = packing
            return packing, colour
        return self._step_text(step, snapshot, problem), colour

    def _step_text(self, step: NextStep, snapshot: SessionSnapshot, problem: str) -> str:
        """The banner's text of a step other than packing or a code: only that one translated
        (a scan that completes the order showed all of them, ~15 translations; issue 19)."""
        match step.step:
            case Step.NEXT_PARCEL:
                text = self.tr("%1: parcel %2 of %n packed — scan the next parcel", "", step.total)
                return fill(text, step.item, step.done)
            case Step.FIX:
                return problem
            case Step.FIX_DESK:
                return fill(self.tr("%1 Then submit again (Ctrl+Enter)."), problem)
            case Step.AUTO_SUBMIT:
                return fill(self.tr("Submitting in %1 s — scan CANCEL to stop"), step.seconds)
            case Step.SUBMIT:
                return self.tr("Everything is packed: submit (Ctrl+Enter)")
            case Step.SENDING:
                return self.tr("Sending the boxes to the Market and printing labels…")
            case Step.CHECKING:
                return self.tr("The Market is checking the marking codes…")
            case Step.LABELS_FAILED:
                return fill(self.tr("Labels did not print: %1 Retry in the print queue (F9)."), problem)
            case Step.RELABEL:
                text = self.tr("Swap the labels: peel off %1 void, stick %2 new (listed below)")
                return fill(text, step.done, step.total)
            case Step.HANDOVER:
                return self.tr("Ready to ship: hand the parcels to the courier")
            case Step.DONE:
                if snapshot.order.is_express:
                    return self.tr("Done: handed over to the courier")
                return self.tr("Done: the order is ready to ship")
            case Step.CANCELLED:
                return self.tr("The order is cancelled: put the items back")
            case Step.INTERRUPTED:
                return self.tr("Packing stopped: the order changed")
        raise KeyError(step.step)  # every step is shown (PACK and the code steps by `_banner`)

    def _notice(self, snapshot: SessionSnapshot) -> str:
        parts = []
        if snapshot.labels_stale:
            boxes = ", ".join(str(box.box_id) for box in snapshot.stale_boxes)
            stale = self.tr(
                "Labels are out of date: the boxes changed after printing. "
                "Remove the labels of boxes %1; submitting again prints new ones."
            )
            parts.append(fill(stale, boxes))
        if snapshot.print_error is not None:
            parts.append(self.tr("Labels not printed:") + " " + say(snapshot.print_error))
        return "\n".join(parts)

    def _tick(self) -> None:
        order, now = self.session.order, self.clock()
        due = deadline(order, self.cutoff())
        level = urgency(order, due, now)
        if due is None or level is None:
            self.deadline.setText("")
            return
        if level.counts_down:  # "Deadline 14:00 · in 0:23": the time of day, then the time left
            text = fill(self.tr("Deadline %1 · %2"), local_time(due), countdown(due - now))
        else:
            text = fill(self.tr("Deadline %1"), local_day_time(due))
        self.deadline.setText(text)
        _set_text_colour(self.deadline, palette.URGENCY[level])

    def _set_feedback(self, text: str, *, error: bool) -> None:
        self._feedback_error = error
        self._feedback_set = True
        self.feedback.setText(text)
        self.feedback.set_colours(RED if error else GREEN)

    # -- scans -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def feedback_first(self) -> Iterator[None]:
        """While a scan is carried out, the view and its lists wait (`notifying_later`); the
        feedback the scan set is painted and put on the screen at once, and only then do the
        banner, the lists and the buttons follow the change, painted in the loop's next turn.

        Why (issue 19): the feedback line is what the packer looks at after a scan; the rest of
        the screen was more than half of a scan's work before it was painted."""
        session = self.session
        self._feedback_set = False
        with session.notifying_later():
            yield
            # Not when the scan opened another order on this page: its opening paints as usual.
            if self._feedback_set and self.session is session and self._bound and self.isVisible():
                self.paint_feedback_now()

    def paint_feedback_now(self) -> None:
        """Paint what is waiting to be painted (within `feedback_first`: the feedback line) and
        flush it to the screen now, not in the loop's next turn."""
        self.feedback.repaint()

    def show_applied(self, outcome: ScanOutcome, result: ScanResult) -> None:
        """Show and sound what a scan did."""
        self._set_feedback(self._applied_text(outcome, result), error=False)
        if result.kind is ScanKind.ITEM_BARCODE:
            self._last_barcode = result.value
        if self.session.packing.complete and self.session.phase is Phase.PACKING:
            self.sounds.complete()
        else:
            self.sounds.ok()

    def show_refused(self, error: PackstationError, result: ScanResult) -> None:
        """Show and sound why a scan was refused; a GTD without its country asks for it."""
        self._error_shown = error
        refused_for = error.reason if isinstance(error, PackingError | PackingScanError) else None
        if refused_for is Reason.GTD_COUNTRY and result.instance is not None:
            # Not a mistake: a GTD's barcode never holds its country, so it is always asked.
            prompt = self.tr("Customs declaration scanned: confirm its country of origin")
            self._set_feedback(prompt, error=False)
            self.ask_country(result)
            return
        if self.pages.currentWidget() is self.courier:  # the hand-over page says it, large
            stray = refused_for is Reason.NOT_COURIER_CODE
            kind = HandoverKind.NOT_A_CODE if stray else HandoverKind.NOT_SENT
            self.courier.show_outcome(HandoverOutcome(kind, error=error))
        self._set_feedback("✖ " + say(error), error=True)
        self.sounds.error()

    def show_courier_code(self, code: str) -> asyncio.Task[Any] | None:
        """A scanned courier's code: shown in the panel and checked."""
        self.courier.code.setText(code)
        return self.handover(code)

    def _scan_directly(self, result: ScanResult) -> None:
        # A view without a desk (a preview): the session takes the completed scan itself.
        try:
            outcome = self.session.scan(result)
        except PackstationError as error:
            self.show_refused(error, result)
            return
        if outcome.action is not ScanAction.FORWARD:
            self.show_applied(outcome, result)

    def _applied_text(self, outcome: ScanOutcome, result: ScanResult) -> str:
        return "✔ " + self._outcome_text(outcome, result)

    def _outcome_text(self, outcome: ScanOutcome, result: ScanResult) -> str:
        order = self.session.order
        if outcome.unit is not None:
            name = order.line(outcome.unit.line_id).name
            if outcome.action is ScanAction.ITEM_PACKED and outcome.box is not None:
                part = outcome.part
                if part is not None:
                    text = self.tr("%1: parcel %2 of %n → box %3", "", part.total)
                    text = fill(text, name, part.current, str(box_no(outcome.box)))
                else:
                    text = fill(self._into_box, name, str(box_no(outcome.box)))
                if outcome.code_needed and part is not None:  # one code for all of the unit's parcels
                    text += " — " + self.tr("scan its marking code")
                return text
            if outcome.box is not None:  # the code came first: the unit the packer holds is boxed
                text = self.tr("code for %1, unit %2 → box %3")
                return fill(text, name, str(outcome.unit.n + 1), str(box_no(outcome.box)))
            parts = self.session.packing.parts_boxed(outcome.unit)
            if parts:
                text = self.tr("code for %1, unit %2: it goes into all %n of its parcels", "", parts[0].total)
                return fill(text, name, str(outcome.unit.n + 1))
            return fill(self.tr("code for %1, unit %2"), name, str(outcome.unit.n + 1))
        return fill(self._command_done, result.command.value if result.command else result.value)

    def _on_refused(self, error: object) -> None:
        if isinstance(error, PackstationError):
            self._set_feedback("✖ " + say(error), error=True)
        self.sounds.error()

    # -- actions -----------------------------------------------------------------------------------

    def _edit(self, action: Callable[[], Any]) -> bool:
        try:
            action()
        except PackstationError as error:
            self._on_refused(error)
            return False
        self.sounds.ok()
        return True

    def _set_drag_units(self, value: int) -> None:
        self.lines_model.drag_units = value or None
        self.boxes_model.drag_units = value or None

    def new_box(self) -> None:
        self._edit(self.session.new_box)

    def close_box(self) -> None:
        self._edit(self.session.close_box)

    def undo(self) -> None:
        self._edit(self.session.undo)

    def resume_packing(self) -> None:
        """Leave a long code check to change the packing (e.g. replace a code)."""
        self._edit(self.session.resume_packing)

    def selected_line(self) -> int | None:
        """The line selected on the left (or the first line with unpacked units)."""
        index = self.lines.currentIndex()
        if index.isValid():
            return self.lines_model.line_at(index.row()).id
        for progress in self.session.snapshot.progress:
            if progress.packed < progress.count:
                return progress.line_id
        return None

    def split(self, line_id: int, parts: int | None = None, units: int = 1) -> bool:
        """Split `units` unplaced units of a line into `parts` part boxes each."""

        def run() -> None:
            for _ in range(units):
                self.session.split(line_id, parts)

        return self._edit(run)

    def ask_split(self) -> SplitDialog | None:
        line_id = self.selected_line()
        if line_id is None:
            return None
        row = self.lines_model.row_of(line_id)
        progress = self.session.snapshot.progress[row]
        dialog = SplitDialog(self.session.order.line(line_id), progress.count - progress.packed, self)
        begun = self.session.packing.open_part(line_id)
        if begun is not None:  # its first unit's parcels are being scanned: Split completes it
            dialog.parts.setValue(begun.total)
            dialog.parts.setEnabled(False)
        dialog.accepted.connect(lambda: self.split(line_id, dialog.parts.value(), dialog.units.value()))
        self._open(dialog)
        return dialog

    def ask_shorten(self) -> ShortenDialog:
        """Ask which units to remove; the request goes to the Market, which decides."""
        dialog = ShortenDialog(self.session.order, self.session.check_shorten, self)
        dialog.accepted.connect(lambda: self.request_shorten(dialog.counts()))
        self._open(dialog)

        async def learn_promo() -> None:
            # The Market's word on promo lines arrives while the packer reads: check again.
            with contextlib.suppress(PackstationError):  # unknown: the Market decides on the request
                await self.session.learn_promo()
            with contextlib.suppress(RuntimeError):  # the dialog may be closed and gone
                if dialog.isVisible():
                    dialog.recheck()

        with contextlib.suppress(RuntimeError):  # no loop or runner shut down: checked on sending
            self.tasks.run(learn_promo(), name=f"promo-lines-{self.session.order.id}")
        return dialog

    def request_shorten(self, counts: dict[int, int]) -> asyncio.Task[Any] | None:
        """Send the shortening; the strip shows it pending, then the Market's answer."""

        session = self.session

        async def send() -> None:
            try:
                await session.shorten(counts)
            except PackstationError as error:
                if not is_shorten_refusal(error):
                    raise  # shown on the feedback line
                self.sounds.error()  # the strip shows the refusal and the options left

        return self._run(send(), self.shorten_button, "shorten")

    def refresh_order(self) -> asyncio.Task[Any] | None:
        """Read the order again (e.g. to settle a shortening whose answer did not come)."""
        return self._run(self.session.refresh_order(), self.shorten_notice.check_button, "refresh")

    def ask_cancel(self) -> CancelOrderDialog:
        dialog = CancelOrderDialog(self.session.order, self)
        session = self.session
        dialog.accepted.connect(lambda: self._run(session.cancel_order(), self.cancel_button, "cancel"))
        self._open(dialog)
        return dialog

    def ask_country(self, result: ScanResult) -> CountryDialog:
        """A GTD needs its country of origin, which its barcode lacks: ask, then apply the scan
        again with it (pre-filled with the country entered last for this order, else the catalogue's)."""
        assert result.instance is not None
        instance = result.instance
        catalogue = next(
            (
                line.country_code
                for line in self.session.order.lines
                if RequiredCode.GTD in line.required and line.country_code
            ),
            "",
        )
        dialog = CountryDialog(instance.value, self._last_country or catalogue, self)

        def accepted() -> None:
            self._last_country = dialog.code
            self._apply_scan(replace(result, instance=replace(instance, country_code=dialog.code)))

        dialog.accepted.connect(accepted)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        # Non-blocking: the loop keeps running; the view takes the focus back for the scanner.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _result: QTimer.singleShot(0, self._refocus))
        dialog.open()

    def _refocus(self) -> None:
        with contextlib.suppress(RuntimeError):  # the view itself may be gone at shutdown
            self.window().activateWindow()
            if self.pages.currentWidget() is self.courier:
                self.courier.code.setFocus()
            else:
                self.setFocus()

    def submit(self) -> asyncio.Task[Any] | None:
        return self._run(self.session.submit(), self.submit_button, "submit")

    def reprint(self) -> asyncio.Task[Any] | None:
        return self._run(self.session.reprint(), self.reprint_button, "reprint")

    def check_codes(self) -> asyncio.Task[Any] | None:
        return self._run(self.session.check_codes(), self.check_button, "check-codes")

    def handover(self, code: str) -> asyncio.Task[Any] | None:
        """Check the courier's code; the hand-over page shows what came of it, in place of the
        last outcome, with its sound (an accepted code finishes the order: its own sound)."""

        session = self.session

        async def check() -> None:
            outcome = await session.check_courier_code(code)
            if self._bound and self.session is session:  # still this order's page
                self.courier.show_outcome(outcome)
                if not outcome.ok:
                    self.sounds.error()

        return self._run(check(), self.courier.verify, "courier-code")

    def _run(
        self, coro: Coroutine[Any, Any, Any], trigger: QWidget | None, name: str
    ) -> asyncio.Task[Any] | None:
        session = self.session

        async def guarded() -> Any:
            try:
                return await coro
            except PackstationError as error:
                # The session keeps packing errors in its snapshot; Market failures are shown
                # here, while the view still shows that order (it may show the next one now).
                if self._bound and self.session is session:
                    self._set_feedback("✖ " + say(error), error=True)
                    self.sounds.error()
                return None

        try:
            task = self.tasks.run(guarded(), trigger=trigger, name=f"{name}-{self.session.order.id}")
        except RuntimeError as error:  # no running loop / runner shut down: say so, lose nothing
            _log.warning("packing action %s not started: %s", name, error)
            return None
        # The runner re-enables the trigger when the task ends; the phase decides what stays enabled.
        task.add_done_callback(lambda _task: self._redraw())
        return task

    def _redraw(self) -> None:
        with contextlib.suppress(RuntimeError):  # the view may be gone when a late task ends
            self.show_snapshot(self.session.snapshot)

    def add_device_panel(self, panel: QWidget) -> None:
        """Show a desk device's strip (the scale, the camera) under the state banner, for this
        order (`unbind` takes it away)."""
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(self.state_banner) + 1, panel)
            self._device_panels.append(panel)

    @property
    def reusable(self) -> bool:
        """Whether `unbind` can ready this view for the next order: its texts are in the
        language shown (a view built before a language change is thrown away instead)."""
        return not self._texts_stale

    def unbind(self) -> None:
        """Make the view ready to `bind` the next order's session, as a view built now would be:
        nothing of this order is left in it (its models, texts, dialogs, the hand-over page's
        outcome, the desk devices' strips), and nothing this order's work still does reaches it
        (`_run` and the hand-over check show their outcome only on their own order).

        Why a view is rebound instead of a new one shown (issue 19): an opening then repaints
        only what differs from the last order, with no page switch (the previous page's hide
        and the new page's show and first layout): its GUI work in one stall of ~5 ms instead
        of two of ~6 ms (`bench/stall_bench.py`)."""
        self.detach()
        if not self._bound:
            return
        self._bound = False
        for dialog in self.findChildren(QDialog):  # asked about this order: never applied to the next
            dialog.reject()
        for panel in self._device_panels:
            panel.hide()
            panel.deleteLater()
        self._device_panels.clear()
        self._phase = Phase.PACKING
        self._header = None
        self._shown_change = _NONE_SHOWN
        self._shown_notice = None
        self._prepared = False
        self._last_barcode = None
        self._last_country = ""
        self._error_shown = None
        self._set_feedback("", error=False)
        self.courier.show_outcome(None)
        self.courier.code.clear()
        self.drag_units.setValue(0)

    def detach(self) -> None:
        """Stop following the session (before the view is thrown away or rebound)."""
        self._timer.stop()
        self._prepare_timer.stop()
        self._preparing = None
        if self._steps is not None:  # a skeleton thrown away half built
            self._steps.close()
            self._steps = None
        if not self._bound:
            return
        self._unsubscribe()
        self._unsubscribe = _nothing
        self.lines_model.detach()
        self.boxes_model.detach()


class OrderSource(Protocol):
    """What `PackingDesk` needs from the order queue."""

    def get(self, order_id: int) -> Order | None: ...

    def subscribe_order(self, order_id: int, callback: Callable[[Order], None]) -> Callable[[], None]: ...

    def find_by_scan(self, scan: ScanResult) -> Order | None: ...


class PackingPages(Protocol):
    """What `PackingDesk` needs from the main window."""

    def show_packing(self, widget: QWidget) -> None: ...

    def show_orders(self) -> None: ...


@runtime_checkable
class StagingPages(PackingPages, Protocol):
    """A main window that also holds the next packing page built ahead (`MainWindow`)."""

    def stage_packing(self, widget: QWidget) -> None: ...

    def unstage_packing(self, widget: QWidget) -> None: ...


SPARE_AFTER_OPEN_MS = 400
"""The next order's view is built this long after one opened: its first-scan preparation done,
the packer reaching for the first item (a scan then waits at most for the build, ~10 ms)."""
SPARE_AFTER_START_MS = 1500
"""...and once after start-up, when the window with the orders is up."""


class PackingDesk(QObject):
    """Opens orders into packing views in the main window and keeps one session alive at a time.

    Where a scan goes is decided by `services.scan_router.ScanRouter` (`router`); the desk only
    carries the decision out.

    Args:
        window: the main window (`show_packing` / `show_orders`).
        orders: the order queue (the opened order, and its fresh copies for `order_changed`).
        session_factory: builds (or restores) the session of an order.
        tasks: the task runner.
        sounds: feedback sounds.
        show_error: shows a message (the message bar) when an order cannot be opened.
        load_picture: fetches product pictures for the lines (None: no pictures).
        box_label: takes a scanned box label `(order id, box number)` no packing view takes
            (the print queue reprints it); returns False to let the router's fallback apply.
        can_reprint: whether this station printed box label `(order id, box number)`; None leaves
            that to `box_label` (it is asked whenever it is set).

    Signals:
        history_requested(int): the packer asked for an order's history (order id).
        opening(int): another order is about to open (order id): what was said about the one
            before no longer applies.
        view_opened(object): a packing view was opened (desk devices add their panels to it).
        view_closed(int): the packing view of an order was thrown away (order id).
    """

    history_requested = Signal(int)
    opening = Signal(int)
    view_opened = Signal(object)
    view_closed = Signal(int)

    def __init__(
        self,
        window: PackingPages,
        orders: OrderSource,
        session_factory: Callable[[Order], PackingSession],
        tasks: TaskRunnerLike,
        *,
        sounds: Sounds | None = None,
        show_error: Callable[[str], None] = lambda _text: None,
        load_picture: PictureLoader | None = None,
        box_label: Callable[[int, int], bool] | None = None,
        can_reprint: Callable[[int, int], bool] | None = None,
        before_scan: Callable[[str], bool] | None = None,
        open_guard: Callable[[], str | None] | None = None,
        claim_gate: ClaimGateLike | None = None,
        clock: Callable[[], datetime] = utc_now,
        cutoff: Callable[[], time] = lambda: DEFAULT_CUTOFF,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.load_picture = load_picture
        self.box_label = box_label
        # The shell's look at every scan first (packer badges); True: it took the scan.
        self.before_scan = before_scan
        self.can_reprint = can_reprint
        # Weakly: the desk keeps its router (no reference cycle: see services.weak_calls).
        self.router = ScanRouter(orders, weakly(self._may_reprint, otherwise=False))
        self.window = window
        self.orders = orders
        self.session_factory = session_factory
        self.tasks = tasks
        self.sounds = sounds
        self.show_error = show_error
        self.view: PackingView | None = None
        self._unfollow: Callable[[], None] = lambda: None
        self.claim_gate = claim_gate  # with `--fleet`: claim an order before opening it
        # The station clock and the store's cutoff, for the packing header's deadline.
        self.clock = clock
        self.cutoff = cutoff
        # The shell's rule on opening any order (packer sign-in): a refusal message, or None to go on.
        self.open_guard = open_guard
        # What the page switch runs in: the app wires the scanner filter's `aside` (no Python
        # filter in the switch's ~500 events).
        self.quiet: Callable[[], AbstractContextManager[None]] = nullcontext
        # A scan that opened an order from the list (an item's barcode), applied once it is open;
        # kept while the fleet is asked for the order's claim.
        self._then: dict[int, str] = {}
        # The next order's view, built ahead while the station is idle (a window that can hold it
        # only): opening an order then binds it to its session and shows it (issue 19).
        self.spare: PackingView | None = None  # built, in the window's page stack
        self._painted_ahead = False  # the first spare painted unseen (`paint_ahead`)
        self._building: PackingView | None = None  # being built, a part per loop turn
        self._spare_timer = QTimer(self)
        self._spare_timer.setSingleShot(True)
        self._spare_timer.timeout.connect(weakly(self._spare_due))
        self.prepare_spare_later(SPARE_AFTER_START_MS)

    def work_alone(self) -> None:
        """The fleet could not start: open orders without claiming them."""
        self.claim_gate = None

    def open_order(self, order_id: int, then: str | None = None) -> PackingView | None:
        """Open (or resume) the order and show its packing view; `then` is a scan to apply to
        it once open (the item barcode that found the order on the list counts its unit)."""
        self._then.clear()
        if then is not None:
            self._then[order_id] = then
        return self._open_then(order_id)

    def _open_then(self, order_id: int) -> PackingView | None:
        view = self._open(order_id)
        if view is None:
            return None
        text = self._then.pop(order_id, None)
        if text is not None and view.session.phase is Phase.PACKING:  # never a courier's code
            self._execute(self.router.handle(text, view.session), view)
        return view

    def _open(self, order_id: int) -> PackingView | None:
        refusal = self.open_guard() if self.open_guard is not None else None
        if refusal is not None:
            self.show_error(refusal)
            return None
        if self.view is not None and self.view.session.order.id == order_id:
            self.window.show_packing(self.view)
            return self.view
        order = self.orders.get(order_id)
        if order is None:
            self.show_error(fill(self.tr("Order %1 is no longer in the list."), str(order_id)))
            return None
        if self.claim_gate is not None and not self.claim_gate.passes(order_id):
            self.claim_gate.request(order_id, self._open_then)  # opens it once claimed
            return None
        self.opening.emit(order_id)
        try:
            session = self.session_factory(order)
        except PackstationError as error:
            self.show_error(say(error))
            return None
        with self.quiet():
            return self._show_session(order_id, session)

    def _show_session(self, order_id: int, session: PackingSession) -> PackingView:
        """Close the view shown and show `session` in it, rebound (`PackingView.unbind`), else in
        the spare view (or a new one)."""
        previous = self.view
        self.close_view()
        view = self._rebound(previous, session)
        if view is None:
            view = self._take_spare()
            if view is None:
                view = self._build_view(session)
            else:
                try:
                    view.bind(session)
                except BaseException:
                    self._throw_away(view)
                    raise
            view.back_requested.connect(self.window.show_orders)
            view.history_requested.connect(self.history_requested)
        self._unfollow = self.orders.subscribe_order(order_id, session.order_changed)
        self.view = view
        self.view_opened.emit(view)
        self.window.show_packing(view)
        view.setFocus()
        self.prepare_spare_later(SPARE_AFTER_OPEN_MS)
        return view

    def _rebound(self, view: PackingView | None, session: PackingSession) -> PackingView | None:
        """`view` (the last order's, closed) bound to `session`, unless it cannot be reused: its
        texts are in another language, or the desk's settings it was built from changed."""
        if view is None or not view.reusable or view.built_from != self._view_inputs():
            return None
        try:
            view.unbind()
            view.bind(session)
        except RuntimeError:  # deleted by Qt meanwhile (the window closing)
            return None
        return view

    def _build_view(self, session: PackingSession | None, *, stepwise: bool = False) -> PackingView:
        """A view of `session` (None: a skeleton, bound when an order opens), noting what it is
        built from (a spare, or a view to rebind, built from other inputs is stale)."""
        inputs = self._view_inputs()
        view = PackingView(
            session,
            self.tasks,
            sounds=self.sounds,
            clock=self.clock,
            cutoff=self.cutoff,
            load_picture=self.load_picture,
            apply_scan=self.apply_scan,
            stepwise=stepwise,
        )
        view.built_from = inputs
        return view

    def _view_inputs(self) -> tuple[object, ...]:
        """What a view takes from the desk when it is built: a spare built from other ones is stale."""
        return (self.tasks, self.sounds, self.clock, self.cutoff, self.load_picture)

    # -- the spare view ------------------------------------------------------------------------

    def prepare_spare_later(self, delay_ms: int) -> None:
        """Start building the spare view in `delay_ms`, a part per loop turn (when none is
        ready and the window can hold one)."""
        if self.spare is None and isinstance(self.window, StagingPages):
            self._spare_timer.start(delay_ms)

    def _spare_due(self) -> None:
        """Build the next part of the spare view: a few milliseconds, the loop runs in between
        (a scan waits for one part at most, not for a whole view)."""
        if self.spare is not None or not isinstance(self.window, StagingPages):
            return
        view = self._building
        if view is None:
            view = self._building = self._skeleton(stepwise=True)
        elif not view.build_step():
            self._building = None
            self._stage(view)
            return
        self._spare_timer.start(0)

    def prepare_spare(self) -> PackingView | None:
        """Build the spare view now, whole, unless one is ready: a skeleton in the window's page
        stack, hidden, polished and laid out (None: the window cannot hold one)."""
        if not isinstance(self.window, StagingPages):
            return None
        self._spare_timer.stop()
        if self.spare is None:
            view, self._building = self._building, None
            if view is None:
                view = self._skeleton(stepwise=False)
            view.build_all()
            self._stage(view)
        return self.spare

    def _skeleton(self, *, stepwise: bool) -> PackingView:
        """A new spare skeleton, thrown away should it become outdated."""
        view = self._build_view(None, stepwise=stepwise)
        view.outdated.connect(weakly(self.drop_spare))
        return view

    def _stage(self, view: PackingView) -> None:
        if isinstance(self.window, StagingPages):
            self.window.stage_packing(view)
            if not self._painted_ahead:
                self._painted_ahead = True
                paint_ahead(view)
                view.paint_rows_ahead()
        self.spare = view

    def drop_spare(self) -> None:
        """Throw the spare view away, built or half built (what it was built from changed;
        shutdown)."""
        self._spare_timer.stop()
        for view in (self.spare, self._building):
            if view is not None:
                self._throw_away(view)
        self.spare = self._building = None

    def _take_spare(self) -> PackingView | None:
        """The spare view to bind (half built: `bind` builds the rest), if there is one still
        built from what the desk has now."""
        self._spare_timer.stop()
        spare = self.spare or self._building
        self.spare = self._building = None
        if spare is not None and spare.built_from != self._view_inputs():
            self._throw_away(spare)
            spare = None
        return spare

    def _throw_away(self, view: PackingView) -> None:
        with contextlib.suppress(RuntimeError):  # the window (and the view with it) may be gone
            view.detach()
            if isinstance(self.window, StagingPages):
                self.window.unstage_packing(view)
            else:
                view.deleteLater()

    def handle_scan(self, text: str) -> None:
        """Carry out what the scan router decides for a scan (see `ScanRouter.handle`)."""
        if self.before_scan is not None and self.before_scan(text):
            return
        view = self.view if self.view is not None and self.view.isVisible() else None
        if view is None:
            self._execute(self.router.handle(text, None), None)
            return
        with view.feedback_first():
            self._execute(self.router.handle(text, view.session), view)

    def apply_scan(self, result: ScanResult) -> None:
        """A scan the packer completed in the open view (a GTD with its country of origin)."""
        if self.view is not None:
            self._execute(self.router.to_session(self.view.session, result), self.view)

    def _execute(self, decision: ScanDecision, view: PackingView | None) -> None:
        if isinstance(decision, Applied | SessionRefused | CourierCode | ReprintLabels):
            if view is not None:
                _show(view, decision)
            return
        if isinstance(decision, Reprint):
            if self.box_label is not None and self.box_label(decision.order_id, decision.box_no):
                return
            decision = decision.otherwise
        if isinstance(decision, OpenOrder):
            self.open_order(decision.order_id, decision.then)
        elif isinstance(decision, ShowOrders):
            self.window.show_orders()
        elif isinstance(decision, Refuse):
            self.show_error(say(decision.error))

    def _may_reprint(self, order_id: int, box_no: int) -> bool:
        if self.box_label is None:
            return False
        return self.can_reprint is None or self.can_reprint(order_id, box_no)

    def close_view(self) -> None:
        """Detach the current view and cancel its session's background work (in a task)."""
        view = self._detach_view()
        if view is not None:
            with contextlib.suppress(RuntimeError):
                self.tasks.run(view.session.close(), name=f"close-session-{view.session.order.id}")

    async def aclose(self) -> None:
        """At shutdown: detach the view and wait until its session's background work stopped."""
        self.drop_spare()
        view = self._detach_view()
        if view is not None:
            await view.session.close()

    def _detach_view(self) -> PackingView | None:
        self._unfollow()
        self._unfollow = lambda: None
        view, self.view = self.view, None
        if view is not None:
            view.detach()
            self.view_closed.emit(view.session.order.id)
        return view


def _show(view: PackingView, decision: Applied | SessionRefused | CourierCode | ReprintLabels) -> None:
    """What the open order's session did with a scan, shown in its view."""
    if isinstance(decision, Applied):
        view.show_applied(decision.outcome, decision.scan)
    elif isinstance(decision, SessionRefused):
        view.show_refused(decision.error, decision.scan)
    elif isinstance(decision, CourierCode):
        view.show_courier_code(decision.code)
    else:
        view.reprint()


_BUILT = object()
_NONE_SHOWN = object()  # no label change shown yet


# Every letter a row may show (Russian and Latin), digits and the signs rows use.
_SAMPLE_ROW = (
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя\n"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 ×→✔✖–—:;.,()+%№/«»"
)


def paint_ahead(widget: QWidget) -> None:
    """Paint `widget` once into an image nobody sees: the first paint of a packing page's kinds
    of widgets, of its fonts and of the style's caches then happens while the station is idle,
    not in the first order's opening (~2-3 ms of it; issue 19)."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    widget.render(image)


def _nothing() -> None:
    """No subscription to end (a skeleton's, a detached view's)."""


# Fonts and colours of the header's texts by font and palette, not by style sheets: a widget
# with a style sheet is painted by Qt's style sheet style, slower, and setting one re-polishes
# it; the deadline's colour changes from order to order (issue 19).


def _set_font(widget: QWidget, *, point_size: int | None = None, bold: bool = False) -> None:
    font = QFont(widget.font())
    if point_size is not None:
        font.setPointSize(point_size)
    font.setBold(bold)
    widget.setFont(font)


def _set_text_colour(widget: QWidget, colour: str | None) -> None:
    """`colour` for the widget's text; None: the application's."""
    role = QPalette.ColorRole.WindowText
    wanted = QColor(colour) if colour else QApplication.palette(widget).color(role)
    if widget.palette().color(role) != wanted:
        colours = widget.palette()
        colours.setColor(role, wanted)
        widget.setPalette(colours)
