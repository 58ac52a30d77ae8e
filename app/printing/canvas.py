"""A ReportLab canvas that knows the page count when it draws each page's running header.

Step served: every multi-page A4 the station prints (handling slips, the monthly report)
says 第 x 页 / 共 y 页 and repeats its header, which needs the total before any page is
written. The canvas keeps each finished page's state, and on `save()` replays them, calling
`decorate_page(total)` on each before it is written.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas


class CountedPagesCanvas(Canvas):
    """Holds the pages back until the end; subclasses draw on each in `decorate_page(total)`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            self.decorate_page(total)
            super().showPage()
        super().save()

    def decorate_page(self, total: int) -> None:
        """Draw the running header and footer of the current page (`self._pageNumber`)."""
