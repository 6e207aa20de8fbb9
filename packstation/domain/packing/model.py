"""The packing state of one order: units, boxes, marking codes, and the Market's rules for them.

`Packing` is immutable: every action returns a new state or raises `PackingError` /
`PackingScanError` and changes nothing, so undo is "go back to the previous state" and a refused
action loses nothing. Units are addressed as `UnitRef(line_id, n)` with `n` counted from 0.

A box is empty, a whole-goods box (any units of any lines) or a part box (exactly one part of one
unit: `PartSlot(unit, current, total)`); a box never mixes the two. A unit is unplaced, whole in
one box, or split into `total` part boxes, all carrying the unit's codes. An item whose catalogue
`boxCount` is N > 1 travels in N parcels: each scan of its barcode boxes the next part (k of N) of
the unit being packed (`add_part`), so a unit may be split only part-way for a while (`open_part`);
it counts as packed once all its parts are boxed. Split and drag-and-drop complete such a unit.

`current` is the box scans go into. `plan()` builds the `LayoutPlan` for `PUT .../boxes` and
`problems()` says what still blocks sending it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from packstation.domain.gtin import gtin_in
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.order import Order, OrderLine
from packstation.domain.packing.codes import accepted_kinds, kind_name, mandatory_kinds, ordered
from packstation.domain.packing.errors import PackingError, PackingScanError, Reason, box_no
from packstation.domain.packing.fill import LineFill

MAX_PARTS = 99  # a sanity bound for `split`; real items travel in 2-5 parcels


class BoxKind(StrEnum):
    EMPTY = "empty"
    WHOLE = "whole"
    PART = "part"


@dataclass(frozen=True, slots=True, order=True)
class UnitRef:
    """Unit `n` (from 0) of order line `line_id`."""

    line_id: int
    n: int


@dataclass(frozen=True, slots=True)
class PartSlot:
    """Part `current` of `total` of one unit: the only content of a part box."""

    unit: UnitRef
    current: int
    total: int


@dataclass(frozen=True, slots=True)
class Box:
    units: tuple[UnitRef, ...] = ()
    part: PartSlot | None = None
    closed: bool = False
    # `line_counts`, worked out once per box and carried to the box `extended` makes (issue 19).
    _counts: list[dict[int, int]] = field(
        default_factory=list, init=False, repr=False, compare=False, hash=False
    )

    def __hash__(self) -> int:
        # Without hashing every unit: the boxes tree keys its rows by their boxes on every scan
        # (issue 19). Equal boxes have equal ends, so this agrees with ==.
        return hash((len(self.units), self.units[-1] if self.units else None, self.part, self.closed))

    @property
    def kind(self) -> BoxKind:
        if self.part is not None:
            return BoxKind.PART
        return BoxKind.WHOLE if self.units else BoxKind.EMPTY

    def count(self, line_id: int) -> int:
        """Whole units of `line_id` in this box."""
        return self.line_counts().get(line_id, 0)

    def line_counts(self) -> Mapping[int, int]:
        """Whole units per line, in the order the lines entered the box (for the box's list)."""
        if not self._counts:
            self._counts.append(_counted({}, self.units))
        return self._counts[0]

    def extended(self, units: Iterable[UnitRef]) -> Box:
        """This box, open, with `units` added at its end (its line counts carried over)."""
        added = tuple(units)
        box = Box((*self.units, *added), self.part)
        if self._counts:
            box._counts.append(_counted(dict(self._counts[0]), added))
        return box


def _counted(counts: dict[int, int], units: Iterable[UnitRef]) -> dict[int, int]:
    for unit in units:
        counts[unit.line_id] = counts.get(unit.line_id, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class LineProgress:
    """How far one line is: "2 of 3 packed, 1 of 3 coded"."""

    line_id: int
    count: int
    packed: int
    coded: int
    needs_codes: bool
    split_units: int = 0


def _refuse(reason: Reason, text: Message, hint: Message | None = None) -> PackingError:
    return PackingError(reason, text, hint=hint)


def _check_count(units: int) -> None:
    if units < 1:
        raise _refuse(Reason.BAD_COUNT, QT_TRANSLATE_NOOP("PackingRules", "The count must be at least 1."))


def _refuse_scan(reason: Reason, text: Message, hint: Message | None = None) -> PackingScanError:
    return PackingScanError(reason, text, hint=hint)


def _quoted(name: str) -> Message:
    """An item name in the language's quotes."""
    return QT_TRANSLATE_NOOP("PackingRules", "“%1”")(name)


def _listed(items: list[Message]) -> Message | str:
    """`a, b, c` of several messages, each rendered in the same language."""
    if not items:
        return ""
    joined: Message = items[0]
    for item in items[1:]:
        joined = QT_TRANSLATE_NOOP("PackingRules", "%1, %2")(joined, item)
    return joined


@dataclass(frozen=True, slots=True)
class Packing:
    """One order's packing state (see the module docstring)."""

    order: Order
    boxes: tuple[Box, ...] = ()
    codes: Mapping[UnitRef, tuple[Instance, ...]] = field(default_factory=dict)
    current: int | None = None
    rejected: frozenset[str] = frozenset()  # code values the Market found FAILED/INVALID
    allow_remove: bool = False  # the order was shortened: the next layout removes units
    last_line: int | None = None  # the line of the last unit put in a box (codes go there first)
    # Derived values computed once per (immutable) packing: a scan asks for its progress and
    # problems several times (completeness, the view's snapshot; issue 19).
    _memo: dict[str, tuple[Any, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    # ------------------------------------------------------------------------------- reading

    def line(self, line_id: int) -> OrderLine:
        """The order line `line_id`, or a refusal naming the unknown id."""
        try:
            return self.order.line(line_id)
        except KeyError:
            raise _refuse(
                Reason.UNKNOWN_LINE,
                QT_TRANSLATE_NOOP("PackingRules", "Order %1 has no line %2.")(self.order.id, line_id),
            ) from None

    def units(self, line_id: int) -> tuple[UnitRef, ...]:
        return tuple(UnitRef(line_id, n) for n in range(self.line(line_id).count))

    def all_units(self) -> tuple[UnitRef, ...]:
        return tuple(UnitRef(line.id, n) for line in self.order.lines for n in range(line.count))

    def placement(self) -> Mapping[UnitRef, tuple[int, ...]]:
        """Where each placed unit is: one box index (whole) or its part boxes' indices (worked
        out once per packing: a scan asks several times)."""
        kept = self._memo.get("placement")
        if kept is not None:
            placed: Mapping[UnitRef, tuple[int, ...]] = kept[0]
            return placed
        where: dict[UnitRef, tuple[int, ...]] = {}
        for index, box in enumerate(self.boxes):
            for unit in box.units:
                where[unit] = (index,)
            if box.part is not None:
                where[box.part.unit] = (*where.get(box.part.unit, ()), index)
        self._memo["placement"] = (where,)  # a Mapping: no caller changes it
        return where

    def is_boxed(self, unit: UnitRef) -> bool:
        """Whether the unit is in a box (`unit in placement()`), from the line's carried fill: a
        code scan asks before and after its code, and listing every boxed unit grew with the
        order (issue 19)."""
        fill = self._fills().get(unit.line_id)
        if fill is not None and 0 <= unit.n < self.order.line(unit.line_id).count:
            return fill.has(unit.n)
        return unit in self.placement()  # no unit of the order's lines as they are

    def unplaced(self, line_id: int) -> tuple[UnitRef, ...]:
        """Units of the line in no box, coded ones first (a code scanned before the item)."""
        return self._first_free(line_id, self.line(line_id).count)

    def _first_free(self, line_id: int, wanted: int) -> tuple[UnitRef, ...]:
        """The first `wanted` of `unplaced(line_id)`, found without listing the boxed units: the
        coded free ones by number, then the uncoded ones from the line's lowest free number."""
        count = self.line(line_id).count
        fill = self._fills()[line_id]
        codes = self.codes
        free = sorted(unit for unit in self._coded_free() if unit.line_id == line_id)[:wanted]
        n = fill.low
        while len(free) < wanted and n < count:
            if n not in fill.above and not codes.get(unit := UnitRef(line_id, n)):
                free.append(unit)
            n += 1
        return tuple(free)

    def _coded_free(self) -> frozenset[UnitRef]:
        """The units of the order's lines carrying a code but in no box (a code scanned before its
        item): carried over from the packing an edit was made from (`_carried`), else looked for
        among the codes. Each item scan asks; going over every code grew with a coded order
        (issue 19)."""
        kept = self._memo.get("coded_free")
        if kept is not None:
            found: frozenset[UnitRef] = kept[0]
            return found
        counts = {line.id: line.count for line in self.order.lines}
        fills = self._fills()
        free = frozenset(
            unit
            for unit, instances in self.codes.items()
            if instances and unit.n < counts.get(unit.line_id, 0) and not fills[unit.line_id].has(unit.n)
        )
        self._memo["coded_free"] = (free,)
        return free

    def _fills(self) -> Mapping[int, LineFill]:
        """Each line's boxed units (whole or part): carried over from the packing an edit was made
        from (`_carried`), else counted from the boxes."""
        kept = self._memo.get("fills")
        if kept is not None:
            fills: Mapping[int, LineFill] = kept[0]
            return fills
        counts = {line.id: line.count for line in self.order.lines}
        boxed: dict[int, set[int]] = {line_id: set() for line_id in counts}
        for box in self.boxes:
            units = (*box.units, box.part.unit) if box.part is not None else box.units
            for unit in units:
                if unit.n < counts.get(unit.line_id, 0):
                    boxed[unit.line_id].add(unit.n)
        fills = {line_id: LineFill().added(ns) for line_id, ns in boxed.items()}
        self._memo["fills"] = (fills,)
        return fills

    def _carried(
        self,
        new: Packing,
        line_id: int | None = None,
        boxed: Iterable[UnitRef] = (),
        recoded: UnitRef | None = None,
    ) -> Packing:
        """`new`, made from this packing by an edit that boxed the free units `boxed` of line
        `line_id` (none: moved or boxed nothing) and changed at most the codes of `recoded`,
        keeps this packing's fills, coded counts, code owners and boxed units lacking a code,
        updated by them."""
        if new is self:
            return new
        boxed = tuple(boxed)
        kept = self._memo.get("fills")
        if kept is not None and "fills" not in new._memo:
            fills: Mapping[int, LineFill] = kept[0]
            if line_id is not None:
                count = self.line(line_id).count
                fill = fills[line_id].added(unit.n for unit in boxed if unit.n < count)
                fills = {**fills, line_id: fill}
            new._memo["fills"] = (fills,)
        kept = self._memo.get("coded")
        same_codes = new.codes is self.codes or recoded is not None
        if kept is not None and "coded" not in new._memo and same_codes and new.rejected is self.rejected:
            coded: Mapping[int, int] = kept[0]
            if recoded is not None and recoded.line_id in coded:
                line = self.order.line(recoded.line_id)
                if recoded.n < line.count:
                    needed = mandatory_kinds(self.order, line)
                    change = new._unit_coded(recoded, needed) - self._unit_coded(recoded, needed)
                    coded = {**coded, line.id: coded[line.id] + change} if change else coded
            new._memo["coded"] = (coded,)
        if same_codes and new.order is self.order:
            self._carry_owners(new, recoded)
            self._carry_lacking(new, boxed, recoded)
            self._carry_coded_free(new, boxed, recoded)
        return new

    def _carry_coded_free(self, new: Packing, boxed: tuple[UnitRef, ...], recoded: UnitRef | None) -> None:
        """`new` keeps this packing's coded units in no box, less the units `boxed` and with
        `recoded` as its codes and place say."""
        kept = self._memo.get("coded_free")
        if kept is None or "coded_free" in new._memo:
            return
        free: frozenset[UnitRef] = kept[0]
        if boxed:
            free = free - set(boxed)
        if recoded is not None and new.codes is not self.codes:
            fill = new._fills().get(recoded.line_id)
            if (
                fill is not None
                and new.codes.get(recoded)
                and recoded.n < self.line(recoded.line_id).count
                and not fill.has(recoded.n)
            ):
                free = free | {recoded}
            elif recoded in free:
                free = free - {recoded}
        new._memo["coded_free"] = (free,)

    def _carry_owners(self, new: Packing, recoded: UnitRef | None) -> None:
        """`new` keeps this packing's code owners, with `recoded`'s new codes; when a code left a
        unit or a new one is carried elsewhere too (rare), `new` lists them itself."""
        kept = self._memo.get("owners")
        if kept is None or "owners" in new._memo:
            return
        owners: Mapping[str, UnitRef] = kept[0]
        if new.codes is not self.codes and recoded is not None:
            before = {inst.value for inst in self.codes_of(recoded)}
            after = {inst.value for inst in new.codes_of(recoded)}
            added = after - before
            if before - after or any(value in owners for value in added):
                return
            owners = {**owners, **dict.fromkeys(added, recoded)}
        new._memo["owners"] = (owners,)

    def _carry_lacking(self, new: Packing, boxed: Iterable[UnitRef], recoded: UnitRef | None) -> None:
        """`new` keeps this packing's boxed units lacking a mandatory code, with the units `boxed`
        (newly) and `recoded`; when `recoded` lacks one and may be in no box, `new` finds them itself."""
        kept = self._memo.get("lacking")
        if kept is None or "lacking" in new._memo:
            return
        lacking: frozenset[UnitRef] = kept[0]
        added = {unit for unit in boxed if new._lacks_code(unit)}
        if recoded is not None and new.codes is not self.codes:
            if new._lacks_code(recoded):
                if recoded not in lacking and recoded not in added:
                    return  # boxed or not: not known here
            elif recoded in lacking:
                lacking = lacking - {recoded}
        if added:
            lacking = lacking | added
        new._memo["lacking"] = (lacking,)

    def _unit_coded(self, unit: UnitRef, needed: frozenset[InstanceKind]) -> bool:
        """Whether `progress` counts the unit as coded: every mandatory kind (else any code),
        not counting codes the Market refused."""
        kinds = {inst.kind for inst in self.codes_of(unit) if inst.value not in self.rejected}
        return needed <= kinds if needed else bool(kinds)

    def _coded(self) -> Mapping[int, int]:
        """Per line, its units `progress` counts as coded: carried over from the packing an edit
        was made from (`_carried`), else counted from the codes."""
        kept = self._memo.get("coded")
        if kept is not None:
            counts: Mapping[int, int] = kept[0]
            return counts
        lines = {line.id: line for line in self.order.lines}
        needed = {line.id: mandatory_kinds(self.order, line) for line in self.order.lines}
        coded = dict.fromkeys(lines, 0)
        for unit in self.codes:
            line = lines.get(unit.line_id)
            if line is not None and unit.n < line.count and self._unit_coded(unit, needed[line.id]):
                coded[line.id] += 1
        self._memo["coded"] = (coded,)
        return coded

    def codes_of(self, unit: UnitRef) -> tuple[Instance, ...]:
        return self.codes.get(unit, ())

    def code_owner(self, value: str) -> UnitRef | None:
        """The unit carrying the code `value`, if any (the first of `codes` that does)."""
        return self._owners().get(value)

    def _owners(self) -> Mapping[str, UnitRef]:
        """Each attached code's unit (the first of `codes` carrying it): carried over from the
        packing an edit was made from (`_carried`), else listed from the codes. A code scan asks
        for its code's owner; searching every unit's codes grew with the order (issue 19)."""
        kept = self._memo.get("owners")
        if kept is not None:
            owners: Mapping[str, UnitRef] = kept[0]
            return owners
        listed: dict[str, UnitRef] = {}
        for unit, instances in self.codes.items():
            for inst in instances:
                listed.setdefault(inst.value, unit)
        self._memo["owners"] = (listed,)
        return listed

    def boxed_lacking_codes(self) -> tuple[UnitRef, ...]:
        """Boxed units lacking a mandatory code, box by box (a split unit at its first part box),
        then by unit."""
        lacking = self._lacking()
        if len(lacking) < 2:
            return tuple(lacking)
        placed = self.placement()
        return tuple(sorted(lacking, key=lambda unit: (placed[unit], unit)))

    def _lacking(self) -> frozenset[UnitRef]:
        """The boxed units lacking a mandatory code: carried over from the packing an edit was
        made from (`_carried`), else found unit by unit. Each scan's next step asks; going over
        every boxed unit grew with the order (issue 19)."""
        kept = self._memo.get("lacking")
        if kept is not None:
            found: frozenset[UnitRef] = kept[0]
            return found
        lacking = frozenset(unit for unit in self.placement() if self._lacks_code(unit))
        self._memo["lacking"] = (lacking,)
        return lacking

    def _lacks_code(self, unit: UnitRef) -> bool:
        """Whether the unit lacks a kind of code mandatory for its line."""
        needed = mandatory_kinds(self.order, self.line(unit.line_id))
        return bool(needed) and not needed <= {inst.kind for inst in self.codes_of(unit)}

    def parts_boxed(self, unit: UnitRef) -> tuple[PartSlot, ...]:
        """The part boxes' slots of a split unit (empty when the unit is not split), box order."""
        return tuple(box.part for box in self.boxes if box.part is not None and box.part.unit == unit)

    def open_part(self, line_id: int | None = None) -> PartSlot | None:
        """The last boxed part of a unit (of `line_id`, else of any line) whose parts are not all
        boxed yet: the next scan of its item boxes the unit's next part."""
        seen: dict[UnitRef, list[PartSlot]] = {}
        for box in self.boxes:
            part = box.part
            if part is not None and (line_id is None or part.unit.line_id == line_id):
                seen.setdefault(part.unit, []).append(part)
        for slots in seen.values():
            if len({slot.current for slot in slots}) < slots[0].total:
                return slots[-1]
        return None

    def travels_in_parts(self, line_id: int) -> bool:
        """Whether the line's next unit goes into part boxes (by a scan, a drop or Split): its item
        travels in several parcels, or a unit of it is split part-way."""
        return self.line(line_id).parts_per_unit > 1 or self.open_part(line_id) is not None

    def _unit_done(self, unit: UnitRef, placed: Mapping[UnitRef, tuple[int, ...]]) -> bool:
        """Whole in a box, or every part of it boxed."""
        where = placed.get(unit, ())
        if not where:
            return False
        parts = [part for i in where if (part := self.boxes[i].part) is not None]
        return not parts or len({part.current for part in parts}) == parts[0].total

    def split_total(self, line_id: int) -> int | None:
        """The part count of the line's split units (all split units of a line share it)."""
        for box in self.boxes:
            if box.part is not None and box.part.unit.line_id == line_id:
                return box.part.total
        return None

    def progress(self) -> tuple[LineProgress, ...]:
        """Per line: units packed and units carrying every mandatory (else any) code; a code the
        Market refused does not count."""
        if "progress" not in self._memo:
            self._memo["progress"] = self._progress()
        return self._memo["progress"]

    def _progress(self) -> tuple[LineProgress, ...]:
        if any(box.part is not None for box in self.boxes):
            return self._progress_per_unit()
        # No split units (most scans): a line's packed units are its boxed ones; both counts are
        # carried from packing to packing, not counted unit by unit (issue 19).
        order = self.order
        fills = self._fills()
        coded = self._coded() if self.codes else {}
        return tuple(
            LineProgress(
                line.id,
                line.count,
                fills[line.id].placed,
                coded.get(line.id, 0),
                bool(mandatory_kinds(order, line)),
                0,
            )
            for line in order.lines
        )

    def _progress_per_unit(self) -> tuple[LineProgress, ...]:
        placed = self.placement()
        result = []
        for line in self.order.lines:
            needed = mandatory_kinds(self.order, line)
            units = self.units(line.id)
            kinds = {u: {i.kind for i in self.codes_of(u) if i.value not in self.rejected} for u in units}
            if needed:
                coded = sum(1 for u in units if needed <= kinds[u])
            else:
                coded = sum(1 for u in units if kinds[u])
            split = sum(1 for u in units if self._is_split(u, placed))
            packed = sum(1 for u in units if self._unit_done(u, placed))
            result.append(LineProgress(line.id, line.count, packed, coded, bool(needed), split))
        return tuple(result)

    def _is_split(self, unit: UnitRef, placed: Mapping[UnitRef, tuple[int, ...]]) -> bool:
        where = placed.get(unit, ())
        return bool(where) and self.boxes[where[0]].part is not None

    @property
    def complete(self) -> bool:
        """No problem blocks sending the layout. While packing, the first one found answers: a
        scan asks this and need not word every unpacked line (issue 19)."""
        if "problems" in self._memo:
            return not self._memo["problems"]
        if "complete" not in self._memo:
            # A unit not yet packed is always a problem: no need to word one to know.
            unpacked = any(line.packed < line.count for line in self.progress())
            self._memo["complete"] = (not unpacked and next(self._each_problem(), None) is None,)
        return bool(self._memo["complete"][0])

    def problems(self) -> tuple[PackingError, ...]:
        """Everything that blocks sending the layout: unpacked units, missing or partial codes."""
        if "problems" not in self._memo:
            self._memo["problems"] = tuple(self._each_problem())
        return self._memo["problems"]

    def _each_problem(self) -> Iterator[PackingError]:
        found = False
        progress = {p.line_id: p for p in self.progress()}
        for line in self.order.lines:
            left = line.count - progress[line.id].packed
            slot = self.open_part(line.id)
            if slot is not None:
                left -= 1
                found = True
                yield self._parts_missing(line, slot)
            if left:
                found = True
                yield (
                    _refuse(
                        Reason.INCOMPLETE,
                        QT_TRANSLATE_NOOP("PackingRules", "“%1”: %2 of %3 not packed.")(
                            line.name, left, line.count
                        ),
                        hint=QT_TRANSLATE_NOOP(
                            "PackingRules", "Put every unit in a box or shorten the order."
                        ),
                    )
                )
            for problem in self._code_problems(line):
                found = True
                yield problem
        for unit, _instance in self.refused_codes():
            name = self.line(unit.line_id).name
            found = True
            yield _refuse(
                Reason.CODE_REFUSED,
                QT_TRANSLATE_NOOP("PackingRules", "“%1”, unit %2: the Market refused its code.")(
                    name, unit.n + 1
                ),
                QT_TRANSLATE_NOOP("PackingRules", "Scan another code of this unit."),
            )
        if not any(box.kind is not BoxKind.EMPTY for box in self.boxes) and not found:
            yield _refuse(Reason.INCOMPLETE, QT_TRANSLATE_NOOP("PackingRules", "There are no boxes."))

    def _parts_missing(self, line: OrderLine, slot: PartSlot) -> PackingError:
        boxed = len({part.current for part in self.parts_boxed(slot.unit)})
        return _refuse(
            Reason.INCOMPLETE,
            QT_TRANSLATE_NOOP("PackingRules", "“%1”, unit %2: %3 of %4 parcels boxed.")(
                line.name, slot.unit.n + 1, boxed, slot.total
            ),
            QT_TRANSLATE_NOOP("PackingRules", "Scan the item again for each next parcel."),
        )

    def _code_problems(self, line: OrderLine) -> list[PackingError]:
        found = []
        needed = mandatory_kinds(self.order, line)
        units = self.units(line.id)
        for kind in sorted(accepted_kinds(line)):
            have = sum(1 for unit in units if any(inst.kind is kind for inst in self.codes_of(unit)))
            name = kind_name(kind)
            if kind in needed and have < line.count:
                found.append(
                    _refuse(
                        Reason.INCOMPLETE,
                        QT_TRANSLATE_NOOP("PackingRules", "“%1”: every unit needs a %2; %3 of %4 scanned.")(
                            line.name, name, have, line.count
                        ),
                        hint=QT_TRANSLATE_NOOP("PackingRules", "Scan the codes of the remaining units."),
                    )
                )
            elif kind not in needed and 0 < have < line.count:
                found.append(
                    _refuse(
                        Reason.INCOMPLETE,
                        QT_TRANSLATE_NOOP("PackingRules", "“%1”: %2 of %3 units have a %4.")(
                            line.name, have, line.count, name
                        ),
                        hint=QT_TRANSLATE_NOOP(
                            "PackingRules",
                            "Codes go for every unit or for none: scan the rest or remove the codes.",
                        ),
                    )
                )
        return found

    def plan(self) -> LayoutPlan:
        """The layout as `PUT .../boxes` carries it; empty boxes are left out.

        Whole boxes list lines in the order they first entered the box; a line's instances follow
        its units' order in the box. A kind is sent for an entry only when every unit in it has
        one (the Market counts one code per unit); `problems()` refuses partial codes anyway.
        """
        boxes = []
        for box in self.boxes:
            if box.part is not None:
                slot = box.part
                entry = BoxEntry(
                    slot.unit.line_id,
                    part=PartOf(slot.current, slot.total),
                    instances=ordered(self.codes_of(slot.unit)),
                )
                boxes.append(BoxPlan((entry,)))
            elif box.units:
                boxes.append(BoxPlan(tuple(self._whole_entries(box))))
        return LayoutPlan(tuple(boxes), allow_remove=self.allow_remove)

    def _whole_entries(self, box: Box) -> Iterable[BoxEntry]:
        for line_id in dict.fromkeys(unit.line_id for unit in box.units):
            units = [unit for unit in box.units if unit.line_id == line_id]
            kinds = [
                kind
                for kind in sorted(accepted_kinds(self.order.line(line_id)))
                if all(any(inst.kind is kind for inst in self.codes_of(unit)) for unit in units)
            ]
            instances = tuple(
                inst for unit in units for inst in ordered(self.codes_of(unit)) if inst.kind in kinds
            )
            yield BoxEntry(line_id, full_count=len(units), instances=instances)

    # -------------------------------------------------------------------------------- boxes

    def _box(self, index: int) -> Box:
        if not 0 <= index < len(self.boxes):
            raise _refuse(
                Reason.UNKNOWN_BOX, QT_TRANSLATE_NOOP("PackingRules", "There is no box %1.")(box_no(index))
            )
        return self.boxes[index]

    def _with_box(self, index: int | None) -> tuple[Packing, int]:
        """This state and a box index; `None` or one past the end means a new empty box."""
        if index is None or index == len(self.boxes):
            return replace(self, boxes=(*self.boxes, Box())), len(self.boxes)
        self._box(index)
        return self, index

    def _set_box(self, index: int, box: Box) -> tuple[Box, ...]:
        return (*self.boxes[:index], box, *self.boxes[index + 1 :])

    def pruned(self) -> Packing:
        """Drop empty boxes other than the current one, keeping `current` on the same box."""
        keep = [i for i, box in enumerate(self.boxes) if box.kind is not BoxKind.EMPTY or i == self.current]
        if len(keep) == len(self.boxes):  # nothing to drop (every scan but the first of a box)
            return self
        current = keep.index(self.current) if self.current is not None and self.current in keep else None
        return replace(self, boxes=tuple(self.boxes[i] for i in keep), current=current)

    def new_box(self) -> Packing:
        """Open a new empty box for the next scans (the current one if it is still empty)."""
        if self.current is not None and self.boxes[self.current].kind is BoxKind.EMPTY:
            return self
        state, index = self._with_box(None)
        return self._carried(replace(state, current=index).pruned())

    def close_box(self) -> Packing:
        """Close the current box: the next scanned item starts a new one."""
        if self.current is None:
            return self
        closed = replace(self.boxes[self.current], closed=True)
        return self._carried(replace(self, boxes=self._set_box(self.current, closed), current=None).pruned())

    def scan_target(self) -> int | None:
        """The box the next scanned item goes into (None: a new box)."""
        if self.current is None:
            return None
        box = self.boxes[self.current]
        return None if box.closed or box.kind is BoxKind.PART else self.current

    # --------------------------------------------------------------------------- put / move

    def put(self, line_id: int, box: int | None = None, units: int = 1) -> Packing:
        """Put `units` unplaced units of a line as whole goods into box `box` (None: a new box).

        Raises:
            PackingError: unknown line or box, bad count, a part box (MIXED_BOX), or more units
                than the line has left to pack (OVER_PACKING).
        """
        line = self.line(line_id)
        _check_count(units)
        if box is not None and box != len(self.boxes):
            self._refuse_part_box(self._box(box), box, line)
        free = self._first_free(line_id, units)
        if len(free) < units:
            raise self._over_packing(line, len(free), units)
        # One new packing (a new box is added with its units, not first empty: issue 19).
        index = len(self.boxes) if box is None else box
        target = self.boxes[index] if index < len(self.boxes) else Box()
        filled = target.extended(free)
        packed = replace(self, boxes=self._set_box(index, filled), current=index, last_line=line_id)
        return self._carried(packed.pruned(), line_id, free)

    @staticmethod
    def _refuse_part_box(box: Box, index: int, line: OrderLine) -> None:
        if box.kind is BoxKind.PART:
            raise _refuse(
                Reason.MIXED_BOX,
                QT_TRANSLATE_NOOP(
                    "PackingRules", "Box %1 holds a part of a large item: “%2” cannot go in it."
                )(box_no(index), line.name),
                hint=QT_TRANSLATE_NOOP(
                    "PackingRules", "Whole goods and parts of an item travel in separate boxes."
                ),
            )

    def _over_packing(self, line: OrderLine, free: int, wanted: int) -> PackingError:
        if free == 0:
            return _refuse(
                Reason.OVER_PACKING,
                QT_TRANSLATE_NOOP("PackingRules", "All %1 units of “%2” are already in boxes.")(
                    line.count, line.name
                ),
                hint=QT_TRANSLATE_NOOP(
                    "PackingRules", "The extra unit is not part of this order: set it aside."
                ),
            )
        return _refuse(
            Reason.OVER_PACKING,
            QT_TRANSLATE_NOOP("PackingRules", "“%1”: only %2 units are left to pack, not %3.")(
                line.name, free, wanted
            ),
        )

    def _take_from(self, index: int, line_id: int, units: int) -> tuple[Box, tuple[UnitRef, ...]]:
        """Remove the last `units` whole units of a line from box `index`."""
        box = self._box(index)
        line = self.line(line_id)
        _check_count(units)
        if box.kind is BoxKind.PART:
            raise _refuse(
                Reason.PART_BOX,
                QT_TRANSLATE_NOOP(
                    "PackingRules", "Box %1 holds one part of an item; a part cannot be moved on its own."
                )(box_no(index)),
                hint=QT_TRANSLATE_NOOP("PackingRules", "Unpack the whole item and split it again."),
            )
        have = box.count(line_id)
        if have < units:
            raise self._not_in_box(index, line, have, units)
        mine = [i for i, unit in enumerate(box.units) if unit.line_id == line_id]
        taken_at = set(mine[-units:])
        taken = tuple(box.units[i] for i in sorted(taken_at))
        rest = tuple(unit for i, unit in enumerate(box.units) if i not in taken_at)
        return replace(box, units=rest), taken

    @staticmethod
    def _not_in_box(index: int, line: OrderLine, have: int, units: int) -> PackingError:
        return _refuse(
            Reason.NOT_IN_BOX,
            QT_TRANSLATE_NOOP("PackingRules", "Box %1 holds %2 units of “%3”, not %4.")(
                box_no(index), have, line.name, units
            ),
        )

    def move(self, line_id: int, from_box: int, to_box: int | None, units: int = 1) -> Packing:
        """Move whole units of a line between boxes (`to_box` None: a new box)."""
        if to_box == from_box:
            self._take_from(from_box, line_id, units)
            return self
        line = self.line(line_id)
        if to_box is not None and to_box != len(self.boxes):
            self._refuse_part_box(self._box(to_box), to_box, line)
        emptied, taken = self._take_from(from_box, line_id, units)
        state = replace(self, boxes=self._set_box(from_box, emptied))
        state, index = state._with_box(to_box)
        target = state.boxes[index]
        filled = target.extended(taken)
        return self._carried(replace(state, boxes=state._set_box(index, filled), current=index).pruned())

    def unpack(self, line_id: int, box: int, units: int = 1) -> Packing:
        """Take units back out of a box; for a part box, the whole split unit (all its parts)."""
        target = self._box(box)
        if target.part is not None:
            if target.part.unit.line_id != line_id:
                raise self._not_in_box(box, self.line(line_id), 0, units)
            return self._unsplit(target.part.unit)
        emptied, _ = self._take_from(box, line_id, units)
        return replace(self, boxes=self._set_box(box, emptied)).pruned()

    def _unsplit(self, unit: UnitRef) -> Packing:
        keep = [i for i, box in enumerate(self.boxes) if box.part is None or box.part.unit != unit]
        current = keep.index(self.current) if self.current in keep else None
        return replace(self, boxes=tuple(self.boxes[i] for i in keep), current=current).pruned()

    def split(self, line_id: int, parts: int | None = None) -> Packing:
        """Split one unit of a line into `parts` part boxes (default `boxCount`): the unit whose
        parts scans have begun to box gets its missing parts, else an unplaced unit gets all.

        The unit's codes travel in every part box. All split units of a line share one part count.
        """
        line = self.line(line_id)
        slot = self.open_part(line_id)
        if slot is not None:
            if parts is not None and parts != slot.total:
                raise self._other_split(line, slot.total)
            state = self
            while state.open_part(line_id) is not None:
                state = state.add_part(line_id)
            return state
        total = parts if parts is not None else line.parts_per_unit
        if not 2 <= total <= MAX_PARTS:
            raise _refuse(
                Reason.BAD_SPLIT,
                QT_TRANSLATE_NOOP("PackingRules", "An item is split into 2 to %1 boxes, not %2.")(
                    MAX_PARTS, total
                ),
                hint=QT_TRANSLATE_NOOP("PackingRules", "Say how many boxes one unit travels in."),
            )
        existing = self.split_total(line_id)
        if existing is not None and existing != total:
            raise self._other_split(line, existing)
        free = self._first_free(line_id, 1)
        if not free:
            raise self._over_packing(line, 0, 1)
        unit = free[0]
        new = tuple(Box(part=PartSlot(unit, current, total)) for current in range(1, total + 1))
        boxes = (*self.boxes, *new)
        split = replace(self, boxes=boxes, current=len(boxes) - 1, last_line=line_id)
        return self._carried(split.pruned(), line_id, free)

    @staticmethod
    def _other_split(line: OrderLine, existing: int) -> PackingError:
        return _refuse(
            Reason.BAD_SPLIT,
            QT_TRANSLATE_NOOP("PackingRules", "Other units of “%1” are already split into %2 boxes.")(
                line.name, existing
            ),
            QT_TRANSLATE_NOOP("PackingRules", "Every unit of one item is split the same way."),
        )

    def add_part(self, line_id: int) -> Packing:
        """Box the next part of a multi-parcel unit in its own new part box: the next missing part
        of the unit begun (`open_part`), else part 1 of an unplaced unit (of `boxCount` parts)."""
        line = self.line(line_id)
        slot = self.open_part(line_id)
        if slot is not None:
            unit, total = slot.unit, slot.total
            boxed = {part.current for part in self.parts_boxed(unit)}
            current = min(set(range(1, total + 1)) - boxed)
        else:
            free = self._first_free(line_id, 1)
            if not free:
                raise self._over_packing(line, 0, 1)
            total = self.split_total(line_id) or line.parts_per_unit
            if total < 2:
                return self.put(line_id, None, 1)
            unit, current = free[0], 1
        boxes = (*self.boxes, Box(part=PartSlot(unit, current, total)))
        added = replace(self, boxes=boxes, current=len(boxes) - 1, last_line=line_id).pruned()
        return self._carried(added, line_id, () if slot is not None else (unit,))

    # -------------------------------------------------------------------------------- scans

    def line_for_barcode(self, barcode: str) -> OrderLine:
        """The line a scanned item barcode belongs to (the first with units left to pack).

        Raises:
            PackingScanError: the barcode is not this order's, or no barcodes are known.
        """
        matching = [
            line for line in self.order.lines if barcode in line.barcodes or gtin_in(barcode, line.barcodes)
        ]
        if not matching:
            if not any(line.barcodes for line in self.order.lines):
                raise _refuse_scan(
                    Reason.NO_BARCODES,
                    QT_TRANSLATE_NOOP(
                        "PackingRules",
                        "Barcode %1 cannot be checked: the catalogue gave no barcodes for this order.",
                    )(barcode),
                    hint=QT_TRANSLATE_NOOP(
                        "PackingRules",
                        "Drag the item into a box with the mouse, or give the API key catalogue access.",
                    ),
                )
            raise _refuse_scan(
                Reason.NOT_IN_ORDER,
                QT_TRANSLATE_NOOP("PackingRules", "No item with barcode %1 in order %2.")(
                    barcode, self.order.id
                ),
                hint=QT_TRANSLATE_NOOP("PackingRules", "Set this item aside: it belongs to another order."),
            )
        left = (line for line in matching if self.open_part(line.id) or self._has_unplaced(line))
        return next(left, matching[0])

    def _has_unplaced(self, line: OrderLine) -> bool:
        """Whether a unit of `line` is in no box (`unplaced` without listing them)."""
        fill = self._fills().get(line.id)
        return fill is None or fill.placed < line.count

    def scan_item(self, barcode: str) -> Packing:
        """A scanned item barcode: one unit of its line into the current box (or a new one); an
        item travelling in several parcels boxes its next part in a part box of its own."""
        line = self.line_for_barcode(barcode)
        if self.travels_in_parts(line.id):
            return self.add_part(line.id)
        return self.put(line.id, self.scan_target(), 1)

    def hold(self, unit: UnitRef) -> Packing:
        """The unit the packer holds (its marking code was scanned before its barcode) into the box
        the next scanned item would go to; a unit already in a box stays where it is."""
        if self.is_boxed(unit):
            return self
        self.line(unit.line_id)  # an unknown line is refused like any other edit
        state, index = self._with_box(self.scan_target())
        target = state.boxes[index]
        filled = target.extended((unit,))
        held = replace(state, boxes=state._set_box(index, filled), current=index, last_line=unit.line_id)
        return self._carried(held.pruned(), unit.line_id, (unit,))

    def attach_code(self, instance: Instance, gtin: str | None = None) -> tuple[Packing, UnitRef]:
        """Attach a scanned identifier to the next unit of the matching line that lacks one.

        The line is found by the code's GTIN among the lines' barcodes when those are known,
        else by the kinds the lines accept (the line of the last scanned item first). Within the
        line, units in the current box come first, then other boxed units, then unplaced ones.
        A unit whose code the Market rejected gets the new code when no unit lacks one.

        Raises:
            PackingScanError: no line takes such a code (CODE_NOT_NEEDED, WRONG_CODE_TYPE,
                CODE_FOR_OTHER_ITEM), every unit already has one (ALL_CODED), the code is already
                on another unit of a line where it is mandatory (DUPLICATE_CODE), or a GTD lacks
                its country code (GTD_COUNTRY).
        """
        kind = instance.kind
        if kind is InstanceKind.GTD and not instance.country_code:
            raise _refuse_scan(
                Reason.GTD_COUNTRY,
                QT_TRANSLATE_NOOP("PackingRules", "A GTD number needs the country of origin code."),
                hint=QT_TRANSLATE_NOOP("PackingRules", "Enter the country code (two letters, e.g. CN)."),
            )
        owner = self.code_owner(instance.value)
        if owner is not None and self.parts_boxed(owner) and instance in self.codes_of(owner):
            return self, owner  # a split unit's one code scanned again on another parcel: it is there
        candidates = self._lines_for_code(kind, gtin)
        unit = self._unit_for_code(kind, candidates)
        # The Market refuses a repeated code only where it is mandatory; its own example repeats
        # one code on an optional line, so optional codes are not held to it here either.
        if owner and owner != unit and kind in mandatory_kinds(self.order, self.line(owner.line_id)):
            item = self.line(owner.line_id).name
            raise _refuse_scan(
                Reason.DUPLICATE_CODE,
                QT_TRANSLATE_NOOP("PackingRules", "This code was already scanned for “%1”.")(item),
                hint=QT_TRANSLATE_NOOP(
                    "PackingRules", "Each unit has its own code: scan the code of another unit."
                ),
            )
        kept = tuple(inst for inst in self.codes_of(unit) if inst.kind is not kind)
        codes = {**self.codes, unit: ordered((*kept, instance))}
        return self._carried(replace(self, codes=codes), recoded=unit), unit

    def _lines_for_code(self, kind: InstanceKind, gtin: str | None) -> list[OrderLine]:
        lines = self.order.lines
        accepting = [line for line in lines if kind in accepted_kinds(line)]
        by_gtin = [line for line in lines if gtin and gtin_in(gtin, line.barcodes)]
        name = kind_name(kind)
        if by_gtin:
            fitting = [line for line in by_gtin if kind in accepted_kinds(line)]
            if fitting:
                return fitting
            line = by_gtin[0]
            if not accepted_kinds(line):
                raise self._code_not_needed(line.name, name)
            wants = _listed([kind_name(k) for k in sorted(accepted_kinds(line))])
            raise _refuse_scan(
                Reason.WRONG_CODE_TYPE,
                QT_TRANSLATE_NOOP("PackingRules", "“%1” needs a %2, but a %3 was scanned.")(
                    line.name, wants, name
                ),
            )
        if gtin:
            unknown = [line for line in accepting if not line.barcodes]
            if accepting and not unknown:
                raise _refuse_scan(
                    Reason.CODE_FOR_OTHER_ITEM,
                    QT_TRANSLATE_NOOP(
                        "PackingRules",
                        "The code belongs to another product (GTIN %1) that is not in this order.",
                    )(gtin),
                    hint=QT_TRANSLATE_NOOP(
                        "PackingRules", "Scan the code on the package of an item of this order."
                    ),
                )
            accepting = unknown or accepting
        if accepting:
            return accepting
        if any(accepted_kinds(line) for line in lines):
            raise _refuse_scan(
                Reason.WRONG_CODE_TYPE,
                QT_TRANSLATE_NOOP("PackingRules", "No item of this order takes a %1.")(name),
                hint=QT_TRANSLATE_NOOP("PackingRules", "Check that the right code was scanned."),
            )
        raise self._code_not_needed("", name)

    def _code_not_needed(self, item: str, name: Message) -> PackingScanError:
        hint = QT_TRANSLATE_NOOP("PackingRules", "No code is needed: just put the item in a box.")
        if item:
            return _refuse_scan(
                Reason.CODE_NOT_NEEDED,
                QT_TRANSLATE_NOOP("PackingRules", "“%1” needs no %2.")(item, name),
                hint,
            )
        return _refuse_scan(
            Reason.CODE_NOT_NEEDED,
            QT_TRANSLATE_NOOP("PackingRules", "The items of this order need no %1.")(name),
            hint,
        )

    def _unit_for_code(self, kind: InstanceKind, candidates: list[OrderLine]) -> UnitRef:
        if self.last_line is not None:
            candidates = sorted(candidates, key=lambda line: line.id != self.last_line)
        for line in candidates:
            lacking = self._first_lacking(line, kind)
            if lacking is not None:
                return lacking
        for line in candidates:
            for unit in self.units(line.id):
                if any(i.kind is kind and i.value in self.rejected for i in self.codes_of(unit)):
                    return unit
        name = kind_name(kind)
        names = _listed([_quoted(line.name) for line in candidates])
        raise _refuse_scan(
            Reason.ALL_CODED,
            QT_TRANSLATE_NOOP("PackingRules", "Every unit of %1 already has a %2.")(names, name),
            hint=QT_TRANSLATE_NOOP(
                "PackingRules", "No extra code is needed; to replace a code, remove the old one first."
            ),
        )

    def _first_lacking(self, line: OrderLine, kind: InstanceKind) -> UnitRef | None:
        """The unit of `line` without a `kind` code that the next such code goes to: the first in
        the current box, else in the other boxes box by box, else the lowest unboxed one. Walked
        in that order, stopping at the first, not by ranking every unit of the line (issue 19)."""
        line_id, count, codes = line.id, line.count, self.codes

        def lacking(unit: UnitRef) -> bool:
            return (
                unit.line_id == line_id
                and unit.n < count
                and not any(inst.kind is kind for inst in codes.get(unit, ()))
            )

        if mandatory_kinds(self.order, line) == {kind}:
            # The line's boxed units lacking it are its boxed units lacking a mandatory code:
            # kept per packing (mostly none or one), not looked for in every box.
            boxed = [unit for unit in self._lacking() if unit.line_id == line_id and unit.n < count]
            if len(boxed) > 1:
                return min(boxed, key=self._code_rank)
            if boxed:
                return boxed[0]
        else:
            current = self.current
            indices = [index for index in range(len(self.boxes)) if index != current]
            if current is not None:
                indices.insert(0, current)
            for index in indices:
                box = self.boxes[index]
                for unit in (box.part.unit,) if box.part is not None else box.units:
                    if lacking(unit):
                        return unit
        fill = self._fills()[line_id]
        for n in range(fill.low, count):
            if n not in fill.above and lacking(unit := UnitRef(line_id, n)):
                return unit
        return None

    def _code_rank(self, unit: UnitRef) -> tuple[int, int, int]:
        """Where a boxed unit comes in the walk for a code's unit: in the current box first, then
        box by box; within a box, by its place there."""
        where = self.placement()[unit]
        box = self.boxes[where[0]]
        position = box.units.index(unit) if box.part is None else 0
        return (0 if self.current in where else 1, where[0], position)

    def remove_code(self, value: str) -> Packing:
        """Take a code off its unit (e.g. a code the Market rejected or scanned by mistake)."""
        unit = self.code_owner(value)
        if unit is None:
            return self
        left = tuple(inst for inst in self.codes_of(unit) if inst.value != value)
        codes = {k: v for k, v in self.codes.items() if k != unit}
        if left:
            codes[unit] = left
        return replace(self, codes=codes, rejected=self.rejected - {value})

    def with_rejected(self, values: Iterable[str]) -> Packing:
        """Mark codes the Market rejected (FAILED/INVALID): a new scan may replace them."""
        return replace(self, rejected=frozenset(values))

    def refused_codes(self) -> tuple[tuple[UnitRef, Instance], ...]:
        """The attached codes the Market refused, in unit order: each unit needs a new code."""
        if not self.rejected:  # the usual case, asked on every scan (issue 19)
            return ()
        return tuple((unit, inst) for unit, inst in self.all_codes() if inst.value in self.rejected)

    def instances(self) -> frozenset[Instance]:
        """Every attached identifier, once (worked out once per packing: the journal's code
        index is kept in step with it on every edit, issue 19)."""
        kept = self._memo.get("instances")
        if kept is None:
            kept = self._memo["instances"] = (frozenset(i for held in self.codes.values() for i in held),)
        found: frozenset[Instance] = kept[0]
        return found

    def all_codes(self) -> tuple[tuple[UnitRef, Instance], ...]:
        """Every attached identifier with its unit, in unit order."""
        if not self.codes:  # goods without marking: asked on every scan (issue 19)
            return ()
        return tuple((unit, inst) for unit in sorted(self.codes) for inst in self.codes[unit])
