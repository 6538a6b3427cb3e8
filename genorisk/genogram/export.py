"""Write a case's genogram to a file, the format chosen by the file's extension.

``.svg`` (hand-written SVG), ``.pdf`` (vector, reportlab), ``.json`` (the geometry model itself) and
``.dot`` (the family as a Graphviz graph). Every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from genorisk.domain.record import CaseRecord
from genorisk.genogram.dot import write_dot
from genorisk.genogram.geometry import Marker
from genorisk.genogram.layout import layout_case
from genorisk.genogram.pdf import DEFAULT_MARKING, write_pdf
from genorisk.genogram.settings import GenogramSettings
from genorisk.genogram.svg import write_svg
from genorisk.interop.atomic import write_text_atomically

FORMATS = (".svg", ".pdf", ".json", ".dot")


class UnknownFormat(ValueError):
    """The file's extension is not one the genogram can be written as."""


def write_genogram(
    record: CaseRecord,
    path: Path | str,
    settings: GenogramSettings | None = None,
    *,
    markers: Mapping[str, tuple[Marker, ...]] | None = None,
    marking: str = DEFAULT_MARKING,
    paper: str = "auto",
    generated_by: str = "",
) -> Path:
    """Lay out and write the genogram; returns the path written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        shown = suffix or "(none)"
        raise UnknownFormat(f"cannot write a genogram as '{shown}' ({path.name}); use one of: {', '.join(FORMATS)}")
    if suffix == ".dot":
        write_dot(record, path)
        return path
    geometry = layout_case(record, settings, markers)
    if suffix == ".svg":
        write_svg(geometry, path, marking)
    elif suffix == ".pdf":
        write_pdf(geometry, path, marking, paper, generated_by)
    else:
        write_text_atomically(path, geometry.to_json(indent=1) + "\n")
    return path
