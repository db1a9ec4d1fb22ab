"""Who did it, and according to whom: actors and cited sources in German and English text."""
import random

import pytest

from geo.who import ActorRegistry, find_actors, find_sources

ICE = "ICE"
VENEZUELA = "Government of Venezuela"


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.load()


def actors(text, registry, language="de"):
    return [(m.text, m.actor) for m in find_actors(text, registry=registry, language=language)]


def sources(text, registry, language="de"):
    return [(m.text, m.source) for m in find_sources(text, registry=registry, language=language)]


@pytest.mark.parametrize("text, language, surface, canonical", [
    ("Die Immigration and Customs Enforcement nahm 30 Personen fest.", "de", "Immigration and Customs Enforcement", ICE),
    ("ICE agents detained 30 people.", "en", "ICE", ICE),
    ("Mitglieder von TdA wurden festgenommen.", "de", "TdA", "Tren de Aragua"),
    ("The gang Tren de Aragua operates in Colorado.", "en", "Tren de Aragua", "Tren de Aragua"),
    ("Das Justizministerium erhöhte den Druck.", "de", "Justizministerium", "Justice Department"),
    ("Die Stellungen der US-Luftwaffe auf der Insel", "de", "US-Luftwaffe", "U.S. Air Force"),
    ("Diese Einschätzung stellt die Erzählung des Weißen Hauses infrage.", "de", "Weißen Hauses", "White House"),
    ("Die kubanische Regierung steht an Maduros Seite.", "de", "kubanische Regierung", "Government of Cuba"),
    ("Der Bundesnachrichtendienst warnte.", "de", "Bundesnachrichtendienst", "BND"),
    ("A Hezbollah commander was killed.", "en", "Hezbollah", "Hezbollah"),
    ("Kämpfer der Hisbollah", "de", "Hisbollah", "Hezbollah"),
    ("the Secretary-General of the United Nations", "en", "United Nations", "United Nations"),
])
def test_alias_or_abbreviation_names_the_canonical_actor(registry, text, language, surface, canonical):
    assert (surface, canonical) in actors(text, registry, language)


@pytest.mark.parametrize("text, surface, canonical", [
    ("Der kommissarische ICE-Direktor schrieb.", "ICE", ICE),
    ("Zwei FBI-Agenten wurden verletzt.", "FBI", "FBI"),
    ("Die TdA-Zellen operieren autonom.", "TdA", "Tren de Aragua"),
    ("Hunderte TdA-Mitglieder", "TdA", "Tren de Aragua"),
])
def test_first_part_of_a_german_compound_names_the_actor(registry, text, surface, canonical):
    assert actors(text, registry) == [(surface, canonical)]


@pytest.mark.parametrize("text, language", [
    ("Die Polizei sagte, das ice war dünn.", "de"),  # abbreviations are case-sensitive
    ("Prices rose at the service station.", "en"),  # "ice" inside words
    ("Die Kaiser-Regierung", "de"),  # a name that is no leader's
    ("the Venezuelan Air Force and the Navy of Venezuela", "en"),  # generic names of foreign forces
])
def test_no_actor_where_none_is_named(registry, text, language):
    assert [a for a in actors(text, registry, language) if a[1].startswith("U.S.") or a[1] == ICE] == []


@pytest.mark.parametrize("text, language, found", [
    ("The deal is worth AU$5 million, the company said.", "en", False),  # Australian dollars
    ("The AU said it would send troops.", "en", True),
    ("Die AU verurteilte den Putsch.", "de", True),
])
def test_au_dollars_are_no_african_union(registry, text, language, found):
    assert (("African Union" in [a for _, a in actors(text, registry, language)]) == found)


