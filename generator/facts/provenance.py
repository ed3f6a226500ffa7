"""Provenance: every quotation and every claim's evidence is found, word for word, in each source it cites.

The match is made after the documented normalisation (white space runs made one space, every
quotation mark made ``"``; text.provenance_key) and must start and end on whole words. When the
words are there but encoded differently (Unicode NFC), or only inside longer words, the message says so.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .load import Path_
from .report import Reporter
from .seeds import Seeds
from .text import find_verbatim, longest_found_prefix, provenance_key


def check_provenance(data: dict[str, list[dict[str, Any]]], seeds: Seeds, report: Reporter) -> None:
    """Every quote, claim evidence and skipped quotation is in each seed it cites."""
    files = {s["id"]: s["file"] for s in data["sources"]}
    for section, text_field in (("quotes", "text"), ("claims", "evidence")):
        for i, item in enumerate(data[section]):
            for source in item["sources"]:
                check_verbatim(item[text_field], files[source], source, (section, i, text_field), seeds, report)
    for i, skipped in enumerate(data["skipped_quotations"]):
        source = skipped["source"]
        check_verbatim(skipped["text"], files[source], source, ("skipped_quotations", i, "text"), seeds, report)


def check_verbatim(text: str, file: str, source: str, path: Path_, seeds: Seeds, report: Reporter) -> None:
    """``text`` occurs in seed ``file`` on word boundaries, or a problem says how the copy differs."""
    haystack = seeds.key(file) or ""
    if find_verbatim(text, haystack) >= 0:
        return
    if find_verbatim(unicodedata.normalize("NFC", text), unicodedata.normalize("NFC", haystack)) >= 0:
        report.complain(path, f"these words are in seeds/{file} (source {source}), but encoded differently: they "
                              "differ only in Unicode normalisation (NFC, e.g. a letter and its mark stored as one "
                              "character or two); copy the text from the article itself",
                        f"هذه الكلمات موجودة في seeds/{file} (المصدر {source}) لكن بترميز مختلف: الفرق في تطبيع "
                        "يونيكود (NFC) فقط؛ انسخ النص من المقال نفسه")
        return
    if provenance_key(text) in haystack:
        report.complain(path, f"this text occurs in seeds/{file} (source {source}) only inside longer words; a "
                              "quotation starts and ends on whole words: copy whole words from the article",
                        f"هذا النص لا يرد في seeds/{file} (المصدر {source}) إلا داخل كلمات أطول؛ الاقتباس يبدأ "
                        "وينتهي بكلمات كاملة: انسخ كلمات كاملة من المقال")
        return
    prefix = longest_found_prefix(text, haystack)
    tail = provenance_key(text)[len(prefix):][:30]
    report.complain(path,
                    f"this text is not found verbatim in seeds/{file} (source {source}); it matches up to "
                    f"character {len(prefix)}, then differs at «{tail}»: copy it exactly from the article",
                    f"هذا النص غير موجود حرفيًا في seeds/{file} (المصدر {source})؛ يطابق حتى الحرف {len(prefix)} "
                    f"ثم يختلف عند «{tail}»: انسخه كما هو من المقال")


