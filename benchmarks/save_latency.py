"""Save latency: a change in an autosaved widget until the row is readable from another database connection.

An ``ipywidgets.Textarea`` is bound with ``autosave_widget`` (outside an event loop autosave saves at once, without
the 0.8 s typing debounce), its value grows word by word like typing does, and after each change a second
``Store`` (its own engine and connection) reads the answer back until it shows the new text.
SQLite runs in a temporary folder; PostgreSQL in a scratch schema that is dropped afterwards.
Used by ``benchmarks/run.py``.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url, text


@contextmanager
def scratch_postgres(url: str) -> Iterator[str]:
    """A URL for a fresh schema in the PostgreSQL database ``url``; the schema is dropped afterwards."""
    if make_url(url).host not in (None, "", "127.0.0.1", "localhost", "::1"):
        raise ValueError("the benchmark only talks to a PostgreSQL server on this machine")
    schema = f"wwbench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def measure_widget_saves(url: str, saves: int, *, timeout: float = 5.0) -> list[float]:
    """Milliseconds from ``widget.value = …`` until another connection reads that value, ``saves`` times."""
    import ipywidgets as widgets

    from wijwerken_widgets.store import Store
    from wijwerken_widgets.ui.autosave import autosave_widget
    from wijwerken_widgets.ui.context import Context

    store = Store.open(url)
    reader = Store.open(url)
    try:
        cohort = store.add_cohort(f"bench-{uuid.uuid4().hex[:8]}", "Benchmarkgemeente", "Benchmark", {})
        person = store.add_person(cohort.id, "Bench", "deelnemer", f"bench-{uuid.uuid4().hex}")
        key = "dag1.probleem"
        widget = widgets.Textarea()
        autosave_widget(Context(store=store, person=person), key, widget)
        typed, timings = "", []
        for n in range(saves):
            typed += f"Woord {n} "
            started = time.perf_counter()
            widget.value = typed
            deadline = time.monotonic() + timeout
            while True:
                latest = reader.latest_answer(person.id, key)
                if latest is not None and latest.value == typed:
                    break
                if time.monotonic() > deadline:
                    raise TimeoutError(f"save {n} not readable within {timeout} s")
                time.sleep(0.0005)
            timings.append((time.perf_counter() - started) * 1000)
        return timings
    finally:
        reader.close()
        store.close()
