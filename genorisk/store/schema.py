"""Every table genorisk stores, gathered into one MetaData for Alembic and the repository.

Each area's tables live in their own module and register their entity types on import.
"""

from __future__ import annotations

from sqlmodel import SQLModel

from genorisk.store import tables, tables_network, tables_risk  # noqa: F401  (each module registers its tables)

metadata = SQLModel.metadata
ENTITY_TABLES = tables.ENTITY_TABLES
