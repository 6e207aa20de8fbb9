"""Typed Market API failures, each with packer-facing text in Russian and English and a hint.

The tree mirrors what the packer can do about a failure: fix the data (`BadRequestError`), fix
the key (`UnauthorizedError`, `ForbiddenError`), wait (`RateLimitedError`, `ServerError`,
`MarketTimeoutError`, `ConnectionFailedError`) or report a bug (`InvalidResponseError`).
`retryable` tells the outbox whether resending may succeed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packstation.domain.remote import RemoteError


@dataclass(frozen=True, slots=True)
class ApiErrorItem:
    """One entry of the Market's `errors[]`: a machine code and the Market's own message."""

    code: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class _Text:
    ru: str
    en: str
    hint_ru: str = ""
    hint_en: str = ""


# Error codes the Market returns on the packing path (NOTES.md 2(e)), phrased for the packer.
_CODE_TEXTS: dict[str, _Text] = {
    "CANNOT_REMOVE_LAST_ITEM": _Text(
        "Нельзя удалить единственный товар заказа.",
        "The only item of the order cannot be removed.",
        "Отмените заказ (нет в наличии), если его нельзя собрать.",
        "Cancel the order (out of stock) if it cannot be packed.",
    ),
    "PROMO_PROHIBITS_DELETE": _Text(
        "Товар добавлен по акции — Маркет не разрешает его удалить.",
        "The item was added under a promotion; the Market does not allow removing it.",
        "Соберите заказ полностью или отмените его.",
        "Pack the order in full or cancel it.",
    ),
    "PAYMENT_PROHIBITS_DELETE": _Text(
        "Способ оплаты заказа не позволяет удалить товар.",
        "The order's payment method does not allow removing items.",
        "Соберите заказ полностью или отмените его.",
        "Pack the order in full or cancel it.",
    ),
    "DELETED_ITEMS_EXCEEDS_THRESHOLD": _Text(
        "Нельзя удалить товары на 99% стоимости заказа и более.",
        "Items worth 99% or more of the order cannot be removed.",
        "Отмените заказ вместо удаления товаров.",
        "Cancel the order instead of removing items.",
    ),
    "OTHER_REMOVE_ITEM_ERROR": _Text(
        "Маркет не разрешил удалить товар из заказа.",
        "The Market refused to remove the item from the order.",
        "Соберите заказ полностью или отмените его.",
        "Pack the order in full or cancel it.",
    ),
    "ITEMS_ADDITION_NOT_SUPPORTED": _Text(
        "Нельзя увеличить количество или добавить товары в заказ.",
        "Quantities cannot be increased and items cannot be added.",
        "Проверьте раскладку: в коробках больше единиц, чем в заказе.",
        "Check the layout: the boxes hold more units than the order.",
    ),
    "ITEM_NOT_FOUND": _Text(
        "В заказе нет такой позиции.",
        "The order has no such line.",
        "Обновите заказ и соберите раскладку заново.",
        "Refresh the order and lay out the boxes again.",
    ),
    "ITEM_DUPLICATE": _Text(
        "Позиция указана в раскладке дважды.",
        "A line appears twice in the layout.",
        "Обновите заказ и соберите раскладку заново.",
        "Refresh the order and lay out the boxes again.",
    ),
    "INVALID_ITEM": _Text(
        "Маркет не принял позицию заказа.",
        "The Market rejected an order line.",
        "Обновите заказ и проверьте раскладку.",
        "Refresh the order and check the layout.",
    ),
    "ITEM_SHIPPED": _Text(
        "Товар уже отгружен — изменить его нельзя.",
        "The item has already been shipped and cannot be changed.",
    ),
    "INVALID_CIS": _Text(
        "Маркет не принял код маркировки «Честный знак».",
        "The Market rejected a Chestny Znak marking code.",
        "Отсканируйте код с упаковки ещё раз (DataMatrix целиком).",
        "Scan the code from the package again (the whole DataMatrix).",
    ),
    "DUPLICATE_CIS": _Text(
        "Один и тот же код маркировки указан дважды.",
        "The same marking code was given twice.",
        "У каждой единицы свой код: отсканируйте код с другой единицы.",
        "Each unit has its own code: scan the code of another unit.",
    ),
    "TOO_MANY_CISES_FOR_ITEM": _Text(
        "Кодов маркировки больше, чем единиц товара.",
        "There are more marking codes than units.",
        "Удалите лишний код.",
        "Remove the extra code.",
    ),
    "TOO_FEW_CISES_FOR_ITEM": _Text(
        "Не хватает кодов маркировки: нужен код на каждую единицу.",
        "Marking codes are missing: every unit needs one.",
        "Отсканируйте коды всех единиц.",
        "Scan the codes of all units.",
    ),
    "CIS_VALIDATION_IN_PROGRESS_ERROR": _Text(
        "Коды маркировки ещё проверяются в «Честном знаке».",
        "The marking codes are still being checked by Chestny Znak.",
        "Подождите минуту и повторите.",
        "Wait a minute and try again.",
    ),
    "INVALID_UIN": _Text(
        "Маркет не принял УИН ювелирного изделия.",
        "The Market rejected the jewelry UIN.",
        "Проверьте 16 цифр УИН на бирке и отсканируйте снова.",
        "Check the 16-digit UIN on the tag and scan again.",
    ),
    "DUPLICATE_UIN": _Text(
        "Один и тот же УИН указан дважды.",
        "The same UIN was given twice.",
        "У каждого изделия свой УИН.",
        "Each piece has its own UIN.",
    ),
    "TOO_MANY_UINS_FOR_ITEM": _Text(
        "УИН больше, чем единиц товара.",
        "There are more UINs than units.",
        "Удалите лишний УИН.",
        "Remove the extra UIN.",
    ),
    "TOO_FEW_UINS_FOR_ITEM": _Text(
        "Не хватает УИН: нужен на каждое изделие.",
        "UINs are missing: every piece needs one.",
        "Отсканируйте УИН всех изделий.",
        "Scan the UINs of all pieces.",
    ),
    "UIN_VALIDATION_IN_PROGRESS_ERROR": _Text(
        "УИН ещё проверяются.",
        "The UINs are still being checked.",
        "Подождите минуту и повторите.",
        "Wait a minute and try again.",
    ),
    "INVALID_RNPT": _Text(
        "Маркет не принял РНПТ.",
        "The Market rejected the RNPT.",
        "Формат: XXXXXXXX/XXXXXX/XXXXXXX/XXX.",
        "Format: XXXXXXXX/XXXXXX/XXXXXXX/XXX.",
    ),
    "INVALID_GTD": _Text(
        "Маркет не принял номер ГТД.",
        "The Market rejected the customs declaration number (GTD).",
        "Формат: XXXXXXXX/XXXXXX/XXXXXXX.",
        "Format: XXXXXXXX/XXXXXX/XXXXXXX.",
    ),
    "INVALID_COUNTRY_CODE": _Text(
        "Неверный код страны.",
        "Invalid country code.",
        "Укажите две латинские буквы, например CN.",
        "Use two Latin letters, e.g. CN.",
    ),
    "COUNTRY_CODE_AND_GTD_ARE_REQUIRED_VALIDATION_ERROR": _Text(
        "Для ГТД нужен и номер, и код страны.",
        "A GTD needs both the number and the country code.",
    ),
    "STATUS_NOT_ALLOWED": _Text(
        "Заказ нельзя перевести в этот статус сейчас.",
        "The order cannot move to this status now.",
        "Обновите заказ: его статус мог измениться.",
        "Refresh the order: its status may have changed.",
    ),
    "SUBSTATUS_NOT_ALLOWED": _Text(
        "Этот этап заказа сейчас недоступен.",
        "This order stage is not allowed now.",
        "Обновите заказ: его статус мог измениться.",
        "Refresh the order: its status may have changed.",
    ),
    "INVALID_ORDER_STATUS": _Text(
        "Действие недоступно в текущем статусе заказа.",
        "The action is not available in the order's current status.",
        "Обновите заказ.",
        "Refresh the order.",
    ),
    "ORDER_IN_TERMINAL_STATE": _Text(
        "Заказ уже завершён или отменён.",
        "The order is already finished or cancelled.",
        "Отложите товары заказа.",
        "Put the order's goods aside.",
    ),
    "CANCELLATION_REQUESTED": _Text(
        "Покупатель запросил отмену заказа.",
        "The buyer asked to cancel the order.",
        "Не отгружайте заказ; отложите товары.",
        "Do not ship the order; put the goods aside.",
    ),
    "USER_UNREACHABLE_NOT_ALLOWED": _Text(
        "Нельзя отменить как «не дозвонились»: не выполнены правила звонков.",
        "Cannot cancel as 'buyer unreachable': the call rules were not met.",
    ),
    "CODE_NEED_BE_REFRESHED": _Text(
        "Код курьера устарел — Маркет выдаст новый.",
        "The courier's code has expired; the Market will issue a new one.",
        "Попросите курьера обновить код в приложении.",
        "Ask the courier to refresh the code in the app.",
    ),
    "CODE_ALREADY_ACCEPTED": _Text(
        "Код курьера уже подтверждён.",
        "The courier's code has already been accepted.",
        "Передайте заказ курьеру.",
        "Hand the order over to the courier.",
    ),
    "EXTERNAL_ORDER_ID_UPDATE_ERROR": _Text(
        "Внешний номер заказа уже задан или его нельзя изменить.",
        "The external order id is already set or can no longer be changed.",
    ),
    "ACTION_FORBIDDEN": _Text(
        "Маркет запретил это действие для заказа.",
        "The Market forbids this action for the order.",
    ),
    "CONSTRAINT_VIOLATION": _Text(
        "Маркет не принял данные запроса.",
        "The Market rejected the request data.",
        "Обновите заказ и повторите.",
        "Refresh the order and try again.",
    ),
    "NO_BOXES": _Text(
        "У заказа нет коробок.",
        "The order has no boxes.",
        "Сначала отправьте раскладку по коробкам.",
        "Send the box layout first.",
    ),
    "CUTOFF_NOT_REACHED": _Text(
        "Время отгрузки ещё не наступило.",
        "The shipment cut-off time has not been reached yet.",
        "Повторите ближе ко времени отгрузки.",
        "Try again closer to the shipment time.",
    ),
}

_REJECTED = _Text(
    "Маркет отклонил запрос.",
    "The Market rejected the request.",
    "Обновите заказ и проверьте данные.",
    "Refresh the order and check the data.",
)
_UNAUTHORIZED = _Text(
    "Маркет не принял ключ API.",
    "The Market did not accept the API key.",
    "Проверьте ключ в настройках (Api-Key из кабинета продавца).",
    "Check the key in Settings (the Api-Key from the seller cabinet).",
)
_NO_SCOPE = _Text(
    "Нет доступа к этому действию.",
    "No access to this action.",
    "Добавьте ключу API нужный доступ в кабинете продавца (Настройки → API).",
    "Grant the API key the needed access in the seller cabinet (Settings → API).",
)
_NO_ACCESS = _Text(
    "Нет доступа к этому действию.",
    "No access to this action.",
    "Проверьте, что магазин активен и ключ выдан этому кабинету.",
    "Check that the store is active and the key belongs to this cabinet.",
)
_NOT_FOUND = _Text(
    "Маркет не нашёл заказ или магазин.",
    "The Market did not find the order or store.",
    "Проверьте номер заказа и выбранный магазин.",
    "Check the order number and the selected store.",
)
_SERVER = _Text(
    "Сбой на стороне Маркета.",
    "The Market had an internal failure.",
    "Повторите через минуту; сделанное сохранено.",
    "Try again in a minute; your work is saved.",
)


class MarketError(RemoteError):
    """Root of every failure of a Market call (the `RemoteError` contract services read).

    Attributes:
        errors: the Market's `errors[]` entries, preserved as sent (`codes` holds their codes).
        operation: the spec's operationId of the failed call, when known.
    """

    def __init__(
        self,
        ru: str,
        en: str,
        *,
        hint_ru: str = "",
        hint_en: str = "",
        status_code: int | None = None,
        errors: tuple[ApiErrorItem, ...] = (),
        operation: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(
            ru,
            en,
            hint_ru=hint_ru,
            hint_en=hint_en,
            status_code=status_code,
            codes=tuple(item.code for item in errors),
            retry_after=retry_after,
        )
        self.errors = errors
        self.operation = operation

    def _say(
        self,
        text: _Text,
        status_code: int | None,
        errors: tuple[ApiErrorItem, ...],
        operation: str,
        *,
        quote_market: bool = True,
    ) -> None:
        """Initialise from a packer-facing text, optionally followed by the Market's own words."""
        said_ru, said_en = _market_says(errors) if quote_market else ("", "")
        MarketError.__init__(
            self,
            text.ru + said_ru,
            text.en + said_en,
            hint_ru=text.hint_ru,
            hint_en=text.hint_en,
            status_code=status_code,
            errors=errors,
            operation=operation,
        )

    def __str__(self) -> str:
        parts = [self.en]
        if self.status_code is not None:
            parts.append(f"HTTP {self.status_code}")
        if self.operation:
            parts.append(self.operation)
        parts.extend(f"{item.code}: {mask_codes(item.message)}" for item in self.errors)
        return " | ".join(parts)


