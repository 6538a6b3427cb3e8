"""Alt+letter must do one thing in each dialog: no two labels or buttons share a mnemonic letter.

Qt does not refuse a clash; it cycles focus between the owners, so Alt+B silently lands in the wrong
field. Dialogs that repeat one group of fields several times (Add parents: one group per parent) are
not listed here: the repeats share letters by design, and Alt+letter moves between them in order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from genorisk.domain.record import CaseRecord
from genorisk.ui.dialogs import family

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Letter -> texts, for every letter two visible-able labels, buttons or group boxes share."""
    owners: dict[str, list[str]] = defaultdict(list)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label without a buddy has no working mnemonic (another test covers that)
        if isinstance(widget, (QLabel, QAbstractButton)):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        found = MNEMONIC.search(text)
        if found and not widget.isHidden():
            owners[found.group(1).lower()].append(text)
    return {letter: texts for letter, texts in owners.items() if len(texts) > 1}


def visible_clashes(root: QWidget, also: list[str] | None = None) -> dict[str, list[str]]:
    """Like :func:`mnemonic_clashes`, over what is on screen now, plus other owners' texts (menus)."""
    owners: dict[str, list[str]] = defaultdict(list)
    texts = list(also or [])
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or (isinstance(widget, QLabel) and widget.buddy() is None):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    for text in texts:
        found = MNEMONIC.search(text)
        if found:
            owners[found.group(1).lower()].append(text)
    return {letter: found for letter, found in owners.items() if len(found) > 1}


@pytest.mark.parametrize("make", [
    lambda record: family.EditPersonDialog(record, "p-kayleigh"),
    lambda record: family.AddPersonDialog(record),
    lambda record: family.AddPartnerDialog(record, "p-kayleigh"),
    lambda record: family.AddChildDialog(record, "p-kayleigh"),
    lambda record: family.AddSiblingDialog(record, "p-rowan"),
    lambda record: family.EmotionalLinkDialog(record, "p-kayleigh"),
], ids=["edit", "add-person", "add-partner", "add-child", "add-sibling", "link"])
def test_no_two_controls_in_a_family_dialog_share_an_alt_letter(qtbot: Any, demo: CaseRecord, make: Any) -> None:
    dialog = make(demo)
    qtbot.addWidget(dialog)
    assert_no_clash_for_any_source(dialog)


def assert_no_clash_for_any_source(dialog: QWidget) -> None:
    """The fields a source shows differ (agency and reference, or who said it): try every source."""
    from genorisk.domain.values import SourceKind

    provenance = getattr(dialog, "provenance", None)
    sources = list(SourceKind) if provenance is not None else [None]
    for source in sources:
        if provenance is not None:
            provenance.source.setCurrentIndex(provenance.source.findData(source))
        assert (source, mnemonic_clashes(dialog)) == (source, {})


@pytest.mark.parametrize("make", [
    lambda record: __import__("genorisk.ui.risk.factors", fromlist=["x"]).RiskFactorDialog(record, "p-jason"),
    lambda record: __import__("genorisk.ui.risk.chronology", fromlist=["x"]).ChronologyEventDialog(record),
    lambda record: __import__("genorisk.ui.dialogs.household", fromlist=["x"]).JoinHouseholdDialog(record,
                                                                                                  "p-jason"),
], ids=["risk-factor", "chronology-event", "join-household"])
def test_no_two_controls_in_a_risk_or_household_dialog_share_an_alt_letter(qtbot: Any, demo: CaseRecord,
                                                                          make: Any) -> None:
    dialog = make(demo)
    qtbot.addWidget(dialog)
    assert_no_clash_for_any_source(dialog)


def test_in_the_default_workspace_alt_letters_are_unique_menus_included(qtbot: Any, window: Any,
                                                                       demo: CaseRecord) -> None:
    """Alt+P must open the Person menu, not jump to a button in a visible panel."""
    assert window.open_case(demo.case.id) and window.workspace is not None
    qtbot.wait(100)
    assert visible_clashes(window, [f"menu {action.text()}" for action in window.menuBar().actions()]) == {}


def test_the_wizards_parents_page_and_its_buttons_share_no_alt_letter(qtbot: Any, store: Any) -> None:
    from genorisk.ui.wizard import NewCaseWizard

    wizard = NewCaseWizard(store, "Test Practitioner")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.case_page.reference.setText("KEYS-1")
    wizard.next()
    wizard.children_page.child_rows.rows[0].given.setText("Ava")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.parents_page.isVisible())
    assert visible_clashes(wizard) == {}
