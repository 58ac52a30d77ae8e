"""The station window: the work tabs, the scan field in the toolbar, the status bar.

The tabs a user sees are those their roles may use (admin: all); the station role in the
settings chooses the tab the window opens on. A scan — typed into the scan field (F2 or
Ctrl+L), or a scanner's burst of keys anywhere in the window — opens the scanned line in
the tab that fits its state: received → the desk, inspection or decision → the QA bench,
rework or re-inspection → the rework tab. An unknown code is said in the status bar and
beside the scan field, never in a box to dismiss. The status bar shows who is logged in,
the station's role and which database it works on and whether it answers.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from app.codes import ROLES, LineStatus, Role
from app.errors import DatabaseUnavailable
from app.services import line_form as line_form_service
from app.services import lookups
from app.services import returns as return_service
from forms.ui_main_window import Ui_MainWindow
from ui import backup_actions, journal, keyboard, memory, screen_fit, tab_order
from ui import errors as ui_errors
from ui.claims.hooks import install_menu as install_claims_menu
from ui.context import StationContext
from ui.eightd.hooks import install_menu
from ui.i18n import Retranslatable, install_language
from ui.lazy_tabs import LazyTabs
from ui.live import LiveRefresh
from ui.models import names
from ui.password_dialogs import ChangePasswordDialog
from ui.queue_titles import QueueTitles
from ui.scan import ScanField, WedgeFilter, classify, listen_for_scans, stop_listening_for_scans
from ui.widgets.style import restyle

if TYPE_CHECKING:
    from app.excel.importer import ImportResult
    from ui.import_dialog import ImportDialog

# Which roles use which tab (admin holds every role).
TAB_ROLES: dict[str, tuple[Role, ...]] = {
    "incoming": (Role.WAREHOUSE, Role.SALES, Role.MANAGER, Role.QA),  # QA closes returns there
    "inspection": (Role.QA, Role.ENGINEERING, Role.MANAGER),
    "rework": (Role.PRODUCTION, Role.QA, Role.MANAGER),
    "reports": (Role.MANAGER, Role.QA, Role.ENGINEERING, Role.SALES, Role.PRODUCTION),
    "labels": (Role.WAREHOUSE, Role.QA, Role.PRODUCTION, Role.SALES),
}
# Where a line past the user's own step opens instead (its record can be read and corrected there).
CORRECTION_TABS: dict[str, tuple[str, ...]] = {
    LineStatus.REWORK.value: ("inspection",),
    LineStatus.REINSPECTION.value: ("inspection",),
    LineStatus.DONE.value: ("inspection", "rework"),
}
TAB_ORDER = ("incoming", "inspection", "rework", "reports", "labels")

# A scanned line opens where its next step is taken.
TAB_FOR_STATUS: dict[str, str] = {
    LineStatus.RECEIVED.value: "incoming",
    LineStatus.INSPECTION.value: "inspection",
    LineStatus.DECISION.value: "inspection",
    LineStatus.REWORK.value: "rework",
    LineStatus.REINSPECTION.value: "rework",
    LineStatus.DONE.value: "incoming",
    LineStatus.CANCELLED.value: "incoming",
}


def _scan_target(status: str, current: str | None, tabs: list[str]) -> str:
    """The tab a scanned line in `status` opens at, for a window showing `current` with
    `tabs`: where its next step is taken; a line past the user's own step at their bench."""
    key = TAB_FOR_STATUS.get(status, "incoming")
    benches = CORRECTION_TABS.get(status, ())
    if status == LineStatus.DONE.value and current in benches:
        return current  # type: ignore[return-value]
    if key not in tabs:
        return next((k for k in benches if k in tabs), key)
    return key


# Tabs written by other pieces of the station: module, class.
OPTIONAL_TABS: dict[str, tuple[str, str]] = {
    "reports": ("ui.reports_tab", "ReportsTab"),
    "labels": ("ui.labels_tab", "LabelsTab"),
}

SCAN_MESSAGE_MS = 8000
STATUS_MESSAGE_MS = 15000


