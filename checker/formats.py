"""Report records → the formats CI systems and people read (as ruff's --output-format).

`json-lines` is the report itself; `github` prints workflow annotations;
`sarif` is SARIF 2.1.0 for code-scanning views; `full` and `concise` are for
people and end with a "Found N …" line.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker.checks import registry

FORMATS = ("full", "concise", "json-lines", "github", "sarif")
LEVELS = {"contradict": "error", "agree": "note", "unrelated": "note"}
JSONL_LINE = re.compile(r"^(?P<file>.+\.jsonl):(?P<line>[0-9]+)$", re.IGNORECASE)  # "FEED.JSONL:3" too
# Characters that would break a printed line or drive a terminal: C0 and C1
# controls, the Unicode line and paragraph separators, the bidirectional
# overrides and isolates (a name shown reversed in a log or an annotation), and
# lone surrogates (from file names that are not UTF-8, or JSON escapes), which
# cannot be encoded.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What a CI runner reads as a command: GitHub's `::name::` (at the start of a
# trimmed line) and the older `##[name]` (anywhere in a line).
WORKFLOW_COMMAND = re.compile(r"::|##\[")
SARIF_BASE = "%SRCROOT%"


def _swapped(mapping: dict[str, Any]) -> dict[str, Any]:
    swaps = registry().side_swaps()
    return {swaps.get(k, k): v for k, v in mapping.items()}


def _swapped_within(mapping: dict[str, Any]) -> dict[str, Any]:
    """`_swapped`, and each mapping in it by sides too: a date's `days` ({"a": ..., "b": ...}) turn with it."""
    sides = set(registry().side_swaps())
    return _swapped(
        {k: _swapped_within(v) if isinstance(v, dict) and v and set(v) <= sides else v for k, v in mapping.items()}
    )


def orient(record: dict[str, Any], doc_ids: set[str]) -> dict[str, Any]:
    """The record with side `a` in one of `doc_ids` (where CI should annotate), swapping if needed."""
    if record["a"]["doc_id"] in doc_ids or record["b"]["doc_id"] not in doc_ids:
        return record
    swapped = _swapped(record)
    swapped["nli"] = _swapped(record["nli"]) if record["nli"] else None
    swapped["evidence"] = [_turned_evidence(e) for e in record["evidence"]]
    return swapped


def _turned_evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    """Evidence of a record turned round: its sides swapped, and a contradicting message naming them in order
    ("18 vs 4") turned too, so the first value is the first claim's."""
    turned = _swapped_within(evidence)
    check = registry().check(evidence["kind"])
    if evidence["contradicts"] and check is not None:
        turned["message"] = check.turned(evidence["message"])
    return turned


def annotation_root() -> Path:
    """The folder annotation paths are relative to: the checkout GitHub Actions names (`GITHUB_WORKSPACE`), which
    its annotations and code scanning read paths from, also in a job run from a subfolder (`working-directory`);
    else the working directory."""
    return Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()


