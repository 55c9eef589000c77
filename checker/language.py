"""Whether an article is in English, the one language checker's models read.

An article in another language gave no claims (the English tagger finds no verb in it) and was counted
as a source all the same, with no word to the user; FNC-1's bodies of English news from many outlets hold
two in French and one in Chinese. The measure is the share of the article's words that are English
function words (spaCy's English stop list), which needs no model: among the 1,673 FNC-1 bodies, every
English one of 20 words or more has at least 0.27 (median 0.46), the French ones 0.007 and 0.023. A text
mostly in another script (Chinese, Cyrillic, Arabic) is not English whatever its length.

A low share alone does not make a text foreign: a round-up of headlines ("Markets: Dow record high, oil
slump | Sport: Liverpool 3 Chelsea 1 ...") has almost no function words of any language. So a text is
named not English where another language's function words (spaCy's stop list of that language) are at
least as common as the share English needs, or where its words are not mostly capitalised, as headlines and
names are (prose in a language spaCy lists no function words of): the French bodies have 0.48-0.50 French
ones, a headline round-up about 0.02 of any language and half its words capitalised, and no English body
more than 0.27 of another's.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import runpy
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20  # fewer tell no language apart: a headline may be all names ("ISIL beheads David Haines")
# Of a text with few function words of any language, the share of capitalised words that makes it headlines or
# names (a round-up of headlines: 0.5), not prose in a language spaCy has no stop list of (under 0.1)
MIN_HEADLINE_CAPITALS = 0.3
MIN_LATIN_SHARE = 0.5  # of the letters, those of English's alphabet (ASCII); English news, names and quotes in other
# scripts and all, has 0.88 or more among the FNC-1 bodies


@functools.cache
def function_words() -> frozenset[str]:
    """spaCy's English stop list, read from its file: importing spaCy takes seconds, and `checker ci` reads
    an unchanged corpus in about one."""
    return frozenset(runpy.run_path(str(_spacy_root() / "lang" / "en" / "stop_words.py"))["STOP_WORDS"])


@functools.cache
def other_function_words() -> dict[str, frozenset[str]]:
    """Every other language's stop list in spaCy, by language code, read as `function_words` is."""
    lang = _spacy_root() / "lang"
    return {
        path.parent.name: frozenset(runpy.run_path(str(path))["STOP_WORDS"])
        for path in sorted(lang.glob("*/stop_words.py"))
        if path.parent.name not in ("en", "xx")
    }


def _spacy_root() -> Path:
    spec = importlib.util.find_spec("spacy")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("spaCy is not installed")
    return Path(spec.origin).parent


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(word in vocabulary for word in words) / len(words)


def not_english(text: str, min_english_share: float) -> str | None:
    """Why `text` is not English, or None where it is, or is too short to tell."""
    letters = [char for char in text if char.isalpha()]
    if letters and sum(char.isascii() for char in letters) / len(letters) < MIN_LATIN_SHARE:
        return "not in English (mostly letters English does not use); checker reads English"
    found = WORD.findall(text)
    words = [word.lower().replace("’", "'") for word in found]
    if len(words) < MIN_WORDS:
        return None
    share = _share(words, function_words())
    if share >= min_english_share:
        return None
    other_share, language = max(
        (_share(words, vocabulary), code) for code, vocabulary in other_function_words().items()
    )
    if other_share >= min_english_share:
        return (
            f"not in English ({share:.0%} of its words are English function words, under {min_english_share:.0%};"
            f" {other_share:.0%} are those of language '{language}'); checker reads English"
        )
    capitalised = sum(word[0].isupper() for word in found) / len(words)
    if capitalised >= MIN_HEADLINE_CAPITALS:
        return None  # headlines and names: no language's function words, so English is as likely as any
    return (
        f"not in English ({share:.0%} of its words are English function words, under {min_english_share:.0%},"
        " and it is no list of headlines or names); checker reads English"
    )
