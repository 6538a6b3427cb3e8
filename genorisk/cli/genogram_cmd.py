"""``genorisk genogram``: draw a stored case, or a GEDCOM file without saving it, to SVG/PDF/JSON/DOT."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from genorisk.cli.common import CliError, current_user, open_store
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import parse_display_date
from genorisk.genogram.export import FORMATS, UnknownFormat, write_genogram
from genorisk.genogram.pdf import DEFAULT_MARKING
from genorisk.genogram.settings import GenogramSettings, NotationStyle


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "genogram",
        help="draw a case's genogram to a file (.svg, .pdf, .json or .dot)",
        description="Draw a case's genogram. The output format follows the file extension: "
        + ", ".join(FORMATS) + ".",
    )
    parser.add_argument("reference", nargs="?", help="the case reference (omit with --from-gedcom)")
    parser.add_argument("-o", "--output", required=True, help="file to write (.svg, .pdf, .json, .dot)")
    parser.add_argument("--from-gedcom", metavar="FILE.ged", help="draw a GEDCOM file without saving a case")
    parser.add_argument("--style", choices=[s.value for s in NotationStyle], default=NotationStyle.MCGOLDRICK.value,
                        help="mcgoldrick: age inside the symbol; local_authority: date of birth inside")
    parser.add_argument("--as-of", metavar="DD/MM/YYYY", help="show ages as on this date (default today)")
    parser.add_argument("--marking", default=DEFAULT_MARKING, help="protective marking on every page")
    parser.add_argument("--paper", choices=["auto", "A4", "A3"], default="auto", help="PDF paper size (landscape)")
    parser.add_argument("--no-legend", action="store_true", help="leave out the key")
    parser.add_argument("--no-markers", action="store_true", help="leave out risk markers")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() not in FORMATS:
        raise CliError(f"cannot write a genogram as '{output.suffix or output.name}'; use one of: {', '.join(FORMATS)}")
    if bool(args.reference) == bool(args.from_gedcom):
        raise CliError("give either a case reference or --from-gedcom FILE.ged")
    as_of: date | None = None
    if args.as_of:
        try:
            as_of = parse_display_date(args.as_of)
        except ValueError as exc:
            raise CliError(f"--as-of: {exc}") from exc
    settings = GenogramSettings(style=NotationStyle(args.style), as_of=as_of, show_legend=not args.no_legend)
    record = _from_gedcom(Path(args.from_gedcom)) if args.from_gedcom else _from_store(args)
    markers = None if args.no_markers or args.from_gedcom else _risk_markers(record)
    try:
        write_genogram(record, output, settings, markers=markers, marking=args.marking, paper=args.paper,
                       generated_by=current_user(args.user))
    except UnknownFormat as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot write {output}: {exc.strerror or exc}") from exc
    print(f"Wrote {output} ({len(record.people)} people)")
    return 0


def _from_store(args: argparse.Namespace) -> CaseRecord:
    from genorisk.store.repository import CaseNotFound

    store = open_store(args.user)
    try:
        return store.load_by_reference(args.reference)
    except CaseNotFound as exc:
        raise CliError(f"no case with reference '{args.reference}'") from exc
    finally:
        store.close()


def _from_gedcom(path: Path) -> CaseRecord:
    if not path.is_file():
        raise CliError(f"no GEDCOM file at {path}")
    try:
        from genorisk.interop.gedcom import GedcomError, read_gedcom
    except ImportError as exc:  # pragma: no cover - the GEDCOM module ships with genorisk
        raise CliError("GEDCOM reading is not available in this build") from exc
    try:
        imported = read_gedcom(path)
    except GedcomError as exc:
        raise CliError(str(exc)) from exc
    return CaseRecord.build(imported.case, imported.entities)


def _risk_markers(record: CaseRecord) -> Any:
    """Risk markers when the risk package provides them (the case's own toggle decides)."""
    try:
        from genorisk.risk.markers import risk_markers
    except ImportError:
        return None
    return risk_markers(record)
