"""Person and household actions: each a QAction with a menu entry AND a shortcut.

The same actions appear in the Person menu, the canvas's and the People table's context menus, so
everything done with the mouse on the genogram can be done from the keyboard. Each action opens its
dialog, which builds one domain command; the case session applies it (validated, saved, undoable).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from genorisk.domain import editing
from genorisk.domain.commands import Command
from genorisk.domain.entities import HouseholdMember
from genorisk.domain.record import CaseRecord
from genorisk.ui.session import CaseSession

if TYPE_CHECKING:
    from genorisk.ui.dialogs.family import CommandDialog

# The dialogs are imported by the actions that open them, not here: the main window builds these actions
# at start-up, and the dialog modules (forms, validators) are not needed until someone uses one.


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcut: str
    tip: str
    needs_person: bool = True


PERSON_ACTIONS = (
    ActionSpec("add_person", "Add pers&on…", "Ctrl+Shift+N", "Add someone not yet connected to the family",
               needs_person=False),
    ActionSpec("add_partner", "Add &partner…", "Ctrl+Shift+P",
               "Add a partner (past or present) of the selected person"),
    ActionSpec("add_child", "Add &child…", "Ctrl+Shift+C",
               "Add a child to one of their relationships, or to them alone"),
    ActionSpec("add_parents", "Add paren&ts…", "Ctrl+Shift+A", "Add the selected person's parents"),
    ActionSpec("add_sibling", "Add &sibling…", "Ctrl+Shift+S", "Add a brother or sister with the same parents"),
    ActionSpec("add_twin", "Add t&win…", "Ctrl+Shift+T", "Add a twin (identical, non-identical or not known)"),
    ActionSpec("add_link", "Add emotional or abuse &link…", "Ctrl+Shift+L",
               "Record a close, distant, conflictual or abusive relationship with another person"),
    ActionSpec("edit_person", "&Edit person…", "F2", "Edit everything recorded about the selected person"),
    ActionSpec("mark_subject", "&Mark as subject child", "Ctrl+Shift+M", "Mark or unmark the selected person as a "
               "subject child of this case"),
    ActionSpec("join_household", "Add to &household…", "Ctrl+Shift+H",
               "Record that the selected person lives in, or regularly visits, a household"),
    ActionSpec("leave_household", "Lea&ves household…", "", "Record the date the person left a household"),
    ActionSpec("remove_person", "&Remove person…", "Del", "Remove the selected person and their links (undoable)"),
)


class PersonActions(QObject):
    """The actions on the selected person, bound to whichever case session is open."""

    def __init__(self, window: QWidget, user: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.user = user
        self.session: CaseSession | None = None
        self.actions: dict[str, QAction] = {}
        handlers: dict[str, Callable[[], None]] = {
            "add_person": self.add_person, "add_partner": self.add_partner, "add_child": self.add_child,
            "add_parents": self.add_parents, "add_sibling": self.add_sibling, "add_twin": self.add_twin,
            "add_link": self.add_link, "edit_person": self.edit_person, "mark_subject": self.mark_subject,
            "join_household": self.join_household, "leave_household": self.leave_household,
            "remove_person": self.remove_person,
        }
        for spec in PERSON_ACTIONS:
            action = QAction(spec.text, window)
            action.setObjectName(f"action_{spec.key}")
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setStatusTip(spec.tip)
            action.setToolTip(f"{spec.tip} ({spec.shortcut})" if spec.shortcut else spec.tip)
            action.triggered.connect(handlers[spec.key])
            self.actions[spec.key] = action
        self.case_details = QAction("Case &details and status…", window)
        self.case_details.setObjectName("action_case_details")
        self.case_details.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.case_details.triggered.connect(self.edit_case)
        self.update_enabled()

    # --- binding -------------------------------------------------------------------------------
    def bind(self, session: CaseSession | None) -> None:
        """Act on this case session (None: no case on screen, every person action disabled)."""
        if session is self.session:
            self.update_enabled()
            return
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the old session may be being torn down
                self.session.selection_changed.disconnect(self._selection_changed)
        self.session = session
        if session is not None:
            session.selection_changed.connect(self._selection_changed)
        self.update_enabled()

    def _selection_changed(self, _: object) -> None:
        self.update_enabled()

    def update_enabled(self) -> None:
        session = self.session
        has_case = session is not None
        person = session.selected_person_id if session is not None else None
        for spec in PERSON_ACTIONS:
            self.actions[spec.key].setEnabled(has_case and (person is not None or not spec.needs_person))
        self.case_details.setEnabled(has_case)
        if session is not None and person is not None:
            subject = session.record.person(person).is_subject_child
            self.actions["mark_subject"].setText("Un&mark as subject child" if subject else "&Mark as subject child")
            current = any(m.person_id == person and m.end is None for m in session.record.all(HouseholdMember))
            self.actions["leave_household"].setEnabled(current)

    def fill_menu(self, menu: QMenu) -> None:
        """The Person menu (and the context menus): every person action, grouped."""
        keys = [spec.key for spec in PERSON_ACTIONS]
        groups = (keys[:7], ["edit_person", "mark_subject", "join_household", "leave_household"], ["remove_person"])
        for number, group in enumerate(groups):
            if number:
                menu.addSeparator()
            for key in group:
                menu.addAction(self.actions[key])

    # --- running -------------------------------------------------------------------------------
    def _person(self) -> str | None:
        return self.session.selected_person_id if self.session is not None else None

    def run_dialog(self, dialog: CommandDialog) -> bool:
        """Show a command dialog; on OK apply its command through the session."""
        dialog.setModal(True)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        command = dialog.command
        dialog.deleteLater()
        if not accepted or command is None or self.session is None:
            return False
        return self.execute(command)

    def execute(self, command: Command) -> bool:
        if self.session is None:
            return False
        before = {p.id for p in self.session.record.people}
        applied = self.session.execute(command)
        if applied:
            added = [p.id for p in self.session.record.people if p.id not in before]
            if added:
                self.session.select(added[:1])
        return applied

    def _with_person(self, make: Callable[[str], CommandDialog]) -> bool:
        person = self._person()
        if person is None or self.session is None:
            return False
        return self.run_dialog(make(person))

    def add_person(self) -> None:
        from genorisk.ui.dialogs.family import AddPersonDialog

        if self.session is not None:
            self.run_dialog(AddPersonDialog(self.session.record, self.user(), self.window))

    def add_partner(self) -> None:
        from genorisk.ui.dialogs.family import AddPartnerDialog

        self._with_person(lambda p: AddPartnerDialog(self._record(), p, self.user(), self.window))

    def add_child(self) -> None:
        from genorisk.ui.dialogs.family import AddChildDialog

        self._with_person(lambda p: AddChildDialog(self._record(), p, self.user(), self.window))

    def add_parents(self) -> None:
        from genorisk.ui.dialogs.family import AddParentsDialog

        self._with_person(lambda p: AddParentsDialog(self._record(), p, self.user(), self.window))

    def add_sibling(self) -> None:
        from genorisk.ui.dialogs.family import AddSiblingDialog

        self._with_person(lambda p: AddSiblingDialog(self._record(), p, self.user(), self.window))

    def add_twin(self) -> None:
        from genorisk.ui.dialogs.family import AddSiblingDialog

        self._with_person(lambda p: AddSiblingDialog(self._record(), p, self.user(), self.window, twin=True))

    def add_link(self) -> None:
        from genorisk.ui.dialogs.family import EmotionalLinkDialog

        if self.session is not None and len(self.session.record.people) < 2:
            QMessageBox.information(self.window, "Add link", "Add the other person first: a link joins two people.")
            return
        self._with_person(lambda p: EmotionalLinkDialog(self._record(), p, self.user(), self.window))

    def edit_person(self) -> None:
        from genorisk.ui.dialogs.family import EditPersonDialog

        self._with_person(lambda p: EditPersonDialog(self._record(), p, self.user(), self.window))

    def join_household(self) -> None:
        from genorisk.ui.dialogs.household import JoinHouseholdDialog

        self._with_person(lambda p: JoinHouseholdDialog(self._record(), p, self.user(), self.window))

    def leave_household(self) -> None:
        from genorisk.ui.dialogs.household import LeaveHouseholdDialog

        self._with_person(lambda p: LeaveHouseholdDialog(self._record(), p, self.user(), self.window))

    def edit_case(self) -> None:
        from genorisk.ui.dialogs.case import CaseDetailsDialog

        if self.session is not None:
            self.run_dialog(CaseDetailsDialog(self.session.record, self.user(), self.window))

    def mark_subject(self) -> None:
        person = self._person()
        if person is None or self.session is None:
            return
        subject = self.session.record.person(person).is_subject_child
        self.execute(editing.mark_subject_child(self.session.record, person, not subject))

    def remove_person(self) -> None:
        person_id = self._person()
        if person_id is None or self.session is None:
            return
        record = self.session.record
        command = editing.remove_person(record, person_id)
        name = record.person(person_id).display_name
        links = len(command.changes) - 1
        detail = f"This also removes {links} link{'s' if links != 1 else ''} and record{'s' if links != 1 else ''} " \
                 f"about {name}." if links else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "Remove person",
                          f"Remove {name} from this case?\n\n{detail}\nYou can undo this (Edit ▸ Undo).",
                          QMessageBox.StandardButton.Cancel, self.window)
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("confirmRemove")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is remove:
            self.session.execute(command)

    def _record(self) -> CaseRecord:
        assert self.session is not None
        return self.session.record
