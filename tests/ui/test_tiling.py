"""Tiling a big genogram across pages never cuts a symbol or a label (pure arithmetic, no Qt)."""

from __future__ import annotations

import itertools
import random

import pytest

from genorisk.genogram.geometry import Box
from genorisk.ui.tiling import cut_through, cuts, free_at_or_before, merge, plan_tiles


def test_merge_and_free_positions() -> None:
    blocked = merge([(10, 20), (15, 30), (40, 50)])
    assert blocked == [(10, 30), (40, 50)]
    assert free_at_or_before(25, blocked) == 10
    assert free_at_or_before(35, blocked) == 35
    assert free_at_or_before(40, blocked) == 40  # an edge is free


def test_cuts_cover_the_range_with_overlap_and_free_edges() -> None:
    blocked = merge([(95, 110), (180, 220)])
    pieces = cuts(0, 400, 100, 10, blocked)
    assert pieces[0][0] == 0 and pieces[-1][1] == 400
    for (a, b), (c, _) in itertools.pairwise(pieces):
        assert c < b, "neighbouring pages overlap"
        assert c > a
    for a, b in pieces:
        assert b - a <= 100
        for start, end in blocked:
            assert not start < a < end and not start < b < end


@pytest.mark.parametrize("seed", range(12))
def test_random_drawings_are_tiled_without_cutting_anyone(seed: int) -> None:
    rng = random.Random(seed)
    obstacles = []
    for generation in range(5):
        y = generation * 140.0
        x = 0.0
        for _ in range(rng.randint(5, 40)):
            x += rng.uniform(10, 40)
            width = rng.uniform(30, 70)
            obstacles.append(Box(x, y, width, rng.uniform(50, 80)))
            x += width
    right = max(o.right for o in obstacles) + 10
    bounds = Box(-10, -10, right + 10, 5 * 140.0)
    tiles = plan_tiles(bounds, obstacles, 500, 320, overlap=18)
    assert cut_through(tiles, obstacles) == []
    for obstacle in obstacles:
        assert any(t.area.x <= obstacle.x and obstacle.right <= t.area.right and t.area.y <= obstacle.y
                   and obstacle.bottom <= t.area.bottom for t in tiles), "everyone appears whole on some page"
    assert all(t.area.width <= 500 + 1e-6 and t.area.height <= 320 + 1e-6 for t in tiles)


def test_a_drawing_that_fits_is_one_page() -> None:
    tiles = plan_tiles(Box(0, 0, 100, 80), [Box(10, 10, 20, 20)], 500, 300)
    assert len(tiles) == 1 and tiles[0].area == Box(0, 0, 100, 80)


def test_a_page_needs_room() -> None:
    with pytest.raises(ValueError, match="room"):
        cuts(0, 10, 0, 0, [])
