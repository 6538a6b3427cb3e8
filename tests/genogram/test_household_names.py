"""A household whose outline is too narrow for its name keeps its name on paper: the key gives it in full."""

from __future__ import annotations

from genorisk.genogram.layout import layout_case
from genorisk.genogram.settings import GenogramSettings
from genorisk.interop.bundle import demo_bundle


def test_every_shortened_household_label_is_named_in_full_in_the_key() -> None:
    geometry = layout_case(demo_bundle().record, GenogramSettings())
    shortened = {b.name for b in geometry.boundaries if b.label.text.endswith("…")}
    assert shortened, "the demo has households narrower than their names"
    assert geometry.legend is not None
    key = " ".join(" ".join(label.text for label in entry.labels) for entry in geometry.legend.entries)
    for name in shortened:
        assert name in key

