"""The printed forms' signature boxes carry the e-signatures: the analysis form's six sign-offs
and the notice's sales confirmation and approval show signer and time (pdftotext), a void
signature prints 已失效 — on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from app.printing import records, slips
from app.printing.data import ANALYSIS_ROLES
from app.services import corrections, returns, signatures
from app.services.signatures import Step
from tests.unit.printing.pdftools import signature_boxes, text_of
from tests.unit.services.helpers import PW, signed_decided


def _local(at) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def _signed_return(factory, actors) -> tuple[int, str]:
    rid, _lid = signed_decided(factory, actors)
    with factory() as s:
        return rid, returns.get_return(s, rid).rma_no


def test_the_analysis_form_prints_the_countersigners_and_a_void_one_as_such(factory, actors, tmp_path: Path) -> None:
    rid, rma_no = _signed_return(factory, actors)
    with factory() as s:
        blank = records.analysis_data(s, rma_no)
    slips.render_analysis(blank, tmp_path / "blank.pdf")
    boxes = signature_boxes(text_of(tmp_path / "blank.pdf"), ANALYSIS_ROLES[0])
    assert all(v == ("", "") for v in boxes.values())  # nothing signed yet: six empty boxes

    signers = {Step.ANALYSIS_SALES_REP: "sales", Step.ANALYSIS_QA_TESTER: "qa", Step.ANALYSIS_PMC: "pmc"}
    at = {}
    for step, login in signers.items():
        with factory.begin() as s:
            sig = signatures.countersign(s, actors[login], rid, step, PW)
            at[step] = (sig.signer_name, _local(sig.signed_at))
    with factory() as s:
        data = records.analysis_data(s, rma_no)
    slips.render_analysis(data, tmp_path / "analysis.pdf")
    boxes = signature_boxes(text_of(tmp_path / "analysis.pdf"), ANALYSIS_ROLES[0])
    by_box = dict(zip(signatures.ANALYSIS_BOXES, ANALYSIS_ROLES, strict=True))
    for step, (name, when) in at.items():
        assert boxes[by_box[step]] == (name, when)
    assert boxes[by_box[Step.ANALYSIS_SALES_HEAD]] == ("", "")

    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)
    with factory.begin() as s:
        corrections.reopen_return(s, actors["mgr"], rid, reason="客户追加索赔")
    with factory() as s:
        slips.render_analysis(records.analysis_data(s, rma_no), tmp_path / "reopened.pdf")
    boxes = signature_boxes(text_of(tmp_path / "reopened.pdf"), ANALYSIS_ROLES[0])
    assert boxes[by_box[Step.ANALYSIS_PMC]] == ("已失效 void", "")


def test_the_notice_prints_the_signed_confirmation_and_approval_with_their_time(factory, actors, tmp_path) -> None:
    rid, rma_no = _signed_return(factory, actors)
    with factory() as s:
        views = signatures.signatures_of_return(s, rid)
        data = records.notice_data(s, rma_no)
    slips.render_notice(data, tmp_path / "notice.pdf")
    text = text_of(tmp_path / "notice.pdf")
    boxes = signature_boxes(text, "仓管员")
    confirm = views[("rma_return", rid, "sales_confirm")]
    approve = views[("rma_return", rid, "manager_approve")]
    # the notice's seven boxes are narrow: the time wraps below the date in its box
    assert boxes["销售确认"] == (confirm.signer_name, _local(confirm.signed_at)[:10])
    assert boxes["总经理批准"] == (approve.signer_name, _local(approve.signed_at)[:10])
    below = text[text.rindex("仓管员"):]
    assert _local(confirm.signed_at)[11:] in below and _local(approve.signed_at)[11:] in below
