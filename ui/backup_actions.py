"""The window's side of backups: the daily backup at start, Station → Back up / Restore,
and the settings dialog's "Move this station's data to a server…".

The work itself is app.services.backup (no Qt); here it is run off the UI thread through
ui.worker and its outcome said in the user's language. Backup and restore are offered to an
administrator on an embedded (SQLite) database only: a server is backed up by whoever runs
it (pg_dump). File choices and questions go through module functions (`choose_backup_file`,
`choose_restore_file`, ui.errors.ask) that tests replace to answer as a person would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from app.codes import Role
from app.errors import StationError
from app.services import backup
from forms.ui_move_to_server_dialog import Ui_MoveToServerDialog
from ui import errors as ui_errors
from ui.i18n import Retranslatable, current_language, translate
from ui.worker import Job, Progress, run_in_background

FILE_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;* (*)"


def _engine(factory: Any) -> Any:
    return factory.kw["bind"]


def embedded_path(factory: Any) -> Path | None:
    """The SQLite file the station works on, or None on a server."""
    url = _engine(factory).url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def backups_folder(db_path: Path) -> Path:
    """`backups/` beside the database: the data folder's for the station's own file."""
    return db_path.parent / "backups"


def may_back_up(ctx: Any) -> bool:
    """Station → Back up / Restore: for an administrator, on an embedded database."""
    return ctx.can(Role.ADMIN) and embedded_path(ctx.factory) is not None


# ------------------------------------------------------------------ the daily backup


def start_daily_backup(factory: Any) -> Job | None:
    """At station start: today's backup of an embedded database, on a pool thread.

    Nothing to wait for and no dialog; a failure (a damaged database, a full disk) comes back
    as a message. Returns None on a server database.
    """
    path = embedded_path(factory)
    if path is None:
        return None
    folder = backups_folder(path)
    return run_in_background(None, lambda _progress: backup.daily_backup(path, folder),
                             title=translate("Backup", "Daily backup of the database"),
                             cancellable=False, show_progress=False)


# ------------------------------------------------------------------ Station menu


def choose_backup_file(parent: QWidget, suggested: str) -> str:
    """Where to write the backup (the dialog asks before overwriting); "" = cancelled."""
    return QFileDialog.getSaveFileName(parent, translate("Backup", "Back up the database"), suggested,
                                       FILE_FILTER)[0]


def choose_restore_file(parent: QWidget, folder: str) -> str:
    return QFileDialog.getOpenFileName(parent, translate("Backup", "Restore a backup"), folder, FILE_FILTER)[0]


def _rows(tables: dict[str, int]) -> str:
    return translate("Backup", "%1 rows in %2 tables").replace("%1", str(sum(tables.values()))).replace(
        "%2", str(len(tables)))


def back_up(window: Any) -> Job | None:
    """Station → Back up the database…: a copy of the live file, checked before and after."""
    path = embedded_path(window.ctx.factory)
    if path is None:
        return None
    folder = backups_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    suggested = folder / f"rma-station-{datetime.now():%Y-%m-%d-%H%M%S}.sqlite3"
    out = choose_backup_file(window, str(suggested))
    if not out:
        return None

    def done(result: backup.BackupResult) -> None:
        text = translate("Backup", "Backed up to %1: %2, integrity check passed.").replace(
            "%1", str(result.path)).replace("%2", _rows(result.tables))
        window.show_message(text)
        ui_errors.message_box(window, translate("Backup", "Back up the database"), text,
                              QMessageBox.Icon.Information)

    # the file dialog has asked already whether to replace an existing file
    return run_in_background(window, lambda _p: backup.backup_sqlite(path, out, force=True),
                             title=translate("Backup", "Backing up the database…"), on_done=done,
                             cancellable=False)


def restore(window: Any) -> Job | None:
    """Station → Restore a backup…: after a confirmation, the backup replaces the database
    (the current file kept as a safety copy); then the station reopens the database and asks
    for the log-in again, since the users and their work are those of the backup now."""
    path = embedded_path(window.ctx.factory)
    if path is None or not window._confirm_leave():
        return None
    chosen = choose_restore_file(window, str(backups_folder(path)))
    if not chosen:
        return None
    answer = ui_errors.ask(
        window, translate("Backup", "Restore a backup"),
        translate("Backup", "Replace this station's database with the backup %1?\n\n"
                  "The current database is kept as a safety copy in %2. Afterwards the station "
                  "reopens the database and asks you to log in again.")
        .replace("%1", chosen).replace("%2", str(backups_folder(path))))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    engine = _engine(window.ctx.factory)
    engine.dispose()  # no pooled connection holds the old file while it is replaced
    window.setEnabled(False)  # nothing may be saved into the file being replaced

    def done(result: backup.RestoreResult) -> None:
        engine.dispose()
        window.setEnabled(True)
        text = translate("Backup", "Restored from %1: %2, integrity check passed.").replace(
            "%1", chosen).replace("%2", _rows(result.tables))
        if result.safety_copy is not None:
            text += "\n" + translate("Backup", "The database it replaced is kept as %1.").replace(
                "%1", str(result.safety_copy))
        ui_errors.message_box(window.parentWidget(), translate("Backup", "Restore a backup"), text,
                              QMessageBox.Icon.Information)
        window.switchUserRequested.emit()  # the window closes; the log-in opens on the restored file

    def failed(exc: BaseException) -> None:
        window.setEnabled(True)
        ui_errors.report_error(exc, parent=window)

    return run_in_background(window, lambda _p: backup.restore_sqlite(chosen, path),
                             title=translate("Backup", "Restoring the backup…"), on_done=done,
                             on_error=failed, cancellable=False)


# ------------------------------------------------------------------ move to a server


class MoveToServerDialog(Retranslatable, QDialog):
    """Settings → Move this station's data to a server…: test, copy (cancellable, off the
    UI thread), show the verification; `switch_to` is the server URL once the user chose to
    use it for this station (the settings dialog then saves it on OK)."""

    finishedCopy = Signal(object)  # the CopyResult, after a verified copy

    def __init__(self, source_url: str, parent: QWidget | None = None, *, url: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_MoveToServerDialog()
        self.ui.setupUi(self)
        self.source_url = source_url
        self.switch_to: str | None = None
        self.copied: backup.CopyResult | None = None
        self.job: Job | None = None
        self._status: Callable[[], str] | None = None
        self._tone = "neutral"
        self.ui.urlEdit.setText(url)
        self.ui.switchButton.setEnabled(False)
        self.ui.testButton.clicked.connect(self.test)
        self.ui.copyButton.clicked.connect(self.copy)
        self.ui.switchButton.clicked.connect(self.use_server)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.urlEdit.textChanged.connect(self._edited)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._show_status()
        if self.copied is not None:
            self.ui.resultText.setPlainText("\n".join(backup.describe_copy(self.copied, current_language())))
        self._enable()

    def url(self) -> str:
        return self.ui.urlEdit.text().strip()

    def _enable(self) -> None:
        idle = self.job is None or not self.job.running
        has_url = bool(self.url()) and "://" in self.url()
        self.ui.testButton.setEnabled(idle and has_url)
        self.ui.copyButton.setEnabled(idle and has_url and self.copied is None)
        self.ui.urlEdit.setReadOnly(not idle or self.copied is not None)

    def _say(self, text: Callable[[], str] | None, tone: str = "neutral") -> None:
        self._status, self._tone = text, tone
        self._show_status()

    def _show_status(self) -> None:
        ui_errors.mark_field(None, self.ui.statusLabel, self._status() if self._status else "",
                             tone=self._tone)

    def _edited(self) -> None:
        self._say(None)
        self._enable()

    def _error(self, exc: BaseException) -> None:
        self.job = None
        self._enable()
        if isinstance(exc, StationError):
            self._say(lambda: exc.message(current_language()), "invalid")
        else:
            self._say(None)
            ui_errors.report_error(exc, parent=self)

    # -------------------------------------------------------------- test

    def test(self) -> None:
        url = self.url()
        self._say(lambda: self.tr("Connecting…"))
        self.job = run_in_background(self, lambda _p: backup.probe_target(url),
                                     title=self.tr("Testing the server…"), on_done=self._tested,
                                     on_error=self._error)
        self._enable()

    def _tested(self, check: backup.TargetCheck) -> None:
        self.job = None
        self._enable()
        if check.state == "ready":
            self._say(lambda: self.tr("Ready: an empty database at this station's schema."), "good")
        elif check.state == "blank":
            self._say(lambda: self.tr("Ready: the database has no tables yet; the copy creates them first."),
                      "good")
        elif check.state == "not_empty":
            self._say(lambda: self.tr("This database is not empty: table %1 holds %n row(s). "
                                      "The data can only be copied into an empty database.", "", check.rows)
                      .replace("%1", check.table or ""), "invalid")
        else:
            self._say(lambda: self.tr("This database is at schema %1, not this station's: run "
                                      "rma-station db upgrade against it first.")
                      .replace("%1", check.revision or "-"), "invalid")

    # -------------------------------------------------------------- copy

    def copy(self) -> None:
        url, source = self.url(), self.source_url

        def work(progress: Progress) -> backup.CopyResult:
            return backup.move_to_server(source, url, progress)

        self._say(lambda: self.tr("Copying…"))
        self.job = run_in_background(self, work, title=self.tr("Copying this station's data to the server…"),
                                     on_done=self._copied, on_error=self._error, on_cancel=self._cancelled)
        self._enable()

    def _copied(self, result: backup.CopyResult) -> None:
        self.job = None
        self.copied = result
        self.ui.resultText.setPlainText("\n".join(backup.describe_copy(result, current_language())))
        self._say(lambda: self.tr("Copied and verified: %1 rows in %2 tables, row counts and checksums "
                                  "equal. Use the server for this station now?")
                  .replace("%1", str(result.rows)).replace("%2", str(len(result.tables))), "good")
        self.ui.switchButton.setEnabled(True)
        self._enable()
        self.finishedCopy.emit(result)

    def _cancelled(self) -> None:
        self.job = None
        self._enable()
        self._say(lambda: self.tr("Cancelled: nothing was changed on the server."), "neutral")

    def use_server(self) -> None:
        self.switch_to = self.url()
        self.accept()


def open_move_dialog(source_url: str, parent: QWidget | None, url: str = "") -> str | None:
    """The move dialog, modal; the server URL when the user chose to switch to it."""
    dialog = MoveToServerDialog(source_url, parent, url=url)
    dialog.exec()
    return dialog.switch_to


def mover(ctx: Any) -> Callable[[QWidget, str], str | None] | None:
    """For the settings dialog: the move-to-server action, offered to an administrator of an
    embedded station; None otherwise."""
    if not may_back_up(ctx):
        return None
    source_url = str(_engine(ctx.factory).url)
    return lambda parent, url: open_move_dialog(source_url, parent, url)

