"""Where the legacy reader gets its rows: .xlsx/.xlsm, .xls and .csv, within documented limits.

Step served: "import a legacy log". app.excel.legacy finds the header and checks the
rows the same way whatever the file type; this module only opens the file and hands
out, per sheet, its title, its declared row count, its merged ranges and its rows.

Limits (a log that is beyond them is refused at once, with a message, before anything
is parsed; a factory's yearly log is a few thousand rows and a few MB):
- MAX_UNCOMPRESSED_MB: 200 MB of sheet data in all — the sum of the sizes an .xlsx's
  zip directory declares for its parts (Python's zipfile never unpacks a part beyond
  its declared size, so the check holds while reading too), or the size of a .csv file;
- MAX_RATIO: a part of more than RATIO_FROM_MB that unpacks to more than 100 times its
  packed size is a zip bomb, not a log (real sheets pack 5–30 times);
- MAX_XLS_MB: 50 MB for an .xls, which xlrd reads whole into memory (an Excel 97–2003
  sheet holds at most 65,536 rows: a full one is some 30 MB);
- MAX_ROWS: 200,000 rows per sheet — refused at once when the sheet declares more
  (its dimension), else as soon as the reader reaches row 200,001.
Formats:
- .xlsx/.xlsm through openpyxl (read-only, streaming);
- .xls (Excel 97–2003) through xlrd; dates through the workbook's datemode;
- .csv in UTF-8, UTF-8 with BOM or GB18030 (tried in that order), its delimiter
  (comma, semicolon or tab) sniffed; one sheet named after the file.
The type is decided by the file's first bytes (a renamed .xls still reads), the name only
for text files.
"""

from __future__ import annotations

import csv
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import xlrd
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import INLINE_STRING, WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

from app.errors import ValidationError

MAX_UNCOMPRESSED_MB = 200
MAX_RATIO = 100
RATIO_FROM_MB = 10
MAX_XLS_MB = 50
MAX_ROWS = 200_000
CSV_ENCODINGS = ("utf-8-sig", "gb18030")   # utf-8-sig reads plain UTF-8 too
CSV_DELIMITERS = ",;\t"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # Excel 97–2003 (compound document)
_ZIP = b"PK\x03\x04"

Merge = tuple[int, int, int, int]           # (min_col, min_row, max_col, max_row), 1-based


@dataclass
class SourceSheet:
    """One sheet of a legacy log, whatever the file type."""

    title: str
    declared_rows: int                       # from the file; may be wrong, never trusted alone
    _rows: Callable[[], Iterator[list[Any]]]
    _merges: Callable[[], list[Merge]]

    def merges(self) -> list[Merge]:
        return self._merges()

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(Excel row number, cells); stops the whole read past MAX_ROWS."""
        for excel_row, cells in enumerate(self._rows(), start=1):
            if excel_row > MAX_ROWS:
                raise too_many_rows(self.title)
            yield excel_row, cells


def too_many_rows(sheet: str) -> ValidationError:
    return ValidationError("import_too_many_rows", sheet=sheet, limit=f"{MAX_ROWS:,}")


def _unreadable(path: Path, zh: str, en: str) -> ValidationError:
    return ValidationError("excel_unreadable", file=path.name, detail=(zh, en))


def _too_big(path: Path, limit: int | None = None) -> ValidationError:
    return ValidationError("import_too_big", file=path.name, limit=MAX_UNCOMPRESSED_MB if limit is None else limit)


def check_zip(path: Path) -> None:
    """Refuse an .xlsx whose parts unpack beyond the limits, from its directory alone."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise _unreadable(path, "文件已损坏,不是有效的Excel工作簿", "it is damaged, not a valid Excel workbook") \
            from exc
    total = 0
    for info in infos:
        total += info.file_size
        big = info.file_size > RATIO_FROM_MB * 2**20
        if total > MAX_UNCOMPRESSED_MB * 2**20 or (big and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise _too_big(path)


def _declared_rows(ws: Any) -> int:
    try:
        return int(ws.max_row or 0)
    except (TypeError, ValueError):
        return 0


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)"')