# A Chestny Znak code: GTIN (01 + 14 digits), serial (21 + ...), maybe a GS and a crypto tail.
_CIS = re.compile(r"01\d{14}21(?:[^\s;,\"']|\x1d)+")  # GS counts as whitespace for \s


def mask_codes(text: str) -> str:
    """`text` with every marking code cut to its GTIN part, safe for logs and dialogs."""
    return _CIS.sub(lambda match: match.group()[:18] + "…", text).replace("\x1d", "<GS>")


def _market_says(errors: tuple[ApiErrorItem, ...]) -> tuple[str, str]:
    messages = mask_codes("; ".join(item.message or item.code for item in errors))
    return (f" Маркет: {messages}", f" Market: {messages}") if messages else ("", "")


class BadRequestError(MarketError):
    """HTTP 400: the Market refused the data; the Market's codes and messages are preserved."""

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        known = next((_CODE_TEXTS[item.code] for item in errors if item.code in _CODE_TEXTS), None)
        self._say(known or _REJECTED, 400, errors, operation)


class UnauthorizedError(MarketError):
    """HTTP 401: no or malformed credentials."""

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        self._say(_UNAUTHORIZED, 401, errors, operation, quote_market=False)


class ForbiddenError(MarketError):
    """HTTP 403: the key is valid but lacks access (a scope, the store, or the API is disabled).

    `missing_scope` is True when the Market's message points at the key's access rights, which
    the packer can fix by adding an access to the key in the cabinet.
    """

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        said = " ".join(f"{item.code} {item.message}" for item in errors).lower()
        self.missing_scope = any(word in said for word in ("scope", "access", "доступ", "прав"))
        self._say(_NO_SCOPE if self.missing_scope else _NO_ACCESS, 403, errors, operation)


