"""The 8D editor: D1–D8 in one scrolling form, the actions with owner/due/done, Verify… and
Close… signed with the password, Print report… (A4 PDF, Chinese or English).

Business rules live in app.services.eightd; this form gathers input, shows refusals
beside the form and keeps the input on a refusal or a conflict with another user.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.codes import Role
from app.errors import ConflictError
from app.fields import label
from app.services import eightd
from db.models import Return, ReturnLine
from ui import errors as ui_errors
from ui.context import StationContext, form_buttons
from ui.eightd.signature import SignatureDialog

_Index = QModelIndex | QPersistentModelIndex
#: the texts of the form, in its order, with the D-step each belongs to
SECTIONS: tuple[tuple[str, str], ...] = (
    ("D1", "team"), ("D2", "problem"), ("D2", "problem_what"), ("D2", "problem_where"), ("D2", "problem_when"),
    ("D2", "problem_who"), ("D2", "problem_why"), ("D2", "problem_how"), ("D2", "problem_how_many"),
    ("D3", "containment"), ("D4", "root_cause"), ("D5", "corrective_action"), ("D6", "implementation"),
    ("D6", "verification"), ("D7", "preventive_action"), ("D8", "closure"),
)
STEP_TITLES = {"D1": ("D1 小组", "D1 Team"), "D2": ("D2 问题描述 (5W2H)", "D2 Problem (5W2H)"),
               "D3": ("D3 临时措施", "D3 Containment"), "D4": ("D4 根本原因", "D4 Root cause"),
               "D5": ("D5 纠正措施", "D5 Corrective actions"),
               "D6": ("D6 实施与效果验证", "D6 Implementation and verification"),
               "D7": ("D7 预防再发生", "D7 Prevention"), "D8": ("D8 结案", "D8 Closure")}


class ActionsModel(QAbstractTableModel):
    """The 8D's actions: step, action, owner, due, done."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def headers(self) -> list[str]:
        return [self.tr("Step"), self.tr("Action"), self.tr("Owner"), self.tr("Due date"), self.tr("Done on")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        done = r["done_on"].isoformat() if r["done_on"] else self.tr("open")
        values = (r["d_step"], r["text"], r["owner"], r["due_on"].isoformat() if r["due_on"] else "", done)
        return values[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class EightDEditor(QDialog):
    """One 8D: its D-sections, actions, signatures and report."""

    saved = Signal()

    def __init__(self, ctx: StationContext, ca_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eightdEditor")
        self.ctx, self.ca_id = ctx, ca_id
        self.record: dict[str, Any] = {}
        self.signature_dialog: SignatureDialog | None = None
        self.headerLabel = QLabel(self)
        self.headerLabel.setWordWrap(True)
        self.signLabel = QLabel(self)
        self.ownerEdit = QLineEdit(self)
        self.ownerEdit.setObjectName("ownerEdit")
        self.dueEdit = QDateEdit(self)
        self.dueEdit.setCalendarPopup(True)
        self.dueEdit.setDisplayFormat("yyyy-MM-dd")
        self.repliedCheck = QCheckBox(self)  # the report went to the customer on …
        self.repliedEdit = QDateEdit(self)
        self.repliedEdit.setCalendarPopup(True)
        self.repliedEdit.setDisplayFormat("yyyy-MM-dd")
        self.repliedCheck.toggled.connect(self.repliedEdit.setEnabled)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.captions: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.flags: dict[str, QCheckBox] = {f: QCheckBox(self) for f in eightd.FLAG_FIELDS}

        form = QWidget(self)
        column = QVBoxLayout(form)
        head = QFormLayout()
        self.ownerCaption, self.dueCaption = QLabel(self), QLabel(self)
        head.addRow(self.ownerCaption, self.ownerEdit)
        head.addRow(self.dueCaption, self.dueEdit)
        head.addRow(self.repliedCheck, self.repliedEdit)
        column.addWidget(self.headerLabel)
        column.addLayout(head)
        for step, name in SECTIONS:
            group = self.groups.get(step)
            if group is None:
                group = self.groups[step] = QGroupBox(form)
                QFormLayout(group)
                column.addWidget(group)
            edit = QPlainTextEdit(group)
            edit.setObjectName(f"{name}Edit")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(54 if step != "D2" or name == "problem" else 34)
            caption = QLabel(group)
            self.edits[name], self.captions[name] = edit, caption
            group.layout().addRow(caption, edit)  # type: ignore[union-attr]
            if name == "preventive_action":
                row = QHBoxLayout()
                for box in self.flags.values():
                    row.addWidget(box)
                group.layout().addRow(row)  # type: ignore[union-attr]

        # the actions
        self.actionsGroup = QGroupBox(form)
        actions = QVBoxLayout(self.actionsGroup)
        self.actions = ActionsModel(self)
        self.actionsView = QTableView(self.actionsGroup)
        self.actionsView.setModel(self.actions)
        self.actionsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actionsView.horizontalHeader().setStretchLastSection(True)
        self.actionsView.setMinimumHeight(120)
        self.stepCombo = QComboBox(self.actionsGroup)
        for step in eightd.D_STEPS:
            self.stepCombo.addItem(step, step)
        self.actionTextEdit = QLineEdit(self.actionsGroup)
        self.actionTextEdit.setObjectName("actionTextEdit")
        self.actionOwnerEdit = QLineEdit(self.actionsGroup)
        self.actionOwnerEdit.setObjectName("actionOwnerEdit")
        self.actionDueEdit = QDateEdit(self.actionsGroup)
        self.actionDueEdit.setCalendarPopup(True)
        self.actionDueEdit.setDisplayFormat("yyyy-MM-dd")
        self.actionDueEdit.setDate(QDate.currentDate().addDays(7))
        self.addActionButton = QPushButton(self.actionsGroup)
        self.doneButton = QPushButton(self.actionsGroup)
        entry = QHBoxLayout()
        for w in (self.stepCombo, self.actionTextEdit, self.actionOwnerEdit, self.actionDueEdit,
                  self.addActionButton):
            entry.addWidget(w)
        entry.setStretch(1, 3)
        entry.setStretch(2, 1)
        actions.addWidget(self.actionsView)
        actions.addLayout(entry)
        actions.addWidget(self.doneButton)
        column.addWidget(self.actionsGroup)
        column.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.saveButton = QPushButton(self)
        self.verifyButton = QPushButton(self)
        self.closeButton = QPushButton(self)
        self.reportLangCombo = QComboBox(self)
        self.reportLangCombo.addItem("中文", "zh")
        self.reportLangCombo.addItem("English", "en")
        self.printButton = QPushButton(self)
        buttons = QHBoxLayout()
        for w in (self.saveButton, self.verifyButton, self.closeButton):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.reportLangCombo)
        buttons.addWidget(self.printButton)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.signLabel)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        self.resize(860, 760)

        self.saveButton.clicked.connect(self.save)
        self.addActionButton.clicked.connect(self.add_action)
        self.doneButton.clicked.connect(self.complete_action)
        self.verifyButton.clicked.connect(lambda: self.ask_signature(eightd.SIGN_VERIFY))
        self.closeButton.clicked.connect(lambda: self.ask_signature(eightd.SIGN_CLOSE))
        self.printButton.clicked.connect(self.print_report)
        self.retranslate()
        self.load()

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        t = self.ctx.text
        self.ownerCaption.setText(t(*label("owner")))
        self.dueCaption.setText(t(*label("due_on")))
        self.repliedCheck.setText(t(*label("customer_reply_on")))
        for step, group in self.groups.items():
            group.setTitle(t(*STEP_TITLES[step]))
        for name, caption in self.captions.items():
            caption.setText(t(*label(name)))
        for name, box in self.flags.items():
            box.setText(t(*label(name)))
        self.actionsGroup.setTitle(self.tr("Actions"))
        self.actionTextEdit.setPlaceholderText(self.tr("Action"))
        self.actionOwnerEdit.setPlaceholderText(self.tr("Owner"))
        self.addActionButton.setText(self.tr("Add action"))
        self.doneButton.setText(self.tr("Mark the chosen action done"))
        self.saveButton.setText(self.tr("Save"))
        self.verifyButton.setText(self.tr("Verify…"))
        self.closeButton.setText(self.tr("Close 8D…"))
        self.printButton.setText(self.tr("Print report…"))
        self.reportLangCombo.setToolTip(self.tr("Language of the printed report"))
        if self.record:
            self._show_header()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ reading

    def _read(self, s: Any) -> dict[str, Any]:
        ca = eightd.get_8d(s, self.ca_id)
        rma = s.get(Return, ca.return_id)
        line = s.get(ReturnLine, ca.line_id) if ca.line_id is not None else None
        return dict(
            no=ca.no or f"8D-{ca.id}", version=ca.version, status=ca.status, rma_no=rma.rma_no,
            line_no=line.line_no if line else None, model=line.product.model if line else "",
            draft=eightd.SectionsDraft.of(ca),
            verified_by=eightd.user_name(s, ca.verified_by_id), verified_at=ca.verified_at,
            closed_by=eightd.user_name(s, ca.closed_by_id), closed_at=ca.closed_at,
            actions=[dict(id=i.id, version=i.version, d_step=i.d_step, text=i.text, owner=i.owner,
                          due_on=i.due_on, done_on=i.done_on, status=i.status) for i in ca.items])

    def load(self, *, keep_input: bool = False) -> None:
        """Read the 8D; `keep_input` refreshes the version and actions but leaves the typed texts."""
        # read on a pool thread: a busy server stalls the editor's texts, not the window
        self.ctx.query(self._read, lambda record: self._show(record, keep_input), initiator=self)

    def _show(self, record: dict[str, Any], keep_input: bool) -> None:
        self.record = record
        if not keep_input:
            d: eightd.SectionsDraft = record["draft"]
            self.ownerEdit.setText(d.owner)
            self.dueEdit.setDate(_qdate(d.due_on))
            for name, edit in self.edits.items():
                edit.setPlainText(getattr(d, name))
            for name, box in self.flags.items():
                box.setChecked(bool(getattr(d, name)))
            self.repliedCheck.setChecked(d.customer_reply_on is not None)
            self.repliedEdit.setEnabled(d.customer_reply_on is not None)
            self.repliedEdit.setDate(_qdate(d.customer_reply_on or date.today()))
        self.actions.set_rows(record["actions"])
        self.actionsView.resizeColumnsToContents()
        self._show_header()
        self.update_actions()

    def _show_header(self) -> None:
        r = self.record
        status = self.tr("closed") if r["status"] == eightd.CLOSED else self.tr("open")
        self.setWindowTitle(f"{r['no']} — {r['rma_no']}")
        self.headerLabel.setText(f"<b>{r['no']}</b>  {r['rma_no']} / {r['line_no'] or ''}  {r['model']}  "
                                 f"({status})")
        parts = []
        if r["verified_at"]:
            parts.append(self.tr("Verified by %1 at %2").replace("%1", r["verified_by"])
                         .replace("%2", r["verified_at"].astimezone().strftime("%Y-%m-%d %H:%M")))
        if r["closed_at"]:
            parts.append(self.tr("Closed by %1 at %2").replace("%1", r["closed_by"])
                         .replace("%2", r["closed_at"].astimezone().strftime("%Y-%m-%d %H:%M")))
        self.signLabel.setText("    ".join(parts))

    def update_actions(self) -> None:
        closed = self.record.get("status") == eightd.CLOSED
        may_edit = self.ctx.can(Role.QA, Role.ENGINEERING) and not closed
        may_sign = self.ctx.can(Role.QA) and not closed
        for w in (self.saveButton, self.addActionButton, self.doneButton, self.ownerEdit, self.dueEdit,
                  self.repliedCheck,
                  self.stepCombo, self.actionTextEdit, self.actionOwnerEdit, self.actionDueEdit,
                  *self.flags.values()):
            w.setEnabled(may_edit)
        for edit in self.edits.values():
            edit.setReadOnly(not may_edit)
        self.repliedEdit.setEnabled(may_edit and self.repliedCheck.isChecked())
        self.verifyButton.setEnabled(may_sign)
        self.closeButton.setEnabled(may_sign)
        why = self.tr("The 8D is closed") if closed else self.tr("Only QA signs an 8D")
        for b in (self.verifyButton, self.closeButton):
            b.setToolTip("" if may_sign else why)

    # ------------------------------------------------------------ actions

    def _say(self, text: str, good: bool = False) -> None:
        self.messageLabel.setStyleSheet("color: #2E7D32;" if good else "color: #B00020;")
        self.messageLabel.setText(text)

    def _outcome(self, outcome: Any, done: str) -> bool:
        """Say how an action went; a refusal or a conflict leaves every typed input as it is."""
        if outcome.ok:
            self._say(done, good=True)
            self.saved.emit()
            return True
        if isinstance(outcome.error, ConflictError):
            self._say(outcome.error.message(self.ctx.language) + " "
                      + self.tr("Reload the 8D to see the other change."))
        elif outcome.error is not None:
            self._say(outcome.error.message(self.ctx.language))
        elif outcome.pending:
            self._say(self.tr("The database cannot be reached; the action is kept."))
        return False

    def draft(self) -> eightd.SectionsDraft:
        d = replace(self.record["draft"])  # what was read, then what is typed over it
        d.owner = self.ownerEdit.text()
        d.due_on = self.dueEdit.date().toPython()
        for name, edit in self.edits.items():
            setattr(d, name, edit.toPlainText())
        for name, box in self.flags.items():
            setattr(d, name, box.isChecked())
        d.customer_reply_on = self.repliedEdit.date().toPython() if self.repliedCheck.isChecked() else None
        return d

    def save(self) -> None:
        """Save the D-sections; a conflict keeps the typed input (reload to see theirs)."""
        d, version = self.draft(), self.record["version"]
        ca_id, actor = self.ca_id, self.ctx.actor

        def done(outcome: Any) -> None:
            if self._outcome(outcome, self.tr("8D saved.")):
                self.load()

        self._act(lambda s: eightd.update_sections(s, actor, ca_id, d, expected_version=version), done)

    def add_action(self) -> None:
        step, text = self.stepCombo.currentData(), self.actionTextEdit.text()
        owner, due = self.actionOwnerEdit.text(), self.actionDueEdit.date().toPython()
        ca_id, actor = self.ca_id, self.ctx.actor

        def done(outcome: Any) -> None:
            if self._outcome(outcome, self.tr("Action added.")):
                self.actionTextEdit.clear()
                self.actionOwnerEdit.clear()
                self.load(keep_input=True)

        self._act(lambda s: eightd.add_action(s, actor, ca_id, d_step=step, text=text, owner=owner, due_on=due),
                  done)

    def complete_action(self) -> None:
        index = self.actionsView.currentIndex()
        if not index.isValid():
            self._say(self.tr("Choose an action in the table first."))
            return
        row = self.actions.rows[index.row()]
        actor, action_id, version = self.ctx.actor, row["id"], row["version"]

        def done(outcome: Any) -> None:
            if self._outcome(outcome, self.tr("Action done.")):
                self.load(keep_input=True)

        self._act(lambda s: eightd.complete_action(s, actor, action_id, expected_version=version), done)

    def _act(self, work: Any, done: Any) -> None:
        """One action of this editor, off the UI thread; its buttons are held meanwhile."""
        sender = self.sender()
        first = sender if isinstance(sender, QPushButton) else None
        self.ctx.run(work, on_done=done, initiator=self, busy=form_buttons(self, first))

    def ask_signature(self, meaning: str) -> SignatureDialog:
        """Verify… / Close…: the signature dialog asks for the password (non-blocking)."""
        text = self.tr("verification of effect (D6)") if meaning == eightd.SIGN_VERIFY \
            else self.tr("closure of the 8D (D8)")
        dialog = SignatureDialog(text, self.ctx.actor.name, self)
        dialog.signed.connect(lambda password: self._sign(dialog, meaning, password))
        self.signature_dialog = dialog
        ui_errors.show(dialog)
        return dialog

    def _sign(self, dialog: SignatureDialog, meaning: str, password: str) -> None:
        version = self.record["version"]
        service = eightd.verify if meaning == eightd.SIGN_VERIFY else eightd.close
        ca_id, actor = self.ca_id, self.ctx.actor
        self._act(lambda s: service(s, actor, ca_id, password, expected_version=version),
                  lambda outcome: self._signed(dialog, meaning, outcome))

    def _signed(self, dialog: SignatureDialog, meaning: str, outcome: Any) -> None:
        if not shiboken6.isValid(dialog):
            return
        if outcome.ok:
            dialog.accept()
            self._say(self.tr("Verified and signed.") if meaning == eightd.SIGN_VERIFY
                      else self.tr("8D closed and signed."), good=True)
            self.saved.emit()
            self.load(keep_input=True)
        elif outcome.error is not None:
            message = outcome.error.message(self.ctx.language)
            if outcome.error.key == "signature_wrong_password":
                dialog.refuse(message)
            else:
                dialog.reject()
                self._say(message)

    def ask_pdf_path(self, suggested: str) -> str:
        """Where to save the report; tests replace this method."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the 8D report"), suggested, "PDF (*.pdf)")
        return path

    def print_report(self) -> str:
        """The A4 8D report as PDF, in the language chosen beside the button; "Saved: …" when
        written (returns the path when that was at once, as in tests)."""
        lang = self.reportLangCombo.currentData()
        path = self.ask_pdf_path(f"{self.record.get('no', '8D')}.pdf")
        if not path:
            return ""
        from app.printing.eightd import eightd_data, render_8d  # ReportLab at the first print

        ca_id = self.ca_id
        written: list[str] = []

        def work(s: Any) -> str:  # the read and the drawing off the UI thread (ui.context.query)
            render_8d(eightd_data(s, ca_id), path, lang)
            return path

        def done(saved: str) -> None:
            written.append(saved)
            self._say(self.tr("Saved: %1").replace("%1", saved), good=True)

        self.ctx.query(work, done, initiator=self)
        return written[0] if written else ""  # at once only when the work ran synchronously
