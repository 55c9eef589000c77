"""Report records → one self-contained HTML page for reviewers (no network: inline CSS and JS).

Article text is never written as markup: the findings travel as JSON inside a
`<script type="application/json">` block (with `<`, `>` and `&` as JSON escapes) and the page puts
them on screen with `textContent`, so an article containing `<script>` shows
it as text. Where scripts do not run (a text browser, a mail client, a page
saved by a reviewer whose browser blocks them), a `<noscript>` block shows the
report as the terminal's full format prints it, HTML-escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from checker.config import Config
from checker.corpus import SUFFIXES, read_text_file, record_text
from checker.formats import JSONL_LINE, place, reason, record_place, to_human

CONTEXT_CHARS = 320  # characters of article text shown on each side of a claim
BLANK_LINES = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
PLACEHOLDER = re.compile("__(?:TITLE|TEXT|DATA|REVIEW)__")  # where TEMPLATE takes the report's values


def _document_text(path: str, folder: Path | None, roots: Sequence[Path]) -> str | None:
    """The document text a claim's span indexes, read as `load_corpus` reads it: a text file, the main text
    of a page or a Markdown article, or the JSONL record's `text`; a relative path in `folder` where given.

    A report is data, and may come from anyone: only an article file (by its type) under one of `roots` is
    read. A crafted report named `/etc/passwd` or `../../.ssh/id_rsa`, and the page showed what it read.
    """
    name, line = record_place(path)
    file = Path(name)
    if folder is not None:
        if file.is_absolute():
            return None
        file = folder / file
    try:
        real = file.resolve()  # a link's target is what would be read: "notes.txt" linked to ".env" is no article
        if real.suffix.lower() not in SUFFIXES or not any(real.is_relative_to(root) for root in roots):
            return None
        if line is not None:
            return record_text(real, line)
        return read_text_file(real, path, Config.max_document_chars, []).text
    except (OSError, ValueError, KeyError, IndexError, RuntimeError):  # RuntimeError: a loop of links
        return None


class ArticleTexts:
    """The articles a report's claims index, each read once. A report names them as `checker run` was given them,
    relative to the folder it ran in; read from elsewhere (`checker html ../report.jsonl`), or where a file there
    has changed since, each is looked for beside the report too. `unread` names the files where a claim's text
    was found in neither place: their claims show no context."""

    def __init__(self, report_folder: Path | None = None) -> None:
        self.folders: tuple[Path | None, ...] = (None, report_folder) if report_folder is not None else (None,)
        # where an article may be: under the working folder or the report's (`_document_text`)
        self.roots = tuple(dict.fromkeys(Path(folder or ".").resolve() for folder in self.folders))
        self.texts: dict[tuple[str, Path | None], str | None] = {}
        self.missed: dict[str, None] = {}  # files, in the order met

    def text_of(self, claim: dict[str, Any]) -> str | None:
        """The article text that holds the claim at its span, or None."""
        start, end = claim["span"]
        if not claim["text"].strip():  # an empty claim matches any text at any place: a crafted report's probe
            return None
        for folder in self.folders:
            key = (claim["path"], folder)
            if key not in self.texts:
                self.texts[key] = _document_text(claim["path"], folder, self.roots)
            text = self.texts[key]
            if text is not None and text[start:end] == claim["text"]:
                return text
        self.missed[record_place(claim["path"])[0]] = None
        return None

    @property
    def unread(self) -> list[str]:
        return list(self.missed)


def named_articles(records: Iterable[dict[str, Any]], report_folder: Path) -> set[Path]:
    """The files a report's claims name (a fact's versions' and pairs' too), where `ArticleTexts` looks for them:
    what its page must never replace."""
    found = set()
    for record in records:
        fact = record.get("fact") or {}
        claims = [record["a"], record["b"], *(c for v in fact.get("versions", ()) for c in v["claims"])]
        claims += [pair[side] for pair in record.get("pairs", ()) for side in ("a", "b")]
        for file in (Path(record_place(c["path"])[0]) for c in claims if "path" in c):
            found |= {file} if file.is_absolute() else {file, report_folder / file}
    return found


def claim_context(claim: dict[str, Any], texts: ArticleTexts, chars: int = CONTEXT_CHARS) -> dict[str, str]:
    """Up to `chars` characters of text before, the claim itself and text after, from the article when it can be
    read; "…" where the article goes on beyond what is shown, not before its first line or after its last."""
    text = texts.text_of(claim)
    start, end = claim["span"]
    if text is None:
        return {"before": "", "claim": claim["text"], "after": ""}
    return {
        "before": ("…" if start > chars else "") + _paragraphs(text[max(0, start - chars) : start]),
        "claim": text[start:end],
        "after": _paragraphs(text[end : end + chars]) + ("…" if text[end + chars :].strip() else ""),
    }


def _paragraphs(text: str) -> str:
    """Text as a reader is shown it: blank lines between paragraphs one at most. A page's text has a line break
    at each block element's start and end, a dozen blank lines between two paragraphs in nested `<div>`s."""
    return BLANK_LINES.sub("\n\n", text)


