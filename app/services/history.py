"""The history of a return or a line, read from the audit trail (app.services.audit).

Step served: anyone at any bench asks "who changed this, when, from where, and from what to
what" — the desk for a return, the QA bench and the rework tab for a line. The rows cover
the record and its children (lines, rework entries, 8Ds and their actions, liaison notes);
inserts and deletes (JSON snapshots) are shown as readable "field: value" lists. Read-only:
any role may call these.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.codes import (
    ARRIVAL_METHODS,
    CONDITIONS,
    DISPOSITIONS,
    LINE_STATUSES,
    RETURN_STATUSES,
    URGENCIES,
    liability_label,
)
from app.fields import label
from app.services.returns import get_line, get_return
from db.models import (
    Attachment,
    AuditLog,
    CorrectiveAction,
    CorrectiveActionItem,
    LiaisonNote,
    LineWarranty,
    ReplacementShipment,
    ReturnLine,
    SupplierClaimLine,
    User,
)

ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "return": ("退货单", "Return"),
    "line": ("退货行", "Line"),
    "material": ("返工材料", "Rework material"),
    "labour": ("返工工时", "Rework labour"),
    "corrective_action": ("8D", "8D"),
    "ca_item": ("8D措施", "8D action"),
    "liaison_note": ("联络单", "Liaison note"),
    "attachment": ("附件", "Attachment"),
    "warranty": ("质保", "Warranty"),
    "replacement": ("补发", "Replacement"),
    "claim_line": ("索赔明细", "Claim line"),
}
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "insert": ("新建", "created"),
    "update": ("修改", "changed"),
    "delete": ("删除", "removed"),
    "sign": ("签名", "signed"),
}
WHOLE_RECORD = "*"
_HIDDEN_IN_SNAPSHOT = {"id", "return_id", "line_id", "ca_id", "product_id", "customer_id",
                       "data", "thumb", "sha256"}  # an attachment's bytes and checksum say nothing to a reader  # ids mean nothing to a reader


@dataclass(frozen=True)
class HistoryRow:
    """One change as the history panel shows it; texts in both languages where they are labels."""

    at: datetime
    when: str               # local time, to the second
    login: str
    who: str                # the user's name, or the login when the user is gone
    station: str
    entity: str             # code (see ENTITY_LABELS)
    entity_id: int
    record: str             # which record: "RMA-…", "行 2 / line 2", "8D-2026-0001" …
    action: str             # insert / update / delete / sign
    field: str              # column name, or "*" for a whole record
    field_zh: str
    field_en: str
    old: str
    new: str

    def field_name(self, lang: str = "zh") -> str:
        return self.field_zh if lang.startswith("zh") else self.field_en

    def entity_name(self, lang: str = "zh") -> str:
        zh, en = ENTITY_LABELS.get(self.entity, (self.entity, self.entity))
        return zh if lang.startswith("zh") else en


_CODED = {"disposition": DISPOSITIONS, "arrival_method": ARRIVAL_METHODS, "urgency": URGENCIES,
          "condition": CONDITIONS}
_BOOLEAN = {"serious", "is_our_product", "standards_updated", "fmea_updated", "control_plan_updated", "active"}


# the record's bookkeeping fields, named for the history only (forms never ask for them)
HISTORY_LABELS: dict[str, tuple[str, str]] = {
    "inspected_by_id": ("检验人", "Inspected by"), "inspected_at": ("检验时间", "Inspected at"),
    "decided_by_id": ("判定人", "Decided by"), "decided_at": ("判定时间", "Decided at"),
    "rework_planned_by_id": ("返工计划人", "Rework planned by"), "rework_planned_on": ("返工计划日期", "Rework planned on"),
    "rework_done_at": ("返工完成时间", "Rework done at"),
    "reinspected_by_id": ("复检人", "Re-inspected by"), "reinspected_at": ("复检时间", "Re-inspected at"),
    "received_by_id": ("收货人", "Received by"),
    "sales_confirmed_by_id": ("销售确认人", "Confirmed by sales"), "sales_confirmed_at": ("销售确认时间", "Confirmed at"),
    "sales_requirements": ("销售要求", "Sales requirements"),
    "approved_by_id": ("批准人", "Approved by"), "approved_at": ("批准时间", "Approved at"),
    "approval_note": ("批准意见", "Approval note"), "cancel_reason": ("取消原因", "Cancel reason"),
    "cancelled_by_id": ("取消人", "Cancelled by"), "cancelled_at": ("取消时间", "Cancelled at"),
    "opened_by_id": ("开立人", "Opened by"), "raised_by_id": ("发出人", "Raised by"),
    "barcode": ("条码", "Barcode"), "is_our_product": ("本公司产品", "Our product"), "serious": ("严重问题", "Serious"),
    "refund_amount": ("退款金额", "Refund"), "material_cost": ("返工材料", "Rework materials"),
    "labour_cost": ("返工人工", "Rework labour"), "scrapped_value": ("报废价值", "Scrapped value"),
    "loss_cost": ("外部损失成本", "External loss cost"), "line_no": ("行号", "Line no."),
    "return_id": ("退货单", "Return"), "line_id": ("退货行", "Line"), "product_id": ("型号", "Product"),
    "customer_id": ("客户", "Customer"), "defect_category_id": ("不良类别", "Defect category"),
    "notes": ("备注", "Notes"), "order_no": ("订单号", "Order no."), "delivery_no": ("送货单号", "Delivery no."),
    "invoice_no": ("发票号", "Invoice no."), "source": ("来源", "Source"), "rma_no": ("退货单号", "RMA No."),
    "code": ("编码", "Code"), "cost": ("金额", "Cost"), "ca_id": ("8D", "8D"), "source_key": ("导入行", "Imported row"),
    # photos and files
    "filename": ("文件名", "File name"), "kind": ("类别", "Kind"), "mime": ("文件类型", "File type"),
    "size": ("大小(字节)", "Size (bytes)"), "original_size": ("原始大小(字节)", "Original size (bytes)"),
    "width": ("宽(像素)", "Width (px)"), "height": ("高(像素)", "Height (px)"), "note": ("说明", "Note"),
    "added_by_id": ("添加人", "Added by"), "added_at": ("添加时间", "Added at"),
    "removed_by_id": ("移除人", "Removed by"), "removed_at": ("移除时间", "Removed at"),
    "removed_reason": ("移除原因", "Reason for removal"),
}


def field_label(field: str) -> tuple[str, str]:
    """A column's name for the history: app.fields where it has one, else the history's own."""
    zh_en = label(field)
    if zh_en == (field, field):
        return HISTORY_LABELS.get(field, zh_en)
    return zh_en


def readable(entity: str, field: str, value: str | None, lang: str, users: dict[int, str] | None = None) -> str:
    """A stored value as the user reads it: 3 → "3 制造", repair_reship → its name, a user id →
    the user's name, a stored UTC time → local time."""
    if value is None or value == "":
        return ""
    zh = lang.startswith("zh")
    try:
        if field.endswith("_by_id") and users is not None:
            return users.get(int(value), value)
        if field.endswith("_at") and "T" in value:
            return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if field == "liability_code":
            return liability_label(int(value), "zh" if zh else "en")
        if field in _BOOLEAN and value in ("0", "1"):
            return ("是" if zh else "yes") if value == "1" else ("否" if zh else "no")
        table: dict[Any, Any] | None = _CODED.get(field)
        if field == "status":
            table = {"return": RETURN_STATUSES, "line": LINE_STATUSES}.get(entity)
        if field == "status" and entity in ("corrective_action", "ca_item"):
            names = {"open": ("进行中", "open"), "closed": ("已关闭", "closed"), "done": ("已完成", "done")}
            return names.get(value, (value, value))[0 if zh else 1]
        if table is not None:
            for code, coded in table.items():
                if str(getattr(code, "value", code)) == value:
                    return coded.zh if zh else coded.en
    except ValueError:
        pass
    return value


