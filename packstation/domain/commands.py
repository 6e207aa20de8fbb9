"""Command barcodes: a packer can drive the packing desk with the scanner alone.

Each command is a Code 128 barcode whose payload is `PS:` + the command name (e.g. `PS:NEW_BOX`);
`packstation commands-sheet --out FILE.pdf` prints them all with Russian and English captions.
Payloads use only characters that survive every keyboard mangling the decoder undoes, and are
matched case-insensitively (Caps Lock on a scanner without Shift handling flips the case).

| payload            | action                                                         |
|--------------------|----------------------------------------------------------------|
| PS:NEW_BOX         | open a new box and make it current                             |
| PS:CLOSE_BOX       | close the current box                                          |
| PS:NEXT_PART_BOX   | move on to the next part box of a unit packed in several boxes |
| PS:UNDO            | undo the last scan                                             |
| PS:SUBMIT          | submit the layout, print the labels, set READY_TO_SHIP         |
| PS:REPRINT         | reprint the order's labels                                     |
| PS:CANCEL          | cancel the current action or dialog                            |
| PS:NEXT_ORDER      | open the next order in the queue                               |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from packstation.domain.scan import Command

COMMAND_PREFIX: Final = "PS:"


@dataclass(frozen=True, slots=True)
class CommandInfo:
    """A command barcode: what it encodes and how it is captioned."""

    command: Command
    caption_ru: str
    caption_en: str

    @property
    def payload(self) -> str:
        """The text the barcode encodes, e.g. `PS:NEW_BOX`."""
        return COMMAND_PREFIX + self.command.value


COMMANDS: Final[tuple[CommandInfo, ...]] = (
    CommandInfo(Command.NEW_BOX, "Новая коробка", "New box"),
    CommandInfo(Command.CLOSE_BOX, "Закрыть коробку", "Close box"),
    CommandInfo(Command.NEXT_PART_BOX, "Следующая часть товара", "Next part box"),
    CommandInfo(Command.UNDO, "Отменить последний скан", "Undo last scan"),
    CommandInfo(
        Command.SUBMIT, "Готово: отправить, печать, к отгрузке", "Done: submit, print, ready to ship"
    ),
    CommandInfo(Command.REPRINT, "Перепечатать ярлыки", "Reprint labels"),
    CommandInfo(Command.CANCEL, "Отмена действия", "Cancel action"),
    CommandInfo(Command.NEXT_ORDER, "Следующий заказ", "Open next order"),
)

_BY_PAYLOAD: Final = {info.payload: info.command for info in COMMANDS}


def command_payload(command: Command) -> str:
    """The barcode text for `command`."""
    return COMMAND_PREFIX + command.value


def parse_command(text: str) -> Command | None:
    """The command a scan encodes, or None if it is not a command barcode."""
    return _BY_PAYLOAD.get(text.upper())
