"""Desk devices. Scanner input: a Qt-free decoder that frames keyboard-wedge key events into
scans and undoes what keyboards do to them (lost GS separators, Russian layout, Caps Lock,
prefixes and suffixes), and the serial (USB-COM) scanner reader; the desk scale; the packing
video camera and encoder.

Modules: `decoder` (key events -> scans), `keymap` (US/Russian layouts, X11 and Windows native
codes), `cleanup` (prefix/suffix/AIM identifier/GS stand-ins), `serial_reader` (QtSerialPort,
auto-detection, reconnect), `check_code` (the `packstation check-code` diagnostics command),
`config` (ScannerSettings, ScaleSettings, CameraSettings), `scale_protocols` (desk scale framing: continuous
ASCII, Massa-K Protocol 100, USB HID POS reports), `scale_reader` (serial and hidraw scale
drivers with reconnect), `camera` (the generated test-pattern camera, Qt cameras and RTSP),
`video_recorder` (overlay + H.264 encoder thread), `video_export` (an order's clips as one MP4).

Scanner setup that works with every option above:
- suffix: Enter (CR) or Tab; any other suffix must be set in the scanner settings too;
- GS: Ctrl+] (the default of most scanners), F8 or another F-key listed in `gs_keys`, Alt+0029,
  or a text stand-in such as `<GS>`; USB-COM mode sends GS unchanged and is the most robust;
- keyboard layout and Caps Lock do not matter; AIM identifiers (`]d2`) are optional;
- keep the inter-key delay at 0 (default threshold: keys <= 50 ms apart form a scan).
"""
