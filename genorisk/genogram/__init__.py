"""The genogram engine: notation, automatic layout and one geometry model drawn by every renderer.

Qt-free. ``layout_case(record, settings, markers)`` turns a :class:`~genorisk.domain.record.CaseRecord`
into a :class:`~genorisk.genogram.geometry.Geometry`; ``svg``, ``pdf``, ``dot`` and ``export`` write it.
"""