def page_data(
    records: Sequence[dict[str, Any]],
    reviews: Mapping[str, dict[str, str]] | None = None,
    texts: ArticleTexts | None = None,
) -> list[dict[str, Any]]:
    """The records as the page shows them: each claim in its context, and what the baseline says of each
    contradiction where a baseline was read (`baseline.review_states`)."""
    texts = texts or ArticleTexts()
    return [
        record
        | {"context": {side: claim_context(record[side], texts) for side in ("a", "b")}, "reason": _reason(record)}
        | {"records": {side: _feed_place(record[side]) for side in ("a", "b")}}
        | ({"review": reviews[record["id"]]} if reviews and record["id"] in reviews else {})
        for record in records
    ]


def _feed_place(claim: dict[str, Any]) -> str:
    """Where a JSONL record's claim is, as the terminal names it ("jj-04 (feed.jsonl:15)"): its `line` counts the
    record's text, no line of the file; "" for an article file, named by its id and line."""
    return place(claim) if JSONL_LINE.match(claim["path"]) else ""


def _reason(record: dict[str, Any]) -> str:
    """Why the pair has its label, as the terminal says it; an unrelated pair with no evidence: the model's."""
    return reason(record) or ("NLI" if record.get("nli") else "")


def render_html(
    records: Sequence[dict[str, Any]],
    title: str = "checker report",
    reviews: Mapping[str, dict[str, str]] | None = None,
    texts: ArticleTexts | None = None,
    review_command: str = "",
) -> str:
    """The page; `review_command` ("checker review report.jsonl", with the baseline it read) decides a finding
    given its `--id`, where the report is a file the command can read."""
    values = {
        "__TITLE__": html.escape(title, quote=False),
        "__TEXT__": html.escape(to_human(records, concise=False), quote=False),
        "__DATA__": _script_json(page_data(records, reviews, texts)),
        "__REVIEW__": _script_json(review_command),
    }
    # in one pass: an article or a title that writes "__DATA__" is text, not a place to put the data
    return PLACEHOLDER.sub(lambda found: values[found.group(0)], TEMPLATE)


