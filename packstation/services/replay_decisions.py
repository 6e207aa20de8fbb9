"""The pure decisions of the outbox replay: what to do with one pending intent.

Given a fresh copy of the order, `decide` says whether to send the intent, close it as already
done or skipped, leave it to the packer (a courier code) or keep it pending (an unknown kind);
`is_hold` / `is_wait` say what a failed send means for the run (`delivery_of`). Each decision
carries the packer-facing text for the replay report. `outbox_replay` orchestrates the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from packstation.domain.errors import PackstationError
from packstation.domain.layout import LayoutPlan
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, SHOP_FAILED, STARTED, Order
from packstation.domain.remote import Delivery, delivery_of
from packstation.services.intents import (
    CancelIntent,
    IntentKind,
    LayoutIntent,
    StatusIntent,
    UnknownIntentError,
    parse_intent,
)
from packstation.services.lost_answer import handed_over, layout_held
from packstation.services.packing.values import codes_still_checking
from packstation.services.ports import Intent

# Statuses before the packing desk's work (LaaS drafts, unpaid orders): nothing has been packed yet.
_BEFORE_PACKING: Final = frozenset({"RESERVED", "UNPAID", "PENDING", "PLACING"})


class ReplayOutcome(StrEnum):
    SENT = "sent"  # the Market confirmed it now
    ALREADY_DONE = "already_done"  # the order already shows the change; nothing was sent
    SKIPPED = "skipped"  # no longer valid (cancelled, moved on, changed); nothing was sent
    REJECTED = "rejected"  # the Market refused it; the packer must act
    NEEDS_PACKER = "needs_packer"  # must not be resent automatically (courier code)
    PENDING = "pending"  # kept for the next replay (offline, key problem, unknown kind)


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: ReplayOutcome
    ru: str = ""
    en: str = ""


SEND = Decision(ReplayOutcome.SENT)


def is_hold(err: PackstationError) -> bool:
    """Whether to keep the intent pending and stop the run: the request may have been applied,
    or may go later (`delivery_of`); only a refusal closes it."""
    return delivery_of(err) is Delivery.UNKNOWN


def is_wait(err: PackstationError) -> bool:
    """The Market is still checking the order's codes: this order's intents wait, others go on."""
    return codes_still_checking(err)


def decide(intent: Intent, order: Order, state: tuple[str, str]) -> Decision:
    """What to do with a pending `intent`, given a fresh copy of its order and the order's
    (status, substatus) as the run has left it."""
    status, substatus = state
    oid = intent.order_id
    try:
        payload = parse_intent(intent.kind, intent.payload)
    except UnknownIntentError:
        return _unknown(intent)
    except ValueError as err:
        if intent.kind in (IntentKind.BOX_LAYOUT, IntentKind.SHORTEN):
            return Decision(
                ReplayOutcome.REJECTED,
                f"Раскладка заказа {oid} в журнале повреждена ({err}); соберите коробки заново.",
                f"The saved box layout of order {oid} is damaged ({err}); lay out the boxes again.",
            )
        return _unknown(intent)
    target = payload.target if isinstance(payload, StatusIntent | CancelIntent) else None
    if target is not None and target[0] == CANCELLED:
        if status == CANCELLED:
            return _already_cancelled(oid, substatus)
        if status == PROCESSING:
            return SEND
        return _moved_on(oid, status, substatus, "отмена", "cancellation")
    if status == CANCELLED:
        return _cancelled(oid, substatus)
    if isinstance(payload, LayoutIntent) and payload.plan.allow_remove:
        return _decide_shorten(oid, payload.plan, order, state)
    if isinstance(payload, LayoutIntent):
        return _decide_layout(oid, payload.plan, order, state)
    if target is not None:
        if (status, substatus) == (target[0], target[1] or substatus):
            return Decision(
                ReplayOutcome.ALREADY_DONE,
                f"Заказ {oid} уже в статусе {status}/{substatus}; повторно не отправлено.",
                f"Order {oid} is already {status}/{substatus}; not sent again.",
            )
        if status == PROCESSING and substatus == STARTED:
            return SEND
        if target == (PROCESSING, READY_TO_SHIP) and _past_packing(status, substatus):
            return _past_ready(oid, status, substatus)
        return _moved_on(oid, status, substatus, "смена статуса", "status change")
    if handed_over(order):
        return Decision(
            ReplayOutcome.ALREADY_DONE,
            f"Заказ {oid} уже передан курьеру ({status}/{substatus}); код повторно не отправлялся.",
            f"Order {oid} is already handed to the courier ({status}/{substatus}); the code was "
            "not sent again.",
        )
    return Decision(
        ReplayOutcome.NEEDS_PACKER,
        f"Код курьера для заказа {oid} не был подтверждён до перезапуска. Попросите курьера "
        "назвать код и введите его снова.",
        f"The courier code for order {oid} was not confirmed before the restart. Ask the courier "
        "for the code and enter it again.",
    )


def _unknown(intent: Intent) -> Decision:
    return Decision(
        ReplayOutcome.PENDING,
        f"Неизвестный тип запроса «{intent.kind}» для заказа {intent.order_id}; он сохранён и не отправлен.",
        f"Unknown request type '{intent.kind}' for order {intent.order_id}; it is kept and not sent.",
    )


def _decide_layout(oid: int, plan: LayoutPlan, order: Order, state: tuple[str, str]) -> Decision:
    status, substatus = state
    if status != PROCESSING or substatus != STARTED:
        if _past_packing(status, substatus) and len(order.box_ids) == len(plan.boxes):
            return Decision(
                ReplayOutcome.ALREADY_DONE,
                f"Заказ {oid} уже собран ({status}/{substatus}), коробок: {len(plan.boxes)}; "
                "раскладка не отправлялась.",
                f"Order {oid} is already packed ({status}/{substatus}) in {len(plan.boxes)} boxes; "
                "the layout was not resent.",
            )
        return _moved_on(oid, status, substatus, "раскладка коробок", "box layout")
    mismatch = _layout_mismatch(plan, order)
    if mismatch:
        return Decision(
            ReplayOutcome.SKIPPED,
            f"Заказ {oid} изменился на Маркете ({mismatch[0]}); сохранённая раскладка не отправлена. "
            "Откройте заказ и соберите его заново.",
            f"Order {oid} changed on the Market ({mismatch[1]}); the saved layout was not sent. "
            "Open the order and pack it again.",
        )
    if layout_held(plan, order):
        return Decision(
            ReplayOutcome.ALREADY_DONE,
            f"Маркет уже хранит эту раскладку заказа {oid} (коробок: {len(plan.boxes)}); повторно не "
            "отправлено.",
            f"The Market already holds this layout of order {oid} ({len(plan.boxes)} boxes); "
            "not sent again.",
        )
    return SEND


def _decide_shorten(oid: int, plan: LayoutPlan, order: Order, state: tuple[str, str]) -> Decision:
    """A shortening is irreversible and the buyer is told at once: it is never resent on its own.
    Either the order already shows it (the Market accepted before the answer was lost), or the
    packer decides again (the packing session shows the order as it was)."""
    status, substatus = state
    if status != PROCESSING or substatus != STARTED:
        return _moved_on(oid, status, substatus, "сокращение заказа", "shortening")
    if {line.id: line.count for line in order.lines} == _plan_units(plan):
        return Decision(
            ReplayOutcome.ALREADY_DONE,
            f"Маркет уже сократил заказ {oid}; запрос повторно не отправлялся.",
            f"The Market already shortened order {oid}; the request was not sent again.",
        )
    return Decision(
        ReplayOutcome.NEEDS_PACKER,
        f"Сокращение заказа {oid} не было подтверждено до перезапуска и само не повторяется (его "
        "нельзя отменить, покупатель получает уведомление). Заказ остался как был: откройте его и "
        "сократите ещё раз, если товара нет.",
        f"The shortening of order {oid} was not confirmed before the restart and is not repeated on "
        "its own (it cannot be undone and the buyer is notified). The order is as it was: open it "
        "and shorten it again if the item is missing.",
    )


def _plan_units(plan: LayoutPlan) -> dict[int, int]:
    """Units per line in `plan` (a split unit counts once)."""
    packed: dict[int, int] = {}
    for box in plan.boxes:
        for entry in box.entries:
            units = entry.full_count or 0
            if entry.part is not None and entry.part.current == 1:
                units = 1
            packed[entry.line_id] = packed.get(entry.line_id, 0) + units
    return packed


def _layout_mismatch(plan: LayoutPlan, order: Order) -> tuple[str, str] | None:
    """Why `plan` no longer fits the order's lines, or None when it does."""
    packed = _plan_units(plan)
    counts = {line.id: line.count for line in order.lines}
    for line_id, units in packed.items():
        if line_id not in counts:
            return (f"позиции {line_id} больше нет", f"line {line_id} is gone")
        if units > counts[line_id] or (units < counts[line_id] and not plan.allow_remove):
            return (
                f"в позиции {line_id} теперь {counts[line_id]} шт., в раскладке {units}",
                f"line {line_id} now has {counts[line_id]} units, the layout {units}",
            )
    missing = set(counts) - set(packed)
    if missing and not plan.allow_remove:
        line_id = min(missing)
        return (f"добавилась позиция {line_id}", f"line {line_id} was added")
    return None


