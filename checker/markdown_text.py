"""The words of a Markdown article, each character with its place in the file, and what its front matter says.

Newsrooms that publish from a repository (Hugo, Jekyll, Eleventy) keep each story as Markdown: a front matter
block of YAML between `---` lines (or TOML between `+++`) with its title, date and outlet, then the body, whose
markup (`**`, `#`, `> `, list bullets, `[text](address)`) is not the article's words. Read as plain text, the
front matter became the story's name and a link's address split a figure from its unit ("[£2 million](…)" read
as "£2"). The body is parsed by markdown-it-py (CommonMark, with tables and strikethrough); each text token is
found again in the file, in order, so every character keeps its offset there. Code, raw HTML and images (whose
alt text is a caption) are left out; a paragraph, heading, list item or table cell is one line, as a page
shows it (a paragraph wrapped in the file is one sentence, not two lines cleaned and parsed apart).
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Callable
from datetime import date
from html import unescape

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from checker.records import MainText

FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)^(?:\1|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE)
# The front matter keys that name what a page's <head> names, by precedence: Hugo's `publishDate` is when the
# story went out, its `date` may be when it was written; the first of each list given wins.
FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "published": ("published", "publishdate", "pubdate", "date_published", "datepublished", "date"),
    "source": ("source", "publisher", "outlet", "site_name"),
    "url": ("canonical_url", "canonicalurl", "url"),
}
# A site generator's template tags: Hugo's shortcodes ({{< tweet user="x" id="1" >}}, {{% note %}}) and Jekyll's
# Liquid ({% include figure.html %}, {{ page.title }}); an embed or a widget, filled in when the page is built.
TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
SEARCH_WINDOW = 40  # how far past the last character a decoded one ("&amp;" read as "&", "\*" as "*") is looked for


def _blank(text: str | re.Match[str]) -> str:
    """`text` (or what a match found) with each character but a line end a space."""
    return re.sub(r"[^\r\n]", " ", text if isinstance(text, str) else text.group())


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def front_matter(raw: str) -> tuple[int, dict[str, str], str | None]:
    """Where the body starts, the front matter's title, publication time, outlet and address as text, and the
    reason it could not be read (then no fields; the block is still not article text)."""
    found = FRONT_MATTER.match(raw)
    if not found:
        return 0, {}, None
    try:
        fields = _load(found.group(1), found.group(2))
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        return (
            found.end(),
            {},
            f"front matter is not valid {'YAML' if found.group(1) == '---' else 'TOML'} ({_reason(exc)})",
        )
    named = {str(key).lower(): value for key, value in fields.items()} if isinstance(fields, dict) else {}
    meta = {}
    for field, keys in FRONT_MATTER_KEYS.items():
        value = next((named[key] for key in keys if _scalar(named.get(key))), None)
        if value is not None:
            meta[field] = value.isoformat() if isinstance(value, date) else str(value).strip()
    return found.end(), meta, None


def _reason(exc: Exception) -> str:
    """What is wrong in a front matter, and on which line of the file (it starts on the second)."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return f"{getattr(exc, 'problem', None) or 'cannot be parsed'}, line {mark.line + 2}"
    return " ".join(str(exc).split())[:120]


def _load(fence: str, block: str) -> object:
    """YAML read with every value a string (a title "2024" or "No" stays as written), or TOML."""
    return yaml.load(block, Loader=yaml.BaseLoader) if fence == "---" else tomllib.loads(block)


def _scalar(value: object) -> bool:
    return isinstance(value, str | int | float | date) and not isinstance(value, bool) and str(value).strip() != ""


