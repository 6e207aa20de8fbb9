"""The API key: environment first, then the keyring; a missing keyring backend is a warning."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from packstation.catalogue import russian
from packstation.secrets import (
    ENV_VAR,
    KEYRING_SERVICE,
    KEYRING_USER,
    ApiKeyError,
    KeySource,
    SecretStoreError,
    load_api_key,
    store_api_key,
)
from tests.fixtures.keyring_memory import MemoryKeyring


def test_no_key_anywhere(memory_keyring: MemoryKeyring) -> None:
    lookup = load_api_key()
    assert lookup.key is None
    assert lookup.source is KeySource.NONE
    assert lookup.warning is None


def test_environment_wins_over_keyring(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_api_key("from-keyring")
    monkeypatch.setenv(ENV_VAR, " from-env ")
    lookup = load_api_key()
    assert lookup.key == "from-env"
    assert lookup.source is KeySource.ENVIRONMENT


def test_store_and_delete_in_keyring(memory_keyring: MemoryKeyring) -> None:
    store_api_key("  secret-key ")
    assert memory_keyring.store[(KEYRING_SERVICE, KEYRING_USER)] == "secret-key"
    assert load_api_key().source is KeySource.KEYRING
    store_api_key("")
    assert (KEYRING_SERVICE, KEYRING_USER) not in memory_keyring.store


def test_missing_keyring_backend_is_a_clear_warning_not_a_crash() -> None:
    keyring.set_keyring(fail.Keyring())  # the autouse fixture restores the previous backend
    lookup = load_api_key()
    assert lookup.key is None
    assert lookup.warning is not None
    assert ENV_VAR in russian(lookup.warning)
    assert "демо" in russian(lookup.warning)
    assert "keyring" in lookup.warning.english()
    with pytest.raises(SecretStoreError) as caught:
        store_api_key("new-key")
    assert ENV_VAR in caught.value.english()


@pytest.mark.parametrize("bad", ["ACMA:ключ:1", "ACMA:key\n:1", "ACMA:key\u00a0:1"])
def test_a_key_that_cannot_be_sent_is_a_warning_not_a_key(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    monkeypatch.setenv(ENV_VAR, bad)
    lookup = load_api_key()
    assert lookup.key is None
    assert lookup.warning is not None
    assert "contains characters that cannot be sent" in lookup.warning.english()
    assert "нельзя отправить" in russian(lookup.warning)
    monkeypatch.delenv(ENV_VAR)
    memory_keyring.store[(KEYRING_SERVICE, KEYRING_USER)] = bad  # stored by an older version
    assert load_api_key().warning is not None
    with pytest.raises(ApiKeyError):
        store_api_key(bad)
