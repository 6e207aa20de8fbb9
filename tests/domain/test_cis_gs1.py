"""A marking code's GS1 rules, held to biip's (the GS1 interpreter the check used to call on
every code, issue 19): whatever code the check accepts, biip parses as GS1; a code whose only
fault is a character GS1 does not allow (outside CS82) is refused by both."""

from __future__ import annotations

import base64

from biip import ParseError
from biip.gs1_messages import GS1Message
from hypothesis import given, settings
from hypothesis import strategies as st

from packstation.domain.cis import GS, check_cis
from packstation.domain.gtin import check_digit

CS82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7F))  # what a scanner may send: CS82 and more
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _biip_parses(code: str) -> bool:
    try:
        GS1Message.parse(code)
    except ParseError:
        return False
    return True


@st.composite
def _gtins(draw: st.DrawFn) -> str:
    payload = draw(st.text("0123456789", min_size=13, max_size=13).filter(lambda p: p.strip("0")))
    return payload + str(check_digit(payload))


def _signatures(size: int) -> st.SearchStrategy[str]:
    return st.binary(min_size=size, max_size=size).map(lambda raw: base64.b64encode(raw).decode())


_dates = st.tuples(st.integers(0, 99), st.integers(1, 12), st.integers(0, 28)).map(
    lambda ymd: f"{ymd[0]:02d}{ymd[1]:02d}{ymd[2]:02d}"
)


@st.composite
def _codes(draw: st.DrawFn, alphabet: str) -> str:
    """A code of one of the Chestny Znak shapes, GS where GS1 puts it, its serial and batch drawn
    from `alphabet`, every other value well formed."""
    gtin = draw(_gtins())
    shape = draw(st.sampled_from(["light", "shoes_88", "tires", "pharma", "dairy", "water", "tobacco"]))
    serial_length = {"tires": 20, "dairy": 6, "tobacco": 7}.get(shape, 13)
    serial = draw(st.text(alphabet, min_size=serial_length, max_size=serial_length))
    key = draw(st.text(ALNUM, min_size=4, max_size=4))
    short = draw(st.text(ALNUM + "+/", min_size=4, max_size=4))
    head = f"01{gtin}21{serial}{GS}"
    if shape == "pharma":
        batch = draw(st.text(alphabet, min_size=1, max_size=20))
        return f"{head}17{draw(_dates)}10{batch}{GS}91{key}{GS}92{draw(_signatures(32))}"
    if shape in ("light", "tires", "shoes_88"):
        return f"{head}91{key}{GS}92{draw(_signatures(64 if shape == 'shoes_88' else 32))}"
    if shape == "tobacco":
        return f"{head}8005{draw(st.text('0123456789', min_size=6, max_size=6))}{GS}93{short}"
    if shape == "dairy" and draw(st.booleans()):
        return f"{head}93{short}{GS}3103{draw(st.text('0123456789', min_size=6, max_size=6))}"
    return f"{head}93{short}"


@settings(max_examples=600, deadline=None)
@given(code=_codes(PRINTABLE))
def test_a_code_the_check_accepts_biip_parses_and_one_it_refuses_for_gs1_biip_refuses(code: str) -> None:
    checked = check_cis(code)
    if checked.valid:
        assert _biip_parses(checked.value)
    else:
        assert all(problem.en.startswith("not valid GS1 syntax") for problem in checked.problems)
        assert not _biip_parses(code)
    assert checked.valid is all(ch in CS82 for ch in code.replace(GS, ""))


@settings(max_examples=300, deadline=None)
@given(code=_codes(CS82))
def test_codes_of_gs1_characters_are_accepted_by_both(code: str) -> None:
    checked = check_cis(code)
    assert checked.valid, [problem.en for problem in checked.problems]
    assert checked.value == code
    assert _biip_parses(code)


def test_the_refusal_names_the_element_and_its_characters() -> None:
    checked = check_cis(f"0104601234567893" f"21ab#Cd9{GS}93Zjqw")
    assert [problem.en for problem in checked.problems] == ["not valid GS1 syntax: (21) may not hold #"]
    assert not _biip_parses(f"0104601234567893" f"21ab#Cd9{GS}93Zjqw")
