"""The network entities refuse nonsense and follow people being removed from the case."""

from __future__ import annotations

from datetime import date

import pytest

from genorisk.domain.editing import remove_person
from genorisk.domain.network import (
    ActionStatus,
    Agency,
    AgencyKind,
    AgencyNotification,
    Assessment,
    AssessmentKind,
    ChildVoice,
    ConsentPosition,
    InformationSharingDecision,
    ItemKind,
    LawfulBasis,
    MeetingAction,
    MeetingItem,
    Rationale,
    SafetyRating,
    ShareDecision,
    SharedItem,
    SignOff,
    SupervisionConcern,
)
from tests.network.factory import CASE, agency, record


def test_labels_are_british_english_words() -> None:
    assert AgencyKind.GP.label == "GP"
    assert AgencyKind.CHILDRENS_SOCIAL_CARE.label == "Children's social care"
    assert AgencyKind.AMBULANCE_111.label == "111 or ambulance"
    assert ConsentPosition.NOT_SOUGHT_RISK_OF_HARM.label.startswith("Not sought")
    assert AssessmentKind.SECTION_47.label == "Section 47 enquiry"


def test_a_status_notification_needs_the_status() -> None:
    with pytest.raises(ValueError, match="needs the status"):
        AgencyNotification(id="n", case_id=CASE, agency_id="gp", item=SharedItem.STATUS, on=date(2026, 3, 3))


def test_a_safety_rating_is_0_to_10_by_a_named_rater() -> None:
    assert SafetyRating(rater="Sam", score=0).score == 0
    with pytest.raises(ValueError, match="0 to 10"):
        SafetyRating(rater="Sam", score=11)
    with pytest.raises(ValueError, match="name"):
        SafetyRating(rater=" ", score=5)


def test_minuted_items_are_attributed_and_decisions_have_rationale() -> None:
    with pytest.raises(ValueError, match="who it comes from"):
        MeetingItem(kind=ItemKind.OPINION, text="Baby is thriving", attributed_to="")
    with pytest.raises(ValueError, match="rationale"):
        Rationale(decision="Close the case", rationale="")


def test_an_action_closed_without_being_done_needs_a_rationale() -> None:
    with pytest.raises(ValueError, match="rationale"):
        MeetingAction(id="x", case_id=CASE, meeting_id="m", description="Visit", owner="Sam",
                      due_on=date(2026, 4, 1), status=ActionStatus.CLOSED)
    with pytest.raises(ValueError, match="completion date"):
        MeetingAction(id="x", case_id=CASE, meeting_id="m", description="Visit", owner="Sam",
                      due_on=date(2026, 4, 1), status=ActionStatus.COMPLETED)


def test_a_supervision_concern_is_closed_only_with_a_reason() -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        SupervisionConcern(id="c", case_id=CASE, raised_in="s", raised_on=date(2026, 3, 1),
                           description="History unchecked", closed_on=date(2026, 4, 1))


def test_an_assessment_is_signed_off_only_once_completed() -> None:
    with pytest.raises(ValueError, match="only once it is completed"):
        Assessment(id="a", case_id=CASE, kind=AssessmentKind.CHILD_AND_FAMILY, started_on=date(2026, 3, 1),
                   sign_off=SignOff(by="Priya", on=date(2026, 3, 2)))


def test_an_empty_voice_of_the_child_record_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        ChildVoice(id="v", case_id=CASE, child_id="ruby", recorded_on=date(2026, 3, 1), recorded_by="Sam")


def test_a_sharing_decision_lists_what_it_lacks() -> None:
    bare = InformationSharingDecision(id="d", case_id=CASE, decision=ShareDecision.SHARED,
                                      decided_on=date(2026, 3, 3), special_category=True)
    assert bare.missing() == ("the reason", "the lawful basis", "the recipient",
                              "the Schedule 1 condition for special category data",
                              "whether consent was sought, or why not")
    agency_only = InformationSharingDecision(
        id="d", case_id=CASE, decision=ShareDecision.DECLINED, decided_on=date(2026, 3, 3),
        recipient_agency_id="gp", lawful_basis=LawfulBasis.PUBLIC_TASK, reason="Risk to victim",
        consent=ConsentPosition.NOT_SOUGHT_OTHER)
    assert agency_only.missing() == ("why consent was not sought",)


def test_removing_a_person_drops_them_from_agencies_and_removes_their_voice_records() -> None:
    gp = agency("gp", AgencyKind.GP, "mum", "ruby")
    voice = ChildVoice(id="v", case_id=CASE, child_id="ruby", recorded_on=date(2026, 3, 1), recorded_by="Sam",
                       observations="Settled and alert")
    case = record(gp, voice)
    command = remove_person(case, "ruby")
    after = command.apply_to(case)
    assert after.get(Agency, "gp").involved_with == ("mum",)  # type: ignore[union-attr]
    assert after.get(ChildVoice, "v") is None
    assert command.inverse().apply_to(after).get(ChildVoice, "v") == voice
