"""The export of every return line: the right rows and columns, streamed in chunks, cancellable."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

import app.excel.export as export_module
from app.excel.export import COLUMNS, DATE_FORMAT, RATIO_FORMAT, ExportCancelled, export_returns
from app.reports.xlsx import YUAN
from app.services import returns, rework
from app.services.demo import fill_demo
from app.services.returns import LineDraft
from db.models import Customer, Return, ReturnLine
from main import main
from tests.unit.services.helpers import draft, planned, received

HEAD = [c.zh for c in COLUMNS]


def col(name: str) -> int:
    return HEAD.index(name)


def read_rows(path: Path) -> list[list]:
    wb = openpyxl.load_workbook(path)
    return [list(r) for r in wb.active.iter_rows()]


def test_each_line_with_its_header_decision_and_costs(factory, actors, tmp_path: Path) -> None:
    _rid, lid = planned(factory, actors, ratio="0.5")  # 20 × 18.50, liability 3, received 2026-03-05
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("触点", 20, "1.25")],
                                 labour=[rework.LabourEntry("小王", "2", "30.00")], other_cost="5.00")
        rework.finish_rework(s, actors["pmc"], lid)
    with factory.begin() as s:
        rework.record_reinspection(s, actors["qa"], lid, qualified=18, unqualified=0, scrapped=2)
    received(factory, actors, draft(LineDraft(model="DZ47-63 C32", qty_counted=7,
                                              customer_reason="=HYPERLINK(\"http://x\")"),
                                    received_on=date(2026, 3, 9)))
    gone = received(factory, actors, draft(LineDraft(model="DZ47-63 C32", qty_counted=99)))
    with factory.begin() as s:
        returns.cancel_return(s, actors["wh"], gone, "录错")
    received(factory, actors, draft(received_on=date(2026, 4, 1)))  # outside the range

    out = tmp_path / "lines.xlsx"
    with factory() as s:
        n = export_returns(s, out, start=date(2026, 3, 1), end=date(2026, 3, 31))
        rma_no = s.scalar(select(Return.rma_no).join(ReturnLine).where(ReturnLine.id == lid))
    assert n == 2
    cells = read_rows(out)
    assert [c.value for c in cells[0]] == HEAD and len(cells) == 3
    line, undecided = ([c.value for c in r] for r in cells[1:])
    assert line[:4] == [rma_no, f"{rma_no}-1", line[2], "华东电气设备有限公司"]
    assert line[2].date() == date(2026, 3, 5)
    expected = {"型号规格": "DZ47-63 C16", "批号": "L2601", "数量": 20, "单价": 18.5, "金额": 370,
                "最终原因分析": "触点材料不良,焊接温度偏低", "责任判定": "3 制造", "产品处置": "修复后再出货",
                "退款比例": 0.5, "退款金额": 185, "材料": 25, "人工": 60, "其它": 5, "报废价值": 37,
                "外部损失成本": 25 + 60 + 5 + 37 + 185, "合格": 18, "不合格": 0, "报废": 2,
                "单据状态": "已批准", "行状态": "已完成", "到货方式": "物流发回"}
    assert {k: line[col(k)] for k in expected} == expected
    formats = {k: cells[1][col(k)].number_format for k in ("收货日期", "单价", "外部损失成本", "退款比例")}
    assert formats == {"收货日期": DATE_FORMAT, "单价": YUAN, "外部损失成本": YUAN, "退款比例": RATIO_FORMAT}
    # an undecided line: no liability, no refund or loss yet (blank, not 0.00); its amount is known
    assert undecided[col("金额")] == 152.6  # 7 × 21.80
    assert [undecided[col(k)] for k in ("责任判定", "退款金额", "外部损失成本", "材料")] == [None] * 4
    # text a customer typed is text, never a formula that Excel would run
    assert undecided[col("退货原因")] == '=HYPERLINK("http://x")'
    with zipfile.ZipFile(out) as z:
        sheet = next(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    assert b"<f>" not in sheet and b"<f " not in sheet

    with factory() as s:
        assert export_returns(s, tmp_path / "all.xlsx", include_cancelled=True) == 4
    statuses = [r[col("单据状态")].value for r in read_rows(tmp_path / "all.xlsx")[1:]]
    assert statuses.count("已取消") == 1


def test_streams_in_chunks_in_order_while_stations_keep_saving(factory, actors, monkeypatch,
                                                               tmp_path: Path) -> None:
    fill_demo(factory, 120, today=date(2026, 11, 23))
    modes = []

    class SpyWorkbook(openpyxl.Workbook):
        def __init__(self, write_only: bool = False, **kw) -> None:
            modes.append(write_only)
            super().__init__(write_only=write_only, **kw)

    monkeypatch.setattr(export_module, "Workbook", SpyWorkbook)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 1:  # another station saves while the export runs: it must not wait
            with factory.begin() as s:
                s.add(Customer(name="导出期间新增客户"))

    with factory() as s:
        n = export_returns(s, tmp_path / "lines.xlsx", start=date(2026, 2, 1), end=date(2026, 9, 30),
                           progress=progress, chunk_size=25)
        expected = set(s.scalars(
            select(ReturnLine.barcode).join(Return)
            .where(Return.received_on.between(date(2026, 2, 1), date(2026, 9, 30)), Return.status != "cancelled")))
    assert modes == [True]  # openpyxl's write-only (streaming) workbook
    assert n == len(expected) > 100
    assert [d for d, _ in seen] == [*range(25, n, 25), n] and all(t == n for _, t in seen)
    wb = openpyxl.load_workbook(tmp_path / "lines.xlsx", read_only=True)
    rows = list(wb.active.iter_rows(min_row=2, values_only=True))
    barcodes = [r[1] for r in rows]
    assert len(barcodes) == len(set(barcodes)) and set(barcodes) == expected  # every line, once, across pages
    keys = [(r[2], r[0], r[col("行号")]) for r in rows]
    assert keys == sorted(keys)
    with factory() as s:
        assert s.scalar(select(Customer.id).where(Customer.name == "导出期间新增客户"))


def test_cancel_writes_nothing(factory, tmp_path: Path) -> None:
    fill_demo(factory, 60, today=date(2026, 11, 23))
    folder = tmp_path / "out"
    folder.mkdir()
    calls = []
    with factory() as s, pytest.raises(ExportCancelled):
        export_returns(s, folder / "lines.xlsx", chunk_size=10, progress=lambda d, t: calls.append(d),
                       is_cancelled=lambda: bool(calls))
    assert calls == [10]
    assert list(folder.iterdir()) == []  # neither the workbook nor a half-written temporary file


def test_export_command(db_url, monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "en")
    from db.engine import make_engine, make_session_factory

    engine = make_engine(db_url)
    fill_demo(make_session_factory(engine), 40, today=date(2026, 11, 23))
    engine.dispose()
    out = tmp_path / "march.xlsx"
    assert main(["export", "returns", "--from", "2026-03-01", "--to", "2026/3/31", "--xlsx", str(out)]) == 0
    said = capsys.readouterr().out
    n = len(read_rows(out)) - 1
    assert f"{n} lines exported" in said and n >= 0
    assert all(date(2026, 3, 1) <= r[2].value.date() <= date(2026, 3, 31) for r in read_rows(out)[1:])
    assert main(["export", "returns", "--from", "2026-04-01", "--to", "2026-03-01", "--xlsx", str(out)]) == 2
    assert "is after" in capsys.readouterr().err
    assert main(["export", "returns", "--from", "yesterday", "--xlsx", str(out)]) == 1
    assert "yesterday" in capsys.readouterr().err
