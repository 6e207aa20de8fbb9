"""Shortening through the real shell against the sandbox: a request the Market decides.

A promo line is refused (before sending when the Market's legacy order already said "promo",
else by the Market itself): the line, the boxes and the codes stay exactly as they were and the
packer reads the reason and the options left. A normal line is removed once the Market accepts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import Shell
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.state import Sandbox
from packstation.services.packing import Phase, SessionSnapshot
from packstation.ui.packing_dialogs import CancelOrderDialog, ShortenDialog
from packstation.ui.packing_view import PackingView
from tests.fixtures.qt import until
from tests.ui.packing_support import running_shell
from tests.ui.shell_packing import open_order

pytestmark = [pytest.mark.asyncio]


async def _idle(shell: Shell, view: PackingView) -> None:
    await view.session.wait_idle()
    await until(lambda: shell.tasks.running == 0, "the view's tasks")


def _scan(shell: Shell, text: str) -> None:
    shell.packing.scanner.scanned.emit(text)


def _ask(view: PackingView, keep: dict[int, int]) -> ShortenDialog:
    dialog = view.ask_shorten()
    for line_id, count in keep.items():
        dialog.spins[line_id].setValue(count)
    dialog.confirm.setChecked(True)
    return dialog


async def test_a_promo_line_the_market_named_is_refused_before_anything_is_sent(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    created = sandbox.add_order((("MUG-300", 2), ("CASE-PHONE", 1)), promo_offer="CASE-PHONE")
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        view = open_order(shell, created.id)
        mug, case = view.session.order.lines
        assert not case.promo  # the business order reader does not say it
        _scan(shell, mug.barcodes[0])
        before = view.session.packing

        dialog = _ask(view, {case.id: 0})
        # The Market's legacy order says "promo": the dialog knows before anything is sent.
        await until(lambda: "promotion" in dialog.verdict.text(), "the promo lines")
        verdict = dialog.verdict.text()
        assert "pack the order in full" in verdict
        assert "cancel the order" in verdict
        assert "Market support" in verdict
        assert not dialog.ok_button.isEnabled()
        dialog.reject()
        await _idle(shell, view)

        counts = [(line.id, line.count) for line in view.session.order.lines]
        assert counts == [(line.id, line.count) for line in before.order.lines]
        assert view.session.order.line(case.id).promo  # now known
        assert view.session.packing.boxes == before.boxes
        assert sandbox.find(created.id).removed_units == 0


async def test_the_markets_refusal_leaves_line_and_boxes_as_before_and_names_reason_and_options(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    created = sandbox.add_order((("MUG-300", 2), ("CASE-PHONE", 1)))
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        view = open_order(shell, created.id)
        mug, case = view.session.order.lines
        _scan(shell, mug.barcodes[0])
        _scan(shell, case.barcodes[0])
        before = view.session.packing
        boxes_shown = view.boxes_model.rowCount()

        dialog = _ask(view, {case.id: 0})
        await _idle(shell, view)  # the desk asked which lines are promo: none, then
        # The Market's word is final: the promo is there by the time the request arrives.
        market_line = sandbox.find(created.id).line(case.id)
        assert market_line is not None
        market_line.promo = True
        assert dialog.ok_button.isEnabled()
        dialog.accept()
        await _idle(shell, view)

        session = view.session
        assert session.phase is Phase.PACKING
        assert session.snapshot.pending_shorten == ()
        assert session.packing == before  # the line, the boxes and the codes exactly as before
        assert view.boxes_model.rowCount() == boxes_shown
        assert sandbox.find(created.id).line(case.id) is not None
        assert sandbox.find(created.id).removed_units == 0
        notice = view.shorten_notice
        assert notice.isVisible()
        assert "Not shortened" in notice.title.text()
        details = notice.details.text() + " " + notice.options.text()
        assert "The Market refused to shorten the order" in details
        assert "promotion" in details  # the Market's reason, in words
        assert "pack the order in full" in details
        assert "cancel the order" in details
        assert "Market support" in details
        assert "promotion" not in view.feedback.text()  # said once, in the strip

        notice.cancel_button.click()  # an option: cancel instead (asks first)
        cancel = view.findChild(CancelOrderDialog)
        assert cancel is not None
        cancel.reject()
        notice.pack_button.click()  # the other: pack it in full
        assert not notice.isVisible()

        _scan(shell, mug.barcodes[0])
        _scan(shell, "PS:SUBMIT")
        await _idle(shell, view)
        assert session.phase is Phase.DONE
        assert sandbox.find(created.id).substatus == "READY_TO_SHIP"


async def test_a_normal_line_changes_once_the_market_accepts(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    created = sandbox.add_order((("MUG-300", 3), ("BOOK-WP", 1)))
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        view = open_order(shell, created.id)
        mug, book = view.session.order.lines
        for _ in range(2):
            _scan(shell, mug.barcodes[0])
        seen: list[tuple[tuple[tuple[int, int], ...], bool, str, bool]] = []

        def watch(snapshot: SessionSnapshot) -> None:  # after the view redrew (it subscribed first)
            notice, submit = view.shorten_notice, view.submit_button
            shown = (notice.isVisible(), notice.title.text(), submit.isEnabled())
            seen.append((snapshot.pending_shorten, *shown))

        view.session.subscribe(watch)
        _ask(view, {mug.id: 1}).accept()
        await _idle(shell, view)

        pending = [entry for entry in seen if entry[0]]
        assert pending, "the request showed as pending while the Market answered"
        assert pending[0][0] == ((mug.id, 1),)
        assert pending[0][1]
        assert "waiting for its answer" in pending[0][2]
        assert not pending[0][3]  # no submit while the Market decides
        session = view.session
        assert session.order.line(mug.id).count == 1
        assert sandbox.find(created.id).line(mug.id).count == 1  # type: ignore[union-attr]
        assert sandbox.find(created.id).removed_units == 2
        assert session.snapshot.progress[0].packed == 1  # one boxed mug went, one stays boxed
        assert not view.shorten_notice.isVisible()
        assert not session.snapshot.can_undo  # irreversible

        _scan(shell, book.barcodes[0])
        _scan(shell, "PS:SUBMIT")
        await _idle(shell, view)
        assert session.phase is Phase.DONE


async def test_a_lost_answer_is_settled_by_the_order_the_market_holds(qtbot: QtBot, tmp_path: Path) -> None:
    app = create_app(SandboxConfig(seed=1, faults="lost=1@/boxes"))  # applied, then the answer breaks
    sandbox: Sandbox = app.state.sandbox
    created = sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1)))
    async with running_shell(qtbot, tmp_path, app, local_store=True) as shell:
        view = open_order(shell, created.id)
        mug, book = view.session.order.lines
        _ask(view, {book.id: 0}).accept()
        await _idle(shell, view)

        session = view.session
        assert session.snapshot.pending_shorten == ()
        assert [(line.id, line.count) for line in session.order.lines] == [(mug.id, 2)]
        assert sandbox.find(created.id).line(book.id) is None
        assert not view.shorten_notice.isVisible()
        assert session.phase is Phase.PACKING  # our own change: no "order changed" stop
