"""The ``genorisk`` command: no arguments starts the app; subcommands work on the store headless.

Each area adds its subcommands in its own ``*_cmd.py`` module with a ``register(subparsers)``
function. Bad input exits with code 2 and one line naming the problem; nothing is written.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from genorisk import __version__
from genorisk.cli.common import CliError

COMMAND_MODULES = ("case_cmd", "demo_cmd", "genogram_cmd", "prompts_cmd", "report_cmd")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="genorisk",
        description="Genograms, cumulative risk and multi-agency records for child safeguarding.",
    )
    parser.add_argument("--version", action="version", version=f"genorisk {__version__}")
    parser.add_argument("--user", default="", help="your name, recorded against every change")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"genorisk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"genorisk.cli.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list == ["gui"]:
        return _start_gui()
    try:
        args = build_parser().parse_args(args_list)
        if not getattr(args, "handler", None):
            raise CliError("choose a command; see 'genorisk --help'")
        result: int = args.handler(args)
        return result
    except CliError as exc:
        print(f"genorisk: error: {exc}", file=sys.stderr)
        return 2


def _start_gui() -> int:
    # Imported late so headless commands never load Qt.
    app = importlib.import_module("genorisk.ui.app")
    result: int = app.run()
    return result


if __name__ == "__main__":
    sys.exit(main())