def _like(key: str, value: int) -> str:
    # app.services.audit writes snapshots with json.dumps(sort_keys=True): "key": "value"
    return f'%"{key}": "{value}"%'


def _snapshot_text(entity: str, raw: str | None, lang: str, users: dict[int, str]) -> str:
    if not raw:
        return ""
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(data, dict):
        return raw
    zh = lang.startswith("zh")
    parts = []
    for key, value in data.items():
        if key in _HIDDEN_IN_SNAPSHOT or value in (None, ""):
            continue
        name = field_label(key)[0 if zh else 1]
        parts.append(f"{name}: {readable(entity, key, value, lang, users)}")
    return "; ".join(parts)


def _collect(session: Session, pairs: Iterable[tuple[str, set[int]]],
             children: Iterable[tuple[str, str, set[int]]]) -> list[AuditLog]:
    conds = []
    for entity, ids in pairs:
        if ids:
            conds.append((AuditLog.entity == entity) & AuditLog.entity_id.in_(ids))
    # rows of children that are gone (removed rework entries) are found by their parent key
    for entity, key, parents in children:
        for pid in parents:
            conds.append((AuditLog.entity == entity)
                         & (AuditLog.new_value.like(_like(key, pid)) | AuditLog.old_value.like(_like(key, pid))))
    if not conds:
        return []
    return list(session.scalars(select(AuditLog).where(or_(*conds)).order_by(AuditLog.at, AuditLog.id)))


