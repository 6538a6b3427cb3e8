"""Sections from the risk records (issue 5): risk factors with status, source and verification;
instrument results (counts against thresholds, never a verdict; no licensed text); prompts with how
each was actioned or overridden; the chronology and each child's cumulative timeline."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from genorisk.domain.risk import (
    AceAnswer,
    AceHistory,
    ChronologyEvent,
    DaracRecord,
    DashAssessment,
    NmiInjury,
    ParentalClaim,
)
from genorisk.domain.values import display_date
from genorisk.report.context import ReportContext
from genorisk.report.fonts import report_fonts
from genorisk.report.styles import markup, para, styles, table, text


def risk_factors(ctx: ReportContext) -> list[Flowable]:
    from genorisk.risk.facts import risk_facts

    facts = sorted(risk_facts(ctx.record, ctx.today),
                   key=lambda f: (ctx.name(f.person_id), f.category.label, f.start.to_iso() if f.start else ""))
    if not facts:
        return [para("No risk factors are recorded.", styles().note)]
    w = ctx.width
    rows: list[list[Any]] = []
    flagged = []
    for index, fact in enumerate(facts):
        verified = "Verified" if fact.provenance and fact.provenance.verified else "NOT VERIFIED"
        if fact.self_report_only:
            verified = "SELF-REPORT ONLY, not verified"
            flagged.append(index)
        rows.append([ctx.name(fact.person_id), fact.category.label, fact.status.label, fact.dates.display(),
                     fact.description, f"{fact.source_text()}\n{verified}"])
    return [
        para("Every fact shows where it came from. Facts resting only on a parent's own account are marked "
             "SELF-REPORT ONLY (Child BE Finding BE2).", styles().note),
        table(["Person", "Factor", "Status", "Dates", "Detail", "Source and verification"], rows,
              [0.13 * w, 0.14 * w, 0.09 * w, 0.12 * w, 0.27 * w, 0.25 * w], flagged=flagged),
    ]


def instruments(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    record = ctx.record
    story: list[Flowable] = [para("Counts against thresholds and recorded levels only: no instrument result is a "
                                  "verdict, and no licensed instrument text is reproduced.", st.note)]
    w = ctx.width
    dashes = sorted(record.all(DashAssessment), key=lambda d: d.completed_on)
    story.append(markup("DASH risk checklist", st.h3))
    if dashes:
        story.append(table(["Date", "Victim", "Person causing harm", "Assessor", "Result", "Marac referral"],
                           [_dash_row(ctx, d) for d in dashes],
                           [0.12 * w, 0.14 * w, 0.14 * w, 0.16 * w, 0.28 * w, 0.16 * w]))
    else:
        story.append(para("No DASH recorded.", st.body))
    daracs = sorted(record.all(DaracRecord), key=lambda d: d.completed_on)
    story.append(markup("DARAC (child-focused domestic abuse assessment)", st.h3))
    if daracs:
        story.append(table(["Date", "Assessor", "Level", "Escalation risk", "Rationale", "Form reference"],
                           [[display_date(d.completed_on),
                             d.assessor + ("" if d.assessor_trained else " (NOT recorded as trained)"),
                             str(d.level), d.escalation_risk.label, d.rationale, d.form_reference] for d in daracs],
                           [0.12 * w, 0.18 * w, 0.07 * w, 0.12 * w, 0.36 * w, 0.15 * w]))
    else:
        story.append(para("No DARAC recorded.", st.body))
    aces = sorted(record.all(AceHistory), key=lambda a: a.recorded_on)
    story.append(markup("Adverse childhood experiences (history, not a score)", st.h3))
    if aces:
        story.append(table(["Person", "Recorded", "Experiences reported", "Source"],
                           [[ctx.name(a.person_id), display_date(a.recorded_on),
                             "; ".join(e.category.label for e in a.entries if e.answer is AceAnswer.EXPERIENCED)
                             or "None reported", a.provenance.describe()] for a in aces],
                           [0.16 * w, 0.12 * w, 0.44 * w, 0.28 * w]))
    else:
        story.append(para("No ACE history recorded.", st.body))
    injuries = sorted(record.all(NmiInjury), key=lambda i: i.seen_at)
    if injuries:
        story.append(markup("Injuries to non-mobile infants", st.h3))
        story.append(table(["Child", "Seen", "Marks", "Explanation", "Referral"],
                           [_nmi_row(ctx, i) for i in injuries],
                           [0.13 * w, 0.13 * w, 0.24 * w, 0.26 * w, 0.24 * w]))
    claims = sorted(record.all(ParentalClaim), key=lambda c: c.claimed_on)
    if claims:
        story.append(markup("Parental accounts and corroboration", st.h3))
        story.append(table(["Claim", "By", "When", "Corroborated", "Child's account"],
                           [[c.claim, c.claimed_by, display_date(c.claimed_on),
                             (f"Yes: {c.corroborating_source}" if c.corroborated else "NOT CORROBORATED"),
                             c.childs_account if c.childs_account_differs else ""] for c in claims],
                           [0.30 * w, 0.14 * w, 0.12 * w, 0.22 * w, 0.22 * w],
                           flagged=[i for i, c in enumerate(claims) if not c.corroborated]))
    return story


def _dash_row(ctx: ReportContext, dash: DashAssessment) -> list[str]:
    result = _dash_result(ctx, dash)
    return [display_date(dash.completed_on), ctx.name(dash.victim_id),
            ctx.name(dash.perpetrator_id) if dash.perpetrator_id else "Not recorded",
            dash.assessor + (f", {dash.agency}" if dash.agency else ""), result,
            display_date(dash.marac_referral_on) if dash.marac_referral_on else "None recorded"]


def _dash_result(ctx: ReportContext, dash: DashAssessment) -> str:
    try:
        from genorisk.risk.instruments import load_instrument, score_dash
        from genorisk.risk.rules.config import rule_config

        result = score_dash(load_instrument("dash"), dash, ctx.record, rule_config().values)
    except (ImportError, KeyError, ValueError, OSError) as exc:
        return f"Could not count the answers: {exc}"
    triggers = [t.label for t in result.r4_triggers] if hasattr(result, "r4_triggers") else []
    return result.describe() + (f". Professional-judgement triggers: {'; '.join(triggers)}" if triggers else "")


def _nmi_row(ctx: ReportContext, injury: NmiInjury) -> list[str]:
    marks = ", ".join(m.label for m in injury.mark_types) or "Not recorded"
    if injury.regions:
        marks += f" ({', '.join(r.label for r in injury.regions)})"
    if injury.patterned:
        marks += "; patterned"
    explanation = (f"“{injury.explanation_verbatim}” ({injury.explanation_given_by})"
                   if injury.explanation_verbatim else "None recorded")
    if injury.referral_reference:
        referral = f"Ref {injury.referral_reference}"
        if injury.referral_made_at:
            referral += f" at {injury.referral_made_at:%d/%m/%Y %H:%M}"
    elif injury.manager_reason:
        referral = f"No referral: {injury.manager_reason} (approved by {injury.manager_name})"
    else:
        referral = "NO REFERRAL RECORDED"
    return [ctx.name(injury.child_id), f"{injury.seen_at:%d/%m/%Y %H:%M}", marks, explanation, referral]


def prompts(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    statuses = ctx.prompts
    if not statuses:
        return [para("No prompts are raised on this case.", st.body)]
    w = ctx.width
    rows: list[list[Any]] = []
    flagged = []
    for index, status in enumerate(statuses):
        prompt = status.prompt
        if status.decision is not None:
            decision = status.decision
            outcome = (f"<b>{status.state.label}</b> by {text(decision.user)} on {decision.at:%d/%m/%Y}: "
                       f"{text(decision.text)}")
        else:
            outcome = "<b>NOT YET ACTIONED OR OVERRIDDEN</b>"
            flagged.append(index)
        why = f"{text(prompt.reason)}<br/><font size=7><i>Source: {text(prompt.source)}</i></font>"
        rows.append([f"{prompt.rule_id}\n{prompt.title}", markup(why, st.cell), prompt.suggested_action,
                     markup(outcome, st.cell)])
    active = sum(1 for s in statuses if s.is_active)
    return [
        para(f"{len(statuses)} prompts; {active} not yet actioned or overridden. Prompts support professional "
             "judgement: each is actioned (saying what was done) or overridden with a written reason.", st.note),
        table(["Rule", "Why it was raised", "Suggested action", "Decision"], rows,
              [0.15 * w, 0.45 * w, 0.22 * w, 0.18 * w], flagged=flagged),
    ]


def chronology(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    events = sorted(ctx.record.all(ChronologyEvent), key=lambda e: (e.date.earliest(), e.kind.value))
    story: list[Flowable] = []
    w = ctx.width
    if events:
        story.append(table(["Date", "What", "People", "Detail", "Source"],
                           [[e.date.display(), e.kind.label, ", ".join(ctx.name(p) for p in e.person_ids),
                             e.description, e.provenance.describe()] for e in events],
                           [0.12 * w, 0.13 * w, 0.17 * w, 0.33 * w, 0.25 * w]))
    else:
        story.append(para("No chronology events are recorded.", st.body))
    timelines = _timelines(ctx)
    story.append(KeepTogether([markup("Cumulative timeline", st.h2), timelines[0]]))
    story += timelines[1:]
    return story


def _timelines(ctx: ReportContext) -> list[Flowable]:
    """Each subject child's timeline: who lived with or visited the child when, and their risk factors
    (the risk package's timeline model and its reportlab drawing)."""
    from genorisk.risk.cumulative import child_timeline
    from genorisk.risk.timeline_draw import layout_timeline, to_reportlab

    st = styles()
    fonts = report_fonts()
    story: list[Flowable] = []
    for child in ctx.record.subject_children:
        timeline = child_timeline(ctx.record, child.id, ctx.today)
        drawing = to_reportlab(layout_timeline(timeline, ctx.record, width=780.0), width=ctx.width,
                               font=fonts.regular, bold_font=fonts.bold)
        story.append(KeepTogether([markup(f"{text(child.display_name)}", st.h3), drawing, Spacer(1, 6)]))
    return story or [para("No subject child: no timeline.", st.note)]
