"""Many documents at once: each one is a Job with its own settings (from the config's per-path entries), run in
worker processes when --jobs > 1, reported back in the order given whatever the parallelism."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from checker.cli.config import Config
from checker.errors import InputError
from checker.model import Document, Result


@dataclass(frozen=True)
class Job:
    source: str
    pack: str | None
    level: str
    fail_under: float | None
    encoding: str | None
    max_bytes: int


def plan(paths: list[str], config: Config, pack: str | None, level: str | None, fail_under: float | None,
         encoding: str | None, max_mb: float | None = None) -> list[Job | Result]:
    """One Job per document (command-line options over the config), or an error Result for a bad path."""
    from checker.read import MAX_BYTES, expand_paths

    out: list[Job | Result] = []
    limit = max_mb if max_mb is not None else config.max_size
    max_bytes = int(limit * 1024 * 1024) if limit else MAX_BYTES
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            out.append(Result(source=item.source, error=("input", item.reason)))
            continue
        settings = config.settings_for(item)
        out.append(Job(item, pack or settings.pack, level or settings.level,
                       fail_under if fail_under is not None else settings.fail_under, encoding, max_bytes))
    return out


def run(items: list[Job | Result], config: Config, jobs: int = 1, baseline: Document | None = None,
        progress: Callable[[], None] | None = None) -> Iterator[Result]:
    """Results in input order; a worker's failure on one document never stops the others.

    Closing the iterator early (an interrupt, a signal, an error in the consumer) terminates the workers at once:
    none outlives the main process, and no queued document is judged after it.
    """
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield item if isinstance(item, Result) else run_job(item, config, baseline)
            if progress:
                progress()
        return
    from functools import partial
    from multiprocessing import (
        Pool,  # imported only for parallel batches: ~10 ms of start-up
    )

    todo = [item for item in items if isinstance(item, Job)]
    chunk = max(1, min(16, len(todo) // (jobs * 8)))  # fewer round trips, still an even spread and live progress
    with Pool(jobs, initializer=_worker_signals) as pool:  # leaving the block terminates the workers
        done = pool.imap(partial(run_job, config=config), todo, chunksize=chunk)
        for item in items:
            yield item if isinstance(item, Result) else next(done)
            if progress:
                progress()


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process (which stops them) and die at once on SIGTERM from it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run_job(job: Job, config: Config, baseline: Document | None = None) -> Result:
    from checker.audit import audit_source
    from checker.packs.loader import load_pack

    pack = load_pack(job.pack) if job.pack else None
    return for_report(audit_source(job.source, pack, job.encoding, job.fail_under, baseline, job.level,
                                   config.apply, job.max_bytes))


def for_report(result: Result) -> Result:
    """What the renderers need: the verdicts, evidence and metadata, without the document's text and offset map,
    so that a batch of thousands stays small in memory and cheap to send back from a worker."""
    if result.document is None:
        return result
    light = replace(result.document, raw="", text="", offsets=(0,), sections=(), chrome=(), page_starts=())
    return replace(result, document=light)
