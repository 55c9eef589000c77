"""Whether an article is in English, the one language checker's models read.

An article in another language gave no claims (the English tagger finds no verb in it) and was counted
as a source all the same, with no word to the user; FNC-1's bodies of English news from many outlets hold
two in French and one in Chinese. The measure is the share of the article's words that are English
function words (spaCy's English stop list), which needs no model: among the 1,673 FNC-1 bodies, every
English one of 20 words or more has at least 0.27 (median 0.46), the French ones 0.007 and 0.023. A text
mostly in another script (Chinese, Cyrillic, Arabic) is not English whatever its length.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import runpy
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20  # fewer tell no language apart: a headline may be all names ("ISIL beheads David Haines")
MIN_LATIN_SHARE = 0.5  # of the letters, those of English's alphabet (ASCII); English news, names and quotes in other
# scripts and all, has 0.88 or more among the FNC-1 bodies


@functools.cache
def function_words() -> frozenset[str]:
    """spaCy's English stop list, read from its file: importing spaCy takes seconds, and `checker ci` reads
    an unchanged corpus in about one."""
    spec = importlib.util.find_spec("spacy")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("spaCy is not installed")
    return frozenset(runpy.run_path(str(Path(spec.origin).parent / "lang" / "en" / "stop_words.py"))["STOP_WORDS"])


def not_english(text: str, min_english_share: float) -> str | None:
    """Why `text` is not English, or None where it is, or is too short to tell."""
    letters = [char for char in text if char.isalpha()]
    if letters and sum(char.isascii() for char in letters) / len(letters) < MIN_LATIN_SHARE:
        return "not in English (mostly letters English does not use); checker reads English"
    words = [word.lower().replace("’", "'") for word in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(word in function_words() for word in words) / len(words)
    if share >= min_english_share:
        return None
    return (
        f"not in English ({share:.0%} of its words are English function words, under {min_english_share:.0%});"
        " checker reads English"
    )
