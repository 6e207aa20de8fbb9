"""Chestny Znak code rules: shapes per product group, GS placement and repair, refusals."""

from __future__ import annotations

import pytest

from packstation.catalogue import russian
from packstation.domain.cis import GS, CisGroup, check_cis, looks_like_cis, render

# Canonical base64 of a 32- and a 64-byte signature, as real (92) crypto codes are.
SIG44 = "XF+bh3eM+xA6oD7CWFOY6agEnaVVJZFgnvzXhK2E2Ec="
SIG88 = "YqaCnzNstwHDwgHdZGORLWQdAPas6x0kWDsAYCgp4dCqUF0qqVjVQNIiCj9cuiylJ7TNUpEVoPFBeWF0peV8Tg=="
GTIN = "04601234567893"

SHAPES = {
    CisGroup.DAIRY: f"01{GTIN}21ab+Cd9{GS}93Zjqw",
    CisGroup.WATER: f"01{GTIN}21Xq5!Rt%8a_B3c{GS}93k9Fz",
    CisGroup.LIGHT_INDUSTRY: f"01{GTIN}215Tr!Q+aB9c%kZ{GS}91EE06{GS}92{SIG44}",
    CisGroup.SHOES_LONG: f"01{GTIN}21AbC1234567xyz{GS}91EE05{GS}92{SIG88}",
    CisGroup.TIRES: f"01{GTIN}21ABCDEFGHIJ0123456789{GS}91FF01{GS}92{SIG44}",
    CisGroup.PHARMA: f"01{GTIN}21MDLP0000000A1{GS}1726123110B-42{GS}91EE07{GS}92{SIG44}",
    CisGroup.TOBACCO_BLOCK: f"0104600439931256" f"21JgXJ5.T{GS}8005112000{GS}93Mdlr",
    CisGroup.TOBACCO_PACK: "00000046198488X?io+qCABm8wAYa",
    CisGroup.SHORT_CRYPTO: f"01030410947874432155Qbag!{GS}93Zjqw",
}


@pytest.mark.parametrize(("group", "code"), SHAPES.items(), ids=lambda v: str(v)[:20])
def test_each_group_shape_is_valid_and_sent_as_scanned(group: CisGroup, code: str) -> None:
    check = check_cis(code)
    assert check.valid, check.problems
    assert check.group is group
    assert check.value == code
    assert check.repairs == ()


def test_dairy_weight_follows_the_short_crypto() -> None:
    check = check_cis(f"01{GTIN}21ab+Cd9{GS}93Zjqw{GS}3103000500")
    assert check.valid
    assert check.group is CisGroup.DAIRY
    assert check.fields["3103"] == "000500"


def test_fields_gtin_and_identification_part() -> None:
    check = check_cis(SHAPES[CisGroup.LIGHT_INDUSTRY])
    assert check.gtin == GTIN
    expected = {"01": GTIN, "21": "5Tr!Q+aB9c%kZ", "91": "EE06", "92": SIG44, "group": "light_industry"}
    assert check.fields == expected
    assert check.without_tail == f"01{GTIN}215Tr!Q+aB9c%kZ"
    assert check_cis(SHAPES[CisGroup.TOBACCO_PACK]).without_tail == "00000046198488X?io+qC"


@pytest.mark.parametrize(
    "group", [CisGroup.DAIRY, CisGroup.LIGHT_INDUSTRY, CisGroup.TOBACCO_BLOCK, CisGroup.TIRES]
)
def test_all_gs_lost_is_restored_when_only_one_reading_validates(group: CisGroup) -> None:
    code = SHAPES[group]
    check = check_cis(code.replace(GS, ""))
    assert check.valid, check.problems
    assert check.value == code
    assert any(r.startswith("restored GS after") for r in check.repairs)


def test_one_lost_gs_between_91_and_92_is_restored() -> None:
    code = SHAPES[CisGroup.LIGHT_INDUSTRY]
    broken = code.replace(f"EE06{GS}92", "EE0692")
    check = check_cis(broken)
    assert check.valid
    assert check.value == code
    assert check.repairs == ("restored GS after (91)",)