class _Text:
    """The text being read, with where each character starts and ends in the raw file."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, char: str, start: int, end: int | None = None) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(start + 1 if end is None else end)

    def drop_within(self, ranges: list[tuple[int, int]]) -> None:
        """Leave out the characters (but line ends) read from within `ranges` of the file, sorted and apart."""
        starts = [start for start, _ in ranges]
        kept = [
            i
            for i, (char, at) in enumerate(zip(self.chars, self.starts, strict=True))
            if char == "\n" or (k := bisect.bisect_right(starts, at) - 1) < 0 or at >= ranges[k][1]
        ]
        self.chars = [self.chars[i] for i in kept]
        self.starts = [self.starts[i] for i in kept]
        self.ends = [self.ends[i] for i in kept]

    def find(self, text: str, cursor: int, limit: int) -> int:
        """Add `text`, found in the file at or after `cursor`; where it is not there as written (an escape or a
        character reference decoded), each character at the first place it stands. Returns where reading goes on."""
        at = self.raw.find(text, cursor, limit)
        if at >= 0:
            for i, char in enumerate(text):
                self.add(char, at + i)
            return at + len(text)
        for char in text:
            reference = CHARACTER_REFERENCE.match(self.raw, cursor, limit)
            if reference and unescape(reference.group()) == char:  # "&ldquo;" for "“": the whole of it
                self.add(char, cursor, reference.end())
                cursor = reference.end()
                continue
            at = self.raw.find(char, cursor, min(limit, cursor + SEARCH_WINDOW))
            self.add(char, cursor if at < 0 else at)  # not found: written another way, where reading stands
            cursor = cursor if at < 0 else at + 1
        return cursor


def _past_destination(raw: str, at: int, limit: int) -> int:
    """Where the text goes on after a link or image whose bracketed text ends just before `at`: past
    "](address "title")", "][label]", "]" or an autolink's ">"."""
    if raw.startswith(">", at):
        return at + 1
    if not raw.startswith("]", at):
        return at
    at += 1
    closing = {"(": ")", "[": "]"}.get(raw[at : at + 1])
    if closing is None:
        return at
    depth = 0
    for i in range(at, limit):
        if raw[i] == "\\":
            continue
        if raw[i] == raw[at]:
            depth += 1
        elif raw[i] == closing:
            depth -= 1
            if depth == 0:
                return i + 1
    return at


def _inline(token: Token, text: _Text, start: int, limit: int) -> int:
    """One block's inline content, read from `start` on; returns where reading goes on."""
    cursor = start
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            before = len(text.chars)
            cursor = text.find(child.content, cursor, limit)
            if child.type == "html_inline":  # a tag only moves the reading on
                del text.chars[before:], text.starts[before:], text.ends[before:]
        elif child.type == "link_close":
            cursor = _past_destination(text.raw, cursor, limit)
        elif child.type == "image":
            opening = text.raw.find("![", cursor, limit)
            if opening >= 0:
                closing = _closing_bracket(text.raw, opening + 2, limit)
                cursor = _past_destination(text.raw, closing, limit)
        elif child.type in ("softbreak", "hardbreak"):
            newline = text.raw.find("\n", cursor, limit)
            at = newline if newline >= 0 else cursor
            text.add(" " if child.type == "softbreak" else "\n", at)  # a paragraph is one line, as it is shown
            cursor = at + 1
    return cursor


def _closing_bracket(raw: str, at: int, limit: int) -> int:
    """Where the "]" that closes a bracket opened just before `at` stands (nested pairs and escapes skipped)."""
    depth = 1
    i = at
    while i < limit:
        if raw[i] == "\\":
            i += 2
            continue
        depth += {"[": 1, "]": -1}.get(raw[i], 0)
        if depth == 0:
            return i
        i += 1
    return limit


def markdown_main_text(raw: str, warn: Callable[[str], None]) -> MainText:
    """The title and text of a Markdown article, each text character's place in `raw`, and its front matter's
    `published`, `source` and `url`; `warn` is told of a front matter that cannot be read."""
    body_start, meta, problem = front_matter(raw)
    if problem:
        warn(problem)
    # The front matter and template tags as spaces: not the story's words, and the parser's lines stay the file's.
    blanked = TEMPLATE_TAG.sub(_blank, _blank(raw[:body_start]) + raw[body_start:])
    tags = [(tag.start(), tag.end()) for tag in TEMPLATE_TAG.finditer(raw, body_start)]
    line_starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", raw))]
    text = _Text(blanked)  # found in the file as parsed: a tag's blanks are found within it, then dropped
    title = meta.pop("title", "")
    headings: list[str] = []
    cursor = 0
    block: list[int] = [0, 0]  # the lines of the block being read: a table cell's are its row's
    tokens = _parser().parse(blanked)
    for i, token in enumerate(tokens):
        block = token.map or block
        if token.type != "inline":  # code, raw HTML (embeds, widgets) and rules have none: not the story's words
            continue
        first, last = block
        limit = line_starts[last] if last < len(line_starts) else len(raw)
        before = len(text.chars)
        cursor = _inline(token, text, max(cursor, line_starts[first]), limit)
        if len(text.chars) > before:
            text.add("\n", max(limit - 1, line_starts[first]))
            if i and tokens[i - 1].type == "heading_open":
                headings.append("".join(text.chars[before:]).strip())
    text.drop_within(tags)
    return MainText(title or next(iter(headings), ""), "".join(text.chars), tuple(text.starts), tuple(text.ends), meta)
