"""Long work off the UI thread: imports, statistics, printing batches, connection tests.

    job = run_in_background(self, build_month_report, title=self.tr("Monthly statistics"),
                            on_done=self.show_report)

`fn(progress)` runs on a thread of a QThreadPool. It receives a `Progress` and may call
``progress.report(done, total, text)`` and ``progress.check()`` (raises `Cancelled` once the
user pressed Cancel) or test ``progress.cancelled()``. It must never touch a widget, and it
opens its own database session (one per piece of work, never shared across threads): the
result it returns is plain data. The result, an error, or the cancellation comes back on
the UI thread through queued signals, where `on_done(result)`, `on_error(exc)` or
`on_cancel()` run; a database error arrives sorted by db.engine.classify (a lost
connection as DatabaseUnavailable, a timeout as DatabaseBusy …), never as a raw driver error. Without `on_error`, errors go to `ui.errors.report_error` (an expected
StationError → a message, anything else → the crash dialog).

A non-modal QProgressDialog with a Cancel button appears if the work lasts longer than
`SHOW_AFTER_MS`, so quick work does not flash a dialog and the window stays usable.

Tests: with ``Worker.synchronous = True`` (or RMA_WORKER_SYNC=1) `fn` runs at once on the
calling thread and the callbacks run before `run_in_background` returns (Picard's fake
thread pool); tests/ui/conftest.py switches this on for every UI test, and the worker's own
test switches it off to run and cancel real threads.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from db.engine import classify
from ui.i18n import translate

SHOW_AFTER_MS = 400
_REPORT_EVERY_S = 0.05  # at most ~20 progress updates a second reach the UI thread


class Cancelled(Exception):
    """Raised inside the work by `Progress.check()` after the user pressed Cancel."""


class Progress:
    """What the work sees of the UI: a way to report progress and to learn of a cancel.

    Thread-safe. Reports are throttled so a loop over 100,000 rows may report every row
    without flooding the UI thread's event queue; the first and the final report
    (done == total) always get through.
    """

    def __init__(self, emit: Callable[[int, int, str], None] | None = None) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self.last: tuple[int, int, str] | None = None  # the latest report, for tests and logs

    def report(self, done: int, total: int, text: str = "") -> None:
        self.last = (done, total, text)
        if self._emit is None:
            return
        now = time.monotonic()
        if now - self._last_emit >= _REPORT_EVERY_S or done >= total or self._last_emit == 0.0:
            self._last_emit = now
            self._emit(done, total, text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here if the user pressed Cancel: raises `Cancelled`."""
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()


