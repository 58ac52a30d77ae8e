"""8D from opening to signed closure, liaison notes acknowledged by sales, a record's history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import ConflictError, ValidationError, WorkflowError
from app.services import eightd, history, inspection, liaison, returns
from tests.unit.services.helpers import approved, decided, line_ids

PASSWORD = "1234"  # the seeded demo users' password


def _opened(factory, actors, due: date | None = None) -> tuple[int, int, int]:
    rid, lid = decided(factory, actors)
    with factory.begin() as s:
        ca = inspection.open_corrective_action(s, actors["qa"], lid, inspection.CorrectiveDraft(
            owner="张工", due_on=due or date.today() + timedelta(days=10), problem="触点烧蚀"))
        return rid, lid, ca.id


def _filled(s, ca_id: int) -> eightd.SectionsDraft:
    d = eightd.SectionsDraft.of(eightd.get_8d(s, ca_id))
    d.team = "张工 (组长)\n李工 (质量)"
    d.problem_what = "DZ47-63 C16 触点烧蚀"
    d.problem_how_many = "20 件"
    d.containment = "库存 300 件全检"
    d.root_cause = "焊接温度偏低"
    d.corrective_action = "调整焊接温度曲线"
    d.implementation = "3月10日起执行"
    d.verification = "连续3批抽检无不良"
    d.preventive_action = "更新作业指导书与FMEA"
    d.fmea_updated = True
    d.closure = "小组解散,表彰"
    return d


def test_8d_from_opening_to_signed_closure(factory, actors) -> None:
    _rid, _lid, ca_id = _opened(factory, actors)
    year = date.today().year
    with factory() as s:
        ca = eightd.get_8d(s, ca_id)
        assert ca.no == f"8D-{year}-0001"
        version = ca.version
    with factory.begin() as s:
        eightd.update_sections(s, actors["eng"], ca_id, _filled(s, ca_id), expected_version=version)
    with factory.begin() as s:
        item = eightd.add_action(s, actors["qa"], ca_id, d_step="d5", text="调整焊接温度", owner="王工",
                                 due_on=date.today() + timedelta(days=3))
        item_id = item.id
    # closing needs every action done and the verification signed
    with factory() as s, pytest.raises(WorkflowError) as err:
        eightd.close(s, actors["qa"], ca_id, PASSWORD)
    assert err.value.key == "eightd_actions_open"
    with factory.begin() as s:
        eightd.complete_action(s, actors["eng"], item_id, date(2026, 3, 9))
    with factory() as s, pytest.raises(WorkflowError) as err:
        eightd.close(s, actors["qa"], ca_id, PASSWORD)
    assert err.value.key == "eightd_not_verified"
    # engineering edits but does not sign; a wrong password is refused
    with factory() as s, pytest.raises(WorkflowError):
        eightd.verify(s, actors["eng"], ca_id, PASSWORD)
    with factory() as s, pytest.raises(ValidationError) as err:
        eightd.verify(s, actors["qa"], ca_id, "wrong")
    assert err.value.key == "signature_wrong_password"
    with factory.begin() as s:
        eightd.verify(s, actors["qa"], ca_id, PASSWORD)
    with factory.begin() as s:
        eightd.close(s, actors["qa"], ca_id, PASSWORD)
    with factory() as s:
        ca = eightd.get_8d(s, ca_id)
        assert ca.status == "closed"
        assert ca.verified_by_id == ca.closed_by_id == actors["qa"].user_id
        assert ca.closed_at is not None and ca.verified_at is not None
        rows = history.filter_rows(history.line_history(s, ca.line_id), field="signature")
        assert [r.new for r in rows] == ["效果验证", "关闭"]
        assert {r.login for r in rows} == {"qa"}
        done = history.filter_rows(history.line_history(s, ca.line_id), entity="ca_item", field="status")
        assert [(r.record, r.old, r.new) for r in done] == [(f"8D-{year}-0001 D5", "进行中", "已完成")]
        # closed: no more edits
        with pytest.raises(WorkflowError):
            eightd.update_sections(s, actors["qa"], ca_id, _filled(s, ca_id))


def test_closing_needs_d4_to_d7(factory, actors) -> None:
    _rid, _lid, ca_id = _opened(factory, actors)
    with factory.begin() as s:
        d = _filled(s, ca_id)
        d.preventive_action = ""
        eightd.update_sections(s, actors["qa"], ca_id, d)
        eightd.verify(s, actors["qa"], ca_id, PASSWORD)
    with factory() as s, pytest.raises(ValidationError) as err:
        eightd.close(s, actors["qa"], ca_id, PASSWORD)
    assert err.value.field == "preventive_action"


def test_a_stale_8d_save_is_a_conflict(factory, actors) -> None:
    _rid, _lid, ca_id = _opened(factory, actors)
    with factory() as s:
        stale = eightd.get_8d(s, ca_id).version
    with factory.begin() as s:
        eightd.update_sections(s, actors["qa"], ca_id, _filled(s, ca_id), expected_version=stale)
    with factory() as s, pytest.raises(ConflictError) as err:
        eightd.update_sections(s, actors["eng"], ca_id, _filled(s, ca_id), expected_version=stale)
    assert err.value.info.your_input["root_cause"] == "焊接温度偏低"
    assert err.value.info.changed_by == actors["qa"].name


def test_the_8d_list_filters_open_overdue_closed(factory, actors) -> None:
    today = date.today()
    _r1, _l1, late = _opened(factory, actors, due=today - timedelta(days=2))
    _r2, _l2, fresh = _opened(factory, actors, due=today + timedelta(days=5))
    with factory() as s:
        assert [r.id for r in eightd.list_8d(s, state="overdue")] == [late]
        assert [r.id for r in eightd.list_8d(s, state="open")] == [late, fresh]
        assert eightd.list_8d(s, state="closed") == []
        assert eightd.counts(s) == eightd.EightDCounts(open=2, overdue=1, closed=0)
        assert [r.id for r in eightd.list_8d(s, due_before=today)] == [late]
        assert eightd.list_8d(s, owner="王") == []
        row = eightd.list_8d(s, owner="张")[0]
        assert row.overdue and row.rma_no.startswith("RMA-") and row.model == "DZ47-63 C16"


def test_liaison_note_acknowledged_by_sales_with_a_reply(factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        note = inspection.raise_liaison_note(s, actors["qa"], lid, "other", "客户要求加急")
        note_id = note.id
        assert note.due_on == inspection.liaison_due(date.today())
    with factory() as s:
        later = date.today() + timedelta(days=10)
        row = liaison.queue(s, today=later)[0]
        assert row.id == note_id and row.overdue and row.reason_zh == "其他"
    with factory() as s, pytest.raises(WorkflowError):
        liaison.acknowledge(s, actors["qa"], note_id, "好")
    with factory() as s, pytest.raises(ValidationError):
        liaison.acknowledge(s, actors["sales"], note_id, "  ")
    with factory.begin() as s:
        liaison.acknowledge(s, actors["sales"], note_id, "已通知客户,三日内补货")
    with factory() as s:
        (row,) = liaison.notes_of_return(s, rid)
        assert row.reply == "已通知客户,三日内补货" and row.acknowledged_by and not row.overdue
        with pytest.raises(WorkflowError) as err:
            liaison.acknowledge(s, actors["sales"], note_id, "again")
        assert err.value.key == "liaison_already_acknowledged"
        rows = history.filter_rows(history.return_history(s, rid), entity="liaison_note", field="reply")
        assert [(r.old, r.new, r.login) for r in rows] == [("", "已通知客户,三日内补货", "sales")]


def test_history_shows_a_corrected_count_old_to_new(factory, actors) -> None:
    from tests.unit.services.helpers import received
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        returns.update_line_count(s, actors["wh"], lid, qty_counted=18, expected_version=1)
    with factory() as s:
        rows = history.return_history(s, rid, "zh")
        changed = history.filter_rows(rows, field="qty_counted")
        assert [(r.old, r.new, r.login, r.field_zh, r.record) for r in changed] == [
            ("20", "18", "wh", "清点数量", "行 1")]
        created = history.filter_rows(rows, entity="return")[0]
        assert created.action == "insert" and "收货日期: 2026-03-05" in created.new
        assert ("qty_counted", "清点数量") in history.fields_in(rows)
        assert "Counted quantity" in {r.field_en for r in history.line_history(s, lid, "en")}


def test_history_shows_codes_as_names(factory, actors) -> None:
    _rid, lid = decided(factory, actors, disposition="repair_reship", liability=3)
    with factory() as s:
        rows = history.line_history(s, lid, "zh")
        (liab,) = history.filter_rows(rows, field="liability_code")
        (disp,) = history.filter_rows(rows, field="disposition")
        (status,) = [r for r in history.filter_rows(rows, field="status") if r.new == "返工中"]
    assert (liab.old, liab.new, liab.login) == ("", "3 制造", "eng")
    assert disp.new == "修复后再出货" and status.old == "待判定"


def test_demo_8ds_have_numbers_and_signatures(factory, actors) -> None:
    import re

    from app.services.demo import fill_demo

    fill_demo(factory, 200, today=date(2026, 11, 23))
    with factory() as s:
        rows = eightd.list_8d(s, today=date(2026, 11, 23))
        assert rows and all(re.fullmatch(r"8D-20\d\d-\d{4}", r.no) for r in rows)
        assert len({r.no for r in rows}) == len(rows)
        for r in rows:
            ca = eightd.get_8d(s, r.id)
            assert (ca.closed_by_id is not None) == (ca.status == "closed") == (ca.verified_at is not None)
        acknowledged = [n for n in liaison.queue(s) if n.acknowledged_at is not None]
        assert acknowledged and all(n.reply for n in acknowledged)