class NotFoundError(MarketError):
    """HTTP 404: the order, store, box or report does not exist (or is not visible to the key)."""

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        self._say(_NOT_FOUND, 404, errors, operation)


class RateLimitedError(MarketError):
    """HTTP 420: too many requests; `retry_after` seconds until the Market accepts more."""

    retryable = True

    def __init__(
        self, retry_after: float | None = None, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = ""
    ) -> None:
        if retry_after is None:
            when_ru, when_en = "позже", "later"
        else:
            minutes = max(1, round(retry_after / 60))
            when_ru, when_en = f"через {minutes} мин", f"in {minutes} min"
        super().__init__(
            "Маркет временно ограничил число запросов.",
            "The Market has temporarily limited the number of requests.",
            hint_ru=f"Повторите {when_ru}; сделанное сохранено.",
            hint_en=f"Try again {when_en}; your work is saved.",
            status_code=420,
            errors=errors,
            operation=operation,
            retry_after=retry_after,
        )


class ServerError(MarketError):
    """HTTP 5xx: the Market failed; resending later is safe for idempotent calls."""

    retryable = True
    answer_lost = True  # the Market may have failed after applying the change

    def __init__(
        self, status_code: int = 500, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = ""
    ) -> None:
        self._say(_SERVER, status_code, errors, operation, quote_market=False)


