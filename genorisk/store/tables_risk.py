"""Tables for the risk records (issue 5). Columns are exactly ``rows.column_names`` of each entity.

Dates and datetimes are ISO text, enums their stable value, tuples (answers, regions, child notes…)
JSON text. People are foreign keys where a column names exactly one person; a chronology event's
list of people is JSON, kept right by the cascading-removal command rather than by the database.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from genorisk.domain import risk as r
from genorisk.store.tables import ProvenanceColumns, register_entity_table


class RiskFactorRow(ProvenanceColumns, table=True):
    __tablename__ = "risk_factor"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)
    category: str
    status: str
    criminal_basis: str | None = None
    start: str | None = None
    end: str | None = None
    related_partnership_id: str | None = None
    notes: str = ""


class AceHistoryRow(ProvenanceColumns, table=True):
    __tablename__ = "ace_history"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)
    recorded_on: str
    entries: str
    notes: str = ""


class ChronologyEventRow(ProvenanceColumns, table=True):
    __tablename__ = "chronology_event"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    date: str = Field(index=True)
    kind: str
    person_ids: str
    categories: str
    description: str


class DashAssessmentRow(SQLModel, table=True):
    __tablename__ = "dash_assessment"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    completed_on: str
    victim_id: str = Field(foreign_key="person.id", index=True)
    perpetrator_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    assessor: str
    agency: str = ""
    answers: str
    judgement_triggers: str
    judgement_reason: str = ""
    marac_referral_on: str | None = None
    wording: str = ""
    notes: str = ""


class DaracRecordRow(SQLModel, table=True):
    __tablename__ = "darac_record"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    completed_on: str
    assessor: str
    assessor_trained: bool
    level: int
    escalation_risk: str
    rationale: str
    form_reference: str = ""
    child_notes: str
    notes: str = ""


class NmiInjuryRow(SQLModel, table=True):
    __tablename__ = "nmi_injury"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    child_id: str = Field(foreign_key="person.id", index=True)
    seen_at: str
    seen_where: str = ""
    recorded_by: str
    mobility: str
    mobility_limited_by_disability: bool = False
    mark_types: str
    regions: str
    patterned: bool = False
    size: str = ""
    colour: str = ""
    number_of_marks: int = 1
    explanation_verbatim: str = ""
    explanation_given_by: str = ""
    explanation_given_at: str | None = None
    medical_cause_documented: bool = False
    medical_cause_detail: str = ""
    unwell_now: bool = False
    parents_informed: bool | None = None
    parents_not_informed_reason: str = ""
    referral_reference: str = ""
    referral_made_at: str | None = None
    paediatric_assessment: str = ""
    manager_reason: str = ""
    manager_name: str = ""
    manager_approved_at: str | None = None
    completed: bool = False
    completed_at: str | None = None
    notes: str = ""


class ParentalClaimRow(SQLModel, table=True):
    __tablename__ = "parental_claim"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    claimed_by: str = Field(foreign_key="person.id", index=True)
    claim: str
    claimed_on: str
    about_person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    corroborated: bool = False
    corroborated_on: str | None = None
    corroborating_source: str = ""
    childs_account_differs: bool = False
    childs_account: str = ""
    child_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    notes: str = ""


class PromptDecisionRow(SQLModel, table=True):
    """Append-only in practice: the domain never edits or removes a decision."""

    __tablename__ = "prompt_decision"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    prompt_key: str = Field(index=True)
    rule_id: str
    rule_version: str
    decision: str
    text: str
    user: str
    at: str


class RiskOverlaySettingRow(SQLModel, table=True):
    __tablename__ = "risk_overlay_setting"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True, unique=True)
    show_markers: bool = True


register_entity_table(r.RiskFactor, RiskFactorRow)
register_entity_table(r.AceHistory, AceHistoryRow)
register_entity_table(r.ChronologyEvent, ChronologyEventRow)
register_entity_table(r.DashAssessment, DashAssessmentRow)
register_entity_table(r.DaracRecord, DaracRecordRow)
register_entity_table(r.NmiInjury, NmiInjuryRow)
register_entity_table(r.ParentalClaim, ParentalClaimRow)
register_entity_table(r.PromptDecision, PromptDecisionRow)
register_entity_table(r.RiskOverlaySetting, RiskOverlaySettingRow)
