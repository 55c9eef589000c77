"""A persistent cache of what is already known, so CI only does new work.

SQLite under `.checker/` by default: claims keyed by document content,
embeddings keyed by claim text, NLI probabilities keyed by the text pair and
the model's weights hash. Every such key is a content hash, so a renamed file
or a moved corpus still hits the cache, and a changed model never reuses
verdicts. The weights hash itself is kept keyed by the weight files' paths,
sizes and modification times, and the stories and contradictions of the last
corpus checked are kept keyed by all it was made of (documents, settings,
weights, checker's code): rerun on an unchanged corpus, as most CI pushes
are, `checker ci` reads one row and loads no model, spaCy or scikit-learn.

Safety: a file lock serialises runs that start at once; each stage writes in
one transaction, so a killed run leaves the index as it was before that stage;
a damaged or version-mismatched index is moved aside and rebuilt with a
warning, never silently used, and a cached row that cannot be read back is
computed again with a warning. An index that cannot be written or locked
raises IndexUnavailable: rebuilding would not help, and CI must say why.
A folder the index creates gets a `.gitignore` of `*`, as ruff's cache does.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np
from filelock import FileLock, Timeout

from checker.checks import registry
from checker.checks.base import decode, encode
from checker.corpus import CACHE_TAG, CACHE_TAG_SIGNATURE
from checker.records import Claim, Document, Span, content_hash, interned
from checker.stories import Story

INDEX_VERSION = 1
DEFAULT_FOLDER = ".checker"  # the default index's folder: checker's own, wherever it is
# Bump when claim extraction changes what it produces, so cached claims are redone.
# The kinds of check are part of the key too: a new kind's annotations are made for every document.
CLAIMS_VERSION = "claims-11"
# Runs that start together (CI jobs sharing a checkout, pre-commit on several
# files) queue behind each other on the lock, and one run over a large corpus
# takes minutes; past 10 minutes the holder is more likely stuck than busy.
LOCK_TIMEOUT_S = 600.0
# SQLite errors that say the file cannot be opened or written (permissions, a
# full disk, a folder in its place, another program holding it): moving the
# file aside and rebuilding would fail the same way or destroy a live database.
UNAVAILABLE_CODES = frozenset(
    {
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
    }
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (doc_key TEXT PRIMARY KEY, claims TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS embeddings (text_key TEXT PRIMARY KEY, vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS verdicts (pair_key TEXT PRIMARY KEY, probs BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS file_hashes (stamp TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS last_stories (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS last_report (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


PACKAGE = Path(__file__).parent
# What a claim and its annotations are made from: a change to any of these makes every claim again.
ANNOTATION_SOURCES = (
    "checks/*.py",
    "patterns/*.py",
    "patterns/*.jsonl",
    "claims.py",
    "entities.py",
    "cleaning.py",
    "records.py",
)


def sources_hash(package: Path, patterns: tuple[str, ...] = ("**/*.py", "**/*.jsonl", "**/*.json")) -> str:
    """A hash of the files of `package` that match `patterns`, with their names."""
    digest = hashlib.sha256()
    for file in sorted({f for pattern in patterns for f in package.glob(pattern)}):
        digest.update(f"{file.relative_to(package)}\0".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def code_version() -> str:
    """A hash of checker's own code and pattern data: what it made is only reused by the same code."""
    return sources_hash(PACKAGE)


@functools.cache
def annotation_version() -> str:
    """A hash of the code and cue phrases claims are made and annotated by (once a process: one per document key).

    A pattern line added to checker/patterns/ must reach claims already in the index, or it has no effect there.
    """
    return sources_hash(PACKAGE, ANNOTATION_SOURCES)


class IndexWarning(UserWarning):
    """The index, or a row of it, could not be used as it was and was rebuilt."""


class IndexUnavailable(Exception):
    """The index cannot be created, locked or written; the message names the file and the reason."""


