"""Reading hand-made legacy return logs (客户退货登记表) from Excel — plain data, no database.

The file may be an .xlsx/.xlsm, an .xls (Excel 97–2003) or a .csv: app.excel.sources opens
it, refuses one beyond the import limits, and hands out the sheets' rows; the rules
below are the same for every type.

Step served: "import a legacy log" (QA or the warehouse, from the UI or `rma-station import`).
This module only reads and checks; app.excel.importer groups the accepted rows into
returns and writes them in one transaction; app.excel.rejects writes the rejected rows
back out so users can fix them and import that file again.

Nothing depends on positions, sheet names or column order:
- every sheet is searched for its header row in its first 10 rows (under titles and
  merged cells); a row naming at least 3 known columns, in Chinese or English with the
  usual synonyms, is the header. Two-row headers work too ("退款" merged over "比例" and
  "金额" reads as 退款比例 and 退款金额);
- a sheet without such a header is skipped; one lacking a column the returns cannot do
  without (return date, customer, model, quantity, and unit price or amount) is skipped
  with that reason rather than rejecting every row;
- cells merged down a column (a customer or date written once for several lines) count
  for every row they cover;
- blank rows, subtotal/total rows (小计, 合计, 总计, Total), repeated header rows and rows
  that name no goods at all (no date, customer, order, model, lot or quantity: footers
  such as "制表人: 张三") are skipped and counted, not rejected;
- every other row is accepted or rejected with the field at fault, as the sample's
  expected result names them: "date", "customer", "model", "qty", "unit price",
  "amount", "liability", "refund ratio", "refund amount", "manufacture date".

Values: app.parsing reads them (the station's one parser). A blank amount is quantity ×
unit price; a blank unit price with an amount is amount ÷ quantity; a blank refund
amount is amount × refund ratio (app.money.refund_amount), 0 without a ratio. A written
amount or refund amount is kept as written: it is what was invoiced or paid. A refund
above the line's amount is rejected.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.codes import Disposition
from app.errors import StationError, ValidationError
from app.excel.sources import SourceSheet, open_sheets
from app.limits import MAX_QTY, MONEY_MAX, check_text
from app.money import ZERO, line_amount, money, refund_amount
from app.parsing import (
    clean_code,
    clean_text,
    halfwidth,
    is_blank,
    parse_date,
    parse_disposition,
    parse_liability,
    parse_money,
    parse_price,
    parse_quantity,
    parse_ratio,
    quantity_unit,
)

HEADER_SEARCH_ROWS = 10
MIN_KNOWN_COLUMNS = 3
PROGRESS_EVERY = 1000

# The two columns app.excel.rejects adds; known here so a fixed rejects workbook reads back.
REJECT_ROW_HEADER = "原行号/Row"
REJECT_REASON_HEADER = "原因/Reason"

# Header words per column, most specific first: when two columns claim the same field,
# the one written with the earlier word wins ("退货日期" beats a second "日期").
# Compared after header_key(): half-width, lower case, no spaces, no trailing unit
# such as (元) or （%）.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "return_date": ("退货日期", "退回日期", "收货日期", "退货时间", "登记日期", "return date",
                    "date returned", "received on", "date received", "日期", "date"),
    "customer": ("客户名称", "客户", "退货客户", "客户单位", "退货单位", "单位名称", "顾客",
                 "customer name", "customer", "client"),
    "order_no": ("订单号", "订单编号", "销售订单号", "销售订单", "合同号", "order no", "order number",
                 "order", "po no", "po", "so no"),
    "model": ("型号规格", "规格型号", "产品型号", "型号", "品名规格", "产品规格", "规格", "model/spec",
              "model", "spec", "specification", "product model"),
    "lot": ("批号", "批次号", "生产批号", "批次", "lot no", "lot", "batch no", "batch"),
    "manufacture_date": ("出厂日期", "生产日期", "制造日期", "manufacture date", "manufacturing date",
                         "production date", "mfg date", "date of manufacture"),
    "qty": ("退货数量", "数量", "数量/单位", "退回数量", "退货数", "qty", "quantity", "return qty"),
    "unit": ("单位", "计量单位", "unit", "uom"),
    "unit_price": ("单价", "销售单价", "unit price", "price"),
    "amount": ("金额", "总金额", "总金额/售价", "退货金额", "货款金额", "amount", "total amount",
               "line amount", "value"),
    "reason": ("提出退货原因", "退货原因", "客户反馈", "不良现象", "故障现象", "return reason",
               "customer reason", "reason", "complaint", "原因"),
    "cause": ("最终原因分析", "原因分析", "不良原因", "分析结果", "final cause", "cause analysis",
              "root cause", "cause", "analysis"),
    "liability": ("责任判定", "责任", "责任划分", "责任代号", "责任部门", "责任单位", "liability",
                  "liability code", "responsibility"),
    "disposition": ("产品处置", "处置方式", "产品处置等", "处置", "处理方式", "处理结果", "disposition",
                    "handling"),
    "refund_ratio": ("退款比例", "退款比率", "赔偿比例", "refund ratio", "refund rate", "refund %",
                     "refund percent", "refund percentage"),
    "refund_amount": ("退给客户金额", "退款金额", "赔偿金额", "退款", "refund amount", "refund"),
    "notes": ("备注", "说明", "notes", "note", "remarks", "remark", "comments", "comment"),
    "seq": ("序号", "行号", "no", "#", "item no"),
    "reject_row": (REJECT_ROW_HEADER,),
    "reject_reason": (REJECT_REASON_HEADER,),
}
# Columns that do not make a sheet a return log, nor a row a line.
_NOT_DATA = frozenset({"seq", "notes", "reject_row", "reject_reason"})
_REQUIRED_COLUMNS = ("return_date", "customer", "model", "qty")
# Rows that name none of these name no goods (blank lines, footers, signatures).
_IDENTITY = ("return_date", "customer", "order_no", "model", "lot", "qty")

# Field at fault as the rejects name it (the sample's expected result) and its labels.
REJECT_FIELDS: dict[str, tuple[str, str, str]] = {
    "return_date": ("date", "退货日期", "Return date"),
    "customer": ("customer", "客户", "Customer"),
    "model": ("model", "型号规格", "Model/spec"),
    "qty": ("qty", "数量", "Quantity"),
    "unit_price": ("unit price", "单价", "Unit price"),
    "amount": ("amount", "金额", "Amount"),
    "liability": ("liability", "责任判定", "Liability"),
    "refund_ratio": ("refund ratio", "退款比例", "Refund ratio"),
    "refund_amount": ("refund amount", "退款金额", "Refund amount"),
    "manufacture_date": ("manufacture date", "出厂日期", "Manufacture date"),
    # texts refused when longer than the station's columns hold or holding NUL (app.limits)
    "order_no": ("order no", "订单号", "Order no."),
    "lot": ("lot", "批号", "Lot"),
    "unit": ("unit", "单位", "Unit"),
    "reason": ("reason", "退货原因", "Customer's reason"),
    "cause": ("cause", "原因分析", "Cause"),
    "disposition": ("disposition", "产品处置", "Disposition"),
    "notes": ("notes", "备注", "Notes"),
}
# legacy column → the station's field whose column limits it (app.limits.FIELDS)
_TEXT_LIMITS = {"customer": "customer", "order_no": "order_no", "model": "model", "lot": "lot_no",
                "unit": "unit", "reason": "customer_reason", "cause": "final_cause",
                "disposition": "customer_reason", "notes": "notes"}

_TOTAL_WORDS = frozenset({"小计", "合计", "总计", "总合计", "累计", "total", "subtotal", "sub-total",
                          "grandtotal", "totals", "sum"})
_TOTAL_AFFIXES = ("小计", "合计", "总计")
_TRAILING_UNIT = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]$")
_NO_SPACE = re.compile(r"\s+")


def header_key(value: Any) -> str:
    """A header cell as compared with HEADER_WORDS: '金额\\n(元)' → '金额', 'Unit Price' → 'unitprice'."""
    text = clean_text(value)
    if text is None:
        return ""
    text = _NO_SPACE.sub("", halfwidth(text)).lower().strip("*:：.")
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING_UNIT.sub("", text).strip("*:：.")
    return text


_WORD_INDEX: dict[str, tuple[str, int]] = {}
for _field, _words in HEADER_WORDS.items():
    for _rank, _word in enumerate(_words):
        _WORD_INDEX.setdefault(header_key(_word), (_field, _rank))


def column_for(value: Any) -> tuple[str, int] | None:
    """(field, rank) a header cell names, or None; a lower rank is a more specific word."""
    return _WORD_INDEX.get(header_key(value))


# ---------------------------------------------------------------- results


@dataclass(slots=True)
class LegacyRow:
    """One accepted line of a legacy log, checked and converted: plain data for the importer."""

    sheet: str
    row: int                        # Excel row number in its sheet
    return_date: date
    customer: str
    order_no: str                   # "" when blank: blank is a value for grouping
    model: str
    qty: int
    unit_price: Decimal
    amount: Decimal                 # as written, else qty × unit price
    refund_amount: Decimal          # as written, else amount × ratio (0 without a ratio)
    lot: str = ""
    manufacture_date: date | None = None
    unit: str = ""
    liability_code: int | None = None    # None: not decided yet
    refund_ratio: Decimal | None = None
    reason: str = ""
    cause: str = ""
    disposition: Disposition | None = None
    disposition_text: str = ""
    notes: str = ""
    source_row: int | None = None   # the original row, when read from a rejects workbook

    @property
    def group_key(self) -> tuple[str, date, str]:
        """Rows with the same customer, return date and order number form one return."""
        return (self.customer, self.return_date, self.order_no)

    @property
    def refund(self) -> Decimal:
        """The refund that counts: none while the liability is undecided."""
        return self.refund_amount if self.liability_code is not None else ZERO


@dataclass(frozen=True, slots=True)
class Problem:
    field: str                      # as in REJECT_FIELDS: "date", "qty", "unit price" …
    key: str                        # app.errors.MESSAGES key
    args: dict[str, Any]

    def message(self, lang: str = "zh") -> str:
        return ValidationError(self.key, **self.args).message(lang)


@dataclass(slots=True)
class LegacyReject:
    """A rejected row: where it is, what is wrong (first problem first), its original cells."""

    sheet: str
    row: int
    problems: list[Problem]
    headers: list[Any]              # the sheet's header cells, one per column
    cells: list[Any]                # the row's cells, one per column, as read
    columns: dict[str, int] = dataclasses.field(default_factory=dict)  # field → index into cells
    source_row: int | None = None

    @property
    def field(self) -> str:
        return self.problems[0].field

    @property
    def key(self) -> str:
        return self.problems[0].key

    @property
    def args(self) -> dict[str, Any]:
        return self.problems[0].args

    @property
    def fault_columns(self) -> list[int]:
        """Indexes into cells of the fields at fault (for marking them in the rejects workbook)."""
        by_name = {names[0]: name for name, names in REJECT_FIELDS.items()}
        return [self.columns[by_name[p.field]] for p in self.problems
                if by_name.get(p.field) in self.columns]

    def message(self, lang: str = "zh") -> str:
        """The reason in the user's language; every problem of the row, the first first."""
        return ("; " if not lang.startswith("zh") else ";").join(p.message(lang) for p in self.problems)

    def where(self, lang: str = "zh") -> str:
        return (f"工作表“{self.sheet}”第{self.row}行" if lang.startswith("zh")
                else f"sheet “{self.sheet}”, row {self.row}")


