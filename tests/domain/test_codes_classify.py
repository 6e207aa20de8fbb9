"""classify_scan: every kind of scan a packer makes, and the unusable ones."""

from __future__ import annotations

import pytest

from packstation.catalogue import russian
from packstation.domain.classify import classify_scan
from packstation.domain.commands import COMMANDS, command_payload, parse_command
from packstation.domain.errors import DomainError
from packstation.domain.gtin import as_gtin14, check_digit, gtin_error, gtin_in, is_gtin
from packstation.domain.identifiers import find_uin, normalize_country_code
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.scan import Command, ScanKind

GS = "\x1d"
DAIRY = f"010460123456789321ab+Cd9{GS}93Zjqw"


def test_cis_carries_instance_gtin_and_fields() -> None:
    result = classify_scan(DAIRY)
    assert result.kind is ScanKind.CIS
    assert result.valid
    assert result.instance == Instance(InstanceKind.CIS, DAIRY)
    assert result.gtin == "04601234567893"
    assert result.fields["group"] == "dairy"


def test_invalid_cis_has_no_instance_and_bilingual_problems() -> None:
    result = classify_scan(DAIRY.replace("93Zjqw", "93Zj"))
    assert result.kind is ScanKind.CIS
    assert not result.valid
    assert result.instance is None
    assert result.problems
    assert len(result.reasons) == len(result.problems)
    assert all(
        russian(reason) != reason.english() for reason in result.reasons
    )  # the catalogue speaks Russian


def test_cis_gtin_is_checked_against_the_item_when_known() -> None:
    assert classify_scan(DAIRY, known_gtins=["4601234567893"]).valid
    assert not classify_scan(DAIRY, known_gtins=["4607001234562"]).valid


@pytest.mark.parametrize("code", ["4601234567893", "04601234567893", "036000291452", "96385074"])
def test_item_barcodes(code: str) -> None:
    result = classify_scan(code)
    assert result.kind is ScanKind.ITEM_BARCODE
    assert result.valid
    assert result.gtin == code


def test_ean8_and_upc_may_also_be_order_numbers() -> None:
    assert classify_scan("96385074").order_id == 96385074
    assert classify_scan("4601234567893").order_id is None


def test_bad_check_digit_on_a_13_digit_barcode() -> None:
    result = classify_scan("4601234567894")
    assert result.kind is ScanKind.ITEM_BARCODE
    assert not result.valid
    assert "check digit" in result.problems[0]


@pytest.mark.parametrize("code", ["12345", "1234567890", "123456789013"])
def test_order_numbers(code: str) -> None:
    result = classify_scan(code)
    assert result.kind is ScanKind.ORDER_NUMBER
    assert result.order_id == int(code)


def test_box_label() -> None:
    result = classify_scan("5012345678-3")
    assert (result.kind, result.order_id, result.box_no) == (ScanKind.BOX_LABEL, 5012345678, 3)


def test_uin_plain_and_inside_a_url() -> None:
    assert classify_scan("1234567812345678").instance == Instance(InstanceKind.UIN, "1234567812345678")
    inside = classify_scan("https://dmdk.ru/u?id=1234567812345678&x=1")
    assert inside.kind is ScanKind.UIN
    assert inside.value == "1234567812345678"
    assert inside.repairs
    assert find_uin("1234567812345678 8765432187654321") is None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("10702070/010124/0012345/001", ScanKind.RNPT, "10702070/010124/0012345/001"),
        ("10702070.010124.0012345", ScanKind.GTD, "10702070/010124/0012345"),
        ("10702070\\010124\\0012345", ScanKind.GTD, "10702070/010124/0012345"),
        ("10702070-010124-0012345", ScanKind.GTD, "10702070/010124/0012345"),
    ],
)
def test_customs_numbers_with_mangled_separators(text: str, kind: ScanKind, value: str) -> None:
    result = classify_scan(text)
    assert (result.kind, result.valid, result.value) == (kind, True, value)
    assert result.instance is not None
    assert result.instance.value == value


def test_customs_number_with_impossible_date() -> None:
    result = classify_scan("10702070/320124/0012345")
    assert result.kind is ScanKind.GTD
    assert not result.valid


def test_commands_every_payload_round_trips() -> None:
    assert {info.command for info in COMMANDS} == set(Command)
    for info in COMMANDS:
        assert info.payload == command_payload(info.command)
        result = classify_scan(info.payload)
        assert result.kind is ScanKind.COMMAND
        assert result.command is info.command
        assert classify_scan(info.payload.lower()).command is info.command  # Caps Lock
        assert info.caption_ru
        assert info.caption_en
    assert parse_command("PS:NOPE") is None


@pytest.mark.parametrize("text", ["", "hello", "123", "1234567890123456789", "PS:"])
def test_unknown_and_unusable(text: str) -> None:
    result = classify_scan(text)
    assert not result.valid
    assert result.problems
    assert result.reasons


def test_gtin_helpers() -> None:
    assert check_digit("460123456789") == 3
    assert is_gtin("4601234567893")
    assert not is_gtin("460123456789")
    assert gtin_error("46012345678A3") is not None
    assert as_gtin14("4601234567893") == "04601234567893"
    assert gtin_in("04601234567893", ["x", "4601234567893"])
    assert not gtin_in("04601234567893", ["4607001234562"])


def test_country_codes() -> None:
    assert normalize_country_code(" ru ") == "RU"
    with pytest.raises(DomainError) as err:
        normalize_country_code("XX")
    assert "XX" in err.value.en
    assert "XX" in russian(err.value.text)


def test_country_names_as_the_catalogue_writes_them_become_iso_codes() -> None:
    from packstation.domain.identifiers import country_code_of

    assert country_code_of("Россия") == "RU"
    assert country_code_of(" КИТАЙ ") == "CN"
    assert country_code_of("it") == "IT"  # a code passes through
    assert country_code_of("Атлантида") == ""
