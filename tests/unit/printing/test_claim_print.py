"""The printed supplier claim notice (供应商索赔单), read back with pdftotext and rasterised."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from app.printing.claim import amount_sentence, claim_data, render_claim
from app.services import claims
from tests.unit.printing.pdftools import pages_of, rasterise, squeeze
from tests.unit.services.claims_helpers import supplier, supplier_line


def test_the_claim_notice_prints_lines_amounts_and_the_answer(factory, actors, tmp_path: Path) -> None:
    sid = supplier(factory, actors)
    l1, l2 = supplier_line(factory, actors), supplier_line(factory, actors, ratio="1")
    with factory.begin() as s:
        cid = claims.create_claim(s, actors["qa"], sid, [l1, l2], note="触点材料硬度不足,见检验报告",
                                  today=date(2026, 3, 10)).id
        claims.set_claimed_amount(s, actors["qa"], cid, "600.00", "另加检验费45元")
        claims.send(s, actors["qa"], cid, sent_on=date(2026, 3, 11))
        claims.record_answer(s, actors["qa"], cid, "partly_accepted", accepted_amount="500.00",
                             reply="检验费不认可", answered_on=date(2026, 3, 20))
        claims.credit(s, actors["mgr"], cid, "500.00", credit_ref="CN-0325", credited_on=date(2026, 3, 25))
    with factory() as s:
        data = claim_data(s, cid)
    out = tmp_path / "claim.pdf"
    render_claim(data, out)
    pages = pages_of(out)
    assert len(pages) == 1
    text = squeeze(pages[0])
    for expected in ("供应商索赔单", "SupplierClaimNotice", "SC-2026-000001", "温州精密触点有限公司", "S-001",
                     "DZ47-63C16", "185.00", "370.00", "555.00", "另加检验费45元", "触点材料硬度不足",
                     "检验费不认可", "CN-0325", "2026-03-25", "部分接受", squeeze(amount_sentence(data.claimed_amount))):
        assert expected in text, expected
    assert "陆佰元整" in text
    image = rasterise(out, 60)[0]
    assert image.size[0] < image.size[1]  # A4 portrait
    # the page is not blank: more than a few percent of it is ink
    grey = image.convert("L")
    dark = sum(grey.histogram()[:128])
    assert dark > 0.01 * grey.size[0] * grey.size[1]


def test_the_handling_notice_prints_each_lines_warranty(factory, actors, tmp_path: Path) -> None:
    from app.printing.records import notice_data
    from app.printing.slips import render_notice
    from app.services import warranty
    from app.services.returns import LineDraft
    from tests.unit.services.helpers import draft, line_ids, received

    rid = received(factory, actors, draft(
        LineDraft(model="DZ47-63 C16", qty_counted=5, manufacture_date=date(2024, 3, 5)),
        LineDraft(model="DZ47-63 C16", qty_counted=3, manufacture_date=date(2023, 6, 1)),
        LineDraft(model="DZ47-63 C16", qty_counted=2)))
    l2 = line_ids(factory, rid)[1]
    with factory.begin() as s:
        warranty.confirm_out_of_warranty(s, actors["sales"], l2, "有偿维修")
    with factory() as s:
        from app.services.returns import get_return
        data = notice_data(s, get_return(s, rid).rma_no)
    assert [ln.warranty for ln in data.lines] == ["保内\n至2026-03-05", "保外\n至2025-06-01\n销售已确认", "质保未知"]
    out = tmp_path / "notice.pdf"
    render_notice(data, out)
    # read in the order the cells were drawn (not -layout): each cell's lines stay together
    raw = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
    text = squeeze(raw)
    assert "质保" in text and "Warranty" in text
    assert "保内至2026-03-05" in text and "保外至2025-06-01销售已确认" in text and "质保未知" in text
