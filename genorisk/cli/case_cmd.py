"""``genorisk case list | import FILE | export REF -o FILE``."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from genorisk.cli.common import CliError, open_store
from genorisk.domain.serial import DecodeError
from genorisk.domain.validation import ValidationFailed
from genorisk.interop.bundle import BundleError, export_case, import_bundle
from genorisk.store.repository import StoreError


def register(subparsers: Any) -> None:
    case = subparsers.add_parser("case", help="list, import and export cases")
    actions = case.add_subparsers(dest="case_command", parser_class=type(case))
    listing = actions.add_parser("list", help="one line per case: reference, status, title, people, updated")
    listing.set_defaults(handler=list_cases)
    importing = actions.add_parser("import", help="import a case bundle (.genorisk.json) or a GEDCOM file (.ged)")
    importing.add_argument("file", type=Path)
    importing.add_argument("--reference", help="case reference for a GEDCOM import (default from the file name)")
    importing.set_defaults(handler=import_case)
    exporting = actions.add_parser("export", help="write a case bundle")
    exporting.add_argument("reference")
    exporting.add_argument("-o", "--output", type=Path, required=True)
    exporting.set_defaults(handler=export)
    case.set_defaults(handler=lambda _args: _missing(case))


def _missing(parser: argparse.ArgumentParser) -> int:
    raise CliError("choose 'case list', 'case import FILE' or 'case export REF -o FILE'")


def list_cases(args: argparse.Namespace) -> int:
    store = open_store(args.user)
    for summary in store.list_cases():
        print("\t".join((summary.reference, summary.status.label, summary.title, str(summary.people),
                         summary.updated_at.strftime("%d/%m/%Y %H:%M"))))
    return 0


def import_case(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    store = open_store(args.user)
    try:
        if path.suffix.lower() == ".ged":
            record = _import_gedcom(store, path, args.reference)
        else:
            record = import_bundle(store, path)
    except (BundleError, DecodeError, ValidationFailed, StoreError) as exc:
        raise CliError(str(exc)) from exc
    print(record.case.reference)
    return 0


def _import_gedcom(store: Any, path: Path, reference: str | None) -> Any:
    gedcom = importlib.import_module("genorisk.interop.gedcom")
    try:
        family = gedcom.read_gedcom(path, case_reference=reference)
    except gedcom.GedcomError as exc:
        raise CliError(str(exc)) from exc
    record = store.create_case(family.case, family.entities, action=f"Import GEDCOM {path.name}")
    if family.unknown_tag_count:
        print(f"ignored {family.unknown_tag_count} unknown GEDCOM tags", file=sys.stderr)
    return record


def export(args: argparse.Namespace) -> int:
    store = open_store(args.user)
    try:
        record = store.load_by_reference(args.reference)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    export_case(record, args.output)
    return 0