class MarketTimeoutError(MarketError):
    """The Market did not answer in time."""

    retryable = True

    def __init__(self, *, operation: str = "", answer_lost: bool = True) -> None:
        self.answer_lost = answer_lost  # False when the request never left (no free connection)
        super().__init__(
            "Маркет не ответил вовремя.",
            "The Market did not answer in time.",
            hint_ru="Проверьте интернет и повторите; сделанное сохранено.",
            hint_en="Check the internet connection and try again; your work is saved.",
            operation=operation,
        )


class ConnectionFailedError(MarketError):
    """No connection to the Market (DNS, refused, TLS, network down)."""

    retryable = True

    def __init__(self, detail: str = "", *, operation: str = "", answer_lost: bool = False) -> None:
        self.detail = detail
        self.answer_lost = answer_lost  # True when the connection broke after the request left
        super().__init__(
            "Нет связи с Маркетом.",
            "Cannot reach the Market.",
            hint_ru="Проверьте интернет; действия отправятся, когда связь вернётся.",
            hint_en="Check the internet connection; actions will be sent when it is back.",
            operation=operation,
        )


class InvalidResponseError(MarketError):
    """The Market answered with something the client cannot read (not JSON, wrong shape)."""

    answer_lost = True  # an unreadable success still applied the change

    def __init__(self, detail: str = "", *, status_code: int | None = None, operation: str = "") -> None:
        self.detail = detail
        super().__init__(
            "Маркет прислал непонятный ответ.",
            "The Market sent a response the app cannot read.",
            hint_ru="Повторите позже; если не пройдёт — сообщите в поддержку.",
            hint_en="Try again later; if it persists, contact support.",
            status_code=status_code,
            operation=operation,
        )

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} | {self.detail}" if self.detail else base


