"""Qt Designer forms (*.ui) and the Python pyside6-uic makes of them (ui_*.py).

The .ui files are the source; `python tools/build_ui.py` regenerates ui_*.py, which are
committed so the station runs without the build tools. Behaviour lives in the classes
under ui/ that hold `self.ui = Ui_X()`, never in the generated files.
"""
