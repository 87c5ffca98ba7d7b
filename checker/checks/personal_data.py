"""Personal data that must not be published: 身份证号 with a valid check digit, 手机号, bank card numbers (Luhn).

The text shown in a finding is masked, so the report does not spread the number further.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checker.checks.base import Context, Covering
from checker.model import Finding, Span

ID_CARD = re.compile(r"(?=\d)(?<![0-9A-Za-z])(\d{6})((?:19|20)\d{2})(\d{2})(\d{2})\d{3}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?=[+81])(?<![0-9A-Za-z\-.])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})"
                    r"(?![0-9A-Za-z.]|\s?(?:元|万|亿|件|人|个|项|次|户|平方|立方|吨|公里|米|%))")
CARD = re.compile(r"(?=\d)(?<![0-9A-Za-z])(?:\d[\s]?){15,18}\d(?![0-9A-Za-z])")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def id_card_valid(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1900:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], WEIGHTS))
    return CHECK[total % 11] == number[17].upper()


def luhn_valid(number: str) -> bool:
    digits = [int(d) for d in number]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mask(number: str) -> str:
    keep = 3 if len(number) <= 11 else 4
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]


def run(ctx: Context) -> Iterator[Finding]:
    """A number that overlaps one already reported is left out. The matches of one pattern never overlap each other,
    so each pattern asks only the spans taken before it, by bisection (Covering)."""
    taken: list[Span] = []
    for m in ID_CARD.finditer(ctx.text):
        if id_card_valid(m.group()):
            taken.append(Span(*m.span()))
            yield ctx.finding(m.start(), m.end(), "公开文本中含有居民身份证号码", text=mask(m.group()))
    earlier = Covering(taken)
    for m in MOBILE.finditer(ctx.text):
        if earlier.overlaps(Span(*m.span())):
            continue
        digits = "".join(m.group(1, 2, 3))
        taken.append(Span(*m.span()))
        yield ctx.finding(m.start(), m.end(), "公开文本中含有手机号码", text=mask(digits))
    earlier = Covering(taken)
    for m in CARD.finditer(ctx.text):
        if earlier.overlaps(Span(*m.span())):
            continue
        digits = re.sub(r"\s", "", m.group())
        if 16 <= len(digits) <= 19 and luhn_valid(digits) and len(set(digits)) > 2 and \
                re.search(r"卡号|银行|账号|帐号|开户", ctx.text[max(0, m.start() - 20):m.start()]):
            yield ctx.finding(m.start(), m.end(), "公开文本中含有银行卡号", text=mask(digits))
