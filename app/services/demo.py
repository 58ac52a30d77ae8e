"""Demo data: returns in every state of the workflow, over the last year or several.

`rma-station demo [--returns N] [--years Y]` and the set-up's "try it with demo data" use
it; the database is marked as a demo database (app.services.setup.mark_demo). Rows go in
through app.services.bulk (ids from the sequences, COPY on PostgreSQL, executemany on
SQLite), a chunk of returns per transaction, rather than one ORM flush per row; the cost
totals on each line are computed with the same functions the services use. Over several
years, as in a factory's real history, the older returns are closed and a month is a
small part of the table.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, sessionmaker

from app.codes import REWORK_DISPOSITIONS, Disposition
from app.money import line_amount, money, refund_amount
from app.services.bulk import (
    LINE,
    RETURN,
    column_defaults,
    complete,
    line_row,
    owner_load,
    take_ids,
    write_rows,
)
from app.services.context import add_working_days
from app.services.numbering import format_rma_no, line_barcode, reserve_rma_numbers
from app.services.seed import seed_demo_reference
from app.services.setup import mark_demo
from db.engine import advisory_xact_lock
from db.models import (
    Base,
    CorrectiveAction,
    Customer,
    DefectCategory,
    LiaisonNote,
    Product,
    ReworkLabour,
    ReworkMaterial,
    User,
)
from db.notify import announce_in_bulk

REASONS = ["通电后不动作", "外壳破裂", "触点烧蚀", "漏电不跳闸", "指示灯不亮", "型号发错",
           "包装破损", "线圈烧毁", "按钮卡死", "温升过高", "客户误购", "运输挤压变形"]
CAUSES = {
    1: ["客户接线错误导致过载", "客户误购型号,产品无质量问题"],
    2: ["供方来料触点银层偏薄", "供方外壳材料阻燃等级不符"],
    3: ["焊接温度偏低,虚焊", "装配漏装弹簧", "铆接不牢"],
    4: ["售后安装指导不当"],
    5: ["物控发料型号错误"],
    6: ["运输途中挤压,外箱破损"],
    7: ["设计余量不足,温升超标"],
    8: ["销售下单型号错误"],
    9: ["原因不明,按让步处理"],
}
LIABILITY_WEIGHTS = [(3, 30), (6, 16), (2, 12), (1, 10), (7, 8), (8, 8), (4, 6), (5, 5), (9, 5)]
DISPOSITIONS = [d.value for d in Disposition]
LOCATIONS = ["隔离区A-01", "隔离区A-02", "隔离区B-01", "暂存区C-03", "不良品仓D-1"]
WORKERS = ["小王", "小李", "老张", "阿芳", "小陈"]
MATERIALS = [("M-0101", "动触点", "1.25"), ("M-0102", "静触点", "0.95"), ("M-0210", "外壳", "3.40"),
             ("M-0305", "弹簧", "0.12"), ("M-0420", "线圈", "6.80"), ("M-0501", "包装盒", "0.85")]
CHUNK = 2000


def _pick_liability(rng: random.Random) -> int:
    codes, weights = zip(*LIABILITY_WEIGHTS, strict=True)
    return rng.choices(codes, weights)[0]


def _ts(d: date, rng: random.Random) -> datetime:
    return datetime.combine(d, time(8 + rng.randrange(9), rng.randrange(60)), tzinfo=UTC)


def fill_demo(factory: sessionmaker[Session], returns: int = 200, *, today: date | None = None,
              seed: int = 7, years: int = 1,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Add `returns` demo returns received over the last `years` years (12 months by
    default); returns how many were added."""
    if years < 1:
        raise ValueError("years must be at least 1")
    rng = random.Random(seed)
    today = today or date.today()
    with factory.begin() as s:
        # seeding checks, then inserts: runs started at once take turns (SQLite's BEGIN
        # IMMEDIATE already does), so the second finds the first's people and products
        advisory_xact_lock(s, "seed-reference")
        mark_demo(s)  # demo data is always marked: the status bar and every form say 演示数据
        users = seed_demo_reference(s, must_change_password=True)  # demo users replace 1234 first
        customers = list(s.scalars(select(Customer.id)))
        products = [(p.id, p.unit, p.unit_price) for p in s.scalars(select(Product))]
        defects = list(s.scalars(select(DefectCategory.id)))
        uid = {login: u.id for login, u in users.items()}
        names = {u.id: u.name for u in s.scalars(select(User))}
    span = 365 * years
    start = today - timedelta(days=span)
    dates = sorted(start + timedelta(days=rng.randrange(span + 1)) for _ in range(returns))
    by_year: dict[int, int] = {}
    for d in dates:
        by_year[d.year] = by_year.get(d.year, 0) + 1
    with factory.begin() as s:
        first_seq = {y: reserve_rma_numbers(s, y, n) for y, n in sorted(by_year.items())}
    seq_used = dict.fromkeys(first_seq, 0)

    # an in-memory SQLite database is one per thread: its chunks are written here
    memory = factory.kw["bind"].url.database in (None, "", ":memory:")
    writer = None if memory else ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-writer")
    pending: Future[int] | None = None
    try:
        done = 0
        for chunk_start in range(0, returns, CHUNK):
            chunk = dates[chunk_start:chunk_start + CHUNK]
            # ids are numbered 0, 1, … within the chunk and mapped onto ids taken from the
            # database in the chunk's own transaction (`take_ids`): never MAX(id)+1 read
            # earlier, which two runs at once would both take
            next_line = next_mat = next_lab = next_note = next_ca = 0
            r_rows: list[dict[str, Any]] = []
            l_rows: list[dict[str, Any]] = []
            m_rows: list[dict[str, Any]] = []
            w_rows: list[dict[str, Any]] = []
            n_rows: list[dict[str, Any]] = []
            c_rows: list[dict[str, Any]] = []
            for rid, received in enumerate(chunk):
                age = (today - received).days
                seq = first_seq[received.year] + seq_used[received.year]
                seq_used[received.year] += 1
                rma_no = format_rma_no(received.year, seq)
                # older returns are further along; a few are cancelled
                stage = min(6, age // 6 + rng.randrange(3)) if age < 40 else 6
                cancelled = rng.random() < 0.02
                status = ("cancelled" if cancelled else
                          ["received", "confirmed", "approved", "approved", "approved", "approved", "closed"][stage])
                created = _ts(received, rng)
                r_rows.append(dict(
                    id=rid, rma_no=rma_no, customer_id=rng.choice(customers),
                    arrival_method=rng.choice(["logistics", "sales", "customer"]),
                    order_no=f"SO{received:%y%m}-{rng.randrange(1, 999):03d}",
                    delivery_no=f"DN{rng.randrange(10**6):06d}", invoice_no="", received_on=received,
                    received_by_id=uid["wh"], storage_location=rng.choice(LOCATIONS),
                    urgency=rng.choices(["urgent", "normal", "low"], [15, 70, 15])[0], notes="",
                    status=status, source="demo",
                    sales_requirements="按质保条款处理" if stage >= 1 else "",
                    sales_confirmed_by_id=uid["sales"] if stage >= 1 else None,
                    sales_confirmed_at=created + timedelta(hours=3) if stage >= 1 else None,
                    approval_note="同意" if stage >= 2 else "",
                    approved_by_id=uid["mgr"] if stage >= 2 else None,
                    approved_at=created + timedelta(hours=20) if stage >= 2 else None,
                    closed_by_id=uid["qa"] if status == "closed" else None,
                    closed_at=created + timedelta(days=6) if status == "closed" else None,
                    cancel_reason="客户撤回" if cancelled else "",
                    cancelled_by_id=uid["wh"] if cancelled else None,
                    cancelled_at=created + timedelta(hours=1) if cancelled else None,
                    version=1, created_at=created, updated_at=created, updated_by=names[uid["wh"]],
                ))
                first_line = len(l_rows)
                for line_no in range(1, rng.choice([1, 1, 1, 2, 2, 3, 4]) + 1):
                    pid, unit, price = rng.choice(products)
                    qty = rng.choice([1, 2, 5, 10, 20, 50, 100, 200]) + rng.randrange(5)
                    amount = line_amount(qty, price)
                    row: dict[str, Any] = dict(
                        id=next_line, return_id=rid, line_no=line_no, barcode=line_barcode(rma_no, line_no),
                        product_id=pid, lot_no=f"L{received:%y%m}{rng.randrange(1, 60):02d}",
                        manufacture_date=received - timedelta(days=rng.randrange(30, 400)),
                        qty_announced=qty, qty_counted=qty, unit=unit, unit_price=price, amount=amount,
                        customer_reason=rng.choice(REASONS), is_our_product=rng.random() > 0.02,
                        condition=rng.choice(["unopened", "used", "used", "damaged"]),
                        status="received", due_on=None, findings="", defect_category_id=None,
                        preliminary_opinion="", final_cause="", liability_code=None, disposition=None,
                        refund_ratio=None, serious=False, qty_qualified=None, qty_unqualified=None,
                        qty_scrapped=None, rework_qty=None, rework_planned_on=None,
                        refund_amount=Decimal("0.00"), material_cost=Decimal("0.00"),
                        labour_cost=Decimal("0.00"), other_cost=Decimal("0.00"),
                        scrapped_value=Decimal("0.00"), loss_cost=Decimal("0.00"),
                        version=1, created_at=created, updated_at=created, updated_by=names[uid["wh"]],
                    )
                    next_line += 1
                    if cancelled:
                        row["status"] = "cancelled"
                    elif stage >= 2:
                        row["status"] = "inspection"
                        row["due_on"] = add_working_days(received, 1)
                        if stage >= 3:
                            code = _pick_liability(rng)
                            row.update(status="decision", findings=row["customer_reason"] + ",经检验属实",
                                       defect_category_id=rng.choice(defects), preliminary_opinion="建议返修",
                                       inspected_by_id=uid["qa"], inspected_at=created + timedelta(days=1))
                        if stage >= 4:
                            disp = rng.choice(DISPOSITIONS) if code != 2 else "return_supplier"
                            if disp == "return_supplier" and code != 2:
                                disp = "repair"
                            ratio = Decimal(rng.choice(["0", "0.3", "0.5", "1"]))
                            row.update(final_cause=rng.choice(CAUSES[code]), liability_code=code,
                                       disposition=disp, refund_ratio=ratio, decided_by_id=uid["eng"],
                                       decided_at=created + timedelta(days=1, hours=4),
                                       refund_amount=refund_amount(amount, ratio),
                                       serious=rng.random() < 0.03)
                            decided = created + timedelta(days=1, hours=4)
                            # the customer's fault, or goods not ours: a liaison note to sales (as decide() does)
                            for reason, due in (("customer_misuse", code == 1),
                                                ("not_our_product", not row["is_our_product"])):
                                if due:
                                    n_rows.append(dict(id=next_note, return_id=rid, line_id=row["id"], reason=reason,
                                                       text=row["final_cause"], raised_by_id=uid["eng"],
                                                       acknowledged_by_id=uid["sales"] if stage >= 5 else None,
                                                       acknowledged_at=decided + timedelta(days=1)
                                                       if stage >= 5 else None,
                                                       reply="已与客户沟通,按意见处理" if stage >= 5 else "",
                                                       due_on=decided.date() + timedelta(days=2),
                                                       created_at=decided, updated_at=decided,
                                                       updated_by=names[uid["eng"]]))
                                    next_note += 1
                            if row["serious"]:  # a serious problem: its 8D, closed once the return is
                                closed_ca = stage >= 6
                                c_rows.append(dict(
                                    id=next_ca, return_id=rid, line_id=row["id"], owner=names[uid["eng"]],
                                    due_on=received + timedelta(days=30), problem=row["findings"],
                                    containment="库存品全检,隔离同批次", root_cause=row["final_cause"],
                                    corrective_action="修订作业指导书,增加首件检验" if closed_ca else "",
                                    preventive_action="同类产品横向展开" if closed_ca else "",
                                    verification="连续三批无同类不良" if closed_ca else "",
                                    status="closed" if closed_ca else "open", opened_by_id=uid["qa"],
                                    closed_at=decided + timedelta(days=20) if closed_ca else None, version=1,
                                    no=f"8D-{decided.year}-",  # completed with the real id in _give_ids
                                    verified_by_id=uid["qa"] if closed_ca else None,
                                    verified_at=decided + timedelta(days=19) if closed_ca else None,
                                    closed_by_id=uid["qa"] if closed_ca else None,
                                    created_at=decided, updated_at=decided, updated_by=names[uid["qa"]]))
                                next_ca += 1
                            if Disposition(disp) in REWORK_DISPOSITIONS:
                                row.update(status="rework", rework_qty=qty,
                                           due_on=received + timedelta(days=3))
                                if stage >= 5:
                                    planned = received + timedelta(days=2)
                                    row.update(rework_planned_on=planned, rework_planned_by_id=uid["pmc"],
                                               due_on=planned + timedelta(days=2))
                                    mat_total = Decimal("0.00")
                                    for code_m, name_m, cost_m in rng.sample(MATERIALS, rng.randrange(1, 3)):
                                        mq = rng.randrange(1, qty + 1)
                                        cost = money(Decimal(cost_m) * mq)
                                        mat_total += cost
                                        m_rows.append(dict(id=next_mat, line_id=row["id"], code=code_m,
                                                           name=name_m, qty=mq, unit="个",
                                                           unit_cost=Decimal(cost_m), cost=cost,
                                                           created_at=created, updated_at=created,
                                                           updated_by=names[uid["pmc"]]))
                                        next_mat += 1
                                    hours = Decimal(rng.randrange(5, 80)) / 10
                                    rate = Decimal("32.00")
                                    w_rows.append(dict(id=next_lab, line_id=row["id"], worker=rng.choice(WORKERS),
                                                       hours=hours, hourly_rate=rate, cost=money(hours * rate),
                                                       created_at=created, updated_at=created,
                                                       updated_by=names[uid["pmc"]]))
                                    next_lab += 1
                                    row.update(material_cost=mat_total, labour_cost=money(hours * rate))
                                    if stage == 5 and rng.random() < 0.4:
                                        row.update(status="reinspection", due_on=None,
                                                   rework_done_at=created + timedelta(days=4))
                                if stage >= 6:
                                    scrapped = rng.choice([0, 0, 0, 1, 2])
                                    scrapped = min(scrapped, qty)
                                    bad = 0 if qty - scrapped < 2 else rng.choice([0, 0, 1])
                                    row.update(status="done", due_on=None, qty_scrapped=scrapped,
                                               qty_unqualified=bad, qty_qualified=qty - scrapped - bad,
                                               reinspected_by_id=uid["qa"],
                                               reinspected_at=created + timedelta(days=5),
                                               scrapped_value=line_amount(scrapped, price))
                            else:
                                row.update(status="done", due_on=None)
                                if disp == "scrap":
                                    row.update(qty_scrapped=qty, scrapped_value=amount)
                        row["loss_cost"] = money(row["material_cost"] + row["labour_cost"] + row["other_cost"]
                                                 + row["scrapped_value"] + row["refund_amount"])
                    if status == "closed":
                        row.update(status="done")
                    l_rows.append(row)
                # a closed return's lines are all done; normalise the few that random staging left open
                if status == "closed":
                    for row in l_rows[first_line:]:  # this return's own lines (all of the chunk's: quadratic)
                        if row["liability_code"] is None:
                            row["status"] = "done"
            # the chunk is written on the writer thread while this one makes the next: the
            # server indexes one chunk while Python builds the other (about a third off the fill)
            if pending is not None:
                done += pending.result()  # the chunk before is in (or its error is raised here)
                if progress:
                    progress(done, returns)
            rows = (r_rows, l_rows, m_rows, w_rows, n_rows, c_rows)
            pending = writer.submit(_write_chunk, factory, rows) if writer else _done(_write_chunk(factory, rows))
        if pending is not None:
            done += pending.result()
            if progress:
                progress(done, returns)
        return returns
    finally:
        if writer is not None:
            writer.shutdown(wait=True)


def _done(value: int) -> Future[int]:
    f: Future[int] = Future()
    f.set_result(value)
    return f


def _write_chunk(factory: sessionmaker[Session], rows: tuple[list[dict[str, Any]], ...]) -> int:
    """Write one chunk's rows in a transaction of their own; returns how many returns."""
    r_rows, l_rows, m_rows, w_rows, n_rows, c_rows = rows
    with factory.begin() as s:
        announce_in_bulk(s)  # one "everything changed" at commit, not a NOTIFY per row
        conn = s.connection()
        _give_ids(conn, r_rows, l_rows, m_rows, w_rows, n_rows, c_rows)
        returns_by_id = {r["id"]: r for r in r_rows}
        r_defaults, l_defaults = column_defaults(RETURN), column_defaults(LINE)
        # demo data stays out of the audit trail (no one acts): the row triggers have
        # nothing to do for the owner, and skip them (bulk.owner_load)
        with owner_load(conn):
            write_rows(conn, RETURN, [complete(r, r_defaults) for r in r_rows])
            write_rows(conn, LINE, [line_row(r, returns_by_id[r["return_id"]], l_defaults) for r in l_rows])
            for model, more in ((ReworkMaterial, m_rows), (ReworkLabour, w_rows), (LiaisonNote, n_rows),
                                (CorrectiveAction, c_rows)):
                defaults = column_defaults(model.__table__)
                write_rows(conn, model.__table__, [complete(r, defaults) for r in more])
    return len(r_rows)


def _give_ids(s: Connection, r_rows: list[dict[str, Any]], l_rows: list[dict[str, Any]],
              m_rows: list[dict[str, Any]], w_rows: list[dict[str, Any]],
              n_rows: list[dict[str, Any]], c_rows: list[dict[str, Any]]) -> None:
    """Replace the chunk's own ids (0, 1, …) by real ones, in the rows and their references."""
    ret = take_ids(s, RETURN, len(r_rows))
    line = take_ids(s, LINE, len(l_rows))
    for rows, table in ((m_rows, "rework_material"), (w_rows, "rework_labour"),
                        (n_rows, "liaison_note"), (c_rows, "corrective_action")):
        own = take_ids(s, Base.metadata.tables[table], len(rows))
        for r in rows:
            r["id"] = own[r["id"]]
            if "line_id" in r:
                r["line_id"] = line[r["line_id"]]
            if "return_id" in r:
                r["return_id"] = ret[r["return_id"]]
            if table == "corrective_action":  # the 8D number follows the real id: unique across runs
                r["no"] = "-".join(r["no"].split("-")[:2] + [f"{r['id']:04d}"])
    for r in l_rows:
        r["id"] = line[r["id"]]
        r["return_id"] = ret[r["return_id"]]
    for r in r_rows:
        r["id"] = ret[r["id"]]
