"""资料维护 driven as a person would: search, sort, add, edit, deactivate on each page; input
kept on a refusal and on an edit conflict; a warehouse user sees the buttons disabled with
the reason; the Excel list with its preview; the users page and the shared settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from sqlalchemy import select

from app.services import masterdata as md
from app.services import user_admin
from app.services.settings import labour_rate
from db.models import AuditLog, Customer, Product, User
from tests.ui.test_window import click, open_window, type_text
from ui.context import StationContext
from ui.masterdata.window import MasterDataWindow

STRONG = "Rücksend-2026!"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Dialogs open through ui.errors.show: shown for real (offscreen), and listed."""
    opened: list[Any] = []

    def show(widget: Any) -> None:
        opened.append(widget)
        widget.show()
    monkeypatch.setattr("ui.errors.show", show)
    return opened


def open_master_data(qtbot: Any, factory: Any, actor: Any, settings: Any, page: str = "customer") -> MasterDataWindow:
    ctx = StationContext(factory, actor, settings, database="SQLite: test")
    window = MasterDataWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(page)
    return window


def search(qtbot: Any, page: Any, text: str) -> None:
    page.ui.searchEdit.setFocus()
    page.ui.searchEdit.selectAll()
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Delete)
    type_text(qtbot, page.ui.searchEdit, text)
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Return)  # Enter searches at once (no timer to wait for)


def choose_row(qtbot: Any, page: Any, row: int) -> None:
    view = page.ui.tableView
    rect = view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def fill(qtbot: Any, dialog: Any, **values: str) -> None:
    for key, text in values.items():
        edit = dialog.inputs[key]
        assert isinstance(edit, QLineEdit)
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        type_text(qtbot, edit, text)


def save(qtbot: Any, dialog: Any) -> None:
    click(qtbot, dialog.save_button)


def column_texts(page: Any, key: str) -> list[str]:
    col = next(i for i, c in enumerate(page.columns) if c.key == key)
    return [page.model.data(page.model.index(r, col)) for r in range(page.model.rowCount())]


def test_customers_search_sort_add_edit_deactivate(qtbot, factory, actors, station_settings, shown) -> None:
    w = open_master_data(qtbot, factory, actors["admin"], station_settings)
    page = w.pages["customer"]
    assert page.model.rowCount() >= 10 and "共" in page.ui.countLabel.text()
    search(qtbot, page, "电气")
    assert page.model.rowCount() >= 1 and all("电气" in n for n in column_texts(page, "name"))
    search(qtbot, page, "")
    assert page.model.rowCount() >= 10
    header = page.ui.tableView.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 0))
    codes = column_texts(page, "code")
    assert codes in (sorted(codes), sorted(codes, reverse=True))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 0))
    assert column_texts(page, "code") == list(reversed(codes))

    # add
    click(qtbot, page.ui.addButton)
    dialog = shown[-1]
    fill(qtbot, dialog, name="Acme Elektro GmbH", code="X900", contact="Weber", phone="+49 30 1")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert page.current().name == "Acme Elektro GmbH"
    assert "已保存" in page.ui.messageLabel.text()
    # edit
    click(qtbot, page.ui.editButton)
    dialog = shown[-1]
    assert dialog.inputs["name"].text() == "Acme Elektro GmbH"
    fill(qtbot, dialog, phone="+49 30 2")
    save(qtbot, dialog)
    with factory() as s:
        cust = s.scalar(select(Customer).where(Customer.code == "X900"))
        assert (cust.phone, cust.version, cust.updated_by) == ("+49 30 2", 2, actors["admin"].name)
        trail = {(a.field, a.old_value, a.new_value) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == "customer", AuditLog.entity_id == cust.id))}
    assert ("phone", "+49 30 1", "+49 30 2") in trail
    # deactivate, find it among the inactive, reactivate
    search(qtbot, page, "acme")
    choose_row(qtbot, page, 0)
    assert page.ui.activeButton.text() == "停用(&D)"
    click(qtbot, page.ui.activeButton)
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.ui.inactiveCheck, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and page.model.record(0).active is False
    choose_row(qtbot, page, 0)
    assert page.ui.activeButton.text() == "重新启用(&R)"
    click(qtbot, page.ui.activeButton)
    with factory() as s:
        assert s.scalar(select(Customer.active).where(Customer.code == "X900")) is True


