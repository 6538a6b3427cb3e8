"""The one way the workspace runs long work off the GUI thread: with progress and a working Cancel.

``run_in_background(parent, label, fn, on_done, on_error)`` runs ``fn(progress, cancelled)`` on
Qt's global thread pool. ``progress(done, total, message="")`` reports how far it has got and
``cancelled()`` says whether the practitioner pressed Cancel; the function should return early (or
raise :class:`Cancelled`) when it does. The result, the error or the cancellation comes back to the
GUI thread through queued signals, so ``on_done``/``on_error`` may touch widgets; ``fn`` must never.

Each worker that needs the database opens its own connection (SQLAlchemy sessions are not
thread-safe); the store's engine hands out a fresh connection per use, so reading is safe.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

T = TypeVar("T")
log = logging.getLogger(__name__)

#: How long work may run before the progress dialog appears (ms): quick work shows nothing.
PROGRESS_DELAY_MS = 500


class Cancelled(Exception):
    """Raised (or returned early) by work that noticed the Cancel button."""


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


class _WorkerSignals(QObject):
    """Carriers for the worker's news; a QRunnable is not a QObject and cannot have signals."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, fn: Callable[[Progress, Callable[[], bool]], Any], flag: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the task keeps it alive until the news is in
        self.fn = fn
        self.flag = flag
        self.signals = _WorkerSignals()

    def run(self) -> None:
        def progress(done: int, total: int, message: str = "") -> None:
            self.signals.progressed.emit(int(done), int(total), message)

        try:
            result = self.fn(progress, self.flag.is_set)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # every failure goes back to the GUI thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            if self.flag.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


class BackgroundTask(QObject, Generic[T]):
    """A running piece of background work: lives on the GUI thread and owns the progress dialog."""

    done = Signal()
    """Emitted once the work has finished, failed or been cancelled (after the callbacks)."""

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        super().__init__()  # no Qt parent: it must outlive a window closed while the work runs
        self.parent_widget = parent
        self.label = label
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self.flag = threading.Event()
        self.finished = False
        self.outcome: str = "running"
        self.worker: QRunnable | None = None
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("genorisk")
        self.dialog.setAccessibleName(label)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.setValue(0)

    @Slot()
    def cancel(self) -> None:
        """Ask the work to stop; it notices through ``cancelled()``."""
        if not self.finished:
            self.flag.set()
            if isValid(self.dialog):
                self.dialog.setLabelText(f"{self.label}\nCancelling…")

    def _parent_gone(self) -> bool:
        """True when the window that asked for the work has been closed: nothing to report back to."""
        return self.parent_widget is not None and not isValid(self.parent_widget)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, message: str) -> None:
        if self.finished or not isValid(self.dialog):
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if message:
            self.dialog.setLabelText(f"{self.label}\n{message}")

    @Slot(object)
    def _finished(self, result: T) -> None:
        gone = self._close("done")
        try:
            if not gone:
                self._on_done(result)
        finally:
            self._end()

    @Slot(object, str)
    def _failed(self, error: BaseException, trace: str) -> None:
        gone = self._close("failed")
        log.error("%s failed:\n%s", self.label, trace)
        try:
            if self._on_error is not None and not gone:
                self._on_error(error)
        finally:
            self._end()

    @Slot()
    def _cancelled(self) -> None:
        gone = self._close("cancelled")
        try:
            if self._on_cancelled is not None and not gone:
                self._on_cancelled()
        finally:
            self._end()

    def _end(self) -> None:
        """Announce the end, then go (only now: a callback may have run a nested event loop)."""
        self.done.emit()
        self.deleteLater()

    def _close(self, outcome: str) -> bool:
        """Close the progress dialog; True if the asking window has gone (then no callbacks run)."""
        self.finished = True
        self.outcome = outcome
        if isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        _RUNNING.discard(self)
        return self._parent_gone()


_RUNNING: set[BackgroundTask[Any]] = set()


def run_in_background(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Progress, Callable[[], bool]], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> BackgroundTask[T]:
    """Run ``fn(progress, cancelled)`` off the GUI thread; call back on the GUI thread when it ends.

    ``label`` is what the progress dialog says (e.g. "Exporting PDF…"); the dialog only appears if the
    work takes longer than half a second. ``on_error`` defaults to logging only: pass one that shows a
    message to the practitioner.
    """
    task: BackgroundTask[T] = BackgroundTask(parent, label, on_done, on_error, on_cancelled)
    worker = _Worker(fn, task.flag)
    connection = Qt.ConnectionType.QueuedConnection
    worker.signals.progressed.connect(task._progressed, connection)
    worker.signals.finished.connect(task._finished, connection)
    worker.signals.failed.connect(task._failed, connection)
    worker.signals.cancelled.connect(task._cancelled, connection)
    task.worker = worker  # keep the runnable and its signal carrier alive until the work ends
    _RUNNING.add(task)
    QThreadPool.globalInstance().start(worker)
    return task
