"""Legacy logs as .xls and .csv, and files beyond the import limits or with nothing to read."""

from __future__ import annotations

import csv
import dataclasses
import tracemalloc
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.excel import sources
from app.excel.importer import import_workbook
from app.excel.legacy import LegacyReadResult, NothingToRead, read_legacy_workbook
from db.models import ReturnLine
from main import main
from tests.unit.excel.workbooks import SAMPLE, ZH_HEADER, make_workbook, zh_row

SAMPLE_XLS = SAMPLE.with_suffix(".xls")  # the sample saved by LibreOffice as Excel 97-2003


def rows_of(result: LegacyReadResult) -> list[dict[str, Any]]:
    return [dataclasses.asdict(r) | {"sheet": ""} for r in result.rows]


def rejects_of(result: LegacyReadResult) -> list[tuple[int, list[str]]]:
    return [(r.row, [p.field for p in r.problems]) for r in result.rejects]


# ---------------------------------------------------------------- .xls


def test_xls_sample_reads_exactly_as_the_xlsx() -> None:
    """Merged cells, two-row headers, dates: the same header rules, the same rows and rejects."""
    xlsx, xls = read_legacy_workbook(SAMPLE), read_legacy_workbook(SAMPLE_XLS)
    assert xls.sheets_read == xlsx.sheets_read == ["3月", "4月", "5月"]
    assert len(xls.rows) == 119 and [dataclasses.asdict(r) for r in xls.rows] == [
        dataclasses.asdict(r) for r in xlsx.rows]
    assert rejects_of(xls) == rejects_of(xlsx) and len(xls.rejects) == 19
    assert xls.rows_skipped == xlsx.rows_skipped
    assert [r.message("en") for r in xls.rejects] == [r.message("en") for r in xlsx.rejects]


def test_a_damaged_xls_is_refused_in_the_users_words(tmp_path: Path) -> None:
    bad = tmp_path / "坏.xls"
    bad.write_bytes(SAMPLE_XLS.read_bytes()[:3000])
    with pytest.raises(ValidationError) as err:
        read_legacy_workbook(bad)
    assert err.value.message("zh") == "无法读取Excel文件“坏.xls”: 文件已损坏,或不是Excel 97-2003工作簿"
    assert err.value.message("en") == "Cannot read the Excel file “坏.xls”: it is damaged, or not an Excel 97-2003 workbook"


# ---------------------------------------------------------------- .csv

ROWS = [
    ["客户退货登记表"],
    ZH_HEADER,
    zh_row(1),
    zh_row(2, 客户名称="苏州新锐电子", 订单号="SO-2", 数量="3件", 单价="¥1,234.50", 责任判定="制造"),
    zh_row(3, 数量="abc"),                                    # rejected
    zh_row(4, 退货日期="2025/3/7", 退款金额="100", 退款比例=None, 备注="客户说; 噪音, 大"),
    [None, "合计", None, None, None, None, None, 13],         # a total row: skipped
]


def write_csv(path: Path, rows: list[list[Any]], encoding: str, delimiter: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows([["" if v is None else v for v in r] for r in rows])
    return path


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ";"), ("gb18030", "\t"), ("gb18030", ",")])
def test_csv_in_each_encoding_reads_as_the_xlsx(tmp_path: Path, encoding: str, delimiter: str) -> None:
    xlsx = read_legacy_workbook(make_workbook(tmp_path / "log.xlsx", {"S": ROWS}))
    path = write_csv(tmp_path / "退货台账.csv", ROWS, encoding, delimiter)
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = read_legacy_workbook(path)
    assert result.sheets_read == ["退货台账"]
    assert len(result.rows) == 3 and rows_of(result) == rows_of(xlsx)
    assert rejects_of(result) == rejects_of(xlsx) == [(5, ["qty"])]
    assert result.rows_skipped == xlsx.rows_skipped == 1
    assert result.rows[0].customer == "重庆长鸣机电" and result.rows[2].notes == "客户说; 噪音, 大"


def test_csv_in_another_encoding_says_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes("客户".encode("utf-16"))
    with pytest.raises(ValidationError) as err:
        read_legacy_workbook(path)
    assert err.value.key == "csv_encoding_unknown" and "CSV UTF-8" in err.value.message("en")


def test_an_unknown_file_type_is_named(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ValidationError) as err:
        read_legacy_workbook(path)
    assert err.value.message("en") == "Cannot read “log.pdf”: only .xlsx, .xlsm, .xls and .csv files are supported"


# ---------------------------------------------------------------- nothing to read


