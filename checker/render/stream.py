"""The streaming protocol of the --format renderers, so a batch of thousands of documents is never held in memory.

`add(result)` is called once per document as it is judged, in input order; `chunks()` then yields the whole output
in str or bytes pieces. Most formats put something about the whole batch (counts, a summary table, the rule list) in
front of the documents, so SpooledStream writes each document's part to a spool file at once, keeps in memory only
what the frame needs, and at the end yields head, the spooled parts, tail.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from typing import Protocol

from checker.model import Result

SPOOL_IN_MEMORY = 8 << 20  # bytes a spool keeps in memory before it moves to a temporary file
READ_SIZE = 1 << 16


class Stream(Protocol):
    def add(self, result: Result) -> None: ...

    def chunks(self) -> Iterator[str] | Iterator[bytes]: ...


class SpooledStream:
    """Subclasses write part() for one document (keeping what head() and tail() will need) and the frame."""

    binary = False  # True: chunks are UTF-8 bytes, for formats whose exact bytes are the contract (csv's BOM)

    def __init__(self) -> None:
        # newline="": the text comes back exactly as written (csv's CRLF, a stray CR in a document's text)
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY, mode="w+", encoding="utf-8",
                                                    newline="")
        self.documents = 0
        self.passed = 0
        self.errors = 0

    @property
    def failed(self) -> int:
        return self.documents - self.passed - self.errors

    def add(self, result: Result) -> None:
        self._spool.write(self.part(result))
        self.documents += 1
        self.passed += result.passed
        self.errors += result.error is not None

    def part(self, result: Result) -> str:
        """The text of one document; self.documents is the number of documents before it."""
        raise NotImplementedError

    def head(self) -> Iterable[str]:
        return ()

    def tail(self) -> Iterable[str]:
        return ()

    def chunks(self) -> Iterator[str] | Iterator[bytes]:
        pieces = self._pieces()
        return (piece.encode("utf-8") for piece in pieces) if self.binary else pieces

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