def make_folder(folder: Path) -> None:
    """Create the index's folder with a `.gitignore` of `*`, so the cache never shows in `git status`, and a cache
    tag (`CACHEDIR.TAG`), so no walk of a corpus holding it reads it (its lock and database files were warned of
    on every run) and backup tools leave it out.

    A folder that already exists is the user's (`--index index.sqlite` puts
    the index in the project root) and is left as it is, except checker's own
    `.checker/`, which versions before the `.gitignore` made without one.
    """
    if folder.is_dir() and (folder.name != DEFAULT_FOLDER or (folder / ".gitignore").exists()):
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitignore").write_text("# Created by checker: the index is a cache.\n*\n", encoding="utf-8")
    tag = f"{CACHE_TAG_SIGNATURE}\n# This file is a cache directory tag created by checker (its index).\n"
    (folder / CACHE_TAG).write_text(tag, encoding="utf-8")


def claim_to_json(claim: Claim) -> dict:
    return asdict(claim) | {"annotations": {kind: encode(value) for kind, value in claim.annotations.items()}}


def claim_from_json(data: dict) -> Claim:
    """A stored claim; its annotations read back as the types their checks declare (KeyError if one is missing).

    Its names and settings are interned, as `extract_claims` makes them, and so are its document's id and
    date, which each claim of the document repeats: JSON gives a new string for each.
    """
    return Claim(
        **{
            **data,
            "doc_id": sys.intern(data["doc_id"]),
            "published": sys.intern(data["published"]),
            "span": Span(**data["span"]),
            "sentence_span": Span(**data["sentence_span"]),
            "entities": interned(data["entities"]),
            "setting": interned(data["setting"]),
            "reported_by": interned(data["reported_by"]),
            "annotations": {c.kind: decode(data["annotations"][c.kind], c.annotation) for c in registry().checks},
        }
    )


