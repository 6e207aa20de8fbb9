"""The next order's packing view built ahead (issue 19: opening an order built the whole screen,
20-44 ms without a frame): the desk keeps one skeleton, hidden in the window's page stack, and
binds it to the session of the order that opens when no view can be rebound; and the last
order's view rebound to the next one (`PackingView.unbind`), showing exactly what a view built
for it shows."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.ui import packing_view
from packstation.ui.i18n import Translations
from packstation.ui.packing_view import PackingView
from packstation.ui.row_delegate import RowDelegate
from tests.fixtures.qt import until
from tests.ui.packing_support import open_desk, running_shell
from tests.ui.paint_support import Painted
from tests.ui.shell_packing import open_order

pytestmark = [pytest.mark.asyncio]


async def _settle() -> None:
    """The loop's turns after opening (not `processEvents` inside the loop: a shell test that
    does that hangs in its loop's teardown, with or without a spare view)."""
    for _ in range(5):
        await asyncio.sleep(0.02)


def _deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _seen(view: PackingView) -> dict[str, object]:
    """What the packer reads on the view: every visible label and button, the lists' rows."""
    labels = sorted(label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view))
    buttons = sorted(
        (button.text(), button.isEnabled())
        for button in view.findChildren(QAbstractButton)
        if button.isVisibleTo(view)
    )
    lines = [view.lines_model.index(row, 0).data() for row in range(view.lines_model.rowCount())]
    boxes = [view.boxes_model.index(row, 0).data() for row in range(view.boxes_model.rowCount())]
    return {
        "labels": labels,
        "buttons": buttons,
        "banner": view.state_banner.text(),
        "feedback": view.feedback.text(),
        "lines": lines,
        "boxes": boxes,
        "page": view.pages.currentIndex(),
    }


def _image(view: PackingView) -> QImage:
    return view.grab().toImage()


async def test_the_first_order_opens_in_the_view_built_ahead_and_the_next_ones_rebind_it(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 2),))
    second = sandbox.add_order((("BOOK-WP", 1), ("CHARGER-65", 1)))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        desk = shell.packing.desk
        window = shell.window
        await until(lambda: desk.spare is not None, "the spare view, built while the station is idle")
        spare = desk.spare
        assert spare is not None
        assert not spare.bound
        assert window.pages.indexOf(spare) >= 0  # in the stack, laid out with it...
        assert not spare.isVisible()  # ...and never shown unbound
        assert spare.size() == window.pages.contentsRect().size()

        opened = open_order(shell, first.id)
        assert opened is spare  # bound, not built
        assert opened.bound
        assert opened.session.order.id == first.id
        assert desk.spare is None
        assert window.pages.currentWidget() is opened
        assert opened.isVisible()

        # The first scan's rows are prepared for a bound spare too (test_first_scan).
        delegates = [opened.lines.itemDelegate(), opened.boxes.itemDelegate()]
        await until(
            lambda: all(isinstance(d, RowDelegate) and d._texts for d in delegates), "the first scan's rows"
        )
        shell.packing.scanner.scanned.emit(opened.session.order.lines[0].barcodes[0])
        assert opened.session.snapshot.progress[0].packed == 1
        assert opened.feedback.text().startswith("✔")
        await until(lambda: desk.spare is not None, "the next spare")

        # The next order: the same page, rebound (no page switch); the spare stays for when
        # a view cannot be rebound (another language, other desk settings).
        spare = desk.spare
        again = open_order(shell, second.id)
        assert again is opened
        assert again.session.order.id == second.id
        assert again.feedback.text() == ""
        assert desk.spare is spare
        assert window.pages.currentWidget() is again
    assert desk.spare is None  # shutdown threw it away


@pytest.mark.parametrize("way", ["spare", "rebound"])
async def test_a_bound_spare_or_a_rebound_view_shows_what_a_view_built_for_the_order_shows(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, way: str
) -> None:
    sandbox = sandbox_app.state.sandbox
    order = sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1), ("CHARGER-65", 1)))
    other = sandbox.add_order((("PENCILS-24", 1), ("MUG-300", 1)))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        desk = shell.packing.desk
        desk.drop_spare()
        cold = open_order(shell, order.id)
        desk.drop_spare()  # the one its opening scheduled: this test builds it when it wants
        await _settle()
        seen, image = _seen(cold), _image(cold)
        previous = open_order(shell, other.id)
        # The other order's work on the page: a unit packed, a box, a feedback line.
        shell.packing.scanner.scanned.emit(previous.session.order.lines[0].barcodes[0])
        assert previous.feedback.text().startswith("✔")
        await _settle()

        if way == "spare":
            desk.close_view()  # no view to rebind: the spare is bound
            spare = desk.prepare_spare()
            assert spare is not None
        warm = open_order(shell, order.id)
        desk.drop_spare()
        assert warm is (spare if way == "spare" else previous)
        await _settle()
        assert _seen(warm) == seen
        assert seen["lines"]
        assert seen["boxes"]
        assert seen["banner"]
        assert f"Order {order.id}" in seen["labels"]
        assert _image(warm) == image


