"""What the QA bench and the rework planner's tab share: a queue of lines beside the form
of the chosen line, the guard against losing unsaved input, the conflict strip and the
save that survives a lost database.

A subclass provides its Designer form (with the widgets named below), its queue, how to
read one line for the form (`read_line`) and how to show it (`show_line`).

Widgets the form must have: searchEdit, stageCombo, overdueCheck, queueView, countLabel,
titleLabel, stateLabel, conflictFrame, conflictLabel, reloadKeepButton.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from app import workflow
from app.codes import ROLES, Role
from app.errors import ConflictError, StationError
from app.services.changes import line_stamp
from app.services.line_form import LineForm
from app.services.queues import LineQuery, LineQueue, count_lines
from db.engine import run_read
from ui import errors as ui_errors
from ui import live, screen_fit
from ui import signature_dialog as signing
from ui.context import Outcome, StationContext, form_buttons
from ui.i18n import Retranslatable
from ui.models.queues import LINE_COLUMNS, Column, LineQueueModel
from ui.widgets.form_state import FormState
from ui.worker import run_in_background

SEARCH_DELAY_MS = 250


def role_names(roles: tuple[Role, ...], lang: str) -> str:
    sep = "、" if lang.startswith("zh") else ", "
    return sep.join(ROLES[r].name(lang) for r in roles)


def gate(button: QAbstractButton, *, roles_ok: bool, roles: tuple[Role, ...], lang: str,
         state_ok: bool = True, state_reason: str = "") -> None:
    """Enable an action only for the roles and the state that allow it; say why not in the tooltip."""
    if not roles_ok:
        button.setEnabled(False)
        button.setToolTip(QCoreApplication.translate("BenchTab", "Needs the role: %1")
                          .replace("%1", role_names(roles, lang)))
    elif not state_ok:
        button.setEnabled(False)
        button.setToolTip(state_reason)
    else:
        button.setEnabled(True)
        button.setToolTip("")


def gate_step(button: QAbstractButton, ctx: Any, step_key: str, state: str | None, *,
              state_reason: str, also_ok: bool = True) -> None:
    """Enable a step's button from the workflow table (app.workflow): the roles that take the
    step and the states it starts from; `also_ok` adds what the table cannot know (a pending
    save, a return not every line of which is done). Says why not in the tooltip."""
    s = workflow.step(step_key)
    gate(button, roles_ok=ctx.can(*s.roles), roles=s.roles, lang=ctx.language,
         state_ok=s.allows_state(state) and also_ok, state_reason=state_reason)


class BenchCount(QObject):
    """The queue's count in words. Its own class because lupdate marks a string as plural
    ("%n line" / "%n lines" in English) only in a ``self.tr(text, "", n)`` call, and the
    benches' ``self.tr`` would take the subclass's name as the context."""

    def lines(self, n: int) -> str:
        return self.tr("%n line(s)", "", n)

    def overdue(self, n: int) -> str:
        return self.tr("%n overdue", "", n)


_COUNTS = BenchCount()


class BenchTab(Retranslatable, QWidget):
    """A queue of lines and the form of the line chosen in it (or scanned)."""

    queue: LineQueue = LineQueue.INSPECTION
    columns: tuple[Column, ...] = LINE_COLUMNS

    def __init__(self, ctx: StationContext, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui
        self.ui.setupUi(self)
        self.state = FormState(lambda: self.ctx.language)
        self.state.on_change = self._input_changed
        self.line_id: int | None = None
        self.line: dict[str, Any] | None = None
        self.signature_dialog: Any = None  # the open signature dialog of a signed step
        self._selecting = False
        self._activated = False

        self.model = LineQueueModel(ctx, LineQuery(queue=self.queue), self, self.columns)
        view = self.ui.queueView
        view.setModel(self.model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionsClickable(True)
        self.model.apply_widths(view)
        view.horizontalHeader().setSortIndicatorShown(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.countChanged.connect(self._show_count)
        self.model.modelReset.connect(self._reselect)
        self.model.refreshed.connect(lambda: self._select(self.line_id))  # rows read again by id

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        self.ui.searchEdit.returnPressed.connect(self.apply_filter)  # Enter searches at once
        self.ui.stageCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.ui.overdueCheck.toggled.connect(lambda _b: self.apply_filter())
        self.ui.reloadKeepButton.clicked.connect(self.reload_keep_input)
        self.ui.conflictFrame.hide()
        # another station changed the open line (ui.live): read it again, or say so over a dirty form
        self.changed_notice = live.ChangedNotice(self)
        live.place_notice(self.changed_notice, self.ui.conflictFrame, after=True)
        self.watch = live.RecordWatch(
            ctx, self.changed_notice, seen=lambda: live.seen_of_line(self.line),
            read=lambda s: line_stamp(s, self.line_id),  # type: ignore[arg-type]
            busy=lambda: self.state.dirty or self.ctx.is_busy(self),
            reload=lambda: self.load_line(self.line_id),  # type: ignore[arg-type]
            reload_keep=self._reload_keep_typed)
        ctx.events.remoteChanged.connect(self._remote_changed)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([520, 880])
        # on a narrow screen (1024×768) the customer and model stay in sight without scrolling
        self._fit_queue = screen_fit.KeyColumns(view, lambda: [self.model.column_of(k) for k in ("customer", "model")
                                                               if any(c.key == k for c in self.columns)])
        ctx.events.linesChanged.connect(self._lines_changed)

    # ------------------------------------------------------------ what subclasses provide

    def stages(self) -> list[tuple[str, tuple[str, ...]]]:
        """The stage filter's entries: (translated text, line statuses)."""
        return [(QCoreApplication.translate("BenchTab", "All stages"), ())]

    def read_line(self, session: Session, line_id: int) -> dict[str, Any]:
        raise NotImplementedError

    def line_from_form(self, form: LineForm) -> dict[str, Any]:
        """What the form shows of a line read with app.services.line_form (on a pool thread,
        while its session is open: no widget is touched here)."""
        raise NotImplementedError

    def show_line(self, line: dict[str, Any] | None) -> None:
        raise NotImplementedError

    def update_actions(self) -> None:
        """Enable the buttons the user's roles and the line's state allow."""

    def capture_extra(self) -> dict[str, Any]:
        return {}

    def restore_extra(self, values: dict[str, Any]) -> None:
        """Put back input that lives outside FormState (tables)."""

    def _input_changed(self) -> None:
        """Something was typed (live feedback hooks)."""

    # ------------------------------------------------------------ the queue

    def activate(self) -> None:
        """The tab was shown: load the queue the first time (tabs never shown never query)."""
        if not self._activated:
            self._activated = True
            self.apply_filter()

    def query(self) -> LineQuery:
        stages = self.stages()
        index = self.ui.stageCombo.currentIndex()
        statuses = stages[index][1] if 0 <= index < len(stages) else ()
        return replace(self.model.query, search=self.ui.searchEdit.text().strip(), statuses=statuses,
                       overdue_on=date.today() if self.ui.overdueCheck.isChecked() else None)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self._activated = True
        self.model.set_query(self.query())

    def refresh(self) -> None:
        """F5: read the queue again and the open line (unless the user is editing it)."""
        self.model.reload()
        if self.line_id is not None and not self.state.dirty:
            self.load_line(self.line_id)

    def _show_count(self, total: int) -> None:
        self._count_asked = asked = getattr(self, "_count_asked", 0) + 1
        if self.model.overdue_total is not None:
            # a reload counted the overdue lines in its count's statement: no read of its own
            self._counts = (total, self.model.overdue_total)
            self._render_count()
            return
        # rows changed in place (another station, this form's save): the overdue count is
        # read again off the UI thread, like the list's pages (an older answer is dropped)
        overdue_query = replace(self.model.query, overdue_on=date.today())
        self._counts = (total, getattr(self, "_counts", (0, 0))[1])
        self._render_count()
        factory, actor = self.ctx.factory, self.ctx.actor

        def count(_progress: Any) -> int:
            # a read: no BEGIN/COMMIT round trips on PostgreSQL
            return run_read(factory, lambda s: count_lines(s, overdue_query), actor=actor, station=actor.station)

        def counted(overdue: int) -> None:
            if asked == self._count_asked:
                self._counts = (total, overdue)
                self._render_count()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, StationError):  # a lost database is said by the list's own read
                ui_errors.report_error(exc, parent=self)

        run_in_background(self, count, title="", on_done=counted, on_error=failed,
                          cancellable=False, show_progress=False)

    def _render_count(self) -> None:
        total, overdue = getattr(self, "_counts", (0, 0))
        text = _COUNTS.lines(total)
        if overdue:
            text += " · " + _COUNTS.overdue(overdue)
        label = self.ui.countLabel
        style = "color: #a4000f; font-weight: bold;" if overdue else ""
        # each change re-lays the list's pane out and repaints the tab: only what differs
        if label.text() != text:
            label.setText(text)
        if label.styleSheet() != style:
            label.setStyleSheet(style)

    def _row_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or self.model.refreshing or not current.isValid():
            return
        line_id = self.model.id_at(current.row())
        if line_id == self.line_id:
            return
        if not self.open_line(line_id):
            self._select(self.line_id)

    def _select(self, line_id: int | None) -> None:
        row = self.model.row_of(line_id) if line_id is not None else -1
        self._selecting = True
        try:
            sel = self.ui.queueView.selectionModel()
            if row < 0:
                sel.clearSelection()
                sel.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row, 0)
                sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                    | QItemSelectionModel.SelectionFlag.Rows)
                self.ui.queueView.scrollTo(index)
        finally:
            self._selecting = False

    def _reselect(self) -> None:
        self.model.fit_code_columns(self.ui.queueView)
        self._fit_queue.fit()  # the code columns before the customer may have grown
        self._select(self.line_id)

    def _lines_changed(self, ids: list[int]) -> None:
        remote = self.ctx.events.remote  # another station's change (ui.live), not this form's save
        own = not remote and self.ctx.events.initiator is self
        if own:
            # announced only after the commit: what the form holds is saved; perform reloads it
            self.state.loaded()
        if self._activated:
            # a row leaving the queue moves the current row: that is not the user choosing one
            self._selecting = True
            try:
                self.model.refresh_ids(ids)
            finally:
                self._selecting = False
            self._select(self.line_id)
        if self.line_id in ids and remote:
            self.watch.check()
        elif self.line_id in ids and not self.state.dirty and not own:
            self.load_line(self.line_id)

    def _remote_changed(self, change: Any) -> None:
        """Another station changed the open line's return (closed, cancelled), or what is not
        known (SQLite, a reconnect): compare the open line; for the latter read the queue too."""
        if not change.everything:
            if self.line is not None and self.line.get("return_id") in change.returns \
                    and self.line_id not in change.lines:
                self.watch.check()
            return
        if self._activated:
            self._selecting = True
            try:
                self.model.reload()
            finally:
                self._selecting = False
            self._select(self.line_id)
        self.watch.check()

    # ------------------------------------------------------------ the open line

    def confirm_discard(self) -> bool:
        """Leaving a record with unsaved input: ask first (ui.errors.ask, patchable in tests)."""
        if not self.state.dirty:
            return True
        title = self.line["barcode"] if self.line else ""
        answer = ui_errors.ask(
            self, QCoreApplication.translate("BenchTab", "Unsaved changes"),
            QCoreApplication.translate("BenchTab", "Your changes to %1 are not saved. Discard them?")
            .replace("%1", title))
        return answer == QMessageBox.StandardButton.Yes

    def open_line(self, line_id: int, then: Callable[[], None] | None = None, *,
                  line: dict[str, Any] | None = None) -> bool:
        """Show a line (chosen in the queue or scanned); False when the user kept the open one.
        The line is read off the UI thread (`load_line`) — unless `line` is what the scan's
        own read made of it already (`line_from_form`); `then` runs once it is shown."""
        if line_id == self.line_id and self.state.dirty:
            # the open line scanned again: keep what was typed, do not read it over
            self._select(line_id)
            if then is not None:
                then()
            return True
        if line_id != self.line_id and not self.confirm_discard():
            return False
        self.activate()
        self._select(line_id)
        if line is not None:
            self._load_asked = getattr(self, "_load_asked", 0) + 1  # a read still under way is older
            if self._show_loaded(line_id, line) and then is not None:
                then()
            return True
        self.load_line(line_id, then)
        return True

    def load_line(self, line_id: int, then: Callable[[], None] | None = None) -> bool:
        """Read the line for the form on a pool thread (ctx.query: a stalled server does not
        freeze the window) and show it when it arrives; `then` runs after it is shown. An
        answer overtaken by a later load is dropped. Returns True: the read was started."""
        self._load_asked = asked = getattr(self, "_load_asked", 0) + 1

        def arrived(line: dict[str, Any]) -> None:
            if asked == self._load_asked and self._show_loaded(line_id, line) and then is not None:
                then()

        def failed(exc: StationError) -> None:  # e.g. the line is gone: said, the open one stays
            if asked == self._load_asked:
                self.ctx.events.message.emit(exc.message(self.ctx.language))
                self._select(self.line_id)

        self.ctx.query(lambda s: self.read_line(s, line_id), arrived, on_error=failed,
                       on_lost=lambda _exc: self._select(self.line_id) if asked == self._load_asked else None,
                       initiator=self, reads_only=True)
        return True

    def _show_loaded(self, line_id: int, line: dict[str, Any] | None) -> bool:
        if line is None:
            return False
        self.line_id = line_id
        self.line = line
        self.ui.conflictFrame.hide()
        self.changed_notice.hide()
        self.state.clear_errors()
        self.state.loading = True
        try:
            self.show_line(line)
        finally:
            self.state.loading = False
        self.state.loaded()
        self.update_actions()
        self.show_step(line)
        return True

    def step_widget(self, line: dict[str, Any]) -> QWidget | None:
        """The button of the line's next step (each bench says which); None: none to show."""
        return None

    def show_step(self, line: dict[str, Any]) -> None:
        """Scroll the form to the line's next step, so its button is on a 1366×768 screen
        without the user scrolling for it (the form is taller than such a screen)."""
        widget = self.step_widget(line)
        scroll = getattr(self.ui, "formScroll", None)
        if widget is None or scroll is None or scroll.widget() is None:
            return
        self._scroll_to(scroll, widget)
        # the groups just shown or filled change the form's height on the next layout pass:
        # scroll there again once it has been made
        QTimer.singleShot(0, self, lambda: self._scroll_to(scroll, widget))

    @staticmethod
    def _scroll_to(scroll: Any, widget: QWidget) -> None:
        layout = scroll.widget().layout()
        if layout is not None:
            layout.activate()
        group = widget.parentWidget()
        if group is not None and group is not scroll.widget():
            scroll.ensureWidgetVisible(group, 0, 0)
        scroll.ensureWidgetVisible(widget, 8, 8)

    def clear_line(self) -> None:
        self.line_id = None
        self.line = None
        self.state.clear_errors()
        self.state.loading = True
        try:
            self.show_line(None)
        finally:
            self.state.loading = False
        self.state.loaded()
        self.update_actions()

    # ------------------------------------------------------------ saving

    def perform(self, work: Callable[[Session], Any], message_label: QLabel,
                done_text: Callable[[], str], *, returns: list[int] | None = None,
                then: Callable[[Outcome[Any]], None] | None = None, dialog: Any = None) -> Outcome[Any]:
        """One save of this form as one action; the outcome is shown in the form.

        Success: the line is read again (new version) and `done_text` shows in green.
        Refused: the field at fault turns red with the reason. Conflict: the strip with the
        other user's name and time and "Reload, keep my input". Database gone: the input
        stays, and the save is made by itself when the connection is back. The save runs
        off the UI thread (ui.context): meanwhile the form's buttons are held and
        `message_label` reads "Saving…"; `then(outcome)` runs after the form has shown it.
        """
        self.state.clear_errors()
        self.ui.conflictFrame.hide()
        line_id = self.line_id

        def done(outcome: Outcome[Any]) -> None:
            # a signed step: a wrong password stays in its signature dialog (ui.signature_dialog)
            if signing.settle(dialog, outcome, self.ctx.language):
                return
            if self.line_id != line_id:
                return  # the user went on to another line meanwhile
            if outcome.ok:  # the saved line read again, then the message (showing it clears the form's)
                self.load_line(line_id, lambda: self.state.show_message(message_label, done_text,  # type: ignore[arg-type]
                                                                        good=True))
            elif outcome.pending:
                self.state.show_message(message_label, lambda: QCoreApplication.translate(
                    "BenchTab", "The database cannot be reached. Your input is kept and will be saved "
                    "as soon as the connection is back."))
            elif isinstance(outcome.error, ConflictError):
                self.show_conflict(outcome.error)
            elif outcome.error is not None:
                self.state.show_error(outcome.error, fallback=message_label)
            if then is not None:
                then(outcome)

        sender = self.sender()
        first = sender if isinstance(sender, QPushButton) else None
        return self.ctx.run(work, lines=[line_id] if line_id else [], returns=returns, on_done=done,
                            initiator=self, busy=form_buttons(self, first), status=message_label)

    def show_conflict(self, exc: ConflictError) -> None:
        self._conflict = exc
        self.ui.conflictLabel.setText(exc.message(self.ctx.language))
        self.ui.conflictFrame.show()

    def reload_keep_input(self) -> None:
        """After a conflict: read the line as the other user left it, then put the user's
        input back into the fields so they can check it and save again."""
        if self.line_id is None:
            return
        values = self.state.capture()
        extra = self.capture_extra()

        def put_back() -> None:
            self.state.restore(values)
            self.restore_extra(extra)
            self._input_changed()
        self.load_line(self.line_id, put_back)

    def _reload_keep_typed(self) -> None:
        # live refresh's Reload: the line as the other station left it, the user's typing put
        # back where it applies (as live.reload_keeping_input, once the line has arrived)
        if self.line_id is None:
            return
        typed = self.state.typed()
        extra = self.capture_extra()

        def put_back() -> None:
            kept = live.where_it_applies(self.state, typed)
            if kept:
                self.state.restore(kept)
            self.restore_extra(extra)
            self._input_changed()
        self.load_line(self.line_id, put_back)

    def retranslate_bench(self) -> None:
        """Texts set in code by the bench itself."""
        index = self.ui.stageCombo.currentIndex()
        self.ui.stageCombo.blockSignals(True)
        self.ui.stageCombo.clear()
        for text, _statuses in self.stages():
            self.ui.stageCombo.addItem(text)
        self.ui.stageCombo.setCurrentIndex(max(0, index))
        self.ui.stageCombo.blockSignals(False)
        self.model.retranslate()
        self.model.fit_code_columns(self.ui.queueView)
        self._fit_queue.fit()
        self._render_count()
        if self.ui.conflictFrame.isVisible() and getattr(self, "_conflict", None) is not None:
            self.ui.conflictLabel.setText(self._conflict.message(self.ctx.language))
        self.state.retranslate()
        self.update_actions()
