"""Named, reversible commands: the only way a case changes.

A command is a list of entity-level changes with a name a practitioner understands ("Add partner Jo
Smith"). The same command applies to an in-memory :class:`CaseRecord` and, through the store, to the
database in one transaction; its :meth:`Command.inverse` undoes it. One user action is one command,
one transaction, one undo step and one audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from genorisk.domain.entities import Case, Entity
from genorisk.domain.record import CaseRecord


@dataclass(frozen=True, slots=True)
class Put:
    """Add ``new`` (when ``old`` is None) or replace ``old`` with ``new``."""

    new: Entity
    old: Entity | None = None

    def __post_init__(self) -> None:
        if self.old is not None and (self.old.id != self.new.id or type(self.old) is not type(self.new)):
            raise ValueError("a Put replaces a record with a new version of the same record")

    def inverse(self) -> Change:
        return Remove(self.new) if self.old is None else Put(self.old, self.new)


@dataclass(frozen=True, slots=True)
class Remove:
    """Remove ``old``."""

    old: Entity

    def inverse(self) -> Change:
        return Put(self.old)


Change = Put | Remove


class ConflictError(RuntimeError):
    """A command's expected 'before' state is not what the record holds now."""


@dataclass(frozen=True, slots=True)
class Command:
    """A named group of changes that is applied, and undone, as one."""

    name: str
    changes: tuple[Change, ...]

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a command needs a name: it is what the Undo menu shows")

    def inverse(self) -> Command:
        """The command that undoes this one (same name: the Undo menu says 'Undo <name>')."""
        return Command(self.name, tuple(change.inverse() for change in reversed(self.changes)))

    @property
    def case_ids(self) -> frozenset[str]:
        return frozenset((c.new if isinstance(c, Put) else c.old).case_id for c in self.changes)

    def touched_ids(self) -> frozenset[str]:
        return frozenset((c.new if isinstance(c, Put) else c.old).id for c in self.changes)

    def apply_to(self, record: CaseRecord) -> CaseRecord:
        """The record after this command; ConflictError if it was built against another state."""
        for change in self.changes:
            current = record.find(change.new.id if isinstance(change, Put) else change.old.id)
            if not same_state(current, change.old):
                target = change.new if isinstance(change, Put) else change.old
                raise ConflictError(f"{target.summary} has changed since this edit was prepared")
            if isinstance(change, Put):
                record = record.with_entities(put=(change.new,))
            else:
                record = record.with_entities(removed=(change.old,))
        return record


def same_state(current: Entity | None, expected: Entity | None) -> bool:
    """Whether a record is in the state a command expects.

    A case's last-updated time is bookkeeping the store moves on with every change, not a fact a
    practitioner edited, so it never makes a command stale (undoing a title edit must still work).
    """
    if isinstance(current, Case) and isinstance(expected, Case):
        return replace(current, updated_at=expected.updated_at) == expected
    return current == expected
