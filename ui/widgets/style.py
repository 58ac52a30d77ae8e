"""A widget's style sheet set only when it changes.

Setting a style sheet re-polishes the widget and its children and lays its pane out again
even when the sheet is the one it has: a bench's form set its due date's, its refund's and
its warranty's colours at every scan, a few milliseconds of the UI thread each time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget, sheet: str) -> None:
    """`widget.setStyleSheet(sheet)` unless it has that sheet already."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
