"""The risk panels (issue 5): prompts, risk factors, chronology, timeline, assessments, injury record."""
