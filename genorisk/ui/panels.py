"""The panel registry: how Risk, Chronology, Agencies, Summary… slot into the case workspace.

A panel is a :class:`PanelSpec` whose factory builds a widget from a :class:`PanelContext`. The
workspace shows each panel as a dock (View ▸ Panels lists them all). Built-in panels live in
``genorisk.ui.workspace``; other areas add a ``PANELS`` list to ``genorisk.ui.risk.panels`` or
``genorisk.ui.network.panels`` and :func:`collect_panels` picks it up, with no change to the
workspace code. See docs/ui.md.

The workspace calls a panel's factory the first time its dock is on screen (shown, or raised as the
current tab), not when the case opens, so a factory must read what it needs from the context then, and
a ``PANELS`` module must be cheap to import: import the panel's widgets (and anything heavy, such as the
report package) inside the factory. ``CaseWorkspace.panel(key)`` builds one on demand.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from genorisk.domain.commands import Command
from genorisk.domain.record import CaseRecord
from genorisk.store.repository import Store

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from genorisk.ui.session import CaseSession

log = logging.getLogger(__name__)

#: Modules that may contribute panels, each with a module-level ``PANELS: list[PanelSpec]``.
PANEL_MODULES = ("genorisk.ui.risk.panels", "genorisk.ui.network.panels")

AREAS: dict[str, Qt.DockWidgetArea] = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
}


@dataclass(frozen=True)
class PanelContext:
    """Everything a panel may use. Panels change the case ONLY through :meth:`apply`.

    - ``store``: the open :class:`Store` (read freely; write through ``apply``);
    - ``case_id`` and ``record`` (always the current :class:`CaseRecord`);
    - ``record_changed``: signal ``(record, touched_ids)`` after every change, undo and redo;
    - ``selection_changed``: signal ``(person_ids,)``; ``select(ids)`` to move the selection;
    - ``undo_stack``: the case's QUndoStack; ``apply(command)`` pushes a named domain command;
    - ``user``: the practitioner's name; ``settings``: typed preferences (e.g. protective marking);
    - ``run_in_background``: the one helper for long work (see genorisk.ui.background).
    """

    session: CaseSession
    user: str
    settings: Any = None
    window: QWidget | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def store(self) -> Store:
        return self.session.store

    @property
    def case_id(self) -> str:
        return self.session.case_id

    @property
    def record(self) -> CaseRecord:
        return self.session.record

    @property
    def record_changed(self) -> SignalInstance:
        return self.session.record_changed

    @property
    def selection_changed(self) -> SignalInstance:
        return self.session.selection_changed

    @property
    def undo_stack(self) -> QUndoStack:
        return self.session.undo_stack

    @property
    def selection(self) -> tuple[str, ...]:
        return self.session.selection

    def select(self, person_ids: Iterable[str]) -> None:
        self.session.select(person_ids)

    def apply(self, command: Command) -> bool:
        """Apply a command as one undoable, saved, audited step; False if it was refused."""
        return self.session.execute(command)

    @property
    def run_in_background(self) -> Callable[..., Any]:
        from genorisk.ui.background import run_in_background

        return run_in_background


@dataclass(frozen=True)
class PanelSpec:
    """One dockable panel: a stable key (used to save layout), a title, a factory and an area.

    ``area`` is "left", "right", "bottom" or "top" (or a Qt.DockWidgetArea). Panels in the same
    area are tabbed together. ``shortcut`` (optional) toggles the panel from the View menu.
    """

    key: str
    title: str
    factory: Callable[[PanelContext], QWidget]
    area: str | Qt.DockWidgetArea = "right"
    shortcut: str = ""
    visible_by_default: bool = True

    @property
    def dock_area(self) -> Qt.DockWidgetArea:
        if isinstance(self.area, Qt.DockWidgetArea):
            return self.area
        return AREAS.get(self.area, Qt.DockWidgetArea.RightDockWidgetArea)


def collect_panels(builtin: Iterable[PanelSpec] = (), modules: Iterable[str] | None = None) -> list[PanelSpec]:
    """The built-in panels followed by every contributed panel, without duplicate keys.

    A missing contributing module is normal (that area is not built yet); a module that fails to
    import is logged and skipped, so one broken panel never stops the workspace from opening.
    """
    panels: dict[str, PanelSpec] = {spec.key: spec for spec in builtin}
    for name in PANEL_MODULES if modules is None else modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as missing:
            if missing.name is not None and name.startswith(missing.name):
                continue
            log.exception("panel module %s could not be imported", name)
            continue
        except Exception:  # see docstring
            log.exception("panel module %s could not be imported", name)
            continue
        for spec in getattr(module, "PANELS", ()):
            if isinstance(spec, PanelSpec) and spec.key not in panels:
                panels[spec.key] = spec
            else:
                log.warning("ignored panel %r from %s (not a PanelSpec, or its key is taken)", spec, name)
    return list(panels.values())
