"""Stories: documents of one event grouped, with stable ids and a central label."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from scipy import sparse

from checker import stories
from checker.config import Config
from checker.pipeline import Checker
from checker.records import Claim, Document, Span, content_hash
from checker.stories import DEFAULT_STORY_THRESHOLD, Story, group_stories, shorten
from tests.conftest import SHIPPED_MODEL
from tests.helpers import make_claim


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def doc(doc_id: str, title: str = "", text: str = "Body.") -> Document:
    return Document(id=doc_id, text=text, path=f"{doc_id}.txt", kept=(), title=title)


def two_topics() -> tuple[list[Document], list[Claim], np.ndarray]:
    """Two ferry articles and two election articles, two claims each."""
    docs = [doc("ferry-a", "Ferry sinks"), doc("vote-a", "Vote counted"), doc("ferry-b"), doc("vote-b")]
    rows = [
        ("ferry-a", unit(1, 0.1, 0)),
        ("ferry-a", unit(1, 0, 0.1)),
        ("vote-a", unit(0, 1, 0.1)),
        ("vote-a", unit(0.1, 1, 0)),
        ("ferry-b", unit(1, 0.05, 0.05)),
        ("ferry-b", unit(1, 0.2, 0)),
        ("vote-b", unit(0, 1, 0.2)),
        ("vote-b", unit(0.05, 1, 0)),
    ]
    claims = [make_claim(f"{doc_id} claim {i}", doc_id) for i, (doc_id, _) in enumerate(rows)]
    return docs, claims, np.stack([v for _, v in rows])


def test_two_topics_make_two_stories_ordered_by_first_document():
    docs, claims, embeddings = two_topics()
    found = group_stories(docs, claims, embeddings, DEFAULT_STORY_THRESHOLD)
    assert [s.documents for s in found] == [("ferry-a", "ferry-b"), ("vote-a", "vote-b")]
    assert found[0].id == content_hash("story", "ferry-a", "ferry-b")


def test_a_document_without_claims_is_a_story_of_its_own():
    docs, claims, embeddings = two_topics()
    empty = doc("notice", text="\n  Corrections and clarifications  \nMore text.")
    found = group_stories([*docs, empty], claims, embeddings, DEFAULT_STORY_THRESHOLD)
    alone = Story(content_hash("story", "notice"), "Corrections and clarifications", ("notice",))
    assert alone in found and len(found) == 3
    assert group_stories([empty], [], np.zeros((0, 3), dtype=np.float32), 0.5) == [alone]
    assert group_stories([], [], np.zeros((0, 3), dtype=np.float32), 0.5) == []


def test_ids_and_order_do_not_depend_on_input_order():
    docs, claims, embeddings = two_topics()
    order = np.random.default_rng(0).permutation(len(claims))
    shuffled = group_stories(docs[::-1], [claims[i] for i in order], embeddings[order], DEFAULT_STORY_THRESHOLD)
    assert shuffled == group_stories(docs, claims, embeddings, DEFAULT_STORY_THRESHOLD)


def test_label_is_the_title_of_the_most_central_document():
    docs = [doc("a", "Left outlier"), doc("b", "Central report"), doc("c", "Right outlier")]
    claims = [make_claim(f"{d.id} says", d.id) for d in docs]
    embeddings = np.stack([unit(1, 0.3), unit(1, 0), unit(1, -0.3)])
    [story] = group_stories(docs, claims, embeddings, DEFAULT_STORY_THRESHOLD)
    assert story.label == "Central report"


def test_without_a_title_the_label_is_the_first_claim_in_the_text():
    lead = make_claim("The lead sentence.", "a")
    later = replace(make_claim("A later sentence.", "a"), span=Span(30, 47))
    [story] = group_stories([doc("a")], [later, lead], np.stack([unit(1, 0), unit(0, 1)]), DEFAULT_STORY_THRESHOLD)
    assert story.label == "The lead sentence."


def test_threshold_is_the_average_cosine_distance_up_to_which_documents_join():
    docs = [doc("a"), doc("b")]
    claims = [make_claim("a", "a"), make_claim("b", "b")]
    embeddings = np.stack([unit(1, 0), unit(0.7, np.sqrt(1 - 0.49))])  # cosine 0.7: distance 0.3
    assert len(group_stories(docs, claims, embeddings, 0.35)) == 1
    assert len(group_stories(docs, claims, embeddings, 0.25)) == 2


def test_the_lead_claims_decide_the_story():
    docs = [doc("a"), doc("ferry"), doc("vote")]
    rows = [("a", unit(1, 0)), ("a", unit(0, 1)), ("a", unit(0, 1)), ("ferry", unit(1, 0.1)), ("vote", unit(0.1, 1))]
    claims = [replace(make_claim(f"claim {i}", d), span=Span(i, i + 1)) for i, (d, _) in enumerate(rows)]
    found = group_stories(docs, claims, np.stack([v for _, v in rows]), DEFAULT_STORY_THRESHOLD)
    assert [s.documents for s in found] == [("a", "ferry"), ("vote",)]


def one_topic(published: dict[str, str]) -> tuple[list[Document], list[Claim], np.ndarray]:
    """Documents of one wording, a claim each, with the publication times given (an id absent: undated)."""
    docs = [replace(doc(d), published=published.get(d, "")) for d in ("a", "b", "c", "d")]
    claims = [make_claim(f"{d.id} says", d.id) for d in docs]
    return docs, claims, np.stack([unit(1, 0.01 * i) for i in range(len(docs))])


def test_reports_published_apart_by_more_than_the_gap_are_two_stories():
    times = {"a": "2025-03-11T08:00:00-05:00", "b": "2025-03-11", "c": "2025-03-20T08:00:00", "d": "2025-03-20"}
    docs, claims, embeddings = one_topic(times)
    found = group_stories(docs, claims, embeddings, DEFAULT_STORY_THRESHOLD, gap_days=4)
    assert [s.documents for s in found] == [("a", "b"), ("c", "d")]
    assert len(group_stories(docs, claims, embeddings, DEFAULT_STORY_THRESHOLD, gap_days=10)) == 1
    assert len(group_stories(docs, claims, embeddings, DEFAULT_STORY_THRESHOLD, gap_days=0)) == 1


def test_a_story_reported_every_few_days_stays_one_story():
    times = {"a": "2025-03-01", "b": "2025-03-04", "c": "2025-03-07", "d": "2025-03-10"}  # 9 days, 3 at a time
    assert len(group_stories(*one_topic(times), DEFAULT_STORY_THRESHOLD, gap_days=4)) == 1


def test_a_date_alone_may_be_any_time_of_its_day():
    """ "2025-03-11" may have gone out at 23:00: 3 days 21 hours before "2025-03-15T20:00", within a gap of 4 (review)."""
    docs, claims, embeddings = one_topic({"a": "2025-03-11", "b": "2025-03-15T20:00:00Z"})
    assert len(group_stories(docs[:2], claims[:2], embeddings[:2], DEFAULT_STORY_THRESHOLD, gap_days=4)) == 1
    docs, claims, embeddings = one_topic({"a": "2025-03-11", "b": "2025-03-16T01:00:00Z"})
    assert len(group_stories(docs[:2], claims[:2], embeddings[:2], DEFAULT_STORY_THRESHOLD, gap_days=4)) == 2


def test_an_undated_report_joins_the_burst_it_is_closest_to():
    docs, claims, _ = one_topic({"a": "2025-03-01", "b": "2025-03-01", "c": "2025-03-20"})
    embeddings = np.stack([unit(1, 0.2), unit(1, 0.25), unit(1, -0.2), unit(1, -0.25)])  # d reads as c does
    found = group_stories(docs, claims, embeddings, DEFAULT_STORY_THRESHOLD, gap_days=4)
    assert [s.documents for s in found] == [("a", "b"), ("c", "d")]


@pytest.mark.parametrize(("names", "together"), [(("Aurora",), True), (("Chile",), False)])
def test_a_shared_name_joins_documents_their_wording_alone_keeps_apart(names, together):
    docs = [doc("a"), doc("b")]
    claims = [make_claim("a", "a", ("Aurora",)), make_claim("b", "b", names)]
    embeddings = np.stack([unit(1, 0), unit(0.45, np.sqrt(1 - 0.45**2))])  # cosine 0.45: distance 0.55
    assert (len(group_stories(docs, claims, embeddings, 0.5)) == 1) is together


def test_long_labels_are_cut_at_a_word():
    text = "Officials confirmed on Tuesday that the ferry carrying 212 passengers sank off the coast of Crete"
    label = shorten(text)
    assert len(label) <= 80 and label.endswith("…") and text[len(label) - 1] == " "
    assert text.startswith(label[:-1])
    assert shorten("  Two\n lines ") == "Two lines"


@pytest.fixture
def small_dense_limit(monkeypatch):
    """Make a few documents count as a large corpus, so the split paths run."""
    monkeypatch.setattr(stories, "DENSE_LIMIT", 4)
    monkeypatch.setattr(stories, "NEIGHBOURS", 3)
    monkeypatch.setattr(stories, "BLOCK_CELLS", 8)


def clustered_corpus(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = np.eye(8)[:3]
    vectors = centres[np.arange(12) % 3] + rng.normal(scale=0.1, size=(12, 8))
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def without_entities(vectors: np.ndarray) -> stories.DocumentVectors:
    return stories.DocumentVectors(vectors, sparse.csr_matrix((len(vectors), 0)))


def test_large_corpora_are_split_into_components_with_the_same_stories(small_dense_limit):
    vectors = clustered_corpus()
    labels = stories._clusters(without_entities(vectors), 0.5)
    assert [set(np.flatnonzero(labels == k)) for k in range(3)] == [set(range(k, 12, 3)) for k in range(3)]


def test_a_story_larger_than_the_dense_limit_is_sampled_and_the_rest_assigned(small_dense_limit):
    vectors = clustered_corpus()[np.arange(12) % 3 == 0]  # one story of 4 ...
    vectors = np.concatenate([vectors, vectors[:2] * 0.99 + 0.01, -vectors[:1]])  # ... of 6, and an outlier
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = stories._clusters(without_entities(vectors), 0.5)
    assert len(set(labels[:6])) == 1 and labels[6] != labels[0]


def split_in_two_parts(vectors: np.ndarray, width: int) -> stories.DocumentVectors:
    """The first `width` columns dense, the rest sparse: the two parts of a document vector."""
    return stories.DocumentVectors(vectors[:, :width], sparse.csr_matrix(vectors[:, width:]))


def test_distances_are_scipys_cosine_distances_repeated_documents_at_zero():
    from scipy.spatial.distance import pdist

    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(40, 12)) * (rng.random((40, 12)) < 0.5)  # entity columns mostly empty
    vectors = np.vstack([vectors, vectors[:5]])  # five documents twice
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    distances = stories._cosine_distances(split_in_two_parts(vectors, 4))
    assert np.allclose(distances, pdist(vectors, "cosine"), atol=1e-12)
    assert distances.min() == 0.0


def test_average_linkage_makes_scikit_learns_stories():
    from sklearn.cluster import AgglomerativeClustering

    vectors = np.vstack([clustered_corpus(seed) for seed in range(5)])
    labels = stories._average_linkage(split_in_two_parts(vectors, 3), 0.5)
    model = AgglomerativeClustering(n_clusters=None, distance_threshold=0.5, metric="cosine", linkage="average")
    expected = model.fit_predict(vectors)
    assert len(set(labels)) == len(set(expected)) > 1
    assert all(len(set(expected[labels == k])) == 1 for k in set(labels))  # the same partition
    first_members = sorted(np.unique(labels, return_index=True)[1])
    assert [labels[i] for i in first_members] == sorted(set(labels))  # numbered by first member


def test_real_embeddings_group_two_reports_of_one_event():
    from checker.pairing import SentenceEmbedder

    articles = {
        "ferry-1": ["The ferry Aurora sank off Crete on Monday.", "Coast guards rescued 180 passengers."],
        "ferry-2": ["Rescuers pulled 180 people from the sea after the Aurora ferry went down near Crete."],
        "vote-1": ["Polls closed in Chile's presidential runoff.", "Turnout was 61 percent."],
    }
    claims = [make_claim(text, doc_id) for doc_id, texts in articles.items() for text in texts]
    embeddings = SentenceEmbedder().encode([c.standalone for c in claims])
    found = group_stories([doc(d) for d in articles], claims, embeddings, DEFAULT_STORY_THRESHOLD)
    assert [s.documents for s in found] == [("ferry-1", "ferry-2"), ("vote-1",)]


def fire(doc_id: str, published: str, toll: str, street: str, when: str, injured: str) -> dict:
    return {
        "id": doc_id,
        "source": doc_id.split("-")[0].title(),
        "published": published,
        "title": f"{toll} dead in {street} fire",
        "text": f"{toll} people died in a fire on {street} in Millbrook on {when} night, Fire Chief Dana Alvarez "
        f"said.\n\nThe fire started in a kitchen. {injured} residents were taken to Mercy Hospital.\n\n"
        "Crews from Millbrook responded.",
    }


@pytest.mark.parametrize(("gap_days", "stories_found"), [(4, 2), (0, 1)])
def test_a_towns_second_fire_a_week_later_is_not_compared_with_its_first(tmp_path, nlp, gap_days, stories_found):
    """Two fires, two outlets each: the same chief, town and hospital, nine days apart (a user's trial)."""
    fires = [
        fire("gazette-elm", "2025-03-11T08:00:00-05:00", "Three", "Elm Street", "Monday", "Twelve"),
        fire("courier-elm", "2025-03-11T09:00:00-05:00", "Three", "Elm Street", "Monday", "Twelve"),
        fire("gazette-oak", "2025-03-20T08:00:00-05:00", "One", "Oak Street", "Wednesday", "Two"),
        fire("courier-oak", "2025-03-20T09:00:00-05:00", "One", "Oak Street", "Wednesday", "Two"),
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(f) + "\n" for f in fires), encoding="utf-8")
    result = Checker(Config(model=str(SHIPPED_MODEL), story_gap_days=gap_days), nlp=nlp).check([str(corpus)])
    assert len(result.stories) == stories_found
    across = [
        f for f in result.selected(["contradict"]) if f.pair.a.doc_id.split("-")[1] != f.pair.b.doc_id.split("-")[1]
    ]
    assert (across == []) is (stories_found == 2)
