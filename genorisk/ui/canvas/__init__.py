"""The genogram canvas: the engine's geometry drawn in a QGraphicsScene, and nothing else.

``painting`` turns geometry primitives into QPainter calls (used by the scene's items AND by print
and export, so there is one drawing of one geometry); ``items`` holds one item class per symbol kind
plus line, label, boundary and legend items; ``scene`` keeps the items in step with each new
geometry by id; ``view`` adds zoom, pan, keyboard navigation and drag-to-nudge.
"""
