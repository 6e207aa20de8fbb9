"""The other unit identifiers the Market accepts: jewelry UIN, RNPT, GTD and the country code.

Formats (Market schemas, Russian text): UIN = 16 digits; RNPT = `8/6/7/3` digits (customs office,
declaration date DDMMYY, declaration number, item number); GTD = `8/6/7` digits; country code =
ISO 3166-1 alpha-2. Scanners and keyboards turn `/` into `\\`, `-`, `|` or (Russian layout) `.`,
so those separators are normalized to `/`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from packstation.domain.errors import DomainError
from packstation.domain.message import QT_TRANSLATE_NOOP

UIN_LENGTH: Final = 16
_UIN_RUN: Final = re.compile(r"(?<!\d)\d{16}(?!\d)")
_SEPARATED: Final = re.compile(r"\d+(?:[/\\|.\-]\d+)+")
_SEPARATORS: Final = re.compile(r"[/\\|.\-]")

# ISO 3166-1 alpha-2 codes (officially assigned).
COUNTRY_CODES: Final = frozenset(
    {
        "AD",
        "AE",
        "AF",
        "AG",
        "AI",
        "AL",
        "AM",
        "AO",
        "AQ",
        "AR",
        "AS",
        "AT",
        "AU",
        "AW",
        "AX",
        "AZ",
        "BA",
        "BB",
        "BD",
        "BE",
        "BF",
        "BG",
        "BH",
        "BI",
        "BJ",
        "BL",
        "BM",
        "BN",
        "BO",
        "BQ",
        "BR",
        "BS",
        "BT",
        "BV",
        "BW",
        "BY",
        "BZ",
        "CA",
        "CC",
        "CD",
        "CF",
        "CG",
        "CH",
        "CI",
        "CK",
        "CL",
        "CM",
        "CN",
        "CO",
        "CR",
        "CU",
        "CV",
        "CW",
        "CX",
        "CY",
        "CZ",
        "DE",
        "DJ",
        "DK",
        "DM",
        "DO",
        "DZ",
        "EC",
        "EE",
        "EG",
        "EH",
        "ER",
        "ES",
        "ET",
        "FI",
        "FJ",
        "FK",
        "FM",
        "FO",
        "FR",
        "GA",
        "GB",
        "GD",
        "GE",
        "GF",
        "GG",
        "GH",
        "GI",
        "GL",
        "GM",
        "GN",
        "GP",
        "GQ",
        "GR",
        "GS",
        "GT",
        "GU",
        "GW",
        "GY",
        "HK",
        "HM",
        "HN",
        "HR",
        "HT",
        "HU",
        "ID",
        "IE",
        "IL",
        "IM",
        "IN",
        "IO",
        "IQ",
        "IR",
        "IS",
        "IT",
        "JE",
        "JM",
        "JO",
        "JP",
        "KE",
        "KG",
        "KH",
        "KI",
        "KM",
        "KN",
        "KP",
        "KR",
        "KW",
        "KY",
        "KZ",
        "LA",
        "LB",
        "LC",
        "LI",
        "LK",
        "LR",
        "LS",
        "LT",
        "LU",
        "LV",
        "LY",
        "MA",
        "MC",
        "MD",
        "ME",
        "MF",
        "MG",
        "MH",
        "MK",
        "ML",
        "MM",
        "MN",
        "MO",
        "MP",
        "MQ",
        "MR",
        "MS",
        "MT",
        "MU",
        "MV",
        "MW",
        "MX",
        "MY",
        "MZ",
        "NA",
        "NC",
        "NE",
        "NF",
        "NG",
        "NI",
        "NL",
        "NO",
        "NP",
        "NR",
        "NU",
        "NZ",
        "OM",
        "PA",
        "PE",
        "PF",
        "PG",
        "PH",
        "PK",
        "PL",
        "PM",
        "PN",
        "PR",
        "PS",
        "PT",
        "PW",
        "PY",
        "QA",
        "RE",
        "RO",
        "RS",
        "RU",
        "RW",
        "SA",
        "SB",
        "SC",
        "SD",
        "SE",
        "SG",
        "SH",
        "SI",
        "SJ",
        "SK",
        "SL",
        "SM",
        "SN",
        "SO",
        "SR",
        "SS",
        "ST",
        "SV",
        "SX",
        "SY",
        "SZ",
        "TC",
        "TD",
        "TF",
        "TG",
        "TH",
        "TJ",
        "TK",
        "TL",
        "TM",
        "TN",
        "TO",
        "TR",
        "TT",
        "TV",
        "TW",
        "TZ",
        "UA",
        "UG",
        "UM",
        "US",
        "UY",
        "UZ",
        "VA",
        "VC",
        "VE",
        "VG",
        "VI",
        "VN",
        "VU",
        "WF",
        "WS",
        "YE",
        "YT",
        "ZA",
        "ZM",
        "ZW",
    }
)


def find_uin(text: str) -> str | None:
    """The UIN in a scan: the text itself, or the single 16-digit run inside a longer scan."""
    if len(text) == UIN_LENGTH and text.isascii() and text.isdigit():
        return text
    runs = set(_UIN_RUN.findall(text))
    return runs.pop() if len(runs) == 1 else None


def split_customs_number(text: str) -> tuple[str, ...] | None:
    """Digit groups of an RNPT/GTD-shaped text (`/` or a mangled separator between them)."""
    body = text.replace(" ", "")
    if not _SEPARATED.fullmatch(body):
        return None
    return tuple(_SEPARATORS.split(body))


def is_ddmmyy(value: str) -> bool:
    """True for a real date written DDMMYY."""
    if len(value) != 6 or not value.isdigit():
        return False
    try:
        date(2000 + int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        return False
    return True


def customs_number_kind(groups: tuple[str, ...]) -> str | None:
    """ "rnpt" for 8/6/7/3 digits, "gtd" for 8/6/7, else None."""
    shape = tuple(len(g) for g in groups)
    if shape == (8, 6, 7, 3):
        return "rnpt"
    if shape == (8, 6, 7):
        return "gtd"
    return None


# Country names as the Market's catalogue writes them (`manufacturerCountries`), lower case, ё as е.
_COUNTRY_NAMES_RU = {
    "россия": "RU",
    "китай": "CN",
    "италия": "IT",
    "турция": "TR",
    "германия": "DE",
    "беларусь": "BY",
    "казахстан": "KZ",
    "узбекистан": "UZ",
    "армения": "AM",
    "киргизия": "KG",
    "кыргызстан": "KG",
    "южная корея": "KR",
    "республика корея": "KR",
    "корея": "KR",
    "япония": "JP",
    "сша": "US",
    "вьетнам": "VN",
    "индия": "IN",
    "индонезия": "ID",
    "малайзия": "MY",
    "таиланд": "TH",
    "тайвань": "TW",
    "бангладеш": "BD",
    "пакистан": "PK",
    "камбоджа": "KH",
    "польша": "PL",
    "франция": "FR",
    "испания": "ES",
    "португалия": "PT",
    "чехия": "CZ",
    "сербия": "RS",
    "великобритания": "GB",
    "нидерланды": "NL",
    "бельгия": "BE",
    "австрия": "AT",
    "швейцария": "CH",
    "швеция": "SE",
    "финляндия": "FI",
    "греция": "GR",
    "израиль": "IL",
    "египет": "EG",
    "оаэ": "AE",
    "объединенные арабские эмираты": "AE",
    "грузия": "GE",
    "молдова": "MD",
    "азербайджан": "AZ",
    "канада": "CA",
    "мексика": "MX",
    "бразилия": "BR",
    "аргентина": "AR",
}


def country_code_of(name: str) -> str:
    """The ISO code of a country as the catalogue names it ("Китай" -> "CN"); "" when unknown."""
    text = name.strip().lower().replace("ё", "е")
    if text.upper() in COUNTRY_CODES:
        return text.upper()
    return _COUNTRY_NAMES_RU.get(text, "")


def normalize_country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code in upper case.

    Raises:
        DomainError: when the value is not a known country code.
    """
    code = value.strip(" \t\r\n").upper()
    if code not in COUNTRY_CODES:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Identifiers", "'%1' is not a country code. Use the two-letter ISO code, e.g. RU, CN, TR."
            )(value)
        )
    return code