@pytest.mark.parametrize("text, language, found", [
    ("Annual CPI rose 2.1 percent in May, the statistics office said.", "en", False),  # the consumer price index
    ("Der CPI stieg im Mai um 2,1 Prozent.", "de", False),
    ("La CPI emitió una orden de arresto.", "es", True),  # the Corte Penal Internacional
    ("The ICC issued an arrest warrant.", "en", True),
])
def test_cpi_is_the_international_criminal_court_only_in_spanish(registry, text, language, found):
    assert (("International Criminal Court" in [a for _, a in actors(text, registry, language)]) == found)


@pytest.mark.parametrize("text, language, surface", [
    ("Das Maduro-Regime verfolgt keine solche Politik.", "de", "Maduro-Regime"),
    ("Die Maduro-Regierung steuere TdA.", "de", "Maduro-Regierung"),
    ("Die Regierung Maduro bestreitet das.", "de", "Regierung Maduro"),
    ("The Maduro regime denies it.", "en", "Maduro regime"),
    ("el régimen de Maduro", "es", "régimen de Maduro"),
])
def test_leader_named_regime_is_that_countrys_government(registry, text, language, surface):
    assert (surface, VENEZUELA) in actors(text, registry, language)


def test_trump_administration_is_the_us_government(registry):
    assert ("Trump administration", "Government of the United States") in actors(
        "The Trump administration said so.", registry, "en")


@pytest.mark.parametrize("text, language, expected", [
    ("Außenminister Yván Gil trat vor die Kameras. Gil sagte nichts.", "de",
     [("Yván Gil", "Yván Gil"), ("Gil", "Yván Gil")]),
    ("gemeinsam mit General Dan Caine, die Stellungen", "de", [("Dan Caine", "Dan Caine")]),
    ("ein Schreiben an die Kongressabgeordnete Lauren Boebert, das uns vorliegt. Das Schreiben an Boebert betont",
     "de", [("Lauren Boebert", "Lauren Boebert"), ("Boebert", "Lauren Boebert")]),
    ("Patrick Lechleitner, damals kommissarischer ICE-Direktor, beschreibt. Lechleitner warnt.", "de",
     [("Patrick Lechleitner", "Patrick Lechleitner"), ("ICE", ICE), ("Lechleitner", "Patrick Lechleitner")]),
    ("Rep. Adam Smith objected. \"This is illegal,\" said Smith.", "en",
     [("Adam Smith", "Adam Smith"), ("Smith", "Adam Smith")]),
    ("White House spokesperson Jane Roe said so.", "en", [("White House", "White House"), ("Jane Roe", "Jane Roe")]),
    ("Sen. Tim Kaine, a Virginia Democrat, objected.", "en", [("Tim Kaine", "Tim Kaine")]),
])
def test_title_introduces_a_person_and_surname_follow_ups_resolve(registry, text, language, expected):
    assert actors(text, registry, language) == expected
    assert all(m.kind == "person" and not m.from_registry
               for m in find_actors(text, registry=registry, language=language) if m.actor not in {ICE, "White House"})


@pytest.mark.parametrize("text, language", [
    ("Der Präsident Venezuelas drohte.", "de"),  # genitive country, not a surname
    ("Der Sprecher Die Regierung reagierte nicht.", "de"),
    ("Die Botschaft, die der Direktor verfasste, war klar.", "de"),
    ("Laut Bericht, so der Direktor Gestern, ...", "de"),
    ("General Motors announced a recall.", "en"),
    ("The President of France spoke.", "en"),
    ("Die Bundesregierung, der Kanzler und die Verwaltung", "de"),
])
def test_ordinary_capitalised_words_are_not_people(registry, text, language):
    assert [m for m in find_actors(text, registry=registry, language=language) if m.kind == "person"] == []


@pytest.mark.parametrize("text", [
    "Der ICE nach Berlin fiel aus.",  # Deutsche Bahn's Intercity-Express, not the agency
    "Die ICE-Strecke ist gesperrt.",
    "Im ICE war es voll.",
])
def test_german_ice_train_is_not_the_us_agency(registry, text):
    assert actors(text, registry) == []


