"""A stateful emulator of the Yandex Market Partner API (an ASGI app). It enforces the Market's
packing rules so that mistakes show up here rather than on a live store, backs demo and training
mode in-process through httpx.ASGITransport, and serves the tests over real HTTP on 127.0.0.1.
It is written independently of the client in packstation.market so the two check each other.
"""
