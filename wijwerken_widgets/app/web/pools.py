"""How many kernels to keep started, per workbook page, before anyone asks: from the cohorts' programmes.

On a day of a cohort's programme (``content.programme``: a training day, the pecha kucha, …) that day's page gets
a pool as large as the cohort's group of participants, and the start page a small one; other pages, and days
without a step, get none (a page then starts its kernel when it is asked for, as before). The pools together never take more than half of the kernel cap,
so that pages asked for beyond them still find room.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

START_PAGE = "start.ipynb"
START_POOL = 2
FILL_DELAY = 20.0
"""Seconds before a pool refills after a kernel was taken: not while the group's pages are still loading."""


def pool_sizes(cohorts: Iterable[tuple[Mapping[str, Any], int]], today: datetime.date, notebooks: Iterable[str],
               max_kernels: int, place: Callable[[str | None, str], str] | None = None) -> dict[str, int]:
    """Pool size per notebook for ``today``; ``cohorts`` are (cohort settings, number of participants) pairs.
    ``place(gemeente, notebook)`` names the notebook a cohort's participants get (a municipality's copy,
    ``content.variants.variant_notebook``), so that a copy gets the pool, not the master nobody of them opens."""
    from wijwerken_widgets.content.programme import steps

    served = set(notebooks)
    sizes: dict[str, int] = {}
    for settings, participants in cohorts:
        pages = {step.workbook for step in steps(settings) if step.date == today and step.workbook}
        for page in {place(settings.get("gemeente"), p) if place else p for p in pages} & served:
            sizes[page] = sizes.get(page, 0) + participants
            if START_PAGE in served:
                sizes[START_PAGE] = max(sizes.get(START_PAGE, 0), START_POOL)
    budget = max_kernels // 2
    while sum(sizes.values()) > budget:  # the largest pool gives way first
        largest = max(sizes, key=lambda page: sizes[page])
        sizes[largest] -= 1
    return {page: size for page, size in sizes.items() if size > 0}


def pools_config(sizes: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Voilà's ``VoilaKernelManager.kernel_pools_config``: no pool unless a page has a size."""
    return {"default": {"pool_size": 0}, **{page: {"pool_size": size} for page, size in sizes.items()}}


def todays_pools(store: Any, today: datetime.date, workbooks: Path, max_kernels: int) -> dict[str, int]:
    """`pool_sizes` from the cohorts in ``store``, for the notebooks in ``workbooks`` and the municipalities'
    copies in its subfolders."""
    from wijwerken_widgets.content.variants import variant_notebook

    notebooks = [path.relative_to(workbooks).as_posix() for path in (*workbooks.glob("*.ipynb"),
                                                                      *workbooks.glob("*/*.ipynb"))]
    cohorts = [(cohort.settings or {}, sum(1 for p in store.people(cohort.id)
                                           if p.role == "deelnemer" and p.removed_at is None))
               for cohort in store.cohorts()]
    return pool_sizes(cohorts, today, notebooks, max_kernels,
                      place=lambda gemeente, page: variant_notebook(workbooks, gemeente, page))


def refresh(manager: Any, sizes: Mapping[str, int]) -> None:
    """Give Voilà's pooling kernel manager ``sizes``: fill pools that grew; stop the spare kernels of pools that
    shrank (e.g. after the training day). Pool kernels belong to nobody, so stopping them loses nothing."""
    import asyncio

    config = pools_config(sizes)
    manager.kernel_pools_config = config
    pools: dict[str, list[Any]] = manager._pools  # Voilà 0.5's VoilaKernelManager keeps one task list per page
    for page in set(pools) | set(sizes):
        pool = pools.get(page, [])
        wanted = sizes.get(page, 0)
        if len(pool) < wanted:
            manager.fill_if_needed(delay=0, notebook_name=page)
        while len(pool) > wanted and pool[-1].done():
            task = pool.pop()
            if task.exception() is None:
                asyncio.ensure_future(manager.shutdown_kernel(task.result()["kernel_id"]))
