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
    QAbstractItemModel,
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
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import OrderLine, RequiredCode
from packstation.domain.packing.errors import box_no
from packstation.domain.packing.model import Box, BoxKind, LineProgress, PartSlot, UnitRef
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
        line = self.line_at(row)
        progress = self._core.snapshot.progress[row]
        text = self._packed_of.format(packed=progress.packed, count=progress.count)
        if progress.needs_codes or progress.coded or line.required:
            text += ", " + self._coded_of.format(coded=progress.coded, count=progress.count)
        if progress.split_units:
            text += ", " + self._split_of.format(n=progress.split_units)
        begun = self._shown[row][2]  # the row's open part (`_row_states`), worked out already
        if begun is not None:  # the unit whose parcels are being scanned: how far it is
            text += ", " + fill(self.tr("parcels in boxes: %1 of %n", "", begun.total), begun.current)
        return text

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


@dataclass
class _Node:
    kind: NodeKind
    parent: int  # node id of the parent, -1 for top-level rows
    box: int | None = None
    line_id: int | None = None
    units: int = 0
    instance: Instance | None = None
    badge: CodeBadge | None = None
    children: list[int] = field(default_factory=list)
    # Among its siblings, what the row is (box number, line, code); and what it shows, to tell
    # whether a session change touched it.
    key: object = None
    shown: object = None
    # The values `data` and `flags` gave for it, until it shows something else: a repaint asks
    # for about ten roles of every visible row.
    cache: dict[int, Any] = field(default_factory=dict)


_FLAGS = -1  # `_Node.cache`'s key for the item flags (no data role is negative)
_COLOUR_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)


@dataclass
class _Row:
    """A row as the snapshot has it, before it is matched against the shown tree."""

    node: _Node
    children: list[_Row] = field(default_factory=list)


