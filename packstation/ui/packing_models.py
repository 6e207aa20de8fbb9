"""Qt item models over a `PackingSession`: the order's lines (left) and the boxes (right).

Both models read only the session's `snapshot`; they hold no packing state of their own. On a
session change they update only the rows that changed (`dataChanged`, `rowsInserted`,
`rowsRemoved`; issue 19), so a scan repaints what it touched and selection and scroll stay.

Drag and drop is model code (`mimeData` / `dropMimeData`), so tests
and the views share one path:

- drag a line (all its unpacked units, or `drag_units` of them) onto a box -> `put`;
- onto the "new box" row, between rows or onto empty space -> `put` into a new box;
- a line whose item travels in several parcels (`parts_per_unit` > 1), dropped anywhere, is split
  instead (N part boxes with the unit's codes repeated; a unit whose parcels scans began gets
  its missing parts), never put whole into a box;
- drag a box entry onto another box -> `move`; onto the "new box" row -> `move` to a new box;
- drag a box entry back onto the lines list -> `unpack`.

A refused drop changes nothing, returns False and emits `refused(error)` (the session also puts
the error in `snapshot.last_error`, which the view shows).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap, QStandardItem, QStandardItemModel

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import OrderLine, RequiredCode
from packstation.domain.packing.errors import box_no
from packstation.domain.packing.model import Box, BoxKind, LineProgress, Packing, PartSlot, UnitRef
from packstation.domain.verification import CodeStatus
from packstation.services.packing import CodeBadge, PackingSession, SessionSnapshot
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.plain_text import plain_tooltip
from packstation.ui.row_delegate import LOOK_ROLE, RowLook

MIME_UNITS = "application/x-packstation-units"

AnyIndex = QModelIndex | QPersistentModelIndex

# Background colours: calm when nothing is done, green when done, amber in between.
COLOR_DONE = QColor(palette.DONE_BG)
COLOR_PARTIAL = QColor(palette.PARTIAL_BG)
COLOR_PART_BOX = QColor(palette.PART_BOX_BG)
COLOR_CURRENT = QColor(palette.CURRENT_BG)
COLOR_BAD = QColor(palette.BAD_BG)

STATUS_COLORS: dict[CodeStatus, QColor] = {
    CodeStatus.OK: QColor(palette.GREEN),
    CodeStatus.IN_PROGRESS: QColor(palette.AMBER),
    CodeStatus.NOT_ON_VALIDATION: QColor(palette.GREY),
    CodeStatus.FAILED: QColor(palette.RED),
    CodeStatus.INVALID: QColor(palette.RED),
    CodeStatus.UNKNOWN: QColor(palette.GREY),
}


# The lines' item flags, combined once (each `|` of Qt's Python enums costs microseconds).
_LINE_DROP = Qt.ItemFlag.ItemIsDropEnabled
_LINE_SHOWN = _LINE_DROP | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LINE_DRAGGABLE = _LINE_SHOWN | Qt.ItemFlag.ItemIsDragEnabled


class Role(IntEnum):
    """Custom data roles (tests and delegates read these instead of parsing display text)."""

    LINE_ID = Qt.ItemDataRole.UserRole + 1
    BOX = Qt.ItemDataRole.UserRole + 2
    UNITS = Qt.ItemDataRole.UserRole + 3
    NODE_KIND = Qt.ItemDataRole.UserRole + 4
    CODE_STATUS = Qt.ItemDataRole.UserRole + 5
    PACKED = Qt.ItemDataRole.UserRole + 6
    CODED = Qt.ItemDataRole.UserRole + 7


class NodeKind(StrEnum):
    BOX = "box"
    NEW_BOX = "new_box"
    ENTRY = "entry"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class UnitDrag:
    """What is being dragged: `units` of line `line_id`, from box `box` (None: from the lines)."""

    line_id: int
    units: int
    box: int | None = None


def encode_drag(drag: UnitDrag) -> QMimeData:
    mime = QMimeData()
    payload = {"line": drag.line_id, "units": drag.units, "box": drag.box}
    mime.setData(MIME_UNITS, QByteArray(json.dumps(payload).encode()))
    return mime


def decode_drag(mime: QMimeData) -> UnitDrag | None:
    """The drag in `mime`, or None for foreign or damaged data."""
    if not mime.hasFormat(MIME_UNITS):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_UNITS).data()).decode())
        box = payload.get("box")
        return UnitDrag(int(payload["line"]), int(payload["units"]), None if box is None else int(box))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def mask_code(instance: Instance) -> str:
    """A code as the packer needs to recognise it, without showing all of it."""
    value = instance.value.replace("\x1d", "")
    if instance.kind is InstanceKind.CIS and len(value) > 24:
        return f"{value[:16]}…{value[-4:]}"
    return value if len(value) <= 24 else f"{value[:14]}…{value[-6:]}"


class _SessionModel:
    """The part both models share: the session, the drop rules and the refusal callback."""

    def __init__(self, session: PackingSession, refuse: Callable[[BaseException], None]) -> None:
        self.session = session
        self._refuse = refuse
        self.snapshot: SessionSnapshot = session.snapshot
        # Units one drag carries; None: everything the dragged row holds.
        self.drag_units: int | None = None

    def _units(self, available: int) -> int:
        return max(1, min(available, self.drag_units or available))

    def apply_drop(self, drag: UnitDrag, target: int | None, *, unpack: bool = False) -> bool:
        """Carry out a drop on the session; False (and `refused`) when refused or meaningless."""
        session = self.session
        try:
            if unpack:
                if drag.box is None:
                    return False
                session.unpack(drag.line_id, drag.box, drag.units)
            elif drag.box is None:
                if self.snapshot.packing.travels_in_parts(drag.line_id):
                    # Wherever it is dropped, a multi-parcel unit goes into part boxes of its own
                    # (the unit the scans began gets its missing parts), as scans and Split do.
                    for _ in range(drag.units):
                        session.split(drag.line_id)
                else:
                    session.put(drag.line_id, target, drag.units)
            elif drag.box == target:
                return False
            else:
                session.move(drag.line_id, drag.box, target, drag.units)
        except (PackstationError, KeyError) as error:
            self._refuse(error)
            return False
        return True


class _FollowsSession:
    """What both models share: the session they follow and the units one drag carries."""

    _core: _SessionModel
    _unsubscribe: Callable[[], None]

    @property
    def session(self) -> PackingSession:
        return self._core.session

    @property
    def drag_units(self) -> int | None:
        """Units one drag carries; None: everything the dragged row holds."""
        return self._core.drag_units

    @drag_units.setter
    def drag_units(self, value: int | None) -> None:
        self._core.drag_units = value

    def detach(self) -> None:
        """Stop following the session (the view closes)."""
        self._unsubscribe()

    # Drag and drop: one private MIME type; a drag copies (the session moves the units).
    def mimeTypes(self) -> list[str]:
        return [MIME_UNITS]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def required_text(line: OrderLine) -> str:
    """The marking a line needs, in the packer's words ("" when none)."""
    translate = QCoreApplication.translate
    names = {
        RequiredCode.CIS: translate("LinesModel", "Chestny Znak"),
        RequiredCode.CIS_OPTIONAL: translate("LinesModel", "Chestny Znak (optional)"),
        RequiredCode.UIN: translate("LinesModel", "UIN"),
        RequiredCode.RNPT: translate("LinesModel", "RNPT"),
        RequiredCode.GTD: translate("LinesModel", "GTD"),
    }
    return ", ".join(names[code] for code in RequiredCode if code in line.required)


