"""Caches shipped with the wheel, so that the first run after `pip install` is as quick as any other.

Without them the first run spends most of a second building the word dictionary from jieba's dict.txt and
compiling the rule packs' regular expressions (checker.caches keeps both for later runs). While the wheel is built,
hatch_build.py runs checker.warm, which writes them, and ships them as checker/prebuilt/: the dictionary keyed by the
content of the dict.txt it was built from (the installed jieba's file lies elsewhere than the build's), and the
compiled programs of the patterns an audit used, keyed by the Python that compiled them.

They are read only when the user's own cache has no usable entry, never written after the build, and trusted as the
package's code is: they come from the same wheel. An editable install has none and builds its caches on first use.
The patterns serve only the Python that built the wheel (its exact version): a wheel built on 3.11.7 and installed
on 3.12 ships them in vain, and its first run compiles them (about 0.2 s more); the dictionary serves any Python.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "prebuilt"
DICTIONARY = "words.bin"


def read(name: str) -> bytes | None:
    """The shipped cache file of this name, None when this install has none."""
    try:
        return (FOLDER / name).read_bytes()
    except OSError:
        return None