class BoxesModel(_FollowsSession, QAbstractItemModel):
    """The boxes as a tree: box -> its lines (or the one part) -> the codes of those units.

    The last top-level row is a "new box" drop target. Whole-goods boxes and part boxes are told
    apart by text, icon colour and `Role.NODE_KIND` / box kind.

    Rows keep their identity (node ids) across session changes: a change removes the rows that
    went, inserts the new ones and reports `dataChanged` for those that show something else.

    Signals:
        refused(object): a drop was refused (the `PackstationError`).
    """

    refused = Signal(object)

    def __init__(self, session: PackingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = _SessionModel(session, self.refused.emit)
        self._nodes: dict[int, _Node] = {}
        self._roots: list[int] = []
        self._next_id = 0
        for row in self._rows(self._core.snapshot):
            self._add(row, -1, len(self._roots))
        self._unsubscribe = session.subscribe(self._on_snapshot)

    def _on_snapshot(self, snapshot: SessionSnapshot) -> None:
        rows = self._rows(snapshot)
        # Removals first, while the old snapshot still describes every shown row; then the new
        # snapshot, the inserted rows and the changed ones.
        self._remove_gone(-1, rows)
        self._core.snapshot = snapshot
        self._insert_and_update(-1, rows)

    # -- the tree ----------------------------------------------------------------------------------

    def _rows(self, snapshot: SessionSnapshot) -> list[_Row]:
        packing = snapshot.packing
        editable = snapshot.editable
        rejected = packing.rejected
        badges = {(badge.unit, badge.instance.value): badge for badge in snapshot.badges}
        rows = []
        for index, box in enumerate(packing.boxes):
            part_line = packing.order.line(box.part.unit.line_id) if box.part is not None else None
            shown = (box, index == packing.current, part_line)
            box_row = _Row(_Node(NodeKind.BOX, -1, box=index, key=index, shown=shown))
            for line_id, units in self._entries(box):
                line = packing.order.line(line_id)
                entry = _Node(
                    NodeKind.ENTRY,
                    -1,
                    box=index,
                    line_id=line_id,
                    units=len(units),
                    key=line_id,
                    shown=(line, len(units), box.part, editable),
                )
                entry_row = _Row(entry)
                for unit in units:
                    for instance in packing.codes_of(unit):
                        badge = badges.get((unit, instance.value))
                        code = _Node(
                            NodeKind.CODE,
                            -1,
                            box=index,
                            line_id=line_id,
                            instance=instance,
                            badge=badge,
                            key=(unit, instance.value),
                            shown=(instance, badge, instance.value in rejected),
                        )
                        entry_row.children.append(_Row(code))
                box_row.children.append(entry_row)
            rows.append(box_row)
        rows.append(_Row(_Node(NodeKind.NEW_BOX, -1, key="new", shown="new")))
        return rows

    def _siblings(self, parent: int) -> list[int]:
        return self._roots if parent < 0 else self._nodes[parent].children

    def _index_of(self, node_id: int) -> QModelIndex:
        if node_id < 0:
            return QModelIndex()
        parent = self._nodes[node_id].parent
        return self.createIndex(self._siblings(parent).index(node_id), 0, node_id)

    def _add(self, row: _Row, parent: int, position: int) -> None:
        """Add `row` and its subtree under `parent` at `position` (inside begin/endInsertRows)."""
        node_id, self._next_id = self._next_id, self._next_id + 1
        node = row.node
        node.parent, node.children = parent, []
        self._nodes[node_id] = node
        self._siblings(parent).insert(position, node_id)
        for child in row.children:
            self._add(child, node_id, len(node.children))

    def _drop(self, node_id: int) -> None:
        for child in self._nodes[node_id].children:
            self._drop(child)
        del self._nodes[node_id]

    def _remove_gone(self, parent: int, rows: list[_Row]) -> None:
        """Remove the rows under `parent` that `rows` no longer has; recurse into the others. When
        the kept rows would change their order (never, in practice), all rows there are replaced."""
        siblings = self._siblings(parent)
        keys = [row.node.key for row in rows]
        wanted = {key: row for key, row in zip(keys, rows, strict=True)}
        kept = [self._nodes[node_id].key for node_id in siblings if self._nodes[node_id].key in wanted]
        kept_set = set(kept)
        in_order = len(wanted) == len(keys) and kept == [key for key in keys if key in kept_set]
        row = len(siblings) - 1
        while row >= 0:  # contiguous runs, from the bottom
            if in_order and self._nodes[siblings[row]].key in wanted:
                row -= 1
                continue
            last = row
            while row - 1 >= 0 and not (in_order and self._nodes[siblings[row - 1]].key in wanted):
                row -= 1
            self.beginRemoveRows(self._index_of(parent), row, last)
            for node_id in siblings[row : last + 1]:
                self._drop(node_id)
            del siblings[row : last + 1]
            self.endRemoveRows()
            row -= 1
        for node_id in siblings:
            self._remove_gone(node_id, wanted[self._nodes[node_id].key].children)

    def _insert_and_update(self, parent: int, rows: list[_Row]) -> None:
        """Insert the rows under `parent` that are new (the kept ones are in order), report the kept
        ones that show something else, and recurse into them."""
        siblings = self._siblings(parent)
        position = 0
        while position < len(rows):
            if position < len(siblings) and self._nodes[siblings[position]].key == rows[position].node.key:
                self._update(siblings[position], position, rows[position])
                position += 1
                continue
            end = position + 1
            while end < len(rows) and not (
                position < len(siblings) and self._nodes[siblings[position]].key == rows[end].node.key
            ):
                end += 1
            self.beginInsertRows(self._index_of(parent), position, end - 1)
            for at in range(position, end):
                self._add(rows[at], parent, at)
            self.endInsertRows()
            position = end

    def _update(self, node_id: int, position: int, row: _Row) -> None:
        node, new = self._nodes[node_id], row.node
        if node.shown != new.shown:
            node.box, node.line_id, node.units = new.box, new.line_id, new.units
            node.instance, node.badge, node.shown = new.instance, new.badge, new.shown
            node.cache = {}
            index = self.createIndex(position, 0, node_id)
            self.dataChanged.emit(index, index)
        self._insert_and_update(node_id, row.children)

    @staticmethod
    def _entries(box: Box) -> list[tuple[int, list[UnitRef]]]:
        if box.part is not None:
            return [(box.part.unit.line_id, [box.part.unit])]
        by_line: dict[int, list[UnitRef]] = {}
        for unit in box.units:
            by_line.setdefault(unit.line_id, []).append(unit)
        return list(by_line.items())

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId()]

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._children(parent)
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def _children(self, parent: AnyIndex) -> list[int]:
        node = self._node(parent)
        return self._roots if node is None else node.children

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent < 0:
            return QModelIndex()
        grand = self._nodes[node.parent].parent
        siblings = self._roots if grand < 0 else self._nodes[grand].children
        return self.createIndex(siblings.index(node.parent), 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def box_index(self, box: int) -> QModelIndex:
        """The top-level row of box `box` (0-based)."""
        for row, node_id in enumerate(self._roots):
            if self._nodes[node_id].box == box and self._nodes[node_id].kind is NodeKind.BOX:
                return self.createIndex(row, 0, node_id)
        return QModelIndex()

    def new_box_index(self) -> QModelIndex:
        """The "new box" drop row (always the last top-level row)."""
        return self.createIndex(len(self._roots) - 1, 0, self._roots[-1])

    # -- display -----------------------------------------------------------------------------------

    def _box_text(self, index: int) -> str:
        packing = self._core.snapshot.packing
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

    def _code_text(self, node: _Node) -> str:
        assert node.instance is not None
        status = node.badge.status if node.badge is not None else None
        words = {
            CodeStatus.OK: self.tr("checked"),
            CodeStatus.IN_PROGRESS: self.tr("being checked"),
            CodeStatus.NOT_ON_VALIDATION: self.tr("not checked"),
            CodeStatus.FAILED: self.tr("refused: scan another"),
            CodeStatus.INVALID: self.tr("sale forbidden: scan another"),
            CodeStatus.UNKNOWN: self.tr("unknown"),
        }
        rejected = node.instance.value in self._core.snapshot.packing.rejected
        if rejected and status is None:
            status = CodeStatus.FAILED
        marks = {CodeStatus.OK: "✔", CodeStatus.FAILED: "✖", CodeStatus.INVALID: "✖"}
        mark = marks.get(status or CodeStatus.UNKNOWN, "•")
        suffix = f" — {words[status]}" if status is not None else ""
        return f"{mark} {node.instance.kind.value.upper()} {mask_code(node.instance)}{suffix}"

    def code_status(self, node: _Node) -> CodeStatus | None:
        if node.badge is not None:
            return node.badge.status
        if node.instance is not None and node.instance.value in self._core.snapshot.packing.rejected:
            return CodeStatus.FAILED
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        return None if node is None else self._kept(node, role)

    def _kept(self, node: _Node, role: int) -> Any:
        """`role`'s value for `node`, computed once until the row changes."""
        cache = node.cache
        if role not in cache:
            cache[role] = self._data(node, role)
        return cache[role]

    def _data(self, node: _Node, role: int) -> Any:
        if role == LOOK_ROLE:
            background, foreground = (self._kept(node, r) for r in _COLOUR_ROLES)
            return RowLook(
                self._kept(node, Qt.ItemDataRole.DisplayRole),
                background=background.color() if background is not None else None,
                foreground=foreground.color() if foreground is not None else None,
                bold=node.kind is NodeKind.BOX,
                italic=node.kind is NodeKind.NEW_BOX,
            )
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(node)
        if role == Qt.ItemDataRole.ForegroundRole and node.kind is NodeKind.CODE:
            status = self.code_status(node)
            return QBrush(STATUS_COLORS[status]) if status is not None else None
        if role == Qt.ItemDataRole.FontRole and node.kind in (NodeKind.BOX, NodeKind.NEW_BOX):
            font = QFont()
            font.setBold(node.kind is NodeKind.BOX)
            font.setItalic(node.kind is NodeKind.NEW_BOX)
            return font
        if role == Role.NODE_KIND:
            return node.kind.value
        if role == Role.BOX:
            return node.box
        if role == Role.LINE_ID:
            return node.line_id
        if role == Role.UNITS:
            return node.units
        if role == Role.CODE_STATUS:
            status = self.code_status(node)
            return status.value if status is not None else None
        return None

    def _display(self, node: _Node) -> str:
        packing = self._core.snapshot.packing
        if node.kind is NodeKind.BOX:
            assert node.box is not None
            return self._box_text(node.box)
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
        return self._code_text(node)

    def _background(self, node: _Node) -> QBrush | None:
        packing = self._core.snapshot.packing
        if node.kind is NodeKind.BOX and node.box is not None:
            if packing.boxes[node.box].part is not None:
                return QBrush(COLOR_PART_BOX)
            return QBrush(COLOR_CURRENT) if node.box == packing.current else None
        if node.kind is NodeKind.CODE and self.code_status(node) in (CodeStatus.FAILED, CodeStatus.INVALID):
            return QBrush(COLOR_BAD)
        return None

    # -- drag and drop ------------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        cached: Qt.ItemFlag | None = node.cache.get(_FLAGS)
        if cached is None:
            cached = node.cache[_FLAGS] = self._flags(node)
        return cached

    def _flags(self, node: _Node) -> Qt.ItemFlag:
        editable = self._core.snapshot.editable
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind in (NodeKind.BOX, NodeKind.NEW_BOX, NodeKind.ENTRY):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if node.kind is NodeKind.ENTRY and editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        nodes = [self._node(index) for index in indexes]
        entry = next((n for n in nodes if n is not None and n.kind is NodeKind.ENTRY), None)
        if entry is None or entry.line_id is None or entry.box is None:
            return QMimeData()
        return encode_drag(UnitDrag(entry.line_id, self._core._units(entry.units), entry.box))

    def drop_target(self, row: int, parent: AnyIndex) -> int | None:
        """The box a drop lands in: the box under the cursor (or of the entry/code under it);
        None (a new box) for the "new box" row, between top-level rows and on empty space."""
        node = self._node(parent)
        if node is None or node.kind is NodeKind.NEW_BOX:
            return None
        return node.box

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
