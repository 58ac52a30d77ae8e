"""Settings of a station: its own options (QSettings) and the department's shared ones.

The dialog reads and writes the per-machine options through `StationSettings`; the shared
business settings (labour rate, form numbers and revisions) come and go through the two
callables it is handed, `load_shared()` and `save_shared(values)`, which the window binds
to `app.services.settings` with a session, so the dialog never touches the database.
`test_connection(url)` (returns an error message, or None when the database answers) runs
in the background.

Input is checked as it is typed: a wrong field turns red with the reason below it, in the
user's language, and OK stays disabled until every field is valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.errors import StationError, ValidationError
from app.fields import label as field_label
from forms.ui_settings_dialog import Ui_SettingsDialog
from ui.errors import MoneyValidator, mark_field, report_error
from ui.i18n import LANGUAGE_NAMES, Retranslatable, current_language, install_language
from ui.settings import LABEL_DPIS, LABEL_SIZES, STATION_ROLES, StationSettings
from ui.worker import run_in_background

PDF_PRINTER = "PDF"
SLIPS: tuple[str, ...] = ("notice", "analysis", "liaison", "rework")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://\S*$")


class SettingsDialog(Retranslatable, QDialog):
    """Administration of a station; `changed` names the options that OK changed.

    The window reacts to `changed` after `exec()`: reconnect for "database_url", switch
    tab for "station_role"; the language is switched here, at once, on OK.
    """

    def __init__(self, settings: StationSettings, *,
                 load_shared: Callable[[], dict[str, str]],
                 save_shared: Callable[[dict[str, str]], None],
                 test_connection: Callable[[str], str | None] | None = None,
                 can_edit_shared: bool = True,
                 move_to_server: Callable[[QWidget, str], str | None] | None = None,
                 run_shared: Callable[[dict[str, str], Callable[[StationError | None], None]], None]
                 | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._settings = settings
        self._save_shared = save_shared
        # at the station: the shared save as an action off the UI thread (ui.context.run),
        # `run_shared(values, done)` calling done(None) or done(the refusal) when it ends
        self._run_shared = run_shared
        self._test_connection = test_connection
        self._connection_text: Callable[[], str] | None = None
        self._connection_tone = "neutral"
        # What to say about the shared part (why it is locked, why saving failed), and
        # whether it is an error; a function so that a language switch re-renders it.
        self._shared_message: tuple[Callable[[], str], bool] | None = None
        self.changed: set[str] = set()
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

        self.form_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {
            slip: (getattr(self.ui, f"{slip}FormNoEdit"), getattr(self.ui, f"{slip}FormRevEdit"))
            for slip in SLIPS
        }
        self.ui.labourRateEdit.setValidator(MoneyValidator(self.ui.labourRateEdit))
        for error_label in (self.ui.databaseMessageLabel, self.ui.labourRateErrorLabel,
                            self.ui.formsErrorLabel, self.ui.sharedErrorLabel):
            error_label.hide()

        self._fill_choices()
        self._load_station(settings)
        self._shared_before = self._load_shared(load_shared)
        self.ui.sharedGroup.setEnabled(can_edit_shared and self._shared_before is not None)
        if not can_edit_shared and self._shared_before is not None:
            self._shared_message = (
                lambda: self.tr("Only an administrator or a manager may change the shared settings."),
                False)

        self.ui.testConnectionButton.setVisible(test_connection is not None)
        self.ui.testConnectionButton.clicked.connect(self.test_connection)
        # moving an embedded station's data to a server (ui.backup_actions.mover)
        self._move_to_server = move_to_server
        self.ui.moveToServerButton.setVisible(move_to_server is not None)
        self.ui.moveToServerButton.clicked.connect(self.move_to_server)
        self.ui.databaseUrlEdit.textChanged.connect(self._url_edited)
        self.ui.labourRateEdit.textChanged.connect(self.validate)
        for no_edit, rev_edit in self.form_edits.values():
            no_edit.textChanged.connect(self.validate)
            rev_edit.textChanged.connect(self.validate)
        self.retranslate()

    # ------------------------------------------------------------------ filling the form

    def _fill_choices(self) -> None:
        for role in STATION_ROLES:
            self.ui.roleCombo.addItem("", role)
        for lang, name in LANGUAGE_NAMES.items():
            self.ui.languageCombo.addItem(name, lang)
        printers = [name for name in QPrinterInfo.availablePrinterNames() if name != PDF_PRINTER]
        for name in [*printers, PDF_PRINTER]:
            self.ui.printerCombo.addItem(name, name)
        for size in LABEL_SIZES:
            self.ui.labelSizeCombo.addItem(size.replace("x", " × ") + " mm", size)
        for dpi in LABEL_DPIS:
            self.ui.dpiCombo.addItem(f"{dpi} dpi", dpi)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index < 0:  # a printer unplugged since: keep it selectable rather than lose it
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _load_station(self, settings: StationSettings) -> None:
        self.ui.databaseUrlEdit.setText(settings.get("database_url"))
        self._select(self.ui.roleCombo, settings.get("station_role"))
        self._select(self.ui.languageCombo, settings.get("language"))
        self._select(self.ui.printerCombo, settings.get("label_printer"))
        self._select(self.ui.labelSizeCombo, settings.get("label_size"))
        self._select(self.ui.dpiCombo, settings.get("label_dpi"))

    def _load_shared(self, load: Callable[[], dict[str, str]]) -> dict[str, str] | None:
        try:
            values = load()
        except StationError as exc:
            # The database may be the very thing to fix here: keep the station part usable.
            self._shared_message = (lambda error=exc: error.message(current_language()), True)
            return None
        self.ui.labourRateEdit.setText(values.get("labour_rate", ""))
        for slip, (no_edit, rev_edit) in self.form_edits.items():
            no_edit.setText(values.get(f"form_no.{slip}", ""))
            rev_edit.setText(values.get(f"form_rev.{slip}", ""))
        return self.shared_values()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        role_names = {
            "warehouse": self.tr("Warehouse receiving"),
            "qa": self.tr("QA inspection"),
            "production": self.tr("Production rework"),
            "reports": self.tr("Reports and statistics"),
            "printing": self.tr("Printing slips and labels"),
        }
        for i in range(self.ui.roleCombo.count()):
            self.ui.roleCombo.setItemText(i, role_names[self.ui.roleCombo.itemData(i)])
        pdf = self.ui.printerCombo.findData(PDF_PRINTER)
        self.ui.printerCombo.setItemText(pdf, self.tr("PDF file (no printer)"))
        if self._connection_text is not None:
            self.ui.databaseMessageLabel.setText(self._connection_text())
        self._show_shared_message()
        self.validate()

    # ------------------------------------------------------------------ values and checks

    def shared_values(self) -> dict[str, str]:
        """The shared settings as typed, the labour rate normalised to two decimals."""
        values = {"labour_rate": self.labour_rate_text()}
        for slip, (no_edit, rev_edit) in self.form_edits.items():
            values[f"form_no.{slip}"] = no_edit.text().strip()
            values[f"form_rev.{slip}"] = rev_edit.text().strip()
        return values

    def labour_rate_text(self) -> str:
        """"35.5" → "35.50"; what does not parse is returned as typed (validate says why)."""
        amount = MoneyValidator.parse(self.ui.labourRateEdit.text())
        return self.ui.labourRateEdit.text() if amount is None else str(amount)

    def validate(self) -> bool:
        """Mark every wrong field red with its reason; OK is enabled only when all are right."""
        lang = current_language()
        url = self.ui.databaseUrlEdit.text().strip()
        url_ok = not url or bool(_URL.match(url))
        if not url_ok:
            self._connection_text = None
        url_message = "" if url_ok else self.tr(
            "Not a database address: write e.g. postgresql+psycopg://user@server/rma, "
            "or leave it empty for the embedded database")
        if url_ok and self._connection_text is not None:
            url_message = self._connection_text()
        mark_field(self.ui.databaseUrlEdit, self.ui.databaseMessageLabel, url_message,
                   invalid=not url_ok, tone=None if not url_ok else self._connection_tone)

        ok = url_ok
        if self.ui.sharedGroup.isEnabled():
            rate_ok = self.ui.labourRateEdit.hasAcceptableInput()
            rate_message = "" if rate_ok else ValidationError(
                "price_invalid", field=field_label("hourly_rate"),
                value=self.ui.labourRateEdit.text()).message(lang)
            mark_field(self.ui.labourRateEdit, self.ui.labourRateErrorLabel, rate_message)
            missing = []
            for slip, (no_edit, rev_edit) in self.form_edits.items():
                for edit in (no_edit, rev_edit):
                    empty = not edit.text().strip()
                    mark_field(edit, None, "", invalid=empty)
                    if empty and slip not in missing:
                        missing.append(slip)
            forms_message = "" if not missing else self.tr(
                "Every controlled form needs its form number and revision: %1").replace(
                "%1", ", ".join(self._slip_label(slip).text().rstrip(":：") for slip in missing))
            mark_field(None, self.ui.formsErrorLabel, forms_message)
            ok = ok and rate_ok and not missing
        self.ok_button.setEnabled(ok)
        return ok

    def _slip_label(self, slip: str) -> QLabel:
        return getattr(self.ui, f"{slip}FormLabel")

    def _show_shared_message(self) -> None:
        if self._shared_message is None:
            mark_field(None, self.ui.sharedErrorLabel, "")
            return
        text, is_error = self._shared_message
        mark_field(None, self.ui.sharedErrorLabel, text(), invalid=is_error)

    def _url_edited(self) -> None:
        self._connection_text = None
        self._connection_tone = "neutral"
        self.validate()

    # ------------------------------------------------------------------ test connection

    def test_connection(self) -> None:
        """"Test connection" button: try the typed URL in the background, say what happened."""
        if self._test_connection is None:
            return
        url = self.ui.databaseUrlEdit.text().strip()
        check = self._test_connection
        self.ui.testConnectionButton.setEnabled(False)
        self._connection_tone = "neutral"
        self._connection_text = lambda: self.tr("Connecting…")
        self.validate()
        run_in_background(self, lambda _progress: check(url),
                          title=self.tr("Testing the database connection…"),
                          on_done=self._connection_tested, on_error=self._connection_failed)

    def _connection_tested(self, error: str | None) -> None:
        self.ui.testConnectionButton.setEnabled(True)
        self._connection_tone = "good" if error is None else "invalid"
        if error is None:
            self._connection_text = lambda: self.tr("Connected: the database answers.")
        else:
            self._connection_text = lambda: self.tr("Cannot connect: %1").replace("%1", error)
        self.validate()

    def _connection_failed(self, exc: BaseException) -> None:
        self.ui.testConnectionButton.setEnabled(True)
        if not isinstance(exc, StationError):
            self._connection_text = None
            self.validate()
            report_error(exc, parent=self)
            return
        self._connection_tested(exc.message(current_language()))

    # ------------------------------------------------------------------ move to a server

    def move_to_server(self) -> None:
        """The move dialog; when the user chose to use the server, its URL goes into the
        database field, saved by OK (and used from the next start, as any new URL)."""
        if self._move_to_server is None:
            return
        url = self._move_to_server(self, self.ui.databaseUrlEdit.text().strip())
        if url:
            self.ui.databaseUrlEdit.setText(url)
            self._connection_tone = "good"
            self._connection_text = lambda: self.tr(
                "The data is on the server now: OK saves its address, and the station uses it "
                "from the next start.")
            self.validate()

    # ------------------------------------------------------------------ saving

    def accept(self) -> None:
        """OK: save the shared settings (if changed) first, then this station's options."""
        if not self.validate():
            return
        if self.ui.sharedGroup.isEnabled() and self._shared_before is not None:
            values = self.shared_values()
            changed = {k: v for k, v in values.items() if self._shared_before.get(k) != v}
            if changed and self._run_shared is not None:
                self.ok_button.setEnabled(False)
                self._run_shared(changed, lambda error: self._shared_saved(changed, error))
                return
            if changed:
                try:
                    self._save_shared(changed)
                except StationError as exc:
                    self._shared_refused(exc)
                    return
                self.changed |= {f"shared.{key}" for key in changed}
        self._save_station()

    def _shared_refused(self, exc: StationError) -> None:
        self._shared_message = (lambda error=exc: error.message(current_language()), True)
        self._show_shared_message()

    def _shared_saved(self, changed: dict[str, str], error: StationError | None) -> None:
        self.ok_button.setEnabled(True)
        if error is not None:
            self._shared_refused(error)
            return
        self.changed |= {f"shared.{key}" for key in changed}
        self._shared_before = {**(self._shared_before or {}), **changed}
        self._save_station()

    def _save_station(self) -> None:
        """This station's options, then close (after the shared ones were saved)."""
        station = {
            "database_url": self.ui.databaseUrlEdit.text().strip(),
            "station_role": self.ui.roleCombo.currentData(),
            "language": self.ui.languageCombo.currentData(),
            "label_printer": self.ui.printerCombo.currentData(),
            "label_size": self.ui.labelSizeCombo.currentData(),
            "label_dpi": int(self.ui.dpiCombo.currentData()),
        }
        for key, value in station.items():
            if self._settings.get(key) != value:
                self._settings.set(key, value)
                self.changed.add(key)
        self._settings.sync()
        super().accept()
        if "language" in self.changed and QCoreApplication.instance() is not None:
            install_language(QCoreApplication.instance(), station["language"])
