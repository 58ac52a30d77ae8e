"""顾客退货月统计表 — the monthly customer-return statistics QA compiles for the managers.

Everything is counted and summed by the database, in one statement (_month_statement):
the month's lines are read once through the index range of return_line.stat_month and
grouped there by each breakdown's key, the 13-month trend's sums come from line_month_total
(each month's sums of the lines, kept exact by the database's triggers on every write of a
line: db.summary) and the returns per day from the (received_on, status) index. Money
columns are the exact Fixed type, so the sums are exact Decimals on PostgreSQL and SQLite
alike, and adding them again in Python keeps them exact. Lines of cancelled returns count
nowhere.

A month is that of the return's received_on (kept on the line as stat_month, NULL for the
lines of a cancelled return: app.services.line_keys). The external loss cost (质量外部损失成本) of a
line is kept on the line by the services: materials + labour + other + scrapped value + refund.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    case,
    extract,
    func,
    literal,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from app.codes import LIABILITY, ReturnStatus, liability_name
from app.money import ZERO
from app.services import claims, eightd
from app.services.claims import ClaimFigures
from app.services.line_keys import month_key, month_number
from app.services.settings import load_shared
from db.identity import DEMO_KEY
from db.models import Customer, DefectCategory, LineMonthTotal, Product, Return, ReturnLine

UNDECIDED = "undecided"
NOT_ANALYSED = "none"
LIABILITY_KEYS: tuple[str, ...] = (*(str(c) for c in LIABILITY), UNDECIDED)

# The controlled form's number and revision when the shared settings hold none yet.
FORM_NO_DEFAULT = "QR-8.3-05"
FORM_REV_DEFAULT = "A"
# Who receives the statistics every month (DOMAIN.md), in the procedure's order.
DISTRIBUTION: tuple[tuple[str, str], ...] = (
    ("总经理", "General manager"), ("副总经理", "Deputy general manager"),
    ("管理者代表", "Management representative"), ("技术部", "Engineering"),
    ("销售部", "Sales"), ("生产部", "Production"),
)
TITLE = ("顾客退货月统计表", "Monthly customer return statistics")


def month_bounds(month: str) -> tuple[date, date]:
    """'2025-03' → (2025-03-01, 2025-04-01): the half-open range of received_on."""
    try:
        y_text, m_text = month.split("-")
        if len(y_text) != 4 or len(m_text) != 2:
            raise ValueError
        y, m = int(y_text), int(m_text)
        start = date(y, m, 1)
    except (ValueError, TypeError, AttributeError):
        raise ValueError(f"month must be YYYY-MM: {month!r}") from None
    end = date(y + (m == 12), m % 12 + 1, 1)
    return start, end


def previous_months(month: str, n: int) -> list[str]:
    """The `n` months before `month`, oldest first: the trend's axis."""
    y, m = (int(p) for p in month.split("-"))
    out = []
    for _ in range(n):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        out.append(f"{y:04d}-{m:02d}")
    return list(reversed(out))


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@dataclass
class Figures:
    """Lines, pieces and money of a group of lines (money exact, in yuan)."""

    lines: int = 0
    qty: int = 0
    amount: Decimal = ZERO
    refund: Decimal = ZERO
    materials: Decimal = ZERO
    labour: Decimal = ZERO
    other: Decimal = ZERO
    scrapped: Decimal = ZERO
    loss: Decimal = ZERO

    def to_json(self) -> dict[str, Any]:
        return {"lines": self.lines, "qty": self.qty, "amount": money_text(self.amount),
                "refund": money_text(self.refund)}

    def loss_json(self) -> dict[str, str]:
        return {"materials": money_text(self.materials), "labour": money_text(self.labour),
                "other": money_text(self.other), "scrapped": money_text(self.scrapped),
                "refund": money_text(self.refund), "total": money_text(self.loss)}

    def __add__(self, o: Figures) -> Figures:
        return Figures(self.lines + o.lines, self.qty + o.qty, self.amount + o.amount,
                       self.refund + o.refund, self.materials + o.materials, self.labour + o.labour,
                       self.other + o.other, self.scrapped + o.scrapped, self.loss + o.loss)


@dataclass
class Group:
    """One row of a breakdown: a cause, customer or model and its figures."""

    key: str
    name_zh: str
    name_en: str
    figures: Figures

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass
class TrendPoint:
    month: str
    rmas: int
    figures: Figures


