"""Speaker mentions: who an article names, with titles, as unnamed officials, bodies or agencies.

One left-to-right pass over the tokens finds title chains and the name they end in, known actors
(through their aliases), unnamed sources with their affiliation, institutions, statements and news
agencies, and gives each a role (subject, object, source, aside).
"""

from __future__ import annotations

import dataclasses

from .aliases import AliasMatch
from .bodies import BodyReader, Mention
from .lexicon import (
    ALL_CUES,
    ALL_HEADS,
    ATTRIBUTION_CUES,
    COMPLEMENTIZERS,
    COUNTERPART_WORDS,
    INSTITUTION_HEADS,
    ISSUED_STATEMENTS,
    MEDIA_HEADS,
    NAME_CONNECTORS,
    PREPOSITIONS,
    SPEECH_OPENERS,
    STATEMENT_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TRANSMIT_VERBS,
    UNNAMED_HEADS,
    UNNAMED_LINKS,
    head_in,
    head_key,
    key_set,
    norm_set,
    normalise,
    strip_article,
)
from .titles import (
    coordinated_office_word,
    folded_given_name,
    name_after_office,
    name_run,
    name_run_before,
    opens_topic_phrase,
    plain_name_word,
    plural_object,
    title_word_ends_name,
)
from .tokens import (
    DOUBLE_MARK,
    DOUBLE_MARKS,
    HARD_GAP,
    QUOTE_CHARS,
    SENTENCE_END,
    SOFT_GAP_CHARS,
    lexicon_word,
    soft_gap,
    start_without_conjunction,
)
from .words import is_definite, is_name_word, is_nisba, looks_like_present_verb, nisba_stem

# --- speaker mentions -----------------------------------------------------------------------------

SENIOR = norm_set("كبير وكبير")
ONE_OF = key_set("أحد إحدى")
FORMER = norm_set("السابق السابقة الأسبق الأسبقة")
CALLED = norm_set("يدعى ويدعى يدعي ويدعي واسمه اسمه تدعى وتدعى تدعي وتدعي واسمها اسمها")
"""Words that give the name of someone first described: «أحد المحتجين، ويدعى …»."""
GENERIC_ADJECTIVES = frozenset(
    strip_article(w) for w in norm_set("الفني الفنية التنفيذي التنفيذية العام العامة الرسمي"))
"""Adjectives of an office that say nothing of who holds it («المدير الفني»)."""
PERSON_HEADS = TITLE_HEADS | UNNAMED_HEADS
"""Heads of a description of a person, named or not (the unions below are built once, not per token)."""
CUES_AND_OPENERS = ALL_CUES | SPEECH_OPENERS
TRANSMISSION_WORDS = TRANSMIT_VERBS | norm_set("نقلا صادر صادرة")
"""«نقلت … عن», «نقلا عن», «صادر عن»: what puts the one after «عن» as the source of the words."""
OFFICIAL_KEY = head_key("مسؤول")
OFFICIAL_HEADS = key_set("مسؤول دبلوماسي")
"""Unnamed heads that, made definite («المسؤولة الروسية», «الدبلوماسي»), refer back to the last person."""
HONORIFICS = frozenset({"دكتور", "مهندس", "كابتن", "لواء"})
CLIENT_OFFICES = frozenset({"دفاع"})
"""Offices named after the one they serve: «دفاع المتهم X» is X's lawyer, never X."""
"""Title heads that are honorifics: the office, when written after the name, is the title."""
"""«كبير» heads an office only in «كبير الـ…»."""