def sent(intent: Intent) -> Decision:
    return Decision(
        ReplayOutcome.SENT,
        f"Отложенный запрос «{intent.kind}» по заказу {intent.order_id} отправлен.",
        f"The delayed '{intent.kind}' request for order {intent.order_id} was sent.",
    )


def settled(intent: Intent) -> Decision:
    """A send whose answer was lost, which reading the order back shows arrived."""
    return Decision(
        ReplayOutcome.ALREADY_DONE,
        f"Ответ Маркета на запрос «{intent.kind}» по заказу {intent.order_id} потерялся, но заказ "
        "показывает, что запрос принят; повторно не отправлено.",
        f"The Market's answer to the '{intent.kind}' request for order {intent.order_id} was lost, "
        "but the order shows it arrived; not sent again.",
    )


def _cancelled(oid: int, substatus: str) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        f"Заказ {oid} отменён ({substatus}), пока запрос ждал отправки; запрос не отправлен. "
        "Верните товары на место.",
        f"Order {oid} was cancelled ({substatus}) while the request was waiting; it was not sent. "
        "Put the items back.",
    )


def _already_cancelled(oid: int, substatus: str) -> Decision:
    by_whom_ru = "" if substatus == SHOP_FAILED else f" (причина: {substatus})"
    by_whom_en = "" if substatus == SHOP_FAILED else f" (reason: {substatus})"
    return Decision(
        ReplayOutcome.ALREADY_DONE,
        f"Заказ {oid} уже отменён{by_whom_ru}; повторная отмена не отправлялась.",
        f"Order {oid} is already cancelled{by_whom_en}; the cancellation was not resent.",
    )