@dataclass
class ParetoRow:
    group: Group
    share: Decimal        # % of the analysed lines, one decimal
    cumulative: Decimal   # cumulative %, one decimal


@dataclass
class MonthlyReport:
    """The month's statistics; every figure as the database summed it."""

    month: str
    rmas: int
    totals: Figures
    by_liability: dict[str, Figures]   # "1" … "9", "undecided" — always all ten
    by_cause: list[Group] = field(default_factory=list)
    by_customer: list[Group] = field(default_factory=list)
    by_model: list[Group] = field(default_factory=list)
    by_lot: list[Group] = field(default_factory=list)    # the month's top lots (TOP_LOTS at most)
    trend: list[TrendPoint] = field(default_factory=list)  # the 12 months before, then this one
    pareto: list[ParetoRow] = field(default_factory=list)
    form_no: str = FORM_NO_DEFAULT
    form_rev: str = FORM_REV_DEFAULT
    company: str = ""
    generated_at: datetime | None = None
    demo: bool = False    # from a demo database: every page says 演示数据 DEMO
    # follow-up: 8Ds opened and closed in the month, open and overdue at its end
    eightd: dict[str, int] = field(default_factory=lambda: {"opened": 0, "closed": 0, "overdue": 0})
    # claims: supplier claims sent (claimed) and credited (recovered) in the month
    claims: ClaimFigures = field(default_factory=ClaimFigures)

    @property
    def not_analysed(self) -> Figures:
        """Lines without a cause yet (neither a defect category nor a final cause)."""
        return next((g.figures for g in self.by_cause if g.key == NOT_ANALYSED), Figures())


def money_text(d: Decimal) -> str:
    """'1409.50' — money in JSON: a string, always two places."""
    return f"{d:.2f}"


# ------------------------------------------------------------------ the queries


def _sums() -> list[Any]:
    # SUM over a Fixed column keeps the column type, so results come back as exact Decimals
    # (scaled integers summed on SQLite). Nothing is multiplied in SQL.
    return [
        func.count(ReturnLine.id),
        func.coalesce(func.sum(ReturnLine.qty_counted), 0),
        func.sum(ReturnLine.amount), func.sum(ReturnLine.refund_amount),
        func.sum(ReturnLine.material_cost), func.sum(ReturnLine.labour_cost),
        func.sum(ReturnLine.other_cost), func.sum(ReturnLine.scrapped_value),
        func.sum(ReturnLine.loss_cost),
    ]


N_SUMS = len(_sums())
#: the names of `_sums`' figures where a statement labels them (the summary's column names)
_SUM_NAMES = ("lines", "qty_counted", "amount", "refund_amount", "material_cost", "labour_cost",
              "other_cost", "scrapped_value", "loss_cost")


def _summary_sums() -> list[Any]:
    # the summary's columns in the order of `_sums`: a month's row is its lines' sums
    t = LineMonthTotal
    return [t.lines, t.qty_counted, t.amount, t.refund_amount, t.material_cost, t.labour_cost,
            t.other_cost, t.scrapped_value, t.loss_cost]


def _figures(values: Any) -> Figures:
    v = list(values)
    return Figures(lines=int(v[0] or 0), qty=int(v[1] or 0), amount=v[2] or ZERO, refund=v[3] or ZERO,
                   materials=v[4] or ZERO, labour=v[5] or ZERO, other=v[6] or ZERO,
                   scrapped=v[7] or ZERO, loss=v[8] or ZERO)


def _counted(start: date, end: date) -> list[ColumnElement[bool]]:
    return [Return.received_on >= start, Return.received_on < end,
            Return.status != ReturnStatus.CANCELLED.value]


def month_totals(session: Session, month: str) -> tuple[int, Figures]:
    """Returns received in `month` (not cancelled) and the figures of their lines (the
    month's row of the summary the database keeps: one primary-key read)."""
    start, end = month_bounds(month)
    row = session.execute(select(*_summary_sums()).where(LineMonthTotal.stat_month == month_key(month))).first()
    rmas = session.scalar(select(func.count(Return.id)).where(*_counted(start, end))) or 0
    return rmas, _figures(row) if row is not None else Figures()


def _by_liability(session: Session, start: date, end: date) -> dict[str, Figures]:
    """The by-liability breakdown alone (the one pass below gives it with the others)."""
    out = {key: Figures() for key in LIABILITY_KEYS}
    for code, *sums in session.execute(
            select(ReturnLine.liability_code, *_sums())
            .where(ReturnLine.stat_month == month_number(start)).group_by(ReturnLine.liability_code)):
        out[str(code) if code is not None else UNDECIDED] = _figures(sums)
    return out


