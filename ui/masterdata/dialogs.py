"""The form of one master-data entry (add or edit), built from the entity's declared fields.

The fields, their labels and rules are declared once, in app.services.masterdata.SPECS;
this dialog lays them out (forms/record_dialog.ui is the frame: the form, the message, the
buttons). Saving is one action through `ctx.run`: a refusal marks the field at fault red
with the reason under it and the dialog stays open with everything typed; a conflict
("changed by X at T") says so, keeps the input, and the next Save applies it over the
newer version — the user has then seen that someone else changed the entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.codes import ROLES, Role
from app.errors import ConflictError, StationError
from app.services import masterdata as md
from app.services import user_admin
from forms.ui_record_dialog import Ui_RecordDialog
from ui.context import Outcome, StationContext, form_buttons
from ui.i18n import Retranslatable
from ui.widgets.form_state import FormState


class EntryDialog(Retranslatable, QDialog):
    """Base of the master-data forms: a row per input with its own message line."""

    #: the entry was saved: its read model
    saved = Signal(object)

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_RecordDialog()
        self.ui.setupUi(self)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.state = FormState(lambda: self.ctx.language)
        self.state.add_message_label(self.ui.messageLabel)
        self.inputs: dict[str, QWidget] = {}
        self.row_labels: dict[str, tuple[QLabel, tuple[str, str]]] = {}
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def add_row(self, key: str, label: tuple[str, str], widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        message = QLabel(box)
        message.setWordWrap(True)
        layout.addWidget(message)
        caption = QLabel(self)
        caption.setBuddy(widget)
        self.ui.formLayout.addRow(caption, box)
        self.row_labels[key] = (caption, label)
        self.inputs[key] = widget
        widget.setObjectName(f"{key}Input")
        self.state.add(key, widget, message)
        return widget

    def _fit(self) -> None:
        """As tall as its rows need (the message lines are hidden until there is one), 480 wide."""
        self.setMinimumWidth(480)
        self.resize(max(480, self.sizeHint().width()), self.sizeHint().height())

    @property
    def save_button(self) -> Any:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        for caption, (zh, en) in self.row_labels.values():
            caption.setText((zh if self.ctx.is_zh else en) + (":" if self.ctx.is_zh else ":"))
        self.save_button.setText(QCoreApplication.translate("EntryDialog", "&Save"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("EntryDialog", "Cancel"))
        self.state.retranslate()

    # subclasses: what to save
    def work(self) -> Callable[[Session], Any]:
        raise NotImplementedError

    def save(self) -> None:
        self.state.clear_errors()
        try:
            work = self.work()
        except StationError as exc:
            self.state.show_error(exc, fallback=self.ui.messageLabel)
            return
        self.ctx.run(work, on_done=self._done, initiator=self, busy=form_buttons(self, self.save_button),
                     status=self.ui.messageLabel)

    def _done(self, outcome: Outcome[Any]) -> None:
        if outcome.ok:
            self.ctx.events.referenceChanged.emit()
            self.saved.emit(outcome.value)
            self.state.loaded()
            self.accept()
        elif outcome.pending:
            self.state.show_message(self.ui.messageLabel, lambda: QCoreApplication.translate("EntryDialog",
                "The database cannot be reached. Your input is kept and will be saved "
                "as soon as the connection is back."))
        elif isinstance(outcome.error, ConflictError):
            error = outcome.error
            self.conflict(error)
            self.state.show_message(self.ui.messageLabel, lambda: error.message(self.ctx.language) + " "
                                    + QCoreApplication.translate("EntryDialog", "Press Save again to apply your input over that change."))
        elif outcome.error is not None:
            self.state.show_error(outcome.error, fallback=self.ui.messageLabel)

    def conflict(self, error: ConflictError) -> None:
        """Someone else saved first: the next Save is made against their version."""


class RecordDialog(EntryDialog):
    """Add or edit a customer, supplier, product, category or location."""

    def __init__(self, ctx: StationContext, kind: str, record: Any = None, parent: QWidget | None = None, *,
                 fields: tuple[str, ...] | None = None,
                 save: Callable[[Session, dict[str, Any]], Any] | None = None,
                 prefill: dict[str, str] | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = kind
        self.spec = md.spec(kind)
        self.record = record
        self.version: int | None = record.version if record is not None else None
        self._save = save
        wanted = fields or tuple(f.key for f in self.spec.fields)
        # the pick lists (users, suppliers) are read off the UI thread; until they arrive a
        # combo is disabled and stands for the record's value (`values`)
        self._unfilled: dict[str, Any] = {}
        for key in wanted:
            f = self.spec.field(key)
            widget: QWidget
            if f.kind in ("user", "supplier"):
                combo = QComboBox(self)
                combo.addItem("", None)
                combo.setEnabled(False)
                self._unfilled[key] = getattr(record, key, None) if record is not None else None
                widget = combo
            else:
                edit = QLineEdit(self)
                if record is not None:
                    value = getattr(record, key)
                    edit.setText(f"{value:.2f}" if key == "unit_price" else str(value if value is not None else ""))
                elif prefill and key in prefill:
                    edit.setText(prefill[key])
                elif f.kind == "money":
                    edit.setText("0.00")
                elif f.kind == "months":
                    edit.setText("12")
                elif key == "unit":
                    edit.setText("件")
                if f.max_len and f.kind in ("text", "code"):
                    edit.setMaxLength(f.max_len)
                widget = edit
            self.add_row(key, f.label, widget)
        self.loaded_values = self.values()  # an edit sends only what the user changed
        self.state.loaded()
        self.retranslate()
        self._fit()
        first = self.inputs[wanted[0]]
        first.setFocus()
        self._read_choices()

    def _read_choices(self) -> None:
        kinds = {self.spec.field(k).kind for k in self._unfilled}
        if not kinds:
            return

        def read(s: Session) -> dict[str, list[tuple[int, str]]]:
            out = {}
            if "user" in kinds:
                out["user"] = md.user_choices(s)
            if "supplier" in kinds:
                out["supplier"] = md.supplier_choices(s)
            return out
        self.ctx.query(read, self._fill_choices, initiator=self)

    def _fill_choices(self, choices: dict[str, list[tuple[int, str]]]) -> None:
        """The pick lists arrived: each combo offers them, on the record's value."""
        self.state.loading = True  # filling is not the user choosing
        try:
            for key, current in list(self._unfilled.items()):
                combo = self.inputs[key]
                assert isinstance(combo, QComboBox)
                for cid, name in choices.get(self.spec.field(key).kind, []):
                    combo.addItem(name, cid)
                combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
                combo.setEnabled(True)
                del self._unfilled[key]
        finally:
            self.state.loading = False
        if not self.state.dirty:
            self.state.loaded()

    def retranslate(self) -> None:
        super().retranslate()
        what = self.ctx.text(*self.spec.what)
        self.setWindowTitle(QCoreApplication.translate("RecordDialog", "New: %1").replace("%1", what) if self.record is None
                            else QCoreApplication.translate("RecordDialog", "Edit: %1").replace("%1", what))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if key in self._unfilled:  # its pick list is not here yet: the record's value stands
                out[key] = self._unfilled[key]
            else:
                out[key] = widget.currentData() if isinstance(widget, QComboBox) else widget.text()  # type: ignore[attr-defined]
        return out

    def work(self) -> Callable[[Session], Any]:
        values, actor, kind = self.values(), self.ctx.actor, self.kind
        if self._save is not None:
            save = self._save
            return lambda s: save(s, values)
        if self.record is None:
            return lambda s: md.create(s, actor, kind, values)
        # only the fields changed here: after a conflict, the other user's changes to the
        # fields left alone stay as they are
        changed = {k: v for k, v in values.items() if v != self.loaded_values.get(k)}
        rid, version = self.record.id, self.version
        return lambda s: md.update(s, actor, kind, rid, changed, expected_version=version)

    def conflict(self, error: ConflictError) -> None:
        self.version = error.info.current_version


