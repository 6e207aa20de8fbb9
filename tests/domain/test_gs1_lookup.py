"""biip's AI search replaced by a look-up by prefix: the same AI found, the same errors (issue 19)."""

from __future__ import annotations

import pytest
from biip import ParseError
from biip import gs1_application_identifiers as biip_ais
from biip.gs1_messages import GS1Message

from packstation.domain import gs1_lookup
from packstation.domain.cis import check_cis

TABLE = biip_ais._GS1_APPLICATION_IDENTIFIERS
CODE = "0104601234567893215Nq=XC!iJgdUL\x1d91EE10\x1d92yKJd9Sdz0v2qtLh4xbmjB4s4KyEFZOZa0PpHawzaM2U="


def _searched(value: str) -> object | None:
    """What biip's own search finds: the first AI in its table that begins `value`."""
    return next((entry for entry in TABLE.values() if value.startswith(entry.ai)), None)


def test_biips_ais_are_prefix_free_so_a_look_up_by_prefix_finds_the_one_ai() -> None:
    assert gs1_lookup.prefix_free(TABLE)
    assert not gs1_lookup.prefix_free(["01", "21", "210"])  # "21" begins "210"
    assert gs1_lookup.prefix_free(["01", "21", "8005"])


def test_the_look_up_finds_what_biips_search_finds_for_every_ai_and_none_for_others() -> None:
    extract = gs1_lookup.indexed_extract(TABLE, ParseError)
    assert extract is not None
    values = [ai + tail for ai in TABLE for tail in ("", "0", "1234567890123", "A\x1d21")]
    values += ["", "9", "0", "23", "99999", "7", "x01"]
    for value in values:
        expected = _searched(value)
        if expected is None:
            with pytest.raises(ParseError, match="Failed to get GS1 Application Identifier"):
                extract(biip_ais.GS1ApplicationIdentifier, value)
        else:
            assert extract(biip_ais.GS1ApplicationIdentifier, value) is expected


def test_a_table_of_another_shape_keeps_biips_own_search() -> None:
    assert gs1_lookup.indexed_extract({"21": 1, "210": 2}, ParseError) is None  # not prefix-free
    assert gs1_lookup.indexed_extract({}, ParseError) is None
    assert gs1_lookup.indexed_extract(list(TABLE), ParseError) is None
    assert gs1_lookup.indexed_extract({"AB": 1}, ParseError) is None


def test_a_codes_check_parses_it_with_the_look_up_and_the_same_result() -> None:
    check = check_cis(CODE)
    assert check.valid, check.problems
    extract = biip_ais.GS1ApplicationIdentifier.extract
    assert extract.__func__.__module__ == gs1_lookup.__name__  # type: ignore[attr-defined]
    message = GS1Message.parse(CODE)
    assert [element.ai.ai for element in message.element_strings] == ["01", "21", "91", "92"]
    with pytest.raises(ParseError, match="Failed to get GS1 Application Identifier"):
        GS1Message.parse("0104601234567893" + "2" + "\x1d" + "99")
