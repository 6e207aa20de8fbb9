"""Recorded keyboard-wedge streams (tests/devices/corpus, built by make_corpus.py) decode exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from packstation.devices.config import ScannerSettings
from packstation.devices.decoder import ScanDecoder
from packstation.domain.classify import classify_scan
from tests.devices.keyboard_sim import event_from_json, replay

CORPUS = sorted(Path(__file__).with_name("corpus").glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return record


def test_corpus_covers_every_group_and_mangling() -> None:
    names = {path.stem for path in CORPUS}
    groups = {name.split("__")[0] for name in names}
    manglings = {name.split("__")[1] for name in names}
    product_groups = {"dairy", "water", "clothes", "shoes_88", "tires", "pharma", "tobacco_block"}
    product_groups.add("tobacco_pack")
    assert product_groups <= groups
    assert {"dairy_gs_lost", "interleaved_human"} <= groups
    assert len(manglings) == 10
    assert len(CORPUS) == 180
    undetectable = [p.stem for p in CORPUS if _load(p)["layout_undetectable"]]
    assert all(name.startswith(("gtd__", "uin__", "ean13__")) for name in undetectable)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_recorded_stream_decodes_exactly(path: Path) -> None:
    record = _load(path)
    decoder = ScanDecoder(ScannerSettings(**record["settings"]), platform=record["platform"])
    scans, typed = replay(decoder, [event_from_json(row) for row in record["events"]])
    assert typed == record["expect_typed"]
    if record["layout_undetectable"]:
        expected = [classify_scan(s).value for s in record["expect_scans"]]
        assert [classify_scan(s).value for s in scans] == expected
    else:
        assert scans == record["expect_scans"]
