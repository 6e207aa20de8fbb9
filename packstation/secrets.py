"""The Market API key: read from `PACKSTATION_API_KEY` or the OS keyring, stored only in the keyring.

The key never goes into the settings file or a log. A key is sent as an HTTP header, which
carries only printable ASCII: a key with a Cyrillic letter, a non-breaking space or a line break
(a bad paste) is refused when entered and, if one is stored already, reported at start (the app
then runs in demo mode) instead of failing every request with an encoding error.

A machine without a usable keyring backend (a headless Linux box, a locked-down Windows profile)
is not an error: the key can still come from the environment, and without one the app runs in
demo mode and says why.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.logs import register_secret

ENV_VAR: Final = "PACKSTATION_API_KEY"
KEYRING_SERVICE: Final = "packstation"
KEYRING_USER: Final = "market-api-key"

_log = logging.getLogger("packstation.storage")


class KeySource(StrEnum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    NONE = "none"


class SecretStoreError(PackstationError):
    """The OS keyring cannot hold the API key."""


class ApiKeyError(PackstationError):
    """The API key has characters an HTTP header cannot carry."""


def check_api_key(key: str) -> ApiKeyError | None:
    """Why `key` (already stripped) cannot be sent as the `Api-Key` header, or None if it can."""
    bad = [char for char in key if not " " <= char <= "~"]
    if not bad:
        return None
    shown = ", ".join(dict.fromkeys(f"U+{ord(char):04X}" for char in bad))
    return ApiKeyError(
        QT_TRANSLATE_NOOP("Secrets", "The API key contains characters that cannot be sent (%1).")(shown),
        hint=QT_TRANSLATE_NOOP(
            "Secrets",
            "Copy the key from the seller account again (Latin letters, digits and signs only, no line "
            "breaks) and save it in Settings; the app runs in demo mode until then.",
        ),
    )


@dataclass(frozen=True, slots=True)
class ApiKeyLookup:
    """The outcome of looking for the API key.

    Attributes:
        key: the key, or None when none is configured.
        source: where it came from.
        warning: set when the keyring could not be read (the app still works).
    """

    key: str | None
    source: KeySource
    warning: PackstationError | None = None


def _unavailable(err: Exception) -> SecretStoreError:
    return SecretStoreError(
        QT_TRANSLATE_NOOP("Secrets", "The system keyring is unavailable (%1).")(type(err).__name__),
        hint=QT_TRANSLATE_NOOP(
            "Secrets",
            "Set the API key in the %1 environment variable or install a keyring backend; without a key "
            "the app runs in demo mode.",
        )(ENV_VAR),
    )


def load_api_key() -> ApiKeyLookup:
    """Find the API key: the environment variable first, then the OS keyring."""
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return _checked(from_env, KeySource.ENVIRONMENT)
    # Imported here: keyring discovers its backends on import (~0.1-0.2 s), which a start with
    # the key in the environment or in demo mode does not need to pay.
    import keyring
    from keyring.errors import KeyringError

    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
    except (KeyringError, RuntimeError, OSError) as err:
        # RuntimeError/OSError: some backends (dbus, Windows vault) fail outside KeyringError.
        _log.warning("keyring unavailable: %s", type(err).__name__)
        return ApiKeyLookup(None, KeySource.NONE, _unavailable(err))
    if stored and stored.strip():
        return _checked(stored.strip(), KeySource.KEYRING)
    return ApiKeyLookup(None, KeySource.NONE)


def _checked(key: str, source: KeySource) -> ApiKeyLookup:
    """The key, or no key with the reason when it cannot be sent (never a crash at start)."""
    register_secret(key)  # masked in logs even when it cannot be used
    problem = check_api_key(key)
    if problem is None:
        return ApiKeyLookup(key, source)
    _log.warning("the API key from the %s cannot be sent: %s", source.value, problem.en)
    return ApiKeyLookup(None, source, problem)


def store_api_key(key: str) -> None:
    """Save the API key in the OS keyring; an empty key deletes the stored one.

    Raises:
        ApiKeyError: the key has characters that cannot be sent (nothing is stored).
        SecretStoreError: the keyring cannot be written (message in Russian and English).
    """
    problem = check_api_key(key.strip())
    if problem is not None:
        raise problem
    import keyring
    from keyring.errors import KeyringError

    register_secret(key)
    try:
        if key.strip():
            keyring.set_password(KEYRING_SERVICE, KEYRING_USER, key.strip())
        elif keyring.get_password(KEYRING_SERVICE, KEYRING_USER) is not None:
            keyring.delete_password(KEYRING_SERVICE, KEYRING_USER)
    except (KeyringError, RuntimeError, OSError) as err:
        _log.warning("keyring write failed: %s", type(err).__name__)
        raise _unavailable(err) from err
