"""Read a corpus: paths → `Document`s, and the files that had to be skipped.

Folders are walked recursively for `.txt`, `.md`/`.markdown`, `.html`/`.htm` and `.jsonl`;
globs are expanded. A file that cannot be read is reported with its reason and
the run goes on with the others: one bad file never costs the whole report.
Only regular files are opened (a FIFO would block the run); a document longer
than `max_document_chars` characters (1,000,000 by default) is skipped, and a
text or HTML file over 4 bytes a character of that is refused before it is
read. JSONL is read a line at a time: an over-long record costs only itself.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import glob
import io
import json
import os
import re
import stat
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from checker.cleaning import kept_spans, publication_date
from checker.config import CONFIG_FILE_NAMES, Config
from checker.ignores import Ignores, repository_page
from checker.language import not_english
from checker.markdown_text import SITE_TEMPLATE, front_matter, html_blocks, markdown_main_text
from checker.records import Document, MainText, SkippedFile, is_report_line, line_starts
from checker.sources import time_span

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
REPOSITORY_PAGE = (
    "the repository's own page (README, CHANGELOG, LICENSE and their like), not an article; name it to read it"
)
SECTION_PAGE = "_index.md"  # Hugo's list page of a section: its introduction, no story
CHECKER_REPORT = "a report checker wrote, not articles"
# The legacy encodings a news file is written in: the Windows and ISO-8859 code pages, KOI8 and the CJK ones
# (the WHATWG Encoding Standard's, less its Mac and DOS ones). Left free, charset-normalizer read one news file
# in nine in Windows-1252 as a DOS or Mac code page ("what’s" as "whatĺs"): benchmarks/RESULTS.md, "Reading
# Windows-1252 files".
LEGACY_ENCODINGS = (
    *("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874"),
    *(f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *("koi8_r", "koi8_u", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"),
)
# Languages written in Windows-1252 (as charset-normalizer names them). Where the text reads as one of them,
# the code page is Windows-1252: its Latin rivals (cp1250, ISO-8859-10, ...) decode English as well by
# charset-normalizer's measures, and the euro sign, dashes and curly quotes wrongly.
WESTERN_LANGUAGES = frozenset(
    {"English", "French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Danish", "Swedish", "Norwegian"}
    | {"Finnish", "Indonesian"}
)
# A folder holding this file, starting with this signature, is a cache (the Cache Directory Tagging
# Specification, which tar --exclude-caches and backup tools read): checker's index folder has one, and no walk
# reads it, in a git work tree or not.
CACHE_TAG, CACHE_TAG_SIGNATURE = "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55"
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | MARKDOWN_SUFFIXES | {".jsonl"}
SUPPORTED = "use .txt, .md, .markdown, .html or .jsonl"
LINKED_FOLDER = "link to a folder, not followed (name it as an input to read it)"
# A file with this many valid UTF-8 characters beyond ASCII to each byte that is not UTF-8 is UTF-8 with stray
# bytes, not a legacy encoding: CJK code pages form chance UTF-8 sequences, but far fewer than their invalid ones.
MIN_UTF8_PER_STRAY_BYTE = 2
# A legacy encoding guessed for a text at most this share of whose bytes are beyond ASCII is warned of: its few
# other bytes decided the guess alone (set by hand: a Russian article in its code page is over half beyond ASCII,
# a Russian page with its markup 7.6% in review, an English article with a few stray bytes well under 1%)
GUESS_WARNING_SHARE = 0.02
ASCII_BYTES = bytes(range(128))
BYTES_PER_CHAR = 4  # the most UTF-8 (or UTF-32) takes for one character
JSON_CHARS_PER_CHAR = 12  # "\ud83d\ude00": the most a JSON string takes to write one character
# UTF-32 first: its little-endian mark begins with UTF-16's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FILE_TYPES = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISDIR, "directory"),
)
# Markup a feed writes into an article's text: a tag of a body's blocks or links. A character reference alone
# ("AT&amp;T") makes no page of a plain text, whose line breaks HTML would read as spaces.
HTML_IN_TEXT = re.compile(r"</?(?:p|br|div|a|h[1-6]|ul|ol|li|blockquote|figure|table)\b[^<>]{0,500}>", re.IGNORECASE)
SURROGATES = re.compile("[\ud800-\udfff]")  # only ever unpaired in a str: from "\ud800" in JSON
ESCAPED_BYTES = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by "surrogateescape"
WEB_ADDRESS = re.compile(r"https?://\S+\Z", re.IGNORECASE)  # a full address: JSON-LD may give "/2025/blast"


class InputError(ValueError):
    """A file or line that cannot be turned into a document; the message names it."""


class NotAnArticle(InputError):
    """A file of a site that is no article (a draft, a section page, a template): left out on purpose."""


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)  # a file's path -> the name of the folder its id is under
    warnings: list[str] = field(default_factory=list)  # about documents read all the same ("where: what")


PUBLISHED_YEARS = (1900, 2200)
SPACE_BEFORE_OFFSET = re.compile(r"(?<=\d:\d\d) +(?=[+-]\d\d:?\d\d$)")  # Jekyll's "2024-03-05 10:00:00 +0000"
MIN_UNIX_TIME = 1e8  # 1973: a smaller number is a year or a count, not seconds since 1970


def publication_time(value: object) -> str:
    """A `published` value as ISO 8601: "2014-10-22", or with its time ("2014-10-22T16:40:00+00:00").

    Feeds write ISO 8601 or RFC 2822 ("Wed, 22 Oct 2014 16:40:00 +0000", RSS's form), or a Unix time as a
    JSON number (seconds, or milliseconds past 1e11). ValueError where the value is none of these, or is
    outside PUBLISHED_YEARS.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not abs(value) >= MIN_UNIX_TIME:  # a year (2014) or a count; NaN too
            raise ValueError(f"{str(value)[:40]} is not a Unix time")
        try:
            moment = datetime.fromtimestamp(value / 1000 if abs(value) > 1e11 else value, UTC)
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"{str(value)[:40]} is not a Unix time") from None
        return _in_range(moment, str(value)).isoformat(timespec="seconds")
    text = SPACE_BEFORE_OFFSET.sub("", str(value).strip())
    for read in (date.fromisoformat, datetime.fromisoformat, parsedate_to_datetime):
        try:
            moment = read(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        moment = _in_range(moment, text)
        return moment.isoformat(timespec="seconds") if isinstance(moment, datetime) else moment.isoformat()
    raise ValueError(f"'{text[:40]}' is not a date or time (ISO 8601 or RFC 2822)")


def _in_range(moment: date, given: str) -> date:
    """`moment` where it is a time news is published in; ValueError for "0001-01-01", "9999-12-31" or a year (2014)
    read as seconds since 1970: too far off to order, and past what a day can be added to."""
    if not PUBLISHED_YEARS[0] <= moment.year <= PUBLISHED_YEARS[1]:
        raise ValueError(f"'{given[:40]}' is not a publication time (years {PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]})")
    return moment


def shown_path(path: str | Path) -> str:
    """The path as valid Unicode, bytes of a name that is not UTF-8 shown as `\\xe9`.

    Python holds such bytes as lone surrogates, which cannot be hashed, printed or
    written to a UTF-8 report; the file itself is still opened by its real name.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of `data` names, or None."""
    return next((codec for bom, codec in BOMS if data.startswith(bom)), None)


def decode(data: bytes, warn: Callable[[str], None] | None = None) -> str:
    """A byte-order mark first (UTF-16 and UTF-32 text is full of NUL bytes); then UTF-8; else a guess.

    `warn` hears of bytes that are not UTF-8 in a file that otherwise is (`_damaged_utf8`)."""
    encoding = bom_encoding(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid {encoding.removesuffix('-sig').upper()} text ({exc.reason})") from None
    elif b"\x00" in data[:8192]:
        text = _utf16_without_mark(data)
    else:
        text = _guess_encoding(data, warn)
    if not text.strip():
        raise InputError("empty file")
    return text


def _utf16_without_mark(data: bytes) -> str:
    """UTF-16 text saved without a byte-order mark (some Windows tools do), told by its NUL bytes nearly all on
    one side of each pair; anything else with NUL bytes is binary. That tells only text mostly in the Latin
    script (Cyrillic or Chinese has no NUL bytes to tell by): such a file needs its mark."""
    sample = data[: 8192 - 8192 % 2]
    for encoding, nuls, rest in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2])):
        # "Ā" (U+0100) or "一" (U+4E00) puts a NUL on the other side: a few are text
        if len(data) % 2 == 0 and nuls.count(0) >= 0.9 * len(nuls) and rest.count(0) <= 0.05 * len(rest):
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode(encoding)
    raise InputError("binary file (NUL bytes), not text")