class PendingTab(Retranslatable, QWidget):
    """Stands in for a tab whose module is not part of this build yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("color: #777777; font-size: 13pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Not yet available in this version."))


class MainWindow(Retranslatable, QMainWindow):
    """The station window for the logged-in user of `ctx`."""

    #: the user asked to log in as someone else (the application opens the log-in again)
    switchUserRequested = Signal()

    def __init__(self, ctx: StationContext, *, start_tab: str | None = None,
                 open_settings: Callable[[MainWindow], Any] | None = None,
                 other_tabs: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._open_settings = open_settings
        screen_fit.open_fitted(self)  # 1360×860 where the screen has room, else the screen

        # the scan field, always reachable
        self.scan_label = QLabel(self)
        self.scan_field = ScanField(self)
        self.scan_field.setMaximumWidth(520)
        self.scan_message = QLabel(self)
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setMinimumWidth(320)
        self.ui.scanToolBar.addWidget(self.scan_label)
        self.ui.scanToolBar.addWidget(self.scan_field)
        self.ui.scanToolBar.addWidget(self.scan_message)
        self.scan_field.scanned.connect(self.handle_scan)
        self.ui.actionScan.triggered.connect(self.focus_scan)
        self._scan_shortcut = QShortcut(QKeySequence("Ctrl+L"), self, self.focus_scan)
        self._scan_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.wedge = WedgeFilter(self, exempt=self.scan_field, is_product=self._names_a_product)
        self.wedge.scanned.connect(self.handle_scan)
        listen_for_scans(self.wedge)  # the keys of the whole window, through one filter (ui.scan)
        self._scan_clear = QTimer(self)
        self._scan_clear.setSingleShot(True)
        self._scan_clear.timeout.connect(lambda: self.scan_message.setText(""))

        # the database banner
        self.banner = ui_errors.DbBanner(ctx.probe, self)
        self.ui.centralLayout.insertWidget(0, self.banner)
        self.banner.restored.connect(ctx.resume)
        ctx.events.databaseLost.connect(self._database_lost)
        ctx.events.databaseRestored.connect(self._database_restored)
        ctx.events.message.connect(self.show_message)
        # an action that went through replaces the error an earlier one left in the status bar
        ctx.events.linesChanged.connect(self._action_succeeded)
        ctx.events.returnsChanged.connect(self._action_succeeded)
        # the View menu's tick follows a change made anywhere (the settings dialog too)
        ctx.events.languageChanged.connect(self._language_changed)

        # the status bar
        self.user_label = QLabel(self)
        self.role_label = QLabel(self)
        self.db_label = QLabel(self)
        for w in (self.user_label, self.role_label, self.db_label):
            w.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(w)
        # a demo database says so all the time (ui/app.py sets ctx.demo_data from its mark)
        self.demo_label = QLabel(self)
        self.demo_label.setStyleSheet("color: white; background: #c05a00; font-weight: bold; padding: 1px 8px;")
        self.demo_label.setVisible(bool(getattr(ctx, "demo_data", False)))
        self.statusBar().addPermanentWidget(self.demo_label)

        # the keyboard: Ctrl+S saves what is open, a date field takes one Tab
        self.date_tab = keyboard.DateTab(self)
        keyboard.one_tab_dates(self, self.date_tab)
        self._save_shortcut = keyboard.save_shortcut(self, self.save_button, self.show_message)
        # the tabs this user may use, each built when first shown (ui.lazy_tabs): a start
        # builds and queries only the tab it opens on
        self.tabs = LazyTabs(self.ui.tabs, self._make_tab, self._tab_built)
        for key in TAB_ORDER:
            if key in OPTIONAL_TABS and not other_tabs:
                continue  # the tests of the three work tabs leave the reports and labels out
            if ctx.can(*TAB_ROLES[key]):
                self.tabs.add(key)
        self.ui.tabs.currentChanged.connect(self._tab_shown)
        # what waits for this user, counted in the tabs' titles
        self.queue_titles = QueueTitles(ctx, list(self.tabs), self)
        self.queue_titles.changed.connect(self._show_tab_titles)

        # menus
        self.languages = QActionGroup(self)
        for action, lang in ((self.ui.actionChinese, "zh_CN"), (self.ui.actionEnglish, "en")):
            self.languages.addAction(action)
            action.triggered.connect(lambda _checked=False, lang=lang: self.switch_language(lang))
        (self.ui.actionChinese if ctx.is_zh else self.ui.actionEnglish).setChecked(True)
        self.ui.actionRefresh.triggered.connect(self.refresh)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionSwitchUser.triggered.connect(self._switch_user)
        self.ui.actionChangePassword.triggered.connect(self.change_password)
        self.password_dialog: ChangePasswordDialog | None = None
        self.ui.actionSettings.triggered.connect(self._settings)
        self.ui.actionSettings.setEnabled(open_settings is not None)
        self.ui.actionAbout.triggered.connect(self._about)
        self.ui.actionImport.triggered.connect(self.open_import)
        self.import_dialog: Any = None  # ui.import_dialog, imported when first opened
        # backup and restore of the embedded database, for an administrator (ui.backup_actions)
        for action in (self.ui.actionBackup, self.ui.actionRestore):
            action.setVisible(backup_actions.may_back_up(ctx))
        self.ui.actionBackup.triggered.connect(lambda: backup_actions.back_up(self))
        self.ui.actionRestore.triggered.connect(lambda: backup_actions.restore(self))
        self.ui.actionMasterData.triggered.connect(self.open_master_data)
        self.master_data: QWidget | None = None
        self.follow_up = install_menu(self)  # Station → 8D reports…, Liaison notes…
        self.claims_menu = install_claims_menu(self)  # Station → Supplier claims…, Replacements…

        self.retranslate()
        settings = ctx.settings
        if settings is not None and hasattr(settings, "restore_layout"):
            settings.restore_layout("main_geometry", self.restoreGeometry)
            screen_fit.clamp_to_screen(self)  # saved on a larger monitor: keep it on this one
        wanted = start_tab or (settings.start_tab() if settings is not None and hasattr(settings, "start_tab")
                               else None)
        self.show_tab(wanted if wanted in self.tabs else next(iter(self.tabs), None))
        # counted after the first list was asked for: on SQLite every transaction takes the
        # write lock in turn, and the list is what the user waits for
        self.queue_titles.refresh()
        # the other stations' changes show here without F5 (ui.live), for as long as the window is open
        self.live = LiveRefresh(ctx, self)
        ctx.events.remoteChanged.connect(self._remote_changed)
        self.live.start()
        # unsaved input survives a crash; last session's is offered back (ui.journal)
        self.journal = journal.install(self)
        QTimer.singleShot(0, self, memory.settle)  # the window is up: its objects out of the full GC's way

    # ------------------------------------------------------------ tabs

    def _make_tab(self, key: str) -> QWidget:
        # each tab's module is imported with the tab: the ones never opened cost no start-up
        if key == "incoming":
            from ui.incoming_tab import IncomingTab

            return IncomingTab(self.ctx, self)
        if key == "inspection":
            from ui.inspection_tab import InspectionTab

            return InspectionTab(self.ctx, self)
        if key == "rework":
            from ui.rework_tab import ReworkTab

            return ReworkTab(self.ctx, self)
        module_name, class_name = OPTIONAL_TABS[key]
        if importlib.util.find_spec(module_name) is None:
            return PendingTab(self)
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls(self.ctx, self)

    def _tab_built(self, key: str, tab: QWidget) -> None:
        """A tab was just built: the window's keyboard and tab order reach into it."""
        if getattr(self, "journal", None) is not None:  # built after the start: its input is journaled too
            self.journal.watch_tab(key, tab)
        keyboard.one_tab_dates(tab, self.date_tab)
        tab_order.apply(key, tab)
        QTimer.singleShot(0, self, memory.settle)  # the tab lives as long as the window (ui.memory)
        # Enter in a form's single-line field saves as Ctrl+S does; the 8D fields have their own button
        if key in ("incoming", "inspection", "rework"):
            own: list = []
            if key == "inspection":
                own = keyboard.single_line_fields(tab.ui.correctiveGroup)  # type: ignore[attr-defined]
                keyboard.enter_submits(own, tab.ui.openCorrectiveButton)  # type: ignore[attr-defined]
            fields = [f for f in keyboard.single_line_fields(tab, skip=("searchEdit",)) if f not in own]
            keyboard.enter_saves(fields, lambda: keyboard.press_save(self.save_button, self.show_message))

    def tab_titles(self) -> dict[str, str]:
        return {"incoming": self.tr("Incoming returns"), "inspection": self.tr("Inspection"),
                "rework": self.tr("Rework"), "reports": self.tr("Reports"), "labels": self.tr("Labels")}

    def save_button(self) -> Any:
        """The button Ctrl+S presses on the current tab: the open record's next step."""
        tab = self.ui.tabs.currentWidget()
        if self.tabs.is_built("incoming") and tab is self.tabs["incoming"]:
            record = tab.record  # type: ignore[attr-defined]
            if record is None:
                return tab.ui.registerButton  # type: ignore[attr-defined]
            return {"received": tab.ui.confirmButton,  # type: ignore[attr-defined]
                    "confirmed": tab.ui.approveButton}.get(record.get("status"))  # type: ignore[attr-defined]
        step = getattr(tab, "step_widget", None)
        line = getattr(tab, "line", None)
        return step(line) if callable(step) and line is not None else None

    def _show_tab_titles(self) -> None:
        titles = self.tab_titles()
        for key in self.tabs:
            index, text = self.ui.tabs.indexOf(self.tabs.page(key)), titles[key] + self.queue_titles.suffix(key)
            if self.ui.tabs.tabText(index) != text:  # a new title lays out the tab bar again
                self.ui.tabs.setTabText(index, text)

    def show_tab(self, key: str | None) -> QWidget | None:
        """Bring a tab to the front (and let it load its list the first time)."""
        if key is None or key not in self.tabs:
            return None
        tab = self.tabs[key]
        if self.ui.tabs.currentWidget() is tab:
            self._tab_shown(self.ui.tabs.currentIndex())
        else:
            self.ui.tabs.setCurrentWidget(tab)
        return tab

    def current_tab_key(self) -> str | None:
        return self.tabs.key_of(self.ui.tabs.currentWidget())

    def _tab_shown(self, index: int) -> None:
        key = self.tabs.key_of(self.ui.tabs.widget(index))
        if key is None:
            return
        widget = self.tabs[key]  # built now, the first time it is shown
        activate = getattr(widget, "activate", None)
        if callable(activate):
            activate()

    def refresh(self) -> None:
        """F5: the current tab reads its list again, and the queues in the titles are counted."""
        self.queue_titles.refresh()
        refresh = getattr(self.ui.tabs.currentWidget(), "refresh", None)
        if callable(refresh):
            refresh()

    # ------------------------------------------------------------ scanning

    def focus_scan(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scan_field.selectAll()

    def _scan_feedback(self, text: str, ok: bool) -> None:
        restyle(self.scan_message, "color: #1a7f37;" if ok else "color: #c00000; font-weight: bold;")
        self.scan_message.setText(text)
        self._scan_clear.start(SCAN_MESSAGE_MS)
        self.show_message(text)

    def handle_scan(self, text: str) -> None:
        """A label was scanned: open its line (or return) where its next step is taken."""
        code = classify(text)
        if code is None:
            return
        try:
            if code.kind == "line":
                self._open_scanned_line(code.code)
            elif code.kind == "return":
                def return_id(session: Any) -> int | None:
                    rma = return_service.find_return(session, code.code)
                    return rma.id if rma is not None else None
                # looked up on a pool thread (a busy server stalls the scan, not the window)
                self.ctx.query(return_id, lambda found: self._open_scanned_return(code.code, found),
                               initiator=self)
            else:
                self._scanned_product(code.code)
        except DatabaseUnavailable:
            pass  # ctx.read already raised the banner

    def _open_scanned_return(self, rma_no: str, found: int | None) -> None:
        if not found:
            self._unknown(rma_no)
        elif "incoming" in self.tabs:
            self.show_tab("incoming")
            self.tabs["incoming"].open_return(found)  # type: ignore[attr-defined]
            self._scan_feedback(rma_no, True)

    def _open_scanned_line(self, barcode: str) -> None:
        # looked up on a pool thread; a lost database raises the banner and opens nothing.
        # The label's line is read with everything a bench's form shows in the same
        # statement, and made into what the bench it opens at shows, while the session is
        # open: one read, not a look-up and then the bench's own read (issue 12)
        current = self.current_tab_key()
        # a bench not built yet is not built on a pool thread: it reads the line itself
        makers = {key: tab.line_from_form for key, tab in self.tabs.built().items()
                  if callable(getattr(tab, "line_from_form", None))}
        tab_keys = list(self.tabs)

        def read(session: Any) -> tuple[lookups.ScannedLine, str | None, Any] | None:
            form = line_form_service.scanned_line_form(session, barcode)
            if form is None:
                return None
            line = form.line
            found = lookups.ScannedLine(line.id, line.status, line.return_id)
            key = _scan_target(found.status, current, tab_keys)
            make = makers.get(key) if key is not None else None
            return found, key, make(form) if make is not None else None

        def arrived(got: tuple[lookups.ScannedLine, str | None, Any] | None) -> None:
            if got is None:
                self._open_found_line(barcode, None)
            else:
                found, key, shown = got
                self._open_found_line(barcode, found, (key, shown) if shown is not None else None)

        self.ctx.query(read, arrived, initiator=self, reads_only=True)

    def _open_found_line(self, barcode: str, found: Any, read_for: tuple[str, Any] | None = None) -> None:
        """Open a scanned line at its bench; `read_for` is (the bench, what it shows) when
        the scan's read made it already (then the bench does not read it again)."""
        if found is None:
            self._unknown(barcode)
            return
        line_id, status, return_id = found.line_id, found.status, found.return_id
        key = _scan_target(status, self.current_tab_key(), list(self.tabs))
        state = names.line_status(status, self.ctx.language)
        if key not in self.tabs:
            roles = "、".join(ROLES[r].name(self.ctx.language) for r in TAB_ROLES[key]) if self.ctx.is_zh \
                else ", ".join(ROLES[r].name(self.ctx.language) for r in TAB_ROLES[key])
            self._scan_feedback(self.tr("%1 is “%2”: a step for %3.").replace("%1", barcode)
                                .replace("%2", state).replace("%3", roles), False)
            return
        tab = self.show_tab(key)
        if key == "incoming":
            opened = tab.open_return(return_id)  # type: ignore[union-attr]
        elif read_for is not None and read_for[0] == key:
            opened = tab.open_line(line_id, line=read_for[1])  # type: ignore[union-attr]
        else:  # the user went to another tab meanwhile, or the bench was not built yet
            opened = tab.open_line(line_id)  # type: ignore[union-attr]
        if opened:
            self._scan_feedback(self.tr("%1 — %2").replace("%1", barcode).replace("%2", state), True)

    def _scanned_product(self, code: str) -> None:
        incoming = self.tabs.get("incoming") if self.current_tab_key() == "incoming" else None
        if incoming is not None and self.ctx.can(Role.WAREHOUSE):
            if incoming.scan_product(code):  # type: ignore[attr-defined]
                self._scan_feedback(self.tr("Product %1 added.").replace("%1", code), True)
            elif self.ctx.database_ok:
                self._unknown(code)
            return
        def answered(known: bool) -> None:
            if known:
                self._scan_feedback(self.tr("%1 is a product label: scan it at the receiving desk.")
                                    .replace("%1", code), False)
            else:
                self._unknown(code)

        self.ctx.query(lambda s: return_service.find_product(s, code) is not None, answered, initiator=self)

    def _names_a_product(self, code: str) -> bool:
        """Does a burst typed into a field name a product (its label code or model)?"""
        return bool(self.ctx.read(lambda s: return_service.find_product(s, code) is not None))

    def _unknown(self, code: str) -> None:
        self._scan_feedback(self.tr("Unknown code: %1").replace("%1", code), False)

    # ------------------------------------------------------------ messages, database

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def _action_succeeded(self, _ids: list[int]) -> None:
        # announced after the commit and before the action's own notice, which follows it
        if not self.ctx.events.remote:  # another station's change leaves this user's message
            self.statusBar().clearMessage()

    def _remote_changed(self, change: Any) -> None:
        if change.everything:  # not known what: count the queues again (ids refresh them by themselves)
            self.queue_titles.refresh_soon()

    def _database_lost(self, exc: Any) -> None:
        self.banner.connection_lost(exc if isinstance(exc, DatabaseUnavailable) else None)
        self._show_db_state()

    def _database_restored(self) -> None:
        self.banner.hide()
        self._show_db_state()

    def _show_db_state(self) -> None:
        state = self.tr("connected") if self.ctx.database_ok else self.tr("NOT reachable")
        self.db_label.setText(self.tr("Database: %1 (%2)").replace("%1", self.ctx.database).replace("%2", state))
        self.db_label.setStyleSheet("" if self.ctx.database_ok else "color: #c00000; font-weight: bold;")

    # ------------------------------------------------------------ language

    def switch_language(self, lang: str) -> None:
        """Show the window in another language now; typed input stays where it is."""
        app = QCoreApplication.instance()
        if app is not None:
            install_language(app, lang)
        self.ctx.set_language(lang)
        settings = self.ctx.settings
        if settings is not None and hasattr(settings, "set"):
            settings.set("language", lang)
        self._language_changed(lang)

    def _language_changed(self, lang: str) -> None:
        (self.ui.actionChinese if lang.startswith("zh") else self.ui.actionEnglish).setChecked(True)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        may_import = self.ctx.can(Role.QA, Role.WAREHOUSE)
        self.ui.actionImport.setEnabled(may_import)
        self.ui.actionImport.setToolTip("" if may_import else
                                        self.tr("Only the quality and warehouse roles import logs."))
        self._show_tab_titles()
        self.scan_label.setText(self.tr("Scan:") + " ")
        self.demo_label.setText(self.tr("DEMO DATA — not for real work"))
        self.scan_field.setPlaceholderText(self.tr("Scan or type a label, then Enter (F2)"))
        self.scan_field.setToolTip(self.tr("Line labels open the line where its next step is; "
                                           "product labels add a line at the receiving desk."))
        lang = self.ctx.language
        roles = sorted(self.ctx.actor.roles)
        role_text = "、".join(ROLES[Role(r)].name(lang) for r in roles if r in {x.value for x in Role})
        self.user_label.setText(self.tr("User: %1 (%2)").replace("%1", self.ctx.actor.name).replace("%2", role_text))
        station = self.ctx.settings.get("station_role") if self.ctx.settings is not None else ""
        self.role_label.setText(self.tr("Station: %1").replace("%1", self.station_names().get(station, station)))
        self._show_db_state()

    def station_names(self) -> dict[str, str]:
        # every role a station may be set up for, not only the desks of the first version
        lang = self.ctx.language
        names_ = {r.value: ROLES[r].name(lang) for r in Role if r in ROLES}
        names_.update({"warehouse": self.tr("receiving desk"), "qa": self.tr("QA bench"),
                       "production": self.tr("rework"), "reports": self.tr("reports"),
                       "printing": self.tr("printing")})
        return names_

    # ------------------------------------------------------------ menu actions

    def database_changed(self) -> None:
        """The settings name another database: it is opened at the next start."""
        self.show_message(self.tr("The new database is used from the next start of the station."))

    def _switch_user(self) -> None:
        if self._confirm_leave():
            self.switchUserRequested.emit()

    def change_password(self) -> ChangePasswordDialog:
        """Station → Change password…: the logged-in user's own password (ui.password_dialogs)."""
        dialog = ChangePasswordDialog.for_context(self.ctx, self)
        dialog.accepted.connect(lambda: self.show_message(self.tr("Your password has been changed.")))
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def _settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings(self)
            self.retranslate()

    def open_import(self) -> ImportDialog:
        """Station → Import a legacy Excel log…: the preview dialog (one at a time)."""
        # the legacy parser and openpyxl are imported only now, not at the station's start
        from ui.import_dialog import ImportDialog

        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.ctx, self)
            self.import_dialog.imported.connect(self._imported)
        ui_errors.show(self.import_dialog)
        return self.import_dialog

    def open_master_data(self) -> QWidget:
        """Station → Master data…: the 资料维护 window (one, not modal)."""
        if self.master_data is None:
            from ui.masterdata.window import MasterDataWindow  # its list imports need openpyxl

            self.master_data = MasterDataWindow(self.ctx, self)
        ui_errors.show(self.master_data)
        return self.master_data

    def _imported(self, result: ImportResult) -> None:
        # the reports tab follows returnsChanged by itself; the lists already shown read their
        # pages again (new returns are no ids they hold); lists never shown read when first shown
        self.ctx.events.returnsChanged.emit(result.return_ids)
        for widget in self.tabs.built().values():
            refresh = getattr(widget, "refresh", None)
            if callable(refresh) and getattr(widget, "_activated", False):
                refresh()

    def _about(self) -> None:
        ui_errors.message_box(self, self.tr("About RMA Station"),
                              self.tr("RMA Station — customer returns from receipt to inspection, "
                                      "rework, re-inspection and statistics."), QMessageBox.Icon.Information)

    def _confirm_leave(self) -> bool:
        """Every tab with unsaved input asks before the window closes or the user changes."""
        for widget in self.tabs.built().values():
            confirm = getattr(widget, "confirm_discard", None)
            if callable(confirm) and not confirm():
                self.ui.tabs.setCurrentWidget(widget)
                return False
        return True

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            # a restored geometry takes effect on the first show: keep it on this screen
            self._fitted = True
            screen_fit.clamp_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._confirm_leave():
            event.ignore()
            return
        self.live.stop()
        self.journal.close()
        settings = self.ctx.settings
        if settings is not None and hasattr(settings, "save_layout"):
            settings.save_layout("main_geometry", self.saveGeometry())
        stop_listening_for_scans(self.wedge)
        memory.release()
        super().closeEvent(event)

