"""Alembic environment for the wijwerken store.

Run through :func:`wijwerken_widgets.store.migrate.upgrade`, which passes an open connection (already inside a
transaction that holds the write lock) as ``config.attributes["connection"]``.
"""

from alembic import context

from wijwerken_widgets.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through wijwerken_widgets.store.migrate.upgrade(engine).")

context.configure(
    connection=connection,
    target_metadata=metadata,
    transactional_ddl=True,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
