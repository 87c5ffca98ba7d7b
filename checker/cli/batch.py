"""Many documents at once: each one is a Job with its own settings (from the config's per-path entries), run in
worker processes when --jobs > 1, reported back in the order given whatever the parallelism. A renderer given to
run() turns each document into its output text where it was judged, so that the main process only writes."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar

from checker.cli.config import Config
from checker.errors import InputError
from checker.model import Document, Result

T = TypeVar("T")
WORKER_GONE = "检查时工作进程意外退出（可能内存不足），未能检查"  # the reason for a document whose worker died
MAX_CHUNK = 16
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


@dataclass(frozen=True)
class Job:
    """One document's audit as a worker receives it: only names and settings, so that it pickles small."""
    source: str
    pack: str | None
    level: str
    fail_under: float | None
    encoding: str | None
    max_bytes: int
    baseline: str | None = None  # last year's report (--baseline-dir): a path, so that a worker reads only its own


@dataclass(frozen=True)
class Pairing:
    """What --baseline-dir found: the jobs with their baselines, reports left without one, baselines unreadable."""

    items: list[Job | Result]
    unmatched: list[str]
    unreadable: list[InputError]


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


def pair_baselines(items: list[Job | Result], directory: str, jobs: int = 1) -> Pairing:
    """Give each report last year's report from `directory`: the one by the same issuing body (normalised) for the
    year before (doc.meta.year - 1). Metadata is read once for every file, in worker processes when jobs > 1;
    where several reports fit, the one whose file name is closest wins."""
    from checker.read import expand_paths

    todo = [item for item in items if isinstance(item, Job)]
    found = expand_paths([directory])
    candidates = [p for p in found if isinstance(p, str)]
    unreadable = [p for p in found if isinstance(p, InputError)]
    encoding, max_bytes = (todo[0].encoding, todo[0].max_bytes) if todo else (None, 0)
    keys = _in_parallel(_report_key, [(j.source, j.encoding, j.max_bytes) for j in todo] +
                        [(p, encoding, max_bytes) for p in candidates], jobs)
    index: dict[tuple[str, int], list[str]] = {}
    for path, key in zip(candidates, keys[len(todo):]):
        if isinstance(key, str):
            unreadable.append(InputError(path, key))
        elif key is not None:
            index.setdefault(key, []).append(path)
    paired: dict[str, str] = {}
    unmatched: list[str] = []
    for job, key in zip(todo, keys):
        if isinstance(key, str):
            continue  # the audit reports it
        fits = [p for p in index.get((key[0], key[1] - 1), []) if not os.path.samefile(p, job.source)] if key else []
        if fits:
            paired[job.source] = max(fits, key=lambda p: _name_likeness(p, job.source))
        else:
            unmatched.append(job.source)
    out = [replace(item, baseline=paired.get(item.source)) if isinstance(item, Job) else item for item in items]
    return Pairing(out, unmatched, unreadable)


def _read_report(path: str, encoding: str | None, max_bytes: int) -> Document:
    from checker.read import read_source
    from checker.structure import build_document

    return build_document(read_source(path, encoding, max_bytes))


def _report_key(args: tuple[str, str | None, int]) -> tuple[str, int] | str | None:
    """(issuing body, year) of a report, None when it names neither, the reason when it cannot be read (a string:
    an InputError does not survive the trip back from a worker)."""
    try:
        meta = _read_report(*args).meta
    except InputError as exc:
        return exc.reason
    if not meta.body or not meta.year:
        return None
    return re.sub(r"\s", "", meta.body).replace("人民政府", "政府"), meta.year


def _name_likeness(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, os.path.basename(a), os.path.basename(b)).ratio()


def _in_parallel(function, args: list, jobs: int) -> list:
    """function(a) for each of args, in workers; one whose worker died is WORKER_GONE (a reason, as for a file
    that cannot be read)."""
    if jobs <= 1 or len(args) <= 1:
        return [function(a) for a in args]
    return list(_in_workers(function, args, jobs, _chunk(len(args), jobs, 4), lambda _: WORKER_GONE))