def test_ambiguous_lost_gs_is_refused_not_guessed() -> None:
    # Without GS, "21 ABCDEFGHIJKLM 240wxyz 91…" reads two valid ways: a tire's 20-character
    # serial, or a 13-character serial plus a (240) additional ID.
    tire = render((("01", GTIN), ("21", "ABCDEFGHIJKLM240wxyz"), ("91", "FF01"), ("92", SIG44)))
    extra = render((("01", GTIN), ("21", "ABCDEFGHIJKLM"), ("240", "wxyz"), ("91", "FF01"), ("92", SIG44)))
    assert check_cis(tire).valid
    assert check_cis(extra).valid
    assert tire.replace(GS, "") == extra.replace(GS, "")
    check = check_cis(tire.replace(GS, ""))
    assert not check.valid
    assert check.ambiguous
    assert "rescan" in check.problems[0].en
    # With its GS the scan is unambiguous.
    assert check_cis(extra).value == extra
    assert check_cis(tire).group is CisGroup.TIRES


def test_stray_and_trailing_gs_are_removed() -> None:
    code = SHAPES[CisGroup.DAIRY]
    check = check_cis(code.replace(f"01{GTIN}", f"01{GTIN}{GS}") + GS)
    assert check.valid
    assert check.value == code
    assert set(check.repairs) == {"removed GS after fixed-length (01)", "removed trailing GS"}


def test_leading_fnc1_and_hri_form() -> None:
    code = SHAPES[CisGroup.DAIRY]
    assert check_cis(GS + code).value == code
    hri = check_cis(f"(01){GTIN}(21)ab+Cd9(93)Zjqw")
    assert hri.valid
    assert hri.value == code


@pytest.mark.parametrize(
    ("code", "en", "ru"),
    [
        (f"0104601234567894" f"21ab+Cd9{GS}93Zjqw", "check digit", "контрольная цифра"),
        (f"01{GTIN}21ab+Cd9", "no crypto tail", "криптохвост"),
        (f"01{GTIN}21ab+Cd9XYZ{GS}93Zjqw", "serial has 9 characters", "из 9 символов"),
        (f"01{GTIN}215Tr!Q+aB9c%kZ{GS}91EE0{GS}92{SIG44}", "(91) has 3 characters", "(91) из 3"),
        (f"01{GTIN}21ab+Cd9{GS}93Zjqwx", "(93) has 5 characters", "(93) из 5"),
        (f"01{GTIN}21фи+Св9{GS}93Zjqw", "Cyrillic", "русские буквы"),
        (f"01{GTIN}21ab$Cd9{GS}93Zjqw", "GS1 syntax", "GS1"),
        (f"01{GTIN}21ab+Cd9{GS}97Zjqw", "unsupported element", "неподдерживаемый"),
        (f"01{GTIN}21{'a' * 250}{GS}93Zjqw", "at most 256", "не длиннее 256"),
        (f"02{GTIN}21ab+Cd9{GS}93Zjqw", "does not start with (01)", "(01)"),
        (f"01{GTIN}21ab+Cd9{GS}93Zjqw", "", ""),
        # Found by an attack run: each of these used to pass.
        ("00000000000000ABCDEFGHIJKLMNO", "all zeros", "из одних нулей"),
        (f"01{GTIN}21Xq5!Rt10%8a_{GS}93k9Fz", "serial has 12", "из 12 символов"),
        (f"01{GTIN}21ab+Cd9{GS}93Zj!w", "(93) verification code", "(93) код проверки"),
        (f"01{GTIN}215Tr!Q+aB9c%kZ{GS}91E-06{GS}92{SIG44}", "(91) verification key", "(91) ключ"),
        (f"01{GTIN}215Tr!Q+aB9c%kZ{GS}91EE06{GS}92{SIG44[:-1]}A", "(92) crypto signature", "(92)"),
        (f"01{GTIN}215Tr!Q+a{GS}91EE06{GS}92{SIG44}", "serial of 13 or 20", "из 13 или 20"),
        ("00000046198488X?io+qCABm8wA!a", "last 4 characters", "последние 4 символа"),
        ("10000046198485X?io+qCABm8wAYa", "package of packs", "упаковка пачек"),
    ],
)
def test_refusals_explain_themselves_in_both_languages(code: str, en: str, ru: str) -> None:
    check = check_cis(code)
    if not en:
        assert check.valid
        return
    assert not check.valid
    assert any(en in p.en for p in check.problems), check.problems
    assert any(ru in russian(p.text) for p in check.problems), check.problems


