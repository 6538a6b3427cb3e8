"""The assessment summary report (reportlab), Qt-free.

    from genorisk.report import ReportOptions, build_summary, write_summary, default_file_name

See :mod:`genorisk.report.summary` for the sections and docs/report.md for the layout, the page
furniture and the redaction profile.
"""

from genorisk.report.options import DEFAULT_MARKING, RedactionProfile, ReportOptions, default_file_name
from genorisk.report.summary import SECTIONS, ReportCancelled, build_summary, write_summary

__all__ = [
    "DEFAULT_MARKING",
    "SECTIONS",
    "RedactionProfile",
    "ReportCancelled",
    "ReportOptions",
    "build_summary",
    "default_file_name",
    "write_summary",
]
