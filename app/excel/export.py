"""Export every return line with its return header, decision and costs to Excel — streamed.

`rma-station export returns` and the reports tab's "export returns" use it. Rows go straight
from the database into an openpyxl write-only workbook, so 100,000 lines never sit in
memory at once:

- PostgreSQL: one read transaction, rows fetched through a server-side cursor in chunks
  (``yield_per``) — a consistent snapshot, and readers never block the stations' writes;
- SQLite: every transaction of the station takes the write lock at BEGIN (db.engine), so a
  long read would stop the other stations' saves; the rows are read instead in key-ordered
  pages of CHUNK rows, each in its own short transaction.

The workbook is written to a temporary file beside the target and renamed at the end, so a
cancelled or failed export leaves no half-written file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from app.codes import (
    ARRIVAL_METHODS,
    DISPOSITIONS,
    LIABILITY,
    LINE_STATUSES,
    RETURN_STATUSES,
    ReturnStatus,
    liability_label,
)
from app.excel.cells import safe_text
from app.reports.xlsx import YUAN, display_width
from db.models import Customer, DefectCategory, Product, Return, ReturnLine

CHUNK = 2000
DATE_FORMAT = "yyyy-mm-dd"
RATIO_FORMAT = "0.0%"


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


@dataclass(frozen=True)
class ExportColumn:
    zh: str
    en: str
    width: int
    number_format: str | None = None  # money, dates, ratios carry their format
    free_text: bool = False           # typed by people: never read as a formula

    def title(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


COLUMNS: list[ExportColumn] = [
    ExportColumn("退货单号", "RMA no.", 18), ExportColumn("条码", "Barcode", 21),
    ExportColumn("收货日期", "Received", 11, DATE_FORMAT), ExportColumn("客户", "Customer", 28),
    ExportColumn("到货方式", "Arrival", 10), ExportColumn("订单号", "Order no.", 14),
    ExportColumn("单据状态", "Return status", 10), ExportColumn("行号", "Line", 6),
    ExportColumn("型号规格", "Model/spec", 22), ExportColumn("批号", "Lot", 12),
    ExportColumn("出厂日期", "Mfg date", 11, DATE_FORMAT), ExportColumn("数量", "Qty", 8),
    ExportColumn("单位", "Unit", 6), ExportColumn("单价", "Unit price", 12, YUAN),
    ExportColumn("金额", "Amount", 14, YUAN), ExportColumn("退货原因", "Customer's reason", 20, free_text=True),
    ExportColumn("不良类别", "Defect category", 14), ExportColumn("最终原因分析", "Final cause", 28, free_text=True),
    ExportColumn("责任判定", "Liability", 12),
    ExportColumn("产品处置", "Disposition", 14), ExportColumn("退款比例", "Refund ratio", 10, RATIO_FORMAT),
    ExportColumn("退款金额", "Refund", 14, YUAN), ExportColumn("材料", "Materials", 12, YUAN),
    ExportColumn("人工", "Labour", 12, YUAN), ExportColumn("其它", "Other", 12, YUAN),
    ExportColumn("报废价值", "Scrapped value", 12, YUAN), ExportColumn("外部损失成本", "External loss", 14, YUAN),
    ExportColumn("合格", "Qualified", 8), ExportColumn("不合格", "Unqualified", 8),
    ExportColumn("报废", "Scrapped", 8), ExportColumn("行状态", "Line status", 12),
]


def _filters(start: date | None, end: date | None, include_cancelled: bool) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if start:
        where.append(Return.received_on >= start)
    if end:
        where.append(Return.received_on <= end)
    if not include_cancelled:
        where.append(Return.status != ReturnStatus.CANCELLED.value)
    return where


def count_lines(session: Session, start: date | None = None, end: date | None = None, *,
                include_cancelled: bool = False) -> int:
    """How many lines the export will write (for the progress bar)."""
    stmt = (select(func.count(ReturnLine.id)).join(Return, ReturnLine.return_id == Return.id)
            .where(*_filters(start, end, include_cancelled)))
    return session.scalar(stmt) or 0


def _statement(where: list[ColumnElement[bool]]) -> Select[Any]:
    cat = aliased(DefectCategory)
    return (
        select(Return.received_on, Return.id, ReturnLine.line_no,  # the order key, first
               Return.rma_no, ReturnLine.barcode, Customer.name, Return.arrival_method, Return.order_no,
               Return.status, Product.model, ReturnLine.lot_no, ReturnLine.manufacture_date,
               ReturnLine.qty_counted, ReturnLine.unit, ReturnLine.unit_price, ReturnLine.amount,
               ReturnLine.customer_reason, cat.name_zh, cat.name_en, ReturnLine.final_cause,
               ReturnLine.liability_code, ReturnLine.disposition, ReturnLine.refund_ratio,
               ReturnLine.refund_amount, ReturnLine.material_cost, ReturnLine.labour_cost,
               ReturnLine.other_cost, ReturnLine.scrapped_value, ReturnLine.loss_cost,
               ReturnLine.qty_qualified, ReturnLine.qty_unqualified, ReturnLine.qty_scrapped,
               ReturnLine.status)
        .join(Return, ReturnLine.return_id == Return.id)
        .join(Customer, Return.customer_id == Customer.id)
        .join(Product, ReturnLine.product_id == Product.id)
        .outerjoin(cat, ReturnLine.defect_category_id == cat.id)
        .where(*where)
        # received_on, then the return's id (its RMA number's order): an index walk on SQLite
        .order_by(Return.received_on, Return.id, ReturnLine.line_no)
    )


def _chunks(session: Session, where: list[ColumnElement[bool]], size: int) -> Iterator[list[Any]]:
    """The rows, `size` at a time, in the export's order."""
    if session.get_bind().dialect.name == "postgresql":
        result = session.execute(_statement(where).execution_options(yield_per=size))
        for part in result.partitions():
            yield list(part)
        return
    after: tuple[Any, ...] | None = None
    key = tuple_(Return.received_on, Return.id, ReturnLine.line_no)
    while True:
        stmt = _statement(where if after is None else [*where, key > tuple_(*after)]).limit(size)
        rows = list(session.execute(stmt))
        session.rollback()  # end the short read transaction: other stations may write now
        if not rows:
            return
        yield rows
        if len(rows) < size:
            return
        after = tuple(rows[-1][:3])