def _cause_text() -> ColumnElement[str]:
    # a line with a defect category is grouped by it; one without, by its final cause text
    return case((ReturnLine.defect_category_id.is_(None), func.trim(ReturnLine.final_cause)),
                else_=literal(""))


@dataclass
class _Pass:
    """What the one statement over the month's lines gives."""

    totals: Figures
    by_liability: dict[str, Figures]
    by_cause: list[Group]
    by_customer: list[Group]
    by_model: list[Group]
    by_lot: list[Group]
    trend: list[TrendPoint]


#: how many lots the monthly statistics list: a top list, not a second copy of the month
TOP_LOTS = 10

# the kinds of rows of the one statement: a breakdown's group, a trend month, a day's returns
_LIABILITY, _CAUSE, _CUSTOMER, _MODEL, _LOT, _TREND, _RECEIVED = "L", "C", "U", "P", "T", "M", "R"


def _kind(kind: str) -> ColumnElement[str]:
    return literal_column(f"'{kind}'", String).label("kind")


def _group_sums(groups: Any) -> list[Any]:
    # a breakdown adds up the month's finest groups (`_month_statement`): their line counts
    # and sums, in the order of `_sums`
    c = groups.c
    return [func.sum(c.lines), func.coalesce(func.sum(c.qty_counted), 0),
            *(func.sum(c[name]) for name in ("amount", "refund_amount", "material_cost", "labour_cost",
                                             "other_cost", "scrapped_value", "loss_cost"))]


def _month_statement(month: str, months: list[str]) -> Select[Any]:
    """One statement for the month's statistics: the month's lines read once through the
    stat_month index and summed by their finest key (liability, category, cause, customer,
    model, lot: ~2,200 groups for a month's ~22,000 lines at 1M lines) in a materialised
    CTE; each breakdown then adds up those groups, not the lines again (five aggregations
    of every line's nine sums were ~100 of the statement's ~160 ms at 1M lines; summing the
    groups, ~10) — so a few dozen rows come back instead of one per (liability, cause,
    customer, model) group, which Python added up (thousands at 1M lines) — plus
    the trend's sums per month, 13 rows of line_month_total by its primary key (grouping the
    lines of 13 months read ~250,000 index entries at 1M lines: most of the time left), and
    the returns received per day from the (received_on, status) index. Every row carries its
    kind and up to two keys and two names; the sums are those of `_sums`. Sixteen statements, each a round trip, and
    three passes over the month took 740 ms at 1M lines under load."""
    start, end = month_bounds(month)
    cause_text = func.coalesce(_cause_text(), "").label("cause_text")
    keys = (ReturnLine.liability_code, ReturnLine.defect_category_id, cause_text, Return.customer_id,
            ReturnLine.product_id, ReturnLine.lot_no)
    lines = (
        select(*keys, *(s.label(name) for s, name in zip(_sums(), _SUM_NAMES, strict=True)))
        .join(Return, ReturnLine.return_id == Return.id)
        # the month's returns are those received in it (stat_month derives from received_on):
        # said here too, the returns are read by their date index, not all of them
        .where(ReturnLine.stat_month == month_key(month), *_counted(start, end))
        .group_by(*keys)
        # read once, grouped five ways: MATERIALIZED keeps the planner from inlining it per use
        .cte("month_line").prefix_with("MATERIALIZED"))
    m = lines.c
    no_text = null()
    sums = _group_sums(lines)
    by_liability = (select(_kind(_LIABILITY), m.liability_code.label("key_id"), no_text.label("key_text"),
                           no_text.label("name_zh"), no_text.label("name_en"), *sums)
                    .group_by(m.liability_code))
    by_cause = (select(_kind(_CAUSE), m.defect_category_id, m.cause_text, DefectCategory.name_zh,
                       DefectCategory.name_en, *sums)
                .select_from(lines).outerjoin(DefectCategory, m.defect_category_id == DefectCategory.id)
                .group_by(m.defect_category_id, m.cause_text, DefectCategory.name_zh, DefectCategory.name_en))
    by_customer = (select(_kind(_CUSTOMER), m.customer_id, no_text, Customer.name, Customer.name, *sums)
                   .select_from(lines).join(Customer, m.customer_id == Customer.id)
                   .group_by(m.customer_id, Customer.name))
    by_model = (select(_kind(_MODEL), m.product_id, no_text, Product.model, Product.model, *sums)
                .select_from(lines).join(Product, m.product_id == Product.id)
                .group_by(m.product_id, Product.model))
    # the month's lots with the most returned lines (then quantity); lines without a lot are
    # left out: "no lot" is not a lot a supplier or a line can act on
    top_lots = (select(_kind(_LOT), m.product_id, m.lot_no, Product.model, Product.model, *sums)
                .select_from(lines).join(Product, m.product_id == Product.id)
                .where(m.lot_no != "")
                .group_by(m.product_id, Product.model, m.lot_no)
                .order_by(func.sum(m.lines).desc(), func.sum(m.qty_counted).desc(), Product.model, m.lot_no)
                .limit(TOP_LOTS).subquery("top_lot"))
    trend = (select(_kind(_TREND), LineMonthTotal.stat_month, no_text, no_text, no_text, *_summary_sums())
             .where(LineMonthTotal.stat_month >= month_key(months[0]),
                    LineMonthTotal.stat_month <= month_key(months[-1])))
    first, _ = month_bounds(months[0])
    received = (select(_kind(_RECEIVED),
                       (extract("year", Return.received_on) * 100 + extract("month", Return.received_on)),
                       no_text, no_text, no_text, func.count(), *([null()] * (N_SUMS - 1)))
                .where(*_counted(first, end)).group_by(Return.received_on))
    return union_all(by_liability, by_cause, by_customer, by_model, select(top_lots), trend, received)


