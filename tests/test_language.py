"""An article in another language is named and not read: checker's models read English."""

from __future__ import annotations

import json

from checker.corpus import load_corpus
from checker.language import not_english

ENGLISH = (
    "A meteorite struck near the airport in Managua on Saturday night, leaving a crater 12 metres wide, officials"
    " said. No one was hurt, the government said on Sunday."
)
FRENCH = (
    "Une météorite est tombée près de l'aéroport de Managua samedi soir, laissant un cratère de 12 mètres de"
    " large, selon les autorités. Personne n'a été blessé, a déclaré le gouvernement dimanche."
)
CHINESE = "您所访问的资源已不存在。查看更多请返回网站主页。"


def test_an_article_in_another_language_or_script_is_skipped_with_the_reason(tmp_path):
    """A French article gave no claims and still counted as a source, with no word to the user."""
    (tmp_path / "en.txt").write_text(ENGLISH)
    (tmp_path / "fr.txt").write_text(FRENCH)
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "cctv", "text": CHINESE}) + "\n")
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["en.txt"]
    reasons = {skipped.path.rpartition("/")[2]: skipped.reason for skipped in corpus.skipped}
    assert reasons == {
        "fr.txt": "not in English (3% of its words are English function words, under 10%; 43% are those of"
        " language 'fr'); checker reads English",
        "feed.jsonl:1": "not in English (mostly letters English does not use); checker reads English",
    }
    assert len(load_corpus([str(tmp_path)], min_english_share=0).documents) == 3


def test_a_short_english_text_of_names_and_a_quote_in_another_language_are_english():
    assert not_english("ISIL beheads British aid worker David Haines, video shows.", 0.1) is None
    quoted = f'{ENGLISH} "Nous sommes sous le choc," said the mayor, Jean-Pierre Dupont, of the blast.'
    assert not_english(quoted, 0.1) is None


def test_a_round_up_of_headlines_is_english_and_german_or_spanish_news_is_not():
    """Headlines have few function words of any language; before, a round-up of them was skipped as not English."""
    headlines = (
        "Markets: Dow Jones record high, oil slump, Brexit talks stall | Sport: Liverpool 3 Chelsea 1, Murray"
        " out, Hamilton pole | Weather: Storm Arwen warning, snow Scotland, floods Wales | Politics: Johnson"
        " sleaze row, Starmer reshuffle, Sunak budget boost"
    )
    assert not_english(headlines, 0.1) is None
    german = (
        "Der Bundestag hat am Montag das neue Gesetz beschlossen, das die Rente für Millionen Menschen erhöhen"
        " soll, sagte die Regierung in Berlin nach einer langen Debatte über die Kosten und den Haushalt."
    )
    spanish = (
        "El gobierno de España anunció el lunes que subirá el salario mínimo para millones de trabajadores,"
        " según dijo la ministra en Madrid después de un largo debate sobre los costes y el presupuesto."
    )
    assert "language 'de'" in not_english(german, 0.1)
    assert "language 'es'" in not_english(spanish, 0.1)


def test_prose_in_a_language_with_no_stop_list_is_not_english_though_a_headline_round_up_is():
    """(review) Swahili has no stop list in spaCy: with the round-up rule it was read as English."""
    swahili = (
        "Wanafunzi wengi walirudi shuleni leo asubuhi baada ya likizo ndefu iliyosababishwa na mvua kubwa"
        " iliyonyesha katika maeneo mengi ya pwani na bara wiki iliyopita mjini."
    )
    assert "no list of headlines or names" in not_english(swahili, 0.1)
