"""Chestny Znak code rules: shapes per product group, GS placement and repair, refusals."""

from __future__ import annotations

import pytest

from packstation.domain.cis import GS, CisGroup, check_cis, looks_like_cis, render

SIG44 = "AbCdEfGh1234+/=IjKlMnOpQrStUvWxYz0987654321q"
SIG88 = SIG44 * 2
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
    # Without GS, "21 123456 10ABCDE 93Zjqw" reads two valid ways:
    water = render((("01", GTIN), ("21", "12345610ABCDE"), ("93", "Zjqw")))
    batch = render((("01", GTIN), ("21", "123456"), ("10", "ABCDE"), ("93", "Zjqw")))
    assert check_cis(water).valid
    assert check_cis(batch).valid
    assert water.replace(GS, "") == batch.replace(GS, "")
    check = check_cis(water.replace(GS, ""))
    assert not check.valid
    assert check.ambiguous
    assert "rescan" in check.problems[0].en
    # With its GS the scan is unambiguous.
    assert check_cis(batch).value == batch


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
    ],
)
def test_refusals_explain_themselves_in_both_languages(code: str, en: str, ru: str) -> None:
    check = check_cis(code)
    if not en:
        assert check.valid
        return
    assert not check.valid
    assert any(en in p.en for p in check.problems), check.problems
    assert any(ru in p.ru for p in check.problems), check.problems


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