class UnexpectedStatusError(MarketError):
    """Any other HTTP error status (405, 415, 423...)."""

    def __init__(
        self, status_code: int, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = ""
    ) -> None:
        said_ru, said_en = _market_says(errors)
        super().__init__(
            f"Маркет ответил ошибкой {status_code}." + said_ru,
            f"The Market answered with error {status_code}." + said_en,
            hint_ru="Повторите позже.",
            hint_en="Try again later.",
            status_code=status_code,
            errors=errors,
            operation=operation,
        )


def error_for_status(
    status_code: int,
    errors: tuple[ApiErrorItem, ...],
    *,
    operation: str = "",
    retry_after: float | None = None,
) -> MarketError:
    """The typed error for an HTTP error status."""
    if status_code == 400:
        return BadRequestError(errors, operation=operation)
    if status_code == 401:
        return UnauthorizedError(errors, operation=operation)
    if status_code == 403:
        return ForbiddenError(errors, operation=operation)
    if status_code == 404:
        return NotFoundError(errors, operation=operation)
    if status_code in (420, 429):
        return RateLimitedError(retry_after, errors, operation=operation)
    if status_code >= 500:
        return ServerError(status_code, errors, operation=operation)
    return UnexpectedStatusError(status_code, errors, operation=operation)


KNOWN_ERROR_CODES: frozenset[str] = frozenset(_CODE_TEXTS)
"""Market error codes with a dedicated packer-facing text."""
