"""Master data: lists with search and sort, add, edit with versions, deactivate, roles, audit."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import ConflictError, ValidationError, WorkflowError
from app.services import masterdata as md
from app.services import returns, user_admin
from app.services.masterdata import ListQuery
from app.services.settings import save_shared
from db.models import AuditLog, Customer
from tests.unit.services.helpers import draft

STRONG = "Rücksend-2026!"


def _trail(factory, entity: str, entity_id: int | None = None) -> list[AuditLog]:
    with factory() as s:
        stmt = select(AuditLog).where(AuditLog.entity == entity)
        if entity_id is not None:
            stmt = stmt.where(AuditLog.entity_id == entity_id)
        return list(s.scalars(stmt.order_by(AuditLog.id)))


def test_customer_search_is_case_insensitive_sorted_and_paged(factory, actors) -> None:
    with factory.begin() as s:
        md.create(s, actors["admin"], "customer", dict(name="Acme Electric GmbH", code="X900", contact="Weber"))
        md.create(s, actors["mgr"], "customer", dict(name="acme tools", code="X901"))
    with factory() as s:
        page = md.list_records(s, "customer", ListQuery(search="ACME"))
        assert page.total == 2 and {r.name for r in page.rows} == {"Acme Electric GmbH", "acme tools"}
        assert [r.code for r in md.list_records(s, "customer", ListQuery(search="acme", sort="code",
                                                                          descending=True)).rows] == ["X901", "X900"]
        assert md.list_records(s, "customer", ListQuery(search="weber")).rows[0].code == "X900"
        everyone = md.list_records(s, "customer", ListQuery(sort="code"))
        assert everyone.total >= 10 and [r.code for r in everyone.rows] == sorted(r.code for r in everyone.rows)
        second = md.list_records(s, "customer", ListQuery(sort="code", limit=3, offset=3))
        assert [r.code for r in second.rows] == [r.code for r in everyone.rows[3:6]]
        assert md.list_records(s, "customer", ListQuery(search="100%_")).total == 0


def test_customer_edit_needs_the_version_seen_and_is_audited(factory, actors) -> None:
    with factory.begin() as s:
        c = md.create(s, actors["admin"], "customer", dict(name="新客户甲", code="N001", phone="021-1"))
    with factory.begin() as s:
        edited = md.update(s, actors["mgr"], "customer", c.id, dict(name="新客户甲(上海)", phone="021-2",
                                                                    sales_rep_id=actors["sales"].user_id),
                           expected_version=c.version)
    assert edited.version == c.version + 1 and edited.sales_rep == actors["sales"].name
    assert edited.updated_by == actors["mgr"].name
    with factory() as s, pytest.raises(ConflictError) as err:
        md.update(s, actors["admin"], "customer", c.id, dict(phone="021-3"), expected_version=c.version)
    assert actors["mgr"].name in err.value.message("zh")
    trail = _trail(factory, "customer", c.id)
    assert trail[0].action == "insert" and json.loads(trail[0].new_value)["name"] == "新客户甲"
    changes = {(a.user_login, a.field, a.old_value, a.new_value) for a in trail if a.action == "update"}
    assert ("mgr", "name", "新客户甲", "新客户甲(上海)") in changes
    assert ("mgr", "phone", "021-1", "021-2") in changes
    assert ("mgr", "sales_rep_id", None, str(actors["sales"].user_id)) in changes


def test_validation_messages_name_the_field(factory, actors) -> None:
    admin = actors["admin"]
    cases = [
        ("customer", dict(name="  "), "name", "required", "客户名称不能为空"),
        ("customer", dict(name="华东电气设备有限公司"), "name", "duplicate", "已存在"),
        ("product", dict(model="DZ47-63 C16", unit="只", unit_price="1", warranty_months=1), "model",
         "duplicate", "已存在"),
        ("product", dict(model="P-1", unit="只", unit_price="-1", warranty_months=1), "unit_price",
         "price_invalid", "单价"),
        ("product", dict(model="P-1", unit="只", unit_price="1.234", warranty_months=1), "unit_price",
         "price_invalid", "单价"),
        ("product", dict(model="P-1", unit="只", unit_price="1", warranty_months="121"), "warranty_months",
         "warranty_invalid", "0到120"),
        ("product", dict(model="P-1", unit="只", unit_price="1", warranty_months="1.5"), "warranty_months",
         "warranty_invalid", "保修期"),
        ("product", dict(model="P-1", unit="只", unit_price="1", warranty_months=6, barcode="6901234500030"),
         "barcode", "duplicate", "产品条码已存在"),
        ("supplier", dict(code="", name="某供应商"), "code", "required", "供应商编码不能为空"),
        ("category", dict(code="appearance", name_zh="外观"), "code", "duplicate", "已存在"),
        ("location", dict(code="A" * 33), "code", "text_too_long", "最长32个字符,当前33个"),
    ]
    for kind, values, field, key, zh in cases:
        with factory() as s, pytest.raises(ValidationError) as err:
            md.create(s, admin, kind, values)
        assert (err.value.field, err.value.key) == (field, key), (kind, values)
        assert zh in err.value.message("zh"), err.value.message("zh")
        assert err.value.message("en")


def test_product_price_is_decimal_and_supplier_resolves(factory, actors) -> None:
    with factory.begin() as s:
        sup = md.create(s, actors["admin"], "supplier", dict(code="S01", name="温州正泰配件厂", contact="陈"))
        p = md.create(s, actors["admin"], "product", dict(model="DZ158-125 3P", name="断路器", unit="台",
                                                          unit_price="125.5", warranty_months="24",
                                                          barcode="6900000000001", supplier_id=sup.id))
    assert p.unit_price == Decimal("125.50") and isinstance(p.unit_price, Decimal)
    assert (p.warranty_months, p.supplier) == (24, "温州正泰配件厂")
    with factory() as s:
        assert md.list_records(s, "product", ListQuery(search="6900000000001")).rows[0].model == "DZ158-125 3P"
        assert returns.find_product(s, "6900000000001").model == "DZ158-125 3P"


def test_deactivated_entries_leave_the_lists_but_stay_in_old_returns(factory, actors) -> None:
    with factory.begin() as s:
        rma = returns.receive_return(s, actors["wh"], draft())
        cust_id = rma.customer_id
    with factory() as s:
        c = md.get_record(s, "customer", cust_id)
    with factory.begin() as s:
        md.set_active(s, actors["admin"], "customer", cust_id, False, expected_version=c.version)
    with factory() as s:
        assert cust_id not in {r.id for r in md.list_records(s, "customer").rows}
        assert cust_id in {r.id for r in md.list_records(s, "customer", ListQuery(include_inactive=True)).rows}
        assert s.get(Customer, cust_id) is not None
        assert returns.find_return(s, rma.rma_no).customer.name == c.name
    trail = _trail(factory, "customer", cust_id)
    assert ("active", "1", "0") in {(a.field, a.old_value, a.new_value) for a in trail}


def test_only_admin_and_manager_keep_the_lists_the_desk_may_quick_add(factory, actors) -> None:
    for login in ("wh", "qa", "sales"):
        with factory() as s, pytest.raises(WorkflowError):
            md.create(s, actors[login], "customer", dict(name="无权客户"))
    with factory() as s:
        c = md.list_records(s, "customer").rows[0]
        with pytest.raises(WorkflowError):
            md.update(s, actors["wh"], "customer", c.id, dict(phone="1"), expected_version=c.version)
        with pytest.raises(WorkflowError):
            md.set_active(s, actors["wh"], "customer", c.id, False, expected_version=c.version)
    with factory.begin() as s:
        c = md.quick_add_customer(s, actors["wh"], "现场新客户", code="Q01", contact="王", phone="139")
        p = md.quick_add_product(s, actors["wh"], "NEW-MODEL 1", name="新品", unit="只", unit_price="9.90",
                                 warranty_months=6, barcode="")
    assert (c.code, c.contact) == ("Q01", "王") and p.barcode == "" and p.unit_price == Decimal("9.90")
    with factory() as s, pytest.raises(WorkflowError):
        md.quick_add_customer(s, actors["qa"], "质检加的客户")
    with factory.begin() as s:
        rma = returns.receive_return(s, actors["wh"], draft(customer="现场新客户"))
        assert rma.customer_id == c.id


def test_categories_and_locations(factory, actors) -> None:
    with factory.begin() as s:
        cat = md.create(s, actors["mgr"], "category", dict(code="rust", name_zh="锈蚀", name_en="Corrosion"))
        loc = md.create(s, actors["mgr"], "location", dict(code="ISO-B-02", name="隔离区B-02", note="二楼"))
    with factory() as s:
        assert md.list_records(s, "category", ListQuery(search="corro")).rows[0].id == cat.id
        assert md.list_records(s, "location", ListQuery(search="iso-b")).rows[0].id == loc.id
    assert _trail(factory, "defect_category", cat.id)[0].action == "insert"
    assert _trail(factory, "storage_location", loc.id)[0].action == "insert"


def test_users_page_roles_are_audited_and_the_hash_is_masked(factory, actors) -> None:
    with factory.begin() as s:
        u = user_admin.add_user(s, actors["admin"], "zhao", "赵六", STRONG, ["qa"], "品质部")
    with factory.begin() as s:
        user_admin.update_user(s, actors["mgr"], u.id, name="赵六", department="技术部",
                               roles=["qa", "engineering"], active=True)
    with factory() as s:
        found = user_admin.list_users(s, "ZHAO")
        assert [(r.login, r.roles, r.department) for r in found] == [("zhao", ("engineering", "qa"), "技术部")]
    with factory.begin() as s:
        user_admin.update_user(s, actors["admin"], u.id, name="赵六", department="技术部",
                               roles=["engineering"], active=True)
    roles = {(a.action, a.old_value, a.new_value) for a in _trail(factory, "user_role", u.id)}
    assert ("insert", None, json.dumps({"role": "qa", "user_id": str(u.id)}, sort_keys=True)) in roles
    assert any(a == "insert" and "engineering" in (n or "") for a, _o, n in roles)
    assert any(a == "delete" and '"qa"' in (o or "") for a, o, _n in roles)
    users = _trail(factory, "user", u.id)
    assert json.loads(users[0].new_value)["password_hash"] == "(set)"
    assert ("department", "品质部", "技术部") in {(a.field, a.old_value, a.new_value) for a in users}
    assert all("scrypt" not in (a.new_value or "") + (a.old_value or "") for a in users)


def test_user_rules_admin_role_and_last_admin(factory, actors) -> None:
    with factory() as s, pytest.raises(ValidationError) as err:
        user_admin.add_user(s, actors["mgr"], "boss", "老板", STRONG, ["admin"])
    assert err.value.key == "admin_grant"
    with factory() as s, pytest.raises(ValidationError) as err:
        user_admin.update_user(s, actors["admin"], actors["admin"].user_id, name="管理员", department="",
                               roles=["qa"], active=True)
    assert err.value.key == "last_admin"
    with factory() as s, pytest.raises(ValidationError) as err:
        user_admin.set_user_active(s, actors["mgr"], actors["admin"].user_id, False)
    assert err.value.key == "admin_grant"
    with factory() as s, pytest.raises(ValidationError) as err:
        user_admin.add_user(s, actors["admin"], "nobody", "某人", STRONG, [])
    assert err.value.key == "roles_required"
    with factory() as s, pytest.raises(WorkflowError):
        user_admin.add_user(s, actors["wh"], "li", "李", STRONG, ["qa"])
    with factory.begin() as s:
        user_admin.set_user_active(s, actors["admin"], actors["pmc"].user_id, False)
    with factory() as s:
        assert "pmc" not in {r.login for r in user_admin.list_users(s)}
        assert "pmc" in {r.login for r in user_admin.list_users(s, include_inactive=True)}


def test_setting_change_leaves_old_and_new_value(factory, actors) -> None:
    with factory.begin() as s:
        save_shared(s, actors["admin"], {"labour_rate": "35.00"})
    with factory.begin() as s:
        save_shared(s, actors["mgr"], {"labour_rate": "36.50"})
    trail = _trail(factory, "setting")
    assert json.loads(trail[0].new_value)["value"] == "35.00"
    assert ("mgr", "labour_rate", "35.00", "36.50") in {
        (a.user_login, a.field, a.old_value, a.new_value) for a in trail if a.action == "update"}


def test_the_desk_pick_list_names_the_active_storage_locations(factory, actors) -> None:
    from app.services import lookups

    with factory.begin() as s:
        loc = md.create(s, actors["admin"], "location", dict(code="ISO-C", name="隔离区C"))
        md.create(s, actors["admin"], "location", dict(code="ISO-D"))
    with factory() as s:
        assert {"隔离区C", "ISO-D"} <= set(lookups.recent_storage_locations(s))
    with factory.begin() as s:
        md.set_active(s, actors["admin"], "location", loc.id, False, expected_version=loc.version)
    with factory() as s:
        assert "隔离区C" not in lookups.recent_storage_locations(s)
