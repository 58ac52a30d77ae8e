"""The set-up of a new database: the first thing a station shows on an empty database.

For real work the user gives the company name, the form numbers (编号) and revisions
(版次) every printed form carries, the role of this station, and the first administrator
(login, name, password twice). Apart from that, in its own dashed box, the user may choose
"try it with demo data": invented returns and users with the password 1234, a database
marked as demo everywhere. That choice asks once more, saying it is not for real work.

The dialog knows nothing of the database: it is handed `initialize(values)` and
`initialize_demo()`, which raise app.errors.StationError on bad input (the field at fault
is marked red with the reason, everything typed stays) or when the database is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox, QWidget

from app.errors import StationError, ValidationError
from app.services.settings import SHARED_DEFAULTS
from forms.ui_setup_dialog import Ui_SetupDialog
from ui.i18n import Retranslatable, current_language
from ui.settings import STATION_ROLES, StationSettings
from ui.widgets.form_state import FormState

SETUP = "setup"
DEMO = "demo"


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; tests replace this function (monkeypatch) to answer it."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class SetupDialog(Retranslatable, QDialog):
    """First start on an empty database. After `exec()`, `choice` is SETUP or DEMO (or None
    when cancelled) and `login` the administrator's login to offer at the log-in."""

    def __init__(self, settings: StationSettings, defaults: Mapping[str, str],
                 initialize: Callable[[dict[str, Any]], None], initialize_demo: Callable[[], None],
                 *, database: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self._settings = settings
        self._initialize = initialize
        self._initialize_demo = initialize_demo
        self._database = database
        self.choice: str | None = None
        self.login = ""
        self.state = FormState(current_language)
        ui = self.ui
        self.form_edits: dict[str, QLineEdit] = {}
        self.form_labels: dict[str, QLabel] = {}
        forms = sorted({k.split(".", 1)[1] for k in defaults if k.startswith("form_no.")},
                       key=lambda f: (list(FORM_ORDER).index(f) if f in FORM_ORDER else 99, f))
        self._no_head, self._rev_head = QLabel(self), QLabel(self)
        ui.formsGrid.addWidget(self._no_head, 0, 1)
        ui.formsGrid.addWidget(self._rev_head, 0, 2)
        for row, form in enumerate(forms, start=1):
            label = QLabel(self)
            self.form_labels[form] = label
            ui.formsGrid.addWidget(label, row, 0)
            for col, kind in ((1, "form_no"), (2, "form_rev")):
                key = f"{kind}.{form}"
                edit = QLineEdit(defaults.get(key, ""), self)
                edit.setObjectName(f"{kind}_{form}Edit")
                self.form_edits[key] = edit
                ui.formsGrid.addWidget(edit, row, col)
                self.state.add(key, edit, ui.errorLabel)
        ui.formsGrid.setColumnStretch(1, 3)
        ui.formsGrid.setColumnStretch(2, 1)
        company = defaults.get("company_name", "")
        # the built-in placeholder name is no company's name: ask for the real one
        ui.companyEdit.setText("" if company == DEFAULT_COMPANY else company)
        for role in STATION_ROLES:
            ui.roleCombo.addItem("", role)
        ui.roleCombo.setCurrentIndex(max(0, ui.roleCombo.findData(settings.get("station_role"))))
        for key, widget in (("company", ui.companyEdit), ("login", ui.loginEdit), ("name", ui.nameEdit),
                            ("password", ui.passwordEdit), ("password_again", ui.againEdit)):
            self.state.add(key, widget, ui.errorLabel)
        # the keyboard walks the page top to bottom: company, each form's number and revision …
        chain = [ui.companyEdit, *self.form_edits.values(), ui.roleCombo, ui.loginEdit, ui.nameEdit,
                 ui.passwordEdit, ui.againEdit, ui.setupButton, ui.cancelButton, ui.demoButton]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        ui.errorLabel.hide()
        ui.setupButton.clicked.connect(self.submit)
        ui.cancelButton.clicked.connect(self.reject)
        ui.demoButton.clicked.connect(self.choose_demo)
        ui.companyEdit.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        names = {
            "notice": self.tr("Handling notice (客退品处理通知单)"),
            "analysis": self.tr("Analysis form (退货分析处理单)"),
            "liaison": self.tr("Liaison note (联络单)"),
            "rework": self.tr("Rework order (返工单)"),
            "monthly": self.tr("Monthly statistics (顾客退货月统计表)"),
        }
        for form, label in self.form_labels.items():
            label.setText(names.get(form, form))
        self._no_head.setText(self.tr("Form No. (编号)"))
        self._rev_head.setText(self.tr("Rev. (版次)"))
        role_names = {
            "warehouse": self.tr("Warehouse receiving"),
            "qa": self.tr("QA inspection"),
            "production": self.tr("Production rework"),
            "reports": self.tr("Reports and statistics"),
            "printing": self.tr("Printing slips and labels"),
        }
        for i in range(self.ui.roleCombo.count()):
            self.ui.roleCombo.setItemText(i, role_names[self.ui.roleCombo.itemData(i)])
        self.ui.databaseLabel.setText(self.tr("Database: %1").replace("%1", self._database))
        self.ui.databaseLabel.setVisible(bool(self._database))
        self.state.retranslate()

    # ------------------------------------------------------------ values

    def values(self) -> dict[str, Any]:
        """What the user typed, as app.services.setup.initialize takes it."""
        ui = self.ui
        return {
            "company": ui.companyEdit.text(),
            "forms": {key: edit.text() for key, edit in self.form_edits.items()},
            "admin_login": ui.loginEdit.text().strip(),
            "admin_name": ui.nameEdit.text(),
            "password": ui.passwordEdit.text(),
        }

    def _remember_role(self) -> None:
        self._settings.set("station_role", self.ui.roleCombo.currentData())

    def submit(self) -> None:
        """Set up and log in: check what only the dialog knows (the password twice), then
        hand the rest to `initialize`, which checks everything else."""
        self.state.clear_errors()
        ui = self.ui
        if ui.passwordEdit.text() and ui.againEdit.text() != ui.passwordEdit.text():
            self.state.show_error(ValidationError("passwords_differ", field_name="password_again"))
            return
        values = self.values()
        try:
            self._initialize(values)
        except StationError as exc:
            self.state.show_error(exc, ui.errorLabel)
            return
        self._remember_role()
        self.login = values["admin_login"]
        self.choice = SETUP
        self.accept()

    def choose_demo(self) -> None:
        """Try it with demo data: asks once more, since demo data is not for real work."""
        self.state.clear_errors()
        if not ask_yes_no(self, self.tr("Demo data"), self.tr(
                "Fill this database with demo data?\n\nInvented customers, products and a year of "
                "returns, and the users admin, wh, sales, mgr, qa, eng and pmc with the password 1234 "
                "(to be changed at the first log-in). The status bar and every printed form say "
                "DEMO DATA (演示数据).\n\nThis database is then for trying the station out only: "
                "for real work, set up a new, empty database.")):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a year of returns: a few seconds
        try:
            self._initialize_demo()
        except StationError as exc:
            self.state.show_error(exc, self.ui.errorLabel)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._remember_role()
        self.login = "admin"
        self.choice = DEMO
        self.accept()


FORM_ORDER = ("notice", "analysis", "liaison", "rework", "monthly")
DEFAULT_COMPANY = SHARED_DEFAULTS["company_name"]
