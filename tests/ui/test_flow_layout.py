"""Button rows wrap in a narrow dock instead of clipping their labels."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from genorisk.ui.flow_layout import FlowLayout


def _panel(qtbot: Any, width: int) -> tuple[QWidget, list[QPushButton]]:
    host = QWidget()
    qtbot.addWidget(host)
    outer = QVBoxLayout(host)
    row = FlowLayout()
    buttons = [QPushButton(text) for text in ("New DASH…", "DARAC result…", "Childhood history (ACEs)…",
                                              "Injury to a baby…", "Open…")]
    for button in buttons:
        row.addWidget(button)
    outer.addLayout(row)
    outer.addStretch(1)
    host.resize(width, 400)
    host.show()
    qtbot.waitExposed(host)
    return host, buttons


def test_in_a_narrow_dock_the_buttons_wrap_and_every_label_is_whole(qtbot: Any) -> None:
    _host, buttons = _panel(qtbot, 300)
    rows = {button.y() for button in buttons}
    assert len(rows) >= 2
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.geometry().right() <= 300


def test_in_a_wide_dock_they_share_one_row_in_reading_order(qtbot: Any) -> None:
    _host, buttons = _panel(qtbot, 1200)
    assert len({button.y() for button in buttons}) == 1
    xs = [button.x() for button in buttons]
    assert xs == sorted(xs)


def test_the_layout_asks_for_the_height_its_rows_need(qtbot: Any) -> None:
    host, _buttons = _panel(qtbot, 300)
    layout = host.layout().itemAt(0).layout()
    assert isinstance(layout, FlowLayout)
    assert layout.heightForWidth(300) > layout.heightForWidth(1200) > 0


def test_in_a_narrow_dock_the_minimum_height_makes_room_for_every_row(qtbot: Any) -> None:
    host, buttons = _panel(qtbot, 220)
    qtbot.waitUntil(lambda: host.minimumSizeHint().height() >= max(button.geometry().bottom() for button in buttons))
    assert len({button.y() for button in buttons}) >= 3