class Index:
    """Open with `Index(path)`; use as a context manager to hold the lock for a run."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)
        self.db: sqlite3.Connection | None = None

    def __enter__(self) -> Index:
        try:
            make_folder(self.path.parent)
            self.lock.acquire()
        except Timeout as exc:  # a TimeoutError, so an OSError: first
            raise IndexUnavailable(
                f"{self.path}: another checker run held the index for {self.lock.timeout:g}s; try again later"
            ) from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise IndexUnavailable(
                f"{self.path}: cannot create or lock the index ({where}{exc.strerror or exc})"
            ) from exc
        try:
            self.db = self._open()
        except (OSError, sqlite3.Error) as exc:
            raise IndexUnavailable(f"{self.path}: cannot open the index for writing ({exc})") from exc
        finally:
            if self.db is None:
                self.lock.release()
        return self

    def __exit__(self, *exc) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        self.lock.release()

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            found = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if found.get("version") not in (None, str(INDEX_VERSION)):
                db.close()
                return self._rebuild(f"index version {found.get('version')} is not {INDEX_VERSION}")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                db.close()
                return self._rebuild("integrity check failed")
            db.execute("INSERT OR IGNORE INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
            db.commit()
            return db
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF in UNAVAILABLE_CODES:
                raise
            return self._rebuild(str(exc))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False)  # a Checker runs its checks one at a time, any thread
        db.executescript(SCHEMA)
        return db

    def _rebuild(self, reason: str) -> sqlite3.Connection:
        aside = self.path.with_suffix(self.path.suffix + ".damaged")
        self.path.replace(aside)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        warnings.warn(f"{self.path}: {reason}; moved to {aside.name} and rebuilt", IndexWarning, stacklevel=3)
        db = self._connect()
        db.execute("INSERT INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
        db.commit()
        return db

    # claims -------------------------------------------------------------
    @staticmethod
    def document_key(document: Document) -> str:
        """What a document's claims depend on: its text and date, not its id, so a renamed or copied article's
        claims are read back (under its own id) rather than parsed again."""
        parts = (CLAIMS_VERSION, annotation_version(), *registry().kinds)
        return content_hash(*parts, document.text, document.published)

    def cached_claims(self, documents: Iterable[Document]) -> dict[str, list[Claim]]:
        """Claims of the documents the index knows.

        A row that cannot be read back (edited by hand, written by a bug) is
        left out with a warning: its document is parsed again and the row
        replaced, where failing on it would fail every later run too.
        """
        found = {}
        for doc in documents:
            row = self.db.execute("SELECT claims FROM claims WHERE doc_key = ?", (self.document_key(doc),)).fetchone()
            if not row:
                continue
            try:
                found[doc.id] = [replace(claim_from_json(c), doc_id=doc.id) for c in json.loads(row[0])]
            except (ValueError, TypeError, KeyError, AttributeError) as exc:  # AttributeError: a list for a mapping
                message = (
                    f"{self.path}: cached claims of {doc.id} are unreadable ({type(exc).__name__}: {exc}); parsed again"
                )
                warnings.warn(message, IndexWarning, stacklevel=2)
        return found

    def store_claims(self, claims_by_doc: dict[Document, list[Claim]]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO claims VALUES (?, ?)",
                [
                    (self.document_key(doc), json.dumps([claim_to_json(c) for c in claims]))
                    for doc, claims in claims_by_doc.items()
                ],
            )

    # stories ------------------------------------------------------------
    @staticmethod
    def corpus_key(documents: Iterable[Document], settings: tuple[float, ...]) -> str:
        """What a story grouping depends on: each document's id (the stories name them), claims (so its
        content and date) and title, the settings (threshold, gap), and checker's code, so an edit to the
        grouping is never served stale."""
        parts = [f"{d.id}\x1f{Index.document_key(d)}\x1f{d.title}" for d in sorted(documents, key=lambda d: d.id)]
        return content_hash("stories", code_version(), repr(settings), *parts)

    def cached_stories(self, key: str) -> list[Story] | None:
        return self._last(
            "last_stories", key, lambda rows: [Story(s["id"], s["label"], tuple(s["documents"])) for s in rows]
        )

    def store_stories(self, key: str, found: Sequence[Story]) -> None:
        self._keep_last("last_stories", key, [asdict(s) for s in found])

    def _last(self, table: str, key: str, read: Callable[[Any], Any]) -> Any:
        """The value kept in `table` (last_stories, last_report) under `key`, or None; an unreadable one is made again."""
        row = self.db.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        if not row:
            return None
        try:
            return read(json.loads(row[0]))
        except (ValueError, TypeError, KeyError) as exc:
            warnings.warn(
                f"{self.path}: the cached {table.removeprefix('last_')} cannot be read ({exc}); made again",
                IndexWarning,
                stacklevel=2,
            )
            return None

    def _keep_last(self, table: str, key: str, value: Any) -> None:
        """Keep the last corpus's value only: CI checks one corpus, whose every push is a new key."""
        with self.db:
            self.db.execute(f"DELETE FROM {table}")
            self.db.execute(f"INSERT INTO {table} VALUES (?, ?)", (key, json.dumps(value)))

    # reports ------------------------------------------------------------
    @staticmethod
    def run_key(documents: Iterable[Document], settings: dict, model_hash: str) -> str:
        """What a run's report depends on: every document as read (text, path, title...), the settings,
        the model's weights and checker's code."""
        parts = [repr(d) for d in documents]
        return content_hash("report", code_version(), model_hash, json.dumps(settings, sort_keys=True), *parts)

    def cached_report(self, key: str) -> list[dict] | None:
        return self._last("last_report", key, list)

    def store_report(self, key: str, records: Sequence[dict]) -> None:
        self._keep_last("last_report", key, list(records))

    # file hashes --------------------------------------------------------
    def file_hash(self, stamp: str, compute: Callable[[], str]) -> str:
        """The hash of files whose `stamp` (paths, sizes, modification times) is known, else `compute()`, stored.

        The model's weights hash keys every NLI verdict; hashing the weights
        on each run would read them all where a stat of each file says they
        are unchanged.
        """
        row = self.db.execute("SELECT hash FROM file_hashes WHERE stamp = ?", (stamp,)).fetchone()
        if row:
            return row[0]
        value = compute()
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO file_hashes VALUES (?, ?)", (stamp, value))
        return value

    # embeddings ---------------------------------------------------------
    def cached_vectors(self, table: str, keys: Sequence[str], width: int) -> dict[str, np.ndarray]:
        column = {"embeddings": "text_key", "verdicts": "pair_key"}[table]
        value = {"embeddings": "vector", "verdicts": "probs"}[table]
        found = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for key, blob in self.db.execute(
                f"SELECT {column}, {value} FROM {table} WHERE {column} IN ({marks})", chunk
            ):
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape == (width,):
                    found[key] = vector
        return found

    def store_vectors(self, table: str, items: dict[str, np.ndarray]) -> None:
        with self.db:
            self.db.executemany(
                f"INSERT OR REPLACE INTO {table} VALUES (?, ?)",
                [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()],
            )
