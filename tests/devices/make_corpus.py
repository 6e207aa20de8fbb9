"""Regenerates tests/devices/corpus/*.json: recorded keyboard-wedge streams with their expected scans.

Run `python3 -m tests.devices.make_corpus` after changing the simulator; the JSON files are
committed so the corpus test replays fixed streams (and a decoder change cannot silently change
what the streams mean). Each file holds the decoder settings, the platform, the key events
`[key, text, modifiers, scan_code, virtual_key, timestamp_ms, caps_lock]`, the scans expected and
the text a human typed in between.
"""

from __future__ import annotations

import json
from pathlib import Path

from packstation.devices import keymap
from tests.devices.keyboard_sim import GS, Mangling, Scanner, event_to_json

CORPUS = Path(__file__).with_name("corpus")
SIG44 = "AbCdEfGh1234+/=IjKlMnOpQrStUvWxYz0987654321q"
SIG88 = SIG44 + "Zz9+Yy8/Xx7=Ww6-Vv5_Uu4.Tt3%Ss2!Rr1*Qq0(Pp)x"

# One realistic code per product group (GTIN check digits valid; crypto parts synthetic).
CODES = {
    "dairy": "0104601234567893" + "21ab+Cd9" + GS + "93Zjqw",
    "dairy_weight": "0104607001234562" + "21k7_Pq2" + GS + "93x5Lm" + GS + "3103000500",
    "water": "0104600135210044" + "21Xq5!Rt%8a_B3c" + GS + "93k9Fz",
    "clothes": "0104601234567893" + "215Tr!Q+aB9c%kZ" + GS + "91EE06" + GS + "92" + SIG44,
    "shoes_88": "0102900001234566" + "21AbC1234567xyz" + GS + "91EE05" + GS + "92" + SIG88,
    "tires": "0104606002001005" + "21ABCDEFGHIJ0123456789"[:22] + GS + "91FF01" + GS + "92" + SIG44,
    "pharma": "0104601234567893" + "21MDLP0000000A1" + GS + "17261231" + "10B-42" + GS + "91EE07" + GS
    + "92" + SIG44,
    "tobacco_block": "0104600439931256" + "21JgXJ5.T" + GS + "8005112000" + GS + "93Mdlr",
    "tobacco_pack": "00000046198488X?io+qCABm8wAYa",
    "market_example": "01030410947874432155Qbag!" + GS + "93Zjqw",
}
OTHER = {
    "ean13": "4601234567893",
    "uin": "1234567812345678",
    "command": "PS:NEXT_PART_BOX",
    "gtd": "10702070/010124/0012345",
}

MANGLINGS = {
    "us_x11_ctrl": Mangling(),
    "ru_x11_ctrl": Mangling(layout="ru"),
    "ru_x11_caps_f8": Mangling(layout="ru", caps_lock=True, gs_form="f8"),
    "us_win_caps_altcode": Mangling(native="windows", caps_lock=True, gs_form="alt_numpad"),
    "ru_win_ctrl_aim": Mangling(layout="ru", native="windows", prefix="]d2"),
    "us_text_gs_standin": Mangling(native="none", gs_form="<GS>"),
    "ru_text_f8": Mangling(layout="ru", native="none", gs_form="f8"),
    "ru_text_caps_escaped_gs": Mangling(layout="ru", native="none", caps_lock=True, gs_form="\\u001d"),
    "us_text_caps_ctrl_tab": Mangling(native="none", caps_lock=True, suffix="tab"),
    "us_x11_prefix_suffix": Mangling(prefix="~~]d2", suffix="#!", leading_gs=True, gs_form="char"),
}
SETTINGS = {"prefixes": ["~~"], "suffix": "", "gs_stand_ins": ["<GS>", "\\u001d", "\\x1d"], "gs_keys": ["F8"]}


def _write(name: str, mangling: Mangling, events: list[list[object]], scans: list[str], typed: str) -> None:
    settings: dict[str, object] = dict(SETTINGS)
    if mangling.suffix not in ("enter", "tab"):
        settings["suffix"] = mangling.suffix
    record = {
        "name": name,
        "platform": mangling.platform,
        "settings": settings,
        "expect_scans": scans,
        "expect_typed": typed,
        # Russian layout, no native codes and no letters: `.` for `/` cannot be told apart, so
        # only the classified value (which normalizes customs separators) must match.
        "layout_undetectable": mangling.layout == "ru"
        and mangling.native == "none"
        and not any(str(row[1]) in keymap.RU_ONLY_CHARS for row in events),
    }
    # Readable diffs: the header indented, then one key event per line.
    header = json.dumps(record, ensure_ascii=False, indent=1)[:-2]
    rows = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in events)
    text = f'{header},\n "events": [\n{rows}\n ]\n}}\n'

    (CORPUS / f"{name}.json").write_text(text, encoding="utf-8")


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    for old in CORPUS.glob("*.json"):
        old.unlink()
    seed = 0
    for m_name, mangling in MANGLINGS.items():
        for c_name, code in {**CODES, **OTHER}.items():
            seed += 1
            scanner = Scanner(mangling, seed=seed)
            events = [event_to_json(e) for e in scanner.scan(code)]
            _write(f"{c_name}__{m_name}", mangling, events, [code], "")
        # The same codes with GS lost by the scanner: the decoder must not invent or drop anything.
        for c_name in ("dairy", "clothes", "tobacco_block"):
            seed += 1
            code = CODES[c_name]
            scanner = Scanner(mangling, seed=seed)
            events = [event_to_json(e) for e in scanner.scan(code.replace(GS, ""))]
            _write(f"{c_name}_gs_lost__{m_name}", mangling, events, [code.replace(GS, "")], "")
        # A person typing in a search field before, between and after two scans.
        seed += 1
        scanner = Scanner(mangling, seed=seed)
        human = scanner.human("abc")
        scanner.pause(300)
        stream = human + scanner.scan(CODES["dairy"])
        scanner.pause(250)
        human += (more := scanner.human("1-x"))
        stream += more
        scanner.pause(400)
        stream += scanner.scan(OTHER["ean13"])
        scanner.pause(200)
        human += (more := scanner.human("Q"))
        stream += more
        # The field shows what the person typed under the active layout (Cyrillic under RU).
        typed = "".join(e.text for e in human)
        _write(
            f"interleaved_human__{m_name}",
            mangling,
            [event_to_json(e) for e in stream],
            [CODES["dairy"], OTHER["ean13"]],
            typed,
        )


if __name__ == "__main__":
    main()