def _xlsx_merges(path: Path, ws: Any) -> list[Merge]:
    """Merged ranges of a read-only sheet.

    openpyxl's read-only mode does not parse them; the list sits at the end of the
    sheet's XML, so the part is scanned as a byte stream (fast even for 100,000 rows).
    """
    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return []
    found: set[bytes] = set()
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(part.lstrip("/")) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            found.update(_MERGE.findall(data))
            tail = data[-200:]
    ranges = []
    for ref in found:
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        if (min_col, min_row) != (max_col, max_row):
            ranges.append((min_col, min_row, max_col, max_row))
    return ranges


_T = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"


class _SheetParser(WorkSheetParser):
    """openpyxl's sheet parser, with a short way for inline strings (``<is><t>…</t></is>``,
    what many exporting programs and openpyxl's own write-only mode write): openpyxl builds
    a rich-text object of descriptors for each such cell, most of a 100,000-row read. The
    text is the same as openpyxl's `Text.content`: the plain part, then each run's text
    (phonetic guides left out); every other cell is openpyxl's own parse."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        if element.get("t") != "inlineStr" or self.rich_text or (
                not self.data_only and element.find(_FORMULA) is not None):
            return super().parse_cell(element)
        coordinate = element.get("r")
        if coordinate:
            row, column = coordinate_to_tuple(coordinate)
            self.col_counter = column
        else:
            self.col_counter += 1
            row, column = self.row_counter, self.col_counter
        style_id = element.get("s", 0)
        value, data_type = None, "inlineStr"
        child = element.find(INLINE_STRING)
        if child is not None:
            data_type = "s"
            plain = child.find(_T)
            snippets = [plain.text] if plain is not None and plain.text is not None else []
            for run in child.iterfind(_RUN):
                text = run.findtext(_T)
                if text is not None:
                    snippets.append(text)
            value = "".join(snippets)
        return {"row": row, "column": column, "value": value, "data_type": data_type,
                "style_id": int(style_id) if style_id else 0}


_FORMULA = f"{{{SHEET_MAIN_NS}}}f"


def _xlsx_rows(ws: Any) -> Callable[[], Iterator[list[Any]]]:
    def rows() -> Iterator[list[Any]]:
        # every row the sheet holds (read-only dimensions come from the file and some writers
        # get them wrong), as ws.iter_rows(values_only=True) gives them after
        # ws.reset_dimensions(), through _SheetParser; rows missing from the file are empty
        wb = ws.parent
        with ws._get_source() as src:  # noqa: SLF001 — openpyxl's read-only sheet source
            parser = _SheetParser(src, ws._shared_strings, data_only=wb.data_only,  # noqa: SLF001
                                  epoch=wb.epoch, date_formats=wb._date_formats,  # noqa: SLF001
                                  timedelta_formats=wb._timedelta_formats)  # noqa: SLF001
            expected = 1
            for number, cells in parser.parse():
                while expected < number:
                    expected += 1
                    yield []
                if expected == number:
                    expected += 1
                    yield list(ws._get_row(cells, 1, None, True))  # noqa: SLF001
    return rows


@contextmanager
def _xlsx(path: Path) -> Iterator[list[SourceSheet]]:
    check_zip(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError) as exc:
        raise _unreadable(path, "文件已损坏,不是有效的Excel工作簿", "it is damaged, not a valid Excel workbook") \
            from exc
    try:
        sheets = []
        for ws in wb.worksheets:
            declared = _declared_rows(ws)
            if declared > MAX_ROWS:
                raise too_many_rows(ws.title)
            sheets.append(SourceSheet(ws.title, declared, _xlsx_rows(ws),
                                      lambda ws=ws: _xlsx_merges(path, ws)))
        yield sheets
    finally:
        wb.close()


def _xls_value(cell: Any, datemode: int) -> Any:
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return value
    if kind == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() else value  # as openpyxl gives them
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    return value if value != "" else None


@contextmanager
def _xls(path: Path) -> Iterator[list[SourceSheet]]:
    if path.stat().st_size > MAX_XLS_MB * 2**20:
        raise _too_big(path, MAX_XLS_MB)
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds for a damaged file
        encrypted = "encrypt" in str(exc).lower()
        raise (_unreadable(path, "文件有密码保护", "it is password-protected") if encrypted else
               _unreadable(path, "文件已损坏,或不是Excel 97-2003工作簿",
                           "it is damaged, or not an Excel 97-2003 workbook")) from exc
    try:
        sheets = []
        for index in range(book.nsheets):
            sh = book.sheet_by_index(index)
            if sh.nrows > MAX_ROWS:
                raise too_many_rows(sh.name)

            def rows(sh: Any = sh) -> Iterator[list[Any]]:
                for r in range(sh.nrows):
                    yield [_xls_value(c, book.datemode) for c in sh.row(r)]

            merges = [(clo + 1, rlo + 1, chi, rhi) for rlo, rhi, clo, chi in sh.merged_cells]
            sheets.append(SourceSheet(sh.name, sh.nrows, rows, lambda m=merges: m))
        yield sheets
    finally:
        book.release_resources()


def csv_encoding(path: Path) -> str:
    """The first of CSV_ENCODINGS the whole file decodes in (read in 1 MB pieces)."""
    for encoding in CSV_ENCODINGS:
        try:
            with path.open(encoding=encoding, newline="") as f:
                while f.read(1 << 20):
                    pass
            return encoding
        except UnicodeDecodeError:
            continue
    raise ValidationError("csv_encoding_unknown", file=path.name)


def csv_delimiter(path: Path, encoding: str) -> str:
    """The delimiter that splits the first rows into the most columns (the header's row wins).

    csv.Sniffer wants every row alike and is thrown by a title row above the header.
    """
    with path.open(encoding=encoding, newline="") as f:
        lines = [line for line in itertools.islice(f, 20) if line.strip()]
    best, most = ",", 1
    for delimiter in CSV_DELIMITERS:
        try:
            width = max((len(r) for r in csv.reader(lines, delimiter=delimiter)), default=1)
        except csv.Error:
            continue
        if width > most:
            best, most = delimiter, width
    return best


@contextmanager
def _csv(path: Path) -> Iterator[list[SourceSheet]]:
    if path.stat().st_size > MAX_UNCOMPRESSED_MB * 2**20:
        raise _too_big(path)
    encoding = csv_encoding(path)
    delimiter = csv_delimiter(path, encoding)

    def rows() -> Iterator[list[Any]]:
        with path.open(encoding=encoding, newline="") as f:
            try:
                for record in csv.reader(f, delimiter=delimiter):
                    yield [value if value.strip() else None for value in record]
            except csv.Error as exc:
                raise _unreadable(path, "CSV格式有误", f"the CSV is malformed ({exc})") from exc

    yield [SourceSheet(path.stem, 0, rows, list)]


@contextmanager
def open_sheets(path: Path) -> Iterator[list[SourceSheet]]:
    """The sheets of a legacy log (.xlsx, .xlsm, .xls or .csv), refused beyond the limits."""
    try:
        with path.open("rb") as f:
            magic = f.read(8)
    except OSError as exc:
        raise ValidationError("excel_unreadable", file=path.name, detail=str(exc)) from exc
    if magic.startswith(_OLE) and path.suffix.lower() in (".xlsx", ".xlsm"):
        # Excel keeps a password-protected .xlsx in a compound document, as it does an .xls
        raise _unreadable(path, "文件有密码保护,请先在Excel中取消密码", "it is password-protected: remove the "
                          "password in Excel first")
    if magic.startswith(_OLE):
        opener: Callable[[Path], Any] = _xls
    elif magic.startswith(_ZIP):
        opener = _xlsx
    elif path.suffix.lower() in (".csv", ".txt"):
        opener = _csv
    elif path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise _unreadable(path, "文件已损坏,不是有效的Excel工作簿", "it is damaged, not a valid Excel workbook")
    else:
        raise ValidationError("import_format_unknown", file=path.name)
    with opener(path) as sheets:
        yield sheets
