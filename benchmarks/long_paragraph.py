"""Claim extraction on one long paragraph against the same text in paragraphs: time should grow with length.

A feed with its line breaks stripped, or a transcript with no blank lines, puts
a whole article (or several) in one paragraph. Each claim's reading used to scan
its whole parsed paragraph, so such a paragraph took time growing with its
length squared; checker now parses it in pieces (`checker/claims.py`,
`MAX_PARSED_CHARS`). FNC-1 bodies (../shared/data/news) joined into one line of
each length are timed against the same text with a paragraph break after every
sentence, in one run.

    python benchmarks/long_paragraph.py [--chars 25000 50000 100000] [--no-append]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish_section  # noqa: E402
from shared_data import news_articles  # noqa: E402

from checker.claims import extract_claims, load_nlp  # noqa: E402
from checker.corpus import _document  # noqa: E402

SKIP = 1600  # where the bodies joined start (any bodies will do: nothing here is tuned)


def seconds(text: str, nlp) -> tuple[float, int]:
    """The time to extract the claims of `text` as one document, and how many it gives."""
    started = time.perf_counter()
    claims = extract_claims([_document("long.txt", text, "long.txt")], nlp)
    return time.perf_counter() - started, len(claims)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    joined = " ".join(a["text"].replace("\n", " ") for a in news_articles()[SKIP:])
    nlp = load_nlp()
    rows = ["| characters | one line (s) | claims | in paragraphs (s) | claims |", "|---|---|---|---|---|"]
    for chars in args.chars:
        text = joined[:chars].rsplit(". ", 1)[0] + "."
        one_line, found = seconds(text, nlp)
        paragraphs, found_apart = seconds(re.sub(r"(?<=[.!?]) (?=[A-Z])", "\n\n", text), nlp)
        rows.append(f"| {len(text):,} | {one_line:.1f} | {found} | {paragraphs:.1f} | {found_apart} |")
    how = f"`python benchmarks/long_paragraph.py {' '.join(sys.argv[1:])}`: FNC-1 bodies from {SKIP}, joined."
    publish_section("Claims of one long paragraph", how, rows, append=not args.no_append)


if __name__ == "__main__":
    main()