def test_surname_after_an_article_is_a_noun_not_the_person(registry):
    text = "Minister Thomas Koch lobte das Essen. Der Koch kochte. Koch sagte nein."
    assert actors(text, registry) == [("Thomas Koch", "Thomas Koch"), ("Koch", "Thomas Koch")]


def test_registry_person_keeps_registry_identity_under_a_title(registry):
    mentions = find_actors("Präsident Trump selbst bezeichnet das als Invasion.", registry=registry, language="de")
    assert [(m.text, m.actor, m.from_registry) for m in mentions] == [("Trump", "Donald Trump", True)]


@pytest.mark.parametrize("text, language, expected", [
    ("Laut dem ICE-Memo errichten Mitglieder Zentren.", "de", ("Laut dem ICE-Memo", "ICE memo")),
    ("- NIC-Bericht (April 2025): Das Regime kooperiert nicht.", "de", ("NIC-Bericht", "NIC report")),
    ("ein Bericht des National Intelligence Council hält fest", "de",
     ("Bericht des National Intelligence Council", "NIC report")),
    ("„Es wird so behandelt“, sagte Hegseth nach einem Angriff.", "de", ("sagte Hegseth", "Pete Hegseth")),
    ("Hegseth said the strikes would continue.", "en", ("Hegseth said", "Pete Hegseth")),
    ("According to Reuters, the strike killed 11 people.", "en", ("According to Reuters", "Reuters")),
    ("according to a Pentagon memo seen by reporters", "en", ("according to a Pentagon memo", "Pentagon memo")),
    ("A Reuters report said the vessel sank.", "en", ("Reuters report said", "Reuters report")),
    ("Laut Reuters kamen elf Menschen ums Leben.", "de", ("Laut Reuters", "Reuters")),
    ("Dem Pentagon zufolge wurde das Boot zerstört.", "de", ("Pentagon zufolge", "Pentagon")),
    ("In einem vertraulichen Schreiben an die Kongressabgeordnete Lauren Boebert heißt es", "de",
     ("Schreiben an die Kongressabgeordnete Lauren Boebert", "letter to Lauren Boebert")),
    ("Das FBI teilte am Montag mit, es ermittle.", "de", ("FBI teilte", "FBI")),
    ("Hegseth sprach. Später erklärte der Minister, man sei bereit.", "de", ("erklärte der Minister", "Pete Hegseth")),
    ("WASHINGTON (Reuters) - The Pentagon", "en", ("(Reuters)", "Reuters")),
    ("„Nein“, so Hegseth.", "de", ("so Hegseth", "Pete Hegseth")),
    ("\"We are ready,\" Hegseth told reporters.", "en", ("Hegseth told", "Pete Hegseth")),
    # the person introduced with that title, not simply the last person named
    ("Regierungssprecherin Anna Beispiel trat auf. Hegseth kam. Die Lage sei ernst, so die Sprecherin.", "de",
     ("so die Sprecherin", "Anna Beispiel")),
    ("Pentagon spokesman Sean Parnell spoke. Trump came. The strike was legal, said the spokesman.", "en",
     ("said the spokesman", "Sean Parnell")),
    ("Según Reuters, el ataque mató a 11 personas.", "es", ("Según Reuters", "Reuters")),
])
def test_claim_is_attributed_to_its_source(registry, text, language, expected):
    assert expected in sources(text, registry, language)


def test_later_the_memo_refers_back_to_the_last_named_memo(registry):
    text = "Das ICE-Memo beschreibt Zellen. Das Memo nennt Colorado."
    assert sources(text, registry) == [("ICE-Memo", "ICE memo"), ("Das Memo", "ICE memo")]


@pytest.mark.parametrize("text, language", [
    ("Er sagte, das Wetter sei schön.", "de"),  # a pronoun is no named source
    ("The report was long.", "en"),  # no earlier report to refer back to
    ("Das Memo ist weg.", "de"),
    ("Das ist so. Trump kam.", "de"),  # "so" after a full stop is no attribution
])
def test_no_source_without_a_named_speaker_or_document(registry, text, language):
    assert sources(text, registry, language) == []