def _rows(session: Session, logs: list[AuditLog], names: dict[tuple[str, int], str], lang: str) -> list[HistoryRow]:
    users = dict(session.execute(select(User.login, User.name)
                                 .where(User.login.in_({a.user_login for a in logs}))).all()) if logs else {}
    user_ids = dict(session.execute(select(User.id, User.name)).all()) if logs else {}
    zh = lang.startswith("zh")
    out = []
    for a in logs:
        if a.field == WHOLE_RECORD:
            fz, fe = ACTION_LABELS.get(a.action, (a.action, a.action))
            old = _snapshot_text(a.entity, a.old_value, lang, user_ids)
            new = _snapshot_text(a.entity, a.new_value, lang, user_ids)
        elif a.action == "sign":
            fz, fe = label("signature")
            meaning = {"verify": ("效果验证", "verification"), "close": ("关闭", "closure")}.get(
                a.new_value or "", (a.new_value or "", a.new_value or ""))
            old, new = "", meaning[0 if zh else 1]
        else:
            fz, fe = field_label(a.field)
            old, new = (readable(a.entity, a.field, a.old_value, lang, user_ids),
                        readable(a.entity, a.field, a.new_value, lang, user_ids))
        ez, ee = ENTITY_LABELS.get(a.entity, (a.entity, a.entity))
        record = names.get((a.entity, a.entity_id)) or f"{ez if zh else ee} #{a.entity_id}"
        out.append(HistoryRow(
            at=a.at, when=a.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), login=a.user_login,
            who=users.get(a.user_login, a.user_login), station=a.station, entity=a.entity,
            entity_id=a.entity_id, record=record, action=a.action, field=a.field,
            field_zh=fz, field_en=fe, old=old, new=new))
    return out


def _line_names(lines: Iterable[ReturnLine], zh: bool) -> dict[tuple[str, int], str]:
    return {("line", ln.id): (f"行 {ln.line_no}" if zh else f"line {ln.line_no}") for ln in lines}