@dataclass(frozen=True, slots=True)
class SkippedSheet:
    sheet: str
    key: str
    args: dict[str, Any]

    def message(self, lang: str = "zh") -> str:
        return ValidationError(self.key, **self.args).message(lang)


@dataclass
class LegacyReadResult:
    rows: list[LegacyRow] = dataclasses.field(default_factory=list)
    rejects: list[LegacyReject] = dataclasses.field(default_factory=list)
    sheets_read: list[str] = dataclasses.field(default_factory=list)
    sheets_skipped: list[SkippedSheet] = dataclasses.field(default_factory=list)
    rows_skipped: int = 0           # blank, subtotal, repeated header and footer rows


class ReadCancelled(StationError):
    """The user cancelled reading; nothing was read into the station."""

    key = "read_cancelled"


# ---------------------------------------------------------------- the sheet's layout


@dataclass
class SheetLayout:
    """Where a sheet's header is and which column holds which field."""

    header_row: int                 # Excel row of the (lowest) header row
    columns: dict[str, int]         # field → 0-based column index
    headers: list[Any]              # header text per column, as written


def fill_header_merges(head: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> None:
    """In the header zone a merged cell's text labels every column and row it covers."""
    for min_col, min_row, max_col, max_row in merges:
        if min_row > len(head):
            continue
        top = head[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        for r in range(min_row, min(max_row, len(head)) + 1):
            cells = head[r - 1]
            for c in range(min_col, max_col + 1):
                while len(cells) < c:
                    cells.append(None)
                if cells[c - 1] is None:
                    cells[c - 1] = value


def _labels(parent: list[Any] | None, child: list[Any]) -> list[tuple[str, int, Any] | None]:
    """Per column: (field, rank, header text) the child row names, read under its parent row.

    Under a parent ("退款" over "比例", "金额") the combined words win; else the child's own.
    """
    out: list[tuple[str, int, Any] | None] = []
    for c, cell in enumerate(child):
        if is_blank(cell):
            out.append(None)
            continue
        above = parent[c] if parent is not None and c < len(parent) else None
        if not is_blank(above) and header_key(above) != header_key(cell):
            combined = f"{clean_text(above)}{clean_text(cell)}"
            hit = column_for(combined)
            if hit is not None:
                out.append((hit[0], hit[1], combined))
                continue
        hit = column_for(cell)
        out.append((hit[0], hit[1], cell) if hit else None)
    return out


def _score(labels: list[tuple[str, int, Any] | None]) -> int:
    return len({lab[0] for lab in labels if lab is not None and lab[0] not in _NOT_DATA})


def _columns(labels: list[tuple[str, int, Any] | None]) -> dict[str, int]:
    best: dict[str, tuple[int, int]] = {}
    for c, lab in enumerate(labels):
        if lab is None:
            continue
        name, rank = lab[0], lab[1]
        if name not in best or rank < best[name][0]:
            best[name] = (rank, c)
    return {name: c for name, (_rank, c) in best.items()}


def find_layout(head: list[list[Any]]) -> SheetLayout | None:
    """The header among the first rows (already merge-filled): the row naming most known columns."""
    best: tuple[int, int, list[tuple[str, int, Any] | None]] | None = None
    for r in range(min(HEADER_SEARCH_ROWS, len(head))):
        labels = _labels(head[r - 1] if r else None, head[r])
        score = _score(labels)
        if score >= MIN_KNOWN_COLUMNS and (best is None or score > best[0]):
            best = (score, r, labels)
    if best is None:
        return None
    _score_, r, labels = best
    # A second header row under it belongs to the header: "比例", "金额" under a merged
    # "退款", or a row of units such as "(元)", "(件)".
    if r + 1 < len(head):
        below = head[r + 1]
        sub = _labels(head[r], below)
        texts = [c for c in below if not is_blank(c)]
        if texts and all(isinstance(c, str) for c in texts) and all(
                sub[i] is not None or header_key(c) == ""
                for i, c in enumerate(below) if not is_blank(c)):
            labels = [sub[i] if i < len(sub) and sub[i] is not None else lab
                      for i, lab in enumerate(labels + [None] * (len(sub) - len(labels)))]
            r += 1
    headers = [lab[2] if lab is not None else (head[r][i] if i < len(head[r]) else None)
               for i, lab in enumerate(labels)]
    return SheetLayout(header_row=r + 1, columns=_columns(labels), headers=headers)


# ---------------------------------------------------------------- rows


def _is_total_text(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    low = value.lower()
    if "计" not in low and "total" not in low and "sum" not in low:
        return False  # the common case, decided without normalising
    text = header_key(value)
    return text in _TOTAL_WORDS or text.startswith(_TOTAL_AFFIXES) or text.endswith(_TOTAL_AFFIXES)


_PARSERS: dict[str, Callable[..., Any]] = {
    "return_date": parse_date, "qty": parse_quantity, "unit_price": parse_price,
    "amount": parse_money, "liability": parse_liability, "refund_ratio": parse_ratio,
    "refund_amount": parse_money, "manufacture_date": parse_date,
}


class _Checker:
    """Turns one sheet's rows into LegacyRows or LegacyRejects."""

    def __init__(self, sheet: str, layout: SheetLayout) -> None:
        self.sheet = sheet
        self.layout = layout
        self.cols = layout.columns
        self.items = list(self.cols.items())
        self.width = len(layout.headers)
        self.header_keys = {c: header_key(layout.headers[i]) for c, i in self.cols.items()}
        # Logs repeat the same dates, prices, codes and names thousands of times: each
        # distinct cell value is parsed once per sheet (keyed by type: 1, 1.0, True differ).
        self.parsed: dict[tuple[str, bool, type, Any], tuple[Any, Problem | None]] = {}
        self.keys: dict[str, str] = {}
        self.dispositions: dict[Any, Disposition | None] = {}
        # each distinct text is checked against the station's limits once per sheet
        self.text_limits = [(name, f) for name, f in _TEXT_LIMITS.items() if name in self.cols]
        self.texts_checked: dict[tuple[str, str], Problem | None] = {}

    def fields(self, cells: list[Any]) -> dict[str, Any]:
        """The row's raw cell per field."""
        n = len(cells)
        return {name: cells[i] if i < n else None for name, i in self.items}

    def skip(self, cells: list[Any], raw: dict[str, Any]) -> bool:
        """Blank, subtotal, repeated header or footer rows: nothing to import, nothing wrong."""
        if all(is_blank(raw.get(name)) for name in _IDENTITY):
            return True
        model, customer = raw["model"], raw["customer"]
        # a subtotal row names no goods: a real line that merely mentions 合计 is kept
        if (is_blank(model) or is_blank(customer) or _is_total_text(model)
                or _is_total_text(customer)) and any(_is_total_text(c) for c in cells):
            return True
        return self._repeats_header(raw, customer)

    def _key(self, text: str) -> str:
        key = self.keys.get(text)
        if key is None:
            if len(self.keys) >= 100_000:
                self.keys.clear()
            key = self.keys[text] = header_key(text)
        return key

    def _repeats_header(self, raw: dict[str, Any], customer: Any) -> bool:
        if not isinstance(customer, str) or self._key(customer) != self.header_keys["customer"]:
            return False
        repeats = sum(1 for name, value in raw.items()
                      if name not in _NOT_DATA and header_key(value) == self.header_keys[name])
        return repeats >= MIN_KNOWN_COLUMNS

    def value(self, raw: dict[str, Any], name: str, problems: list[Problem], *,
              required: bool = False) -> Any:
        """The parsed value of a column, or None with the problem noted."""
        cell = raw.get(name)
        key = (name, required, cell.__class__, cell)
        hit = self.parsed.get(key)
        if hit is None:
            reject_field, zh, en = REJECT_FIELDS[name]
            try:
                hit = (_PARSERS[name](cell, field=name, label=(zh, en), required=required), None)
            except ValidationError as err:
                hit = (None, Problem(reject_field, err.key, dict(err.args_)))
            if len(self.parsed) >= 100_000:
                self.parsed.clear()
            self.parsed[key] = hit
        if hit[1] is not None:
            problems.append(hit[1])
        return hit[0]

    @staticmethod
    def text(raw: dict[str, Any], name: str, problems: list[Problem], *,
             code: bool = False) -> str | None:
        text = (clean_code if code else clean_text)(raw.get(name))
        if text is None:
            reject_field, zh, en = REJECT_FIELDS[name]
            problems.append(Problem(reject_field, "required", {"field": (zh, en)}))
        return text

    def disposition(self, cell: Any) -> Disposition | None:
        if cell not in self.dispositions:
            if len(self.dispositions) >= 10_000:
                self.dispositions.clear()
            self.dispositions[cell] = parse_disposition(cell)
        return self.dispositions[cell]

    def check(self, excel_row: int, cells: list[Any], raw: dict[str, Any]) -> LegacyRow | LegacyReject:
        """Accept or reject one row; a rejected row lists every problem, in column order."""
        problems: list[Problem] = []
        value = self.value
        return_date = value(raw, "return_date", problems, required=True)
        customer = self.text(raw, "customer", problems)
        model = self.text(raw, "model", problems, code=True)
        qty = value(raw, "qty", problems, required=True)
        unit_price = value(raw, "unit_price", problems)
        amount = value(raw, "amount", problems)
        if unit_price is None and amount is None and not any(
                p.field in ("unit price", "amount") for p in problems):
            value(raw, "unit_price", problems, required=True)
        liability = value(raw, "liability", problems)
        ratio = value(raw, "refund_ratio", problems)
        refund = value(raw, "refund_amount", problems)
        manufactured = value(raw, "manufacture_date", problems)

        self._limits(raw, problems, qty, unit_price, amount, refund)
        if not problems:
            if unit_price is None:
                unit_price = money(amount / qty)
            if amount is None:
                amount = line_amount(qty, unit_price)
                if amount > MONEY_MAX:
                    problems.append(_too_much("amount", amount))
            if refund is None:
                refund = refund_amount(amount, ratio)
            elif refund > amount:
                _f, zh, en = REJECT_FIELDS["refund_amount"]
                problems.append(Problem("refund amount", "refund_exceeds_amount",
                                        {"field": (zh, en), "value": f"{refund:,.2f}",
                                         "limit": f"{amount:,.2f}"}))
        source_row = self._source_row(raw)
        if problems:
            padded = list(cells[: self.width]) + [None] * (self.width - len(cells))
            return LegacyReject(sheet=self.sheet, row=excel_row, problems=problems,
                                headers=self.layout.headers, cells=padded, columns=self.cols,
                                source_row=source_row)
        get = raw.get
        raw_disposition = get("disposition")
        unit = clean_text(get("unit")) or quantity_unit(get("qty")) or ""
        return LegacyRow(
            sheet=self.sheet, row=excel_row, return_date=return_date, customer=customer,
            order_no=clean_code(get("order_no")) or "", model=model, qty=qty,
            unit_price=unit_price, amount=amount, refund_amount=refund,
            lot=clean_code(get("lot")) or "", manufacture_date=manufactured, unit=unit,
            liability_code=liability, refund_ratio=ratio,
            reason=clean_text(get("reason")) or "", cause=clean_text(get("cause")) or "",
            disposition=self.disposition(raw_disposition),
            disposition_text=clean_text(raw_disposition) or "",
            notes=clean_text(get("notes")) or "", source_row=source_row,
        )

    def _limits(self, raw: dict[str, Any], problems: list[Problem], qty: int | None,
                *amounts: Decimal | None) -> None:
        """Values the station cannot hold: too long, NUL and other control characters, too large."""
        checked = self.texts_checked
        for name, station_field in self.text_limits:
            cell = raw[name]
            if cell.__class__ is not str:
                continue
            key = (name, cell)
            if key not in checked:
                if len(checked) >= 100_000:
                    checked.clear()
                checked[key] = _text_problem(name, station_field, cell)
            if checked[key] is not None:
                problems.append(checked[key])
        if qty is not None and qty > MAX_QTY:
            problems.append(Problem("qty", "qty_too_large", {"field": REJECT_FIELDS["qty"][1:],
                                                             "max": f"{MAX_QTY:,}", "value": f"{qty:,}"}))
        for name, amount in zip(("unit_price", "amount", "refund_amount"), amounts, strict=True):
            if amount is not None and amount > MONEY_MAX:
                problems.append(_too_much(name, amount))

    @staticmethod
    def _source_row(raw: dict[str, Any]) -> int | None:
        if "reject_row" not in raw:
            return None
        try:
            return parse_quantity(raw["reject_row"])
        except ValidationError:
            return None


def _text_problem(name: str, station_field: str, cell: str) -> Problem | None:
    try:
        check_text(clean_text(cell) or "", station_field)
    except ValidationError as err:
        reject_field, zh, en = REJECT_FIELDS[name]
        return Problem(reject_field, err.key, {**err.args_, "field": (zh, en)})
    return None


def _too_much(name: str, amount: Decimal) -> Problem:
    reject_field, zh, en = REJECT_FIELDS[name]
    return Problem(reject_field, "amount_too_large", {"field": (zh, en), "max": f"{MONEY_MAX:,.2f}",
                                                      "value": f"{amount:,.2f}"})


class _MergeFiller:
    """Carries a value merged down a column of data rows to every row it covers."""

    def __init__(self, merges: list[tuple[int, int, int, int]], first_data_row: int) -> None:
        self.starting: dict[int, list[tuple[int, int]]] = {}
        for min_col, min_row, _max_col, max_row in merges:
            if max_row > min_row and min_row >= first_data_row:
                self.starting.setdefault(min_row, []).append((min_col - 1, max_row))
        self.active: list[tuple[int, int, Any]] = []   # (column, last row, value)

    def __call__(self, excel_row: int, cells: list[Any]) -> None:
        if excel_row in self.starting:
            for col, last in self.starting.pop(excel_row):
                self.active.append((col, last, cells[col] if col < len(cells) else None))
        if not self.active:
            return
        for col, _last, value in self.active:
            while len(cells) <= col:
                cells.append(None)
            if cells[col] is None:
                cells[col] = value
        self.active = [a for a in self.active if a[1] > excel_row]


# ---------------------------------------------------------------- the workbook


class _Progress:
    def __init__(self, file_name: str, total: int, progress: Callable[[int, int], None] | None,
                 is_cancelled: Callable[[], bool] | None) -> None:
        self.file_name, self.total = file_name, total
        self.progress, self.is_cancelled = progress, is_cancelled
        self.base = 0

    def row(self, excel_row: int) -> None:
        if excel_row % PROGRESS_EVERY == 0:
            self.report(self.base + excel_row)

    def sheet_done(self, rows: int) -> None:
        self.base += rows
        self.report(self.base)

    def report(self, done: int) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise ReadCancelled(file=self.file_name)
        if self.progress is not None:
            self.progress(done, max(self.total, done))


def _read_sheet(sheet: SourceSheet, result: LegacyReadResult, progress: _Progress) -> int:
    """Read one sheet into result; returns how many rows it has."""
    declared = sheet.declared_rows   # from the file's dimension, before the rows are read
    merges = sheet.merges()
    rows = sheet.rows()
    head: list[list[Any]] = []
    for _excel_row, cells in rows:
        head.append(cells)
        if len(head) > HEADER_SEARCH_ROWS:
            break
    header_zone = [list(cells) for cells in head]
    fill_header_merges(header_zone, merges)
    layout = find_layout(header_zone)
    if layout is None:
        if all(is_blank(c) for cells in head for c in cells):
            result.sheets_skipped.append(SkippedSheet(sheet.title, "sheet_empty", {"sheet": sheet.title}))
            return max(declared, len(head))
        result.sheets_skipped.append(SkippedSheet(sheet.title, "sheet_no_header", {
            "sheet": sheet.title, "rows": HEADER_SEARCH_ROWS, "min": MIN_KNOWN_COLUMNS}))
        return max(declared, len(head))
    missing = [name for name in _REQUIRED_COLUMNS if name not in layout.columns]
    if "unit_price" not in layout.columns and "amount" not in layout.columns:
        missing.append("unit_price")
    if missing:
        result.sheets_skipped.append(SkippedSheet(sheet.title, "sheet_missing_columns", {
            "sheet": sheet.title,
            "columns": ("、".join(REJECT_FIELDS[m][1] for m in missing),
                        ", ".join(REJECT_FIELDS[m][2] for m in missing))}))
        return max(declared, len(head))
    result.sheets_read.append(sheet.title)
    checker = _Checker(sheet.title, layout)
    fill = _MergeFiller(merges, layout.header_row + 1)
    last = len(head)
    data = itertools.chain(enumerate(head[layout.header_row:], start=layout.header_row + 1), rows)
    for excel_row, cells in data:
        last = excel_row
        progress.row(excel_row)
        fill(excel_row, cells)
        raw = checker.fields(cells)
        if checker.skip(cells, raw):
            result.rows_skipped += 1
            continue
        outcome = checker.check(excel_row, cells, raw)
        if isinstance(outcome, LegacyRow):
            result.rows.append(outcome)
        else:
            result.rejects.append(outcome)
    return max(declared, last)


def read_legacy_workbook(path: str | Path, progress: Callable[[int, int], None] | None = None,
                         is_cancelled: Callable[[], bool] | None = None) -> LegacyReadResult:
    """Read every sheet of a legacy log (.xlsx, .xlsm, .xls, .csv) that has a header; write
    nothing anywhere.

    progress(rows done, rows in the workbook) is called every 1000 rows and after each
    sheet; is_cancelled() is asked as often, and True raises ReadCancelled. An unreadable
    file (damaged, encrypted, another format) raises ValidationError("excel_unreadable");
    one beyond the limits of app.excel.sources ("import_too_big", "import_too_many_rows")
    is refused before its rows are parsed; one with no sheet to read raises
    NothingToRead, which names every sheet skipped and why.
    """
    path = Path(path)
    result = LegacyReadResult()
    with open_sheets(path) as sheets:
        tracker = _Progress(path.name, sum(sh.declared_rows for sh in sheets), progress, is_cancelled)
        for sheet in sheets:
            tracker.sheet_done(_read_sheet(sheet, result, tracker))
    if not result.sheets_read:
        raise NothingToRead(path.name, result.sheets_skipped)
    return result


class NothingToRead(ValidationError):
    """No sheet of the file is a return log: an empty workbook, or only sheets without a header."""

    def __init__(self, file_name: str, skipped: list[SkippedSheet]) -> None:
        self.sheets_skipped = skipped
        if not skipped:
            super().__init__("import_empty_workbook", file=file_name)
        else:
            super().__init__("import_no_log_sheet", file=file_name, reasons=(
                ";".join(s.message("zh") for s in skipped), "; ".join(s.message("en") for s in skipped)))
