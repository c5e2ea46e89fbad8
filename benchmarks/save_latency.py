"""Save latency of the store: ``Store.save_answer`` call until committed, per backend.

Usage: ``python benchmarks/save_latency.py [-n 500] [--pg-url URL]``. SQLite always runs (in a temporary
folder); PostgreSQL runs when ``--pg-url`` or ``WIJWERKEN_TEST_DATABASE_URL`` is given, in a scratch schema
that is dropped afterwards. Prints the median and 95th percentile in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from wijwerken_widgets.store import Store


@contextmanager
def scratch_postgres(url: str) -> Iterator[str]:
    """A URL for a fresh schema in the PostgreSQL database ``url``; the schema is dropped afterwards."""
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


def measure(url: str, saves: int) -> list[float]:
    """Milliseconds per save for ``saves`` consecutive saves of a growing answer, like autosave does."""
    store = Store.open(url)
    try:
        cohort = store.add_cohort("bench", "Benchmarkgemeente", "Benchmark", {})
        person = store.add_person(cohort.id, "Bench", "deelnemer", f"bench-{uuid.uuid4().hex}")
        base, text_so_far, timings = None, "", []
        for n in range(saves):
            text_so_far += f"Woord {n} "
            started = time.perf_counter()
            result = store.save_answer(
                person.id, "dag1.probleem", text_so_far, base_id=base, client_id="bench"
            )
            timings.append((time.perf_counter() - started) * 1000)
            base = result.version.id
        return timings
    finally:
        store.close()


def report(backend: str, timings: list[float]) -> str:
    p95 = statistics.quantiles(timings, n=100, method="inclusive")[94]
    return (
        f"{backend:<11} n={len(timings):<5} median {statistics.median(timings):7.2f} ms   p95 {p95:7.2f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--saves", type=int, default=500, help="saves per backend (default 500)")
    parser.add_argument(
        "--pg-url", default=os.environ.get("WIJWERKEN_TEST_DATABASE_URL"), help="PostgreSQL URL"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wijwerken-bench-") as folder:
        print(report("sqlite", measure(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", args.saves)))
    if args.pg_url:
        with scratch_postgres(args.pg_url) as url:
            print(report("postgresql", measure(url, args.saves)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