def test_eight_char_serial_is_a_valid_shape() -> None:
    # The previous table row: "ab+Cd9XY" is 8 characters, which Chestny Znak allows.
    assert check_cis(f"01{GTIN}21ab+Cd9XY{GS}93Zjqw").valid


def test_gtin_must_match_the_items_barcodes_when_known() -> None:
    code = SHAPES[CisGroup.DAIRY]
    assert check_cis(code, known_gtins=("4601234567893",)).valid  # EAN-13 of the same product
    wrong = check_cis(code, known_gtins=("4607001234562",))
    assert not wrong.valid
    assert "not a barcode of this item" in wrong.problems[0].en


def test_looks_like_cis() -> None:
    assert looks_like_cis(SHAPES[CisGroup.DAIRY])
    assert looks_like_cis(SHAPES[CisGroup.TOBACCO_PACK])
    assert looks_like_cis("(01)" + GTIN)
    assert not looks_like_cis("4601234567893")


def test_gs_less_code_cut_to_29_characters_is_not_a_tobacco_pack() -> None:
    for group in (CisGroup.DAIRY, CisGroup.WATER, CisGroup.LIGHT_INDUSTRY):
        cut = SHAPES[group].replace(GS, "")[:29]
        check = check_cis(cut)
        assert not check.valid, group
        assert check.group is not CisGroup.TOBACCO_PACK


def test_13_char_serial_one_short_or_long_does_not_reread_with_a_batch() -> None:
    # "10" sits where a 6-character serial would end: the mutants once read as (21)+(10)+(93).
    assert check_cis(f"01{GTIN}21Xq5!Rt10%8a_B{GS}93k9Fz").valid
    for serial in ("Xq5!Rt10%8a_", "Xq5!Rt10%8a_Bc", "Xq5!Rt10%8aB", "q5!Rt10%8a_B"):
        check = check_cis(f"01{GTIN}21{serial}{GS}93k9Fz")
        assert not check.valid, check
        assert "10" not in dict(check.elements)


def test_88_character_signature_cut_to_44_is_not_a_clothes_code() -> None:
    cut = SHAPES[CisGroup.SHOES_LONG][: -len(SIG88) + 44]
    assert not check_cis(cut).valid


@pytest.mark.parametrize("group", [CisGroup.LIGHT_INDUSTRY, CisGroup.TOBACCO_PACK], ids=str)
def test_a_codes_verdict_is_worked_out_once_and_an_orders_gtins_applied_to_it_each_time(
    group: CisGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    import packstation.domain.cis as cis

    cis._checked.cache_clear()
    parsed: list[str] = []
    parse, tobacco = cis._parse, cis._tobacco_pack
    monkeypatch.setattr(cis, "_parse", lambda body: parsed.append(body) or parse(body))
    monkeypatch.setattr(
        cis, "_tobacco_pack", lambda body, repairs: parsed.append(body) or tobacco(body, repairs)
    )
    code = SHAPES[group]
    gtin = check_cis(code).gtin
    assert gtin is not None
    ours, theirs = (gtin[1:],), ("4607001234562",)
    assert check_cis(code, known_gtins=ours).valid  # classified for its order ...
    wrong = check_cis(code, known_gtins=theirs)
    assert not wrong.valid
    assert [russian(p.text) for p in wrong.problems] == [
        russian(p.text) for p in (cis._gtin_not_in_order(gtin),)
    ]
    assert check_cis(code).valid  # ... and keyed by the duplicate guard: the same verdict
    assert parsed == [code]  # parsed once