def repo_path(path: str) -> str:
    """Paths under the annotation root relative to it, as CI annotations expect."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(annotation_root()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def location(claim: dict[str, Any]) -> dict[str, Any]:
    """File, 1-based lines and columns of a claim; a JSONL record points at its line, no columns."""
    file, line = record_place(claim["path"])
    if line is not None:
        return {"file": repo_path(file), "line": line, "end_line": line}
    return {
        "file": repo_path(claim["path"]),
        "line": claim["line"],
        "end_line": claim["end_line"],
        "column": claim["column"],
        "end_column": claim["end_column"],
    }


def place(claim: dict[str, Any]) -> str:
    """Where a reader finds a claim, as the line it is listed on names its other claim's: "pages/b.html:12", or
    for a JSONL record "jj-04 (feed.jsonl:15)" (a line of a record's text is no line of any file)."""
    where = location(claim)
    if JSONL_LINE.match(claim["path"]):
        return f"{claim['doc_id']} ({where['file']}:{where['line']})"
    return f"{where['file']}:{where['line']}"


# A model-only contradiction names the words its claims differ in where they are this few, in two places at
# most ("Havertz" / "Martinelli"); more is a sentence told another way, and a list of it would be noise.
MAX_DIFFERING_WORDS, MAX_DIFFERING_PLACES = 6, 2
EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()[]"  # not part of a word as compared or shown


def what_differs(a: str, b: str) -> str:
    """The words two claims differ in, each place as "a's words" / "b's words" (a word added or left out shown
    with the word before it: "has" / "has not"), or "" where they differ in more, or in punctuation alone."""
    words_a, words_b = a.split(), b.split()
    bare_a, bare_b = (
        [w.strip(EDGE_PUNCTUATION).lower() for w in words_a],
        [w.strip(EDGE_PUNCTUATION).lower() for w in words_b],
    )
    matcher = SequenceMatcher(None, bare_a, bare_b, autojunk=False)
    places = [op[1:] for op in matcher.get_opcodes() if op[0] != "equal"]
    changed = sum(max(i2 - i1, j2 - j1) for i1, i2, j1, j2 in places)
    if not places or len(places) > MAX_DIFFERING_PLACES or changed > MAX_DIFFERING_WORDS:
        return ""
    shown = []
    for i1, i2, j1, j2 in places:
        before = 1 if (i1 == i2 or j1 == j2) and i1 and j1 else 0  # an insertion: with the word before it
        sides = [
            " ".join(words[start - before : end]).strip(EDGE_PUNCTUATION)
            for words, start, end in ((words_a, i1, i2), (words_b, j1, j2))
        ]
        if not all(sides):
            return ""  # a claim that is all the other's words and more: no one place to show
        shown.append(" / ".join(f'"{side}"' for side in sides))
    return "; ".join(shown)


def model_reading(record: dict[str, Any]) -> str:
    """What the NLI model read in the pair, both directions (all a model-only contradiction rests on), and the
    words the two claims differ in where they are few: what a reviewer checks first."""
    nli = record.get("nli") or {}
    probabilities = [f"{d['contradiction']:.2f}" for d in (nli.get("a_to_b"), nli.get("b_to_a")) if d]
    if not probabilities:
        return "NLI model"
    differs = what_differs(record["a"]["text"], record["b"]["text"])
    return (
        f"NLI model: contradiction {' one way, '.join(probabilities)}{' the other' if len(probabilities) > 1 else ''}"
        + (f"; the claims differ in {differs}" if differs else "")
    )


def reason(record: dict[str, Any]) -> str:
    """Why the pair has its label: a contradiction's contradicting evidence, or what the model read; any other
    label's evidence. A check that agrees ("the same participants") is no reason for a contradiction."""
    if record["label"] == "contradict":
        return "; ".join(e["message"] for e in record["evidence"] if e["contradicts"]) or model_reading(record)
    return "; ".join(e["message"] for e in record["evidence"])


def describe(record: dict[str, Any]) -> str:
    """One line for an annotation (github, sarif): what, with which source, and who stands alone in the fact."""
    evidence = reason(record) or "NLI"
    other = record["b"]
    said = f'{record["label"]} ({record["kind"]}: {evidence}) with {place(other)}: "{one_line(other["text"])}"'
    return said + _fact_note(record)


def one_line(text: str) -> str:
    """A claim or version as one line: a sentence of wrapped text (a line break inside it) reads as it is meant."""
    return " ".join(text.split())


def printable(text: str) -> str:
    """`text` safe to print as part of one line of a terminal or CI log.

    Article text, document ids and file names come from outside: a newline in
    them would start a new log line, which GitHub Actions reads as a workflow
    command if it begins with `::` (`::add-mask::`, `::error …`). Control
    characters are shown as escapes (`\\n`, `\\x1b`) and a zero-width space is
    put inside `::` and `##[`, which reads the same to a person and is no
    command to a runner. The `github` format escapes its fields instead.
    """
    return WORKFLOW_COMMAND.sub(lambda m: m[0][0] + "\u200b" + m[0][1:], UNPRINTABLE.sub(_escaped, text))


def _escaped(match: re.Match[str]) -> str:
    return match[0].encode("unicode_escape", "backslashreplace").decode("ascii")


def _json_text(text: str) -> str:
    """Serialized JSON with `::` and `##[` written as JSON escapes, and the bidirectional controls too: the same
    data, no workflow command, no text shown reversed in a log.

    Outside strings JSON never holds these sequences, so the replacement only
    touches string contents, where `\\u003a` and `\\u005b` read back as `:` and `[`.
    """
    text = BIDI_CONTROLS.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    return text.replace("::", ":\\u003a").replace("##[", "##\\u005b")


def _escape_data(text: str) -> str:
    """A workflow command's message: GitHub's escapes of line ends, other control characters as `printable` shows
    them, and `##[` broken as it does."""
    text = UNPRINTABLE.sub(lambda m: m[0] if m[0] in "\r\n" else _escaped(m), text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace("##[", "#\u200b#[")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


UNREAD_TITLE = "checker could not read this article"


def record_place(path: str) -> tuple[str, int | None]:
    """The file a document is in and, for a feed's record ("feed.jsonl:2"), its line; else no line."""
    record = JSONL_LINE.match(path)
    return (record["file"], int(record["line"])) if record else (path, None)


def to_github(records: Sequence[dict[str, Any]], unread: Mapping[str, str] | None = None) -> str:
    """`::error file=…,line=…::message` lines; columns only when the claim is on one line.

    `unread`: new articles that could not be read, with why, each an error on its file: the pull request
    shows which file kept CI from checking it, next to what the others brought.
    """
    lines = []
    for path, why in (unread or {}).items():
        file, line = record_place(path)
        where = f"file={_escape_property(repo_path(file))}" + (f",line={line}" if line else "")
        lines.append(f"::error {where},title={_escape_property(UNREAD_TITLE)}::{_escape_data(why)}")
    for record in records:
        loc = location(record["a"])
        props = [f"file={_escape_property(loc['file'])}", f"line={loc['line']}", f"endLine={loc['end_line']}"]
        if "column" in loc and loc["line"] == loc["end_line"]:
            props += [f"col={loc['column']}", f"endColumn={loc['end_column']}"]
        props.append(f"title={_escape_property('checker ' + record['kind'] + ' ' + record['label'])}")
        lines.append(f"::{LEVELS[record['label']]} {','.join(props)}::{_escape_data(describe(record))}")
    return "\n".join(lines) + ("\n" if lines else "")


def sarif_artifact(file: str) -> dict[str, str]:
    """An RFC 3986 URI for a file: relative to the source root (`uriBaseId`) when it is under it.

    Every character outside the unreserved set and `/` is percent-encoded, so a
    file named `javascript:alert(3)` is a path, never a scheme, and quotes,
    spaces, `<`, `>` and newlines never reach a viewer raw.
    """
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix(), safe="/"), "uriBaseId": SARIF_BASE}