def test_a_workbook_of_empty_sheets_says_which_were_skipped_and_why(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "空.xlsx", {"Sheet1": [], "说明": [["本表记录退货"]]})
    with pytest.raises(NothingToRead) as err:
        read_legacy_workbook(path)
    assert [s.key for s in err.value.sheets_skipped] == ["sheet_empty", "sheet_no_header"]
    assert err.value.message("zh") == (
        "“空.xlsx”中没有可导入的台账工作表: 工作表“Sheet1”是空的,已跳过;"
        "工作表“说明”前10行中没有找到台账表头(至少3个已知列名),已跳过")
    assert err.value.message("en").startswith(
        "“空.xlsx” holds no sheet to import as a log: Sheet “Sheet1” is empty; skipped; Sheet “说明”: no log header")


def test_an_empty_csv_is_an_empty_sheet(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(b"")
    with pytest.raises(NothingToRead) as err:
        read_legacy_workbook(path)
    assert err.value.message("en") == "“log.csv” holds no sheet to import as a log: Sheet “log” is empty; skipped"


def test_a_workbook_without_sheets_says_so(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "book.xlsx", {"S": [["x"]]})
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp_path / "none.xlsx", "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(data[data.index(b"<sheets>"):data.index(b"</sheets>") + 9], b"<sheets/>")
            dst.writestr(info, data)
    with pytest.raises(NothingToRead) as err:
        read_legacy_workbook(tmp_path / "none.xlsx")
    assert err.value.message("zh") == "“none.xlsx”中没有任何工作表或数据"


def test_the_cli_says_why_nothing_was_imported(db_url, monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "en")
    monkeypatch.setenv("RMA_PASSWORD", "1234")
    path = make_workbook(tmp_path / "empty.xlsx", {"Sheet1": []})
    assert main(["import", str(path), "--user", "qa", "--dry-run"]) == 1
    assert capsys.readouterr().err.strip() == (
        "“empty.xlsx” holds no sheet to import as a log: Sheet “Sheet1” is empty; skipped")


# ---------------------------------------------------------------- limits


def _bomb(path: Path, megabytes: int) -> Path:
    """A real zip bomb: a valid workbook whose sheet is `megabytes` MB of the same rows."""
    make_workbook(path.with_name("seed.xlsx"), {"S": [ZH_HEADER]})
    row = b'<row><c t="inlineStr"><is><t>2025-03-05</t></is></c><c t="inlineStr"><is><t>ACME</t></is></c></row>'
    chunk = row * 10_000
    with zipfile.ZipFile(path.with_name("seed.xlsx")) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info))
                continue
            xml = src.read(info)
            head, tail = xml.split(b"<sheetData>")[0], xml.split(b"</sheetData>")[1]
            with dst.open(info.filename, "w", force_zip64=True) as f:
                f.write(head + b"<sheetData>")
                written = 0
                while written < megabytes * 2**20:
                    f.write(chunk)
                    written += len(chunk)
                f.write(b"</sheetData>" + tail)
    return path


def _no_parsing(monkeypatch) -> None:
    def refuse(*_a: Any, **_k: Any) -> None:
        raise AssertionError("the workbook was handed to openpyxl")
    monkeypatch.setattr(sources.openpyxl, "load_workbook", refuse)


@pytest.mark.parametrize("megabytes", [300, 40])  # beyond 200 MB in all; a 40 MB part packed 1000×
def test_a_zip_bomb_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch, megabytes: int) -> None:
    path = _bomb(tmp_path / "bomb.xlsx", megabytes)
    assert path.stat().st_size < 2 * 2**20  # a few hundred KB to a MB on disk
    _no_parsing(monkeypatch)
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as err:
            read_legacy_workbook(path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 2**20  # bounded: only the zip directory was read
    assert err.value.key == "import_too_big"
    assert err.value.message("zh") == "文件“bomb.xlsx”解压后超过200 MB(或压缩比异常),不予导入"


def test_a_sheet_declaring_too_many_rows_is_refused_at_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sources, "MAX_ROWS", 50)
    path = make_workbook(tmp_path / "big.xlsx", {"S": [ZH_HEADER] + [zh_row(i) for i in range(1, 60)]})
    pulled = []
    monkeypatch.setattr(sources, "_xlsx_rows", lambda ws: lambda: pulled.append(1) or iter(()))
    with pytest.raises(ValidationError) as err:
        read_legacy_workbook(path)
    assert err.value.message("en") == "Sheet “S” has more than 50 rows: not imported; split it into several files"
    assert pulled == []  # refused from the sheet's dimension, before a row was read


