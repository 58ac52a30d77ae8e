"""The rejects workbook: the rows a legacy import refused, to fix and import again.

Step served: after "import a legacy log", the user gets back one sheet per source sheet
with that sheet's header cells, each rejected row's original cells, and two more
columns — 原行号/Row (where the row was) and 原因/Reason (what is wrong, in the user's
language). The cells at fault are shaded. Once fixed, the file is itself a legacy log:
app.excel.legacy reads it (its header is the original one; it ignores the two added
columns, keeping 原行号 as the row's source_row).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.excel.cells import looks_like_formula
from app.excel.legacy import REJECT_REASON_HEADER, REJECT_ROW_HEADER, LegacyReject, column_for

_HEADER_FILL = PatternFill("solid", start_color="FFD9D9D9")
_FAULT_FILL = PatternFill("solid", start_color="FFFFC7CE")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet_title(name: str, taken: set[str]) -> str:
    title = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    base, n = title, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


def _cell_value(value: Any) -> tuple[Any, str | None]:
    """A value as it goes back into a cell, with the number format it needs."""
    if isinstance(value, datetime):
        return value, ("yyyy-mm-dd" if value.time() == time() else "yyyy-mm-dd hh:mm")
    if isinstance(value, date):
        return value, "yyyy-mm-dd"
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value), None
    return value, None


def _cell(ws: Any, value: Any, *, fill: PatternFill | None = None, font: Font | None = None,
          alignment: Alignment | None = None) -> WriteOnlyCell:
    value, number_format = _cell_value(value)
    cell = WriteOnlyCell(ws, value=value)
    if looks_like_formula(value):
        cell.data_type = "s"  # text that looks like a formula stays text, as it was read
    if number_format:
        cell.number_format = number_format
    if fill is not None:
        cell.fill = fill
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def write_rejects(rejects: Sequence[LegacyReject], path: str | Path, *, lang: str = "zh") -> Path:
    """Write the rejected rows, grouped by their source sheet, to a new workbook at path."""
    path = Path(path)
    wb = Workbook(write_only=True)
    by_sheet: dict[str, list[LegacyReject]] = {}
    for reject in rejects:
        by_sheet.setdefault(reject.sheet, []).append(reject)
    if not by_sheet:
        ws = wb.create_sheet(_sheet_title("拒收行" if lang.startswith("zh") else "Rejects", set()))
        ws.append([REJECT_ROW_HEADER, REJECT_REASON_HEADER])
    taken: set[str] = set()
    for sheet, items in by_sheet.items():
        ws = wb.create_sheet(_sheet_title(sheet, taken))
        headers = items[0].headers
        # columns added by an earlier rejects workbook are written afresh, not twice
        keep = [i for i, h in enumerate(headers)
                if (column_for(h) or ("", 0))[0] not in ("reject_row", "reject_reason")]
        widths = [max(8, min(30, len(str(headers[i] or "")) * 2 + 2)) for i in keep] + [10, 60]
        for n, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(n)].width = width
        ws.freeze_panes = "A2"
        ws.append([_cell(ws, headers[i], fill=_HEADER_FILL, font=_BOLD) for i in keep]
                  + [_cell(ws, REJECT_ROW_HEADER, fill=_HEADER_FILL, font=_BOLD),
                     _cell(ws, REJECT_REASON_HEADER, fill=_HEADER_FILL, font=_BOLD)])
        for reject in items:
            faults = set(reject.fault_columns)
            ws.append([_cell(ws, reject.cells[i] if i < len(reject.cells) else None,
                             fill=_FAULT_FILL if i in faults else None) for i in keep]
                      + [_cell(ws, reject.source_row or reject.row),
                         _cell(ws, reject.message(lang), alignment=_WRAP)])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
