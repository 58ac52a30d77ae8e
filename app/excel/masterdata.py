"""Customer and product lists from Excel (客户清单, 产品清单): master data in bulk.

Step served: "import a customers / products list" (资料维护, or `rma-station masterdata
import customers|products FILE`), by the administrator or the QA lead.

The same reader rules as the legacy log (app.excel.legacy): columns are found by their
header words, not their place — in Chinese or English, with the usual synonyms, compared
by `header_key` (half-width, lower case, no spaces, a trailing unit such as "(月)" or
"(元)" dropped); the header is searched in the first rows of every sheet, under titles
and merged cells. Blank rows are skipped. Every other row is either imported — a new
entry, or an update of the entry with the same 客户名称 / 型号规格 — or rejected with
sheet, row, column and reason, through the same checks as the master-data forms
(app.services.masterdata). Blank cells leave an existing entry's value as it is; a new
product without unit, price or warranty gets 件, 0.00 and 12 months. The rejects go back
out through app.excel.rejects to fix and import again.

Everything is written in the caller's one transaction; a dry run is the same work,
rolled back by the caller.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.excel.legacy import (
    HEADER_SEARCH_ROWS,
    REJECT_REASON_HEADER,
    REJECT_ROW_HEADER,
    LegacyReject,
    Problem,
    SkippedSheet,
    fill_header_merges,
    header_key,
)
from app.excel.sources import open_sheets
from app.parsing import halfwidth, is_blank, parse_price
from app.services import masterdata as md
from app.services.context import Actor, bind_actor, require_role

# Header words per field, most specific first (as app.excel.legacy.HEADER_WORDS).
CUSTOMER_WORDS: dict[str, tuple[str, ...]] = {
    "code": ("客户编码", "客户代码", "客户编号", "编码", "代码", "编号", "customer code", "customer no", "code"),
    "name": ("客户名称", "客户", "客户单位", "单位名称", "名称", "customer name", "customer", "client", "name"),
    "contact": ("联系人", "联系人姓名", "contact", "contact person"),
    "phone": ("联系电话", "电话", "手机", "电话号码", "phone", "tel", "telephone", "mobile"),
    "address": ("地址", "详细地址", "通讯地址", "address"),
    "sales_rep_id": ("业务员", "销售代表", "销售员", "负责业务员", "sales rep", "salesman", "sales"),
}
PRODUCT_WORDS: dict[str, tuple[str, ...]] = {
    "model": ("型号规格", "规格型号", "产品型号", "型号", "规格", "model/spec", "model", "spec"),
    "name": ("品名", "产品名称", "名称", "product name", "name"),
    "unit": ("单位", "计量单位", "unit", "uom"),
    "unit_price": ("单价", "销售单价", "价格", "unit price", "price"),
    "warranty_months": ("保修期", "保修月数", "质保期", "保修期限", "warranty months", "warranty"),
    "barcode": ("条码", "产品条码", "条形码", "barcode", "ean", "bar code"),
    "supplier_id": ("供应商", "供应商名称", "供方", "supplier"),
}
_REJECT_WORDS = {header_key(REJECT_ROW_HEADER): "reject_row", header_key(REJECT_REASON_HEADER): "reject_reason"}


@dataclass(frozen=True)
class ListKind:
    kind: str                        # the app.services.masterdata entity
    what: tuple[str, str]
    words: dict[str, tuple[str, ...]]
    key_field: str                   # a row updates the entry with the same value here
    defaults: dict[str, Any]         # for a new entry, when the cell is blank


LISTS: dict[str, ListKind] = {
    "customers": ListKind("customer", ("客户", "customer"), CUSTOMER_WORDS, "name", {}),
    "products": ListKind("product", ("产品", "product"), PRODUCT_WORDS, "model",
                         {"unit": "件", "unit_price": "0.00", "warranty_months": 12}),
}


def _index(words: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for name, ws in words.items():
        for rank, word in enumerate(ws):
            index.setdefault(header_key(word), (name, rank))
    return index


@dataclass(slots=True)
class ListReject(LegacyReject):
    """A rejected list row; its faults name the master-data field, so the cell is shaded."""

    @property
    def fault_columns(self) -> list[int]:
        return [self.columns[p.field] for p in self.problems if p.field in self.columns]


@dataclass(frozen=True)
class ListRow:
    sheet: str
    row: int
    values: dict[str, Any]           # field → the cell as read (blank cells left out)
    headers: list[Any]
    cells: list[Any]
    columns: dict[str, int]

    def reject(self, problem: Problem) -> ListReject:
        return ListReject(sheet=self.sheet, row=self.row, problems=[problem], headers=self.headers,
                          cells=self.cells, columns=self.columns)


@dataclass
class ListReadResult:
    rows: list[ListRow] = dataclasses.field(default_factory=list)
    sheets_skipped: list[SkippedSheet] = dataclasses.field(default_factory=list)
    rows_skipped: int = 0


@dataclass
class ListImportResult:
    """What a list import did (or, in a dry run, would do)."""

    kind: str
    created: list[Any] = dataclasses.field(default_factory=list)   # read models
    updated: list[Any] = dataclasses.field(default_factory=list)
    rejects: list[ListReject] = dataclasses.field(default_factory=list)
    sheets_skipped: list[SkippedSheet] = dataclasses.field(default_factory=list)
    rows_skipped: int = 0
    dry_run: bool = False

    def summary(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            verb = "将" if self.dry_run else "已"
            return (f"{verb}新增 {len(self.created)} 条,{verb}更新 {len(self.updated)} 条,"
                    f"拒收 {len(self.rejects)} 行,跳过空行 {self.rows_skipped} 行")
        verb = "would be " if self.dry_run else ""
        return (f"{len(self.created)} {verb}added, {len(self.updated)} {verb}updated, "
                f"{len(self.rejects)} rejected, {self.rows_skipped} blank rows skipped")


def _layout(head: list[list[Any]], index: dict[str, tuple[str, int]], required: str
            ) -> tuple[int, dict[str, int], list[Any]] | None:
    """(header row, field → column, header cells): the first row that names the key column and
    at least one other known column."""
    for r, cells in enumerate(head[:HEADER_SEARCH_ROWS]):
        best: dict[str, tuple[int, int]] = {}
        for c, cell in enumerate(cells):
            hit = index.get(header_key(cell)) if not is_blank(cell) else None
            if hit is not None and (hit[0] not in best or hit[1] < best[hit[0]][0]):
                best[hit[0]] = (hit[1], c)
        if required in best and len(best) >= 2:
            return r + 1, {name: c for name, (_rank, c) in best.items()}, list(cells)
    return None


def read_list(path: str | Path, which: str,
              progress: Callable[[int, int], None] | None = None) -> ListReadResult:
    """Read a customers or products list (every sheet with its header); write nothing."""
    lk = LISTS[which]
    path = Path(path)
    index = _index(lk.words)
    result = ListReadResult()
    # the legacy log's reader: the same file types (.xlsx, .xls, .csv) and size limits
    with open_sheets(path) as sheets:
        for sheet in sheets:
            rows = list(sheet.rows())
            head = [list(cells) for _r, cells in rows[:HEADER_SEARCH_ROWS]]
            fill_header_merges(head, sheet.merges())
            found = _layout(head, index, lk.key_field)
            if found is None:
                words = "、".join(lk.words[lk.key_field][:3])
                result.sheets_skipped.append(SkippedSheet(sheet.title, "list_no_header", {
                    "what": lk.what, "columns": (words, ", ".join(lk.words[lk.key_field][-2:]))}))
                continue
            header_row, columns, headers = found
            width = len(headers)
            for excel_row, cells in rows[header_row:]:
                if all(is_blank(c) for c in cells):
                    result.rows_skipped += 1
                    continue
                padded = list(cells[:width]) + [None] * (width - len(cells))
                values = {name: padded[c] for name, c in columns.items() if not is_blank(padded[c])}
                result.rows.append(ListRow(sheet.title, excel_row, values, headers, padded, columns))
            if progress is not None:
                progress(len(result.rows), len(result.rows))
    return result


_MONTHS_SUFFIX = re.compile(r"\s*(个月|月|months?|mo)\s*$", re.IGNORECASE)


def _spreadsheet_values(values: dict[str, Any], es: md.EntitySpec) -> None:
    """Cells as people write them in lists: '¥125.50', '125.50元', '１２５．５', '24个月'."""
    if "unit_price" in values:
        price = parse_price(values["unit_price"], field="unit_price", label=es.field("unit_price").label)
        values["unit_price"] = "" if price is None else str(price)  # more than 2 decimals: refused later
    if isinstance(values.get("warranty_months"), str):
        values["warranty_months"] = _MONTHS_SUFFIX.sub("", halfwidth(values["warranty_months"]))


def import_list(session: Session, actor: Actor, which: str, path: str | Path, *, dry_run: bool = False,
                progress: Callable[[int, int], None] | None = None) -> ListImportResult:
    """Administration: import a customers or products list in the caller's transaction.

    A dry run does the same checks and writes; the caller rolls the transaction back.
    """
    lk = LISTS[which]
    bind_actor(session, actor)
    require_role(actor, ("导入资料清单", "import a master-data list"), *md.EDITORS)
    read = read_list(path, which)
    result = ListImportResult(which, sheets_skipped=read.sheets_skipped, rows_skipped=read.rows_skipped,
                              dry_run=dry_run)
    seen: dict[str, int] = {}
    es = md.spec(lk.kind)
    key_label = es.field(lk.key_field).label
    for n, row in enumerate(read.rows, start=1):
        key = md.cell_text(row.values.get(lk.key_field))
        if key and key in seen:
            result.rejects.append(row.reject(Problem(lk.key_field, "duplicate_in_file", {
                "what": key_label, "value": key, "row": seen[key]})))
            continue
        if key:
            seen[key] = row.row
        values = dict(row.values)
        values[lk.key_field] = row.values.get(lk.key_field, "")
        try:
            _spreadsheet_values(values, es)
        except ValidationError as err:
            result.rejects.append(row.reject(Problem(err.field or lk.key_field, err.key, dict(err.args_))))
            continue
        try:
            with session.begin_nested():  # a row refused by the database leaves the others
                exists = md.find_by(session, lk.kind, lk.key_field, key)
                if not exists:
                    for name, default in lk.defaults.items():
                        values.setdefault(name, default)
                record, created = md.upsert(session, actor, lk.kind, lk.key_field, values)
        except ValidationError as err:
            result.rejects.append(row.reject(Problem(err.field or lk.key_field, err.key, dict(err.args_))))
            continue
        (result.created if created else result.updated).append(record)
        if progress is not None:
            progress(n, len(read.rows))
    return result