def _script_json(value: Any) -> str:
    """JSON to sit inside a <script> block: no "<", ">" or "&" to end it or start markup."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="generator" content="checker">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2530;background:#f6f7f9}
header{background:#1d2530;color:#fff;padding:12px 20px}header h1{font-size:18px;margin:0}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.1fr);gap:16px;padding:16px 20px;align-items:start}
section{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:12px;overflow:auto;margin-bottom:16px}
#detail{position:sticky;top:0;max-height:100vh;box-sizing:border-box;margin-bottom:0}
h2{font-size:15px;margin:0 0 8px}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #eceef1;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
#list th{cursor:pointer;user-select:none;background:#fafbfc;position:sticky;top:0}
tr.finding:hover,tr.story:hover{background:#eef4ff;cursor:pointer}tr.selected{background:#dbe8ff}
.label-contradict{color:#b42318;font-weight:600}.label-agree{color:#067647;font-weight:600}.label-unrelated{color:#667085}
#filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px}#filters label{font-size:12px;color:#475467}
input,select{font:inherit;padding:2px 4px;max-width:100%}
.claims{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-bottom:10px}.claim{border:1px solid #eceef1;border-radius:4px;padding:8px}
.claim h3{font-size:13px;margin:0 0 6px;color:#475467}.context{white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:#ffe58a;padding:0 1px}.evidence li,.versions li{margin:2px 0;overflow-wrap:anywhere}
#stories td.num{text-align:right;width:7em}#stories th,#list th,#list tr.finding>td:nth-child(-n+2){white-space:nowrap}
.side{font-size:12px;color:#475467}.side b{color:#1d2530;font-weight:600}
.outlier{display:inline-block;background:#fde2e1;color:#b42318;border-radius:3px;padding:0 4px;font-size:11px;margin-left:4px}
.article-link{margin-left:8px;font-weight:normal}
.kind{display:block;font-size:12px;color:#667085;font-weight:400}
.muted{color:#667085}
.review{display:inline-block;border-radius:3px;padding:0 4px;font-size:11px;margin-left:4px;font-weight:400;background:#eceef1;color:#475467}
.review-new{background:#fff1c2;color:#7a4b00}.review-confirmed{background:#fde2e1;color:#b42318}.review-dismissed{background:#e3f4ea;color:#067647}
@media (max-width:800px){
main{grid-template-columns:1fr;padding:8px;gap:8px}
header{padding:10px 12px}
.claims{grid-template-columns:1fr}
#detail{position:static;max-height:none}
#list thead{display:none}
#list,#list tbody,#list tr,#list td{display:block}
#list tr.finding{border-bottom:1px solid #dde1e6;padding:4px 0}#list td{border:0;padding:1px 4px}
#list tr.finding>td:nth-child(-n+2){display:inline-block}.kind{display:inline;margin-left:6px}#list td.docs div{display:inline;margin-right:4px}
#list tr.detail-row td{padding:4px 0}#list tr.detail-row section{border-color:#9db8f0}
}
</style><noscript><style>#main{display:none}</style></noscript></head><body>
<header><h1>__TITLE__</h1><div id="totals" class="muted"></div></header>
<noscript><section id="text-report"><h2>Findings</h2><p class="muted">Scripts are off: the report as
<code>checker run --output-format full</code> prints it.</p><pre class="context">__TEXT__</pre></section></noscript>
<main id="main">
<div>
<section><h2>Stories</h2><table id="stories"><thead><tr><th>story</th><th>sources</th><th>contradictions</th></tr></thead>
<tbody></tbody></table>
<p class="muted">Sources: documents in the story's findings. Contradictions: facts the sources disagree on.
Click a story to list only its findings; click it again to list all.</p></section>
<section><h2>Findings</h2>
<div id="filters">
<label>Label <select id="f-label"><option value="">all</option></select></label>
<label>Kind <select id="f-kind"><option value="">all</option></select></label>
<label>Document <input id="f-doc" placeholder="id or outlet contains"></label>
<label title="A contradiction's score: the share of contradictions like it that readers confirmed on real news. An agreement's or an unrelated pair's: the model's probability.">Min score <input id="f-score" type="number" min="0" max="1" step="0.05" value="0"></label>
<label>Search <input id="f-text" placeholder="text"></label>
<label id="f-review-label" hidden title="What the baseline says: new (fails CI), confirmed, dismissed, or in the baseline undecided (CI holds it back).">Review <select id="f-review"><option value="">all</option></select></label>
</div>
<table id="list"><thead><tr><th data-key="label">label</th><th data-key="score">score</th>
<th data-key="docs">sources</th><th data-key="text">claims</th><th data-key="evidence">evidence</th></tr></thead>
<tbody></tbody></table>
<p id="shown" class="muted"></p></section>
</div>
<section id="detail"><h2>Finding</h2><p class="muted">Select a finding to see both claims in context.</p></section>
</main>
<script id="findings" type="application/json">__DATA__</script>
<script id="review-command" type="application/json">__REVIEW__</script>
<script>
(function(){
const findings = JSON.parse(document.getElementById('findings').textContent);
const reviewCommand = JSON.parse(document.getElementById('review-command').textContent);
const $ = (id) => document.getElementById(id);
const el = (tag, props, ...children) => { const e = document.createElement(tag);
  Object.assign(e, props || {}); children.forEach(c => e.append(c)); return e; };
const cut = (s, n) => s.length > n ? s.slice(0, n) + '…' : s;
const narrow = window.matchMedia('(max-width: 800px)');
let sortKey = null, sortDir = -1, selected = null, storyFilter = null;  // null: the report's order, contradictions first
const noSelection = [...$('detail').childNodes].map(n => n.cloneNode(true));  // "Select a finding ..."
const storyKey = (f) => f.story ? 'story:' + f.story.id : '';
const outlier = (f, doc) => !!(f.fact && f.fact.outliers && f.fact.outliers.includes(doc));
// Every source and claim of a finding: the pair shown and each version's (a fact names more sources than its pair).
const versionsOf = (f) => f.fact ? f.fact.versions : [];  // agreements, and every line of a version-2 report: none
const docsOf = (f) => [f.a.doc_id, f.b.doc_id, ...versionsOf(f).flatMap(v => v.documents)];
// What the document filter matches (as review --doc): every document, the JSONL file a pair's lines are in,
// and each outlet named (the JSONL `source`, a page's site name).
const placesOf = (f) => [...docsOf(f), ...[f.a, f.b].map(c => /^(.+\\.jsonl):\\d+$/.exec(c.path || '')).filter(Boolean).map(m => m[1]),
  ...[f.a, f.b, ...versionsOf(f).flatMap(v => v.claims)].map(c => c.source).filter(Boolean)];
const textsOf = (f) => [f.a.text, f.b.text, ...versionsOf(f).flatMap(v => v.claims.map(c => c.text))];
// Why the pair has its label, as the terminal says it (formats.reason, written into the page by page_data).
const evidenceText = (f) => f.reason;
const value = (f, key) => key === 'docs' ? f.a.doc_id + ' ' + f.b.doc_id : key === 'text' ? f.a.text
  : key === 'evidence' ? evidenceText(f) : f[key];
function options(id, values){ [...new Set(values)].sort().forEach(v => $(id).append(el('option', {value: v, textContent: v}))); }
options('f-label', findings.map(f => f.label)); options('f-kind', findings.map(f => f.kind));
// What the baseline says of each contradiction, where `checker html --baseline` read one.
const reviewed = findings.filter(f => f.review);
if (reviewed.length) { options('f-review', reviewed.map(f => f.review.state)); $('f-review-label').hidden = false; }
// Only the labels the report holds: a run writes agreements and unrelated pairs only when asked (--include),
// and "agree: 0" would tell a reader there were none.
$('totals').textContent = ['contradict', 'agree', 'unrelated'].map(l => [l, findings.filter(f => f.label === l).length])
  .filter(([l, n]) => n || l === 'contradict').map(([l, n]) => l + ': ' + n)
  .concat(reviewed.length ? ['new (fails CI): ' + reviewed.filter(f => f.review.state === 'new').length] : []).join('  ·  ');
const reviewBadge = (f) => f.review ? el('span', {className: 'review review-' + f.review.state.replace(/ /g, '-'), textContent: f.review.state}) : '';
function reviewText(r){ return [r.state === 'new' ? 'new: not in the baseline, fails CI' : r.state === 'in the baseline'
  ? 'in the baseline, not decided: CI holds it back' : r.state, r.reviewer ? 'by ' + r.reviewer : '',
  r.decided_at ? 'on ' + r.decided_at.slice(0, 10) : ''].filter(Boolean).join(' ') + (r.reason ? ': ' + r.reason : ''); }
const stories = new Map();
findings.forEach(f => { const k = storyKey(f);
  if (!stories.has(k)) stories.set(k, {key: k, label: f.story ? (f.story.label || f.story.id) : '(no story)', docs: new Set(), facts: new Set()});
  const s = stories.get(k); docsOf(f).forEach(d => s.docs.add(d));
  if (f.label === 'contradict') s.facts.add(f.fact ? f.fact.id : f.id); });
const storyList = [...stories.values()].sort((x, y) => (x.key === '') - (y.key === '') || y.facts.size - x.facts.size
  || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
function renderStories(){ const body = $('stories').tBodies[0]; body.replaceChildren();
  storyList.forEach(s => { const tr = el('tr', {className: 'story' + (storyFilter === s.key ? ' selected' : '')},
      el('td', {textContent: s.label}), el('td', {className: 'num', textContent: String(s.docs.size)}),
      el('td', {className: 'num', textContent: String(s.facts.size)}));
    tr.dataset.story = s.key; tr.onclick = () => { storyFilter = storyFilter === s.key ? null : s.key; renderStories(); render(); };
    body.append(tr); }); }
function visible(){ const label = $('f-label').value, kind = $('f-kind').value, doc = $('f-doc').value.toLowerCase();
  const review = $('f-review').value;
  const min = parseFloat($('f-score').value || '0'), text = $('f-text').value.toLowerCase();
  return findings.filter(f => (!label || f.label === label) && (!kind || f.kind === kind)
    && (!doc || placesOf(f).some(d => d.toLowerCase().includes(doc))) && f.score >= min
    && (!text || textsOf(f).some(t => t.toLowerCase().includes(text)))
    && (!review || (f.review && f.review.state === review))
    && (storyFilter === null || storyKey(f) === storyFilter));
}
function docCell(f, s){ const c = f[s]; return el('div', {}, el('b', {textContent: c.doc_id}),
  c.source ? el('div', {className: 'muted', textContent: c.source}) : '',
  outlier(f, c.doc_id) ? el('span', {className: 'outlier', textContent: 'outlier'}) : ''); }
function render(){ const body = $('list').tBodies[0]; $('main').append($('detail')); body.replaceChildren();
  const rows = visible();
  if (selected && !rows.includes(selected)) {  // a finding the filters hide is not shown as if it were listed
    selected = null; $('detail').replaceChildren(...noSelection.map(n => n.cloneNode(true))); }
  if (sortKey) rows.sort((x, y) => { const a = value(x, sortKey), b = value(y, sortKey);
    return (a < b ? -1 : a > b ? 1 : 0) * sortDir; });
  rows.forEach(f => { const tr = el('tr', {className: 'finding' + (f === selected ? ' selected' : '')},
      el('td', {className: 'label-' + f.label}, f.label, reviewBadge(f), el('span', {className: 'kind', textContent: f.kind})),
      el('td', {textContent: f.score.toFixed(2)}),
      el('td', {className: 'docs'}, docCell(f, 'a'), el('div', {className: 'muted', textContent: 'vs'}), docCell(f, 'b')),
      el('td', {className: 'texts'}, el('div', {className: 'side'}, el('b', {textContent: f.a.doc_id + ': '}), cut(f.a.text, 90)),
        el('div', {className: 'side'}, el('b', {textContent: f.b.doc_id + ': '}), cut(f.b.text, 90))),
      el('td', {className: 'ev', textContent: cut(evidenceText(f), 160)}));
    tr.dataset.id = f.id; tr.onclick = () => select(f); body.append(tr);
    if (f === selected && narrow.matches) body.append(el('tr', {className: 'detail-row'}, el('td', {colSpan: 5}, $('detail')))); });
  const story = storyFilter === null ? null : stories.get(storyFilter);
  $('shown').textContent = rows.length + ' of ' + findings.length + ' findings shown' + (story ? ' (story: ' + story.label + ')' : ''); }
function select(f){ selected = f; show(f); render();
  if (location.hash !== '#' + f.id) location.hash = f.id; }
// As formats.when: "2014-10-22 16:40 UTC", "2014-10-22".
function when(p){ if (!p) return ''; const [day, time] = p.split('T'); if (!time) return day;
  const zone = time.slice(8); return day + ' ' + time.slice(0, 5) + (zone === '+00:00' || zone === 'Z' ? ' UTC' : zone ? ' ' + zone : ''); }
// A version's source as formats.source writes it: its outlet, when it was published, whose text it copies.
function sourceText(f, v, doc){ const c = v.claims.find(x => x.doc_id === doc) || {}, copies = f.fact.copies || {};
  const notes = [c.source, when(c.published), copies[doc] ? 'same text as ' + copies[doc] : ''].filter(Boolean);
  return doc + (notes.length ? ' (' + notes.join(', ') + ')' : ''); }
// As formats.published_alone and WHEN_ALONE: what a lone version's place in time may mean (before schema 7, its
// place among versions in order of publication).
function whenAlone(f, i){ const versions = f.fact.versions, last = i === versions.length - 1;
  const place = (f.schema_version || 7) >= 7 ? versions[i].published_alone
    : !f.fact.in_publication_order ? '' : last ? 'last' : i === 0 ? 'first' : '';
  return {last: ', published last: an update, or a slip', first: ', published first: since updated, or a slip'}[place] || ''; }
// A link to the article where its address is a web one: a corpus's "javascript:" address is no link.
function articleLink(url){ return /^https?:[/][/]/i.test(url || '') ?
  el('a', {href: url, target: '_blank', rel: 'noopener noreferrer', className: 'article-link', textContent: 'article ↗'}) : ''; }
function side(f, s){ const c = f[s], ctx = f.context[s], record = (f.records || {})[s];
  const where = record ? [record] : [c.doc_id, 'line ' + c.line];  // a feed record's line counts its text, not the file
  return el('div', {className: 'claim'}, el('h3', {}, [...where, c.source, when(c.published)].filter(Boolean).join(' · '),
      outlier(f, c.doc_id) ? el('span', {className: 'outlier', textContent: 'outlier'}) : '', articleLink(c.url)),
    el('div', {className: 'context'}, ctx.before, el('mark', {textContent: ctx.claim}), ctx.after),
    c.standalone !== c.text ? el('p', {className: 'muted', textContent: 'Read by the model as: ' + c.standalone}) : ''); }
function show(f){ const d = $('detail'); d.replaceChildren(el('h2', {textContent: f.label + ' · ' + f.kind + ' · score ' + f.score.toFixed(2)}));
  if (f.label === 'contradict') d.append(el('p', {className: 'muted', textContent: 'Score ' + f.score.toFixed(2)
    + ': readers confirmed about ' + Math.round(f.score * 100) + ' in 100 contradictions like it on real news.'}));
  if (f.review) d.append(el('p', {className: 'review-line'}, el('b', {textContent: 'Review: '}), reviewText(f.review)));
  const decided = f.review && ['confirmed', 'dismissed'].includes(f.review.state);
  if (f.label === 'contradict' && reviewCommand && !decided) d.append(el('p', {className: 'muted',
    textContent: 'To decide it: ' + reviewCommand + ' --id ' + f.id}));
  if (f.fact) { const vs = el('ul', {className: 'versions'});
    f.fact.versions.forEach((v, i) => vs.append(el('li', {}, el('strong', {textContent: '"' + v.value + '"'}),
      (v.documents.some(x => f.fact.outliers.includes(x)) ? ' (stands alone' + whenAlone(f, i) + ')' : '') + ': '
      + v.documents.map(x => sourceText(f, v, x)).join(', '))));
    d.append(el('h2', {textContent: 'Versions' + (f.story ? ' · story: ' + f.story.label : '')}),
      f.fact.in_publication_order ? el('p', {className: 'muted', textContent: 'In order of publication, earliest first: a later version may update an earlier one.'}) : '', vs,
      el('p', {className: 'muted', textContent: f.pairs.length + ' claim pair(s) behind this fact; one is shown below.'})); }
  d.append(el('div', {className: 'claims'}, side(f, 'a'), side(f, 'b')));
  const ev = el('ul', {className: 'evidence'});
  f.evidence.forEach(e => ev.append(el('li', {textContent: e.kind + (e.contradicts ? ' (contradicts): ' : ' (agrees): ') + e.message})));
  if (f.nli) ['a_to_b', 'b_to_a'].forEach(k => { const p = f.nli[k];
    ev.append(el('li', {textContent: 'NLI ' + k.replace(/_/g, ' ') + ': ' + (p ? 'entailment ' + p.entailment.toFixed(2) + ', neutral ' + p.neutral.toFixed(2) + ', contradiction ' + p.contradiction.toFixed(2) : 'not scored (could not change the verdict)')})); });
  d.append(el('h2', {textContent: 'Evidence'}), ev, el('p', {className: 'muted', textContent: 'finding ' + f.id + ' · model ' + f.model.name + ' ' + f.model.hash})); }
function fromHash(){ let id = ''; try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
  const f = findings.find(x => x.id === id); if (!f || f === selected) return;
  if (!visible().includes(f)) { storyFilter = null; ['f-label', 'f-kind', 'f-doc', 'f-text'].forEach(i => { $(i).value = ''; });
    $('f-score').value = '0'; $('f-review').value = ''; renderStories(); }
  select(f); const row = document.querySelector('#list tr.selected'); if (row) row.scrollIntoView({block: 'center'}); }
document.querySelectorAll('#list th').forEach(th => th.onclick = () => {
  sortDir = sortKey === th.dataset.key ? -sortDir : th.dataset.key === 'score' ? -1 : 1; sortKey = th.dataset.key; render(); });
['f-label', 'f-kind', 'f-doc', 'f-score', 'f-text', 'f-review'].forEach(id => $(id).addEventListener('input', render));
narrow.addEventListener('change', render);
window.addEventListener('hashchange', fromHash);
renderStories(); render(); fromHash();
})();
</script></body></html>
"""
