"""``genorisk report REF [-o FILE.pdf]`` and ``genorisk ecomap REF -o FILE.svg|pdf|png``.

The report's default file name comes from the case reference and the date, never a child's name.
The marking defaults to OFFICIAL-SENSITIVE (``--marking`` or the GENORISK_MARKING environment
variable change it); ``--for-parents`` withholds where people who could be harmed can be found.
"""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from genorisk.cli.common import CliError, current_user, open_store
from genorisk.domain.values import parse_display_date
from genorisk.interop.atomic import write_bytes_atomically
from genorisk.network.ecomap import FORMATS, EcomapError, render_ecomap
from genorisk.report import DEFAULT_MARKING, RedactionProfile, ReportOptions, default_file_name, write_summary
from genorisk.report.redaction import redact
from genorisk.store.repository import StoreError

MARKING_VARIABLE = "GENORISK_MARKING"


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help="write the assessment summary PDF for a case")
    report.add_argument("reference", help="the case reference")
    report.add_argument("-o", "--output", type=Path,
                        help="the PDF to write (default: REF-summary-yyyy-mm-dd.pdf in this folder)")
    report.add_argument("--marking", help=f"protective marking on every page (default {DEFAULT_MARKING}, "
                                          f"or ${MARKING_VARIABLE})")
    report.add_argument("--for-parents", action="store_true",
                        help="redact addresses and contact details of anyone who could be harmed if found")
    report.add_argument("--as-at", help="the date the report is as at, dd/mm/yyyy (default today)")
    report.add_argument("--no-genogram", action="store_true", help="leave the genogram out")
    report.set_defaults(handler=write_report)
    ecomap = subparsers.add_parser("ecomap", help="draw the ecomap (family and professional network)")
    ecomap.add_argument("reference", help="the case reference")
    ecomap.add_argument("-o", "--output", type=Path, required=True, help="FILE.svg, .pdf, .png, .json or .dot")
    ecomap.add_argument("--for-parents", action="store_true",
                        help="withhold protected agencies' names and protected households' addresses")
    ecomap.add_argument("--as-at", help="the date the ecomap is as at, dd/mm/yyyy (default today)")
    ecomap.set_defaults(handler=write_ecomap)


def _as_at(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return parse_display_date(text)
    except ValueError as exc:
        raise CliError(f"--as-at: {exc}") from exc


def _load(args: argparse.Namespace) -> Any:
    try:
        return open_store(args.user).load_by_reference(args.reference)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def write_report(args: argparse.Namespace) -> int:
    as_at = _as_at(args.as_at)
    marking = (args.marking or os.environ.get(MARKING_VARIABLE) or DEFAULT_MARKING).strip()
    if not marking:
        raise CliError("--marking: the protective marking cannot be empty")
    output: Path | None = args.output
    if output is not None and output.suffix.lower() != ".pdf":
        raise CliError(f"{output}: the report is a PDF; name the file .pdf")
    record = _load(args)
    profile = RedactionProfile.PARENTS if args.for_parents else RedactionProfile.FULL
    path = output or Path(default_file_name(record, as_at, profile))
    options = ReportOptions(generated_by=current_user(args.user), generated_at=datetime.now(), marking=marking,
                            redaction=profile, today=as_at, include_genogram=not args.no_genogram)
    try:
        write_summary(record, path, options)
    except OSError as exc:
        raise CliError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    print(path)
    return 0


def write_ecomap(args: argparse.Namespace) -> int:
    output: Path = args.output
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise CliError(f"{output}: write the ecomap as {', '.join('.' + f for f in FORMATS)}")
    record = _load(args)
    if args.for_parents:
        record = redact(record, RedactionProfile.PARENTS).record
    try:
        data = render_ecomap(record, _as_at(args.as_at), fmt, withhold=args.for_parents)
    except EcomapError as exc:
        raise CliError(str(exc)) from exc
    try:
        write_bytes_atomically(output, data)
    except OSError as exc:
        raise CliError(f"{output}: cannot write: {exc.strerror or exc}") from exc
    print(output)
    return 0
