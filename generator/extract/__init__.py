"""Quotation candidates from Arabic news text, for an editor to review before they enter facts.yaml.

The extractor works in passes over one article, one module each, imported one way:

``lexicon`` (the words of news reporting) ← ``tokens`` (words and gaps) ← ``dates`` ← ``marks``
(quotation spans, and speech after a colon) ← ``aliases`` ← ``words`` (word classes) ← ``titles`` (title
chains before a name) ← ``bodies`` (offices, institutions, statements) ← ``mentions`` (who is named,
with titles) ← ``cues`` (reporting words) ← ``document`` (each cue's subject) ← ``attribution`` (who said
a quotation) ← ``reported`` (reported speech, «قال إن …») ← ``names`` (full names from short ones) ←
``candidates`` (what the editor sees) ← ``proposals`` (a new article as a facts.yaml proposal).
"""

from __future__ import annotations

from .candidates import Candidate, candidates_to_yaml, extract_quotes
from .lexicon import normalise
from .marks import find_quotation_spans

__all__ = ["Candidate", "candidates_to_yaml", "extract_quotes", "find_quotation_spans", "normalise"]
