"""The main window: the case list, the case workspace, the menus and the status bar.

File / Edit / View / Person / Case / Help. Every action has a keyboard route; Edit ▸ Undo and Redo
name the step they will undo or redo ("Undo Add partner Jo Smith").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from genorisk import __version__
from genorisk.genogram.settings import GenogramSettings, NotationStyle
from genorisk.store.repository import Store
from genorisk.ui.actions import PersonActions
from genorisk.ui.background import run_in_background
from genorisk.ui.panels import PanelContext
from genorisk.ui.session import CaseSession
from genorisk.ui.settings import UiSettings
from genorisk.ui.theme import apply_theme
from genorisk.ui.workspace import CaseWorkspace

if TYPE_CHECKING:
    from genorisk.ui.case_list import CaseListPage
    from genorisk.ui.printing import PrintOptions

log = logging.getLogger(__name__)

SHORTCUTS_HELP = """<h3>Keyboard shortcuts</h3>
<table cellspacing="4">
<tr><td><b>Ctrl+N</b></td><td>New case</td></tr>
<tr><td><b>Ctrl+O</b></td><td>Case list</td></tr>
<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>Undo / redo (the menu names the step)</td></tr>
<tr><td><b>Arrow keys</b></td><td>Move between people on the genogram</td></tr>
<tr><td><b>Alt+arrow</b></td><td>Nudge the selected person</td></tr>
<tr><td><b>Enter or F2</b></td><td>Edit the selected person</td></tr>
<tr><td><b>Ctrl+Shift+P / C / A / S / T</b></td><td>Add partner / child / parents / sibling / twin</td></tr>
<tr><td><b>Ctrl+Shift+L</b></td><td>Add emotional or abuse link</td></tr>
<tr><td><b>Ctrl+Shift+H</b></td><td>Add to household</td></tr>
<tr><td><b>Ctrl+Shift+M</b></td><td>Mark or unmark as subject child</td></tr>
<tr><td><b>Delete</b></td><td>Remove the selected person (asks first; undoable)</td></tr>
<tr><td><b>Ctrl+= / Ctrl+- / Ctrl+0</b></td><td>Zoom in / out / fit</td></tr>
<tr><td><b>Space+drag</b></td><td>Pan the genogram</td></tr>
<tr><td><b>Alt+1 … Alt+5</b></td><td>Show People, Relationships, Households, Warnings, History</td></tr>
<tr><td><b>Ctrl+P</b></td><td>Print</td></tr>
<tr><td><b>Ctrl+Alt+V</b></td><td>Print preview</td></tr>
<tr><td><b>Ctrl+Shift+I</b></td><td>Injury to a baby (non-mobile infant record)</td></tr>
</table>"""


class MainWindow(QMainWindow):
    """genorisk's one window."""

    def __init__(self, store: Store, user: str, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.store = store
        self.user = user
        self.settings = settings or UiSettings()
        self.session: CaseSession | None = None
        self.workspace: CaseWorkspace | None = None
        self._print_preview: tuple[Any, Any] | None = None
        self.genogram_settings = GenogramSettings()
        self.setObjectName("mainWindow")
        self.setWindowTitle("genorisk")
        self.undo_group = QUndoGroup(self)
        self.stack = QStackedWidget()
        self._case_list: CaseListPage | None = None
        self.setCentralWidget(self.stack)
        self.stack.currentChanged.connect(lambda _: self._update_case_actions())
        self.person_actions = PersonActions(self, lambda: self.user)
        self._build_status_bar()
        self._build_menus()
        self._build_toolbar()
        self._update_case_actions()
        self.resize(1360, 860)

    @property
    def case_list(self) -> CaseListPage:
        """The cases page, built the first time it is needed: a start that reopens the last case never shows
        it, so it costs nothing then."""
        if self._case_list is None:
            from genorisk.ui.case_list import CaseListPage

            page = CaseListPage(self.store)
            page.open_requested.connect(self.open_case)
            page.new_requested.connect(self.new_case)
            page.injury_requested.connect(self.record_injury)
            self._case_list = page
            self.stack.insertWidget(0, page)
        return self._case_list

    def setVisible(self, visible: bool) -> None:
        if visible and self.stack.count() == 0:
            _ = self.case_list  # a window shown with no case open shows the (unrefreshed) case list, as ever
        super().setVisible(visible)

    def record_injury(self, case_id: str) -> bool:
        """Open the non-mobile infant injury record for a case, on its youngest subject child.

        From the case list this is two clicks (select the case, 'Injury to a baby…'). When the case is
        the one open, the record joins its undo history.
        """
        from genorisk.ui.risk.nmi import default_child, open_nmi_dialog

        apply = self.session.execute if self.session is not None and self.session.case_id == case_id else None
        child = default_child(self.store.load(case_id))
        saved = open_nmi_dialog(self, self.store, case_id, child, self.user, apply)
        if saved and apply is None:
            self.store.forget(case_id)
        return saved

    # --- menus -----------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | QKeySequence.StandardKey = "",
                name: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_case_action = self._action("&New case…", self.new_case, QKeySequence.StandardKey.New,
                                            "action_new_case")
        self.case_list_action = self._action("&Case list", self.show_case_list, QKeySequence.StandardKey.Open,
                                             "action_case_list", "Show every case, to search and open one")
        self.close_case_action = self._action("C&lose case", self.close_case, QKeySequence.StandardKey.Close,
                                              "action_close_case")
        self.import_bundle_action = self._action("&Import case bundle…", self.import_bundle, "Ctrl+I",
                                                 "action_import_bundle")
        self.import_gedcom_action = self._action("Import &GEDCOM…", self.import_gedcom, "", "action_import_gedcom")
        self.export_bundle_action = self._action("&Export case bundle…", self.export_bundle, "",
                                                 "action_export_bundle")
        self.export_png_action = self._action("Export genogram as P&NG…", lambda: self.export_genogram("png"), "",
                                              "action_export_png")
        self.export_svg_action = self._action("Export genogram as &SVG…", lambda: self.export_genogram("svg"), "",
                                              "action_export_svg")
        self.export_pdf_action = self._action("Export genogram as &PDF…", lambda: self.export_genogram("pdf"),
                                              "Ctrl+E", "action_export_pdf")
        self.print_action = self._action("&Print genogram…", self.print_genogram, QKeySequence.StandardKey.Print,
                                         "action_print")
        self.print_preview_action = self._action("Print pre&view…", lambda: self.preview_genogram(), "Ctrl+Alt+V",
                                                 "action_print_preview",
                                                 "See the printed pages, with their markings, before printing")
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, "action_quit")
        for item in (self.new_case_action, self.case_list_action, self.close_case_action, None,
                     self.import_bundle_action, self.import_gedcom_action, self.export_bundle_action, None,
                     self.export_png_action, self.export_svg_action, self.export_pdf_action, self.print_action,
                     self.print_preview_action, None, quit_action):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_group.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("action_undo")
        self.redo_action = self.undo_group.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        self.redo_action.setObjectName("action_redo")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action("&Find person", self.find_person, QKeySequence.StandardKey.Find,
                                        "action_find")
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("Protective &marking…", self.edit_marking, "", "action_marking",
                                         "The marking printed on every page"))
        edit_menu.addAction(self._action("Your &name…", self.edit_user, "", "action_user"))

        view_menu = bar.addMenu("&View")
        self.zoom_in_action = self._action("Zoom &in", lambda: self._view(lambda v: v.zoom_in()), "",
                                           "action_zoom_in")
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++"),
                                          QKeySequence(QKeySequence.StandardKey.ZoomIn)])
        self.zoom_out_action = self._action("Zoom &out", lambda: self._view(lambda v: v.zoom_out()), "Ctrl+-",
                                            "action_zoom_out")
        self.fit_action = self._action("&Fit genogram", lambda: self._view(lambda v: v.fit()), "Ctrl+0",
                                       "action_fit")
        self.actual_size_action = self._action("&Actual size", lambda: self._view(lambda v: v.set_zoom(1.0)),
                                               "Ctrl+1", "action_actual_size")
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action, self.actual_size_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.la_style_action = QAction("Date of birth inside symbols (local authority style)", self, checkable=True)
        self.la_style_action.setObjectName("action_la_style")
        self.la_style_action.toggled.connect(self._genogram_options_changed)
        self.legend_action = QAction("Show &key", self, checkable=True, checked=True)
        self.legend_action.toggled.connect(self._genogram_options_changed)
        self.households_action = QAction("Show &households", self, checkable=True, checked=True)
        self.households_action.toggled.connect(self._genogram_options_changed)
        self.links_action = QAction("Show emotional and abuse &links", self, checkable=True, checked=True)
        self.links_action.toggled.connect(self._genogram_options_changed)
        for action in (self.la_style_action, self.legend_action, self.households_action, self.links_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.panels_menu = view_menu.addMenu("&Panels")
        theme_menu = view_menu.addMenu("&Theme")
        themes = QActionGroup(self)
        for key, text in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
            action = QAction(text, self, checkable=True)
            action.setObjectName(f"action_theme_{key}")
            action.setChecked(self.settings.theme == key)
            action.triggered.connect(lambda _=False, key=key: self.set_theme(key))
            themes.addAction(action)
            theme_menu.addAction(action)

        self.person_menu = bar.addMenu("&Person")
        self.person_actions.fill_menu(self.person_menu)

        case_menu = bar.addMenu("&Case")
        case_menu.addAction(self.person_actions.case_details)
        case_menu.addSeparator()
        self.warnings_action = self._action("&Validation warnings", lambda: self._panel("warnings"), "",
                                            "action_warnings")
        self.history_action = self._action("&History of changes", lambda: self._panel("history"), "",
                                           "action_history")
        case_menu.addAction(self.warnings_action)
        case_menu.addAction(self.history_action)
        case_menu.addSeparator()
        self.injury_action = self._action(
            "&Injury to a baby…", lambda: self.session is not None and self.record_injury(self.session.case_id),
            "Ctrl+Shift+I", "action_injury",
            "Record an injury or mark on a baby or young child: the referral to Children's Social Care comes first")
        case_menu.addAction(self.injury_action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1", "action_shortcuts"))
        help_menu.addAction(self._action("&About genorisk", self.show_about, "", "action_about"))

    def _build_toolbar(self) -> None:
        """The everyday actions, in words (clearer than icons for occasional users), with their shortcuts."""
        toolbar = self.addToolBar("Main toolbar")
        toolbar.setObjectName("mainToolbar")
        toolbar.setAccessibleName("Main toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        short = {"add_person": "Add person", "add_partner": "Partner", "add_child": "Child",
                 "add_parents": "Parents", "add_sibling": "Sibling", "add_twin": "Twin", "add_link": "Link",
                 "edit_person": "Edit", "remove_person": "Remove"}
        self.case_list_action.setIconText("Cases")
        self.new_case_action.setIconText("New case")
        toolbar.addAction(self.case_list_action)
        toolbar.addAction(self.new_case_action)
        toolbar.addSeparator()
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        add_label = QLabel(" Add: ")
        add_label.setEnabled(False)
        for key, text in short.items():
            action = self.person_actions.actions[key]
            action.setIconText(text)
            if key == "add_partner":
                toolbar.addWidget(add_label)
            if key == "edit_person":
                toolbar.addSeparator()
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action, text in ((self.zoom_out_action, "Zoom −"), (self.zoom_in_action, "Zoom +"),
                             (self.fit_action, "Fit")):
            action.setIconText(text)
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.print_action.setIconText("Print")
        toolbar.addAction(self.print_action)
        for action in toolbar.actions():
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = (action.statusTip() or action.text().replace("&", "")).rstrip(".")
            if shortcut:
                action.setToolTip(f"{tip} ({shortcut})")

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.case_label = QLabel()
        self.case_label.setObjectName("statusCase")
        self.people_label = QLabel()
        self.people_label.setObjectName("statusPeople")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("statusSaved")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("statusZoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("Zoom 800 %") + 8)
        self.user_label = QLabel(f"Signed in as {self.user}")
        self.user_label.setObjectName("statusUser")
        status.addWidget(self.case_label)
        status.addWidget(self.people_label)
        status.addPermanentWidget(self.saved_label)
        status.addPermanentWidget(self.zoom_label)
        status.addPermanentWidget(self.user_label)

    def _update_case_actions(self) -> None:
        # Case actions work on what is on screen: not while the case list is showing.
        has_case = self.session is not None and self.workspace is not None \
            and self.stack.currentWidget() is self.workspace
        self.person_actions.bind(self.session if has_case else None)
        self.undo_group.setActiveStack(self.session.undo_stack if has_case and self.session else None)  # type: ignore[arg-type]
        for action in (self.close_case_action, self.export_bundle_action, self.export_png_action,
                       self.export_svg_action, self.export_pdf_action, self.print_action, self.print_preview_action,
                       self.zoom_in_action,
                       self.zoom_out_action, self.fit_action, self.actual_size_action, self.find_action,
                       self.warnings_action, self.history_action, self.injury_action):
            action.setEnabled(has_case)
        self.panels_menu.clear()
        if self.workspace is not None:
            for toggle in self.workspace.toggle_actions:
                if isValid(toggle):  # the workspace may be in the middle of being torn down
                    self.panels_menu.addAction(toggle)
        self.panels_menu.setEnabled(self.workspace is not None)
        self._update_status()

    def _update_status(self, *_: object) -> None:
        if self.session is None:
            self.case_label.setText("No case open")
            self.people_label.setText("")
            self.saved_label.setText("")
            self.zoom_label.setText("")
            self.setWindowTitle("genorisk")
            return
        case = self.session.record.case
        self.case_label.setText(f"Case {case.reference} — {case.status.label}")
        people = len(self.session.record.people)
        warnings = len(self.session.warnings)
        checks = sum(1 for item in self.session.record.verification_items if item.status.value == "open")
        text = f"{people} {'person' if people == 1 else 'people'}, {warnings} warning{'s' if warnings != 1 else ''}"
        if checks:
            text += f", {checks} to be checked"
        self.people_label.setText(text)
        self.saved_label.setText("✓ Saved")
        self.saved_label.setToolTip("Every change is saved as you make it")
        self.setWindowTitle(f"{case.reference} — {case.title} — genorisk")

    # --- cases -----------------------------------------------------------------------------------
    def show_case_list(self) -> None:
        self.case_list.refresh()
        self.stack.setCurrentWidget(self.case_list)
        self.case_list.search.setFocus()

    def new_case(self) -> None:
        from genorisk.ui.wizard import NewCaseWizard

        wizard = NewCaseWizard(self.store, self.user, self)
        if wizard.exec() == QDialog.DialogCode.Accepted and wizard.created_case_id:
            self.open_case(wizard.created_case_id)
        wizard.deleteLater()

    def open_case(self, case_id: str) -> bool:
        """Open a case in the workspace (closing any open one; its undo history ends with it)."""
        if self.session is not None and self.session.case_id == case_id and self.workspace is not None:
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.view.setFocus()
            return True
        self.close_case(show_list=False)
        try:
            session = CaseSession(self.store, case_id, self.user, self)
        except Exception as failure:
            log.exception("could not open case %s", case_id)
            QMessageBox.critical(self, "Case not opened", f"The case could not be opened: {failure}")
            self.show_case_list()
            return False
        self.session = session
        session.change_refused.connect(self._refused)
        session.record_changed.connect(self._update_status)
        session.warnings_changed.connect(self._update_status)
        context = PanelContext(session=session, user=self.user, settings=self.settings, window=self,
                               extras={"person_actions": self.person_actions, "main_window": self})
        self.workspace = CaseWorkspace(session, context, self, self.genogram_settings)
        self.workspace.restore_layout(self.settings.window_state_for("workspace"))
        self.workspace.view.zoom_changed.connect(lambda zoom: self.zoom_label.setText(f"Zoom {zoom * 100:.0f} %"))
        self.workspace.view.context_menu_requested.connect(self._context_menu)
        self.workspace.view.person_activated.connect(lambda _: self.person_actions.edit_person())
        self.workspace.view.remove_requested.connect(lambda _: self.person_actions.remove_person())
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.undo_group.addStack(session.undo_stack)
        self.settings.last_case_id = case_id
        self._update_case_actions()
        self.workspace.view.setFocus()
        self.zoom_label.setText(f"Zoom {self.workspace.view.zoom * 100:.0f} %")
        if session.record.people and not session.selection:
            subject = [p.id for p in session.record.people if p.is_subject_child]
            session.select((subject or [session.record.people[0].id])[:1])
        return True

    def close_case(self, show_list: bool = True) -> None:
        if self.workspace is not None:
            self.settings.set_window_state_for("workspace", self.workspace.saveState())
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        if self.session is not None:
            self.undo_group.removeStack(self.session.undo_stack)
            self.session.deleteLater()
            self.session = None
        self._update_case_actions()
        if show_list:
            self.show_case_list()

    def _refused(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _context_menu(self, position: QPoint, person_id: str | None) -> None:
        menu = QMenu(self)
        self.person_actions.fill_menu(menu)
        menu.exec(position)

    def _view(self, do: Callable[[Any], None]) -> None:
        if self.workspace is not None:
            do(self.workspace.view)

    def _panel(self, key: str) -> None:
        if self.workspace is not None:
            self.workspace.show_panel(key)

    def find_person(self) -> None:
        if self.workspace is None:
            return
        self.workspace.show_panel("people")
        search = getattr(self.workspace.panel("people"), "filter", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    def _genogram_options_changed(self, *_: object) -> None:
        style = NotationStyle.LOCAL_AUTHORITY if self.la_style_action.isChecked() else NotationStyle.MCGOLDRICK
        self.genogram_settings = GenogramSettings(
            style=style, show_legend=self.legend_action.isChecked(),
            show_households=self.households_action.isChecked(), show_emotional_links=self.links_action.isChecked())
        if self.workspace is not None:
            self.workspace.set_genogram_settings(self.genogram_settings)

    # --- settings --------------------------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        if self.workspace is not None:
            self.workspace.refresh_colours()

    def edit_marking(self) -> None:
        from genorisk.ui.dialogs.family import MarkingDialog  # dialogs load on first use, not at start-up

        dialog = MarkingDialog(self.settings.protective_marking, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings.protective_marking = dialog.marking()
            self.statusBar().showMessage(f"Protective marking: {self.settings.protective_marking}", 5000)

    def edit_user(self) -> None:
        name, ok = QInputDialog.getText(self, "Your name", "Your name (recorded against every change you make):",
                                        text=self.user)
        if ok and name.strip():
            self.user = name.strip()
            self.settings.user_name = self.user
            self.store.user = self.user
            self.user_label.setText(f"Signed in as {self.user}")

    # --- print and export ---------------------------------------------------------------------------
    def _heading(self) -> str:
        assert self.session is not None
        case = self.session.record.case
        return f"Case {case.reference}: genogram"

    def _geometry(self) -> Any:
        return self.workspace.geometry_model if self.workspace is not None else None

    def print_genogram(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from genorisk.ui.printing import PrintOptions, PrintOptionsDialog, render_to_printer

        geometry = self._geometry()
        if geometry is None or self.session is None:
            return
        options_dialog = PrintOptionsDialog(geometry, PrintOptions(), self)
        if options_dialog.exec() != QDialog.DialogCode.Accepted:
            return
        options = options_dialog.options()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._heading())
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = render_to_printer(printer, geometry, options, self.settings.protective_marking, self._heading())
        except OSError as failure:
            QMessageBox.warning(self, "Not printed", str(failure))
            return
        self.statusBar().showMessage(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer", 5000)

    def preview_genogram(self, options: PrintOptions | None = None) -> Any:
        """Print preview: the pages exactly as they will print (marking, page X of Y, tiles), drawn by the
        same code as printing; printing from the preview sends those pages. Returns the dialog (tests)."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from genorisk.ui.printing import PrintOptions, PrintOptionsDialog, render_to_printer

        geometry = self._geometry()
        if geometry is None or self.session is None:
            return None
        if options is None:
            options_dialog = PrintOptionsDialog(geometry, PrintOptions(), self, title="Print preview",
                                                accept_text="Preview")
            if options_dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            options = options_dialog.options()
        chosen = options
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._heading())
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(f"Print preview — {self._heading()}")
        preview.resize(900, 700)
        marking, heading = self.settings.protective_marking, self._heading()
        preview.paintRequested.connect(lambda target: render_to_printer(target, geometry, chosen, marking, heading))
        # The dialog does not own its printer: keep both alive until the dialog itself is gone (a printer
        # freed while the dialog still points at it crashes Qt).
        self._print_preview = (preview, printer)
        preview.finished.connect(preview.deleteLater)
        preview.destroyed.connect(self._preview_destroyed)
        preview.open()
        return preview

    def _preview_destroyed(self) -> None:
        self._print_preview = None

    def export_genogram(self, kind: str, path: Path | None = None, options: PrintOptions | None = None) -> None:
        """Export PNG, SVG or PDF (named after the case reference); PDF asks fit or tile first."""
        from genorisk.ui.printing import (
            PrintOptions,
            PrintOptionsDialog,
            default_file_name,
            export_pdf,
            export_png,
            export_svg,
        )

        geometry = self._geometry()
        if geometry is None or self.session is None:
            return
        reference = self.session.record.case.reference
        if kind == "pdf" and options is None:
            dialog = PrintOptionsDialog(geometry, PrintOptions(), self, "Export genogram as PDF", "Export…")
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        if path is None:
            suggested = str(Path(self.settings.export_folder) / default_file_name(reference, f".{kind}"))
            filters = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)", "pdf": "PDF document (*.pdf)"}
            chosen, _ = QFileDialog.getSaveFileName(self, f"Export genogram as {kind.upper()}", suggested,
                                                    filters[kind])
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() != f".{kind}":
                path = path.with_suffix(f".{kind}")
            self.settings.export_folder = str(path.parent)
        marking, heading = self.settings.protective_marking, self._heading()
        chosen_options = options or PrintOptions()
        target = path

        def work(progress: Any, cancelled: Any) -> str:
            progress(0, 1, f"Writing {target.name}…")
            if kind == "png":
                export_png(target, geometry, marking, heading)
            elif kind == "svg":
                export_svg(target, geometry, marking, heading)
            else:
                export_pdf(target, geometry, chosen_options, marking, heading)
            return str(target)

        run_in_background(self, f"Exporting {kind.upper()}…", work,
                          lambda written: self.statusBar().showMessage(f"Exported {written}", 8000),
                          lambda error: _warn(self, "Not exported", f"The export failed: {error}"))

    # --- import and export of cases -------------------------------------------------------------------
    def import_bundle(self) -> None:
        from genorisk.interop.bundle import import_bundle

        chosen, _ = QFileDialog.getOpenFileName(self, "Import case bundle", self.settings.export_folder,
                                                "genorisk case bundle (*.genorisk.json *.json)")
        if chosen:
            self._import(Path(chosen), lambda path: import_bundle(self.store, path).case.id)

    def import_gedcom(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import GEDCOM", self.settings.export_folder,
                                                "GEDCOM (*.ged *.GED)")
        if not chosen:
            return

        def read(path: Path) -> str:
            try:
                from genorisk.interop.gedcom import read_gedcom
            except ImportError:
                from genorisk.interop.gedcom_read import read_gedcom
            family = read_gedcom(path)
            self.store.create_case(family.case, family.entities, action=f"Import GEDCOM {path.name}")
            return str(family.case.id)

        self._import(Path(chosen), read)

    def _import(self, path: Path, read: Callable[[Path], str]) -> None:
        def work(progress: Any, cancelled: Any) -> str:
            progress(0, 0, f"Reading {path.name}…")
            return read(path)

        def done(case_id: str) -> None:
            self.statusBar().showMessage(f"Imported {path.name}", 8000)
            self.open_case(case_id)

        run_in_background(self, f"Importing {path.name}…", work, done,
                          lambda error: _warn(self, "Not imported",
                                                            f"{path.name} was not imported: {_explain(error)}\n\n"
                                                            "Nothing was written."))

    def export_bundle(self) -> None:
        if self.session is None:
            return
        from genorisk.interop.bundle import default_file_name as bundle_name
        from genorisk.interop.bundle import export_case

        record = self.session.record
        suggested = str(Path(self.settings.export_folder) / bundle_name(record))
        chosen, _ = QFileDialog.getSaveFileName(self, "Export case bundle", suggested,
                                                "genorisk case bundle (*.genorisk.json)")
        if not chosen:
            return
        target = Path(chosen)
        run_in_background(self, "Exporting the case…", lambda progress, cancelled: export_case(record, target),
                          lambda _: self.statusBar().showMessage(f"Exported {target}", 8000),
                          lambda error: _warn(self, "Not exported", str(error)))

    # --- help ---------------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def show_about(self) -> None:
        QMessageBox.about(self, "About genorisk",
                          f"<h3>genorisk {__version__}</h3><p>Genograms, cumulative risk and multi-agency records "
                          "for child-safeguarding practitioners.</p><p>Decision support, never verdicts: it "
                          "prompts, the practitioner decides.</p>")

    # --- window state -----------------------------------------------------------------------------
    def restore_window(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        if self.workspace is not None:
            self.settings.set_window_state_for("workspace", self.workspace.saveState())
        super().closeEvent(event)


def _warn(parent: QWidget, title: str, text: str) -> None:
    """A warning box, for callbacks that must return nothing."""
    QMessageBox.warning(parent, title, text)


def _explain(error: BaseException) -> str:
    """Words for a practitioner: our own errors say what is wrong; a database or library failure is
    logged and described generically, because its text can carry case details (SQL parameters)."""
    from genorisk.domain.serial import DecodeError
    from genorisk.domain.validation import ValidationFailed
    from genorisk.interop.bundle import BundleError
    from genorisk.store.repository import StoreError

    ours: tuple[type[BaseException], ...] = (BundleError, DecodeError, ValidationFailed, StoreError)
    try:
        from genorisk.interop.gedcom import GedcomError

        ours += (GedcomError,)
    except ImportError:  # pragma: no cover - GEDCOM support is part of the package
        pass
    if isinstance(error, ours):
        return str(error)
    log.error("import failed", exc_info=error)
    return f"an unexpected {type(error).__name__} (details are in the log)"