def _section_center(header: Any, section: int) -> Any:
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_a_refused_entry_is_marked_and_the_input_kept(qtbot, factory, actors, station_settings, shown) -> None:
    w = open_master_data(qtbot, factory, actors["mgr"], station_settings, "product")
    page = w.pages["product"]
    click(qtbot, page.ui.addButton)
    dialog = shown[-1]
    fill(qtbot, dialog, model="NX-9 4P", name="新型断路器", unit_price="12.345", warranty_months="24")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.inputs["unit_price"].property("invalid") is True
    assert "单价" in dialog.state.labels["unit_price"].text()
    fill(qtbot, dialog, unit_price="12.35", warranty_months="200")
    save(qtbot, dialog)
    assert dialog.inputs["warranty_months"].property("invalid") is True
    assert "0到120" in dialog.state.labels["warranty_months"].text()
    assert dialog.inputs["model"].text() == "NX-9 4P" and dialog.inputs["name"].text() == "新型断路器"
    fill(qtbot, dialog, warranty_months="36", barcode="6901234500016")  # another product's barcode
    save(qtbot, dialog)
    assert "产品条码已存在" in dialog.state.labels["barcode"].text()
    fill(qtbot, dialog, barcode="6909999999999")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    with factory() as s:
        p = s.scalar(select(Product).where(Product.model == "NX-9 4P"))
        assert (str(p.unit_price), p.warranty_months, p.barcode) == ("12.35", 36, "6909999999999")


def test_an_edit_conflict_says_who_and_keeps_the_input(qtbot, factory, actors, station_settings, shown) -> None:
    w = open_master_data(qtbot, factory, actors["admin"], station_settings)
    page = w.pages["customer"]
    search(qtbot, page, "华东电气")
    choose_row(qtbot, page, 0)
    click(qtbot, page.ui.editButton)
    dialog = shown[-1]
    fill(qtbot, dialog, contact="王工")
    with factory.begin() as s:  # meanwhile the QA lead changes the same customer
        rec = md.get_record(s, "customer", page.current().id)
        md.update(s, actors["mgr"], "customer", rec.id, dict(phone="021-5555"), expected_version=rec.version)
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.inputs["contact"].text() == "王工"
    text = dialog.ui.messageLabel.text()
    assert actors["mgr"].name in text and "您的输入已保留" in text
    save(qtbot, dialog)  # seen: the second save applies the input over the newer version
    assert not dialog.isVisible()
    with factory() as s:
        cust = s.get(Customer, rec.id)
        assert (cust.contact, cust.phone) == ("王工", "021-5555")


def test_a_warehouse_user_may_look_but_not_change(qtbot, factory, actors, station_settings) -> None:
    w = open_master_data(qtbot, factory, actors["wh"], station_settings)
    for key in ("customer", "supplier", "product", "category", "location", "users"):
        page = w.show_page(key)
        assert page.model.rowCount() >= (1 if key in ("customer", "product", "category", "users") else 0)
        for button in (page.ui.addButton, page.ui.editButton, page.ui.activeButton):
            assert not button.isEnabled()
            assert "需要以下角色" in button.toolTip() and "系统管理员" in button.toolTip()
    settings = w.show_page("settings")
    assert not settings.save_button.isEnabled() and settings.edits["labour_rate"].isReadOnly()


def test_suppliers_categories_and_locations_pages(qtbot, factory, actors, station_settings, shown) -> None:
    w = open_master_data(qtbot, factory, actors["mgr"], station_settings)
    entries = {"supplier": dict(code="S01", name="温州配件厂", contact="陈"),
               "category": dict(code="rust", name_zh="锈蚀", name_en="Corrosion"),
               "location": dict(code="ISO-B-02", name="隔离区B-02", note="二楼")}
    for key, values in entries.items():
        page = w.show_page(key)
        click(qtbot, page.ui.addButton)
        dialog = shown[-1]
        fill(qtbot, dialog, **values)
        save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.ui.messageLabel.text()
        search(qtbot, page, values["code"])
        assert page.model.rowCount() == 1 and page.model.record(0).code == values["code"]
    # a product names its supplier from the list
    page = w.show_page("product")
    search(qtbot, page, "DZ47-63 C16")
    choose_row(qtbot, page, 0)
    click(qtbot, page.ui.editButton)
    dialog = shown[-1]
    combo = dialog.inputs["supplier_id"]
    combo.setCurrentIndex(combo.findText("温州配件厂"))
    save(qtbot, dialog)
    assert "温州配件厂" in column_texts(page, "supplier")


