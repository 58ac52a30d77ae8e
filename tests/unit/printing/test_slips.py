"""The slips as printed: text extracted from the PDFs, pages, repeated headers, the RMA code."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp

from app.printing import slips
from app.printing.data import ANALYSIS_ROLES, AnalysisFormData, ReworkOrderData, Signature
from main import main
from tests.unit.printing import samples
from tests.unit.printing.pdftools import (
    fonts_of,
    pages_of,
    rasterise,
    signature_boxes,
    squeeze,
    text_of,
)
from tests.unit.services.helpers import planned

LEGEND = "责任划分代号: 1 顾客 2 供方 3 制造 4 售后 5 物控 6 运输 7 设计 8 销售 9 其它"


def _render(render, data, tmp_path: Path, name: str) -> Path:
    pdf = tmp_path / f"{name}.pdf"
    render(data, pdf)
    return pdf


def test_analysis_form_fields_legend_and_capital_total(tmp_path: Path) -> None:
    pdf = _render(slips.render_analysis, samples.ANALYSIS, tmp_path, "analysis")
    text = text_of(pdf)
    flat = squeeze(text)
    assert "退货分析处理单" in text and "Return Analysis and Handling Form" in text
    for zh, en, _w in slips.ANALYSIS_COLUMNS:
        assert zh in flat and squeeze(en) in flat
    assert LEGEND in text
    assert "根据退货产品责任划分原则,本次共退款给客户金额:小写¥1,409.50,大写壹仟肆佰零玖元伍角" in text
    assert "编号 Form No.: QR-8.3-02" in text and "版次 Rev.: B" in text
    assert "华东电气设备有限公司" in text and "2026-03-05" in text and "RMA-2026-000123" in text
    for role in ANALYSIS_ROLES:
        assert role in flat
    boxes = signature_boxes(text, "销售代表")
    assert list(boxes) == list(ANALYSIS_ROLES)
    assert boxes["销售代表"] == ("李销售", "2026-03-08") and boxes["品质测试技术员"] == ("陈品质", "2026-03-08")
    assert boxes["销售主管"] == ("", "")
    for shown in ("DZ47-63 C1", "10 只", "18.50", "185.00", "通电后不动作", "触点焊接温度偏低,虚焊", "3 制造",
                  "修复后再出货", "50%", "92.50", "6 运输", "报废", "100%", "1,317.00", "1,502.00", "1,409.50"):
        assert shown in text, shown
    assert "第1页/共1页" in flat


def test_forty_lines_span_pages_with_repeated_header_and_page_numbers(tmp_path: Path) -> None:
    pdf = _render(slips.render_analysis, samples.analysis_many(40), tmp_path, "forty")
    pages = pages_of(pdf)
    assert len(pages) >= 2
    for i, page in enumerate(pages, start=1):
        flat = squeeze(page)
        for zh, _en, _w in slips.ANALYSIS_COLUMNS:
            assert zh in flat, (i, zh)  # the table header on every page
        assert f"第{i}页/共{len(pages)}页" in flat
        assert "QR-8.3-02" in page and "RMA-2026-000123" in page
    assert "退货分析处理单(续)" in squeeze(pages[1])
    rows_seen = [n for n in range(1, 41) if any(f"DZ47-63 C{n} " in p for p in pages)]
    assert rows_seen == list(range(1, 41))
    assert "DZ47-63 C40" in pages[-1] and "大写叁仟柒佰元整" in pages[-1]


def test_analysis_total_must_match_its_rows() -> None:
    with pytest.raises(ValueError, match="differs"):
        AnalysisFormData(form=samples.form(), customer="x", on=date(2026, 3, 5),
                         rows=samples.ANALYSIS.rows, total_refund=Decimal("1409.00"))
    with pytest.raises(ValueError, match="unknown signature"):
        AnalysisFormData(form=samples.form(), customer="x", on=date(2026, 3, 5),
                         rows=samples.ANALYSIS.rows, signoffs={"厂长": Signature("x")})
    assert samples.ANALYSIS.total_refund == Decimal("1409.50")


def test_notice_shows_every_step_recorded_on_one_page(tmp_path: Path) -> None:
    pdf = _render(slips.render_notice, samples.NOTICE, tmp_path, "notice")
    text = text_of(pdf)
    flat = squeeze(text)
    assert "客退品处理通知单" in text and "编号 Form No.: QR-8.3-01" in text and "版次 Rev.: A" in text
    for shown in ("RMA-2026-000123", "华东电气设备有限公司", "物流发回", "紧急", "SO-2026-0311", "DN-88120",
                  "INV-5531", "隔离区A-01", "外箱破损一处,已拍照", "王仓管", "NM1-125/3300 100A", "已使用",
                  "未拆封", "通电后不动作", "按质保处理,合格后退回客户", "李销售", "同意", "张总",
                  "触点烧蚀,外壳完好", "制造不良", "触点材料不良,焊接温度偏低", "3 制造", "6 运输", "修复后再出货",
                  "50%", "100%", "M-1001", "银合金触点", "36.00", "49.00", "赵师傅", "2.50", "32.00", "80.00",
                  "15.00", "356.00", "陈品质", "周工", "孙计划"):
        assert shown in text, shown
    assert LEGEND in text
    # re-inspection of line 1: reworked 20 → 18 qualified, 1 unqualified, 1 scrapped
    assert re.search(r"1\s+DZ47-63 C1\s+20\s+18\s+1\s+1\n", text)
    assert signature_boxes(text, "仓管员") == {
        "仓管员": ("王仓管", "2026-03-05"), "销售确认": ("李销售", "2026-03-05"), "总经理批准": ("张总", "2026-03-06"),
        "品质检验": ("陈品质", "2026-03-06"), "技术部判定": ("周工", "2026-03-07"),
        "生产计划": ("孙计划", "2026-03-07"), "复检": ("", "")}
    assert len(pages_of(pdf)) == 1 and "第1页/共1页" in flat


def test_a_fresh_notice_leaves_later_steps_blank(tmp_path: Path) -> None:
    fresh = replace(samples.NOTICE, materials=(), labour=(), loss_cost=None, sales_confirmed=Signature(),
                    approved=Signature(), inspected=Signature(), decided=Signature(),
                    rework_planned=Signature(), sales_requirements="", approval_note="",
                    lines=tuple(replace(ln, findings="", final_cause="", liability_code=None, disposition="",
                                        refund_ratio=None, rework_qty=None, qty_qualified=None,
                                        qty_unqualified=None, qty_scrapped=None)
                                for ln in samples.NOTICE.lines))
    text = text_of(_render(slips.render_notice, fresh, tmp_path, "fresh"))
    assert "王仓管" in text and "DZ47-63 C1" in text
    assert signature_boxes(text, "仓管员")["仓管员"] == ("王仓管", "2026-03-05")
    assert set(signature_boxes(text, "仓管员").values()) == {("王仓管", "2026-03-05"), ("", "")}
    without_legend = text.replace(LEGEND, "")
    for absent in ("李销售", "张总", "3 制造", "修复后再出货", "银合金触点", "赵师傅", "356.00"):
        assert absent not in without_legend, absent
    assert "物料名称" in text and "人员" in text  # the cost tables are there, empty, to write in


def test_liaison_note_ticks_its_reasons(tmp_path: Path) -> None:
    text = text_of(_render(slips.render_liaison, samples.LIAISON, tmp_path, "liaison"))
    flat = squeeze(text)
    assert "联络单" in text and "QR-8.3-03" in text
    assert "■顾客使用不当" in flat and "□非本公司产品" in flat and "■客户需要补货" in flat
    for shown in ("营销部", "品质部", "华东电气设备有限公司", "陈品质", "2026-03-06", "客户要求补发同型号20只",
                  "DZ47-63 C1", "20 只", "通电后不动作", "营销部处理意见"):
        assert shown in text, shown
    assert signature_boxes(text, "发出人") == {"发出人": ("陈品质", "2026-03-06"),
                                            "营销部签收": ("李销售", "2026-03-07"), "营销部主管": ("", "")}


def test_rework_order_lines_dates_and_blank_rows_to_write_in(tmp_path: Path) -> None:
    text = text_of(_render(slips.render_rework_order, samples.REWORK, tmp_path, "rework"))
    assert "返工单" in text and "QR-8.3-04" in text
    assert re.search(r"1\s+DZ47-63 C16\s+L2601\s+20 只\s+修复后再出货", text)
    for shown in ("2026-03-07", "2026-03-09", "更换触点后做通断及温升试验", "银合金触点", "赵师傅",
                  "返工应在计划后2天内完成"):
        assert shown in text, shown
    assert signature_boxes(text, "计划员")["计划员"] == ("孙计划", "2026-03-07")
    empty = ReworkOrderData(**{**samples.REWORK.__dict__, "materials": (), "labour": ()})
    text = text_of(_render(slips.render_rework_order, empty, tmp_path, "empty"))
    assert "物料名称" in text and "银合金触点" not in text and "赵师傅" not in text


def test_every_slip_carries_a_scannable_rma_code(tmp_path: Path) -> None:
    for name, render, data in (("notice", slips.render_notice, samples.NOTICE),
                               ("analysis", slips.render_analysis, samples.analysis_many(40)),
                               ("liaison", slips.render_liaison, samples.LIAISON),
                               ("rework", slips.render_rework_order, samples.REWORK)):
        pdf = _render(render, data, tmp_path, name)
        for page in rasterise(pdf, 300):
            top = page.crop((0, 0, page.width, page.height // 8))
            assert [(r.text, r.format.name) for r in zxingcpp.read_barcodes(top)] == \
                [("RMA-2026-000123", "Code128")], name


def test_slips_embed_the_cjk_font_only(tmp_path: Path) -> None:
    for render, data in ((slips.render_notice, samples.NOTICE), (slips.render_analysis, samples.ANALYSIS),
                         (slips.render_liaison, samples.LIAISON), (slips.render_rework_order, samples.REWORK)):
        fonts = fonts_of(_render(render, data, tmp_path, "f"))
        assert fonts and all("WenQuanYiMicroHei" in name and embedded for name, embedded in fonts)


def test_slip_to_a_binary_stream() -> None:
    stream = io.BytesIO()
    slips.render_liaison(samples.LIAISON, stream)
    assert stream.getvalue().startswith(b"%PDF") and stream.getvalue().rstrip().endswith(b"%%EOF")


def test_every_slip_from_a_real_return(factory, actors, db_url, monkeypatch, tmp_path, capsys) -> None:
    planned(factory, actors)
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    rma_no = "RMA-2026-000001"
    expected = {
        "notice": ["客退品处理通知单", "华东电气设备有限公司", "隔离区A-01", "按质保处理", "触点材料不良",
                   "3 制造", "修复后再出货", "王仓管", "李销售", "张总", "同意", "SO-2026-0311"],
        "analysis": ["退货分析处理单", "DZ47-63 C16", "370.00", "185.00", "大写壹佰捌拾伍元整"],
        "liaison": ["联络单", "营销部", "□ 顾客使用不当"],
        "rework": ["返工单", "2026-03-06", "2026-03-08", "DZ47-63 C16", "修复后再出货"],
    }
    for form, needles in expected.items():
        pdf = tmp_path / f"{form}.pdf"
        assert main(["slip", rma_no, "--form", form, "--pdf", str(pdf)]) == 0
        text = text_of(pdf)
        for needle in needles:
            assert needle in text, (form, needle)
        assert re.search(r"编号 Form No.: QR-8\.3-0\d", text)
    assert main(["label", rma_no, "--size", "100x50", "--dpi", "300", "--pdf", str(tmp_path / "l.pdf")]) == 0
    (page,) = rasterise(tmp_path / "l.pdf", 300)
    assert zxingcpp.read_barcodes(page)[0].text == "RMA-2026-000001-1"
    assert main(["label", "RMA-2026-999999", "--pdf", str(tmp_path / "n.pdf")]) == 1
    assert "找不到退货单: RMA-2026-999999" in capsys.readouterr().err
