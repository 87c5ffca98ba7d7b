"""The streaming protocol of the --format renderers, so a batch of thousands of documents is never held in memory.

`add(result)` is called once per document as it is judged, in input order; after each, `ready()` yields what can
be written already, and at the end `chunks()` yields the rest, in str or bytes pieces. Most formats put something
about the whole batch (counts, a summary table, the rule list) in front of the documents, so SpooledStream writes
each document's part to a spool file at once, keeps in memory only what the frame needs, and at the end yields
head, the spooled parts, tail. A format whose head needs nothing from the batch is a LiveStream: its head and each
document go out as soon as they are known (the first report is on screen while the last is still being judged).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from checker.model import Result

SPOOL_IN_MEMORY = 8 << 20  # bytes a spool keeps in memory before it moves to a temporary file
READ_SIZE = 1 << 16


class Stream(Protocol):
    def add(self, result: Result) -> None: ...

    def chunks(self) -> Iterator[str] | Iterator[bytes]: ...


def ready(stream: Stream) -> Iterator[str] | Iterator[bytes]:
    """What the stream can write now; a stream without a ready() method writes everything through chunks()."""
    method = getattr(stream, "ready", None)
    return method() if method is not None else iter(())


class _Tally:
    """What both kinds of stream keep: the counts for the frame and the exit code, the head and tail of the format
    (nothing by default), and how pieces go out (UTF-8 bytes for formats whose exact bytes are the contract)."""

    binary = False  # True: chunks are UTF-8 bytes (csv's BOM)

    def __init__(self) -> None:
        self.documents = 0
        self.passed = 0
        self.errors = 0

    @property
    def failed(self) -> int:
        return self.documents - self.passed - self.errors

    def head(self) -> Iterable[str]:
        return ()

    def tail(self) -> Iterable[str]:
        return ()

    def _count(self, result: Result) -> None:
        self.documents += 1
        self.passed += result.passed
        self.errors += result.error is not None

    def _out(self, pieces: Iterable[str]) -> Iterator[str] | Iterator[bytes]:
        return (piece.encode("utf-8") for piece in pieces) if self.binary else iter(pieces)


class LiveStream(_Tally):
    """Subclasses write head() (nothing about the batch), render() for one document (a function of the result
    alone, so that the worker that judged it can run it), place() to put it in the stream, and tail()."""

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[str] = []

    def add(self, result: Result, rendered: str | None = None) -> None:
        """Add a document, rendered here or already by render() (then result may be its verdict alone)."""
        if not self.documents:
            self._pending.extend(self.head())
        self._pending.append(self.place(self.render(result) if rendered is None else rendered))
        self._count(result)

    @staticmethod
    def render(result: Result) -> str:
        raise NotImplementedError

    def place(self, rendered: str) -> str:
        """One rendered document as it goes into the output; self.documents is the number before it."""
        return rendered

    def ready(self) -> Iterator[str] | Iterator[bytes]:
        pieces, self._pending = self._pending, []
        return self._out(pieces)

    def chunks(self) -> Iterator[str] | Iterator[bytes]:
        if not self.documents:
            self._pending.extend(self.head())
        self._pending.extend(self.tail())
        return self.ready()


class SpooledStream(_Tally):
    """Subclasses write part() for one document (keeping what head() and tail() will need) and the frame."""

    def __init__(self) -> None:
        import tempfile  # only where a format spools: not on the default path

        super().__init__()
        # newline="": the text comes back exactly as written (csv's CRLF, a stray CR in a document's text)
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY, mode="w+", encoding="utf-8",
                                                    newline="")

    def add(self, result: Result) -> None:
        self._spool.write(self.part(result))
        self._count(result)

    def part(self, result: Result) -> str:
        """The text of one document; self.documents is the number of documents before it."""
        raise NotImplementedError

    def ready(self) -> Iterator[str] | Iterator[bytes]:
        return iter(())  # the head needs the whole batch: everything waits for chunks()

    def chunks(self) -> Iterator[str] | Iterator[bytes]:
        return self._out(self._pieces())

    def _pieces(self) -> Iterator[str]:
        try:
            yield from self.head()
            self._spool.seek(0)
            while chunk := self._spool.read(READ_SIZE):
                yield chunk
            yield from self.tail()
        finally:
            self._spool.close()


def feed(stream: Stream, results: Iterable[Result]) -> Iterator[str] | Iterator[bytes]:
    """Every result into the stream, then its chunks: what the pure render_* functions join."""
    for result in results:
        stream.add(result)
    return stream.chunks()
