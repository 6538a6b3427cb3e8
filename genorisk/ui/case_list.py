"""The case list: every case in the store, searchable by reference, title or name, and status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.entities import Person
from genorisk.store.repository import Store
from genorisk.ui.models import ID_ROLE, SEARCH_ROLE, SORT_ROLE, CaseListModel


class CaseTable(QTableView):
    activated_case = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_case.emit(str(self.currentIndex().data(ID_ROLE)))
            event.accept()
            return
        super().keyPressEvent(event)


class CaseListPage(QWidget):
    """The cases page: search, the table, and buttons to open a case or start a new one."""

    open_requested = Signal(str)
    new_requested = Signal()
    injury_requested = Signal(str)
    """The health visitor's fast path: record an injury to a baby in the selected case."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("caseList")
        self.model = CaseListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        heading = QLabel("<h2>Cases</h2>")
        heading.setAccessibleName("Cases")
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText("Search by reference, name or status")
        self.search.setAccessibleName("Search cases by reference, name or status")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = CaseTable()
        self.table.setObjectName("caseTable")
        self.table.setAccessibleName("Cases")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated_case.connect(self.open_requested)
        self.open_button = QPushButton("&Open case")
        self.open_button.setObjectName("openCase")
        self.open_button.clicked.connect(self._open_current)
        self.new_button = QPushButton("&New case…")
        self.new_button.setObjectName("newCase")
        self.new_button.clicked.connect(self.new_requested)
        self.injury_button = QPushButton("&Injury to a baby…")
        self.injury_button.setObjectName("recordInjury")
        self.injury_button.setAccessibleName("Record an injury or mark on a baby in the selected case")
        self.injury_button.setToolTip("Non-mobile infant injury prompt for the selected case: goes straight "
                                      "to the referral step when it applies")
        self.injury_button.clicked.connect(self._injury_current)
        self.count = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.injury_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.injury_button)
        self.setTabOrder(self.injury_button, self.new_button)
        self.setTabOrder(self.new_button, self.open_button)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.search.textChanged.connect(self._update_count)

    def refresh(self) -> None:
        """Re-read the cases (and their people's names, so a search by name finds the case)."""
        cases = self.store.list_cases()
        names: dict[str, str] = {}
        for case in cases:
            try:
                record = self.store.load(case.id)
            except Exception:  # a case that cannot be read still appears, found by reference
                continue
            names[case.id] = " ".join(p.display_name for p in record.all(Person))
        self.model.set_cases(cases, names)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._update_count()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{total} case{'s' if total != 1 else ''}" if shown == total
                           else f"{shown} of {total} cases match")
        self.open_button.setEnabled(shown > 0)
        self.injury_button.setEnabled(shown > 0)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(str(index.data(ID_ROLE)))

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def _injury_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.injury_requested.emit(str(index.data(ID_ROLE)))
