"""The redaction profile for sharing a report with parents (information-sharing golden rule 5).

Applied to the whole case before any section is written, so no section can leak what it hides:

- a person marked ``withhold_location`` (a victim, or anyone who could be harmed if found): their
  contact details and notes;
- every household such a person has lived in: its address, name and notes;
- an agency marked ``withhold_details`` (e.g. a refuge): its name, address and contacts;
- an agency working with such a person: its address and its contacts' telephone numbers and
  e-mail addresses (a GP surgery's address can give away where a victim lives).

Free text elsewhere (minutes, chronology entries) is not rewritten: practitioners must not put
protected addresses there. The report says on its first page which profile it was built with.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from genorisk.domain.entities import Entity, Household, Person
from genorisk.domain.network import Agency, AgencyContact
from genorisk.domain.record import CaseRecord
from genorisk.report.options import RedactionProfile

WITHHELD = "[withheld]"


@dataclass(frozen=True, slots=True)
class Redaction:
    """A redacted case and how many details were withheld."""

    record: CaseRecord
    withheld: int
    profile: RedactionProfile


def _withheld(text: str) -> str:
    return WITHHELD if text.strip() else text


def redact(record: CaseRecord, profile: RedactionProfile) -> Redaction:
    """The case as the profile allows it to be shown."""
    if profile is RedactionProfile.FULL:
        return Redaction(record, 0, profile)
    protected = {p.id for p in record.people if p.withhold_location}
    changed: list[Entity] = []
    for person in record.people:
        if person.id in protected:
            changed.append(replace(person, contact_details=_withheld(person.contact_details),
                                   notes=_withheld(person.notes)))
    homes = {m.household_id for m in record.household_members if m.person_id in protected}
    for household in record.households:
        if household.id in homes:
            changed.append(replace(household, name="Household (address withheld)",
                                   address=_withheld(household.address), notes=_withheld(household.notes)))
    for agency in record.all(Agency):
        if agency.withhold_details:
            changed.append(replace(agency, name=f"{agency.kind.label} (details withheld)",
                                   address=_withheld(agency.address), notes=_withheld(agency.notes),
                                   contacts=tuple(AgencyContact(name=WITHHELD, role=c.role) for c in agency.contacts)))
        elif protected & set(agency.involved_with):
            changed.append(replace(agency, address=_withheld(agency.address),
                                   contacts=tuple(replace(c, telephone=_withheld(c.telephone),
                                                          email=_withheld(c.email)) for c in agency.contacts)))
    count = sum(1 for entity in changed if entity != record.find(entity.id))
    return Redaction(record.with_entities(put=changed), count, profile)


def protected_people(record: CaseRecord) -> tuple[Person, ...]:
    return tuple(p for p in record.people if p.withhold_location)


def protected_households(record: CaseRecord) -> tuple[Household, ...]:
    protected = {p.id for p in protected_people(record)}
    homes = {m.household_id for m in record.household_members if m.person_id in protected}
    return tuple(h for h in record.households if h.id in homes)
