"""Monthly statistics from returns made through the real services, checked to the fen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.reports.monthly import (
    LIABILITY_KEYS,
    Figures,
    Group,
    latest_month,
    month_bounds,
    monthly_report,
    opening_month,
    pareto,
    previous_months,
    to_json,
)
from app.services import inspection, returns, rework
from app.services.returns import LineDraft
from db.models import DefectCategory
from tests.unit.services.helpers import approved, decided, draft, line_ids, planned, received


def test_figures_loss_cost_cancelled_and_undecided(factory, actors) -> None:
    _rid, lid = planned(factory, actors, ratio="0.5")  # 20 × 18.50, liability 3, March 2026
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("触点", 20, "1.25")],
                                 labour=[rework.LabourEntry("小王", "2", "30.00")], other_cost="5.00")
        rework.finish_rework(s, actors["pmc"], lid)
    with factory.begin() as s:
        rework.record_reinspection(s, actors["qa"], lid, qualified=18, unqualified=0, scrapped=2)
    decided(factory, actors, disposition="scrap", liability=6, ratio="1",
            d=draft(LineDraft(model="CJX2-1810 220V", qty_counted=3)))  # 3 × 46.30
    received(factory, actors, draft(LineDraft(model="DZ47-63 C32", qty_counted=7)))  # undecided
    gone = received(factory, actors, draft(LineDraft(model="DZ47-63 C32", qty_counted=99)))
    with factory.begin() as s:
        returns.cancel_return(s, actors["wh"], gone, "录错")
    received(factory, actors, draft(received_on=date(2026, 2, 10)))  # the month before

    with factory() as s:
        report = monthly_report(s, "2026-03")
    assert report.rmas == 3
    t = report.totals
    assert (t.lines, t.qty) == (3, 30)
    assert t.amount == Decimal("370.00") + Decimal("138.90") + Decimal("152.60")
    # refund = amount × ratio, half-up to the fen, per line
    assert t.refund == Decimal("185.00") + Decimal("138.90")
    assert (t.materials, t.labour, t.other) == (Decimal("25.00"), Decimal("60.00"), Decimal("5.00"))
    # scrapped value = scrapped pieces × unit price: 2 × 18.50 after rework, 3 × 46.30 scrapped outright
    assert t.scrapped == Decimal("37.00") + Decimal("138.90")
    assert t.loss == Decimal("25.00") + Decimal("60.00") + Decimal("5.00") + Decimal("175.90") + Decimal("323.90")
    assert report.by_liability["3"].lines == 1 and report.by_liability["6"].refund == Decimal("138.90")
    assert report.by_liability["3"].loss == Decimal("25.00") + Decimal("60.00") + Decimal("5.00") \
        + Decimal("37.00") + Decimal("185.00")
    assert report.by_liability["undecided"].qty == 7 and report.by_liability["1"].lines == 0
    assert sum((f.amount for f in report.by_liability.values()), Decimal(0)) == t.amount
    assert [p.month for p in report.trend][-2:] == ["2026-02", "2026-03"]
    assert report.trend[-2].rmas == 1 and len(report.trend) == 13
    assert {c.name_zh for c in report.by_cause} >= {"未分析"}
    assert report.by_customer[0].name_zh == "华东电气设备有限公司"
    assert {g.name_zh: g.figures.qty for g in report.by_model} == {
        "DZ47-63 C16": 20, "CJX2-1810 220V": 3, "DZ47-63 C32": 7}
    j = to_json(report)
    assert j["amount"] == "661.50" and j["by_liability"]["undecided"]["refund"] == "0.00"
    assert j["loss_cost"]["total"] == f"{t.loss:.2f}"


def _decide(factory, actors, *, on: date, model: str = "DZ47-63 C16", qty: int = 10, liability: int = 3,
            cause: str = "焊接温度偏低,虚焊", category: int | None = None, ratio: str = "0",
            customer: str | None = None) -> int:
    """A one-line return received `on`, inspected (with a defect category) and decided."""
    kw = {"customer": customer} if customer else {}
    rid = approved(factory, actors, draft(LineDraft(model=model, qty_counted=qty), received_on=on, **kw))
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="属实", defect_category_id=category,
                                     preliminary_opinion="")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause=cause, liability_code=liability,
                          disposition="refund", refund_ratio=ratio)
    return rid


def test_causes_by_category_then_final_cause_and_their_pareto(factory, actors) -> None:
    with factory() as s:
        cats = list(s.scalars(select(DefectCategory).order_by(DefectCategory.id)))[:2]
    first, second = cats[0], cats[1]
    march = date(2026, 3, 9)
    for _ in range(3):  # the same category with different cause texts: one group
        _decide(factory, actors, on=march, category=first.id, cause=f"原因{_}")
    _decide(factory, actors, on=march, category=second.id)
    for _ in range(2):  # no category: grouped by engineering's text (spaces do not split it)
        _decide(factory, actors, on=march, cause="  运输途中挤压  " if _ else "运输途中挤压", liability=6)
    received(factory, actors, draft(received_on=march))  # not analysed yet
    with factory() as s:
        report = monthly_report(s, "2026-03")
    causes = {g.name_zh: g.figures.lines for g in report.by_cause}
    assert causes == {first.name_zh: 3, "运输途中挤压": 2, second.name_zh: 1, "未分析": 1}
    assert report.not_analysed.lines == 1
    # the Pareto counts causes only: 6 analysed lines, largest first, cumulative to 100
    assert [(r.group.name_zh, r.group.figures.lines) for r in report.pareto] == [
        (first.name_zh, 3), ("运输途中挤压", 2), (second.name_zh, 1)]
    assert [str(r.share) for r in report.pareto] == ["50.0", "33.3", "16.7"]
    assert [str(r.cumulative) for r in report.pareto] == ["50.0", "83.3", "100.0"]
    j = to_json(report)
    assert [p["cause"] for p in j["pareto"]] == [first.name_zh, "运输途中挤压", second.name_zh]
    assert report.by_cause[0].name("en") == first.name_en


def test_trend_over_a_year_boundary_counts_each_month_once(factory, actors) -> None:
    for on, qty in ((date(2025, 2, 28), 4), (date(2025, 3, 1), 5), (date(2025, 12, 31), 6),
                    (date(2026, 1, 1), 7), (date(2026, 1, 20), 8), (date(2026, 2, 1), 9)):
        _decide(factory, actors, on=on, qty=qty, ratio="0.5")
    gone = received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=50),
                                           received_on=date(2026, 1, 5)))
    with factory.begin() as s:
        returns.cancel_return(s, actors["wh"], gone, "重复登记")
    with factory() as s:
        report = monthly_report(s, "2026-02")
    assert [p.month for p in report.trend] == [*previous_months("2026-02", 12), "2026-02"]
    assert report.trend[0].month == "2025-02" and report.trend[0].figures.qty == 4
    by_month = {p.month: (p.rmas, p.figures.lines, p.figures.qty) for p in report.trend}
    assert by_month["2025-03"] == (1, 1, 5)
    assert by_month["2025-12"] == (1, 1, 6)
    assert by_month["2026-01"] == (2, 2, 15)  # the cancelled return counts nowhere
    assert by_month["2026-02"] == (1, 1, 9) == (report.rmas, report.totals.lines, report.totals.qty)
    assert by_month["2025-06"] == (0, 0, 0)
    # 7 × 18.50 = 129.50, half refunded; 8 × 18.50 = 148.00
    assert report.trend[-2].figures.refund == Decimal("64.75") + Decimal("74.00")
    with factory() as s:
        assert latest_month(s) == "2026-02"
        # the reports tab opens on the last complete month, not on the running one
        assert opening_month(s, date(2026, 2, 20)) == "2026-01"
        assert opening_month(s, date(2026, 3, 5)) == "2026-02"
        assert monthly_report(s, "2026-02", trend_months=3).trend[0].month == "2025-11"


def test_customers_and_models_sorted_and_summed(factory, actors) -> None:
    on = date(2026, 4, 2)
    _decide(factory, actors, on=on, model="NM1-125/3300 100A", qty=2, customer="深圳市鹏达电子有限公司")
    _decide(factory, actors, on=on, model="DZ47-63 C16", qty=10)
    _decide(factory, actors, on=on, model="DZ47-63 C16", qty=1, customer="深圳市鹏达电子有限公司")
    with factory() as s:
        report = monthly_report(s, "2026-04")
    # customers by amount: 2 × 286.00 + 18.50 = 590.50 before 185.00
    assert [(g.name_zh, g.figures.amount) for g in report.by_customer] == [
        ("深圳市鹏达电子有限公司", Decimal("590.50")), ("华东电气设备有限公司", Decimal("185.00"))]
    # models by lines, then amount
    assert [(g.name_zh, g.figures.lines, g.figures.qty) for g in report.by_model] == [
        ("DZ47-63 C16", 2, 11), ("NM1-125/3300 100A", 1, 2)]


def test_json_shape_for_the_lead_importer_check(factory, actors) -> None:
    _decide(factory, actors, on=date(2026, 5, 6), qty=3, ratio="0.333", liability=8)  # 55.50 × 0.333
    with factory() as s:
        j = to_json(monthly_report(s, "2026-05"))
    assert {"month", "rmas", "lines", "qty", "amount", "refund", "by_liability", "loss_cost", "by_cause",
            "by_customer", "by_model", "trend", "pareto"} <= set(j)
    assert list(j["by_liability"]) == list(LIABILITY_KEYS) == [*"123456789", "undecided"]
    assert j["by_liability"]["8"] == {"lines": 1, "qty": 3, "amount": "55.50", "refund": "18.48",
                                      "name": "销售", "loss": "18.48"}
    assert j["by_liability"]["undecided"] == {"lines": 0, "qty": 0, "amount": "0.00", "refund": "0.00",
                                              "name": "未判定", "loss": "0.00"}
    assert (j["month"], j["rmas"], j["lines"], j["qty"], j["amount"], j["refund"]) == (
        "2026-05", 1, 1, 3, "55.50", "18.48")
    assert j["trend"][-1]["month"] == "2026-05" and len(j["trend"]) == 13


def test_an_empty_month_is_zeros_not_an_error(factory) -> None:
    with factory() as s:
        report = monthly_report(s, "2024-01")
        assert latest_month(s) is None
    assert report.rmas == 0 and report.totals == Figures() and report.pareto == []
    assert to_json(report)["amount"] == "0.00"
    assert all(f == Figures() for f in report.by_liability.values())


def test_pareto_and_month_arithmetic() -> None:
    groups = [Group("a", "外观", "Look", Figures(lines=2)), Group("b", "功能", "Func", Figures(lines=6)),
              Group("c", "包装", "Pack", Figures(lines=2)), Group("none", "未分析", "Not analysed", Figures(lines=9))]
    rows = pareto(groups)
    assert [r.group.key for r in rows] == ["b", "a", "c"]
    assert [str(r.cumulative) for r in rows] == ["60.0", "80.0", "100.0"]
    assert previous_months("2026-01", 2) == ["2025-11", "2025-12"]
    assert month_bounds("2025-12") == (date(2025, 12, 1), date(2026, 1, 1))
    for bad in ("2025-13", "2025-1", "March", "", "2025"):
        with pytest.raises(ValueError):
            month_bounds(bad)


def test_a_new_station_opens_on_its_only_month(factory, actors) -> None:
    with factory() as s:
        assert opening_month(s, date(2026, 1, 20)) is None
    received(factory, actors, draft(received_on=date(2026, 1, 12)))
    with factory() as s:  # nothing in December: January, though it is still running
        assert opening_month(s, date(2026, 1, 20)) == "2026-01"
    received(factory, actors, draft(received_on=date(2025, 12, 30)))
    with factory() as s:  # across the year: last December
        assert opening_month(s, date(2026, 1, 20)) == "2025-12"
