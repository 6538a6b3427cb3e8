"""The chronology as rows: every dated event, plus the assessments and injury records that belong in
it, oldest first (Qt-free; the app's Chronology panel and the PDF report both read this)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import ChronologyEvent, DaracRecord, DashAssessment, NmiInjury


@dataclass(frozen=True, slots=True)
class ChronologyRow:
    """One line of the chronology, from an event or from another record (read-only here)."""

    id: str
    day: date
    when: str
    kind: str
    people: tuple[str, ...]
    categories: str
    description: str
    source: str
    editable: bool


def chronology_rows(record: CaseRecord) -> list[ChronologyRow]:
    """Every dated thing in the case, oldest first (Qt-free logic; also used by the report)."""
    rows = [
        ChronologyRow(e.id, e.date.midpoint(), e.date.display(), e.kind.label, e.person_ids,
                      ", ".join(c.label for c in e.categories), e.description, e.provenance.describe(), True)
        for e in record.all(ChronologyEvent)
    ]
    for injury in record.all(NmiInjury):
        marks = ", ".join(m.label.lower() for m in injury.mark_types) or "mark"
        state = ("completed: referral " + injury.referral_reference if injury.completed and injury.has_referral
                 else "completed with a manager-approved reason" if injury.completed else "NOT COMPLETED")
        rows.append(ChronologyRow(injury.id, injury.seen_at.date(), injury.seen_at.strftime("%d/%m/%Y %H:%M"),
                                  "Injury record", (injury.child_id,), "", f"{marks.capitalize()} ({state})",
                                  f"Observation by {injury.recorded_by}", False))
    for dash in record.all(DashAssessment):
        rows.append(ChronologyRow(dash.id, dash.completed_on, dash.completed_on.strftime("%d/%m/%Y"), "DASH",
                                  tuple(p for p in (dash.victim_id, dash.perpetrator_id) if p),
                                  "Domestic abuse", f"DASH completed by {dash.assessor}", dash.agency or "", False))
        if dash.marac_referral_on:
            rows.append(ChronologyRow(dash.id + ":marac", dash.marac_referral_on,
                                      dash.marac_referral_on.strftime("%d/%m/%Y"), "Referral", (dash.victim_id,),
                                      "Domestic abuse", "Marac referral", dash.agency or "", False))
    for darac in record.all(DaracRecord):
        rows.append(ChronologyRow(darac.id, darac.completed_on, darac.completed_on.strftime("%d/%m/%Y"), "DARAC",
                                  darac.child_ids, "Domestic abuse", f"DARAC result: level {darac.level}",
                                  darac.assessor, False))
    return sorted(rows, key=lambda r: (r.day, r.id))
