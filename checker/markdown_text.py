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

import functools
import json
import re
import tomllib
from collections.abc import Callable
from datetime import date
from html import unescape
from typing import TYPE_CHECKING

from checker.records import MainText, line_starts

if TYPE_CHECKING:  # markdown-it-py and PyYAML load where a Markdown article is read: `checker ci` may read none
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

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
# A tag is at most MAX_TAG characters, so a stray "{{" costs a bounded look, not a scan of the rest of the file.
MAX_TAG = 500
TEMPLATE_TAG = re.compile(
    rf"\{{\{{[<%].{{0,{MAX_TAG}}}?[>%]\}}\}}|\{{%.{{0,{MAX_TAG}}}?%\}}|\{{\{{.{{0,{MAX_TAG}}}?\}}\}}", re.DOTALL
)
# What makes a file a site's template, not an article: Go template fields ("{{ .Title }}", "{{ replace .Name }}")
# and Liquid's statements and site variables; a stray "{{" in a story, or a client-side "{{ article.author }}"
# placeholder, does not.
SITE_TEMPLATE = re.compile(
    r"\{\{-?[^}\n]{0,200}?(?<![\w.])\.[A-Z]\w*|\{%-?\s*(?:if|for|include|assign|capture|block|extends)\b"
    r"|\{\{-?\s*(?:page|site|layout|content|paginator)\b"
)
# Blocks of code or comment in template tags, whole: read by `_code_blocks` in one pass.
CODE_OPENING = re.compile(
    r"\{\{[<%]\s*(highlight|code)\b[^\n]{0,200}?[>%]\}\}|\{%-?\s*(highlight|comment|raw)\b[^\n]{0,200}?%\}"
)
CODE_CLOSING = re.compile(r"\{\{[<%]\s*/\s*(highlight|code)\s*[>%]\}\}|\{%-?\s*end(highlight|comment|raw)\s*-?%\}")
# The markers of Markdown's extensions that CommonMark reads as text: footnote references and labels ("[^1]"),
# Kramdown's and Hugo's attribute lists ("{: .lead}", "{#anchor}").
EXTENSION_MARKER = re.compile(r"\[\^[^\]\s]{1,100}\]:?|\{:[^}\n]{0,200}\}|\{[#.][\w-][^}\n]{0,200}\}")
NOT_A_LINE_END = re.compile(r"[^\r\n]")
HIDDEN = "\ue000"  # what no-text stands as for the parser: a letter to it, so no line of it is a code block
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
SEARCH_WINDOW = 40  # how far past the last character a decoded one ("&amp;" read as "&", "\*" as "*") is looked for


def _code_blocks_hidden(body: str) -> str:
    """`body` with each block of code or comment in template tags ("{{< highlight go >}} ... {{< /highlight >}}")
    HIDDEN whole, read in one pass: an opening with no closing hides nothing."""
    tags = sorted(
        [(m.start(), m.end(), m.group(1) or m.group(2), True) for m in CODE_OPENING.finditer(body)]
        + [(m.start(), m.end(), m.group(1) or m.group(2), False) for m in CODE_CLOSING.finditer(body)]
    )
    pieces, done, opened = [], 0, None
    for start, end, name, opening in tags:
        if opening and opened is None:
            opened = (start, name)
        elif not opening and opened is not None and opened[1] == name:
            pieces += [body[done : opened[0]], _masked(body[opened[0] : end])]
            done, opened = end, None
    return "".join(pieces) + body[done:]


def _masked(text: str, mask: str = HIDDEN) -> str:
    """`text` with each character but a line end as `mask`: its lines stay the file's."""
    return NOT_A_LINE_END.sub(mask, text)


def _hidden(found: re.Match[str]) -> str:
    return _masked(found.group())


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def front_matter(raw: str) -> tuple[int, dict[str, str | bool], str | None]:
    """Where the body starts, what the front matter says (`title`, `published` and the key that gave it,
    `source`, `url`, and `draft` or `template` where it is one), and the reason it could not be read (then no
    fields; the block is still no article text). YAML between `---` lines, TOML between `+++`, or a JSON object."""
    found = FRONT_MATTER.match(raw)
    if found:
        fence, block, end = found.group(1), found.group(2), found.end()
    elif raw.startswith("{") and not raw.startswith("{{"):
        try:
            fields, end = json.JSONDecoder().raw_decode(raw)
        except ValueError:
            return 0, {}, None
        return end, _meta(fields, raw[:end]), None
    else:
        return 0, {}, None
    import yaml

    try:
        # YAML with every value read as a string: a title "2024" or "No" stays as written
        fields = yaml.load(block, Loader=_yaml_loader()) if fence == "---" else tomllib.loads(block)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        meta = {"template": True} if SITE_TEMPLATE.search(block) else {}
        return (
            end,
            meta,
            None if meta else f"front matter is not valid {'YAML' if fence == '---' else 'TOML'} ({_reason(exc)})",
        )
    return end, _meta(fields, block), None