class MentionFinder(BodyReader):
    """One left-to-right pass finding who could be speaking and what «المسؤول» or «البيان» refers to."""

    def all(self) -> list[Mention]:
        mentions: list[Mention] = []
        last_subject: Mention | None = None
        i = 0
        while i < len(self.tokens):
            mention = None if self.quoted[i] else self._at(i)
            if mention is None:
                if self.tokens[i].norm in COUNTERPART_WORDS and not self.quoted[i]:
                    self._counterpart(i, next((m for m in reversed(mentions) if m.kind == "person"), None))
                i += 1
                continue
            mention = self._shortened_body(mention)
            mention.role = self._role(mention, mentions)
            if mention.kind == "person" and mention.head:
                held = self._holders if mention.role != "object" else self._object_holders
                held.setdefault(mention.head, []).append(mention)
            if mention.kind == "anaphor" and mention.antecedent is None:
                mention.antecedent = self._last_by_head.get(mention.head or "")
                if mention.antecedent is not None and mention.antecedent.kind == "anaphor":
                    # «محافظ الغربية» standing for the governor named before: «المحافظ» is that person too
                    mention.antecedent = mention.antecedent.antecedent
                if mention.antecedent is None and mention.head in STATEMENT_HEADS:
                    # «أصدر الكرملين بيانا ... وتابع البيان»; a joint statement speaks for all its issuers.
                    mention.antecedent = self._issuers or last_subject
                elif (mention.antecedent is None and mention.head in OFFICIAL_HEADS and last_subject is not None
                      and last_subject.kind == "person" and self._same_country(mention, last_subject)):
                    # «ونفت المسؤولة الروسية …», «وقال الدبلوماسي» after Zakharova spoke: the official is she
                    mention.antecedent = last_subject
                if mention.antecedent is None and mention.head in OFFICIAL_HEADS:
                    mention.kind = "official"  # «المسؤول الروسي» after an American: unnamed, speaking himself
            elif mention.head and (mention.role != "object" or mention.kind == "institution") and not (
                    mention.kind == "institution" and mention.last - mention.first == 1
                    and not is_definite(self.tokens[mention.first].norm)):
                # (a bare indefinite «شركة» — «إن شركة حكومية قلدت شعارها» — is no company to refer back to)
                # «التفاوض مع مدرب أجنبي … ولفت المدرب»: a later «المدرب» means the one who spoke.
                self._last_by_head[mention.head] = mention
            if mention.kind in ("official", "anaphor") and mention.antecedent is None and self._former(mention):
                # «وأشار رئيس الوزراء الهولندي السابق»: a former office, with no name, describes the person
                # the story is about; a former holder no longer speaks for the office.
                person = next((m.resolved() for m in reversed(mentions) if m.role == "subject"
                               and m.resolved() is not None and m.resolved().kind in ("person", "named")), None)
                if person is not None:
                    mention.kind, mention.antecedent = "anaphor", person
            if (mention.kind != "agency" and mention.role == "subject" and mention.resolved() is not None
                    and not self._inside_reported(mention.phrase_first)):
                last_subject = mention.resolved()
            mentions.append(mention)
            i = mention.last
        for mention in mentions:
            definite_office = mention.kind == "official" and is_definite(self.tokens[mention.first].norm) and (
                mention.head not in UNNAMED_HEADS)
            if (mention.kind == "anaphor" or definite_office) and mention.antecedent is None and (
                    mention.head not in STATEMENT_HEADS):
                mention.antecedent = self._later_holder(mention)
                if mention.antecedent is not None:
                    mention.kind = "anaphor"
        return mentions

    def _same_country(self, mention: Mention, person: Mention) -> bool:
        """Whether no relational adjective of ``mention`` («الروسية») contradicts those of the person's
        title («وزير الخارجية الأمريكي» is no «المسؤول الروسي»)."""
        mine = {nisba_stem(t.norm) for t in self.tokens[mention.first + 1:mention.last]} - {None}
        theirs = {nisba_stem(w) for w in normalise(person.title or "").split() if is_nisba(w, definite=True)}
        return not (mine and theirs and not mine & theirs)

    def _later_holder(self, mention: Mention) -> Mention | None:
        """«الرئيس الأوكراني يقول إن …» in a headline, «الرئيس الأوكراني فولوديمير زيلينسكي» in the body:
        an office named before its holder is his, when its adjectives fit one person named later."""
        words = _title_words(self._text(mention.first + 1, mention.last)) if mention.last > mention.first + 1 else set()
        if not words - GENERIC_ADJECTIVES:
            return None  # a bare «الوزير» names nobody in particular
        # the lead often writes the office in full and the body short, or the other way round
        fitting = [h for h in self._holders.get(mention.head or "", []) if h.first >= mention.last and (
            words <= (held := _title_words(h.title)) or held - {mention.head} <= words)]
        return fitting[0] if len({h.name for h in fitting}) == 1 else None

    def _shortened_body(self, mention: Mention) -> Mention:
        """«وزارة الخارجية» after «وزارة الخارجية الروسية»: a body's name cut short stands for the body
        named in full before, whatever else the short name could name («الخارجية» alone is also the
        American one in the actors' aliases)."""
        earlier = self._last_by_head.get(mention.head or "") if mention.kind in ("institution", "named") else None
        if earlier is None or earlier.kind not in ("institution", "named") or earlier.last - earlier.first <= (
                mention.last - mention.first):
            return mention
        words = [strip_article(t.norm.removeprefix("و")) for t in self.tokens[mention.first:mention.last]]
        if words != [strip_article(t.norm.removeprefix("و")) for t in self.tokens[earlier.first:earlier.first
                                                                                     + len(words)]]:
            return mention
        return dataclasses.replace(mention, kind="anaphor", actor=None, antecedent=earlier)

    def _former(self, mention: Mention) -> bool:
        """Whether an office is qualified as former («السابق», «الأسبق»)."""
        return any(self.tokens[k].norm in FORMER for k in range(mention.first + 1, mention.last))

    def _inside_reported(self, k: int) -> bool:
        """Whether token ``k`` follows an «أن/إن» in its sentence: a subject of what was said, not a speaker."""
        for j in range(k - 1, max(-1, k - 16), -1):
            if SENTENCE_END.search(self.text[self.tokens[j].end:self.tokens[j + 1].start]):
                return False
            if self.tokens[j].norm in COMPLEMENTIZERS:
                return True
        return False

    def _counterpart(self, i: int, last_person: Mention | None) -> None:
        """«نظيره الألماني بوريس ليندوريوس»: the name holds the same office as the one before, with its
        own adjectives; recorded so that «الوزير الألماني» later finds him."""
        if last_person is None or not last_person.head:
            return
        j = self._adjectives_end(i + 1)
        end = name_run(self.tokens, self.quoted, j, min(len(self.tokens), j + 4))
        # «نظيره الروسي، فلاديمير بوتين، إجراء مفاوضات»: the comma after the name ends it
        end = next((m for m in range(j + 1, end) if not self._joined(m - 1)), end)
        if end > j:
            person = Mention(j, end, i, self._text(j, end), None, "person", head=last_person.head,
                             title=self._text(i, j), role="object")
            self._holders.setdefault(last_person.head, []).append(person)

    def _at(self, i: int) -> Mention | None:
        """The mention starting at token ``i``, or None."""
        word = self.tokens[i].norm
        key = head_in(word, PERSON_HEADS)
        if key in ONE_OF and is_definite(word):
            key = None  # «يوم الأحد»: Sunday, not «أحد المسؤولين»
        if key is None and word in SENIOR and i + 1 < len(self.tokens) and is_definite(self.tokens[i + 1].norm):
            key = "كبير"  # «كبير الاقتصاديين», «كبير المفاوضين»: an office only before a definite plural
        if key:
            return self._described_person(i, key)
        key = head_in(word, STATEMENT_HEADS)
        if key:
            office = head_in(self.tokens[i + 1].norm[1:], TITLE_HEADS) if i + 1 < len(self.tokens) and (
                self.tokens[i + 1].norm[:1] == "ل" and self._joined(i) and not self.quoted[i + 1]) else None
            if office and office not in UNNAMED_HEADS:
                # «جاء في منشور لوزير الخارجية العماني»: the words of the one named before with that office
                j = self._title_end(i + 1, unnamed=False)
                holder = self._holder_of(office, i + 1, j) or self._holder_by_body(i + 1, j)
                if holder is not None:
                    return Mention(i + 1, j, i, self._text(i + 1, j), None, "anaphor", head=office, antecedent=holder)
            return self._statement(i, key)
        if word in ISSUED_STATEMENTS:
            self._issued_by_subject(i)
            return None
        found = self.aliases.match(self.text, self.tokens, i)
        if found:
            return self._alias_mention(i, found)
        if head_in(word, MEDIA_HEADS):
            return self._media(i)
        if head_in(word, INSTITUTION_HEADS):
            body = self._institution(i)
            if body.kind == "institution" and body.last == i + 1 and body.actor is None and not is_definite(word):
                return None  # «لاحظت حركة قرب المخزون»: a common noun; a body is named («حركة حماس») or definite
            return body
        return None

    # -- kinds of mention

    def _alias_mention(self, i: int, found: AliasMatch) -> Mention:
        governed = any(c in found.clitics for c in "بلك")
        if found.alias.agency:
            return Mention(i, found.end, i, self._text(i, found.end, found.clitics), None, "agency", governed=governed)
        first = i
        # Given names written before a known surname: «ينس» + «ستولتنبرغ».  A definite alias names a
        # body, and a word with a joined و is far more often a verb («وأصدر») than a given name.
        body = head_in(self.tokens[i].norm, INSTITUTION_HEADS) is not None  # «هاجمت وزارة الخارجية»: no given name
        while (
            not found.clitics and not body and not is_definite(self.tokens[i].norm) and first > 0 and i - first < 2
            and not self.quoted[first - 1] and not self.tokens[first - 1].norm.startswith("و")
            and is_name_word(self.tokens[first - 1]) and self._joined(first - 1)
        ):
            first -= 1
        if first < i and not self._starts_phrase(first):
            first = i
        name = self._text(first, found.end, "" if first < i else found.clitics)
        # «وزارة الخارجية الروسية» known by name is still a ministry: «الوزارة» later refers back to it
        head = head_in(self.tokens[first].norm, INSTITUTION_HEADS) if not found.clitics else None
        return Mention(first, found.end, first, name, found.alias.actor, "named", head=head, governed=governed)

    def _starts_phrase(self, k: int) -> bool:
        """Whether token ``k`` can begin a noun phrase, so taking it as a given name is safe."""
        if k == 0 or HARD_GAP.search(self.text[self.tokens[k - 1].end:self.tokens[k].start]):
            return True
        prev = self.tokens[k - 1].norm
        return (prev in COMPLEMENTIZERS or prev in PREPOSITIONS or prev in COUNTERPART_WORDS
                or lexicon_word(prev, ALL_CUES) is not None or head_in(prev, ALL_HEADS) is not None
                or head_key(prev) in TITLE_MODIFIERS or is_nisba(prev, definite=True))

    def _described_person(self, i: int, key: str) -> Mention:
        unnamed = key in UNNAMED_HEADS and not self._office_of_affairs(i, key)
        j = self._title_end(i, unnamed=unnamed)
        if not unnamed and is_definite(self.tokens[i].norm) and key not in CLIENT_OFFICES:
            # «قالت هالة جلال المدير الفني لمهرجان أسوان …»: a definite office right after the name the
            # verb took is that name's apposition; what the office governs names no one.
            holder = self._named_before(i, key, j)
            if holder is not None and lexicon_word(self.tokens[holder.first - 1].norm, ALL_CUES):
                return holder
        name = self._name_after_title(j, known_only=unnamed)
        known = name is not None and self.aliases.actor_in(self.text, self.tokens, *name) is not None
        if not unnamed and not known:
            # Unless the name is an actor's, read the whole chain: the office words the short chain
            # above knows stop too early («رئيس الوفد الإثيوبي إلى المفاوضات سيليشي تاديلي»).
            titled = name_after_office(self.text, self.tokens, self.quoted, i)
            if titled is not None and (name is None or self.aliases.actor_in(
                    self.text, self.tokens, titled.name_first, titled.name_last) is None):
                name = (titled.name_first, titled.name_last)
            elif titled is None and name is not None and (
                    not plain_name_word(self.tokens[name[0]]) or plural_object(self.tokens, *name)
                    or coordinated_office_word(self.text, self.tokens, name[0])):
                name = None  # «مديرة قسم التطعيم»: an office noun the short chain took for a name
        if key in CLIENT_OFFICES:
            name = None  # «دفاع الراهب سيداروس»: the one named after «دفاع» is the client, not the lawyer
        if unnamed and name is None:
            name = self._called(j)  # «أحد منظمي الاحتجاج، ويدعى سالم المغربي»
        if unnamed and name is None and j > i + 2 and self.tokens[i + 1].norm in UNNAMED_LINKS:
            name = self._named_official(j)  # «مسؤول في شرطة المدينة، سامي الرفاعي، لإذاعة …»
        if name:
            first, last = name
            actor = self.aliases.actor_in(self.text, self.tokens, first, last)
            person = Mention(first, last, i, self._text(first, last), actor, "person", head=key,
                             title=self._title_text(i, first))
            self._apposition(person, last)
            return person
        if not unnamed:
            holder = self._named_before(i, key, j)
            if holder is not None:
                return holder
        adjectives_end = self._adjectives_end(i + 1)
        if is_definite(self.tokens[i].norm) and (self._ends_name(adjectives_end) or key in OFFICIAL_HEADS):
            # («ونفت المسؤولة الروسية اتهامات …»: the definite official refers back, whatever follows)
            # «الوزير», «الدبلوماسي الإثيوبي»: a definite description refers back to someone named; its
            # adjectives pick among the holders («الوزير الألماني» after «نظيره الألماني»).
            holder = self._holder_of(key, i, adjectives_end) if adjectives_end > i + 1 else None
            return Mention(i, j, i, self._text(i, j), None, "anaphor", head=key, antecedent=holder)
        named = None if unnamed else (self._holder_of(key, i, j) or self._holder_by_body(i, j))
        if named is not None:
            # «وأضاف وزير المالية أن»: an office without a name, held by someone named before.
            return Mention(i, j, i, self._text(i, j), None, "anaphor", head=key, antecedent=named)
        actor = self.aliases.actor_in(self.text, self.tokens, i + 1, j)
        if actor is None and unnamed:
            actor = self._nationality(i + 1, j)
        if not unnamed:
            j = max(j, self._title_end(i, unnamed=False, body=True))  # «رئيس الوفد الروسي», not «رئيس»
        return Mention(i, j, i, self._text(i, j), actor, "official", head=key)

    def _office_of_affairs(self, i: int, key: str) -> bool:
        """«مسؤولة السياسة الخارجية في الاتحاد الأوروبي، كايا كالاس»: «مسؤول» governing a definite noun
        is an office with a holder, where «مسؤول أمريكي» or «المسؤول الروسي» describes an unnamed one."""
        if key != OFFICIAL_KEY or is_definite(self.tokens[i].norm) or i + 1 >= len(self.tokens):
            return False
        following = self.tokens[i + 1].norm
        return following.startswith("ال") and not is_nisba(following, definite=True) and self._joined(i)

    def _called(self, k: int) -> tuple[int, int] | None:
        """The name after «ويدعى»/«واسمه» that follows an unnamed description ending near ``k``."""
        end = min(len(self.tokens) - 1, k + 4)
        while k < end and self.tokens[k].norm not in CALLED and not self.quoted[k] and not SENTENCE_END.search(
                self._gap_before(k + 1)):
            k += 1
        if k + 1 >= len(self.tokens) or self.tokens[k].norm not in CALLED or self.quoted[k + 1]:
            return None
        end = name_run(self.tokens, self.quoted, k + 1, min(len(self.tokens), k + 5))
        return (k + 1, end) if end > k + 1 else None

    def _apposition(self, person: Mention, k: int) -> None:
        """Record the office written right after a name («أشرف نوحي وزير الشباب والرياضة») as also his."""
        if k >= len(self.tokens) or self.quoted[k] or not self._soft_or_comma(k):
            return
        key = head_in(self.tokens[k].norm, TITLE_HEADS)
        if key and key not in UNNAMED_HEADS:
            title = self._text(k, self._office_end(k))
            if person.head in HONORIFICS:
                person.title = title  # «الدكتور أشرف نوحي وزير الشباب»: the office, not the honorific
            self._holders.setdefault(key, []).append(dataclasses.replace(person, head=key, title=title))

    def _office_end(self, k: int) -> int:
        """Index after an office written after a name: definite words, nisbas and office nouns."""
        j = k + 1
        while j < len(self.tokens) and j - k < 8 and not self.quoted[j] and self._joined(j - 1):
            word = self.tokens[j].norm
            if not (is_definite(word) or word.startswith("لل") or head_key(word) in TITLE_MODIFIERS
                    or head_in(word, ALL_HEADS)):
                break
            j += 1
        return j

    def _soft_or_comma(self, k: int) -> bool:
        gap = self._gap_before(k)
        return all(c in SOFT_GAP_CHARS for c in gap) or gap.strip() in ("،", ",")

    def _named_before(self, i: int, key: str, j: int) -> Mention | None:
        """A name written before its office («سامر الحديدي، مدير الشركة»; «أكد أشرف نوحي وزير …»).

        After a comma any run of name words counts; without one, only a run right after a reporting
        verb, so that «التقى وزير الخارجية» never takes the word before it for a name.
        """
        if i == 0 or self.quoted[i - 1] or not self._soft_or_comma(i):
            return None
        first = name_run_before(self.tokens, self.quoted, i, max(0, i - 4))
        if i - first >= 3 and (first == 0 or HARD_GAP.search(self._gap_before(first))) and (
                self.tokens[first + 1].norm not in NAME_CONNECTORS):
            first += 1  # «تحدث ييس فالروب، المدير الفني»: a verb the lexicon lacks opens the sentence
        if first == i or first == 0:
            return None
        comma = self._gap_before(i).strip() in ("،", ",")
        k = first - 1
        while k > 0 and first - k <= 2 and is_nisba(self.tokens[k].norm, definite=True):
            k -= 1  # «عبر الإيطالي ستيفانو بيولي مدرب فريق النصر»: the nationality before the name
        after_cue = lexicon_word(self.tokens[k].norm, CUES_AND_OPENERS) is not None
        if not (after_cue or (comma and HARD_GAP.search(self._gap_before(first)) is None)):
            return None
        person = Mention(first, j, first, self._text(first, i), None, "person", head=key,
                         title=self._text(i, max(j, self._office_end(i))).strip(" ،,"))
        self._holders.setdefault(key, []).append(person)
        return person

    def _holder_of(self, key: str, first: int, last: int) -> Mention | None:
        """The person named earlier with an office headed ``key`` that the words ``first``–``last`` fit.

        Every word of the office must occur in the earlier title («وزير الرياضة» fits «وزير الشباب
        والرياضة»); failing that, the one person so far with that head.
        """
        holders = self._holders.get(key, [])
        words = {strip_article(w.removeprefix("و")) for w in (t.norm for t in self.tokens[first + 1:last])}
        for holder in reversed(holders):
            if words <= _title_words(holder.title):
                return holder
        if not holders and words - GENERIC_ADJECTIVES:
            # «المدير الفني البرتغالي» after «المدرب البرتغالي X»: another word for the same office; the
            # adjectives that are not generic pick the one person they fit.
            fitting = [h for hs in self._holders.values() for h in hs
                       if words - GENERIC_ADJECTIVES <= _title_words(h.title)]
            return fitting[-1] if len({h.name for h in fitting}) == 1 else None
        if words - GENERIC_ADJECTIVES:
            # «ومن جانبه، قال وزير الدفاع الأمريكي:» after «مؤتمر مع وزير الدفاع الأمريكي لويد أوستن»: the
            # whole office names the one met before; a bare «الوزير» never refers to him.
            fitting = [h for h in self._object_holders.get(key, []) if words <= _title_words(h.title)]
            if len({h.name for h in fitting}) == 1:
                return fitting[-1]
        return holders[0] if len({h.name for h in holders}) == 1 else None

    def _holder_by_body(self, first: int, last: int) -> Mention | None:
        """The one person named earlier whose office names the same body under another word: «مدرب
        الأهلي» after «X، المدير الفني للأهلي»."""
        end = min(len(self.tokens), first + 4)
        while last < end and self._joined(last - 1) and is_definite(self.tokens[last].norm):
            last += 1  # «مدرب الوداد»: the body the office noun governs
        body = ({head_key(t.norm) for t in self.tokens[first + 1:last]}
                - TITLE_MODIFIERS - TITLE_HEADS - GENERIC_ADJECTIVES)  # «المدير الفني البرتغالي»
        if not body:
            return None
        fitting = [h for holders in self._holders.values() for h in holders
                   if body <= {head_key(w) for w in _title_words(h.title)}]
        return fitting[0] if len({h.name for h in fitting}) == 1 else None

    def _title_text(self, first: int, name_first: int) -> str | None:
        """The office written between ``first`` and a name, without the punctuation around it."""
        if name_first <= first:
            return None
        # up to the name, so that a gloss or a quoted body closes: «متحدث الرئاسة (الكرملين)»
        title = self.text[start_without_conjunction(self.text, self.tokens[first]):self.tokens[name_first].start]
        title = title.strip(" \t،,")
        if title[-1:] in DOUBLE_MARKS and len(DOUBLE_MARK.findall(title)) % 2:
            title = title[:-1].rstrip(" \t،,")  # the opening mark of a quoted name: «الوزير "مايك بومبيو"»
        return title

    def _name_after_title(self, j: int, *, known_only: bool = False) -> tuple[int, int] | None:
        """The token range of a personal name right after a title, also in apposition after a comma.

        After «مسؤول» or «مصدر» only a known name counts: what follows them is usually a clause
        («دبلوماسي غربي طلب عدم الكشف عن هويته»).
        """
        if j >= len(self.tokens) or self.quoted[j]:
            return None
        gap = self.text[self.tokens[j - 1].end:self.tokens[j].start]
        apposition = gap.strip() in ("،", ",")
        if gap.strip() and gap.strip() in QUOTE_CHARS:
            return self._quoted_name(j)  # «المدرب البرتغالي ”جواو سيلفا“»
        if any(c in QUOTE_CHARS for c in gap) or not (apposition or all(c in SOFT_GAP_CHARS for c in gap)):
            return None
        found = self.aliases.match(self.text, self.tokens, j)
        if found and not found.alias.agency and not found.clitics:
            return j, found.end
        if known_only:
            return None
        last = j
        while last < len(self.tokens) and last - j < 4 and not self.quoted[last]:
            if last > j and not soft_gap(self.text, self.tokens[last - 1], self.tokens[last]):
                break
            connector = last > j and self.tokens[last - 1].norm in NAME_CONNECTORS
            if last == j and folded_given_name(self.text, self.tokens, j):
                last += 1  # «الممثلة هنا الزاهد»
                continue
            if opens_topic_phrase(self.tokens, last) or not (
                    is_name_word(self.tokens[last], after_connector=connector)
                    or (last > j and title_word_ends_name(self.text, self.tokens, last))):
                break
            found = self.aliases.match(self.text, self.tokens, last)
            if found and not found.alias.agency and last > j:
                return j, found.end
            last += 1
        while last - j > 1 and looks_like_present_verb(self.tokens[last - 1].norm):
            last -= 1
        if last == j or (apposition and not self._ends_name(last)):
            return None
        return j, last

    def _named_official(self, j: int) -> tuple[int, int] | None:
        """The name of an official described by his place («مسؤول في شرطة X»), read after the rest of the
        body's name: set off by commas, or without them when a medium or a colon follows the name
        («المسؤول في شرطة الزهور سامي الرفاعي لراديو الشرق "…"»)."""
        for k in range(j, min(len(self.tokens) - 1, j + 4)):
            if self.quoted[k]:
                return None
            gap = self._gap_before(k)
            comma = gap.strip() in ("،", ",")
            if not comma and HARD_GAP.search(gap):
                return None
            end = name_run(self.tokens, self.quoted, k, min(len(self.tokens), k + 4))
            end = next((m for m in range(k + 1, end) if not self._joined(m - 1)), end)  # a comma ends it
            if end - k < 2 or end >= len(self.tokens) or (k > j and not comma and not self._joined(k - 1)):
                continue
            after, follower = self._gap_before(end), self.tokens[end].norm
            to_medium = follower.startswith("لل") or (follower[:1] == "ل" and head_in(follower[1:], MEDIA_HEADS))
            if (comma and after.strip() in ("،", ",")) or (
                    not comma and (to_medium or ":" in after or any(c in QUOTE_CHARS for c in after))):
                return k, end
            if comma:
                return None
        return None

    def _quoted_name(self, j: int) -> tuple[int, int] | None:
        """A name of one to three words written in quotation marks right after a title."""
        last = j
        while last < len(self.tokens) and last - j < 3 and is_name_word(self.tokens[last]):
            last += 1
            if last < len(self.tokens) and any(c in QUOTE_CHARS for c in self._gap_before(last)):
                return j, last
            if last < len(self.tokens) and not self._joined(last - 1):
                break
        return None

    def _role(self, mention: Mention, earlier: list[Mention]) -> str:
        """subject; object (after a preposition or «نظيره»); source (after «بحسب», «نقلت ... عن»)."""
        k = mention.phrase_first - 1
        if mention.governed:
            return "source" if k >= 0 and lexicon_word(self.tokens[k].norm, ATTRIBUTION_CUES) else "object"
        while k >= 0 and mention.phrase_first - k <= 6 and (
            is_nisba(self.tokens[k].norm, definite=True) or head_key(self.tokens[k].norm) in TITLE_MODIFIERS
        ):
            k -= 1  # «نظيره الروسي فلاديمير بوتين»: look past the adjectives
        gap = self.text[self.tokens[k].end:self.tokens[k + 1].start] if k >= 0 else ""
        if "(" in gap or "[" in gap:
            return "aside"  # «(صدى موسكو)»: a gloss, never the one speaking
        if k < 0 or HARD_GAP.search(gap):
            return "subject"
        prev = self.tokens[k].norm
        if lexicon_word(prev, ATTRIBUTION_CUES):
            return "source"
        if prev == "عن" and self._after_transmission(k):
            return "source"
        if prev in COUNTERPART_WORDS or prev in PREPOSITIONS:
            return "object"
        if prev[:1] in ("ل", "ب") and len(prev) > 3 and not prev.startswith(("لل", "ال")) and prev not in ALL_CUES:
            return "object"  # «لموقع الاتحاد»: the noun a preposition governs, and what it governs
        before = self.tokens[k - 1].norm if k > 0 else ""
        if before.removeprefix("و") in PREPOSITIONS and not is_definite(prev) and not lexicon_word(prev, ALL_CUES):
            return "object"  # «وعن غياب المهاجم كاورو هيتوما»: a topic, not a speaker
        if (earlier and earlier[-1].last == k and not is_definite(prev)
                and self.tokens[k].surface.endswith(("ات", "ة"))):
            return "object"  # «ونفت المسؤولة اتهامات الحلف»: what the subject's noun governs
        coordinated = self.tokens[mention.phrase_first].norm.startswith("و")
        if coordinated and earlier and earlier[-1].last == mention.phrase_first:
            return earlier[-1].role  # «بين بوتين وبايدن»: coordination keeps the role
        return "subject"

    def _after_transmission(self, k: int) -> bool:
        """Whether «عن» at ``k`` follows a verb of transmission in its sentence (نقلت ... عن)."""
        for j in range(k - 1, max(-1, k - 9), -1):
            if lexicon_word(self.tokens[j].norm, TRANSMISSION_WORDS):
                return True
            if SENTENCE_END.search(self.text[self.tokens[j].end:self.tokens[j + 1].start]):
                return False
        return False


def _title_words(title: str | None) -> set[str]:
    """The words of an office without the article or a joined «و»; a word with a joined «لـ» stands also
    without it, so «سكرتير الحلف» fits «الأمين العام لحلف شمال الأطلسي»."""
    words = {strip_article(w.removeprefix("و")) for w in normalise(title or "").split()}
    return words | {w[1:] for w in words if w[:1] == "ل" and len(w) > 3}