class _SheetWriter:
    """Turns database rows into the sheet's rows: names in the user's language, formats, blanks."""

    def __init__(self, wb: Workbook, lang: str) -> None:
        self.zh = lang.startswith("zh")
        self.ws = wb.create_sheet("退货明细" if self.zh else "Return lines")
        ws = self.ws
        ws.freeze_panes = "C2"
        for i, col in enumerate(COLUMNS, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(col.width, display_width(col.title(lang)) + 2)
        head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F1")
        head_align = Alignment(horizontal="center", vertical="center")
        header = []
        for col in COLUMNS:
            c = WriteOnlyCell(ws, value=col.title(lang))
            c.font, c.fill, c.alignment = head_font, head_fill, head_align
            header.append(c)
        ws.append(header)
        self.names = {
            "arrival": {k.value: c.name(lang) for k, c in ARRIVAL_METHODS.items()},
            "rstatus": {k.value: c.name(lang) for k, c in RETURN_STATUSES.items()},
            "lstatus": {k.value: c.name(lang) for k, c in LINE_STATUSES.items()},
            "disposition": {k.value: c.name(lang) for k, c in DISPOSITIONS.items()},
            "liability": {code: liability_label(code, lang) for code in LIABILITY},
        }
        # What each column needs is decided here, once: a formatted column (money, dates,
        # ratios) gets its styled cell, every other column whose value can be a string typed
        # by people (or a stored code) the text check; numbers go through as they are. Checking
        # every value of every row (issue 10's writer) made the export 1.6× the bare loop.
        self.styled: list[tuple[int, _FormattedCell]] = [
            (i, _FormattedCell(ws, col.number_format)) for i, col in enumerate(COLUMNS) if col.number_format]
        self.text_at = [i for i, col in enumerate(COLUMNS) if not col.number_format and i not in _COUNT_COLUMNS]

    def append(self, row: Any) -> None:
        (day, _rid, line_no, rma_no, barcode, customer, arrival, order_no, rstatus, model, lot, mfg,
         qty, unit, price, amount, reason, cat_zh, cat_en, cause, liability, disposition, ratio,
         refund, mat, lab, other, scrap, loss, q_ok, q_bad, q_scrap, lstatus) = row
        names = self.names
        values: list[Any] = [
            rma_no, barcode, day, customer, names["arrival"].get(arrival, arrival), order_no or None,
            names["rstatus"].get(rstatus, rstatus), line_no, model, lot or None, mfg, qty, unit, price,
            amount, reason or None, (cat_zh if self.zh else cat_en or cat_zh) or None, cause or None,
            names["liability"].get(liability), names["disposition"].get(disposition), ratio,
            # a cost nobody booked stays blank; so do the refund and loss of an undecided line
            _booked(refund, liability), mat or None, lab or None, other or None, scrap or None,
            _booked(loss, liability), q_ok, q_bad, q_scrap, names["lstatus"].get(lstatus, lstatus),
        ]
        ws = self.ws
        # any text (customer, order no., model, lot, reasons …) stays text, not a formula to run
        for i in self.text_at:
            v = values[i]
            if v.__class__ is str:
                values[i] = safe_text(ws, v)
        for i, cell in self.styled:
            if values[i] is not None:
                cell.value = values[i]
                values[i] = cell
        ws.append(values)

    def discard(self) -> None:
        """An export stopped half-way: close the sheet's stream, remove openpyxl's temporary file."""
        try:
            self.ws.close()
            self.ws._writer.cleanup()
        except Exception:  # noqa: BLE001 - already failing; the first error is the one to report
            pass


# the counted quantities and the line number: ints, never text
_COUNT_COLUMNS = frozenset(i for i, col in enumerate(COLUMNS) if col.en in (
    "Line", "Qty", "Qualified", "Unqualified", "Scrapped"))


class _FormattedCell(Cell):
    """A formatted column's cell, refilled for every row (openpyxl writes each row as it is
    appended). Its style is looked up once: a plain cell hashes its style into the workbook's
    style list each time it is written, 100,000 lines × 11 formatted columns. openpyxl's
    write-only append() tries each value as a cell value first and takes a Cell from the
    ValueError, whose message holds the cell's repr: kept constant, that costs nothing."""

    __slots__ = ("_style_index",)

    def __init__(self, ws: Any, number_format: str) -> None:
        super().__init__(ws, row=1, column=1)
        self.number_format = number_format
        self._style_index = super().style_id

    @property
    def style_id(self) -> int:
        return self._style_index

    def __repr__(self) -> str:
        return "<formatted cell>"


def _booked(value: Decimal, liability: int | None) -> Decimal | None:
    return value if value or liability is not None else None


def export_returns(session: Session, out: str | Path, *, start: date | None = None, end: date | None = None,
                   lang: str = "zh", include_cancelled: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   is_cancelled: Callable[[], bool] | None = None, chunk_size: int = CHUNK) -> int:
    """Write the lines of the returns received from `start` to `end` (inclusive, each optional)
    to the workbook `out`; returns how many lines were written.

    Lines of cancelled returns are left out unless `include_cancelled`. `progress(done, total)`
    is called after each chunk of `chunk_size` rows; when `is_cancelled()` turns true the
    export stops, writes nothing and raises ExportCancelled. Read-only: any role may export.
    """
    where = _filters(start, end, include_cancelled)
    total = count_lines(session, start, end, include_cancelled=include_cancelled)
    session.rollback()
    wb = Workbook(write_only=True)
    sheet = _SheetWriter(wb, lang)
    done = 0
    try:
        for rows in _chunks(session, where, chunk_size):
            for row in rows:
                sheet.append(row)
            done += len(rows)
            if progress:
                progress(done, max(total, done))
            if is_cancelled and is_cancelled():
                raise ExportCancelled
    except BaseException:
        sheet.discard()
        raise
    if progress and done == 0:
        progress(0, 0)
    _save(wb, Path(out))
    return done


def _save(wb: Workbook, out: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
