"""Pure rules and values of packing: orders and their lines, boxes and the Market's layout rules,
marking codes (Chestny Znak CIS, jewelry UIN, RNPT, GTD) and scan classification.

Nothing here performs I/O or imports Qt, httpx, sqlite or reportlab: every rule can be tested in
milliseconds and reused by the services, the UI and the command line alike.
"""