def _guess_encoding(data: bytes, warn: Callable[[str], None] | None = None) -> str:
    """UTF-8 if it is, or nearly is; Windows-1252 for a Western language; otherwise the legacy encoding
    charset-normalizer finds."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        if warn is not None:
            warn(damaged)
        return data.decode("utf-8", "replace")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not matches:
        raise InputError("unknown text encoding")
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    # A text too short to tell a language by (coherence 0) goes by the languages its other readings find.
    languages = {best.language} if best.coherence else {m.language for m in matches if m.coherence}
    western = bool({language.rstrip("—") for language in languages} & WESTERN_LANGUAGES)
    # Ties are common on short texts (Icelandic read as well as Slovak in cp1250): Windows-1252 is the usual one.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if western or any("cp1252" in (m.encoding, *m.could_be_from_charset) for m in tied):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("cp1252")
    beyond_ascii = len(data.translate(None, ASCII_BYTES))
    if warn is not None and beyond_ascii <= GUESS_WARNING_SHARE * len(data):
        # English with a few stray bytes Windows-1252 leaves undefined read as Cyrillic ("Rotterdam яюъыь"),
        # silently; a Russian or Japanese file is nearly all bytes beyond ASCII, and says nothing
        warn(f"neither UTF-8 nor Windows-1252; its {beyond_ascii} bytes beyond ASCII read as {best.encoding}, a guess")
    return str(best)


def _damaged_utf8(data: bytes) -> str | None:
    """What is wrong with UTF-8 text that holds a few bytes of another encoding, or None where `data` is no such
    text. One stray Windows-1252 quote in a UTF-8 article made the whole of it a guess, and the guess (Windows-1251)
    garbled every curly quote ("Putin’s" read "PutinвЂ™s") without a word: text with at least
    `MIN_UTF8_PER_STRAY_BYTE` valid UTF-8 characters beyond ASCII to each byte that is not UTF-8 is UTF-8, those
    bytes replaced. A legacy file seldom holds a valid UTF-8 sequence at all."""
    text = data.decode("utf-8", "surrogateescape")
    stray = [i for i, c in enumerate(text) if "\udc80" <= c <= "\udcff"]
    beyond_ascii = sum(1 for c in text if c > "\x7f") - len(stray)
    if beyond_ascii < MIN_UTF8_PER_STRAY_BYTE * len(stray):
        return None
    at = f" at line {text.count(chr(10), 0, stray[0]) + 1}" if "\n" in text else ""
    more = f" and {len(stray) - 1} more" if len(stray) > 1 else ""
    return f"not valid UTF-8{at} (byte 0x{ord(text[stray[0]]) - 0xDC00:02x}{more}); read as UTF-8, those bytes replaced"


def _an_article(item: dict) -> bool:
    """A schema.org object of an article's type: NewsArticle, Article, ReportageNewsArticle, BlogPosting, ..."""
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.endswith(("Article", "BlogPosting")) for kind in kinds)


