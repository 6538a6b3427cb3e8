"""The information-sharing matrix flags every gap, in words."""

from __future__ import annotations

from datetime import date

from genorisk.domain.network import AgencyKind, CaseStatus, MeetingKind, Participant, SharedItem
from genorisk.network.matrix import CellState, build_matrix
from tests.network.factory import CIN_SINCE, agency, meeting, record, told

TODAY = date(2026, 6, 1)


def test_an_agency_never_told_has_a_gap_in_every_column() -> None:
    gp = agency("gp", AgencyKind.GP, "ruby", name="Riverside Surgery")
    matrix = build_matrix(record(gp, meeting("m1", MeetingKind.CIN, date(2026, 4, 1))), TODAY)
    row = matrix.row("gp")
    assert row.cell(SharedItem.STATUS).state is CellState.GAP
    assert "Child in Need" in row.cell(SharedItem.STATUS).detail
    assert row.cell(SharedItem.PLAN).state is CellState.GAP
    assert row.cell(SharedItem.MINUTES).state is CellState.GAP
    assert row.cell(SharedItem.INVITATION).state is CellState.GAP
    # No completed assessment yet: nothing to share.
    assert row.cell(SharedItem.ASSESSMENT).state is CellState.NOT_NEEDED
    assert matrix.gap_count == 4


def test_an_agency_told_everything_has_no_gaps() -> None:
    hv = agency("hv", AgencyKind.HEALTH_VISITING, "ruby")
    cin = meeting("m1", MeetingKind.CIN, date(2026, 4, 1))
    case = record(hv, cin, told("hv", SharedItem.STATUS, date(2026, 3, 3), CaseStatus.CHILD_IN_NEED),
                  told("hv", SharedItem.PLAN, date(2026, 3, 20)),
                  told("hv", SharedItem.MINUTES, date(2026, 4, 8), meeting_id="m1"),
                  told("hv", SharedItem.INVITATION, date(2026, 3, 20), meeting_id="m1"))
    row = build_matrix(case, TODAY).row("hv")
    assert row.gaps == ()
    assert row.cell(SharedItem.STATUS).text == "03/03/2026"


def test_an_agency_told_an_earlier_status_is_out_of_date() -> None:
    police = agency("police", AgencyKind.POLICE, "lee")
    case = record(police, told("police", SharedItem.STATUS, date(2026, 1, 20), CaseStatus.EARLY_HELP))
    cell = build_matrix(case, TODAY).row("police").cell(SharedItem.STATUS)
    assert cell.state is CellState.OUT_OF_DATE
    assert "Early Help" in cell.detail and "Child in Need" in cell.detail


def test_a_plan_sent_before_the_current_status_began_is_out_of_date() -> None:
    school = agency("school", AgencyKind.SCHOOL_OR_NURSERY, "ruby")
    case = record(school, told("school", SharedItem.PLAN, date(2026, 2, 1)))
    assert build_matrix(case, TODAY).row("school").cell(SharedItem.PLAN).state is CellState.OUT_OF_DATE
    assert date(2026, 2, 1) < CIN_SINCE


def test_attending_or_sending_apologies_counts_as_invited() -> None:
    amh = agency("amh", AgencyKind.ADULT_MENTAL_HEALTH, "mum")
    cin = meeting("m1", MeetingKind.CIN, date(2026, 4, 1), apologies=(Participant("Tom", "CPN", "amh"),))
    assert build_matrix(record(amh, cin), TODAY).row("amh").cell(SharedItem.INVITATION).state is CellState.DONE


def test_the_lead_agency_and_agencies_outside_the_childs_household_are_not_flagged() -> None:
    csc = agency("csc", AgencyKind.CHILDRENS_SOCIAL_CARE, "ruby", lead_agency=True)
    refuge = agency("refuge", AgencyKind.OTHER, "dawn")
    matrix = build_matrix(record(csc, refuge), TODAY)
    assert matrix.row("csc").gaps == () and "Lead agency" in matrix.row("csc").cells[0].detail
    assert matrix.row("refuge").gaps == () and "outside the child's household" in matrix.row("refuge").cells[0].detail


def test_an_agency_working_with_an_adult_in_the_childs_home_is_in_the_network() -> None:
    probation = agency("probation", AgencyKind.PROBATION, "lee")
    assert build_matrix(record(probation), TODAY).row("probation").cell(SharedItem.STATUS).state is CellState.GAP


def test_agencies_no_longer_involved_are_left_out() -> None:
    midwife = agency("mw", AgencyKind.MIDWIFERY, "mum", involved_to=date(2026, 2, 1))
    assert build_matrix(record(midwife), TODAY).rows == ()


def test_with_no_plan_status_nothing_is_flagged() -> None:
    gp = agency("gp", AgencyKind.GP, "ruby")
    matrix = build_matrix(record(gp), date(2026, 2, 1))  # Early Help then
    assert matrix.status is CaseStatus.EARLY_HELP
    assert matrix.gap_count == 0
