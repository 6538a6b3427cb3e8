"""Alembic environment: migrations run programmatically at start-up on the app's own engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from genorisk.store.schema import metadata

config = context.config


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # command-line use: `alembic -x db=path upgrade head`
        from pathlib import Path

        from genorisk.store.database import make_engine

        db = context.get_x_argument(as_dictionary=True).get("db")
        engine = make_engine(Path(db)) if db else create_engine("sqlite://")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
