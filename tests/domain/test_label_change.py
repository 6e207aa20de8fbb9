"""Which printed box labels a new layout voids and which it prints (`label_change`)."""

from __future__ import annotations

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, StoredBox
from packstation.domain.packing.labels import LabelChange, LabelRef, PrintedLabels, label_change

ONE = BoxPlan((BoxEntry(11, full_count=2),))
HALF = BoxPlan((BoxEntry(11, full_count=1),))
CODED = BoxPlan((BoxEntry(11, full_count=2, instances=(Instance(InstanceKind.CIS, "new"),)),))


def test_the_first_layout_prints_every_label_and_voids_none() -> None:
    change = label_change(7, None, LayoutPlan((HALF, HALF)), (StoredBox(501, HALF), StoredBox(502, HALF)))
    assert change == LabelChange(new=(LabelRef(1, 2, 501, "7-1"), LabelRef(2, 2, 502, "7-2")))
    assert not change.unchanged


def test_a_replaced_code_in_the_same_boxes_keeps_the_labels_even_with_new_box_ids() -> None:
    printed = PrintedLabels(LayoutPlan((ONE,)), (StoredBox(501, ONE),))
    change = label_change(7, printed, LayoutPlan((CODED,)), (StoredBox(601, CODED),))
    assert change.unchanged


def test_a_changed_layout_voids_every_printed_label_and_lists_the_new_ones() -> None:
    printed = PrintedLabels(LayoutPlan((ONE,)), (StoredBox(501, ONE),))
    change = label_change(7, printed, LayoutPlan((HALF, HALF)), (StoredBox(601, HALF), StoredBox(602, HALF)))
    assert change.void == (LabelRef(1, 1, 501, "7-1"),)
    assert change.new == (LabelRef(1, 2, 601, "7-1"), LabelRef(2, 2, 602, "7-2"))