@functools.cache
def _yaml_loader() -> type:
    """YAML's loader of plain strings, refusing aliases: a 700-byte front matter of nested aliases ("a billion
    laughs") grew to gigabytes when checker read its `draft`. Front matter names values; it need not repeat them."""
    import yaml

    class StringsWithoutAliases(yaml.BaseLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(None, None, "an alias (*name) is not read", mark)
            return super().compose_node(parent, index)

    return StringsWithoutAliases


def _meta(fields: object, block: str) -> dict[str, str | bool]:
    """The fields checker reads, by FRONT_MATTER_KEYS; a `source` given as a mapping by its `name`."""
    fields = fields if isinstance(fields, dict) else {}
    named = {str(key).lower(): value for key, value in fields.items()}
    written = {str(key).lower(): str(key) for key in fields}  # "publishDate", as the warning names it
    if isinstance(named.get("source"), dict):
        named["source"] = named["source"].get("name")
    meta: dict[str, str | bool] = {}
    for field, keys in FRONT_MATTER_KEYS.items():
        key = next((key for key in keys if _scalar(named.get(key))), None)
        if key is not None:
            value = named[key]
            meta[field] = value.isoformat() if isinstance(value, date) else str(value).strip()
            if field == "published":
                meta["published_key"] = written[key]
    if "title" in meta:
        meta["title"] = _plain(str(meta["title"]))
    if str(named.get("draft", "")).lower() in {"true", "yes"}:
        meta["draft"] = True
    if SITE_TEMPLATE.search(block):
        meta["template"] = True
    return meta


def _reason(exc: Exception) -> str:
    """What is wrong in a front matter, and on which line of the file (it starts on the second)."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return f"{getattr(exc, 'problem', None) or 'cannot be parsed'}, line {mark.line + 2}"
    return " ".join(str(exc).split())[:120]


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
        """One character of the text, read at `start` (to `end`) in the file; a HIDDEN one is no text."""
        if char == HIDDEN:
            return
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(start + 1 if end is None else end)

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
    depth, i = 0, at
    while i < limit:
        if raw[i] == "\\":
            i += 2
            continue
        if raw[i] == raw[at]:
            depth += 1
        elif raw[i] == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return at


def _inline(token: Token, text: _Text, start: int, limit: int) -> int:
    """One block's inline content, read from `start` on; returns where reading goes on."""
    cursor = start
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            before = len(text.chars)
            cursor = text.find(child.content, cursor, limit)
            if child.type == "html_inline":  # a tag only moves the reading on; <br> breaks the line
                del text.chars[before:], text.starts[before:], text.ends[before:]
                if LINE_BREAK_TAG.fullmatch(child.content.strip()):
                    text.add("\n", cursor - 1)
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


def _plain(markdown: str) -> str:
    """A line of Markdown (a front matter's title) without its markup: "**Breaking**: [Vote](x)" → "Breaking: Vote"."""
    (line,) = _parser().parseInline(markdown) or (None,)
    children = line.children if line is not None else ()
    return "".join(c.content for c in children or () if c.type in ("text", "code_inline")).strip() or markdown


def html_blocks(raw: str) -> bool:
    """Whether a Markdown article's body holds blocks of raw HTML (not in code: "```html" shows a page's source)."""
    return any(token.type == "html_block" for token in _parser().parse(raw[front_matter(raw)[0] :]))


def markdown_main_text(raw: str, warn: Callable[[str], None]) -> MainText:
    """The title and text of a Markdown article, each text character's place in `raw`, and what its front
    matter says (`front_matter`); `warn` is told of a front matter that cannot be read. Without a front matter
    title, a heading that opens the article is its title."""
    body_start, meta, problem = front_matter(raw)
    if problem:
        warn(problem)
    # Front matter as spaces, no-text as HIDDEN: the parser's lines stay the file's.
    body = TEMPLATE_TAG.sub(_hidden, EXTENSION_MARKER.sub(_hidden, _code_blocks_hidden(raw[body_start:])))
    marked = _masked(raw[:body_start], " ") + body
    starts = line_starts(raw)
    text = _Text(marked)
    title = str(meta.pop("title", ""))
    cursor = 0
    block: list[int] = [0, 0]  # the lines of the block being read: a table cell's are its row's
    tokens = _parser().parse(marked)
    for i, token in enumerate(tokens):
        block = token.map or block
        if token.type != "inline":  # code, raw HTML (embeds, widgets) and rules have none: not the story's words
            continue
        first, last = block
        limit = starts[last] if last < len(starts) else len(raw)
        before = len(text.chars)
        cursor = _inline(token, text, max(cursor, starts[first]), limit)
        if not "".join(text.chars[before:]).strip():  # a block of no text but its breaks (a shortcode's lines)
            del text.chars[before:], text.starts[before:], text.ends[before:]
        else:
            if not before and not title and tokens[i - 1].type == "heading_open":
                title = "".join(text.chars).strip()
            text.add("\n", max(limit - 1, starts[first]))
    return MainText(title, "".join(text.chars), tuple(text.starts), tuple(text.ends), meta)