class _MainText(HTMLParser):
    """Visible text of an HTML page, with each character's offset in the raw file.

    Markup is parsed by the standard library's HTML tokenizer; scripts, styles
    and navigation/aside/footer/form regions are skipped, and the page's header,
    but not an article's own (its headline and byline); block elements end a line.
    """

    # Start tags that end an open paragraph, and the elements a paragraph is not ended through (HTML's "close a p
    # element" and "button scope")
    CLOSES_P = {
        *("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure"),
        *("footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav"),
        *("ol", "p", "pre", "section", "table", "ul"),
    }
    P_SCOPE = frozenset({"applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th"})
    # What a news page says of itself in <meta> (Open Graph, schema.org, Dublin Core) and <link rel="canonical">,
    # by the name, property or itemprop; the first given of each wins.
    META = {
        "article:published_time": "published",
        "datepublished": "published",
        "pubdate": "published",
        "publishdate": "published",
        "dc.date.issued": "published",
        "dcterms.issued": "published",
        "og:site_name": "source",
        "og:url": "url",
    }
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    SKIP = {"script", "style", "noscript", "nav", "aside", "footer", "header", "form", "svg", "template", "figcaption"}
    # Page furniture named by its class or id, as Readability (Mozilla's reader view) finds "unlikely candidates":
    # cookie and consent banners, share bars, related and most-read lists, captions and credits, bylines, pull
    # quotes, embedded posts, comments, menus, footers. An element named as the article's own too ("article-body",
    # "story-content") is kept, and so are the page's html, body, article and main.
    FURNITURE_NAMES = re.compile(
        r"cookie|consent|gdpr|banner|share|sharing|social|related|popular|most-?read|trending|newsletter|subscri|"
        r"promo|sponsor|advert|(^|[\s_-])ads?([\s_-]|$)|caption|credit|byline|pull-?quote|twitter-tweet|"
        r"instagram|tiktok|comment|breadcrumb|menu|sidebar|masthead|topbar|toolbar|footer|outbrain|taboola|"
        r"(^|[\s_-])nav",
        re.IGNORECASE,
    )
    ARTICLE_NAMES = frozenset({"article", "body", "column", "content", "main", "story", "entry"})  # whole parts
    NEVER_SKIPPED = frozenset({"html", "body", "article", "main"})
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "blockquote",
        "title",
        "figcaption",
        "ul",
        "ol",
        "table",
        "main",
        "pre",
        "hr",
    }

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.chars: list[str] = []
        self.offsets: list[int] = []  # where each character of the text starts in the raw page
        self.ends: list[int] = []  # and where it ends: past a whole "&rdquo;", not one character on
        self.open: list[str] = []  # the elements open here, innermost last
        self.open_count: Counter[str] = Counter()  # of each name, so a stray end tag costs no search
        self.skipping: list[int] = []  # where in `open` each skipped region open here starts, innermost last
        self.title = ""
        self.meta: dict[str, str | int | float] = {}  # "published" (a JSON-LD number too), "source", "url"
        self.times: list[tuple[bool, str]] = []  # each <time datetime>, and whether it stands in furniture
        self._json_ld: list[str] | None = None  # the text of a schema.org JSON-LD script being read
        self._in_title = False

    def _raw_offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, raw_start: int, reference_end: int | None = None) -> None:
        """Text from `raw_start` on: one raw character each, or, with `reference_end`, all from the character
        reference that starts there and ends there. A line break in the page's text is a space: in HTML only a
        block element ends a line (`_line_end`)."""
        for i, ch in enumerate(text):
            self.chars.append(" " if ch in "\r\n\t" else ch)
            start = raw_start + (i if reference_end is None else 0)
            self.offsets.append(start)
            self.ends.append(start + 1 if reference_end is None else reference_end)

    def _line_end(self) -> None:
        """A line break where a block element starts or ends: line-by-line cleaning (bylines, credits, link lists)
        and sentence splitting read it so."""
        start = self._raw_offset()
        self.chars.append("\n")
        self.offsets.append(start)
        self.ends.append(start + 1)

    @property
    def skip_depth(self) -> int:
        return len(self.skipping)

    def _read_meta(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "script" and (attrs.get("type") or "").strip().lower() == "application/ld+json":
            self._json_ld = []
            return
        if tag == "time" and (attrs.get("datetime") or "").strip():
            self.times.append((bool(self.skip_depth), attrs["datetime"].strip()))
            return
        if tag == "meta":
            key = self.META.get((attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower())
            value = attrs.get("content")
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            key, value = "url", attrs.get("href")
        else:
            return
        if key and value and value.strip():
            self.meta.setdefault(key, value.strip())

    def _furniture(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Whether an element holds no article text: its tag says so, or its class or id."""
        if tag in self.SKIP:
            return not (tag == "header" and (self.open_count["article"] or self.open_count["main"]))
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        parts = set(re.split(r"[\s_-]+", names.lower()))  # "article-body": "article", "body"; not "somebody"
        furniture = bool(self.FURNITURE_NAMES.search(names))
        return tag not in self.NEVER_SKIPPED and furniture and not parts & self.ARTICLE_NAMES

    def handle_starttag(self, tag: str, attrs: list) -> None:
        named = dict(attrs)
        self._read_meta(tag, named)
        if tag in self.CLOSES_P and self.open_count["p"]:
            self._close("p", self.P_SCOPE)  # "<p>Intro<aside>": the paragraph ends where the aside starts
        if tag not in self.VOID:
            if self._furniture(tag, named):
                self.skipping.append(len(self.open))
            self.open.append(tag)
            self.open_count[tag] += 1
        if tag == "title" and not self.title and not self.open_count["svg"]:
            self._in_title = True  # the page's title, not an icon's
        if tag in self.BLOCK:
            self._line_end()

    def _close(self, tag: str, scope: frozenset[str] = frozenset()) -> None:
        """Close the innermost open element of this name and, as a browser does, every one opened inside it:
        an `<aside>` left unclosed ends with the `</article>` or `</div>` around it, not with the page. Not
        past an element of `scope` (a `<p>` outside a table cell is not closed by a `<div>` in the cell)."""
        for start in range(len(self.open) - 1, -1, -1):
            if self.open[start] == tag:
                break
            if self.open[start] in scope:
                return
        self.open_count.subtract(self.open[start:])
        del self.open[start:]
        while self.skipping and self.skipping[-1] >= start:
            self.skipping.pop()

    def _read_json_ld(self, text: str) -> None:
        """schema.org's NewsArticle as sites write it for search engines: `datePublished`, the publisher's
        `name` and the article's `url`, in an object, a list of them or an `@graph`; an article's own before the page's or the site's (a
        WebPage dated 2020 beside a NewsArticle of 2024 anchored "on Monday" in 2019). Text that is not JSON is
        passed over."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return
        items = data if isinstance(data, list) else [data]
        items += [
            i
            for item in items
            if isinstance(item, dict) and isinstance(item.get("@graph"), list)
            for i in item["@graph"]
        ]
        for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: not _an_article(i)):
            published = item.get("datePublished")
            if isinstance(published, str | int | float) and not isinstance(published, bool) and published != "":
                self.meta.setdefault("published", published)
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
                self.meta.setdefault("source", publisher["name"].strip())
            url = item.get("url")  # an article's own (a WebSite's is the site's home page), as a full web address
            if _an_article(item) and isinstance(url, str) and WEB_ADDRESS.match(url.strip()):
                self.meta.setdefault("json_ld_url", url.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json_ld is not None:
            self._read_json_ld("".join(self._json_ld))
            self._json_ld = None
        if self.open_count[tag]:
            self._close(tag)
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self._line_end()

    def handle_data(self, data: str) -> None:
        if self._json_ld is not None:
            self._json_ld.append(data)
        elif self._in_title:
            self.title += data
        elif not self.skip_depth:
            self._emit(data, self._raw_offset())

    def _entity(self, reference: str) -> None:
        """A character reference (`reference`: "&" and its name) as the text it stands for, as a browser reads it:
        "&amp" with no ";" is "&", an unknown "&foo;" stays as written."""
        start = self._raw_offset()
        end = start + len(reference)
        end += self.raw.startswith(";", end)
        if self._in_title:
            self.title += unescape(self.raw[start:end])
        elif not self.skip_depth:
            self._emit(unescape(self.raw[start:end]), start, end)

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name}")


def html_main_text(raw: str) -> MainText:
    """The title and main text of an HTML page, with each text character's place in it.

    Text after the last `>` holds no complete tag; where it holds a `<`, it is
    taken as data directly: the standard library's parser rescans an unfinished
    tail once per `<` in it, which takes minutes on a hostile page ("<a <a <a …").
    """
    parser = _MainText(raw)
    cut = raw.rfind(">") + 1
    if "<" not in raw[cut:]:
        cut = len(raw)  # no unfinished tag: the parser reads it all (and decodes its character references)
    parser.feed(raw[:cut])
    parser.close()
    if not parser.skip_depth:
        parser._emit(raw[cut:], cut)
    # where nothing else dates the page, its first <time> that is one (not "PT2M", nor a month): in the article
    # before one in furniture (a header's clock), though a byline's, which is furniture, often is the only one
    times = sorted((in_furniture, i, t) for i, (in_furniture, t) in enumerate(parser.times) if _is_publication_time(t))
    if times:
        parser.meta.setdefault("published", times[0][2])
    return MainText(parser.title.strip(), "".join(parser.chars), tuple(parser.offsets), tuple(parser.ends), parser.meta)


def _host(url: str) -> str:
    """The site an address names ("bbc.co.uk" of "https://www.bbc.co.uk/news/1"): a page's outlet where it names
    none."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _without_site(title: str, source: str) -> str:
    """A page title without the site's name after it ("Nigeria agrees ceasefire - BBC News" by BBC News): the
    title names the story, not the outlet."""
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and source and tail.strip().lower() == source.lower():
            return head.strip()
    return title


def _runs(offsets: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """(text offset, raw offset) where a run of consecutive raw offsets starts: a page's map, a few hundred pairs."""
    return tuple((i, o) for i, o in enumerate(offsets) if i == 0 or o != offsets[i - 1] + 1)


def _document(doc_id: str, text: str, path: str, **meta) -> Document:
    """A document with its kept spans; the publication date is read from a dateline when not given."""
    meta["published"] = meta.get("published") or publication_date(text)
    return Document(id=doc_id, text=text, path=path, kept=kept_spans(text), **meta)


def _check_length(text: str, max_chars: int) -> None:
    """Refuse a document over the limit: spaCy's parser takes about 1 GB per 100,000 characters."""
    if len(text) > max_chars:
        raise InputError(f"document is {len(text):,} characters, over the limit of {max_chars:,} (max_document_chars)")


def _stat(path: Path) -> os.stat_result:
    """The status of what `path` names, following links; a dangling link or a loop is named as such."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError("broken symbolic link") from None
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("symbolic link loop") from None
        raise


def _check_file(status: os.stat_result, max_chars: int | None) -> None:
    """Refuse anything but a regular file, and one too large to hold a document of `max_chars`."""
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for is_kind, name in FILE_TYPES if is_kind(status.st_mode)), "special file")
        raise InputError(f"not a regular file ({kind})")
    if max_chars is not None and status.st_size > BYTES_PER_CHAR * max_chars:
        raise InputError(
            f"file is {status.st_size:,} bytes, over {BYTES_PER_CHAR} x the limit of {max_chars:,} characters"
            " (max_document_chars)"
        )


def open_regular(path: Path, max_chars: int | None = None) -> BinaryIO:
    """`path` opened for reading if it is a regular file (of at most 4 bytes a character of `max_chars`).

    Checked before opening, since opening a FIFO waits for a writer forever; opened
    non-blocking and checked again, in case something else was put there in between.
    """
    _check_file(_stat(path), max_chars)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        _check_file(os.fstat(fd), max_chars)
    except InputError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_text_file(path: Path, doc_id: str, max_chars: int, warnings: list[str]) -> Document:
    """A .txt, .md, .markdown or .html file as one document; its size is checked before a byte is read. A page's head or
    an article's front matter gives its title, source, address and publication time (`warnings` says where
    that time, or the front matter, cannot be read)."""
    where = shown_path(path)
    with open_regular(path, max_chars) as file:
        text = decode(file.read(), lambda problem: warnings.append(f"{where}: {problem}"))
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _main_text_document(doc_id, where, text, html_main_text(text), max_chars, warnings)
    if path.name == SECTION_PAGE:
        raise NotAnArticle(f"a site's section page ({SECTION_PAGE}), not an article")
    if suffix in MARKDOWN_SUFFIXES:
        page = markdown_main_text(text, lambda problem: warnings.append(f"{where}: {problem}; read without it"))
        return _main_text_document(doc_id, where, text, _or_html_body(page, text), max_chars, warnings)
    _check_length(text, max_chars)
    return _document(doc_id, text, where)


def _or_html_body(page: MainText, raw: str) -> MainText:
    """A Markdown article whose body is all HTML (a WordPress export: raw HTML is no text to Markdown) read as
    a page is, its front matter's fields first; any other `page` as it is."""
    if page.text.strip() or not html_blocks(raw):
        return page
    body_start = front_matter(raw)[0]
    html = html_main_text(" " * body_start + raw[body_start:])  # the same length: each offset stays the file's
    return html._replace(title=page.title or html.title, meta=html.meta | page.meta)


def _main_text_document(
    doc_id: str, where: str, raw: str, page: MainText, max_chars: int, warnings: list[str]
) -> Document:
    """A document of a file's main text, mapped back into the file, with what the file says of itself; a draft
    or a site's template (a Hugo layout, an archetype: "{{ .Title }}") is no article."""
    if page.meta.get("draft"):
        raise NotAnArticle("a draft (draft: true in its front matter), not published")
    if page.meta.get("template") or SITE_TEMPLATE.search(page.title) or SITE_TEMPLATE.search(page.text):
        raise NotAnArticle("a site template ({{ ... }} in it), not an article")
    if not page.text.strip():
        raise InputError("no article text in the file")
    _check_length(page.text, max_chars)
    url = str(page.meta.get("url") or page.meta.get("json_ld_url", ""))  # a canonical link or og:url first
    source = str(page.meta.get("source") or _host(url))
    return _document(
        doc_id,
        page.text,
        where,
        title=_without_site(page.title, source),
        source=source,
        url=url,
        published=_published(page.meta.get("published"), where, warnings, str(page.meta.get("published_key", ""))),
        **_file_map(page, raw),
    )


def _file_map(page: MainText, raw: str) -> dict[str, tuple]:
    """Where a main text's characters and lines stand in what it was read from (a file, a record's text)."""
    return {"source_offsets": _runs(page.starts), "source_ends": _runs(page.ends), "source_lines": line_starts(raw)}


def jsonl_lines(path: Path, max_chars: int) -> Iterator[str | None]:
    """The lines of a JSONL file, split on "\\n" only, and None for one too long to hold a document.

    `str.splitlines` would also split inside JSON strings (U+2028, U+0085, form
    feeds), losing records and shifting every later line number. An over-long
    line is read past in pieces, never held whole.
    """
    binary = open_regular(path)
    encoding = bom_encoding(binary.peek(4)[:4]) or "utf-8-sig"
    limit = JSON_CHARS_PER_CHAR * max_chars
    with io.TextIOWrapper(binary, encoding, errors="surrogateescape", newline="\n") as file:
        while line := file.readline(limit + 1):
            if len(line) <= limit or line.endswith("\n"):
                yield line.removesuffix("\n").removesuffix("\r")
                continue
            while (rest := file.readline(limit)) and not rest.endswith("\n"):
                pass
            yield None


def _unicode(text: str) -> str:
    """`text` with unpaired surrogates (from JSON escapes) as U+FFFD: valid Unicode of the same length."""
    return SURROGATES.sub("\ufffd", text)


def _json_type(value: object) -> str:
    """What JSON calls the type of a parsed value: "null", "number", "boolean", "array", "object", "string"."""
    kinds = ((type(None), "null"), (bool, "boolean"), ((int, float), "number"), (list, "array"), (dict, "object"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "string")


def _record(line: str | None, where: str, max_chars: int, warnings: list[str]) -> Document:
    """The document on one JSONL line; InputError says why the line is not one. A `published` value that is
    not a time is warned about and left out: the article is still read."""
    if line is None:
        raise InputError(
            f"line is over {JSON_CHARS_PER_CHAR} x the limit of {max_chars:,} characters (max_document_chars)"
        )
    if ESCAPED_BYTES.search(line):  # not UTF-8: guess this line's legacy encoding
        line = decode(line.encode("utf-8", "surrogateescape"), lambda problem: warnings.append(f"{where}: {problem}"))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # the column is where the fault starts: "Unterminated string starting at column 26"
        raise InputError(f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}") from None
    except RecursionError:  # one record nested a thousand deep skipped the rest of its feed
        raise InputError("JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError("a JSON object was expected")
    for key, kinds in (("id", (str, int)), ("text", (str,))):
        value = record.get(key)
        if not isinstance(value, kinds) or isinstance(value, bool):
            given = "missing" if key not in record else f"a JSON {_json_type(value)}"
            raise InputError(f'"{key}" is {given}; each line needs "id" (string) and "text" (string)')
    text = _unicode(record["text"])
    if not text.strip():
        raise InputError("empty text")
    _check_length(text, max_chars)
    meta = {k: _unicode(str(record.get(k) or "")) for k in ("source", "title", "url")}
    meta["published"] = _published(record.get("published"), where, warnings)
    if HTML_IN_TEXT.search(text):  # a feed's content as HTML ("<p>...</p>"): read as a page is
        page = html_main_text(text)
        if not page.text.strip():
            raise InputError("no text in the HTML of its text")
        meta |= _file_map(page, text)
        text = page.text
    return _document(_unicode(str(record["id"])), text, where, **meta)


def _is_publication_time(value: str) -> bool:
    try:
        return bool(publication_time(value))
    except ValueError:
        return False


def _published(value: object, where: str, warnings: list[str], key: str = "") -> str:
    """`publication_time(value)`, or "" with a warning naming `where` (and the `key` that gave it) when it is
    given and is not a time."""
    if value is None or value == "":
        return ""
    try:
        return publication_time(value)
    except ValueError as exc:
        warnings.append(f"{where}: {key or 'published'} {exc}; read with no publication time")
        return ""


def read_jsonl_file(path: Path, corpus: Corpus, max_chars: int) -> None:
    """One article a line; a bad line is skipped with its line number, the others kept."""
    first = True
    for number, line in enumerate(jsonl_lines(path, max_chars), start=1):
        if line is not None and not line.strip():
            continue
        where = f"{shown_path(path)}:{number}"
        if first and _a_report(line):
            corpus.skipped.append(SkippedFile(shown_path(path), CHECKER_REPORT, on_purpose=True))
            return
        first = False
        try:
            corpus.documents.append(_record(line, where, max_chars, corpus.warnings))
        except InputError as exc:
            corpus.skipped.append(SkippedFile(where, str(exc)))


def _a_report(line: str | None) -> bool:
    """Whether a JSONL file's first line with text is a finding: the file is a report an earlier run wrote (under another
    name than this run's, which is left out before it is read), and each of its lines would be warned of."""
    try:
        return line is not None and is_report_line(json.loads(line))
    except (ValueError, RecursionError):
        return False


def record_text(path: Path, number: int, max_chars: int = Config.max_document_chars) -> str:
    """The `text` of line `number` of a JSONL file as `load_corpus` reads it: what claim spans index."""
    lines = jsonl_lines(path, max_chars)
    try:
        line = next(islice(lines, number - 1, None), None)
    finally:
        lines.close()
    return _record(line, f"{path}:{number}", max_chars, []).text


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _walk(folder: Path, skipped: list[SkippedFile], ignores: Ignores, warnings: list[str]) -> list[Path]:
    """Files under a folder with a supported suffix, hidden files and folders left out, and what `ignores` leaves
    out (git's ignored files, the `exclude` patterns: `checker.ignores`).

    Whatever is not a folder is listed (FIFOs, broken links) so that reading it
    gives a skip reason; a folder that cannot be read is named in `skipped`, and
    so are links to folders outside it (no link is followed, so a link back to a
    parent cannot loop) and, in one line, the files of other types, which a user might
    otherwise believe checked (a `.jsonl.gz` feed, say). Where git failed in a work tree, `warnings` says
    that what it ignores is read too.
    """

    def unreadable(exc: OSError) -> None:
        skipped.append(SkippedFile(shown_path(exc.filename or folder), f"folder not read ({_reason(exc)})"))

    files, other_types, root = [], Counter(), folder.resolve()
    left_out = ignores.in_folder(str(folder))
    if left_out.problem:
        warnings.append(
            f"{shown_path(folder)}: git could not list its files ({left_out.problem}); what git ignores is read too"
        )
    for top, folders, names in os.walk(folder, onerror=unreadable):
        here = Path(top).relative_to(folder)
        linked = sorted(name for name in folders if not name.startswith(".") and Path(top, name).is_symlink())
        outside = [name for name in linked if not Path(top, name).resolve().is_relative_to(root)]
        skipped.extend(SkippedFile(shown_path(Path(top, name)), LINKED_FOLDER) for name in outside)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and name not in linked
            and not left_out.leaves_out_folder((here / name).as_posix())
            and not is_cache_folder(Path(top, name))
        )
        for name in names:
            if name.startswith(".") or left_out.leaves_out((here / name).as_posix()):
                continue
            suffix = Path(name).suffix.lower()
            if name in CONFIG_FILE_NAMES:  # checker's own settings, kept with the corpus: no article, nor unread
                continue
            if suffix in SUFFIXES and repository_page(name):
                skipped.append(SkippedFile(shown_path(Path(top, name)), REPOSITORY_PAGE, on_purpose=True))
            elif suffix in SUFFIXES:
                files.append(Path(top, name))
            else:
                other_types[suffix or "no suffix"] += 1
    if other_types:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(other_types.items()))
        count = sum(other_types.values())
        what = f"{count} file{'s' if count > 1 else ''} of other types not read ({kinds}; {SUPPORTED})"
        skipped.append(SkippedFile(shown_path(folder), what, inputs=count))
    return sorted(files)


def is_cache_folder(folder: Path) -> bool:
    """Whether `folder` is tagged as a cache (`CACHE_TAG`): an index's folder, say, holds no articles."""
    try:
        with (folder / CACHE_TAG).open("rb") as tag:
            return tag.read(len(CACHE_TAG_SIGNATURE)) == CACHE_TAG_SIGNATURE.encode()
    except OSError:
        return False


def _glob_root(pattern: Path) -> Path:
    """The folder part of a glob before its first wildcard: document ids are relative to it."""
    parts = []
    for part in pattern.parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _glob(pattern: Path) -> list[Path]:
    """What a glob matches, folders left out; hidden names only where the pattern names one (as `glob.glob`).

    pathlib's `**` does not follow links to folders; `glob.glob`'s does, and a
    link to a parent folder makes it run for ever.
    """
    root = _glob_root(pattern)
    # "**" inside a name ("**.txt") is "*", as glob.glob reads it; pathlib refuses it
    rest = Path(*(part if part == "**" else part.replace("**", "*") for part in pattern.relative_to(root).parts))
    if rest.name == "**":
        rest = rest / "*"  # "news/**": every file under news, as glob.glob reads it
    return sorted(
        m for m in root.glob(str(rest)) if not m.is_dir() and (_hidden(rest) or not _hidden(m.relative_to(root)))
    )


def expand_paths(
    paths: Iterable[str], skipped: list[SkippedFile], ignores: Ignores | None, warnings: list[str]
) -> Iterator[tuple[Path, Path | None]]:
    """(file, corpus root) for every input file; (missing path, None) for what does not exist.

    A path or pattern that cannot be expanded at all (an unreadable folder, a
    malformed glob) is named in `skipped`, and the others are still read.
    """
    for arg in paths:
        try:
            yield from _expand(arg, skipped, ignores or Ignores(), warnings)
        except (OSError, ValueError) as exc:
            skipped.append(SkippedFile(shown_path(arg), _reason(exc)))


def _expand(
    arg: str, skipped: list[SkippedFile], ignores: Ignores, warnings: list[str]
) -> Iterator[tuple[Path, Path | None]]:
    path = Path(arg)
    if path.is_dir():
        yield from ((file, path) for file in _walk(path, skipped, ignores, warnings))
    else:
        yield from _expand_file(path, arg)


def _expand_file(path: Path, arg: str) -> Iterator[tuple[Path, Path | None]]:
    if os.path.lexists(path):  # a broken link too: reading it says so
        yield path, path.parent
    elif glob.has_magic(arg) and (matches := _glob(path)):
        yield from ((m, _glob_root(path)) for m in matches)
    else:
        yield path, None


def _reason(exc: Exception) -> str:
    """A one-line, lowercase reason for the skipped-file warning."""
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, UnicodeDecodeError):
        return f"cannot decode as {exc.encoding} ({exc.reason})"
    return " ".join(f"cannot be read ({type(exc).__name__}: {exc})".split())


