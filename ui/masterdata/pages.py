"""The pages of the master-data window: one list per entity, the users, the shared settings.

Every list page is the same Designer form (forms/masterdata_page.ui): a search field, "show
inactive", the table (header click sorts), Add / Edit / Deactivate, and for customers and
products "From Excel…". The buttons that change anything are enabled only for the
administrator and the QA lead (Role.ADMIN, Role.MANAGER); for anyone else the tooltip says
which role it takes. Entries are deactivated, never deleted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.codes import ROLES, Role
from app.errors import ConflictError
from app.services import masterdata as md
from app.services import settings as shared_settings
from app.services import user_admin
from app.services.masterdata import ListQuery
from forms.ui_masterdata_page import Ui_MasterDataPage
from ui import errors as ui_errors
from ui.context import Outcome, StationContext, form_buttons
from ui.corrections import place_after
from ui.i18n import Retranslatable
from ui.masterdata.dialogs import EntryDialog, RecordDialog, UserDialog
from ui.masterdata.model import Column, RecordTableModel
from ui.password_dialogs import ResetPasswordDialog
from ui.widgets.bench import gate
from ui.widgets.form_state import FormState

SEARCH_DELAY_MS = 250
_ACTIVE = ("启用", "Active")
_CHANGED = ("最后修改", "Last changed")
_BY = ("修改人", "Changed by")

COLUMNS: dict[str, list[Column]] = {
    "customer": [Column("code", ("客户编码", "Code"), "code", 90), Column("name", ("客户名称", "Name"), "name", 220),
                 Column("contact", ("联系人", "Contact"), "contact", 90), Column("phone", ("电话", "Phone"), "phone", 110),
                 Column("address", ("地址", "Address"), "address", 180),
                 Column("sales_rep", ("业务员", "Sales rep"), None, 90),
                 Column("active", _ACTIVE, "active", 50), Column("updated_by", _BY, None, 80),
                 Column("updated_at", _CHANGED, "updated_at", 130)],
    "supplier": [Column("code", ("供应商编码", "Code"), "code", 100), Column("name", ("供应商名称", "Name"), "name", 240),
                 Column("contact", ("联系人", "Contact"), "contact", 100), Column("phone", ("电话", "Phone"), "phone", 120),
                 Column("active", _ACTIVE, "active", 50), Column("updated_by", _BY, None, 80),
                 Column("updated_at", _CHANGED, "updated_at", 130)],
    "product": [Column("model", ("型号规格", "Model/spec"), "model", 170), Column("name", ("品名", "Name"), "name", 120),
                Column("unit", ("单位", "Unit"), "unit", 50), Column("unit_price", ("单价", "Unit price"), "unit_price", 80),
                Column("warranty_months", ("保修期(月)", "Warranty (months)"), "warranty_months", 125),
                Column("barcode", ("产品条码", "Barcode"), "barcode", 120),
                Column("supplier", ("供应商", "Supplier"), None, 120),
                Column("active", _ACTIVE, "active", 50), Column("updated_at", _CHANGED, "updated_at", 130)],
    "category": [Column("code", ("编码", "Code"), "code", 110), Column("name_zh", ("中文名称", "Chinese"), "name_zh", 180),
                 Column("name_en", ("英文名称", "English"), "name_en", 200), Column("active", _ACTIVE, "active", 50),
                 Column("updated_by", _BY, None, 80), Column("updated_at", _CHANGED, "updated_at", 130)],
    "location": [Column("code", ("位置编码", "Code"), "code", 120), Column("name", ("名称", "Name"), "name", 160),
                 Column("note", ("说明", "Note"), "note", 240), Column("active", _ACTIVE, "active", 50),
                 Column("updated_by", _BY, None, 80), Column("updated_at", _CHANGED, "updated_at", 130)],
}
USER_COLUMNS = [Column("login", ("用户名", "User name"), "login", 90), Column("name", ("姓名", "Name"), "name", 100),
                Column("department", ("部门", "Department"), "department", 100),
                Column("roles", ("角色", "Roles"), None, 260), Column("active", ("可以登录", "May log in"), "active", 70)]
# which Excel list a page takes in
IMPORTS = {"customer": "customers", "product": "products"}


class ListPage(Retranslatable, QWidget):
    """A searchable, sortable list with Add / Edit / Deactivate (subclasses say of what)."""

    columns: list[Column] = []

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MasterDataPage()
        self.ui.setupUi(self)
        self.dialog: EntryDialog | None = None
        self._loaded = False
        self.model = RecordTableModel(self.columns, None, lambda: self.ctx.language, self,
                                      formatters=self.formatters(), reader=self._read_rows)
        view = self.ui.tableView
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, column in enumerate(self.columns):
            view.setColumnWidth(i, column.width)
        view.setSortingEnabled(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort)
        view.selectionModel().currentRowChanged.connect(lambda *_: self.update_actions())
        view.doubleClicked.connect(lambda _i: self.edit() if self.ui.editButton.isEnabled() else None)
        self.model.countChanged.connect(lambda _n: self._show_count())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        self.ui.searchEdit.returnPressed.connect(self.apply_filter)
        self.ui.inactiveCheck.toggled.connect(lambda _c: self.apply_filter())
        self.ui.addButton.clicked.connect(self.add)
        self.ui.editButton.clicked.connect(self.edit)
        self.ui.activeButton.clicked.connect(self.toggle_active)
        self.ui.messageLabel.hide()

    def formatters(self) -> dict[str, Any]:
        return {}

    # ------------------------------------------------------------ the list

    def fetch(self, s: Session, query: ListQuery) -> tuple[list[Any], int]:
        raise NotImplementedError

    def _read_rows(self, query: ListQuery, done: Any) -> None:
        """The list's rows on a pool thread (StationContext.query); a lost database leaves
        the rows shown (the banner says why)."""
        self.ctx.query(lambda s: self.fetch(s, query), done, on_lost=lambda _e: done(None), initiator=self)

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        """Header click: the database sorts; the chosen entry stays chosen."""
        keep = self.current_id()
        self.model.sort(column, order, then=lambda: self.select(keep))

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.model.reload(self.update_actions)

    def apply_filter(self, keep: int | None = None) -> None:
        """Search (or show inactive entries): the chosen entry, or `keep`, stays chosen if
        it is still in the list once the rows are read."""
        self._search_timer.stop()
        self._loaded = True
        keep = keep if keep is not None else self.current_id()
        self.model.set_filter(self.ui.searchEdit.text(), self.ui.inactiveCheck.isChecked(),
                              then=lambda: self.select(keep))

    def refresh(self) -> None:
        self.reload_and_select(self.current_id())

    def reload_and_select(self, record_id: int | None) -> None:
        """Read the list again, then choose `record_id` in it (after a save, a deactivation)."""
        self.model.reload(then=lambda: self.select(record_id))

    def current(self) -> Any:
        index = self.ui.tableView.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def current_id(self) -> int | None:
        record = self.current()
        return record.id if record is not None else None

    def select(self, record_id: int | None) -> None:
        row = self.model.row_of(record_id)
        sel = self.ui.tableView.selectionModel()
        if row < 0:
            sel.clearSelection()
            self.ui.tableView.setCurrentIndex(QModelIndex())
        else:
            index = self.model.index(row, 0)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                | QItemSelectionModel.SelectionFlag.Rows)
            self.ui.tableView.scrollTo(index)
        self.update_actions()

    def _show_count(self) -> None:
        total = self.model.total  # lupdate reads a plain name here, not an attribute
        text = QCoreApplication.translate("ListPage", "%n entries", None, total)
        self.ui.countLabel.setText(text)

    # ------------------------------------------------------------ who may

    def may_edit(self) -> bool:
        return self.ctx.can(*md.EDITORS)

    def update_actions(self) -> None:
        lang, record = self.ctx.language, self.current()
        ok = self.may_edit()
        no_row = QCoreApplication.translate("ListPage", "Choose an entry in the list first")
        gate(self.ui.addButton, roles_ok=ok, roles=md.EDITORS, lang=lang)
        gate(self.ui.editButton, roles_ok=ok, roles=md.EDITORS, lang=lang, state_ok=record is not None,
             state_reason=no_row)
        gate(self.ui.activeButton, roles_ok=ok, roles=md.EDITORS, lang=lang, state_ok=record is not None,
             state_reason=no_row)
        active = record is None or getattr(record, "active", True)
        self.ui.activeButton.setText(QCoreApplication.translate("ListPage", "&Deactivate") if active else QCoreApplication.translate("ListPage", "&Reactivate"))

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.searchEdit.setPlaceholderText(self.search_hint())
        self.model.retranslate()
        self._show_count()
        self.update_actions()

    def search_hint(self) -> str:
        return QCoreApplication.translate("ListPage", "Code, name, contact…")

    def show_message(self, text: str, *, good: bool = False) -> None:
        ui_errors.mark_field(None, self.ui.messageLabel, text, invalid=not good, good=good)

    # ------------------------------------------------------------ actions

    def open_dialog(self, dialog: EntryDialog) -> EntryDialog:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        ui_errors.show(dialog)
        return dialog

    def _saved(self, record: Any) -> None:
        self.show_message(QCoreApplication.translate("ListPage", "Saved."), good=True)
        rid = getattr(record, "id", None)

        def placed() -> None:
            if self.model.row_of(rid) < 0 and self.ui.searchEdit.text():
                self.ui.searchEdit.clear()  # the new entry does not match the search: show it
                self.apply_filter(keep=rid)
            else:
                self.select(rid)
        self.model.reload(then=placed)

    def add(self) -> EntryDialog | None:
        raise NotImplementedError

    def edit(self) -> EntryDialog | None:
        raise NotImplementedError

    def toggle_active(self) -> None:
        raise NotImplementedError


class RecordListPage(ListPage):
    """Customers, suppliers, products, defect categories or storage locations."""

    def __init__(self, ctx: StationContext, kind: str, parent: QWidget | None = None) -> None:
        self.kind = kind
        self.columns = COLUMNS[kind]
        super().__init__(ctx, parent)
        self.ui.importButton.setVisible(kind in IMPORTS)
        self.ui.importButton.clicked.connect(self.import_list)
        self.import_dialog: Any = None
        self.retranslate()

    def fetch(self, s: Session, query: ListQuery) -> tuple[list[Any], int]:
        page = md.list_records(s, self.kind, query)
        return page.rows, page.total

    def search_hint(self) -> str:
        if self.kind == "product":
            return self.tr("Model, name or barcode…")
        if self.kind == "category":
            return self.tr("Code or name…")
        if self.kind == "location":
            return self.tr("Code, name or note…")
        return self.tr("Code, name, contact…")

    def update_actions(self) -> None:
        super().update_actions()
        if self.kind in IMPORTS:
            gate(self.ui.importButton, roles_ok=self.may_edit(), roles=md.EDITORS, lang=self.ctx.language)

    def add(self) -> EntryDialog | None:
        if not self.ui.addButton.isEnabled():
            return None
        return self.open_dialog(RecordDialog(self.ctx, self.kind, None, self))

    def edit(self) -> EntryDialog | None:
        """Open the chosen entry as it is now in the database (read off the UI thread; with
        the list's copy when the database cannot be reached). Returns the dialog when the
        read answered at once (synchronous workers in tests), else None: it opens when the
        answer arrives."""
        record = self.current()
        if record is None or not self.ui.editButton.isEnabled() or self._opening:
            return None
        kind, rid = self.kind, record.id
        opened: list[EntryDialog] = []

        def show(fresh: Any) -> None:
            self._opening = False
            opened.append(self.open_dialog(RecordDialog(self.ctx, self.kind, fresh or record, self)))

        def failed(exc: Any) -> None:
            self._opening = False
            self.show_message(exc.message(self.ctx.language))

        self._opening = True  # a second double-click meanwhile opens nothing more
        self.ctx.query(lambda s: md.get_record(s, kind, rid), show, on_lost=lambda _e: show(None),
                       on_error=failed, initiator=self)
        return opened[0] if opened else None

    _opening = False

    def toggle_active(self) -> None:
        record = self.current()
        if record is None or not self.ui.activeButton.isEnabled():
            return
        actor, kind, rid, version, active = self.ctx.actor, self.kind, record.id, record.version, not record.active

        def done(outcome: Outcome[Any]) -> None:
            if outcome.ok:
                self.ctx.events.referenceChanged.emit()
                self.show_message(self.tr("Reactivated.") if active else
                                  self.tr("Deactivated: it no longer appears in the pick lists; "
                                          "returns that name it keep it."), good=True)
                self.reload_and_select(rid)
            elif isinstance(outcome.error, ConflictError):
                self.show_message(outcome.error.message(self.ctx.language) + " "
                                  + self.tr("Press F5 to reload."))
            elif outcome.error is not None:
                self.show_message(outcome.error.message(self.ctx.language))

        self.ctx.run(lambda s: md.set_active(s, actor, kind, rid, active, expected_version=version), on_done=done,
                     initiator=self, busy=form_buttons(self, self.ui.activeButton))

    def import_list(self) -> Any:
        if self.kind not in IMPORTS or not self.ui.importButton.isEnabled():
            return None
        from ui.masterdata.import_list import ListImportDialog  # the page opens without it

        if self.import_dialog is None:
            self.import_dialog = ListImportDialog(self.ctx, IMPORTS[self.kind], self)
            self.import_dialog.imported.connect(lambda _r: self.refresh())
        ui_errors.show(self.import_dialog)
        return self.import_dialog


class UsersPage(ListPage):
    """The users: who may log in, with which roles."""

    columns = USER_COLUMNS

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        self.reset_button = QPushButton()  # before the page's first retranslate, which gates it
        self.reset_button.setObjectName("resetPasswordButton")
        super().__init__(ctx, parent)
        self.ui.importButton.hide()
        place_after(self.ui.activeButton, self.reset_button)
        self.reset_button.clicked.connect(self.reset_password)
        self.retranslate()

    def update_actions(self) -> None:
        super().update_actions()
        # a password is reset by an administrator only (app.services.users.reset_password)
        gate(self.reset_button, roles_ok=self.ctx.can(Role.ADMIN), roles=(Role.ADMIN,), lang=self.ctx.language,
             state_ok=self.current() is not None,
             state_reason=QCoreApplication.translate("ListPage", "Choose an entry in the list first"))

    def retranslate(self) -> None:
        self.reset_button.setText(self.tr("Reset &password…"))
        super().retranslate()

    def reset_password(self) -> ResetPasswordDialog | None:
        """A new password for the chosen user, to be changed at their next log-in."""
        record = self.current()
        if record is None or not self.reset_button.isEnabled():
            return None
        dialog = ResetPasswordDialog(self.ctx, record.id, record.login, self)
        ui_errors.show(dialog)
        return dialog

    def formatters(self) -> dict[str, Any]:
        def roles(value: tuple[str, ...], lang: str) -> str:
            sep = "、" if lang.startswith("zh") else ", "
            return sep.join(ROLES[Role(r)].name(lang) for r in value if r in {x.value for x in Role})
        return {"roles": roles}

    def fetch(self, s: Session, query: ListQuery) -> tuple[list[Any], int]:
        rows = user_admin.list_users(s, query.search, include_inactive=query.include_inactive,
                                     sort=query.sort or "login", descending=query.descending)
        return rows, len(rows)

    def search_hint(self) -> str:
        return self.tr("User name, name or department…")

    def add(self) -> EntryDialog | None:
        if not self.ui.addButton.isEnabled():
            return None
        return self.open_dialog(UserDialog(self.ctx, None, self))

    def edit(self) -> EntryDialog | None:
        record = self.current()
        if record is None or not self.ui.editButton.isEnabled():
            return None
        return self.open_dialog(UserDialog(self.ctx, record, self))

    def toggle_active(self) -> None:
        record = self.current()
        if record is None or not self.ui.activeButton.isEnabled():
            return
        actor, uid, active = self.ctx.actor, record.id, not record.active

        def done(outcome: Outcome[Any]) -> None:
            if outcome.ok:
                self.ctx.events.referenceChanged.emit()
                self.show_message(self.tr("Reactivated.") if active else
                                  self.tr("Deactivated: the user can no longer log in."), good=True)
                self.reload_and_select(uid)
            elif outcome.error is not None:
                self.show_message(outcome.error.message(self.ctx.language))

        self.ctx.run(lambda s: user_admin.set_user_active(s, actor, uid, active), on_done=done,
                     initiator=self, busy=form_buttons(self))


class SettingsPage(Retranslatable, QWidget):
    """The business settings every station shares: labour rate, form numbers and revisions."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = FormState(lambda: self.ctx.language)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.edits: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        for key in shared_settings.SHARED_DEFAULTS:
            edit = QLineEdit(self)
            edit.setObjectName(f"setting_{key}")
            message = QLabel(self)
            box = QWidget(self)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            inner.addWidget(edit)
            inner.addWidget(message)
            caption = QLabel(self)
            caption.setBuddy(edit)
            form.addRow(caption, box)
            self.edits[key], self.captions[key] = edit, caption
            # the service names the labour rate's field "hourly_rate" in its messages
            self.state.add("hourly_rate" if key == "labour_rate" else key, edit, message)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.state.add_message_label(self.message)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveSettingsButton")
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self._loaded = False
        self.retranslate()

    def labels(self) -> dict[str, str]:
        forms = {"notice": self.tr("handling notice"), "analysis": self.tr("analysis form"),
                 "liaison": self.tr("liaison note"), "rework": self.tr("rework record")}
        out = {"labour_rate": self.tr("Labour rate (yuan per hour):"),
               "company_name": self.tr("Company name on the forms:")}
        for form, name in forms.items():
            out[f"form_no.{form}"] = self.tr("Form number, %1:").replace("%1", name)
            out[f"form_rev.{form}"] = self.tr("Revision, %1:").replace("%1", name)
        return out

    def retranslate(self) -> None:
        labels = self.labels()
        for key, caption in self.captions.items():
            caption.setText(labels.get(key, key))
        self.intro.setText(self.tr("These values are kept in the database and apply to every station."))
        self.save_button.setText(self.tr("&Save settings"))
        gate(self.save_button, roles_ok=self.ctx.can(*md.EDITORS), roles=md.EDITORS, lang=self.ctx.language)
        for edit in self.edits.values():
            edit.setReadOnly(not self.ctx.can(*md.EDITORS))
        self.state.retranslate()

    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Read the shared settings (off the UI thread) into the form."""
        self.ctx.query(shared_settings.load_shared, self._show_values, initiator=self)

    def _show_values(self, values: dict[str, str]) -> None:
        self._loaded = True
        self.state.loading = True
        try:
            for key, edit in self.edits.items():
                edit.setText(values.get(key, ""))
        finally:
            self.state.loading = False
        self.state.loaded()

    def save(self) -> None:
        self.state.clear_errors()
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        actor = self.ctx.actor

        def done(outcome: Outcome[Any]) -> None:
            if outcome.ok:
                self.ctx.events.referenceChanged.emit()
                self.state.loaded()
                self.state.show_message(self.message, lambda: self.tr("Settings saved for every station."),
                                        good=True)
                self.refresh()
            elif outcome.error is not None:
                self.state.show_error(outcome.error, fallback=self.message)

        self.ctx.run(lambda s: shared_settings.save_shared(s, actor, values), on_done=done,
                     initiator=self, busy=form_buttons(self), status=self.message)


