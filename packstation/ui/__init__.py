"""The Qt widgets: main window, order list, packing workspace, dialogs and the models that adapt
service state to Qt views. Views show state and forward gestures; they hold no business rules.
This is the only package (besides app.py) that imports QtWidgets.
"""
