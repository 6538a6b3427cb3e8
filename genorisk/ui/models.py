"""Table models over the immutable case record: People, Relationships, Households, Warnings, Cases.

Each model holds plain immutable rows (never ORM objects) and is refilled from a new
:class:`CaseRecord` after every change. ``SORT_ROLE`` gives native values for sorting (dates sort as
dates, not as dd/mm/yyyy text), ``ID_ROLE`` the entity id and ``PEOPLE_ROLE`` the ids of the people a
row is about, so selection can follow rows to the canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from genorisk.domain.entities import (
    Entity,
    HouseholdMember,
    Person,
    VerificationItem,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Issue
from genorisk.domain.values import PartialDate, Provenance, VerificationStatus, display_date
from genorisk.store.repository import CaseSummary

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PEOPLE_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its heading, the text shown, and (optionally) a native value to sort by."""

    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of immutable rows described by a list of :class:`Column`."""

    columns: Sequence[Column[R]] = ()
    keeps_first_seen_order = False
    """Within their group (:meth:`group_of`), rows stay where they first appeared for as long as the model
    lives (the case is open), so a row removed and then brought back by Undo returns to its old place, not
    the end of the table."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._first_seen: dict[str, int] = {}

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self.keeps_first_seen_order:
            for row in self._rows:
                self._first_seen.setdefault(self.row_id(row), len(self._first_seen))
            self._rows.sort(key=lambda row: (self.group_of(row), self._first_seen[self.row_id(row)]))
        self.endResetModel()

    def group_of(self, row: R) -> int:
        """The row's group, in display order (one group unless a model says otherwise)."""
        return 0

    def row_at(self, row: int) -> R:
        return self._rows[row]

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def row_id(self, row: R) -> str:
        return str(getattr(row, "id", ""))

    def row_people(self, row: R) -> tuple[str, ...]:
        return ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == SORT_ROLE:
            value = column.sort(row) if column.sort else column.text(row)
            return value if isinstance(value, (int, float, str)) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == ID_ROLE:
            return self.row_id(row)
        if role == PEOPLE_ROLE:
            return list(self.row_people(row))
        if role == SEARCH_ROLE:
            return " ".join(c.text(row) for c in self.columns)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_of_id(self, entity_id: str) -> int:
        for number, row in enumerate(self._rows):
            if self.row_id(row) == entity_id:
                return number
        return -1


# --- helpers ----------------------------------------------------------------------------------------
def partial(value: PartialDate | None) -> str:
    return value.display() if value else ""


def partial_sort(value: PartialDate | None) -> int:
    return value.midpoint().toordinal() if value else 0


def source_text(provenance: Provenance | None) -> str:
    """The source in a few words; 'Self-report only' stands out because reviews found it relied on."""
    if provenance is None:
        return "No source recorded"
    text = provenance.describe()
    return ("⚠ Self-report only — " + text) if provenance.self_report_only else text