async def test_a_half_built_spare_is_finished_when_an_order_opens(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    order = sandbox.add_order((("MUG-300", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        desk = shell.packing.desk
        desk.drop_spare()
        desk._spare_due()  # the first two parts of a spare: the loop would build the rest
        desk._spare_due()
        building = desk._building
        assert building is not None
        assert desk.spare is None
        view = open_order(shell, order.id)
        assert view is building
        assert view.bound
        await _settle()
        assert view.title.text().endswith(str(order.id))
        assert view.state_banner.text()
        assert shell.window.pages.currentWidget() is view
        assert view.isVisible()


async def test_a_language_change_throws_the_spare_away(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, qapp: QApplication
) -> None:
    sandbox = sandbox_app.state.sandbox
    order = sandbox.add_order((("MUG-300", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        desk = shell.packing.desk
        stale = desk.prepare_spare()
        assert stale is not None
        translations = Translations(qapp)
        assert translations.apply("ru")
        try:
            await until(lambda: desk.spare is None, "the spare thrown away")  # its texts were English
            _deleted_later()
            assert not shiboken6.isValid(stale)
            view = open_order(shell, order.id)
            assert view.new_box_button.text().startswith("Новая коробка")
        finally:
            translations.apply("en")


async def test_a_spare_built_from_other_desk_inputs_is_not_used(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    order = sandbox.add_order((("MUG-300", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        desk = shell.packing.desk
        stale = desk.prepare_spare()
        assert stale is not None
        desk.cutoff = lambda: packing_view.DEFAULT_CUTOFF  # what its deadline is worked out from
        view = open_order(shell, order.id)
        assert view is not stale
        assert view.cutoff is desk.cutoff
        _deleted_later()
        assert not shiboken6.isValid(stale)


async def test_a_view_is_bound_once_and_a_skeleton_shows_no_order(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        with pytest.raises(RuntimeError, match="one session at a time"):
            desk.view.bind(desk.session)
        skeleton = PackingView(None, desk.tasks)
        assert not skeleton.bound
        assert skeleton.title.text() == ""
        assert skeleton.state_banner.text() == ""
        assert desk.desk.prepare_spare() is None  # a window that cannot hold one: none built
        skeleton.detach()
        skeleton.deleteLater()
        _deleted_later()
    finally:
        await desk.close()


async def test_the_first_spare_is_painted_once_unseen_while_the_station_is_idle(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    """The first paint of a packing page (its kinds of widgets, fonts, the style's caches, a row
    of each kind) is not left to the first order's opening (issue 19); later spares are not
    painted."""
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        desk = shell.packing.desk
        desk.drop_spare()
        desk._painted_ahead = False  # as at start-up: no packing page painted yet
        painted = Painted()
        QApplication.instance().installEventFilter(painted)  # type: ignore[union-attr]
        try:
            first = desk.prepare_spare()
            assert first is not None
            assert not first.isVisible()
            assert "boxesView" in painted.names
            assert "submit" in painted.names
            # A skeleton has no rows: a row of each kind was laid out and drawn in each list's
            # fonts too (the first order's rows were the first texts in them).
            delegates = {"lines": first.lines.itemDelegate(), "boxes": first.boxes.itemDelegate()}
            styles = {
                name: set(delegate._fonts)
                for name, delegate in delegates.items()
                if isinstance(delegate, RowDelegate)
            }
            assert styles == {
                "lines": {(False, False)},
                "boxes": {(True, False), (False, False), (False, True)},
            }
            desk.drop_spare()
            painted.names.clear()
            second = desk.prepare_spare()
            assert second is not None
            assert painted.names == []
        finally:
            QApplication.instance().removeEventFilter(painted)  # type: ignore[union-attr]


async def test_a_rebound_view_keeps_nothing_of_the_last_orders_devices_or_dialogs(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    """A desk device's strip (the scale, the camera) is the order's: the next order gets its
    own, not both. A dialog asked about the last order (a split, a cancellation) is closed
    unanswered: answered later, it would act on the next order."""
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 2),))
    second = sandbox.add_order((("BOOK-WP", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        desk = shell.packing.desk
        strips: list[QLabel] = []

        def add_strip(view: PackingView) -> None:
            strip = QLabel(f"device strip {view.session.order.id}", view)
            strips.append(strip)
            view.add_device_panel(strip)

        desk.view_opened.connect(add_strip)
        view = open_order(shell, first.id)
        view.lines.setCurrentIndex(view.lines_model.index(0, 0))
        dialog = view.ask_split()
        assert dialog is not None
        assert dialog.isVisible()
        cancel = view.ask_cancel()

        again = open_order(shell, second.id)
        assert again is view
        assert not dialog.isVisible()
        assert not cancel.isVisible()
        _deleted_later()
        assert not shiboken6.isValid(strips[0])  # the first order's strip is gone
        shown = [label.text() for label in again.findChildren(QLabel) if label.text().startswith("device")]
        assert shown == [f"device strip {second.id}"]
        assert sandbox.find(first.id).status == "PROCESSING"  # nothing cancelled
        assert again.session.snapshot.progress[0].packed == 0


async def test_a_view_from_before_a_language_change_is_not_rebound(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, qapp: QApplication
) -> None:
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 1),))
    second = sandbox.add_order((("BOOK-WP", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        view = open_order(shell, first.id)
        assert view.reusable
        translations = Translations(qapp)
        assert translations.apply("ru")
        try:
            await _settle()
            assert not view.reusable  # its buttons were translated when it was built
            again = open_order(shell, second.id)
            assert again is not view
            assert again.new_box_button.text().startswith("Новая коробка")
        finally:
            translations.apply("en")


async def test_the_first_order_opens_without_importing_a_module(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    """Everything an opening runs is loaded by then (the local store is open once the first
    orders are shown, as the app does): a module imported in the first order's opening was that
    opening's (~1 ms each: PySide's import hook reads its source; issue 19)."""
    sandbox = sandbox_app.state.sandbox
    order = sandbox.add_order((("MUG-300", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        await until(lambda: shell.packing.desk.spare is not None, "the spare view")
        loaded = set(sys.modules)
        view = open_order(shell, order.id)
        assert view.bound
        assert sorted(set(sys.modules) - loaded) == []