class UserDialog(EntryDialog):
    """Add a user (login, name, department, first password, roles) or edit one."""

    def __init__(self, ctx: StationContext, record: user_admin.UserRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.record = record
        if record is None:
            self.add_row("login", ("用户名", "User name"), QLineEdit(self))
        self.add_row("name", ("姓名", "Name"), QLineEdit(self))
        self.add_row("department", ("部门", "Department"), QLineEdit(self))
        if record is None:
            password = QLineEdit(self)
            password.setEchoMode(QLineEdit.EchoMode.Password)
            self.add_row("password", ("初始密码", "First password"), password)
        roles_box = QWidget(self)
        roles_layout = QVBoxLayout(roles_box)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[str, QCheckBox] = {}
        for role, coded in ROLES.items():
            check = QCheckBox(roles_box)
            check.setObjectName(f"role_{role.value}")
            check.setChecked(record is not None and role.value in record.roles)
            if role is Role.ADMIN and not ctx.can(Role.ADMIN):
                check.setEnabled(False)  # only an administrator grants it (the service checks too)
            self.role_checks[role.value] = check
            roles_layout.addWidget(check)
            self.state._watch(check)
            del coded
        self.add_row("roles", ("角色", "Roles"), roles_box)
        if record is not None:
            active = QCheckBox(self)
            active.setChecked(record.active)
            self.add_row("active", ("可以登录", "May log in"), active)
            self.inputs["name"].setText(record.name)  # type: ignore[attr-defined]
            self.inputs["department"].setText(record.department)  # type: ignore[attr-defined]
        self.state.loaded()
        self.retranslate()
        self._fit()

    def retranslate(self) -> None:
        super().retranslate()
        for role, check in self.role_checks.items():
            check.setText(ROLES[Role(role)].name(self.ctx.language))
        self.setWindowTitle(self.tr("New user") if self.record is None
                            else self.tr("Edit user %1").replace("%1", self.record.login))

    def work(self) -> Callable[[Session], Any]:
        actor = self.ctx.actor
        text = {k: w.text() for k, w in self.inputs.items() if isinstance(w, QLineEdit)}
        roles = [r for r, c in self.role_checks.items() if c.isChecked()]
        if self.record is None:
            return lambda s: user_admin.add_user(s, actor, text["login"], text["name"], text["password"], roles,
                                                 text["department"])
        uid = self.record.id
        active = self.inputs["active"].isChecked()  # type: ignore[attr-defined]
        return lambda s: user_admin.update_user(s, actor, uid, name=text["name"], department=text["department"],
                                                roles=roles, active=active)