def age_text(person: Person, today: date | None = None) -> str:
    if person.pregnancy is not None:  # not a person with an age: show the gestation, said as such
        return f"{person.gestation_weeks} weeks' gestation" if person.gestation_weeks else ""
    until = person.date_of_death.midpoint() if person.deceased and person.date_of_death else (today or date.today())
    age = person.age_on(until)
    if age is None:
        return ""
    if age < 2 and person.date_of_birth is not None:
        days = (until - person.date_of_birth.midpoint()).days
        months = max(days // 30, 0)
        text = f"{months} months" if months != 1 else "1 month"
    else:
        text = str(age)
    if person.deceased:
        return f"died aged {text}" if person.date_of_death else ""
    return text


def person_roles(person: Person) -> str:
    roles = []
    if person.is_subject_child:
        roles.append("Subject child")
    if person.is_index_person:
        roles.append("Index person")
    if person.deceased:
        roles.append("Deceased" + (f" {person.date_of_death.display()}" if person.date_of_death else ""))
    if person.pregnancy is not None:
        roles.append(person.pregnancy.label)
    return ", ".join(roles)


# --- People ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonRow:
    person: Person
    lives_in: str
    parents: str

    @property
    def id(self) -> str:
        return self.person.id


class PeopleModel(RowTableModel[PersonRow]):
    """Everyone in the case: the accessible, keyboard-friendly equivalent of the genogram."""

    keeps_first_seen_order = True

    columns = (
        Column[PersonRow]("Name", lambda r: r.person.display_name, lambda r: r.person.display_name.lower()),
        Column[PersonRow]("Sex", lambda r: r.person.sex.label),
        Column[PersonRow]("Date of birth", lambda r: partial(r.person.date_of_birth),
                          lambda r: partial_sort(r.person.date_of_birth)),
        Column[PersonRow]("Age", lambda r: age_text(r.person),
                          lambda r: -partial_sort(r.person.date_of_birth)),
        Column[PersonRow]("Role", lambda r: person_roles(r.person)),
        Column[PersonRow]("Parents", lambda r: r.parents),
        Column[PersonRow]("Lives in", lambda r: r.lives_in),
        Column[PersonRow]("Notes", lambda r: r.person.notes.replace("\n", " "), tooltip=lambda r: r.person.notes),
    )

    def row_people(self, row: PersonRow) -> tuple[str, ...]:
        return (row.person.id,)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == 0:
            from PySide6.QtGui import QFont

            if self._rows[index.row()].person.is_subject_child:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)

    def set_record(self, record: CaseRecord) -> None:
        households = {h.id: h.name for h in record.households}
        lives: dict[str, list[str]] = {}
        for member in record.household_members:
            if member.end is None:
                label = households.get(member.household_id, "?")
                if member.role.value == "regular_visitor":
                    label += " (visits)"
                lives.setdefault(member.person_id, []).append(label)
        names = {person.id: person.display_name for person in record.people}
        parents_of: dict[str, list[str]] = {}
        for link in record.parent_links:
            parents_of.setdefault(link.child_id, []).append(names.get(link.parent_id, "?"))
        rows = [PersonRow(person, "; ".join(lives.get(person.id, [])), ", ".join(parents_of.get(person.id, [])))
                for person in record.people]
        self.set_rows(rows)


# --- Relationships -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RelationshipRow:
    entity: Entity
    category: str
    between: str
    kind: str
    status: str
    dates: str
    source: str
    people: tuple[str, ...]
    start_sort: int = 0

    @property
    def id(self) -> str:
        return self.entity.id


class RelationshipsModel(RowTableModel[RelationshipRow]):
    """Partnerships, parentage, twins and emotional or abusive links, each with its source."""

    keeps_first_seen_order = True

    columns = (
        Column[RelationshipRow]("Type", lambda r: r.category),
        Column[RelationshipRow]("Between", lambda r: r.between),
        Column[RelationshipRow]("Kind", lambda r: r.kind),
        Column[RelationshipRow]("Status", lambda r: r.status),
        Column[RelationshipRow]("Dates", lambda r: r.dates, lambda r: r.start_sort),
        Column[RelationshipRow]("Source", lambda r: r.source, tooltip=lambda r: r.source),
    )

    def row_people(self, row: RelationshipRow) -> tuple[str, ...]:
        return row.people

    def group_of(self, row: RelationshipRow) -> int:
        """Partnerships, then parentage, then twins, then emotional and abusive links."""
        return {"Partnership": 0, "Parent": 1, "Twins": 2}.get(row.category, 3)

    def set_record(self, record: CaseRecord) -> None:
        name = record.name_of
        rows: list[RelationshipRow] = []
        for p in record.partnerships:
            rows.append(RelationshipRow(
                p, "Partnership", f"{name(p.person_a)} and {name(p.person_b)}", p.kind.label, p.status.label,
                _dates(p.start, p.end), source_text(p.provenance), (p.person_a, p.person_b), partial_sort(p.start)))
        for link in record.parent_links:
            extra = [link.kind.label]
            if link.paternity_disputed:
                extra.append("paternity disputed")
            rows.append(RelationshipRow(
                link, "Parent", f"{name(link.parent_id)} → {name(link.child_id)}", ", ".join(extra),
                f"Parental responsibility: {link.parental_responsibility.label.lower()}",
                _dates(link.start, link.end), source_text(link.provenance), (link.parent_id, link.child_id),
                partial_sort(link.start)))
        for twins in record.twin_sets:
            rows.append(RelationshipRow(
                twins, "Twins", ", ".join(name(m) for m in twins.member_ids), twins.zygosity.label, "", "", "",
                twins.member_ids))
        for e in record.emotional_links:
            arrow = "→" if e.directed else "—"
            rows.append(RelationshipRow(
                e, "Abuse" if e.kind.is_abuse else "Emotional", f"{name(e.from_id)} {arrow} {name(e.to_id)}",
                e.kind.label, "", _dates(e.start, e.end), source_text(e.provenance), (e.from_id, e.to_id),
                partial_sort(e.start)))
        self.set_rows(rows)


