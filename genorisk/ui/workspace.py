"""CaseWorkspace: one open case — the genogram canvas in the middle, panels docked around it.

The workspace re-lays the family out through the engine after every change (in the background,
with progress, for very big families) and hands the new geometry to the scene, which updates only
the items that changed. The canvas selection and the session selection follow each other.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QTabBar, QWidget

from genorisk.domain import editing
from genorisk.domain.commands import Command
from genorisk.domain.entities import EmotionalLink, Partnership, Person
from genorisk.domain.record import CaseRecord
from genorisk.genogram.geometry import Geometry
from genorisk.genogram.settings import GenogramSettings
from genorisk.ui.actions import PERSON_ACTIONS
from genorisk.ui.background import run_in_background
from genorisk.ui.canvas.items import CanvasColours
from genorisk.ui.canvas.layout import compute_geometry
from genorisk.ui.canvas.scene import GenogramScene
from genorisk.ui.canvas.view import GenogramView
from genorisk.ui.docks import BUILTIN_PANELS
from genorisk.ui.models import age_text, person_roles, source_text
from genorisk.ui.panels import PanelContext, PanelSpec, collect_panels
from genorisk.ui.session import CaseSession

log = logging.getLogger(__name__)

#: Shortcuts of the main window and the Person menu: panels never take these.
RESERVED_SHORTCUTS = (
    *(spec.shortcut for spec in PERSON_ACTIONS if spec.shortcut),
    "Ctrl+N", "Ctrl+O", "Ctrl+W", "Ctrl+I", "Ctrl+E", "Ctrl+P", "Ctrl+Alt+V", "Ctrl+Q", "Ctrl+Z", "Ctrl+Shift+Z",
    "Ctrl+Y", "Ctrl+Shift+I",
    "Ctrl+F", "Ctrl+=", "Ctrl++", "Ctrl+-", "Ctrl+0", "Ctrl+1", "Ctrl+Shift+D", "F1", "F2", "Del",
)

#: Families at least this big are laid out off the GUI thread, with a progress dialog.
BACKGROUND_LAYOUT_PEOPLE = 1500


class CaseWorkspace(QMainWindow):
    """The workspace of one open case (a QMainWindow nested in the main window, for its docks)."""

    geometry_shown = Signal(object)
    """Emitted with the Geometry each time the canvas shows a new layout."""

    def __init__(self, session: CaseSession, context: PanelContext, parent: QWidget | None = None,
                 settings: GenogramSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setObjectName("caseWorkspace")
        self.setDockNestingEnabled(True)
        self.session = session
        self.context = context
        self.genogram_settings = settings or GenogramSettings()
        self.geometry_model: Geometry | None = None
        self.last_layout_ms = 0.0
        self._pending = False
        self._layout_task: Any = None
        self._restored_state: QByteArray | None = None
        """The saved dock layout this workspace restored (applied again once shown), if any."""
        self.scene = GenogramScene(self)
        self.view = GenogramView(self.scene, self)
        self.setCentralWidget(self.view)
        self.scene.person_tooltip = self.person_tooltip
        self.scene.line_tooltip = self.line_tooltip
        self.scene.selectionChanged.connect(self._scene_selection_changed)
        self.scene.people_moved.connect(self.nudge)
        self.view.nudge_requested.connect(self.nudge)
        session.selection_changed.connect(self._session_selection_changed)
        session.record_changed.connect(self._record_changed)
        self.docks: dict[str, QDockWidget] = {}
        self.panel_specs: list[PanelSpec] = []
        self._specs: dict[str, PanelSpec] = {}
        self._panels: dict[str, QWidget] = {}
        self._building: set[str] = set()
        self._panels_arrived = False
        self.toggle_actions: list[QAction] = []
        self._shortcuts_taken: set[str] = {QKeySequence(key).toString() for key in RESERVED_SHORTCUTS}
        self._build_panels(collect_panels(BUILTIN_PANELS))
        self.relayout(fit=True)

    # --- panels --------------------------------------------------------------------------------
    def _build_panels(self, specs: Iterable[PanelSpec]) -> None:
        """One dock per panel, each holding a cheap placeholder until it is first shown.

        A panel's widget is built by :meth:`panel` the first time its dock becomes visible (shown, or
        raised as the current tab), so opening a case costs only the panels on screen. Docks, titles,
        toggle actions, shortcuts and the saved layout are all there from the start.
        """
        first_in_area: dict[Qt.DockWidgetArea, QDockWidget] = {}
        for spec in specs:
            dock = QDockWidget(spec.title, self)
            dock.setObjectName(f"dock_{spec.key}")
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder_{spec.key}")
            dock.setWidget(placeholder)
            dock.setAccessibleName(f"{spec.title} panel")
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            area = spec.dock_area
            self.addDockWidget(area, dock)
            if area in first_in_area:
                self.tabifyDockWidget(first_in_area[area], dock)
            else:
                first_in_area[area] = dock
            dock.setVisible(spec.visible_by_default)
            toggle = dock.toggleViewAction()
            toggle.setText(spec.title)
            shortcut = self._free_shortcut(spec)
            if shortcut:
                toggle.setShortcut(QKeySequence(shortcut))
                toggle.setToolTip(f"Show or hide {spec.title} ({shortcut})")
            toggle.setObjectName(f"toggle_{spec.key}")
            self.toggle_actions.append(toggle)
            self.docks[spec.key] = dock
            self.panel_specs.append(spec)
            self._specs[spec.key] = spec
            dock.visibilityChanged.connect(partial(self._dock_visibility_changed, spec.key))
            dock.dockLocationChanged.connect(lambda _area: QTimer.singleShot(0, self._tidy_tab_bars))
        for dock in first_in_area.values():
            dock.raise_()
        self._first_docks = list(first_in_area.values())
        self._sized = False

    def _dock_visibility_changed(self, key: str, visible: bool) -> None:
        # Qt also reports a dock as visible while the workspace itself is hidden (when docks are tabified
        # or a saved layout restored): only a dock really on screen builds its panel. Showing the
        # workspace reports each dock it puts on screen again.
        if visible and self.isVisible():
            self.panel(key)

    def panel(self, key: str) -> QWidget:
        """The widget of panel ``key``, built now if its dock has not been shown yet.

        A panel reads the session when it is built, so one built late is as current as one built at
        case open. A panel whose factory fails shows why instead: one broken panel must not stop the
        case opening. Raises KeyError for a key no panel has.
        """
        built = self._panels.get(key)
        if built is not None:
            return built
        spec = self._specs[key]
        dock = self.docks[key]
        if key in self._building:  # asked again while its factory runs: the placeholder stands in
            return dock.widget()
        self._building.add(key)
        try:
            widget = spec.factory(self.context)
        except Exception as failure:  # one broken panel must not stop the case opening
            log.exception("panel %s failed to open", spec.key)
            widget = QLabel(f"This panel could not be opened: {failure}")
            widget.setWordWrap(True)
        finally:
            self._building.discard(key)
        # No panel may hold the genogram hostage with a large minimum size: the practitioner sizes docks.
        hint = widget.minimumSizeHint()
        widget.setMinimumSize(max(widget.minimumWidth(), min(max(hint.width(), 0), 220)),
                              min(max(hint.height(), 0), 120))
        self._panels[key] = widget
        placeholder = dock.widget()
        dock.setWidget(widget)
        if placeholder is not None:
            placeholder.deleteLater()
        if dock.isVisible():
            widget.show()  # now, not on the next pass of the event loop: the dock is on screen
            self._panels_arrived = True
        return widget

    def built_panels(self) -> tuple[str, ...]:
        """The keys of the panels built so far (the others are placeholders until first shown)."""
        return tuple(self._panels)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._panels_arrived:
            # Panels built as their docks came on screen (just before this event) replaced placeholders:
            # lay the docks out for them now, so the window is complete when the event loop next runs.
            self._panels_arrived = False
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self._initial_dock_sizes)

    def _tidy_tab_bars(self) -> None:
        """Tabbed docks show whole titles ("Prompts", not "Pr…"), scrolling the tabs when they do not fit.

        Qt makes these tab bars itself as docks are tabbed together, so this runs after the window is
        shown and whenever a dock moves."""
        for bar in self.findChildren(QTabBar):
            if bar.parent() is self:
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)
                bar.setExpanding(False)

    def _initial_dock_sizes(self) -> None:
        """Sensible first sizes (docks have no size until shown); a restored layout overrides them."""
        self._tidy_tab_bars()
        if self._restored_state is not None:
            # Restored before the window had a size, the docks kept their minimum sizes: apply the saved
            # layout again now that the window is shown, so the practitioner's dock sizes come back too.
            self.restoreState(self._restored_state)
            return
        width, height = max(self.width(), 800), max(self.height(), 500)
        for area, size, orientation in (
            (Qt.DockWidgetArea.LeftDockWidgetArea, min(340, width // 4), Qt.Orientation.Horizontal),
            (Qt.DockWidgetArea.RightDockWidgetArea, min(420, width // 4), Qt.Orientation.Horizontal),
            (Qt.DockWidgetArea.BottomDockWidgetArea, min(200, height // 4), Qt.Orientation.Vertical),
        ):
            docks = [d for d in self._first_docks if self.dockWidgetArea(d) == area]
            if docks:
                self.resizeDocks(docks, [size] * len(docks), orientation)

    def _free_shortcut(self, spec: PanelSpec) -> str:
        """The panel's shortcut, unless another action already has it: then the next free Alt+digit.

        Two actions with one shortcut make Qt ignore both ("ambiguous shortcut"), so a panel must never
        take a key the Person menu or another panel uses.
        """
        taken = self._shortcuts_taken
        wanted = QKeySequence(spec.shortcut).toString() if spec.shortcut else ""
        if wanted and wanted not in taken:
            taken.add(wanted)
            return wanted
        if wanted:
            log.warning("panel %s: shortcut %s is already used; choosing another", spec.key, wanted)
        for digit in range(1, 10):
            candidate = QKeySequence(f"Alt+{digit}").toString()
            if candidate not in taken:
                taken.add(candidate)
                return candidate
        return ""

    def show_panel(self, key: str) -> None:
        dock = self.docks.get(key)
        if dock is not None:
            self._restored_state = None  # asked for now: re-applying the saved layout must not hide it
            dock.show()
            dock.raise_()
            self.panel(key).setFocus()

    def restore_layout(self, state: QByteArray | None) -> None:
        if state is not None and not state.isEmpty():
            self._restored_state = state if self.restoreState(state) else None

    # --- layout ----------------------------------------------------------------------------------
    def set_genogram_settings(self, settings: GenogramSettings) -> None:
        self.genogram_settings = settings
        self.relayout()

    def _record_changed(self, record: CaseRecord, touched: frozenset[str]) -> None:
        self.relayout()

    def relayout(self, fit: bool = False) -> None:
        """Lay the current record out with the engine and show it (in the background when big)."""
        record = self.session.record
        if len(record.people) >= BACKGROUND_LAYOUT_PEOPLE:
            self._relayout_in_background(record, fit)
            return
        started = time.perf_counter()
        try:
            geometry = compute_geometry(record, self.genogram_settings)
        except Exception as failure:
            log.exception("layout failed")
            self._show_layout_failure(failure)
            return
        self.last_layout_ms = (time.perf_counter() - started) * 1000
        self._show(geometry, fit)

    def _relayout_in_background(self, record: CaseRecord, fit: bool) -> None:
        if self._layout_task is not None:
            self._pending = True
            return
        settings = self.genogram_settings

        def work(progress: Any, cancelled: Any) -> Geometry:
            progress(0, 0, f"Drawing {len(record.people)} people…")
            return compute_geometry(record, settings)

        def done(geometry: Geometry) -> None:
            self._layout_task = None
            if self.session.record is not record or self._pending:
                self._pending = False
                self.relayout(fit)
                return
            self._show(geometry, fit)

        def failed(error: BaseException) -> None:
            self._layout_task = None
            self._show_layout_failure(error)

        def cancelled() -> None:
            self._layout_task = None

        self._layout_task = run_in_background(self, "Drawing the genogram…", work, done, failed, cancelled)

    def _show(self, geometry: Geometry, fit: bool) -> None:
        self.geometry_model = geometry
        self.scene.show(geometry)
        self.scene.select_people(self.session.selection)
        if fit:
            self.view.fit_when_shown()
        self.geometry_shown.emit(geometry)

    def _show_layout_failure(self, failure: BaseException) -> None:
        self.session.change_refused.emit("Genogram not drawn",
                                         f"The genogram could not be drawn: {failure}. The record itself is safe.")

    def refresh_colours(self) -> None:
        self.scene.update()
        self.view.viewport().update()
        self.view.setBackgroundBrush(CanvasColours.current.paper)

    # --- selection -------------------------------------------------------------------------------
    def _scene_selection_changed(self) -> None:
        try:
            chosen = self.scene.selected_person_ids()
        except RuntimeError:  # the scene is being torn down
            return
        if set(chosen) != set(self.session.selection):
            # Keep the session's order for people still selected; add new ones at the end.
            kept = [p for p in self.session.selection if p in chosen]
            self.session.select(kept + [p for p in chosen if p not in kept])

    def _session_selection_changed(self, person_ids: tuple[str, ...]) -> None:
        if set(person_ids) != set(self.scene.selected_person_ids()):
            self.scene.select_people(person_ids)
        if person_ids:
            self.view.centre_on_person(person_ids[-1])

    # --- nudges ------------------------------------------------------------------------------------
    def nudge(self, moves: list[tuple[str, float, float]]) -> None:
        """Store one drag (of one or more people) as one undoable command."""
        record = self.session.record
        changes = []
        names = []
        for person_id, dx, dy in moves:
            if record.get(Person, person_id) is None:
                continue
            command = editing.nudge_person(record, person_id, dx, dy)
            changes += list(command.changes)
            names.append(record.name_of(person_id))
        if not changes:
            return
        name = f"Move {names[0]}" if len(names) == 1 else f"Move {len(names)} people"
        if not self.session.execute(Command(name, tuple(changes))):
            self.relayout()  # put the dragged items back where the record says

    # --- tooltips ----------------------------------------------------------------------------------
    def person_tooltip(self, person_id: str) -> str:
        record = self.session.record
        person = record.get(Person, person_id)
        if person is None:
            return ""
        lines = [f"<b>{_html(person.display_name)}</b>"]
        if person.known_as and person.given_names:
            lines.append(f"Given names: {_html(person.given_names)}")
        facts = [person.sex.label]
        if person.date_of_birth:
            facts.append(f"born {person.date_of_birth.display()}")
            age = age_text(person)
            if age:
                facts.append(f"age {age}")
        lines.append(", ".join(facts))
        roles = person_roles(person)
        if roles:
            lines.append(_html(roles))
        for link in record.parent_links_of_child(person_id):
            lines.append(f"{link.kind.label} parent: {_html(record.name_of(link.parent_id))}"
                         f" — <i>{_html(source_text(link.provenance))}</i>")
        for partnership in record.partnerships_of(person_id):
            other = record.name_of(partnership.partner_of(person_id))
            dates = f", {partnership.dates.display()}" if partnership.start or partnership.end else ""
            lines.append(f"{partnership.kind.label} ({partnership.status.label.lower()}{dates}) with "
                         f"{_html(other)} — <i>{_html(source_text(partnership.provenance))}</i>")
        households = {h.id: h.name for h in record.households}
        for member in record.household_members:
            if member.person_id == person_id:
                when = member.dates.display()
                lines.append(f"{member.role.label}: {_html(households.get(member.household_id, '?'))} ({when})"
                             f" — <i>{_html(source_text(member.provenance))}</i>")
        if person.notes:
            lines.append(f"Notes: {_html(person.notes[:200])}")
        return "<br>".join(lines)

    def line_tooltip(self, entity_ids: tuple[str, ...]) -> str:
        record = self.session.record
        lines = []
        for entity_id in entity_ids:
            entity = record.find(entity_id)
            if isinstance(entity, Partnership):
                a, b = record.name_of(entity.person_a), record.name_of(entity.person_b)
                dates = f", {entity.dates.display()}" if entity.start or entity.end else ""
                lines.append(f"<b>{_html(a)} and {_html(b)}</b>: {entity.kind.label.lower()}, "
                             f"{entity.status.label.lower()}{dates}<br><i>{_html(source_text(entity.provenance))}</i>")
            elif isinstance(entity, EmotionalLink):
                arrow = "→" if entity.directed else "and"
                lines.append(f"<b>{entity.kind.label}</b>: {_html(record.name_of(entity.from_id))} {arrow} "
                             f"{_html(record.name_of(entity.to_id))}<br><i>{_html(source_text(entity.provenance))}</i>")
        return "<br>".join(lines)

    # --- menus -------------------------------------------------------------------------------------
    def show_context_menu(self, menu: QMenu, position: QPoint) -> None:
        menu.exec(position)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
