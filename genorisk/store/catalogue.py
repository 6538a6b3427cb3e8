"""Which table stores each entity type, and the SQL the store runs against it.

The SQLModel classes in ``tables*.py`` declare the schema for Alembic; this catalogue is what the
running store uses, so that ordinary work never imports SQLAlchemy. tests/store checks that the two
agree table for table and column for column (the columns come from :func:`rows.column_names`).
"""

from __future__ import annotations

from dataclasses import dataclass

from genorisk.domain import entities as e
from genorisk.domain import network as n
from genorisk.domain import risk as r
from genorisk.store.rows import column_names

ENTITY_TABLE_NAMES: dict[type[e.Entity], str] = {
    e.Case: "case",
    e.Person: "person",
    e.Household: "household",
    e.Partnership: "partnership",
    e.ParentChildLink: "parent_child_link",
    e.TwinSet: "twin_set",
    e.HouseholdMember: "household_member",
    e.EmotionalLink: "emotional_link",
    e.LayoutNudge: "layout_nudge",
    e.VerificationItem: "verification_item",
    n.Agency: "agency",
    n.AgencyNotification: "agency_notification",
    n.InformationSharingDecision: "information_sharing_decision",
    n.Referral: "referral",
    n.Assessment: "assessment",
    n.Meeting: "meeting",
    n.MeetingAction: "meeting_action",
    n.Supervision: "supervision",
    n.SupervisionConcern: "supervision_concern",
    n.ChildVoice: "child_voice",
    n.SafetyMap: "safety_map",
    r.RiskFactor: "risk_factor",
    r.AceHistory: "ace_history",
    r.ChronologyEvent: "chronology_event",
    r.DashAssessment: "dash_assessment",
    r.DaracRecord: "darac_record",
    r.NmiInjury: "nmi_injury",
    r.ParentalClaim: "parental_claim",
    r.PromptDecision: "prompt_decision",
    r.RiskOverlaySetting: "risk_overlay_setting",
}
"""Every stored entity type and its table, in an order that respects foreign keys on insert."""

WARNING_TABLE = "validation_warning"
AUDIT_TABLE = "audit_entry"


class UnknownEntityType(LookupError):
    """An entity type with no table (a programming error: register it here and in tables*.py)."""


def table_name(kind: type[e.Entity]) -> str:
    try:
        return ENTITY_TABLE_NAMES[kind]
    except KeyError:
        raise UnknownEntityType(f"{kind.__name__} records have no table") from None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class TableStatements:
    """The SQL the store runs against one entity table (named parameters are the codec's columns)."""

    insert: str
    update: str
    delete: str
    select_case: str
    """Every row of one case, in insertion order (the Case table is keyed by its own id)."""
    delete_case: str


_STATEMENTS: dict[type[e.Entity], TableStatements] = {}


def statements(kind: type[e.Entity]) -> TableStatements:
    """The statements for ``kind``, built once; UnknownEntityType if it has no table."""
    found = _STATEMENTS.get(kind)
    if found is None:
        table = _quoted(table_name(kind))
        columns = column_names(kind)
        names = ", ".join(_quoted(c) for c in columns)
        values = ", ".join(f":{c}" for c in columns)
        assignments = ", ".join(f"{_quoted(c)} = :{c}" for c in columns if c != "id")
        key = "id" if kind is e.Case else "case_id"
        found = TableStatements(
            insert=f"INSERT INTO {table} ({names}) VALUES ({values})",
            update=f"UPDATE {table} SET {assignments} WHERE id = :id",
            delete=f"DELETE FROM {table} WHERE id = ?",
            select_case=f"SELECT * FROM {table} WHERE {key} = ? ORDER BY rowid",
            delete_case=f"DELETE FROM {table} WHERE {key} = ?",
        )
        _STATEMENTS[kind] = found
    return found
