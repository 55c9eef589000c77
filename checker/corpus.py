"""Read a corpus: paths → `Document`s, and the files that had to be skipped.

Folders are walked recursively for `.txt`, `.md`, `.html`/`.htm` and `.jsonl`;
globs are expanded. A file that cannot be read is reported with its reason and
the run goes on with the others: one bad file never costs the whole report.
"""

from __future__ import annotations

import bisect
import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from checker.cleaning import kept_spans, publication_date
from checker.records import Document, SkippedFile

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
LEGACY_PREFERENCE = ("cp1252", "latin_1", "iso8859_15")
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl"}


class InputError(ValueError):
    """A file or line that cannot be turned into a document; the message names it."""


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) first; otherwise the encoding charset-normalizer finds."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError("unknown text encoding")
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    # Ties are common on short texts; Windows-1252 is the usual legacy encoding of English-language news.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    return str(next((m for m in tied if m.encoding in LEGACY_PREFERENCE), best))


class _MainText(HTMLParser):
    """Visible text of an HTML page, with each character's offset in the raw file.

    Markup is parsed by the standard library's HTML tokenizer; scripts, styles
    and navigation/aside/footer/form regions are skipped; block elements end a line.
    """

    SKIP = {"script", "style", "noscript", "nav", "aside", "footer", "header", "form", "svg", "template"}
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
        self.line_starts = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.skip_depth = 0
        self.title = ""
        self._in_title = False

    def _raw_offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, raw_start: int, contiguous: bool) -> None:
        for i, ch in enumerate(text):
            self.chars.append(" " if ch in "\r\n\t" else ch)
            self.offsets.append(raw_start + (i if contiguous else 0))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag in self.BLOCK:
            self._emit("\n", self._raw_offset(), False)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.chars.append("\n")
            self.offsets.append(self._raw_offset())

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self.skip_depth:
            self._emit(data, self._raw_offset(), True)

    def _entity(self, text: str) -> None:
        if not self.skip_depth and not self._in_title:
            self._emit(text, self._raw_offset(), False)

    def handle_entityref(self, name: str) -> None:
        self._entity(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity(unescape(f"&#{name};"))


def html_main_text(raw: str) -> tuple[str, str, tuple[int, ...]]:
    """(title, text, raw offset of each text character) of an HTML page."""
    parser = _MainText(raw)
    parser.feed(raw)
    parser.close()
    return parser.title.strip(), "".join(parser.chars), tuple(parser.offsets)


def _document(doc_id: str, text: str, path: str, **meta: str) -> Document:
    """A document with its kept spans; the publication date is read from a dateline when not given."""
    meta["published"] = meta.get("published") or publication_date(text)
    return Document(id=doc_id, text=text, path=path, kept=kept_spans(text), **meta)


def read_text_file(path: Path, doc_id: str) -> Document:
    text = decode(path.read_bytes(), str(path))
    if path.suffix.lower() in HTML_SUFFIXES:
        title, body, offsets = html_main_text(text)
        if not body.strip():
            raise InputError("no text in HTML page")
        compact = tuple((i, o) for i, o in enumerate(offsets) if i == 0 or o != offsets[i - 1] + 1)
        return _document(doc_id, body, str(path), title=title, source_offsets=compact)
    return _document(doc_id, text, str(path))


def read_jsonl_file(path: Path, corpus: Corpus) -> None:
    """One article a line; a bad line is skipped with its line number, the others kept."""
    text = decode(path.read_bytes(), str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError("a JSON object was expected")
            if not isinstance(record.get("id"), (str, int)) or not isinstance(record.get("text"), str):
                raise InputError('each line needs "id" (string) and "text" (string)')
            if not record["text"].strip():
                raise InputError("empty text")
        except (json.JSONDecodeError, InputError) as exc:
            reason = f"invalid JSON ({exc.msg})" if isinstance(exc, json.JSONDecodeError) else str(exc)
            corpus.skipped.append(SkippedFile(where, reason))
            continue
        meta = {k: str(record.get(k) or "") for k in ("source", "title", "published", "url")}
        corpus.documents.append(_document(str(record["id"]), record["text"], where, **meta))


def _glob_root(pattern: Path) -> Path:
    """The folder part of a glob before its first wildcard: document ids are relative to it."""
    parts = []
    for part in pattern.parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[Path, Path | None]]:
    """(file, corpus root) for every input file; (missing path, None) for what does not exist."""
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in SUFFIXES and not any(
                    part.startswith(".") for part in file.relative_to(path).parts
                ):
                    yield file, path
        elif path.exists():
            yield path, path.parent
        elif glob.has_magic(arg):
            matches = sorted(Path(m) for m in glob.glob(arg, recursive=True) if Path(m).is_file())
            yield from ((m, _glob_root(path)) for m in matches)
            if not matches:
                yield path, None
        else:
            yield path, None


def load_corpus(paths: Iterable[str]) -> Corpus:
    """Documents from files, folders, globs and JSONL; unreadable inputs go to `skipped`."""
    corpus = Corpus()
    seen: dict[str, str] = {}
    read: set[Path] = set()
    for file, root in expand_paths(paths):
        if file.resolve() in read:
            continue  # the same file named twice (a folder and a glob over it)
        read.add(file.resolve())
        if root is None:
            corpus.skipped.append(SkippedFile(str(file), "no such file or directory"))
            continue
        suffix = file.suffix.lower()
        if suffix not in SUFFIXES:
            corpus.skipped.append(
                SkippedFile(
                    str(file), f"unsupported file type '{suffix or file.name}' (use .txt, .md, .html or .jsonl)"
                )
            )
            continue
        before = len(corpus.documents)
        try:
            if suffix == ".jsonl":
                read_jsonl_file(file, corpus)
            else:
                corpus.documents.append(read_text_file(file, file.relative_to(root).as_posix()))
        except (InputError, OSError) as exc:
            corpus.skipped.append(SkippedFile(str(file), getattr(exc, "strerror", None) or str(exc)))
        for doc in corpus.documents[before:]:
            if doc.id in seen:
                corpus.skipped.append(
                    SkippedFile(doc.path, f"duplicate document id '{doc.id}' (first in {seen[doc.id]})")
                )
            seen.setdefault(doc.id, doc.path)
    unique = {}
    for doc in corpus.documents:
        unique.setdefault(doc.id, doc)
    corpus.documents = sorted(unique.values(), key=lambda d: d.id)
    return corpus


def file_offset(document: Document, offset: int) -> int:
    """Offset in the file the document was read from (differs from `offset` only for HTML)."""
    if not document.source_offsets:
        return offset
    starts = [s for s, _ in document.source_offsets]
    i = bisect.bisect_right(starts, offset) - 1
    text_start, raw_start = document.source_offsets[i]
    return raw_start + (offset - text_start)
