"""Generate the feedback sounds (ok, error, order complete, new order, courier arrived) as 16-bit mono WAV files.

Run `python3 resources/sounds/make_sounds.py` to rewrite them next to this script. Tones are
synthesised (no third-party samples): short, distinct in pitch and rhythm so a packer can tell
them apart without looking.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
VOLUME = 0.45

# name -> [(frequency Hz (0 = pause), duration s), ...]
SOUNDS: dict[str, list[tuple[float, float]]] = {
    "ok": [(1318.5, 0.07)],  # one short high beep
    "error": [(220.0, 0.18), (0.0, 0.05), (196.0, 0.28)],  # two low buzzes
    "complete": [(784.0, 0.09), (988.0, 0.09), (1175.0, 0.09), (1568.0, 0.2)],  # rising arpeggio
    "new_order": [(880.0, 0.08), (0.0, 0.06), (880.0, 0.08)],  # soft double chime
    # A courier came: a doorbell (high-low, twice), unlike any scan sound.
    "courier": [(1046.5, 0.16), (784.0, 0.24), (0.0, 0.12), (1046.5, 0.16), (784.0, 0.24)],
}


def tone(freq: float, seconds: float) -> list[int]:
    """Samples of one note with 5 ms fade-in/out (no clicks); a pause when `freq` is 0."""
    count = int(RATE * seconds)
    fade = int(RATE * 0.005)
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade) if fade else 1.0
        # A square-ish timbre (fundamental + third harmonic) cuts through warehouse noise.
        value = math.sin(2 * math.pi * freq * i / RATE) + 0.3 * math.sin(6 * math.pi * freq * i / RATE)
        samples.append(int(32767 * VOLUME * envelope * value / 1.3) if freq else 0)
    return samples


def write(path: Path, notes: list[tuple[float, float]]) -> None:
    samples = [s for freq, seconds in notes for s in tone(freq, seconds)]
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def main() -> None:
    here = Path(__file__).resolve().parent
    for name, notes in SOUNDS.items():
        write(here / f"{name}.wav", notes)
        print(f"wrote {here / f'{name}.wav'}")


if __name__ == "__main__":
    main()