def _month_pass(session: Session, month: str, months: list[str]) -> _Pass:
    liability = {key: Figures() for key in LIABILITY_KEYS}
    by_cause: list[Group] = []
    by_customer: list[Group] = []
    by_model: list[Group] = []
    by_lot: list[Group] = []
    trend: dict[int, Figures] = {}
    received: dict[int, int] = {}
    for kind, key_id, key_text, name_zh, name_en, *sums in session.execute(_month_statement(month, months)):
        if kind == _RECEIVED:
            received[key_id] = received.get(key_id, 0) + int(sums[0])
            continue
        f = _figures(sums)
        if kind == _LIABILITY:
            liability[str(key_id) if key_id is not None else UNDECIDED] = f
        elif kind == _CAUSE:
            if key_id is not None:
                by_cause.append(Group(f"cat:{key_id}", name_zh, name_en or name_zh, f))
            elif key_text:
                by_cause.append(Group(f"cause:{key_text}", key_text, key_text, f))
            else:
                by_cause.append(Group(NOT_ANALYSED, "未分析", "Not analysed", f))
        elif kind == _CUSTOMER:
            by_customer.append(Group(f"customer:{key_id}", name_zh, name_zh, f))
        elif kind == _MODEL:
            by_model.append(Group(f"product:{key_id}", name_zh, name_zh, f))
        elif kind == _LOT:
            by_lot.append(Group(f"lot:{key_id}:{key_text}", f"{name_zh} · {key_text}", f"{name_zh} · {key_text}", f))
        else:
            trend[key_id] = f
    by_cause.sort(key=lambda g: (-g.figures.lines, -g.figures.qty, g.key))
    by_customer.sort(key=lambda g: (-g.figures.amount, g.name_zh))
    by_model.sort(key=lambda g: (-g.figures.lines, -g.figures.amount, g.name_zh))
    # the database ordered the top lots (ties by its collation); a union keeps no order, so
    # they are ordered again by their counts, a stable sort keeping the database's tie order
    by_lot.sort(key=lambda g: (-g.figures.lines, -g.figures.qty))
    # every counted line has one liability group (undecided included): their sum is the month
    totals = sum(liability.values(), Figures())
    points = [TrendPoint(m, received.get(month_key(m), 0), trend.get(month_key(m), Figures())) for m in months]
    return _Pass(totals, liability, by_cause, by_customer, by_model, by_lot, points)


