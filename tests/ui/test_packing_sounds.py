"""Feedback sounds: present as files, silent where they must be, and the countdown text."""

from __future__ import annotations

import wave

import pytest

from packstation.paths import resource_path
from packstation.ui.format import fill
from packstation.ui.sounds import Sound, Sounds, sound_disabled_reason


@pytest.mark.parametrize("sound", list(Sound))
def test_every_sound_is_a_short_valid_wav(sound: Sound) -> None:
    with wave.open(str(resource_path("sounds", f"{sound.value}.wav"))) as wav:
        seconds = wav.getnframes() / wav.getframerate()
        assert wav.getnchannels() == 1
        assert 0.03 < seconds < 1.0  # feedback, not music


def test_no_sound_env_silences_and_still_records(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    monkeypatch.setenv("PACKSTATION_NO_SOUND", "1")
    assert sound_disabled_reason() == "PACKSTATION_NO_SOUND is set"
    sounds = Sounds()
    assert not sounds.enabled
    sounds.ok()
    sounds.error()
    sounds.complete()
    sounds.new_order()
    assert sounds.played == [Sound.OK, Sound.ERROR, Sound.COMPLETE, Sound.NEW_ORDER]


def test_device_probe_waits_for_first_use(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    probes: list[str] = []

    def probe() -> str | None:
        probes.append("probe")
        return "no audio output device"

    monkeypatch.setattr("packstation.ui.sounds.sound_disabled_reason", probe)
    sounds = Sounds()
    assert probes == []  # building the window does not touch the audio backend
    sounds.ok()
    sounds.error()
    assert probes == ["probe"]  # probed once, on the first sound
    assert not sounds.enabled
    assert sounds.played == [Sound.OK, Sound.ERROR]


def test_enabled_sounds_load_their_effect(qapp: object) -> None:
    sounds = Sounds(enabled=True)
    sounds.ok()  # without an audio device the effect loads and plays nothing; it must not raise
    assert sounds.played == [Sound.OK]
    assert Sound.OK in sounds._effects


def test_placeholders() -> None:
    assert fill("%2 / %1", "a", "b") == "b / a"
