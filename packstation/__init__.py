"""Packstation: a packing-station desktop app for Yandex Market sellers (FBS, Express, DBS)."""

__version__ = "0.1.0"
APP_NAME = "Packstation"
