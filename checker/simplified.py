"""Traditional characters read as their simplified forms, one character for one, so that a report copied through a
mirror site in traditional script (會議, 行政復議, 40項) is judged like the original.

The table is OpenCC's (TSCharacters.txt, shipped by the opencc-purepy package), read without importing the package
and only when a text has traditional characters. One for one keeps every offset: evidence still quotes the user's
own characters. Without the package the text is left as it is.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

# Frequent characters that exist only in traditional script; a few of them mark a traditional text.
TELLTALE = frozenset("們這個國會發區縣設機關與為進議員過時對說來學應項務實現經濟開權規範辦請報導鄉鎮處續習審監督")
TELLTALE_CHAR = re.compile("[" + "".join(sorted(TELLTALE)) + "]")  # found by the engine: a set looks up every character
ENOUGH = 3


def simplify(text: str) -> str:
    """text with traditional characters replaced by their simplified forms, if it is in traditional script."""
    if len(set(TELLTALE_CHAR.findall(text))) < ENOUGH:
        return text
    table = _table()
    return text.translate(table) if table else text


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    spec = importlib.util.find_spec("opencc_purepy")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "dicts" / "TSCharacters.txt"
    table = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    for line in lines:
        traditional, _, simplified = line.partition("\t")
        first = simplified.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1:
            table[ord(traditional)] = ord(first)
    return table
