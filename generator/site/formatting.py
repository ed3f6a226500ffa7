"""Arabic formatting: digits, dates, month names, date ranges, counted nouns and the site's labels.

One place for how the site writes a number or a date in Arabic, used by the templates (as filters),
the pictures, the open data and the extractor (which reads the same month names back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MONTHS: tuple[tuple[str, str], ...] = (
    ("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"), ("أبريل", "نيسان"),
    ("مايو", "أيار"), ("يونيو", "حزيران"), ("يوليو", "تموز"), ("أغسطس", "آب"),
    ("سبتمبر", "أيلول"), ("أكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"), ("ديسمبر", "كانون الأول"),
)
"""Arabic month names: the Egyptian/Gulf name, then the Levantine/Iraqi one."""

EASTERN_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
"""Western digits → Arabic-Indic (Eastern) digits."""

WESTERN_DIGITS = {**{v: k for k, v in EASTERN_DIGITS.items()}, **{0x06F0 + d: 0x30 + d for d in range(10)}}
"""Arabic-Indic and Persian digits → Western digits (a ``str.translate`` table), for reading dates back."""

LABELS: dict[str, dict[str, str]] = {
    "actor_kind": {"person": "شخص", "institution": "مؤسسة", "state": "دولة"},
    "actor_kind_plural": {"person": "الأشخاص", "institution": "المؤسسات", "state": "الدول"},
    "event_kind": {
        "meeting": "اجتماع", "talks": "محادثات", "phone-call": "اتصال هاتفي", "video-call": "اتصال عبر الفيديو",
        "press-conference": "مؤتمر صحفي", "interview": "مقابلة", "tweet": "تغريدة", "statement": "بيان",
        "written-response": "رد مكتوب", "visit": "زيارة", "briefing": "إحاطة صحفية",
    },
    "status": {"held": "جرى", "announced": "مُعلَن عنه"},
    "quote_kind": {"direct": "اقتباس مباشر", "paraphrase": "قول منقول بالمعنى"},
}
"""Arabic words for the values of the schema's enumerations."""


@dataclass(frozen=True)
class Noun:
    """The forms an Arabic noun takes after a number (عدد ومعدود)."""

    one: str
    """With واحد: ``حدث واحد``."""
    two: str
    """The dual: ``حدثان``."""
    few: str
    """3–10, the broken plural: ``3 أحداث``."""
    many: str
    """11–99, accusative singular: ``11 حدثًا``."""
    hundred: str
    """100, 200, … (and 101, 102), genitive singular: ``100 حدث``."""


EVENTS = Noun("حدث واحد", "حدثان", "أحداث", "حدثًا", "حدث")
"""How the site counts events."""


class Formatter:
    """Numbers and dates in the configured digits; one per build."""

    def __init__(self, digits: str = "western") -> None:
        self.digits = digits
        """``western`` (0-9) or ``eastern`` (٠-٩)."""

    def num(self, value: Any) -> str:
        """A number in the configured digits."""
        text = str(value)
        return text.translate(EASTERN_DIGITS) if self.digits == "eastern" else text

    def date_text(self, iso: str) -> str:
        """``2022-01-12`` → ``12 يناير/كانون الثاني 2022`` in the configured digits."""
        year, month, day = iso.split("-")
        gulf, levant = MONTHS[int(month) - 1]
        return self.num(f"{int(day)} {gulf}/{levant} {year}")

    def month(self, iso: str) -> str:
        """``2022-01`` (or a whole date) → ``يناير/كانون الثاني 2022``."""
        year, month = iso.split("-")[:2]
        gulf, levant = MONTHS[int(month) - 1]
        return self.num(f"{gulf}/{levant} {year}")

    def date_range(self, start: str, end: str | None) -> str:
        """``4 يناير/… 2022``; ``4–6 يناير/…`` within one month; ``30 ديسمبر/… – 2 يناير/…`` across months."""
        if not end:
            return self.date_text(start)
        if end[:7] == start[:7]:
            return f"{self.num(int(start[8:]))}–{self.date_text(end)}"
        return f"{self.date_text(start)} – {self.date_text(end)}"

    def counted(self, count: int, noun: Noun) -> str:
        """``count`` of ``noun``, the noun agreeing with the number: حدث واحد، حدثان، 3 أحداث، 11 حدثًا."""
        if count == 1:
            return noun.one
        if count == 2:
            return noun.two
        rest = count % 100
        if 3 <= rest <= 10:
            return f"{self.num(count)} {noun.few}"
        if 11 <= rest <= 99:
            return f"{self.num(count)} {noun.many}"
        return f"{self.num(count)} {noun.hundred}"  # 100, 101, 102, 200, …

    def events_phrase(self, count: int) -> str:
        """``count`` events in Arabic."""
        return self.counted(count, EVENTS)
