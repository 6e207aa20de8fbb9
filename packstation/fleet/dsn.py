"""Where the warehouse database is, and its password kept out of our files and logs.

The DSN (`postgresql://user@host/db` or `host=... dbname=...`) names the server, never the
password: one with a password in it is refused, since it would end up in the settings file, the
shell history or a log. The password comes from the OS keyring (service `packstation-fleet`,
user `user@host:port/db`) or, when the keyring has none, from libpq's own `~/.pgpass`, which
libpq reads by itself.
"""

from __future__ import annotations

import logging
from typing import Any, Final

from psycopg.conninfo import conninfo_to_dict

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP

KEYRING_SERVICE: Final = "packstation-fleet"
ENV_VAR: Final = "PACKSTATION_FLEET_DSN"

_log = logging.getLogger("packstation.fleet")


class FleetConfigError(PackstationError):
    """The warehouse database address cannot be used."""


def parse_dsn(dsn: str) -> dict[str, Any]:
    """The DSN's parameters. Raises FleetConfigError for a malformed DSN or one with a password."""
    try:
        params = conninfo_to_dict(dsn)
    except Exception as err:
        raise FleetConfigError(
            QT_TRANSLATE_NOOP("Dsn", "The warehouse database address is not valid: %1.")(redact(dsn)),
            hint=QT_TRANSLATE_NOOP("Dsn", "Example: postgresql://packer@server/warehouse"),
        ) from err
    if params.get("password"):
        raise FleetConfigError(
            QT_TRANSLATE_NOOP("Dsn", "The warehouse database password must not be part of the address."),
            hint=QT_TRANSLATE_NOOP("Dsn", "Keep the password in ~/.pgpass or the system keyring."),
        )
    return params


def redact(dsn: str) -> str:
    """The DSN without anything after a ':' in its user-info part (for messages and logs)."""
    if "://" in dsn and "@" in dsn:
        scheme, rest = dsn.split("://", 1)
        userinfo, host = rest.rsplit("@", 1)
        return f"{scheme}://{userinfo.split(':', 1)[0]}@{host}"
    return " ".join(part for part in dsn.split() if not part.lower().startswith("password="))


def keyring_user(params: dict[str, Any]) -> str:
    user, host, port = params.get("user", ""), params.get("host", ""), params.get("port", "5432")
    return f"{user}@{host}:{port}/{params.get('dbname', '')}"


def connect_kwargs(dsn: str, *, desk: str) -> dict[str, Any]:
    """Keyword arguments for psycopg: the DSN, the application name (shown in `fleet status` and
    pg_stat_activity) and the keyring's password when it has one."""
    params = parse_dsn(dsn)
    kwargs: dict[str, Any] = {"conninfo": dsn, "application_name": f"packstation:{desk}"[:63]}
    kwargs.setdefault("connect_timeout", 3)
    try:
        import keyring

        password = keyring.get_password(KEYRING_SERVICE, keyring_user(params))
    except Exception as err:  # no usable keyring: libpq falls back to ~/.pgpass
        _log.info("fleet: keyring unavailable (%s); libpq reads ~/.pgpass", type(err).__name__)
        password = None
    if password:
        kwargs["password"] = password
    return kwargs