def test_registry_entries_have_a_known_kind_and_iso_country():
    import importlib.resources

    import yaml

    entries = yaml.safe_load(importlib.resources.files("geo").joinpath("ref/actors.yaml").read_text("utf-8"))["actors"]
    kinds = {"person", "agency", "government", "armed_force", "group", "organisation", "media"}
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    assert [e["name"] for e in entries if e["kind"] not in kinds] == []
    assert [e["name"] for e in entries if e.get("country") and not (len(e["country"]) == 2 and e["country"].isupper())] == []
    assert [e["name"] for e in entries if e.get("heads") and e["heads"] not in names] == []


def test_tiny_registry_built_in_a_test(registry):
    tiny = ActorRegistry([{"name": "Acme Corp", "kind": "organisation", "abbr": ["ACME"], "aliases": ["Acme"]}])
    assert actors("Die ACME-Sprecherin und Acme", tiny) == [("ACME", "Acme Corp"), ("Acme", "Acme Corp")]
    assert actors("ICE", tiny) == []


SAMPLE = ("Verteidigungsminister Pete Hegseth erklärte, das ICE-Memo und der NIC-Bericht widersprächen sich. "
          "Laut Reuters sagte Hegseth, die US-Luftwaffe sei bereit; das Maduro-Regime bestreitet das. "
          "Defense Secretary Pete Hegseth said, according to a Pentagon memo, that TdA-Zellen... İstanbul ǅ ß")


def _mutations(seed):
    rnd = random.Random(seed)
    alphabet = SAMPLE + "\u00a0\n\t-–,.„“()😀İıǅ"
    for _ in range(200):
        yield "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 120)))
        i = rnd.randint(0, len(SAMPLE))
        yield SAMPLE[i:i + rnd.randint(0, 200)]


@pytest.mark.parametrize("language", ["de", "en", "und"])
def test_offsets_quote_the_text_sorted_and_disjoint_on_any_input(registry, language):
    for text in [SAMPLE, "", " ", "-", "ICE-", "(Reuters", *_mutations(language)]:
        for found in (find_actors(text, registry=registry, language=language),
                      find_sources(text, registry=registry, language=language)):
            assert all(text[m.start:m.end] == m.text and m.start < m.end for m in found)
            assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def _surnames_by_pattern(text, names):
    import re
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")s?(?![\w-])")
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, names", [
    ("Merz sagte, Merzs Plan und Merz-Gegner; Merzsche Linie. Merz", ["Merz"]),
    ("O'Brien met Brien; al-Assad and Assad, Assads Truppen", ["O'Brien", "Brien", "al-Assad", "Assad"]),
    ("Kochs Koch Kochsalz Kochss _Koch Koch_ -Koch Koch-", ["Koch", "Kochs"]),
    ("Müller Müllers Müllerstraße Mülle", ["Müller", "Mülle", "Mül"]),
    ("J. J.s J.-P. Smith", ["J.", "Smith"]),
    ("Lee Lees Leeds", ["Lee", "Lees"]),
    ("aaaa aaa aa", ["aa", "aaa", "a"]),
])
def test_surnames_are_found_as_the_surname_pattern_finds_them(text, names):
    from geo.who._actors import _surnames_in

    assert _surnames_in(text, dict.fromkeys(names)) == _surnames_by_pattern(text, names)


def test_surnames_are_found_as_the_surname_pattern_finds_them_in_random_text():
    from geo.who._actors import _surnames_in

    rng = random.Random(7)
    names = ["Ab", "Abs", "Ab-C", "b", "sA", "A.", "Äb"]
    for _ in range(3000):
        text = "".join(rng.choice("AbsÄ.-_ 'C1") for _ in range(rng.randrange(0, 24)))
        chosen = rng.sample(names, rng.randrange(1, 4))
        assert _surnames_in(text, dict.fromkeys(chosen)) == _surnames_by_pattern(text, chosen), (text, chosen)