def test_a_sheet_hiding_its_row_count_stops_at_the_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sources, "MAX_ROWS", 50)
    made = make_workbook(tmp_path / "made.xlsx", {"S": [ZH_HEADER] + [zh_row(i) for i in range(1, 500)]})
    path = tmp_path / "hidden.xlsx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start = data.index(b"<dimension")
                data = data[:start] + data[data.index(b"/>", start) + 2:]
            dst.writestr(info, data)
    assert openpyxl.load_workbook(path, read_only=True).worksheets[0].max_row is None
    seen: list[int] = []
    real = sources._xlsx_rows

    def counting(ws: Any) -> Any:
        def rows() -> Any:
            for cells in real(ws)():
                seen.append(1)
                yield cells
        return rows
    monkeypatch.setattr(sources, "_xlsx_rows", counting)
    with pytest.raises(ValidationError) as err:
        read_legacy_workbook(path)
    assert err.value.key == "import_too_many_rows"
    assert len(seen) == 51  # it stopped at the first row past the limit, not at row 500


def test_csv_and_xls_are_bounded_by_their_size(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sources, "MAX_UNCOMPRESSED_MB", 0)
    monkeypatch.setattr(sources, "MAX_XLS_MB", 0)
    for path in (write_csv(tmp_path / "a.csv", ROWS, "utf-8", ","), SAMPLE_XLS):
        with pytest.raises(ValidationError) as err:
            read_legacy_workbook(path)
        assert err.value.key == "import_too_big"


# ---------------------------------------------------------------- values the station cannot hold


BAD = [
    ZH_HEADER,
    zh_row(1, 订单号="S" * 65),
    zh_row(2, 批号="L" * 100),
    zh_row(3, 数量=10**12),
    zh_row(4, 备注="噪音\x00大"),
    zh_row(5, 单价="10000000000000"),
    zh_row(6, 客户名称="客" * 201),
    zh_row(7),
]


def test_values_beyond_the_columns_are_rejects_with_sheet_row_and_reason(tmp_path: Path) -> None:
    result = read_legacy_workbook(write_csv(tmp_path / "bad.csv", BAD, "utf-8", ","))
    assert len(result.rows) == 1 and result.rows[0].row == 8
    assert [(r.sheet, r.row, r.field, r.key) for r in result.rejects] == [
        ("bad", 2, "order no", "text_too_long"), ("bad", 3, "lot", "text_too_long"),
        ("bad", 4, "qty", "qty_too_large"), ("bad", 5, "notes", "text_control_char"),
        ("bad", 6, "unit price", "amount_too_large"), ("bad", 7, "customer", "text_too_long")]
    assert result.rejects[0].message("zh") == "订单号最长64个字符,当前65个"
    assert result.rejects[2].message("en") == "Quantity is at most 1,000,000, not 1,000,000,000,000"
    assert result.rejects[3].message("en") == "Notes holds a control character (U+0000) at position 3: remove it"
    assert result.rejects[0].fault_columns == [ZH_HEADER.index("订单号")]


def test_importing_such_a_file_imports_the_good_row_and_rejects_the_rest(factory, actors, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD, "gb18030", ",")
    with factory.begin() as s:
        result = import_workbook(s, actors["qa"], path)
    assert result.lines_imported == 1 and len(result.rejects) == 6
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(ReturnLine)) == 1
        assert s.scalar(select(ReturnLine.amount)) == Decimal("235.00")


def test_the_cli_imports_xls_and_csv_logs(db_url, monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "en")
    monkeypatch.setenv("RMA_PASSWORD", "1234")
    assert main(["import", str(SAMPLE_XLS), "--user", "qa", "--dry-run"]) == 0
    assert "would import 119 lines" in capsys.readouterr().out
    path = write_csv(tmp_path / "log.csv", ROWS, "gb18030", ",")
    assert main(["import", str(path), "--user", "qa"]) == 0
    out = capsys.readouterr().out
    assert "imported 3 lines" in out and "1 rows rejected" in out


# ---------------------------------------------------------------- .xlsx cells


def test_xlsx_cells_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    """The reader's short way for inline strings gives what openpyxl's own read gives: plain
    and rich text (runs joined, phonetic guides left out), empty text, numbers, dates,
    booleans, a formula's cached value, and rows missing from the file."""
    from datetime import date as _date

    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["客户名称", CellRichText(["深圳", TextBlock(InlineFont(b=True), "鹏达")]), "", 12, 0.035])
    ws.append([_date(2025, 3, 4), True, None, "=1+2", "  空格 "])
    ws["C7"] = "after a gap"
    path = wb.save(tmp_path / "cells.xlsx") or tmp_path / "cells.xlsx"
    with zipfile.ZipFile(path) as z:  # the file holds the cases meant, not shared strings only
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert 't="inlineStr"' in sheet and "<r>" in sheet
    expected = openpyxl.load_workbook(path, read_only=True, data_only=True).worksheets[0]
    expected.reset_dimensions()
    with sources.open_sheets(path) as sheets:
        got = [cells for _n, cells in sheets[0].rows()]
    assert got == [list(r) for r in expected.iter_rows(values_only=True)]
    assert got[0][:3] == ["客户名称", "深圳鹏达", None] and got[6] == [None, None, "after a gap"]
