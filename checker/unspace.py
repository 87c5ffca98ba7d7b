"""Step 2, for any text: characters that an export set apart (法 治 政 府 建 设 , 2 0 2 4 年, as some PDF tools and
OCR put a space after every character) joined back, so that words, headings and figures read as the writer wrote them.

Only text that bears the mark is touched: most neighbouring Han characters have a space between them (counted in its
first SAMPLE characters: an export spaces a whole text, and a long one need not be counted through). A report with
a spaced title or 落款 (法 治 政 府 建 设 报 告 over ordinary text) is not such a text; its title is read without the
spaces where titles are found (structure/metadata.py). The offsets still point at the user's characters.
"""

from __future__ import annotations

import re
from array import array

from checker.normalise import HAN, without

SAMPLE = 5000  # characters
MIN_SPACED = 20  # pairs: a text shorter than this gives no mark to go by
SPACED_SHARE = 0.5  # of the neighbouring Han pairs, at least this many have a space between them
TIGHT = re.compile(f"[{HAN}](?=[{HAN}])")
SPACED = re.compile(f"[{HAN}] (?=[{HAN}])")
# a space with Han text or its marks on one side (、。《》“” and the full-width marks normalised to , ; : ( ) ! ?),
# or inside a figure (2 0 2 4, 1 2 . 5 %, 2 0 2 1 - 2 0 2 5); a space between two Latin words stays
JOINED = f"{HAN}、。《》“”‘’【】〔〕…—·,;:()!?"
GAP = re.compile(f"(?<=[{JOINED}]) (?=\\S)|(?<=\\S) (?=[{JOINED}])|(?<=[\\d.%\\-/]) (?=[\\d.%\\-/])")


def unspace(text: str, offsets: array) -> tuple[str, array]:
    """The text with the export's spaces taken out, and the offsets to match; the text itself when it is not
    letter-spaced."""
    sample = text[:SAMPLE]
    spaced = len(SPACED.findall(sample))
    if spaced < MIN_SPACED or spaced < SPACED_SHARE * (spaced + len(TIGHT.findall(sample))):
        return text, offsets
    return without(text, offsets, (m.span() for m in GAP.finditer(text)))
