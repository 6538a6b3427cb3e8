"""Tables for the professional network (issue 6). Columns are exactly ``rows.column_names`` of each entity.

Dates are ISO text, enums their stable value, tuples (contacts, attendees, minuted items, ratings…)
JSON text, and a sign-off is flattened into ``sign_off_by`` / ``sign_off_on`` / ``sign_off_comment``.
A column naming exactly one agency, meeting, supervision or person is a foreign key; lists of people
are JSON, kept right by the cascading-removal command rather than by the database.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from genorisk.domain import network as n
from genorisk.store.tables import register_entity_table


class AgencyRow(SQLModel, table=True):
    __tablename__ = "agency"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    kind: str
    name: str
    contacts: str
    address: str = ""
    involved_with: str
    involved_from: str | None = None
    involved_to: str | None = None
    lead_agency: bool = False
    withhold_details: bool = False
    notes: str = ""


class AgencyNotificationRow(SQLModel, table=True):
    __tablename__ = "agency_notification"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    agency_id: str = Field(foreign_key="agency.id", index=True)
    item: str
    on: str
    status: str | None = None
    meeting_id: str | None = None
    sent_by: str = ""
    method: str = ""
    notes: str = ""


class InformationSharingDecisionRow(SQLModel, table=True):
    __tablename__ = "information_sharing_decision"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    decision: str
    decided_on: str
    decided_by: str = ""
    information: str = ""
    recipient: str = ""
    recipient_agency_id: str | None = Field(default=None, foreign_key="agency.id", index=True)
    requested_by: str = ""
    lawful_basis: str | None = None
    special_category: bool = False
    schedule1_condition: str | None = None
    consent: str | None = None
    consent_note: str = ""
    reason: str = ""
    person_ids: str


class ReferralRow(SQLModel, table=True):
    __tablename__ = "referral"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    received_on: str
    referrer: str = ""
    referrer_agency_id: str | None = Field(default=None, foreign_key="agency.id", index=True)
    child_ids: str
    concerns: str = ""
    decision: str | None = None
    decided_on: str | None = None
    late_reason: str = ""


class AssessmentRow(SQLModel, table=True):
    __tablename__ = "assessment"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    kind: str
    started_on: str
    child_ids: str
    referral_id: str | None = Field(default=None, foreign_key="referral.id", index=True)
    completed_on: str | None = None
    author: str = ""
    analysis: str = ""
    late_reason: str = ""
    sign_off_by: str | None = None
    sign_off_on: str | None = None
    sign_off_comment: str | None = None


class MeetingRow(SQLModel, table=True):
    __tablename__ = "meeting"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    kind: str
    held_on: str
    chair: str = ""
    child_ids: str
    attendees: str
    apologies: str
    items: str
    decisions: str
    minutes_agreed_on: str | None = None
    conference_needed: bool | None = None
    late_reason: str = ""
    notes: str = ""


class MeetingActionRow(SQLModel, table=True):
    __tablename__ = "meeting_action"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    description: str
    owner: str
    due_on: str
    owner_agency_id: str | None = Field(default=None, foreign_key="agency.id", index=True)
    status: str
    completed_on: str | None = None
    completion_note: str = ""


class SupervisionRow(SQLModel, table=True):
    __tablename__ = "supervision"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    held_on: str
    supervisor: str
    supervisee: str = ""
    concerns_reviewed: str
    analysis: str = ""
    decisions: str
    review_on: str | None = None
    sign_off_by: str | None = None
    sign_off_on: str | None = None
    sign_off_comment: str | None = None


class SupervisionConcernRow(SQLModel, table=True):
    __tablename__ = "supervision_concern"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    raised_in: str = Field(foreign_key="supervision.id", index=True)
    raised_on: str
    description: str
    child_ids: str
    closed_on: str | None = None
    closure_reason: str = ""


class ChildVoiceRow(SQLModel, table=True):
    __tablename__ = "child_voice"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    child_id: str = Field(foreign_key="person.id", index=True)
    recorded_on: str
    recorded_by: str
    kind: str
    context: str = ""
    words: str = ""
    wishes: str = ""
    worries: str = ""
    good_things: str = ""
    dreams: str = ""
    observations: str = ""


class SafetyMapRow(SQLModel, table=True):
    __tablename__ = "safety_map"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="case.id", index=True)
    recorded_on: str
    recorded_by: str = ""
    child_ids: str
    harms: str
    danger_statements: str
    complicating_factors: str
    strengths: str
    existing_safety: str
    safety_goals: str
    next_steps: str
    ratings: str


register_entity_table(n.Agency, AgencyRow)
register_entity_table(n.AgencyNotification, AgencyNotificationRow)
register_entity_table(n.InformationSharingDecision, InformationSharingDecisionRow)
register_entity_table(n.Referral, ReferralRow)
register_entity_table(n.Assessment, AssessmentRow)
register_entity_table(n.Meeting, MeetingRow)
register_entity_table(n.MeetingAction, MeetingActionRow)
register_entity_table(n.Supervision, SupervisionRow)
register_entity_table(n.SupervisionConcern, SupervisionConcernRow)
register_entity_table(n.ChildVoice, ChildVoiceRow)
register_entity_table(n.SafetyMap, SafetyMapRow)