def _read(file: Path, root: Path | None, corpus: Corpus, max_chars: int) -> None:
    """Add one input's documents to `corpus`, or the reason it could not be read."""
    suffix = file.suffix.lower()
    try:
        if root is None:  # a path not there, or a pattern nothing matches
            raise InputError(
                "no file matches this pattern" if glob.has_magic(str(file)) else "no such file or directory"
            )
        if suffix not in SUFFIXES:
            raise InputError(f"unsupported file type '{suffix or file.name}' ({SUPPORTED})")
        if suffix == ".jsonl":
            read_jsonl_file(file, corpus, max_chars)
        else:
            doc_id = shown_path(file.relative_to(root).as_posix())
            corpus.documents.append(read_text_file(file, doc_id, max_chars, corpus.warnings))
            corpus.folders[corpus.documents[-1].path] = shown_path(root.resolve().name)
    except Exception as exc:  # whatever fails on one file (an HTML parser's assertion too) skips only it
        corpus.skipped.append(SkippedFile(shown_path(file), _reason(exc), on_purpose=isinstance(exc, NotAnArticle)))


def _keep_first(corpus: Corpus) -> None:
    """One document per id; files of two folders with one id get their folder's name in front; feed records of
    one id and the first one's outlet are versions of one article, the latest kept (`_latest`); the others
    are skipped, naming the one read.

    `checker run outlet-a/ outlet-b/` gives two `index.html`: each is an article, and ids relative to each folder
    collide. Prefixed ("outlet-a/index.html") they are told apart; the ids of the others stay as they were. A
    record of another outlet under a feed article's id is skipped, and the article's versions still replace
    each other: the correction was lost where one was there.
    """
    by_id: dict[str, list[Document]] = defaultdict(list)
    for doc in corpus.documents:
        by_id[doc.id].append(doc)
    kept: dict[str, Document] = {}
    for doc_id, docs in by_id.items():
        prefixed = [f"{corpus.folders.get(d.path, '')}/{doc_id}" for d in docs]
        distinct = all(p[0] != "/" for p in prefixed) and len(set(prefixed)) == len(docs)  # JSONL ids stay as given
        if len(docs) > 1 and distinct and not set(prefixed) & set(by_id):
            kept |= {p: replace(d, id=p) for p, d in zip(prefixed, docs, strict=True)}
            continue
        # feed records of the first one's outlet are its versions, whatever another outlet gives under that id
        feed = all(d.file != d.path for d in docs)
        versions = [d for d in docs if d.source == docs[0].source] if feed else docs[:1]
        kept[doc_id] = latest = _latest(versions)
        replaced = f"replaced by a later version of '{doc_id}' ({latest.path})"
        corpus.skipped += [SkippedFile(d.path, replaced, on_purpose=True) for d in versions if d is not latest]
        chosen = {id(d) for d in versions}
        corpus.skipped += [
            SkippedFile(d.path, f"duplicate document id '{doc_id}' (the one read: {latest.path})")
            for d in docs
            if id(d) not in chosen
        ]
    corpus.documents = sorted(kept.values(), key=lambda d: d.id)


