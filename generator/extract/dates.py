"""Dates written in an article: full dates in any of the month names and digits, weekdays, «أمس»."""

from __future__ import annotations

import datetime as dt
import re

from ..site.formatting import MONTHS
from .lexicon import RANGE_WORDS, WEEKDAYS, normalise

MONTH_NUMBERS: dict[str, int] = {
    **{normalise(name): i for i, names in enumerate(MONTHS, 1) for name in names},
    # Spellings the site never writes but articles do: the Maghreb's names and older transliterations.
    **{normalise(m): i for i, m in enumerate(
        "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر".split(), 1)},
    normalise("ابريل"): 4, normalise("إبريل"): 4, normalise("يونيه"): 6, normalise("يوليه"): 7,
}
"""Normalised month name → month number."""
MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTH_NUMBERS), key=len, reverse=True))
DATE_WORDS = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({MONTH_ALT})(?:\s*/\s*(?:{MONTH_ALT}))?(?:\s*[،,]?\s*(\d{{4}}))?(?!\d)"
)
DATE_YMD = re.compile(r"(?<!\d)(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)")
DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)")
RELATIVE_DAY = re.compile(r"(?<!\w)(?:" + "|".join([*WEEKDAYS, "امس", "اليوم"]) + r")(?!\w)")


# --- dates ----------------------------------------------------------------------------------------

def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def explicit_date(norm: str, reference: dt.date | None) -> dt.date | None:
    """The first date written out in normalised text; a missing year comes from ``reference``."""
    m = DATE_WORDS.search(norm)
    if m:
        day, month = int(m.group(1)), MONTH_NUMBERS[m.group(2)]
        if m.group(3):
            return safe_date(int(m.group(3)), month, day)
        if reference:
            return safe_date(reference.year - (1 if month > reference.month + 1 else 0), month, day)
        return None
    m = DATE_YMD.search(norm)
    if m:
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = DATE_DMY.search(norm)
    if m:
        return safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def document_date(text: str) -> dt.date | None:
    """The first full date in the article's opening lines: its publication date in most layouts."""
    return explicit_date(normalise(text[:600]), None)



def relative_date(region: str, reference: dt.date) -> dt.date | None:
    """A weekday (the last one on or before ``reference``), «أمس» or «اليوم» in normalised text."""
    for m in RELATIVE_DAY.finditer(region):
        before = region[:m.start()].split()
        if before and before[-1] in RANGE_WORDS:
            continue  # «من الثلاثاء إلى الخميس» dates a visit, not the statement
        word = m.group()
        if word in WEEKDAYS:
            return reference - dt.timedelta(days=(reference.weekday() - WEEKDAYS[word]) % 7)
        if word == "امس":
            return reference - dt.timedelta(days=1)
        following = region[m.end():].split()[:1]
        if not (following and following[0] in WEEKDAYS):  # «اليوم الجمعة»: the weekday decides
            return reference
    return None

