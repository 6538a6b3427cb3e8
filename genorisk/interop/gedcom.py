"""GEDCOM import and export for genorisk: the one module other packages import.

``read_gedcom(path)`` reads GEDCOM 5.5.1 (through ged4py) or 7.0 (through gedcom7) into an unsaved
:class:`ImportedFamily`; ``write_gedcom(record, path, version)`` writes the structural part of a case.
See docs/gedcom.md for the mapping and the reasons behind it.
"""

from __future__ import annotations

from genorisk.interop.gedcom_read import (
    IMPORT_AGENCY,
    GedcomWarning,
    ImportedFamily,
    read_gedcom,
    read_gedcom_bytes,
)
from genorisk.interop.gedcom_tree import GedcomError
from genorisk.interop.gedcom_write import VERSIONS, GedcomExport, gedcom_text, write_gedcom

__all__ = [
    "IMPORT_AGENCY",
    "VERSIONS",
    "GedcomError",
    "GedcomExport",
    "GedcomWarning",
    "ImportedFamily",
    "gedcom_text",
    "read_gedcom",
    "read_gedcom_bytes",
    "write_gedcom",
]