def _dates(start: PartialDate | None, end: PartialDate | None) -> str:
    if start is None and end is None:
        return ""
    return f"{partial(start) or '?'} – {partial(end) or 'now'}"


# --- Households ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HouseholdRow:
    member: HouseholdMember
    household: str
    person: str
    source: str

    @property
    def id(self) -> str:
        return self.member.id


class HouseholdsModel(RowTableModel[HouseholdRow]):
    """Who lives in, or regularly visits, each household, and when: 'who lived with this child when'."""

    columns = (
        Column[HouseholdRow]("Household", lambda r: r.household),
        Column[HouseholdRow]("Person", lambda r: r.person),
        Column[HouseholdRow]("Role", lambda r: r.member.role.label),
        Column[HouseholdRow]("How often", lambda r: r.member.frequency),
        Column[HouseholdRow]("From", lambda r: partial(r.member.start), lambda r: partial_sort(r.member.start)),
        Column[HouseholdRow]("To", lambda r: partial(r.member.end) or "now", lambda r: partial_sort(r.member.end)),
        Column[HouseholdRow]("Source", lambda r: r.source, tooltip=lambda r: r.source),
    )

    def row_people(self, row: HouseholdRow) -> tuple[str, ...]:
        return (row.member.person_id,)

    def set_record(self, record: CaseRecord) -> None:
        names = {h.id: h.name for h in record.households}
        rows = [
            HouseholdRow(m, names.get(m.household_id, "?"), record.name_of(m.person_id), source_text(m.provenance))
            for m in record.household_members
        ]
        rows.sort(key=lambda r: (r.household, r.member.role.value, r.person))
        self.set_rows(rows)


# --- Warnings and open checks -------------------------------------------------------------------------
@dataclass(frozen=True)
class WarningRow:
    id: str
    kind: str
    message: str
    people: tuple[str, ...]


class WarningsModel(RowTableModel[WarningRow]):
    """Validation warnings (stored with the case) and open 'to be checked' items."""

    columns = (
        Column[WarningRow]("Kind", lambda r: r.kind),
        Column[WarningRow]("What to look at", lambda r: r.message, tooltip=lambda r: r.message),
    )

    def row_people(self, row: WarningRow) -> tuple[str, ...]:
        return row.people

    def set_contents(self, record: CaseRecord, warnings: Sequence[Issue]) -> None:
        rows = [WarningRow(f"warning-{n}", "Warning", w.message, w.person_ids) for n, w in enumerate(warnings)]
        for item in record.all(VerificationItem):
            if item.status is VerificationStatus.OPEN:
                who = f"{record.name_of(item.person_id)}: " if item.person_id else ""
                rows.append(WarningRow(item.id, "To be checked", f"{who}{item.description}",
                                       (item.person_id,) if item.person_id else ()))
        self.set_rows(rows)


# --- Case list ----------------------------------------------------------------------------------------
class CaseListModel(RowTableModel[CaseSummary]):
    """Every case in the store, for the case list (search by reference, title/name and status)."""

    columns = (
        Column[CaseSummary]("Reference", lambda c: c.reference),
        Column[CaseSummary]("Title", lambda c: c.title),
        Column[CaseSummary]("Status", lambda c: c.status.label),
        Column[CaseSummary]("People", lambda c: str(c.people), lambda c: c.people),
        Column[CaseSummary]("Updated", lambda c: display_date(c.updated_at.date()),
                            lambda c: c.updated_at.timestamp()),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}

    def set_cases(self, cases: Sequence[CaseSummary], names: dict[str, str] | None = None) -> None:
        """Cases, plus (optionally) the people's names per case so searching by name finds them."""
        self._names = dict(names or {})
        self.set_rows(cases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SEARCH_ROLE and index.isValid():
            row = self._rows[index.row()]
            return " ".join((row.reference, row.title, row.status.label, self._names.get(row.id, "")))
        return super().data(index, role)