def _latest(versions: list[Document]) -> Document:
    """The latest of a feed's versions of one article (one id, one outlet): a correction re-published under its
    id replaces what it corrects. The latest published where each gives a time, else the last read."""
    spans = [time_span(d.published) for d in versions]
    if None in spans:
        return versions[-1]
    return max(zip(spans, range(len(versions)), versions, strict=True), key=lambda v: (v[0][0], v[1]))[2]


def path_list(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> list[str]:
    """Paths as strings: one path given alone is one path. `load_corpus("news/")` read the string a character at a
    time, and "/" is a folder: the whole machine."""
    return [os.fspath(paths)] if isinstance(paths, str | os.PathLike) else [os.fspath(p) for p in paths]


def load_corpus(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    max_chars: int = Config.max_document_chars,
    exclude: Iterable[Path | str] = (),
    ignores: Ignores | None = None,
    min_english_share: float = Config.min_english_share,
) -> Corpus:
    """Documents from files, folders, globs and JSONL; unreadable inputs go to `skipped`.

    `max_chars` is `Config.max_document_chars`: longer documents are skipped.
    Files in `exclude` (the run's own outputs) are left out where a folder or
    glob finds them, and read only where they are named themselves; `ignores`
    says what a folder walk leaves out (`Config.exclude`, `Config.respect_gitignore`;
    by default what git ignores). An article not in English (`checker.language`) is skipped.
    """
    paths = path_list(paths)
    corpus = Corpus()
    read: set[str] = {os.path.realpath(p) for p in exclude} - {os.path.realpath(p) for p in paths}
    for file, root in expand_paths(paths, corpus.skipped, ignores, corpus.warnings):
        real = os.path.realpath(file)
        if real not in read:  # the same file named twice (a folder and a glob over it) is read once
            read.add(real)
            _read(file, root, corpus, max_chars)
    _keep_first(corpus)
    _keep_english(corpus, min_english_share)
    return corpus


def _keep_english(corpus: Corpus, min_english_share: float) -> None:
    """The documents in English kept; each other one named in `skipped` with what it reads as."""
    kept = []
    for document in corpus.documents:
        reason = not_english(document.text, min_english_share) if min_english_share else None
        if reason:
            corpus.skipped.append(SkippedFile(document.path, reason, on_purpose=True))
        else:
            kept.append(document)
    corpus.documents[:] = kept
