"""``genorisk demo``: load the fictional demo case (once) and print its reference."""

from __future__ import annotations

import argparse
from typing import Any

from genorisk.cli.common import open_store
from genorisk.interop.bundle import install_demo


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser("demo", help="load the fictional demo case and print its reference")
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.user)
    case_id = install_demo(store)
    print(store.load(case_id).case.reference)
    return 0
