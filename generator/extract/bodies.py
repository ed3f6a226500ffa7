"""Bodies and statements: the descriptions of offices, institutions, media and statements a mention holds.

``BodyReader`` holds an article's tokens and reads the parts of a mention that name a body rather than
a person: where the description of an office ends, an institution, a medium, a statement and who issued
it.  ``mentions.MentionFinder`` builds on it to read people.
"""

from __future__ import annotations

from dataclasses import dataclass

from .aliases import AliasIndex
from .lexicon import (
    ALL_CUES,
    COMPLEMENTIZERS,
    INSTITUTION_HEADS,
    MEDIA_HEADS,
    NAME_STOPS,
    PREPOSITIONS,
    RANK_ADJECTIVES,
    SELF_REFERENCES,
    STATEMENT_LINKS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    UNNAMED_LINKS,
    head_in,
    head_key,
    key_set,
    norm_set,
)
from .titles import OFFICE_NOUNS, plain_name_word
from .tokens import HARD_GAP, Token, lexicon_word, skip_letters, soft_gap, start_without_conjunction
from .words import is_definite, is_name_word, is_nisba, nisba_stem

COMPANY_HEADS = key_set("شركة مجموعة")
BODY_OR_TITLE_HEADS = INSTITUTION_HEADS | TITLE_HEADS
ADDRESSEES = norm_set("للصحفيين للصحافيين للصحافة للإعلام للبورصة للمستثمرين للمساهمين")


@dataclass(slots=True)
class Mention:
    first: int               # token range [first, last) of the name
    last: int
    phrase_first: int        # where the whole description starts, title included
    name: str
    actor: str | None
    kind: str                # person | named | official | institution | agency | anaphor
    head: str | None = None  # title key: lets «المسؤول» find «مسؤول في ...»
    governed: bool = False   # written with a joined preposition (لستولتنبرغ)
    role: str = "subject"    # subject | object | source | aside
    antecedent: Mention | None = None
    title: str | None = None  # the office written with the name: «وزير الخارجية الروسي»

    def resolved(self) -> Mention | None:
        return self.antecedent if self.kind == "anaphor" else self



