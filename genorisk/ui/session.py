"""CaseSession: the one controller every change to an open case goes through.

A domain :class:`~genorisk.domain.commands.Command` becomes a :class:`DomainUndoCommand` on the
case's :class:`QUndoStack`: redo is ``store.apply(command)`` and undo is ``store.undo(command)``, so
every step saves at once in one transaction and is audited under the practitioner's name. A change
the validator refuses is never pushed; the session emits ``change_refused`` with a message naming
the people, which the main window shows in a message box.

The session also holds which people are selected, so the canvas, the People table and any panel stay
in step both ways.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from genorisk.domain.commands import Command, ConflictError
from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Issue, ValidationFailed
from genorisk.store.repository import Store

log = logging.getLogger(__name__)


class DomainUndoCommand(QUndoCommand):
    """A domain command on the undo stack; its text is the command's name ("Add partner Jo Smith")."""

    def __init__(self, session: CaseSession, command: Command, *, already_applied: bool) -> None:
        super().__init__(command.name)
        self.session = session
        self.command = command
        self._skip_first_redo = already_applied

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self.session._write(self.command, undo=False, on_undo_stack=self)

    def undo(self) -> None:
        self.session._write(self.command, undo=True, on_undo_stack=self)


class CaseSession(QObject):
    """One open case: its record, its undo history, its selection and its warnings."""

    record_changed = Signal(object, object)
    """(new CaseRecord, frozenset of entity ids touched; empty means 'everything may have changed')."""
    selection_changed = Signal(object)
    """A tuple of the selected person ids, in selection order."""
    change_refused = Signal(str, str)
    """(title, message naming the people) when the validator or the store refused a change."""
    warnings_changed = Signal(object)
    """The list of stored warnings after a change."""

    def __init__(self, store: Store, case_id: str, user: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self.user = user or store.user
        self.record: CaseRecord = store.load(case_id)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName(f"undo-{case_id}")
        self._selection: tuple[str, ...] = ()
        self._warnings: list[Issue] = store.warnings(case_id)

    # --- changes ----------------------------------------------------------------------------------
    def execute(self, command: Command) -> bool:
        """Apply a command now (one transaction) and push it on the undo stack.

        Returns False, with ``change_refused`` emitted and nothing pushed or written, when the
        validator or the store refuses it.
        """
        if not command.changes:
            return False
        if not self._write(command, undo=False, on_undo_stack=None):
            return False
        self.undo_stack.push(DomainUndoCommand(self, command, already_applied=True))
        return True

    def _write(self, command: Command, *, undo: bool, on_undo_stack: DomainUndoCommand | None) -> bool:
        try:
            record = self.store.undo(command) if undo else self.store.apply(command)
        except ValidationFailed as refused:
            self._refuse(command, refused, on_undo_stack)
            return False
        except ConflictError as conflict:
            self._refuse(command, conflict, on_undo_stack)
            return False
        except Exception as failure:  # a failed write must never crash the workspace
            log.exception("could not apply %s", command.name)
            self._refuse(command, failure, on_undo_stack)
            return False
        self._set_record(record, command.touched_ids())
        return True

    def _refuse(self, command: Command, reason: Exception, on_undo_stack: DomainUndoCommand | None) -> None:
        if on_undo_stack is not None:
            # The case moved on underneath this step (e.g. edited elsewhere). The steps beyond it were
            # built on it and would fail too, so the history starts again from the case as stored
            # (cleared once the stack has finished the undo or redo in progress).
            on_undo_stack.setObsolete(True)
            QTimer.singleShot(0, self.undo_stack.clear)
            self.reload()
        if isinstance(reason, ValidationFailed):
            lines = "\n".join(f"• {error.message}" for error in reason.errors)
            message = f"“{command.name}” was not made, because:\n{lines}"
        else:
            message = f"“{command.name}” was not made: {reason}"
        self.change_refused.emit("Change not made", message)

    def reload(self) -> None:
        """Re-read the case from the store (after a refusal, an import or another tool's change)."""
        self.store.forget(self.case_id)
        self._set_record(self.store.load(self.case_id), frozenset())

    def _set_record(self, record: CaseRecord, touched: frozenset[str]) -> None:
        self.record = record
        known = {person.id for person in record.people}
        if any(person_id not in known for person_id in self._selection):
            self.select(tuple(p for p in self._selection if p in known))
        self.record_changed.emit(record, touched)
        self._warnings = self.store.warnings(self.case_id)
        self.warnings_changed.emit(self._warnings)

    @property
    def warnings(self) -> list[Issue]:
        return list(self._warnings)

    # --- selection --------------------------------------------------------------------------------
    @property
    def selection(self) -> tuple[str, ...]:
        return self._selection

    @property
    def selected_person_id(self) -> str | None:
        """The person most recently selected, the one person actions apply to."""
        return self._selection[-1] if self._selection else None

    def select(self, person_ids: Iterable[str]) -> None:
        """Select people (by id); every view follows. Unknown ids are ignored."""
        known = {person.id for person in self.record.people}
        chosen = tuple(dict.fromkeys(p for p in person_ids if p in known))
        if chosen != self._selection:
            self._selection = chosen
            self.selection_changed.emit(chosen)