def _sarif_location(claim: dict[str, Any], message: str | None = None) -> dict[str, Any]:
    loc = location(claim)
    region = {"startLine": loc["line"], "endLine": loc["end_line"]}
    if "column" in loc:
        region |= {"startColumn": loc["column"], "endColumn": loc["end_column"]}
    result = {"physicalLocation": {"artifactLocation": sarif_artifact(loc["file"]), "region": region}}
    if message:
        result["message"] = {"text": message}
    return result


def _sarif_unread(unread: Mapping[str, str]) -> list[dict[str, Any]]:
    """The run's invocation, unsuccessful, with a notification on each new article that could not be read."""
    notifications = []
    for path, why in unread.items():
        file, line = record_place(path)
        place = {"artifactLocation": sarif_artifact(repo_path(file))} | (
            {"region": {"startLine": line}} if line else {}
        )
        notifications.append(
            {
                "level": "error",
                "message": {"text": f"{UNREAD_TITLE}: {why}"},
                "locations": [{"physicalLocation": place}],
            }
        )
    return [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]


def to_sarif(
    records: Sequence[dict[str, Any]], version: str, unread: Mapping[str, str] | None = None
) -> dict[str, Any]:
    results = []
    for record in records:
        related = _sarif_location(record["b"], f"{record['b']['doc_id']}: {one_line(record['b']['text'])}")
        related["id"] = 1
        results.append(
            {
                "ruleId": record["kind"],
                "level": LEVELS[record["label"]],
                "message": {"text": describe(record)},
                "locations": [_sarif_location(record["a"])],
                "relatedLocations": [related],
                "partialFingerprints": {"checkerFindingId/v1": record["id"]},
                "properties": {"label": record["label"], "score": record["score"]},
            }
        )
    rules = [{"id": kind, "shortDescription": {"text": text}} for kind, text in registry().rules().items()]
    run = {
        "tool": {"driver": {"name": "checker", "version": version, "rules": rules}},
        "originalUriBaseIds": {SARIF_BASE: {"uri": annotation_root().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",  # `location`'s columns count characters; absent, SARIF means UTF-16 units
        "results": results,
    }
    if unread:
        run["invocations"] = _sarif_unread(unread)
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}


FULL_WIDTH = 100  # the full format's version lines, wrapped (a CI log is read in a browser)
VERSION_NOTE_WIDTH = 40  # each version a one-line note lists, cut to this many characters


def to_human(records: Sequence[dict[str, Any]], concise: bool, notes: Mapping[str, str] | None = None) -> str:
    """Lines for people; every outside string goes through `printable`, so each record is its own lines.

    `notes`: text to end a concise line with, by finding id (review's "[dismissed in the baseline]").
    """
    lines = []
    for record in records:
        a, b = record["a"], record["b"]
        where = location(a)  # a JSONL article: its line in the file, as github and sarif give it
        head = f"{printable(where['file'])}:{where['line']}: {record['label']} [{record['kind']}] {record['score']:.2f}"
        if JSONL_LINE.match(a["path"]):  # a feed's line: the article's id too, as the other claim's is named
            head += f" {printable(a['doc_id'])}"
        evidence = printable(reason(record))
        if concise:
            line = f"{head} with {printable(place(b))}" + (f" ({evidence})" if evidence else "")
            lines.append(line + _fact_note(record) + (notes or {}).get(record["id"], ""))
            continue
        lines += [head, f"    {printable(place(a))}: {printable(one_line(a['text']))}"]
        lines.append(f"    {printable(place(b))}: {printable(one_line(b['text']))}")
        if evidence:
            lines.append(f"    evidence: {evidence}")
        if (record.get("fact") or {}).get("versions"):  # who says what, when, and who stands alone
            lines += version_lines(record, FULL_WIDTH)
        lines.append(f"    id: {record['id']}")
    noun = "finding" if len(records) == 1 else "findings"
    lines.append(f"Found {len(records)} {noun}.")
    return "\n".join(lines) + "\n"


def _fact_note(record: dict[str, Any]) -> str:
    """What one line owes a reader of the finding's fact beyond its pair: who stands alone, and every version
    where there are more than the pair's two."""
    return _alone_note(record) + _versions_note(record)


def _versions_note(record: dict[str, Any]) -> str:
    """The fact's versions where it has three or more ("12", "19", "26" of an outbreak told day by day): the pair
    names two, and a line that named only those hid the third source's figure."""
    fact = record.get("fact") or {}
    versions = fact.get("versions") or ()
    if len(versions) < 3:
        return ""
    order = ", in order of publication" if fact.get("in_publication_order") else ""
    values = ", ".join(_cut(v["value"], VERSION_NOTE_WIDTH) for v in versions)  # a model-only fact's are sentences
    return f" [{len(versions)} versions{order}: {values}]"


def _alone_note(record: dict[str, Any]) -> str:
    """Who stands alone in the finding's fact, and how many sources give the majority's version: the one word a
    line owes a reader scanning for the odd one out. The first claim's source, where it is the outlier ("stands
    alone"); else the outliers by name, so an annotation on a source of the majority says which one differs."""
    fact = record.get("fact") or {}
    outliers = list(fact.get("outliers") or ())
    if not outliers:
        return ""
    majority = next((v for v in fact.get("versions", ()) if v["value"] == fact.get("majority")), None)
    copies = fact.get("copies") or {}
    sources = {copies.get(d, d) for d in majority["documents"]} if majority else set()  # a reprint is no more
    backed = f": {len(sources)} sources give {printable(majority['value'])}" if majority else ""
    if record["a"]["doc_id"] in outliers:
        return f" [stands alone{backed}]"
    who = ", ".join(printable(doc) for doc in outliers)
    return f" [{who} stand{'s' if len(outliers) == 1 else ''} alone{backed}]"


def record_documents(record: dict[str, Any]) -> set[str]:
    """Every document a report line concerns: both claims, and each version's sources for a fact."""
    versions = (record.get("fact") or {}).get("versions", [])
    return {record["a"]["doc_id"], record["b"]["doc_id"]} | {d for v in versions for d in v["documents"]}


def _cut(text: str, width: int) -> str:
    """`text` in `width` characters, cut after a whole word where one ends in the last third of them."""
    text = printable(" ".join(text.split()))
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 1)]
    if text[len(cut)] == " " or cut.endswith(" "):  # the cut ends a word
        return cut.rstrip(" ,;:-–—") + "…"
    at_word = cut.rstrip(" ,;:-–—").rfind(" ")
    return (cut[:at_word].rstrip(" ,;:-–—") if at_word >= width * 2 // 3 else cut) + "…"


def to_stories(records: Sequence[dict[str, Any]], width: int = 100, articles: Mapping[str, int] | None = None) -> str:
    """The contradictions story by story: each fact, every version with its sources, the outlier named.

    `articles`: how many articles each story has, by story id; where given, a story's line says how many of
    them its facts involve ("5 articles, 2 disputed facts between 3 of them": two agree with all, or say nothing
    of what is disputed).
    """
    stories: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in records:
        if record["label"] == "contradict" and record.get("fact"):
            story = record.get("story") or {}
            stories.setdefault((story.get("id", ""), story.get("label", "")), []).append(record)
    lines = []
    for (story_id, label), facts in stories.items():
        documents = len(set().union(*(record_documents(r) for r in facts)))
        disputed = f"{len(facts)} disputed fact{'' if len(facts) == 1 else 's'}"
        total = (articles or {}).get(story_id)
        if not total:
            counts = f" ({documents} sources, {disputed})"
        else:
            counts = f" ({total} articles, {disputed}{f' between {documents} of them' if documents < total else ''})"
        lines.append(_cut(f"Story: {label or '(all documents)'}", width - len(counts)) + counts)
        for record in facts:
            about = f"  {record['kind']} {record['score']:.2f}: {printable(one_line(reason(record)))}"
            lines += textwrap.wrap(
                about, width, subsequent_indent="      ", break_long_words=False, break_on_hyphens=False
            )
            lines += version_lines(record, width)
    return "\n".join(lines) + ("\n" if lines else "")


def version_lines(record: dict[str, Any], width: int) -> list[str]:
    """Every version of a report line's fact with its sources, and whether they follow the order of publication."""
    fact = record["fact"]
    lines = []
    if fact.get("in_publication_order"):
        lines.append("      versions in order of publication: a later one may update an earlier one")
    for i, version in enumerate(fact["versions"]):
        alone = ""
        if set(version["documents"]) & set(fact["outliers"]):
            alone = f" (stands alone{WHEN_ALONE.get(published_alone(record, i), '')})"
        lines += _version_lines(version, alone, fact.get("copies") or {}, width)
    return lines


def published_alone(record: dict[str, Any], i: int) -> str:
    """Where the fact's version `i`, standing alone, was published among its sources: "first", "last" or "".
    A report before schema 7 says so only of versions in order of publication, by their place in it."""
    fact = record["fact"]
    if record.get("schema_version", PLACE_IN_TIME_SCHEMA) >= PLACE_IN_TIME_SCHEMA:
        return fact["versions"][i].get("published_alone", "")
    if not fact.get("in_publication_order"):
        return ""
    return "last" if i == len(fact["versions"]) - 1 else "first" if i == 0 else ""


PLACE_IN_TIME_SCHEMA = 7  # the first report schema whose versions say where a lone one stands in time
# what a lone version's place in time may mean (`published_alone`): an update, or a report since updated
WHEN_ALONE = {"last": ", published last: an update, or a slip", "first": ", published first: since updated, or a slip"}


def when(published: str) -> str:
    """A publication time as a reader scans it: "2014-10-22 16:40 UTC", "2014-10-22"."""
    day, _, time = published.partition("T")
    if not time:
        return day
    clock, zone = time[:5], time[8:]
    return f"{day} {clock}" + (" UTC" if zone in ("+00:00", "Z") else f" {zone}" if zone else "")


def _version_lines(version: dict[str, Any], alone: str, copies: Mapping[str, str], width: int) -> list[str]:
    """A version and every source that gives it (its outlet, when it was published, whose text it copies), wrapped,
    never cut: how many back it is what a reader weighs, and a model-only fact's version is a whole sentence, which
    cut short can read as the other version. `alone`: " (stands alone)" where its source is an outlier."""
    about = {c["doc_id"]: c for c in version.get("claims", [])}

    def source(document: str) -> str:
        claim = about.get(document, {})
        notes = [claim.get("source", ""), when(claim.get("published", ""))]
        notes.append(f"same text as {copies[document]}" if document in copies else "")
        notes = [printable(note) for note in notes if note]
        return printable(document) + (f" ({', '.join(notes)})" if notes else "")

    sources = ", ".join(source(document) for document in version["documents"])
    text = f'"{printable(one_line(version["value"]))}"{alone}: {sources}'
    return textwrap.wrap(
        text, width, initial_indent="    ", subsequent_indent="      ", break_long_words=False, break_on_hyphens=False
    )


def by_location(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records in file, line and column order of side `a` (where CI annotates), then by id."""

    def key(record: dict[str, Any]) -> tuple:
        loc = location(record["a"])
        return loc["file"], loc["line"], loc.get("column", 0), record["id"]

    return sorted(records, key=key)


def render(
    records: Sequence[dict[str, Any]], output_format: str, version: str, unread: Mapping[str, str] | None = None
) -> str:
    """The records in `output_format`, in file and line order; `unread` (new articles not read, with why) in the
    formats a pull request view shows (github, sarif): the others hold records only, and the warnings say it."""
    records = by_location(records)
    if output_format == "json-lines":
        return "".join(_json_text(json.dumps(r, sort_keys=True, ensure_ascii=False)) + "\n" for r in records)
    if output_format == "github":
        return to_github(records, unread)
    if output_format == "sarif":
        return _json_text(json.dumps(to_sarif(records, version, unread), indent=2, sort_keys=True)) + "\n"
    return to_human(records, concise=output_format == "concise")
