"""The claims list as a workbook (供应商索赔台账): one row per claim, then one per claimed line.

Step served: QA hands the claims ledger to finance. Written with openpyxl's write-only
sheets through the formula-safe cells of app.excel.cells (a supplier named "=cmd…" stays text);
money as numbers with two places, never floats from text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from app.excel.cells import safe_row
from app.services.claims import ClaimRow, status_name

YUAN = "#,##0.00"


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


def write_claims_xlsx(rows: Sequence[ClaimRow], out: str | Path, lang: str = "zh") -> Path:
    """`rows` from app.services.claims.claim_detail (with their lines) or list_claims."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_t(lang, "索赔单", "Claims"))
    ws.append(safe_row(ws, [_t(lang, zh, en) for zh, en in (
        ("索赔单号", "Claim No."), ("供应商编码", "Supplier code"), ("供应商", "Supplier"), ("状态", "Status"),
        ("行数", "Lines"), ("损失成本", "Loss cost"), ("索赔金额", "Claimed"), ("金额调整原因", "Reason for the amount"),
        ("供方接受金额", "Accepted"), ("回收金额", "Recovered"), ("开立日期", "Opened on"), ("发出日期", "Sent on"),
        ("答复日期", "Answered on"), ("回款日期", "Credited on"), ("扣款/赔付单号", "Credit note no."),
        ("供方答复", "Supplier's reply"))]))
    for r in rows:
        ws.append(safe_row(ws, [r.claim_no, r.supplier_code, r.supplier, status_name(r.status, lang), r.lines,
                                r.loss_amount, r.claimed_amount, r.amount_reason, r.accepted_amount,
                                r.recovered_amount, r.created_on, r.sent_on, r.answered_on, r.credited_on,
                                r.credit_ref, r.supplier_reply]))
    lines = wb.create_sheet(_t(lang, "索赔明细", "Claim lines"))
    lines.append(safe_row(lines, [_t(lang, zh, en) for zh, en in (
        ("索赔单号", "Claim No."), ("退货单号", "RMA No."), ("行", "Line"), ("标签", "Label"), ("型号规格", "Model/Spec"),
        ("批号", "Lot"), ("数量", "Qty"), ("客户", "Customer"), ("原因分析", "Cause"), ("损失成本", "Loss cost"))]))
    for r in rows:
        for ln in r.line_rows:
            lines.append(safe_row(lines, [r.claim_no, ln.rma_no, ln.line_no, ln.barcode, ln.model, ln.lot_no,
                                          ln.qty, ln.customer, ln.final_cause, ln.loss_cost]))
    path = Path(out)
    wb.save(path)
    return path
