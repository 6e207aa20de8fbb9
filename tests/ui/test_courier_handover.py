"""The Express courier hand-over through the real shell against the sandbox: every verifyEac
outcome on the hand-over page itself (replacing the one before, with its sound), stray scans
refused without spending an attempt, courier arrival alerts and the Couriers panel, a box label
opening the hand-over, and both ways the Market hands over a code."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import Shell
from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.state import Sandbox
from packstation.services.packing import Phase
from packstation.ui.packing_view import PackingView
from packstation.ui.sounds import Sound
from tests.fixtures.qt import until
from tests.ui.packing_support import running_shell
from tests.ui.shell_packing import open_order, scan_every_unit, submit

pytestmark = [pytest.mark.asyncio]

CIS = "0104006381333931215Abc123456789" + "\x1d" + "93TEST"


@contextlib.asynccontextmanager
async def _packed_express(
    qtbot: QtBot, data_dir: Path, app: Starlette
) -> AsyncIterator[tuple[Shell, PackingView]]:
    """The running shell with a new Express order opened, packed by scans and submitted: its
    hand-over page is up."""
    created = app.state.sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")
    async with running_shell(qtbot, data_dir, app) as shell:
        view = open_order(shell, created.id)
        scan_every_unit(shell, view)
        await submit(shell, view, phase=Phase.READY)
        assert view.pages.currentWidget() is view.courier
        yield shell, view


async def _scan(shell: Shell, text: str) -> None:
    shell.packing.scanner.scanned.emit(text)
    await until(lambda: shell.tasks.running == 0, "the code check")


async def _courier_arrives(shell: Shell, sandbox: Sandbox) -> None:
    sandbox.advance_clock(4 * sandbox.config.courier_step)  # search, found, on the way, arrived
    await shell.queue.refresh(full=True)


def _verify_calls(sandbox: Sandbox) -> int:
    return sandbox.received.count("PUT", "/verifyEac")


async def test_every_outcome_shows_on_the_page_and_replaces_the_one_before(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with _packed_express(qtbot, tmp_path, sandbox_app) as (shell, view):
        page = view.courier
        order_id = view.session.order.id
        sounds = shell.packing.sounds
        assert "No courier yet" in page.courier_state.text()

        # No courier assigned yet: said on the page, nothing spent.
        await _scan(shell, "0000")
        assert page.isVisible()
        assert "No courier yet" in page.result.text()
        assert sounds.played[-1] is Sound.ERROR
        assert sandbox.find(order_id).eac is not None
        assert sandbox.find(order_id).eac.attempts_left == 3  # type: ignore[union-attr]

        await _courier_arrives(shell, sandbox)
        assert "Courier arrived" in page.courier_state.text()
        real = sandbox.eac_code(order_id)
        wrong = "0000" if real != "0000" else "1111"

        # A wrong code: the attempts left, large, replacing "no courier yet".
        await _scan(shell, wrong)
        assert "Wrong code" in page.result.text()
        assert "Attempts left: 2" in page.detail.text()
        assert "No courier" not in page.result.text() + page.detail.text()
        assert sounds.played[-1] is Sound.ERROR

        # The right code: "accepted" stays on the page (no stale refusal), the order is done.
        await _scan(shell, real)
        assert view.session.phase is Phase.DONE
        assert view.pages.currentWidget() is page
        assert "Code accepted" in page.result.text()
        assert "Wrong code" not in page.result.text() + page.detail.text()
        assert "Handed over" in page.courier_state.text()
        assert not page.takes_code
        assert sounds.played[-1] is Sound.COMPLETE
        assert sandbox.find(order_id).substatus == "COURIER_RECEIVED"


async def test_need_update_is_explained_on_the_page(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with _packed_express(qtbot, tmp_path, sandbox_app) as (shell, view):
        await _courier_arrives(shell, sandbox)
        real = sandbox.eac_code(view.session.order.id)
        wrong = "0000" if real != "0000" else "1111"
        for _ in range(sandbox.config.eac_attempts):
            await _scan(shell, wrong)
        assert "No attempts left" in view.courier.result.text()
        assert "new code" in view.courier.detail.text()
        assert shell.packing.sounds.played[-1] is Sound.ERROR
        assert view.session.phase is Phase.READY


async def test_stray_scans_are_not_courier_codes_and_cost_no_attempt(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with _packed_express(qtbot, tmp_path, sandbox_app) as (shell, view):
        await _courier_arrives(shell, sandbox)
        order_id = view.session.order.id
        next_order = sandbox.add_order((("MUG-300", 1),))
        item = next_order.lines[0].product.ean13
        before = _verify_calls(sandbox)
        # Another order's box label, the next order's item barcode, a marking code, a long number.
        for stray in (f"{next_order.id}-1", item, CIS, "12345678"):
            await _scan(shell, stray)
            assert "Not a courier code" in view.courier.result.text(), stray
            assert shell.packing.sounds.played[-1] is Sound.ERROR
        assert _verify_calls(sandbox) == before  # nothing reached verifyEac
        assert sandbox.find(order_id).eac.attempts_left == 3  # type: ignore[union-attr]
        assert view.session.phase is Phase.READY
        view.courier.code.clear()  # nothing typed is not a code either
        view.courier.verify.click()
        await until(lambda: shell.tasks.running == 0, "the check")
        assert "Not a courier code" in view.courier.result.text()
        assert _verify_calls(sandbox) == before
        await _scan(shell, sandbox.eac_code(order_id))  # the real code still goes through
        assert "Code accepted" in view.courier.result.text()


async def test_network_trouble_is_said_on_the_page(qtbot: QtBot, tmp_path: Path) -> None:
    app = create_app(SandboxConfig(seed=1, faults="drop=1@/verifyEac"))
    sandbox: Sandbox = app.state.sandbox
    async with _packed_express(qtbot, tmp_path, app) as (shell, view):
        await _courier_arrives(shell, sandbox)
        await _scan(shell, sandbox.eac_code(view.session.order.id))
        assert "No answer from the Market" in view.courier.result.text()
        assert view.courier.detail.text()  # what happened and what to do
        assert shell.packing.sounds.played[-1] is Sound.ERROR
        assert view.session.phase is Phase.READY
        assert view.pages.currentWidget() is view.courier


async def test_arrival_alert_couriers_panel_and_box_label_opening_the_hand_over(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with _packed_express(qtbot, tmp_path, sandbox_app) as (shell, view):
        order_id = view.session.order.id
        couriers = shell.couriers
        await shell.queue.refresh()
        couriers.action.trigger()  # the Couriers dock from the main window's toolbar
        assert couriers.dock.isVisible()
        assert order_id in couriers.panel.order_ids  # packed, waiting for its courier
        row = couriers.panel.order_ids.index(order_id)
        assert "No courier yet" in couriers.panel.table.item(row, 1).text()
        assert not couriers.banner.isVisible()

        sandbox.advance_clock(sandbox.config.courier_step * 2.5)  # COURIER_FOUND
        await shell.queue.refresh(full=True)
        assert couriers.banner.isVisible()
        assert str(order_id) in couriers.banner.text
        assert "Kia Rio" in couriers.banner.text  # the car, as the Market gives it
        assert shell.packing.sounds.played.count(Sound.COURIER) == 1
        await shell.queue.refresh(full=True)
        assert shell.packing.sounds.played.count(Sound.COURIER) == 1  # once per order and state

        sandbox.advance_clock(sandbox.config.courier_step * 2)  # COURIER_ARRIVED_TO_SENDER
        await shell.queue.refresh(full=True)
        assert f"Courier arrived for order {order_id}" in couriers.banner.text
        assert shell.packing.sounds.played.count(Sound.COURIER) == 2
        row = couriers.panel.order_ids.index(order_id)
        assert "Courier arrived" in couriers.panel.table.item(row, 1).text()
        assert "Check the courier's code" in couriers.panel.table.item(row, 3).text()

        # Back on the list, the parcel's box label opens the hand-over (not a reprint).
        view.back_requested.emit()
        assert shell.window.pages.currentWidget() is shell.window.order_list
        jobs = len(list((tmp_path / "labels").rglob("*.pdf")))
        shell.packing.scanner.scanned.emit(f"{order_id}-1")
        opened = shell.window.packing_widget
        assert isinstance(opened, PackingView)
        assert shell.window.pages.currentWidget() is opened
        assert opened.pages.currentWidget() is opened.courier
        await until(lambda: shell.tasks.running == 0, "nothing")
        assert len(list((tmp_path / "labels").rglob("*.pdf"))) == jobs

        # From another order's packing view too.
        other = sandbox.add_order((("MUG-300", 1),))
        await shell.queue.refresh(full=True)
        packing = open_order(shell, other.id)
        assert packing.session.order.id == other.id
        shell.packing.scanner.scanned.emit(f"{order_id}-1")
        back = shell.window.packing_widget
        assert isinstance(back, PackingView)
        assert back.session.order.id == order_id
        assert back.pages.currentWidget() is back.courier

        # The panel's row and the banner's button open it as well; handed over, it leaves both.
        couriers.panel.order_activated.emit(order_id)
        await _scan(shell, sandbox.eac_code(order_id))
        await shell.queue.refresh(full=True)
        assert order_id not in couriers.panel.order_ids
        assert not couriers.banner.isVisible()


async def test_checking_by_merchant_checks_the_couriers_code(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with _packed_express(qtbot, tmp_path, sandbox_app) as (shell, view):
        order_id = view.session.order.id
        sandbox.set_eac_type(order_id, "CHECKING_BY_MERCHANT")
        await _courier_arrives(shell, sandbox)
        assert view.session.order.eac_type == "CHECKING_BY_MERCHANT"
        assert view.courier.takes_code
        assert not view.courier.given_code.isVisible()
        before = _verify_calls(sandbox)
        view.courier.code.setText(sandbox.eac_code(order_id))  # typed by the packer
        view.courier.verify.click()
        await until(lambda: shell.tasks.running == 0, "the code check")
        assert _verify_calls(sandbox) == before + 1
        assert "Code accepted" in view.courier.result.text()
        assert view.session.phase is Phase.DONE


async def test_merchant_to_courier_shows_the_code_to_tell_and_never_sends_one(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    async with _packed_express(qtbot, tmp_path, sandbox_app) as (shell, view):
        order_id = view.session.order.id
        sandbox.set_eac_type(order_id, "MERCHANT_TO_COURIER")
        await _courier_arrives(shell, sandbox)
        code = sandbox.eac_code(order_id)
        page = view.courier
        assert page.given_code.isVisible()
        assert page.given_code.text() == code
        assert "Tell the courier this code" in page.hint.text()
        assert not page.takes_code
        row = shell.couriers.panel.order_ids.index(order_id)
        assert code in shell.couriers.panel.table.item(row, 3).text()

        before = _verify_calls(sandbox)
        await _scan(shell, code)  # a scanned code is not sent: the packer gives it
        assert _verify_calls(sandbox) == before
        assert "Not sent" in page.result.text()
        assert "you give the code" in page.detail.text()

        assert sandbox.courier_enters_code(order_id, code)  # the courier types it in their app
        await shell.queue.refresh()
        assert view.session.phase is Phase.DONE
        assert "Code accepted" in page.result.text()
        assert not page.given_code.isVisible()


async def test_an_order_packed_at_another_desk_opens_at_its_hand_over_by_its_box_label(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox: Sandbox = sandbox_app.state.sandbox
    packed = sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")
    layout = {"boxes": [{"items": [{"id": packed.lines[0].id, "fullCount": 1}]}]}
    sandbox.set_layout(packed.campaign_id, packed.id, layout)
    sandbox.update_status(packed.campaign_id, packed.id, "PROCESSING", "READY_TO_SHIP")
    sandbox.advance_clock(4 * sandbox.config.courier_step)
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        assert shell.couriers.banner.isVisible()  # a courier already at the desk at start-up
        shell.packing.scanner.scanned.emit(f"{packed.id}-1")
        view = shell.window.packing_widget
        assert isinstance(view, PackingView)
        assert view.session.phase is Phase.READY
        assert view.pages.currentWidget() is view.courier
        assert "Courier arrived" in view.courier.courier_state.text()
        await _scan(shell, sandbox.eac_code(packed.id))
        assert "Code accepted" in view.courier.result.text()
        assert sandbox.find(packed.id).substatus == "COURIER_RECEIVED"