def test_users_page_add_and_change_roles(qtbot, factory, actors, station_settings, shown) -> None:
    w = open_master_data(qtbot, factory, actors["admin"], station_settings, "users")
    page = w.pages["users"]
    click(qtbot, page.ui.addButton)
    dialog = shown[-1]
    fill(qtbot, dialog, login="zhao", name="赵六", department="品质部", password=STRONG)
    save(qtbot, dialog)
    assert dialog.isVisible() and "至少要有一个角色" in dialog.state.labels["roles"].text()
    qtbot.mouseClick(dialog.role_checks["qa"], Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    search(qtbot, page, "zhao")
    choose_row(qtbot, page, 0)
    click(qtbot, page.ui.editButton)
    dialog = shown[-1]
    qtbot.mouseClick(dialog.role_checks["engineering"], Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert "技术部" in column_texts(page, "roles")[0]
    with factory() as s:
        user = s.scalar(select(User).where(User.login == "zhao"))
        assert user.role_codes == {"qa", "engineering"}
        roles = [a.new_value for a in s.scalars(select(AuditLog).where(AuditLog.entity == "user_role",
                                                                      AuditLog.entity_id == user.id))]
    assert any("engineering" in (r or "") for r in roles)


def test_the_administrator_resets_a_password_from_the_users_page(qtbot, factory, actors, station_settings,
                                                                  shown) -> None:
    from app.services.passwords import verify_password

    w = open_master_data(qtbot, factory, actors["admin"], station_settings, "users")
    page = w.pages["users"]
    assert not page.reset_button.isEnabled()  # no user chosen yet
    search(qtbot, page, "wh")
    choose_row(qtbot, page, 0)
    assert page.reset_button.isEnabled()
    click(qtbot, page.reset_button)
    dialog = shown[-1]
    qtbot.keyClicks(dialog.ui.newEdit, "Neu-Lager-2026")
    qtbot.keyClicks(dialog.ui.repeatEdit, "Neu-Lager-2026")
    click(qtbot, dialog.ok_button)
    with factory() as s:
        user = s.scalar(select(User).where(User.login == "wh"))
        assert verify_password("Neu-Lager-2026", user.password_hash) and user.must_change_password


def test_only_the_administrator_resets_passwords(qtbot, factory, actors, station_settings) -> None:
    w = open_master_data(qtbot, factory, actors["mgr"], station_settings, "users")
    page = w.pages["users"]
    search(qtbot, page, "wh")
    choose_row(qtbot, page, 0)
    assert page.ui.editButton.isEnabled() and not page.reset_button.isEnabled()
    assert "系统管理员" in page.reset_button.toolTip()


def test_the_manager_cannot_grant_the_admin_role(qtbot, factory, actors, station_settings, shown) -> None:
    w = open_master_data(qtbot, factory, actors["mgr"], station_settings, "users")
    click(qtbot, w.pages["users"].ui.addButton)
    assert not shown[-1].role_checks["admin"].isEnabled()


def test_shared_settings_page(qtbot, factory, actors, station_settings) -> None:
    w = open_master_data(qtbot, factory, actors["mgr"], station_settings, "settings")
    page = w.pages["settings"]
    rate = page.edits["labour_rate"]
    assert rate.text() == "32.00"
    rate.selectAll()
    type_text(qtbot, rate, "3x")
    click(qtbot, page.save_button)
    assert rate.property("invalid") is True and rate.text() == "3x"
    rate.selectAll()
    type_text(qtbot, rate, "36.50")
    click(qtbot, page.save_button)
    assert "已保存" in page.message.text()
    with factory() as s:
        assert str(labour_rate(s)) == "36.50"
        row = s.scalar(select(AuditLog).where(AuditLog.entity == "setting"))
        assert json.loads(row.new_value) == {"key": "labour_rate", "value": "36.50"}


def test_products_from_excel_with_preview_and_rejects(qtbot, factory, actors, station_settings, shown,
                                                       tmp_path: Path, monkeypatch) -> None:
    book = tmp_path / "产品清单.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["型号", "品名", "单价", "保修期(月)", "条码"])
    wb.active.append(["XL-1", "新品一", "10.00", 12, "6901111111111"])
    wb.active.append(["XL-2", "新品二", "-1", 12, None])
    wb.save(book)
    w = open_master_data(qtbot, factory, actors["admin"], station_settings, "product")
    page = w.pages["product"]
    click(qtbot, page.ui.importButton)
    dialog = shown[-1]
    monkeypatch.setattr(dialog, "ask_open_path", lambda: str(book))
    monkeypatch.setattr(dialog, "ask_save_path", lambda suggested: str(tmp_path / "rejects.xlsx"))
    click(qtbot, dialog.choose_button)
    assert "将新增 1 条" in dialog.summary.text() and dialog.rejects_table.rowCount() == 1
    assert dialog.rejects_table.item(0, 1).text() == "单价" and "单价" in dialog.rejects_table.item(0, 2).text()
    with factory() as s:
        assert s.scalar(select(Product.id).where(Product.model == "XL-1")) is None  # a preview writes nothing
    click(qtbot, dialog.rejects_button)
    assert (tmp_path / "rejects.xlsx").exists()
    click(qtbot, dialog.import_button)
    assert "已新增 1 条" in dialog.summary.text()
    search(qtbot, page, "XL-")
    assert column_texts(page, "model") == ["XL-1"]


def test_opened_from_the_station_menu_and_the_desk_follows(qtbot, factory, actors, station_settings, shown,
                                                            monkeypatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: None)
    main = open_window(qtbot, factory, actors["admin"], station_settings, tab="incoming")
    desk = main.tabs["incoming"]
    main.ui.actionMasterData.trigger()
    md_window = shown[-1]
    assert isinstance(md_window, MasterDataWindow) and md_window.isVisible()
    page = md_window.show_page("customer")
    click(qtbot, page.ui.addButton)
    dialog = shown[-1]
    assert isinstance(dialog, QDialog)
    fill(qtbot, dialog, name="菜单新客户")
    save(qtbot, dialog)
    assert desk.ui.customerCombo.findText("菜单新客户") >= 0  # the desk's list read again
    with factory() as s:
        assert user_admin.list_users(s, "admin")[0].roles == ("admin",)


def test_the_window_follows_the_language(qtbot, factory, actors, station_settings, shown, switch_language) -> None:
    w = open_master_data(qtbot, factory, actors["admin"], station_settings)
    page = w.pages["customer"]
    click(qtbot, page.ui.addButton)
    dialog = shown[-1]
    assert w.tabs.tabText(0) == "客户" and dialog.row_labels["name"][0].text() == "客户名称:"
    switch_language("en")
    assert w.windowTitle() == "Master data — RMA Station" and w.tabs.tabText(6) == "Shared settings"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert dialog.row_labels["name"][0].text() == "Customer name:" and dialog.windowTitle() == "New: Customer"
    assert page.ui.countLabel.text().endswith("entries")
    dialog.reject()


def test_the_list_model_passes_qt_model_checks(qtmodeltester, factory) -> None:
    from app.services.masterdata import ListQuery
    from ui.masterdata.model import RecordTableModel
    from ui.masterdata.pages import COLUMNS

    def fetch(search: str, inactive: bool, sort: str, descending: bool) -> Any:
        with factory() as s:
            page = md.list_records(s, "product", ListQuery(search=search, include_inactive=inactive, sort=sort,
                                                           descending=descending))
            return page.rows, page.total
    model = RecordTableModel(COLUMNS["product"], fetch, lambda: "zh_CN")
    model.reload()
    assert model.rowCount() >= 10
    qtmodeltester.check(model, force_py=True)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.record(0).model > model.record(1).model