def monthly_report(session: Session, month: str, *, trend_months: int = 12) -> MonthlyReport:
    """The month's statistics for QA's monthly report: totals, by liability, cause, customer and
    model, the trend over the `trend_months` before, and the Pareto of causes.

    Raises ValueError for a month not written YYYY-MM. Read-only: any role may run it.
    Three statements: the month's lines and the trend (_month_statement), the shared
    settings, and the small tables' figures (8D, claims) by their indexed ranges.
    """
    start, end = month_bounds(month)
    months = [*previous_months(month, trend_months), month]
    one = _month_pass(session, month, months)
    shared = load_shared(session)
    eightd_columns, claim_columns = eightd.month_columns(start, end), claims.month_columns(start, end)
    small = session.execute(select(*eightd_columns, *claim_columns)).one()
    return MonthlyReport(
        month=month, rmas=one.trend[-1].rmas, totals=one.totals,
        by_liability=one.by_liability, by_cause=one.by_cause,
        by_customer=one.by_customer, by_model=one.by_model, by_lot=one.by_lot,
        trend=one.trend, pareto=pareto(one.by_cause),
        form_no=shared.get("form_no.monthly") or FORM_NO_DEFAULT,
        form_rev=shared.get("form_rev.monthly") or FORM_REV_DEFAULT,
        company=shared.get("company_name", ""), generated_at=datetime.now().astimezone(),
        demo=shared.get(DEMO_KEY) == "1",
        eightd=eightd.month_figures_of(small[:len(eightd_columns)]),
        claims=claims.month_figures_of(small[len(eightd_columns):]),
    )


def latest_month(session: Session) -> str | None:
    """The month of the newest return that counts (the reports tab opens on it)."""
    day = session.scalar(select(func.max(Return.received_on))
                         .where(Return.status != ReturnStatus.CANCELLED.value))
    return month_of(day) if day else None


def opening_month(session: Session, today: date) -> str | None:
    """The month the reports tab opens on: the last complete month (the statistics are made
    after the month ends), unless the running month is the only one with returns."""
    newest = latest_month(session)
    if newest != month_of(today):
        return newest
    first = today.replace(day=1)
    last_month = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    counted = session.scalar(select(Return.id).where(Return.received_on >= last_month, Return.received_on < first,
                                                     Return.status != ReturnStatus.CANCELLED.value).limit(1))
    return month_of(last_month) if counted is not None else newest


def pareto(groups: list[Group]) -> list[ParetoRow]:
    """Causes by number of lines, largest first, with share and cumulative share in %.

    Lines not analysed yet are no cause: they are left out, so the shares are of the
    analysed lines. The last cumulative share is 100.0 exactly.
    """
    causes = [g for g in groups if g.key != NOT_ANALYSED and g.figures.lines > 0]
    total = sum(g.figures.lines for g in causes)
    out, running = [], 0
    for g in sorted(causes, key=lambda g: (-g.figures.lines, -g.figures.qty, g.key)):
        running += g.figures.lines
        share = _percent(g.figures.lines, total)
        out.append(ParetoRow(g, share, _percent(running, total)))
    return out


def _percent(part: int, whole: int) -> Decimal:
    if not whole:
        return Decimal("0.0")
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------ JSON


def to_json(report: MonthlyReport) -> dict[str, Any]:
    """The report as JSON-ready data (`report monthly --json`); money as "0.00" strings."""
    t = report.totals

    def group(g: Group) -> dict[str, Any]:
        return {"key": g.key, "name": g.name_zh, "name_en": g.name_en, **g.figures.to_json(),
                "loss": money_text(g.figures.loss)}

    return {
        "month": report.month,
        "rmas": report.rmas,
        "lines": t.lines,
        "qty": t.qty,
        "amount": money_text(t.amount),
        "refund": money_text(t.refund),
        "loss_cost": t.loss_json(),
        "by_liability": {
            k: {**f.to_json(), "name": liability_name(None if k == UNDECIDED else int(k)),
                "loss": money_text(f.loss)}
            for k, f in report.by_liability.items()},
        "by_cause": [group(g) for g in report.by_cause],
        "by_customer": [group(g) for g in report.by_customer],
        "by_model": [group(g) for g in report.by_model],
        "by_lot": [group(g) for g in report.by_lot],
        "trend": [{"month": p.month, "rmas": p.rmas, **p.figures.to_json(),
                   "loss": money_text(p.figures.loss)} for p in report.trend],
        "pareto": [{"key": r.group.key, "cause": r.group.name_zh, "lines": r.group.figures.lines,
                    "share": str(r.share), "cumulative": str(r.cumulative)} for r in report.pareto],
        "form_no": report.form_no,
        "form_rev": report.form_rev,
        "eightd": dict(report.eightd),
        "claims": report.claims.to_json(),
    }
