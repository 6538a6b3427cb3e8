"""The desktop workspace (PySide6): the only genorisk package that imports Qt.

Everything here is a view over the Qt-free packages: the domain records, the store, the genogram
geometry. Changes go through one :class:`~genorisk.ui.session.CaseSession` per open case.
"""