def run(items: list[Job | Result], config: Config, jobs: int = 1, baseline: Document | None = None,
        progress: Callable[[], None] | None = None,
        render: Callable[[Result], str] | None = None) -> Iterator[tuple[Result, str | None]]:
    """(result, its rendered text or None) in input order; a worker's failure on one document never stops the
    others. render must be picklable (a module-level function or a partial of one) to run in the workers.

    Closing the iterator early (an interrupt, a signal, an error in the consumer) terminates the workers at once:
    none outlives the main process, and no queued document is judged after it.
    """
    judge = partial(judged, config=config, render=render)
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield _rendered(item, render) if isinstance(item, Result) else judge(item, baseline=baseline)
            if progress:
                progress()
        return
    todo = [item for item in items if isinstance(item, Job)]
    done = _in_workers(judge, todo, jobs, _chunk(len(todo), jobs, 8), partial(_lost, render=render))
    with closing(done):  # leaving the block terminates the workers
        for item in items:
            yield _rendered(item, render) if isinstance(item, Result) else next(done)
            if progress:
                progress()


def _chunk(count: int, jobs: int, tasks_per_worker: int) -> int:
    """Jobs a task: fewer round trips, still an even spread over the workers and live progress; at most MAX_CHUNK,
    the most documents a dying worker can take with it."""
    return max(1, min(MAX_CHUNK, count // (jobs * tasks_per_worker)))


def _tasks(todo: list, chunk: int, jobs: int) -> list[list]:
    """todo in consecutive tasks of `chunk` jobs, smaller towards the end (down to one job), so that the workers
    finish together instead of one waiting for the other's last big task."""
    tasks, start = [], 0
    while start < len(todo):
        size = max(1, min(chunk, (len(todo) - start) // (2 * jobs)))
        tasks.append(todo[start:start + size])
        start += size
    return tasks


def _in_workers(judge: Callable[[Any], T], todo: list, jobs: int, chunk: int, lost: Callable[[Any], T]) -> Iterator[T]:
    """judge(job) for every job, in order, by `jobs` worker processes, `chunk` jobs a task, one task a worker at a
    time. A worker that dies (the OOM killer, kill -9) loses only its task: those jobs are lost(job), and another
    worker takes its place, unless it was itself a replacement that died before judging anything (workers that
    cannot live); with no worker left, the tasks not yet handed out are lost too. Closing terminates the workers.

    Each worker has its own pipe, whose other end the main process does not hold: a worker's death is an end of
    file there, even in the middle of a message (a ProcessPoolExecutor's shared queue then waits forever)."""
    from multiprocessing.connection import wait

    tasks = _tasks(todo, chunk, jobs)
    ready: dict[int, list[T]] = {}  # judged, waiting for the tasks before them
    waiting = list(range(len(tasks)))[::-1]  # not handed out, the next last
    workers = [_Worker(judge) for _ in range(min(jobs, len(tasks)))]
    try:
        for number in range(len(tasks)):
            while number not in ready:
                for worker in workers:
                    if worker.task is None and waiting:
                        worker.give(waiting.pop(), tasks)
                if not workers:  # every worker died, and none could take its place
                    while waiting:
                        task = waiting.pop()
                        ready[task] = [lost(job) for job in tasks[task]]
                    continue
                for connection in wait([w.connection for w in workers if w.task is not None]):
                    worker = next(w for w in workers if w.connection is connection)
                    task, outcome = worker.task, worker.outcome()
                    if isinstance(outcome, BaseException):  # a pack or usage error raised in the worker
                        raise outcome
                    if outcome is not None:
                        ready[task] = outcome
                        continue
                    ready[task] = [lost(job) for job in tasks[task]]
                    workers.remove(worker)
                    if worker.judged or not worker.replacement:
                        workers.append(_Worker(judge, replacement=True))
            yield from ready.pop(number)
    finally:
        for worker in workers:
            worker.stop()


class _Worker:
    """One worker process with its own pipe: a task (a list of jobs) down, the list of judged() back."""

    def __init__(self, judge: Callable[[Any], Any], replacement: bool = False) -> None:
        import multiprocessing

        self.connection, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_serve, args=(theirs, judge, os.getpid()), daemon=True)
        self.process.start()
        theirs.close()  # held by the worker only: its death is an end of file here
        self.task: int | None = None
        self.judged = 0
        self.replacement = replacement

    def give(self, task: int, tasks: list[list]) -> None:
        self.task = task
        try:
            self.connection.send(tasks[task])
        except OSError:
            pass  # it died: outcome() reads the end of file

    def outcome(self) -> list | BaseException | None:
        """What the worker sent back for its task, or None if it died."""
        try:
            outcome = self.connection.recv()
        except (EOFError, OSError):
            self.stop()
            return None
        self.task = None
        self.judged += 1
        return outcome

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()  # dies at once: see _worker_signals
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _serve(connection, judge: Callable[[Any], Any], parent: int) -> None:
    _worker_signals()
    _die_with(parent)
    while True:
        try:
            jobs = connection.recv()
        except (EOFError, OSError):  # the main process is gone (or going: a reset pipe)
            return
        try:
            outcome = [judge(job) for job in jobs]
        except Exception as exc:  # noqa: BLE001 - raised again in the main process
            outcome = exc
        try:
            connection.send(outcome)
        except OSError:  # the main process closed its end while stopping: nothing to report, and no traceback
            return


def _lost(job: Job, render: Callable[[Result], str] | None) -> tuple[Result, str | None]:
    """A document whose worker died under it: an error result, rendered here like an input error."""
    return _rendered(Result(source=job.source, error=("internal", WORKER_GONE)), render)


def judged(job: Job, config: Config, render: Callable[[Result], str] | None = None,
           baseline: Document | None = None) -> tuple[Result, str | None]:
    """One job judged (light, for the way back from a worker) and rendered if asked."""
    return _rendered(run_job(job, config, baseline), render)


def _rendered(result: Result, render: Callable[[Result], str] | None) -> tuple[Result, str | None]:
    """With a renderer, the text and only the verdict: what the main process needs for the batch summary and
    the exit code, a twentieth of the whole result to send back."""
    if render is None:
        return result, None
    return verdict(result), render(result)


def verdict(result: Result) -> Result:
    """The result without its document, findings and the wording and evidence of its elements."""
    elements = tuple(replace(e, message="", suggestion="", basis=(), evidence=()) for e in result.elements)
    return replace(result, document=None, findings=(), elements=elements)


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process (which stops them) and die at once on SIGTERM from it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _die_with(parent: int) -> None:
    """On Linux, ask the kernel for SIGTERM when the main process dies, even by kill -9 (which runs none of its
    clean-up): a worker must never outlive it, stuck sending results nobody reads. Elsewhere a worker still ends
    at the end of file of its pipe."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the main process died before the request took effect
        os._exit(0)


def run_job(job: Job, config: Config, baseline: Document | None = None) -> Result:
    from checker.audit import audit_source
    from checker.packs.loader import load_pack

    pack = load_pack(job.pack) if job.pack else None
    if baseline is None and job.baseline:
        try:
            baseline = _read_report(job.baseline, job.encoding, job.max_bytes)
        except InputError:  # read when the pair was made; gone since: the report is still judged, without it
            baseline = None
    return for_report(audit_source(job.source, pack, job.encoding, job.fail_under, baseline, job.level,
                                   config.apply, job.max_bytes))


def for_report(result: Result) -> Result:
    """What the renderers need: the verdicts, evidence and metadata, without the document's text and offset map,
    so that a batch of thousands stays small in memory and cheap to send back from a worker."""
    if result.document is None:
        return result
    light = replace(result.document, raw="", text="", offsets=(0,), sections=(), chrome=(), page_starts=(),
                    sentence_ends=())
    return replace(result, document=light)
