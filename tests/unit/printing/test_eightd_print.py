"""The 8D report, the liaison note with sales' reply, and the printed history, read back
with pdftotext and rasterised with pdftoppm."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from app.printing import eightd as eightd_print
from app.printing import records, slips
from app.services import eightd, history, inspection, liaison, returns
from tests.unit.printing.pdftools import pages_of, rasterise, squeeze
from tests.unit.services.helpers import approved, decided, line_ids, received


def closed_8d(factory, actors) -> int:
    _rid, lid = decided(factory, actors)
    with factory.begin() as s:
        ca = inspection.open_corrective_action(s, actors["qa"], lid, inspection.CorrectiveDraft(
            owner="张工", due_on=date.today() + timedelta(days=7), problem="触点烧蚀"))
        ca_id = ca.id
    with factory.begin() as s:
        d = eightd.SectionsDraft.of(eightd.get_8d(s, ca_id))
        d.team, d.problem_what, d.problem_how_many = "张工 组长\n李工 质量", "触点烧蚀", "20件"
        d.containment, d.root_cause = "库存全检", "焊接温度偏低"
        d.corrective_action, d.implementation = "调整焊接温度曲线", "3月10日起执行"
        d.verification, d.preventive_action = "连续三批抽检无不良", "更新作业指导书"
        d.fmea_updated, d.closure = True, "小组解散"
        eightd.update_sections(s, actors["qa"], ca_id, d)
        item = eightd.add_action(s, actors["qa"], ca_id, d_step="D5", text="焊接温度改为260度", owner="王工",
                                 due_on=date(2026, 3, 9))
        eightd.complete_action(s, actors["qa"], item.id, date(2026, 3, 8))
    with factory.begin() as s:
        eightd.verify(s, actors["qa"], ca_id, "1234")
    with factory.begin() as s:
        eightd.close(s, actors["qa"], ca_id, "1234")
    return ca_id


def test_8d_report_in_chinese_and_english(factory, actors, tmp_path: Path) -> None:
    ca_id = closed_8d(factory, actors)
    with factory() as s:
        data = eightd_print.eightd_data(s, ca_id)
        assert eightd_print.eightd_data(s, data.no).no == data.no
    zh_pdf, en_pdf = tmp_path / "8d.pdf", tmp_path / "8d-en.pdf"
    eightd_print.render_8d(data, zh_pdf)
    eightd_print.render_8d(data, en_pdf, lang="en")
    text = squeeze("".join(pages_of(zh_pdf)))
    for wanted in ("8D报告", data.no, "D1成立小组", "张工组长", "D4根本原因分析", "焊接温度偏低",
                   "D7预防再发生", "■FMEA已更新", "□控制计划已更新", "焊接温度改为260度", "2026-03-08",
                   "效果验证", "批准关闭", "已关闭", "QR-8.5-01", data.form.rma_no):
        assert wanted in text, wanted
    assert text.count(squeeze(actors["qa"].name)) >= 2  # verified and closed by QA, signed
    en = squeeze("".join(pages_of(en_pdf)))
    for wanted in ("8DReport", "Rootcause", "Verifiedby", "Closedby", "closed", "■FMEAupdated"):
        assert wanted in en, wanted
    assert "根本原因" not in en
    pages = rasterise(zh_pdf, 100)
    assert pages and pages[0].size == (827, 1170)  # A4 at 100 dpi
    pages[0].save(tmp_path / "8d-page1.png")


def test_liaison_note_prints_with_the_reply(factory, actors, tmp_path: Path) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        note = inspection.raise_liaison_note(s, actors["qa"], lid, "replacement", "客户需要补货20件")
    with factory.begin() as s:
        liaison.acknowledge(s, actors["sales"], note.id, "已安排补货,3月12日发出")
    with factory() as s:
        rma_no = returns.get_return(s, rid).rma_no
        data = records.liaison_data(s, rma_no)
    slips.render_liaison(data, tmp_path / "l.pdf")
    text = squeeze("".join(pages_of(tmp_path / "l.pdf")))
    assert "营销部处理意见" in text and "已安排补货,3月12日发出" in text
    assert "■客户需要补货" in text


def test_history_prints_as_a_table(factory, actors, tmp_path: Path) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        line = returns.get_line(s, lid)
        returns.update_line_count(s, actors["wh"], lid, qty_counted=17, expected_version=line.version)
    with factory() as s:
        rows = history.filter_rows(history.return_history(s, rid), field="qty_counted")
        form = eightd_print.history_header(s, returns.get_return(s, rid))
    eightd_print.render_history(rows, form, "退货单 " + form.rma_no, tmp_path / "h.pdf")
    text = squeeze("".join(pages_of(tmp_path / "h.pdf")))
    assert "历史记录" in text and "清点数量" in text and "20" in text and "17" in text


def test_rma_station_eightd_print(factory, actors, db_url, tmp_path: Path, monkeypatch, capsys) -> None:
    from main import main

    ca_id = closed_8d(factory, actors)
    with factory() as s:
        no = eightd.get_8d(s, ca_id).no
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    out = tmp_path / "cli.pdf"
    assert main(["eightd", "print", no, "--pdf", str(out)]) == 0
    assert f"{out}: {no}" in capsys.readouterr().out
    assert "焊接温度偏低" in squeeze("".join(pages_of(out)))
    assert main(["eightd", "print", "8D-1999-0001", "--pdf", str(tmp_path / "none.pdf")]) == 1
    assert "8D-1999-0001" in capsys.readouterr().err
