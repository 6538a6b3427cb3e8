"""The database tables (SQLModel). The schema changes only through Alembic migrations.

Rows are never handed out of the store: :mod:`genorisk.store.rows` turns them into immutable domain
entities. Each entity type is registered in :data:`ENTITY_TABLES`; a test checks that every table has
exactly the columns its entity needs. Dates are ISO text, partial dates ISO text with ``~`` when
estimated, enums their stable value, tuples JSON text.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from genorisk.domain import entities as e

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ProvenanceColumns(SQLModel):
    """Where a fact came from: flattened :class:`~genorisk.domain.values.Provenance`."""

    provenance_source: str | None = None
    provenance_recorded_on: str | None = None
    provenance_reported_by: str | None = None
    provenance_agency: str | None = None
    provenance_reference: str | None = None
    provenance_verified: bool | None = None
    provenance_verified_on: str | None = None
    provenance_verified_by: str | None = None


class CaseRow(SQLModel, table=True):
    __tablename__ = "case"
    id: str = Field(primary_key=True)
    case_id: str
    reference: str = Field(unique=True, index=True)
    title: str
    status_history: str
    lead_professional: str = ""
    created_at: str
    updated_at: str


class PersonRow(SQLModel, table=True):
    __tablename__ = "person"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    given_names: str = ""
    family_name: str = ""
    known_as: str = ""
    sex: str
    gender_identity: str
    date_of_birth: str | None = None
    deceased: bool = False
    date_of_death: str | None = None
    pregnancy: str | None = None
    gestation_weeks: int | None = None
    is_subject_child: bool = False
    is_index_person: bool = False
    contact_details: str = ""
    withhold_location: bool = False
    notes: str = ""


class PartnershipRow(ProvenanceColumns, table=True):
    __tablename__ = "partnership"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    person_a: str = Field(foreign_key="person.id", index=True)
    person_b: str = Field(foreign_key="person.id", index=True)
    kind: str
    statuses: str
    start: str | None = None
    end: str | None = None
    notes: str = ""


class ParentChildLinkRow(ProvenanceColumns, table=True):
    __tablename__ = "parent_child_link"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    parent_id: str = Field(foreign_key="person.id", index=True)
    child_id: str = Field(foreign_key="person.id", index=True)
    kind: str
    parental_responsibility: str
    paternity_disputed: bool = False
    start: str | None = None
    end: str | None = None


class TwinSetRow(SQLModel, table=True):
    __tablename__ = "twin_set"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    member_ids: str
    zygosity: str


class HouseholdRow(SQLModel, table=True):
    __tablename__ = "household"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    name: str
    address: str = ""
    notes: str = ""


class HouseholdMemberRow(ProvenanceColumns, table=True):
    __tablename__ = "household_member"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    household_id: str = Field(foreign_key="household.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)
    role: str
    start: str | None = None
    end: str | None = None
    frequency: str = ""


class EmotionalLinkRow(ProvenanceColumns, table=True):
    __tablename__ = "emotional_link"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    from_id: str = Field(foreign_key="person.id", index=True)
    to_id: str = Field(foreign_key="person.id", index=True)
    kind: str
    directed: bool = False
    start: str | None = None
    end: str | None = None
    notes: str = ""


class LayoutNudgeRow(SQLModel, table=True):
    __tablename__ = "layout_nudge"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)
    dx: float
    dy: float


class VerificationItemRow(SQLModel, table=True):
    __tablename__ = "verification_item"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    topic: str
    description: str
    status: str
    raised_on: str
    resolved_on: str | None = None
    resolution: str = ""


class ValidationWarningRow(SQLModel, table=True):
    """The warnings of a case's last validation, rewritten with every change."""

    __tablename__ = "validation_warning"
    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    code: str
    message: str
    person_ids: str


class AuditEntryRow(SQLModel, table=True):
    """Append-only log: one entry per command applied, with its user and time."""

    __tablename__ = "audit_entry"
    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(index=True)
    at: str
    user: str
    action: str
    changes: str


ENTITY_TABLES: dict[type[e.Entity], type[SQLModel]] = {
    e.Case: CaseRow,
    e.Person: PersonRow,
    e.Household: HouseholdRow,
    e.Partnership: PartnershipRow,
    e.ParentChildLink: ParentChildLinkRow,
    e.TwinSet: TwinSetRow,
    e.HouseholdMember: HouseholdMemberRow,
    e.EmotionalLink: EmotionalLinkRow,
    e.LayoutNudge: LayoutNudgeRow,
    e.VerificationItem: VerificationItemRow,
}
"""Every stored entity type and its table, in an order that respects foreign keys on insert."""


def register_entity_table(entity_type: type[e.Entity], table: type[SQLModel]) -> None:
    """Let another package (risk, agencies…) store its entities through the same store."""
    ENTITY_TABLES[entity_type] = table