def _line_colour(progress: LineProgress) -> QColor | None:
    """A line's background: green when done, amber when begun (the shared colour: a look only
    reads it)."""
    coded = not progress.needs_codes or progress.coded == progress.count
    if progress.packed == progress.count and coded:
        return COLOR_DONE
    return COLOR_PARTIAL if progress.packed or progress.coded else None


class LinesModel(_FollowsSession, QAbstractListModel):
    """The order's lines with their progress ("2 of 3 packed, 1 of 3 coded").

    Drop target for unpacking (a box entry dragged back); drag source for putting units in boxes.

    Signals:
        refused(object): a drop was refused (the `PackstationError`).
    """

    refused = Signal(object)

    def __init__(self, session: PackingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = _SessionModel(session, self.refused.emit)
        self.pictures: dict[str, QPixmap] = {}
        self._shown = self._row_states(self._core.snapshot)
        # Per row, the values `data` gave, until the row changes (a repaint asks for every role).
        self._cache: list[dict[int, Any]] = [{} for _ in self._shown]
        self._headings: dict[int, tuple[OrderLine, str]] = {}  # per row: its line and `_heading`
        # The progress texts, translated once: a scan writes one row's anew.
        self._packed_of = self.tr("{packed} of {count} packed")
        self._coded_of = self.tr("{coded} of {count} coded")
        self._split_of = self.tr("{n} split")
        self._unsubscribe = session.subscribe(self._on_snapshot)

    def set_picture(self, url: str, pixmap: QPixmap) -> None:
        """Show a loaded product picture for every line with this `picture_url`."""
        self.pictures[url] = pixmap
        rows = [i for i, line in enumerate(self._core.snapshot.order.lines) if line.picture_url == url]
        for row in rows:
            self._cache[row].pop(Qt.ItemDataRole.DecorationRole, None)
            self._cache[row].pop(LOOK_ROLE, None)  # the row's look holds the picture too
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, LOOK_ROLE])

    @staticmethod
    def _row_states(snapshot: SessionSnapshot) -> list[tuple[OrderLine, LineProgress, PartSlot | None, bool]]:
        """What each row shows, to tell which rows a change touched."""
        packing, editable = snapshot.packing, snapshot.editable
        # Without a split unit no line has a parcel open: most scans need not look per line.
        parts = any(box.part is not None for box in packing.boxes)
        return [
            (line, progress, packing.open_part(line.id) if parts else None, editable)
            for line, progress in zip(snapshot.order.lines, snapshot.progress, strict=True)
        ]

    def _on_snapshot(self, snapshot: SessionSnapshot) -> None:
        states = self._row_states(snapshot)
        old_lines, new_lines = self._core.snapshot.order.lines, snapshot.order.lines
        # Lines left or joined the order (a shortening), never a scan (its lines are the same).
        if old_lines is not new_lines and [line.id for line in old_lines] != [line.id for line in new_lines]:
            self.beginResetModel()
            self._core.snapshot, self._shown = snapshot, states
            self._cache = [{} for _ in states]
            self.endResetModel()
            return
        self._core.snapshot = snapshot
        shown, self._shown = self._shown, states
        changed = [row for row, state in enumerate(states) if shown[row] != state]
        for row in changed:
            self._cache[row] = {}
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    # -- reading -----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._core.snapshot.order.lines)

    def line_at(self, row: int) -> OrderLine:
        return self._core.snapshot.order.lines[row]

    def row_of(self, line_id: int) -> int:
        for row, line in enumerate(self._core.snapshot.order.lines):
            if line.id == line_id:
                return row
        raise KeyError(line_id)

    def progress_text(self, row: int) -> str:
        # The row's open part (`_row_states`) is worked out already.
        return self._progress_text(self.line_at(row), self._core.snapshot.progress[row], self._shown[row][2])

    def _progress_text(self, line: OrderLine, progress: LineProgress, begun: PartSlot | None) -> str:
        text = self._packed_of.format(packed=progress.packed, count=progress.count)
        if progress.needs_codes or progress.coded or line.required:
            text += ", " + self._coded_of.format(coded=progress.coded, count=progress.count)
        if progress.split_units:
            text += ", " + self._split_of.format(n=progress.split_units)
        if begun is not None:  # the unit whose parcels are being scanned: how far it is
            text += ", " + fill(self.tr("parcels in boxes: %1 of %n", "", begun.total), begun.current)
        return text

    def looks_after(self, snapshot: SessionSnapshot) -> list[RowLook]:
        """The looks the rows `snapshot` would change would get, worked out without showing
        them (nothing is kept: a view lays their texts out ahead, `WrappingListView.prepare`)."""
        shown = self._shown
        states = self._row_states(snapshot)
        if [state[0].id for state in states] != [state[0].id for state in shown]:
            return []  # other lines (a shortening): the model is reset then, nothing to foresee
        looks = []
        for row, state in enumerate(states):
            if state != shown[row]:
                line, progress, begun, _editable = state
                text = f"{self._heading(row, line)}\n{self._progress_text(line, progress, begun)}"
                picture = self.pictures.get(line.picture_url) if line.picture_url else None
                looks.append(RowLook(text, background=_line_colour(progress), picture=picture))
        return looks

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._cache) or not index.isValid():
            return None
        return self._kept(row, role)

    def _kept(self, row: int, role: int) -> Any:
        """`role`'s value for `row`, computed once until the row changes."""
        cache = self._cache[row]
        if role not in cache:
            cache[role] = self._data(row, role)
        return cache[role]

    def _data(self, row: int, role: int) -> Any:
        line = self.line_at(row)
        progress = self._core.snapshot.progress[row]
        if role == LOOK_ROLE:
            return RowLook(
                self._kept(row, Qt.ItemDataRole.DisplayRole),
                background=_line_colour(progress),
                picture=self._kept(row, Qt.ItemDataRole.DecorationRole),
            )
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._heading(row, line)}\n{self.progress_text(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(line.name)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = _line_colour(progress)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.pictures.get(line.picture_url) if line.picture_url else None
        return self._role(role, line.id, progress.packed, progress.coded)

    def _heading(self, row: int, line: OrderLine) -> str:
        """The row's name and details lines, which no scan changes: kept per line."""
        kept = self._headings.get(row)
        if kept is not None and kept[0] is line:
            return kept[1]
        details = [line.offer_id, f"× {line.count}"]
        if line.parts_per_unit > 1:
            details.append(self.tr("%n parcels per unit", "", line.parts_per_unit))
        marking = required_text(line)
        if marking:
            details.append(marking)
        heading = f"{line.name}\n{'  ·  '.join(details)}"
        self._headings[row] = (line, heading)
        return heading

    @staticmethod
    def _role(role: int, line_id: int, packed: int, coded: int) -> Any:
        values = {Role.LINE_ID: line_id, Role.PACKED: packed, Role.CODED: coded}
        return values.get(Role(role)) if role in set(Role) else None

    # -- drag and drop ------------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _LINE_DROP
        progress = self._core.snapshot.progress[index.row()]
        if progress.packed < progress.count and self._core.snapshot.editable:
            return _LINE_DRAGGABLE
        return _LINE_SHOWN

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        valid = [index for index in indexes if index.isValid()]
        if not valid:
            return QMimeData()
        row = valid[0].row()
        progress = self._core.snapshot.progress[row]
        left = progress.count - progress.packed
        if left < 1:
            return QMimeData()
        return encode_drag(UnitDrag(self.line_at(row).id, self._core._units(left)))

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        drag = decode_drag(data)
        return drag is not None and drag.box is not None and self._core.snapshot.editable

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """A box entry dropped on the lines: take those units out of their box."""
        drag = decode_drag(data)
        if drag is None or action == Qt.DropAction.IgnoreAction:
            return False
        return self._core.apply_drop(drag, None, unpack=True)


@dataclass(eq=False)
class _Node:
    """A row of the boxes tree: what it is and, once shown, the Qt item that holds its values."""

    kind: NodeKind
    # Among its siblings, what the row is (box number, line, code); and what it shows, to tell
    # whether a session change touched it.
    key: object
    shown: object
    box: int | None = None
    line_id: int | None = None
    units: int = 0
    instance: Instance | None = None
    badge: CodeBadge | None = None
    children: list[_Node] = field(default_factory=list)
    # An entry's code rows are made from: its units, their codes, the badges and the refused
    # codes (`_CodeRows`); None: no code rows.
    source: _CodeRows | None = None
    kept: int = 0  # its first `kept` children are the rows shown there now (the same nodes)
    item: QStandardItem | None = None
    values: dict[int, Any] = field(default_factory=dict)  # the roles its item holds


@dataclass(frozen=True, slots=True, eq=False)
class _CodeRows:
    """What an entry's code rows show: its units, each one's codes, the order's code badges and
    refused codes. Rows made from the same (identical) values are the same rows."""

    units: tuple[UnitRef, ...]
    codes: tuple[tuple[Instance, ...] | None, ...]
    badges: tuple[CodeBadge, ...]
    rejected: frozenset[str]

    def same_as(self, other: _CodeRows) -> bool:
        return (
            self.badges is other.badges
            and self.rejected is other.rejected
            and self.units == other.units
            and self.codes == other.codes
        )

    def kept_units(self, other: _CodeRows) -> tuple[int, int]:
        """How many first units `other` shows as this does (the same codes), and their rows."""
        if self.badges is not other.badges or self.rejected is not other.rejected:
            return 0, 0
        units, codes, rows = other.units, other.codes, 0
        for n, (unit, held) in enumerate(zip(self.units, self.codes, strict=True)):
            if n >= len(units) or units[n] != unit or codes[n] is not held:
                return n, rows
            rows += len(held) if held is not None else 0
        return len(self.units), rows


# Item flags, combined once (each `|` of Qt's Python enums costs microseconds).
_BOX_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_CODE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ENTRY_DRAGGABLE = _BOX_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_BOLD, _ITALIC = QFont(), QFont()
_BOLD.setBold(True)
_ITALIC.setItalic(True)
_FONTS = {NodeKind.BOX: _BOLD, NodeKind.NEW_BOX: _ITALIC}  # bold box rows, the italic "new box" row
_KEPT_ROWS = 512  # rows' values kept by what they show


class BoxesModel(_FollowsSession, QStandardItemModel):
    """The boxes as a tree: box -> its lines (or the one part) -> the codes of those units.

    The last top-level row is a "new box" drop target. Whole-goods boxes and part boxes are told
    apart by text, icon colour and `Role.NODE_KIND` / box kind.

    Rows keep their identity across session changes: a change removes the rows that went,
    inserts the new ones and reports `dataChanged` (once per row) for those that show something
    else. The rows are Qt items holding their values as roles, so the view lays out and paints
    them without calling Python (issue 19); only drag and drop is Python.

    Signals:
        refused(object): a drop was refused (the `PackstationError`).
    """

    refused = Signal(object)

    def __init__(self, session: PackingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(1)
        self._core = _SessionModel(session, self.refused.emit)
        # Each row's values by what it shows (an undone scan shows the rows it showed before).
        self._kept: dict[tuple[object, ...], dict[int, Any]] = {}
        self._tops: list[_Node] = []
        self._tops = self._rows(self._core.snapshot)
        # The invisible root item (its flags: drop enabled, for drops on empty space) is asked
        # for each time, never kept: Qt makes and deletes it with the model, without telling
        # PySide, so a kept wrapper would outlive it and be handed out for whatever C++ object
        # later takes its address (a crash once the closed view is deleted).
        self.invisibleRootItem().appendRows([self._item(node) for node in self._tops])
        self._unsubscribe = session.subscribe(self._on_snapshot)

    def _on_snapshot(self, snapshot: SessionSnapshot) -> None:
        rows = self._rows(snapshot)
        self._core.snapshot = snapshot
        root = self.invisibleRootItem()
        self._remove_gone(root, self._tops, rows)
        self._insert_and_update(root, self._tops, rows)

    def looks_after(self, snapshot: SessionSnapshot) -> list[tuple[RowLook, int]]:
        """The looks of the rows `snapshot` would show, each with its depth in the tree, worked
        out without showing them; their values are kept for when it comes (a view lays their
        texts out ahead, `BoxesTree.prepare`)."""
        looks: list[tuple[RowLook, int]] = []
        rows = [(node, 0) for node in reversed(self._rows(snapshot))]
        while rows:
            node, depth = rows.pop()
            look = self._values(node, snapshot.packing)[LOOK_ROLE]
            if isinstance(look, RowLook):
                looks.append((look, depth))
            rows.extend((child, depth + 1) for child in reversed(node.children))
        return looks

    # -- the tree ----------------------------------------------------------------------------------

    def _rows(self, snapshot: SessionSnapshot) -> list[_Node]:
        packing = snapshot.packing
        editable = snapshot.editable
        rejected = packing.rejected
        badges = {(badge.unit, badge.instance.value): badge for badge in snapshot.badges}
        # The entries shown now, whose code rows the new ones may keep (issue 19: a coded order's
        # scans made every code row of the order again, and compared each with the one shown).
        entries = {
            (top.box, entry.key): entry for top in self._tops for entry in top.children
        }
        rows = []
        for index, box in enumerate(packing.boxes):
            part_line = packing.order.line(box.part.unit.line_id) if box.part is not None else None
            shown = (box, index == packing.current, part_line)
            box_row = _Node(NodeKind.BOX, index, shown, box=index)
            for line_id, count, units in self._entries(box, bool(packing.codes)):
                line = packing.order.line(line_id)
                entry = _Node(
                    NodeKind.ENTRY,
                    line_id,
                    (line, count, box.part, editable),
                    box=index,
                    line_id=line_id,
                    units=count,
                )
                if units:
                    codes = tuple(map(packing.codes.get, units))
                    source = _CodeRows(tuple(units), codes, snapshot.badges, rejected)
                    entry.source = source
                    entry.children, entry.kept = self._code_rows(
                        source, entries.get((index, line_id)), badges, index
                    )
                box_row.children.append(entry)
            rows.append(box_row)
        rows.append(_Node(NodeKind.NEW_BOX, "new", "new"))
        return rows

    @staticmethod
    def _code_rows(
        source: _CodeRows, shown: _Node | None, badges: dict[tuple[UnitRef, str], CodeBadge], index: int
    ) -> tuple[list[_Node], int]:
        """An entry's code rows: those shown now when they show the same (the same list: nothing
        to compare), else the rows shown for its first units that did not change, then new ones;
        and how many are rows shown now."""
        start, children = 0, []
        if shown is not None and shown.source is not None:
            if source.same_as(shown.source):
                return shown.children, len(shown.children)
            start, rows = source.kept_units(shown.source)
            children = shown.children[:rows]
        kept = len(children)
        rejected = source.rejected
        for unit, held in zip(source.units[start:], source.codes[start:], strict=True):
            for instance in held or ():
                badge = badges.get((unit, instance.value))
                children.append(
                    _Node(
                        NodeKind.CODE,
                        (unit, instance.value),
                        (instance, badge, instance.value in rejected),
                        box=index,
                        line_id=unit.line_id,
                        instance=instance,
                        badge=badge,
                    )
                )
        return children, kept

    def _item(self, node: _Node) -> QStandardItem:
        """A new Qt item for `node` and its subtree (not in the model yet: no signals)."""
        item = node.item = QStandardItem()
        if node.kind is not NodeKind.CODE:
            item.setColumnCount(1)  # else its first child row would insert a column too
        item.setFlags(self._flags(node))
        node.values = self._values(node, self._core.snapshot.packing)
        for role, value in node.values.items():
            if value is not None:
                item.setData(value, role)
        if node.children:
            item.appendRows([self._item(child) for child in node.children])
        return item

    def _remove_gone(
        self, parent: QStandardItem, shown: list[_Node], rows: list[_Node], start: int = 0
    ) -> None:
        """Remove the rows under `parent` that `rows` no longer has; recurse into the others. When
        the kept rows would change their order (never, in practice), all rows there are replaced.
        The first `start` rows are the shown ones (the same nodes): not looked at."""
        keys = [row.key for row in rows[start:]]
        wanted = {row.key: row for row in rows[start:]}
        kept = [node.key for node in shown[start:] if node.key in wanted]
        kept_set = set(kept)
        in_order = len(wanted) == len(keys) and kept == [key for key in keys if key in kept_set]
        row = len(shown) - 1
        while row >= start:  # contiguous runs, from the bottom
            if in_order and shown[row].key in wanted:
                row -= 1
                continue
            last = row
            while row - 1 >= start and not (in_order and shown[row - 1].key in wanted):
                row -= 1
            parent.removeRows(row, last - row + 1)
            del shown[row : last + 1]
            row -= 1
        for node in shown[start:]:
            new = wanted[node.key]
            if (node.children or new.children) and node.children is not new.children:
                assert node.item is not None
                self._remove_gone(node.item, node.children, new.children, new.kept)

    def _insert_and_update(
        self, parent: QStandardItem, shown: list[_Node], rows: list[_Node], start: int = 0
    ) -> None:
        """Insert the rows under `parent` that are new (the kept ones are in order), update the
        kept ones that show something else, and recurse into them. The first `start` rows are
        the shown ones (the same nodes): not looked at."""
        position = start
        while position < len(rows):
            if position < len(shown) and shown[position].key == rows[position].key:
                self._update(shown[position], rows[position])
                position += 1
                continue
            end = position + 1
            while end < len(rows) and not (position < len(shown) and shown[position].key == rows[end].key):
                end += 1
            added = rows[position:end]
            parent.insertRows(position, [self._item(node) for node in added])
            shown[position:position] = added
            position = end

    def _update(self, node: _Node, new: _Node) -> None:
        if node.shown != new.shown:
            node.box, node.line_id, node.units = new.box, new.line_id, new.units
            node.instance, node.badge, node.shown = new.instance, new.badge, new.shown
            values = self._values(node, self._core.snapshot.packing)
            changed = {role: value for role, value in values.items() if node.values.get(role) != value}
            node.values = values
            assert node.item is not None
            if changed:
                self.setItemData(node.item.index(), changed)  # one dataChanged for the row
            flags = self._flags(node)
            if node.item.flags() != flags:  # an entry stops being draggable (the order is sent)
                node.item.setFlags(flags)
        if (node.children or new.children) and node.children is not new.children:
            assert node.item is not None
            self._insert_and_update(node.item, node.children, new.children, new.kept)
        node.source = new.source

    @staticmethod
    def _entries(box: Box, coded: bool) -> list[tuple[int, int, list[UnitRef]]]:
        """Per line in the box: its unit count and, when units may carry codes, its units (with
        none, the box's kept counts: no walk over its units on each scan, issue 19)."""
        if box.part is not None:
            return [(box.part.unit.line_id, 1, [box.part.unit])]
        if not coded:
            return [(line_id, count, []) for line_id, count in box.line_counts().items()]
        by_line: dict[int, list[UnitRef]] = {}
        for unit in box.units:
            by_line.setdefault(unit.line_id, []).append(unit)
        return [(line_id, len(units), units) for line_id, units in by_line.items()]

    def box_index(self, box: int) -> QModelIndex:
        """The top-level row of box `box` (0-based)."""
        for row, node in enumerate(self._tops):
            if node.box == box and node.kind is NodeKind.BOX:
                return self.index(row, 0)
        return QModelIndex()

    def new_box_index(self) -> QModelIndex:
        """The "new box" drop row (always the last top-level row)."""
        return self.index(len(self._tops) - 1, 0)

    # -- display -----------------------------------------------------------------------------------

    def _box_text(self, packing: Packing, index: int) -> str:
        box = packing.boxes[index]
        number = box_no(index)
        if box.part is not None:
            line = packing.order.line(box.part.unit.line_id)
            text = self.tr("Box {n}: part {current} of {total}").format(
                n=number, current=box.part.current, total=box.part.total
            )
            return f"{text} — {line.name}"
        if box.kind is BoxKind.EMPTY:
            text = self.tr("Box {n}: empty").format(n=number)
        else:
            text = self.tr("Box {n}: whole goods, {units} pcs").format(n=number, units=len(box.units))
        if box.closed:
            text += " " + self.tr("(closed)")
        if index == packing.current:
            text += " " + self.tr("← scans go here")
        return text

    def _code_text(self, node: _Node, status: CodeStatus | None) -> str:
        assert node.instance is not None
        words = {
            CodeStatus.OK: self.tr("checked"),
            CodeStatus.IN_PROGRESS: self.tr("being checked"),
            CodeStatus.NOT_ON_VALIDATION: self.tr("not checked"),
            CodeStatus.FAILED: self.tr("refused: scan another"),
            CodeStatus.INVALID: self.tr("sale forbidden: scan another"),
            CodeStatus.UNKNOWN: self.tr("unknown"),
        }
        marks = {CodeStatus.OK: "✔", CodeStatus.FAILED: "✖", CodeStatus.INVALID: "✖"}
        mark = marks.get(status or CodeStatus.UNKNOWN, "•")
        suffix = f" — {words[status]}" if status is not None else ""
        return f"{mark} {node.instance.kind.value.upper()} {mask_code(node.instance)}{suffix}"

    def _code_status(self, node: _Node, packing: Packing) -> CodeStatus | None:
        if node.badge is not None:
            return node.badge.status
        if node.instance is not None and node.instance.value in packing.rejected:
            return CodeStatus.FAILED
        return None

    def _values(self, node: _Node, packing: Packing) -> dict[int, Any]:
        """Every role `node`'s item holds (None: not set) in `packing`; the same dict for the same
        row."""
        key = (node.kind, node.key, node.box, node.line_id, node.shown)
        try:
            values = self._kept.get(key)
        except TypeError:  # something shown cannot be hashed: computed each time
            return self._computed(node, packing)
        if values is None:
            values = self._kept[key] = self._computed(node, packing)
            if len(self._kept) > _KEPT_ROWS:
                del self._kept[next(iter(self._kept))]  # the oldest
        return values

    def _computed(self, node: _Node, packing: Packing) -> dict[int, Any]:
        kind = node.kind
        status = self._code_status(node, packing) if kind is NodeKind.CODE else None
        background = self._background(node, status, packing)
        foreground = QBrush(STATUS_COLORS[status]) if status is not None else None
        text = self._display(node, status, packing)
        look = RowLook(
            text,
            background=background.color() if background is not None else None,
            foreground=foreground.color() if foreground is not None else None,
            bold=kind is NodeKind.BOX,
            italic=kind is NodeKind.NEW_BOX,
        )
        return {
            Qt.ItemDataRole.DisplayRole: text,
            Qt.ItemDataRole.BackgroundRole: background,
            Qt.ItemDataRole.ForegroundRole: foreground,
            Qt.ItemDataRole.FontRole: _FONTS.get(kind),
            LOOK_ROLE: look,
            Role.NODE_KIND: kind.value,
            Role.BOX: node.box,
            Role.LINE_ID: node.line_id,
            Role.UNITS: node.units,
            Role.CODE_STATUS: status.value if status is not None else None,
        }

    def _display(self, node: _Node, status: CodeStatus | None, packing: Packing) -> str:
        if node.kind is NodeKind.BOX:
            assert node.box is not None
            return self._box_text(packing, node.box)
        if node.kind is NodeKind.NEW_BOX:
            return self.tr("+ Drop here for a new box")
        if node.kind is NodeKind.ENTRY:
            assert node.line_id is not None
            assert node.box is not None
            line = packing.order.line(node.line_id)
            part = packing.boxes[node.box].part
            if part is not None:
                return self.tr("{name} (part {current} of {total})").format(
                    name=line.name, current=part.current, total=part.total
                )
            return f"{line.name}  × {node.units}"
        return self._code_text(node, status)

    def _background(self, node: _Node, status: CodeStatus | None, packing: Packing) -> QBrush | None:
        if node.kind is NodeKind.BOX and node.box is not None:
            if packing.boxes[node.box].part is not None:
                return QBrush(COLOR_PART_BOX)
            return QBrush(COLOR_CURRENT) if node.box == packing.current else None
        if node.kind is NodeKind.CODE and status in (CodeStatus.FAILED, CodeStatus.INVALID):
            return QBrush(COLOR_BAD)
        return None

    # -- drag and drop ------------------------------------------------------------------------------

    def _flags(self, node: _Node) -> Qt.ItemFlag:
        if node.kind is NodeKind.CODE:
            return _CODE_FLAGS
        if node.kind is NodeKind.ENTRY and self._core.snapshot.editable:
            return _ENTRY_DRAGGABLE
        return _BOX_FLAGS

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        entry = next((i for i in indexes if i.data(Role.NODE_KIND) == NodeKind.ENTRY.value), None)
        if entry is None:
            return QMimeData()
        units = self._core._units(entry.data(Role.UNITS))
        return encode_drag(UnitDrag(entry.data(Role.LINE_ID), units, entry.data(Role.BOX)))

    def drop_target(self, row: int, parent: AnyIndex) -> int | None:
        """The box a drop lands in: the box under the cursor (or of the entry/code under it);
        None (a new box) for the "new box" row, between top-level rows and on empty space."""
        if not parent.isValid() or parent.data(Role.NODE_KIND) == NodeKind.NEW_BOX.value:
            return None
        box: int | None = parent.data(Role.BOX)
        return box

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return decode_drag(data) is not None and self._core.snapshot.editable

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        drag = decode_drag(data)
        if drag is None or action == Qt.DropAction.IgnoreAction:
            return False
        return self._core.apply_drop(drag, self.drop_target(row, parent))