def _follow_up(session: Session, where: object) -> tuple[set[int], set[int], set[int], dict[tuple[str, int], str]]:
    cas = list(session.scalars(select(CorrectiveAction).where(where)))  # type: ignore[arg-type]
    ca_ids = {c.id for c in cas}
    names = {("corrective_action", c.id): c.no or f"8D #{c.id}" for c in cas}
    items = list(session.scalars(select(CorrectiveActionItem).where(CorrectiveActionItem.ca_id.in_(ca_ids)))) \
        if ca_ids else []
    item_ids = {i.id for i in items}
    names |= {("ca_item", i.id): f"{names[('corrective_action', i.ca_id)]} {i.d_step}" for i in items}
    return ca_ids, item_ids, set(), names


def _attachments(session: Session, where: object, names: dict[tuple[str, int], str]) -> set[int]:
    """The ids of the photos and files kept with a return or line; each named by its file."""
    found = dict(session.execute(select(Attachment.id, Attachment.filename).where(where)).all())  # type: ignore[arg-type]
    names |= {("attachment", i): f for i, f in found.items()}
    return set(found)


def _line_children(session: Session, line_ids: set[int]) -> list[tuple[str, set[int]]]:
    """The warranty, replacement shipments and claim memberships of the lines, by entity."""
    if not line_ids:
        return []
    out = []
    for entity, model in (("warranty", LineWarranty), ("replacement", ReplacementShipment),
                          ("claim_line", SupplierClaimLine)):
        ids = set(session.scalars(select(model.id).where(model.line_id.in_(line_ids))))
        out.append((entity, ids))
    return out


def return_history(session: Session, return_id: int, lang: str = "zh") -> list[HistoryRow]:
    """Every audited change of a return, its lines, their rework entries, 8Ds and liaison notes."""
    rma = get_return(session, return_id)
    zh = lang.startswith("zh")
    line_ids = {ln.id for ln in rma.lines}
    ca_ids, item_ids, _, names = _follow_up(session, CorrectiveAction.return_id == return_id)
    note_ids = set(session.scalars(select(LiaisonNote.id).where(LiaisonNote.return_id == return_id)))
    files = _attachments(session, Attachment.return_id == return_id, names)
    names |= _line_names(rma.lines, zh)
    names[("return", rma.id)] = rma.rma_no
    logs = _collect(session, [("return", {rma.id}), ("line", line_ids), ("corrective_action", ca_ids),
                              ("ca_item", item_ids), ("liaison_note", note_ids), ("attachment", files),
                              *_line_children(session, line_ids)],
                    [("material", "line_id", line_ids), ("labour", "line_id", line_ids)])
    return _rows(session, logs, names, lang)


def line_history(session: Session, line_id: int, lang: str = "zh") -> list[HistoryRow]:
    """Every audited change of one line, its rework entries, 8Ds and liaison notes."""
    line = get_line(session, line_id)
    zh = lang.startswith("zh")
    ca_ids, item_ids, _, names = _follow_up(session, CorrectiveAction.line_id == line_id)
    note_ids = set(session.scalars(select(LiaisonNote.id).where(LiaisonNote.line_id == line_id)))
    files = _attachments(session, Attachment.line_id == line_id, names)
    names |= _line_names([line], zh)
    logs = _collect(session, [("line", {line.id}), ("corrective_action", ca_ids), ("ca_item", item_ids),
                              ("liaison_note", note_ids), ("attachment", files),
                              *_line_children(session, {line.id})],
                    [("material", "line_id", {line.id}), ("labour", "line_id", {line.id})])
    return _rows(session, logs, names, lang)


def filter_rows(rows: Iterable[HistoryRow], *, field: str = "", entity: str = "") -> list[HistoryRow]:
    """Rows of one field (its code) and/or one kind of record; empty means any."""
    return [r for r in rows if (not field or r.field == field) and (not entity or r.entity == entity)]


def fields_in(rows: Iterable[HistoryRow], lang: str = "zh") -> list[tuple[str, str]]:
    """(field code, its label) of the fields that appear, for the filter's choices, sorted by label."""
    seen: dict[str, str] = {}
    for r in rows:
        seen.setdefault(r.field, r.field_name(lang))
    return sorted(seen.items(), key=lambda kv: kv[1])