class Job(QObject):
    """One piece of background work and its progress dialog, owned by the UI thread.

    Signals (on the UI thread): `progressed(done, total, text)`, `succeeded(result)`,
    `failed(exc)`, `cancelled()`, and `finished()` after any of the last three.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    # Raised from the pool thread; connected to this object's own slots, so Qt queues them
    # to the UI thread this object lives in.
    _progress_from_thread = Signal(int, int, str)
    _result_from_thread = Signal(object)
    _error_from_thread = Signal(object)
    _cancel_from_thread = Signal()

    def __init__(self, parent_widget: QWidget | None, fn: Callable[[Progress], Any], *,
                 title: str, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 on_cancel: Callable[[], None] | None, cancellable: bool,
                 threaded: bool, show_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.title = title
        self._parent_widget = parent_widget
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancel = on_cancel
        self._orphaned = False
        self.running = True
        self.dialog: QProgressDialog | None = None
        # Synchronous mode reports straight to the UI side, so `progressed` fires there too.
        self.progress = Progress(self._progress_from_thread.emit if threaded else self._show_progress)
        self._progress_from_thread.connect(self._show_progress)
        self._result_from_thread.connect(self._deliver_result)
        self._error_from_thread.connect(self._deliver_error)
        self._cancel_from_thread.connect(self._deliver_cancel)
        if parent_widget is not None:
            # A window closed while its work runs: stop the work, drop its callbacks.
            parent_widget.destroyed.connect(self._orphan)
        if threaded and show_progress:
            self.dialog = self._make_dialog(parent_widget, cancellable)

    def _make_dialog(self, parent: QWidget | None, cancellable: bool) -> QProgressDialog:
        cancel_text = translate("Worker", "Cancel") if cancellable else ""
        dialog = QProgressDialog(self.title, cancel_text, 0, 0, parent)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        return dialog

    def cancel(self) -> None:
        """The user's Cancel: the work stops at its next `progress.check()`."""
        if not self.running:
            return
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(translate("Worker", "Cancelling…"))

    def run_here(self) -> None:
        """Synchronous mode: the work and its callbacks run now, on this thread."""
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self._deliver_cancel()
        except Exception as exc:
            self._deliver_error(exc)
        else:
            self._deliver_result(result)

    def run_in_thread(self) -> None:
        """Body of the pool thread: only signals leave it, never a widget call."""
        try:
            try:
                result = self.fn(self.progress)
            except Cancelled:
                self._cancel_from_thread.emit()
            except BaseException as exc:  # a bug in the work must still reach the UI thread
                self._error_from_thread.emit(exc)
            else:
                self._result_from_thread.emit(result)
        except RuntimeError:
            # The Job was deleted meanwhile (the station is quitting): nobody is left to tell.
            if shiboken6.isValid(self):
                raise

    @Slot()
    def _orphan(self) -> None:
        self._orphaned = True
        self._parent_widget = None
        self.dialog = None  # destroyed with its parent
        self.progress.cancel()

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None and not self.progress.cancelled():
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)
            self.dialog.setLabelText(text or self.title)
        self.progressed.emit(done, total, text)

    def _end(self) -> None:
        self.running = False
        if self._parent_widget is not None and shiboken6.isValid(self._parent_widget):
            # Left connected, the parent's destruction later would call into a dead Job.
            self._parent_widget.destroyed.disconnect(self._orphan)
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        _running.discard(self)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._end()
        if not self._orphaned:
            self.succeeded.emit(result)
            if self._on_done is not None:
                self._on_done(result)
        self.finished.emit()

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        # A database failure in the work (a report's query, an import's commit) reaches
        # on_error as the expected error it stands for (banner, busy, read-only …), the
        # same sorting as an action's unit of work; only bugs stay what they are.
        exc = classify(exc)
        self._end()
        if not self._orphaned:
            self.failed.emit(exc)
            if self._on_error is not None:
                self._on_error(exc)
            else:
                from ui.errors import report_error  # ui.errors uses this module: import late

                report_error(exc, parent=self._parent_widget)
        self.finished.emit()

    @Slot()
    def _deliver_cancel(self) -> None:
        self._end()
        if not self._orphaned:
            self.cancelled.emit()
            if self._on_cancel is not None:
                self._on_cancel()
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run_in_thread()


class Worker:
    """Switches and the pool of the background work."""

    synchronous: ClassVar[bool] = os.environ.get("RMA_WORKER_SYNC") == "1"
    max_threads: ClassVar[int] = 2  # a database server has few connections to spare per desk
    _pool: ClassVar[QThreadPool | None] = None

    @classmethod
    def pool(cls) -> QThreadPool:
        if cls._pool is None:
            cls._pool = QThreadPool()
            cls._pool.setMaxThreadCount(cls.max_threads)
        return cls._pool

    @classmethod
    def new_pool(cls, threads: int) -> QThreadPool:
        """A pool of its own (a station's actions: one thread, carried out in order);
        `wait_all` waits for it too."""
        pool = QThreadPool()
        pool.setMaxThreadCount(threads)
        _pools.add(pool)
        return pool

    @classmethod
    def wait_all(cls, timeout_ms: int = -1) -> bool:
        """Wait for every running work to end (closing the window, tests)."""
        pools = ([cls._pool] if cls._pool is not None else []) + list(_pools)
        return all(p.waitForDone(timeout_ms) for p in pools)


_pools: weakref.WeakSet[QThreadPool] = weakref.WeakSet()


_running: set[Job] = set()  # keeps each Job alive until its result is delivered


def run_in_background(parent: QWidget | None, fn: Callable[[Progress], Any], *, title: str,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      on_cancel: Callable[[], None] | None = None,
                      cancellable: bool = True, show_progress: bool = True,
                      pool: QThreadPool | None = None) -> Job:
    """Any step that may take more than a moment: run `fn(progress)` off the UI thread.

    `title` is the (translated) text of the progress dialog; `show_progress=False` runs
    without one (a quiet check such as the database banner's retry). Returns the `Job`,
    whose signals a caller may also connect; in synchronous mode it has already ended.
    `pool` is the thread pool to run on (default: the shared one of background work).
    """
    threaded = not Worker.synchronous
    job = Job(parent, fn, title=title, on_done=on_done, on_error=on_error, on_cancel=on_cancel,
              cancellable=cancellable, threaded=threaded, show_progress=show_progress)
    _running.add(job)
    if threaded:
        (pool or Worker.pool()).start(_Runnable(job))
    else:
        job.run_here()
    return job
