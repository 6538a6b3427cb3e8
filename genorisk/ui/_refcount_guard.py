"""Guard against a reference-counting fault in the PySide6 6.12.0 wheels on Python 3.11.

Measured here: every call of a C++ method that returns nothing (``QPainter.setPen``,
``QObject.setObjectName``…) drops one reference to ``None`` that it never took. On Python 3.12 and
later ``None``, ``True`` and ``False`` are immortal, so this is harmless; on 3.11 the count reaches
zero after a few thousand paints and the interpreter aborts ("Fatal Python error: none_dealloc").

The guard gives those three singletons (which the interpreter never frees anyway) a reference count
so large that the fault can never bring it to zero, which is what Python 3.12 does by design. It
changes nothing on 3.12+. See tests/ui/test_refcount_guard.py, which fails if it stops working.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # far more void calls than a session could ever make


def install() -> bool:
    """Make None, True and False effectively immortal on Python < 3.12; True if anything was done."""
    if sys.version_info >= (3, 12) or getattr(install, "done", False):
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t at the object's address).
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _HEADROOM
    install.done = True  # type: ignore[attr-defined]
    return True
