"""What every section of the summary reads: the (redacted) case, the options and shared results.

Shared results (prompts, the information-sharing matrix) are worked out once, lazily, so sections
that need them agree and nothing is computed twice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from genorisk.domain.record import CaseRecord
from genorisk.network.matrix import InformationSharingMatrix, build_matrix
from genorisk.report.options import ReportOptions
from genorisk.report.redaction import Redaction

if TYPE_CHECKING:
    from genorisk.risk.engine import PromptStatus

PORTRAIT = A4
LANDSCAPE = landscape(A4)
SIDE_MARGIN = 15 * mm
TOP_MARGIN = 20 * mm
BOTTOM_MARGIN = 17 * mm


@dataclass(frozen=True)
class ReportContext:
    redaction: Redaction
    options: ReportOptions

    @property
    def record(self) -> CaseRecord:
        return self.redaction.record

    @property
    def today(self) -> date:
        return self.options.as_at

    @property
    def width(self) -> float:
        """Usable width of a portrait page."""
        return float(PORTRAIT[0] - 2 * SIDE_MARGIN)

    @property
    def height(self) -> float:
        """Usable height of a portrait page."""
        return float(PORTRAIT[1] - TOP_MARGIN - BOTTOM_MARGIN)

    @property
    def landscape_frame(self) -> tuple[float, float]:
        """Usable width and height of a landscape page."""
        return float(LANDSCAPE[0] - 2 * SIDE_MARGIN), float(LANDSCAPE[1] - TOP_MARGIN - BOTTOM_MARGIN)

    def name(self, person_id: str) -> str:
        return self.record.name_of(person_id)

    def names(self, person_ids: tuple[str, ...] | list[str]) -> str:
        return ", ".join(self.name(p) for p in person_ids)

    @functools.cached_property
    def matrix(self) -> InformationSharingMatrix:
        return build_matrix(self.record, self.today)

    @functools.cached_property
    def prompts(self) -> list[PromptStatus]:
        from genorisk.risk.engine import prompt_states

        return prompt_states(self.record, self.today)
