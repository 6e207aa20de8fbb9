"""Scanner input: a Qt-free decoder that frames keyboard-wedge key events into scans and undoes
what keyboards do to them (lost GS separators, Russian layout, Caps Lock, prefixes and suffixes),
and the serial (USB-COM) scanner reader.
"""