def _past_packing(status: str, substatus: str) -> bool:
    """READY_TO_SHIP or later: Express courier substatuses, shipped, in delivery, delivered."""
    if status == PROCESSING:
        return substatus != STARTED
    return status not in _BEFORE_PACKING and status != CANCELLED


def _past_ready(oid: int, status: str, substatus: str) -> Decision:
    return Decision(
        ReplayOutcome.ALREADY_DONE,
        f"Заказ {oid} уже готов к отгрузке или передан ({status}/{substatus}); повторно не отправлено.",
        f"Order {oid} is already ready to ship or handed over ({status}/{substatus}); not sent again.",
    )


def _moved_on(oid: int, status: str, substatus: str, what_ru: str, what_en: str) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        f"Заказ {oid} уже в статусе {status}/{substatus}: {what_ru} больше невозможна и не отправлена.",
        f"Order {oid} is now {status}/{substatus}: the {what_en} no longer applies and was not sent.",
    )


def gone(oid: int) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        f"Заказ {oid} не найден на Маркете; отложенный запрос не отправлен.",
        f"Order {oid} was not found on the Market; the delayed request was not sent.",
    )


def rejected(err: PackstationError) -> Decision:
    return Decision(
        ReplayOutcome.REJECTED,
        f"Маркет отклонил отложенный запрос: {err.message('ru')}",
        f"The Market rejected the delayed request: {err.message('en')}",
    )


def blocked(failed: Intent) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        f"Не отправлено: предыдущий запрос по заказу {failed.order_id} («{failed.kind}») не прошёл. "
        "Откройте заказ и проверьте его.",
        f"Not sent: the previous '{failed.kind}' request for order {failed.order_id} did not go through. "
        "Open the order and check it.",
    )


def still_pending(err: PackstationError | None) -> Decision:
    reason_ru = err.message("ru") if err is not None else "нет связи"
    reason_en = err.message("en") if err is not None else "no connection"
    return Decision(
        ReplayOutcome.PENDING,
        f"Запрос ждёт отправки и будет повторён: {reason_ru}",
        f"The request is waiting and will be retried: {reason_en}",
    )