class BodyReader:
    """An article's tokens, with the readers of offices, bodies, media and statements."""

    def __init__(self, text: str, tokens: list[Token], aliases: AliasIndex, quoted: list[bool]) -> None:
        self.text = text
        self.tokens = tokens
        self.aliases = aliases
        self.quoted = quoted
        self._last_by_head: dict[str, Mention] = {}
        self._holders: dict[str, list[Mention]] = {}  # title head → the people named with it, in order
        # the same for people named as objects («التقى وزير الدفاع X»): found by a full office only
        self._object_holders: dict[str, list[Mention]] = {}
        self._issuers: Mention | None = None  # who issued the last statement named with its issuers

    def _joined(self, k: int) -> bool:
        """Whether tokens ``k`` and ``k + 1`` are separated by nothing but a space or a soft mark."""
        return soft_gap(self.text, self.tokens[k], self.tokens[k + 1])

    def _adjectives_end(self, k: int) -> int:
        """Index after the nisba adjectives from ``k`` on: «الدبلوماسي الإثيوبي»."""
        while k < len(self.tokens) and not self.quoted[k] and is_nisba(self.tokens[k].norm, definite=True):
            k += 1
        return k

    def _nationality(self, first: int, last: int) -> str | None:
        """The state named by a nisba in an unnamed description: «مسؤولون أمريكيون» → أمريكا."""
        for k in range(first, last):
            actor = self._nationality_word(self.tokens[k].norm)
            if actor:
                return actor
        return None

    def _nationality_word(self, word: str) -> str | None:
        """The state a nisba (أمريكيين) or a plural of people (روس → روسيا) refers to, if known."""
        stem = nisba_stem(word) or (None if is_definite(word) else word)
        return self.aliases.single_word_actor(stem) if stem and len(stem) >= 3 else None

    def _coordinated_in_name(self, j: int) -> bool:
        """«وزارة الطاقة والبنية التحتية»: a definite word joined by و inside a body's name, followed by its
        adjective or by the end of the name."""
        word = self.tokens[j].norm
        if not word.startswith("وال") or head_in(word, BODY_OR_TITLE_HEADS):
            return False
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return nxt is None or is_nisba(nxt.norm, definite=True) or self._ends_name(j + 1)

    def _title_end(self, i: int, *, unnamed: bool, body: bool = False) -> int:
        """Index after the description of an office: «المتحدث باسم وزارة الخارجية الروسية»."""
        j = i + 1
        brand = False
        while j < len(self.tokens) and j - i < 10 and not self.quoted[j]:
            if not soft_gap(self.text, self.tokens[j - 1], self.tokens[j]):
                break
            word = self.tokens[j].norm
            found = self.aliases.match(self.text, self.tokens, j)
            if found and not found.alias.agency and (found.clitics or self._office_continues(j)):
                j = found.end
                continue
            if brand and not (is_nisba(word, definite=True) or self._company_name_word(i, j)):
                break  # «شركة أبل عملاق التكنولوجيا»: the description after the brand is not the name
            key = head_key(word)
            # «وزارة الصحة», «هيئة مكافحة الفساد»: an indefinite noun of the name governs the next one.
            construct = not is_definite(self.tokens[j - 1].norm) and (
                is_definite(word) or (j + 1 < len(self.tokens) and is_definite(self.tokens[j + 1].norm)
                                      and self._joined(j) and is_name_word(self.tokens[j])))
            genitive = construct and j - i <= 3
            office_word = (key in TITLE_MODIFIERS or key in TITLE_HEADS or key in INSTITUTION_HEADS
                           or (body and (key in OFFICE_NOUNS or genitive or self._coordinated_in_name(j))))
            unnamed_word = (word in RANK_ADJECTIVES or word in UNNAMED_LINKS or is_nisba(word, definite=False)
                            or (j == i + 1 and self._nationality_word(word) is not None))
            if office_word or is_nisba(word, definite=True) or (unnamed and unnamed_word):
                j += 1
                continue
            if body and self._company_name_word(i, j):
                brand = j == i + 1
                j += 1
                continue
            if unnamed and found and not found.alias.agency:
                j = found.end
                continue
            if word in UNNAMED_LINKS and j + 1 < len(self.tokens) and self._names_a_body(j + 1):
                j += 1  # «النائب في البرلمان الأوروبي», «عضو في مجلس الشيوخ»
                continue
            break
        while j - 1 > i and (self.tokens[j - 1].norm in UNNAMED_LINKS or self.tokens[j - 1].norm in PREPOSITIONS):
            j -= 1  # «مسؤول في الاتحاد الأوروبي لـ"رويترز"»: the trailing لـ belongs to what follows
        return j

    def _company_name_word(self, i: int, j: int) -> bool:
        """A word of a company's own name: its brand right after «شركة» («شركة أبل»), or what it makes,
        joined with «لل» («شركة الشرقية للدخان», «الشركة المصرية للاتصالات»), but not whom it told."""
        if head_in(self.tokens[i].norm, COMPANY_HEADS) is None:
            return False
        word = self.tokens[j].norm
        if word.startswith("لل") and len(word) > 4:
            return word not in ADDRESSEES and head_in(word, MEDIA_HEADS) is None
        return (j == i + 1 and not is_definite(self.tokens[i].norm) and plain_name_word(self.tokens[j])
                and not is_definite(word) and not is_nisba(word, definite=False))  # «شركة حكومية»: any company

    def _names_a_body(self, k: int) -> bool:
        """Whether token ``k`` starts the name of a body: a known actor or «وزارة ...», «مجلس ...»."""
        found = self.aliases.match(self.text, self.tokens, k)
        if found is not None and not found.alias.agency:
            return True
        return head_in(self.tokens[k].norm, INSTITUTION_HEADS) is not None

    def _office_continues(self, j: int) -> bool:
        """Whether an alias at ``j`` completes an office («المتحدث باسم الكرملين») instead of naming its holder."""
        prev = self.tokens[j - 1].norm
        if prev in UNNAMED_LINKS:
            return True
        # A definite word («للحلف», «الأمريكي») completes the office; only an indefinite construct
        # noun («باسم», «لحلف», «رئيس») still needs the body that follows.
        if is_definite(prev) or prev.startswith("لل") or is_nisba(prev, definite=False) or prev in SELF_REFERENCES:
            return False
        key = head_key(prev)
        return key in TITLE_MODIFIERS or key in INSTITUTION_HEADS or key in TITLE_HEADS

    def _ends_name(self, k: int) -> bool:
        if k >= len(self.tokens):
            return True
        word = self.tokens[k].norm
        return (HARD_GAP.search(self.text[self.tokens[k - 1].end:self.tokens[k].start]) is not None
                or word in NAME_STOPS or lexicon_word(word, ALL_CUES) is not None)


    def _issuer_end(self, j: int) -> int:
        """Index after the issuers named from token ``j``: up to punctuation, «أن/إن» or a reporting word."""
        k = j
        while k < len(self.tokens) and k - j < 14 and not self.quoted[k]:
            word = self.tokens[k].norm
            if (k > j and not self._joined(k - 1)) or word in COMPLEMENTIZERS or lexicon_word(word, ALL_CUES):
                break
            k += 1
        return k

    def _issued_by_subject(self, i: int) -> None:
        """«أصدرت وزارة الطاقة السعودية ووزارة الطاقة الإماراتية بيانا مشتركا»: the issuers stand between
        the verb and the statement."""
        k = i - 1
        while k >= 0 and i - k <= 14 and not self.quoted[k] and not HARD_GAP.search(self._gap_before(k + 1)):
            if self.tokens[k].norm.removeprefix("و").startswith("اصدر"):
                # One issuer is the subject the statement already falls back to; several are named here.
                if any(t.norm.startswith("و") and len(t.norm) > 3 for t in self.tokens[k + 2:i]):
                    self._issuers = Mention(k + 1, i, k + 1, self._text(k + 1, i).strip(" ،,"), None,
                                            "institution")
                return
            k -= 1

    def _statement(self, i: int, key: str) -> Mention | None:
        """«بيان الكرملين», «بيان صادر عن الكرملين» stand for the body; a bare «البيان» refers back."""
        j = i + 1
        while j < len(self.tokens) and j - i <= 3 and not self.quoted[j] and self._joined(j - 1):
            if self.tokens[j].norm in STATEMENT_LINKS:
                j += 1
                if self.tokens[j - 1].norm == "عن" and j < len(self.tokens):
                    # «بيان مشترك صادر عن البنكين», «البيان المشترك صدر عن وزراء خارجية A وB»
                    end = self._issuer_end(j)
                    if end > j and not self.aliases.match(self.text, self.tokens, j):
                        self._issuers = Mention(j, end, i, self._text(j, end), None, "institution", head=key)
                        return self._issuers
                continue
            found = self.aliases.match(self.text, self.tokens, j)
            if found and not found.alias.agency:
                name = self._text(j, found.end, found.clitics)
                return Mention(j, found.end, i, name, found.alias.actor, "institution", head=key)
            if head_in(self.tokens[j].norm, INSTITUTION_HEADS):
                body = self._institution(j)
                body.head, body.phrase_first = key, i
                return body
            break
        if j == i + 1 and is_definite(self.tokens[i].norm):
            return Mention(i, j, i, self._text(i, j), None, "anaphor", head=key)
        return None

    def _media(self, i: int) -> Mention:
        j = i + 1
        while j < len(self.tokens) and j - i <= 3 and not HARD_GAP.search(self._gap_before(j)):
            if self.tokens[j].norm in NAME_STOPS or lexicon_word(self.tokens[j].norm, ALL_CUES):
                break
            j += 1
        return Mention(i, j, i, self._text(i, j), None, "agency")

    def _institution(self, i: int) -> Mention:
        j = self._title_end(i, unnamed=False, body=True)
        actor = self.aliases.actor_in(self.text, self.tokens, i, j)
        head = head_in(self.tokens[i].norm, INSTITUTION_HEADS)
        if j == i + 1 and actor is None and is_definite(self.tokens[i].norm) and head in self._last_by_head:
            # «الحركة» after «حركة الشباب الديمقراطي»: the body named before.
            return Mention(i, j, i, self._text(i, j), None, "anaphor", head=head)
        return Mention(i, j, i, self._text(i, j), actor, "institution", head=head)

    # -- helpers

    def _text(self, first: int, last: int, clitics: str = "") -> str:
        """Surface text of a token range, without joined clitics in front."""
        token = self.tokens[first]
        if not clitics:
            start = start_without_conjunction(self.text, token)
            while first > 0 and self.text[self.tokens[first - 1].end:start] == "-":
                first -= 1  # «آنا-ليسا برينكسون»: a hyphen joins the parts of one name
                start = self.tokens[first].start
            return self.text[start:self.tokens[last - 1].end]
        start = skip_letters(self.text, token.start, len(clitics))
        name = self.text[start:self.tokens[last - 1].end]
        if clitics.endswith("ل") and token.norm[len(clitics) - 1:].startswith("لل"):
            return "ا" + name  # للخارجية: the ل of the article was the one left after ل + ال
        return name

    def _gap_before(self, k: int) -> str:
        return self.text[self.tokens[k - 1].end:self.tokens[k].start]
