"""What happened: event-type triggers by lemma, with whether each one really happened.

The rules are data, one file per language beside this module (`de.yaml`, `en.yaml`, …): trigger
lemmas per event type, phrases, German compound heads and separable particles, factuality cues.
Adding a language is a data file plus tests. Words are lemmatised with simplemma (offline, its
dictionaries ship in the wheel, opened memory-mapped through geo/lemmas.py); each distinct word
form is looked up once per process.

A trigger is "asserted" unless, in its own clause, a hypothetical cue stands before it ("drohte
mit Angriffen", "plans to strike", "könnte", "would"), a negation stands right before it ("kein
Angriff", "no arrests"), or the sentence is a question or opens with a conditional ("Wenn …",
"If …"). A threat or warning is reported as factuality "threat", so the caller can turn it into
a statement by its speaker instead of a happening.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from geo.lemmas import is_known, lemmatize
from geo.records import Sentence

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOKEN = re.compile(r"\w(?:[\w'’-]*\w)?|[,;:()\[\]–—\"„“”«»]")
_GERMAN_ENDINGS = ("ern", "en", "er", "es", "n", "s", "e")
_WINDOW = 6  # words a phrase may spread over
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Trigger:
    """A word or phrase in a sentence that names a happening of `event_type`."""

    start: int
    end: int
    text: str
    event_type: str
    rule: str  # the lexicon entry that matched, e.g. "de:Streik (compound head)"
    priority: int  # lower wins when a sentence holds several triggers
    factuality: str = "asserted"  # asserted, hypothetical, negated, threat, question
    cue: str = ""  # the word that made it not asserted
    clause: int = 0  # the clause of its sentence it stands in (punctuation and `clause_breaks` divide them)


@dataclass(frozen=True)
class _Entry:
    event_type: str
    priority: int
    word: str
    with_: frozenset = frozenset()
    without: frozenset = frozenset()
    # Two words in a row that unmake the trigger ("close to", "close contact"), where either
    # word alone may stand in a sentence that tells the happening ("according to … will close").
    without_pairs: frozenset = frozenset()
    # Words that, up to three words before the trigger, make it name a rule rather than a
    # happening: "Under Iowa law, the board can appoint …" tells what the law says.
    not_after: frozenset = frozenset()
    # Words right after the trigger that make it the first word of a name: a "fire department",
    # "fire trucks" or a "fire station" is no fire.
    not_before: frozenset = frozenset()


@dataclass
class _Lexicon:
    language: str
    exact: dict  # lemma -> [_Entry]
    heads: dict  # German compound heads -> [_Entry]
    prefixes: dict  # nouns that may also start a compound -> [_Entry]
    phrases: list  # (forms of each word, _Entry, label): "brechen|brach" lists a word's forms
    phrases_by_word: dict  # a form of a phrase's first word -> indices into `phrases`
    non_heads: frozenset
    not_triggers: frozenset
    particles: frozenset
    hypothetical: frozenset
    hypothetical_starts: frozenset  # what a cue of several words may start with: "calling" of "calling for"
    modal: frozenset
    negation: frozenset
    threat: frozenset
    openers: frozenset
    types: tuple
    locative: tuple = ()  # prepositions a title keeps from the text
    breaks: frozenset = frozenset()  # words that open a new clause (English: that, which, after ...)
    speakers: frozenset = frozenset()  # lemmas of bodies whose statement is news (police, union, ministry)
    reporters: frozenset = frozenset()  # lemmas of speakers who attribute facts (police): no statement of theirs
    spokespeople: frozenset = frozenset()  # lemmas of those who speak for a body ("police spokesperson")
    # Prepositions (with an article or "all" between) that make a reporter the one spoken to,
    # not the speaker ("apologised to residents", "appellierte an die Anwohner").
    addressed: frozenset = frozenset()
    speech_acts: frozenset = frozenset()  # speech verbs that are acts of their own ("apologise", "verurteilen")
    hospitals: frozenset = frozenset()  # where the injured are taken ("hospital", "Kantonsspital")
    month_names: frozenset = frozenset()  # after a day ("on 6 March") a capitalised trigger that is one is the month
    plain_speech: frozenset = frozenset()  # the plain verb of quotation ("sagen"): news only with a date of its own
    closing_comment: frozenset = frozenset()  # after the clause it reports ("…“, erklärte X"): news only with a date of its own
    closing_speech: frozenset = frozenset()  # a speech verb that attributes the clause before it when it closes the sentence ("say")
    attribution_openers: frozenset = frozenset()  # "Wie X mitteilte, …": a speech verb in such a clause attributes
    subordinators: frozenset = frozenset()  # words that open a sentence with its background ("Nachdem …", "After …")
    earlier_clauses: frozenset = frozenset()  # words that open a clause telling what came before ("after", "nachdem")
    earlier_phrases: frozenset = frozenset()  # prepositions naming what came before ("Nach einem Einbruch …")
    occasion_openers: frozenset = frozenset()  # "At a meeting, …", "Bei dem Treffen …": the meeting is the act's setting
    separate_openers: tuple = ()  # "In another incident, …", "In einem weiteren Fall …": the sentence tells a happening of its own
    gatherings: frozenset = frozenset()  # "trafen sich": in a protest's or a strike's story, the crowd gathering
    back_references: frozenset = frozenset()  # determiners that point back to a happening told before ("the crash")
    participants: frozenset = frozenset()  # participles after a noun trigger that name those in it ("am Unfall beteiligten")
    counter: frozenset = frozenset()  # what makes a protest one against another ("Gegendemonstration", "counter-protesters")
    causes: frozenset = frozenset()  # words before a happening that caused the sentence's own ("triggered by")
    formal_occasions: frozenset = frozenset()  # where a formal statement is made ("a news conference", "a press briefing")
    press: frozenset = frozenset()  # the press a speaker tells ("told local media"): an interview, no statement of its own
    press_verbs: frozenset = frozenset()  # speech verbs whose object is the one told ("tell")
    interviews: frozenset = frozenset()  # "in an interview", "im Interview": what is said there comments
    # Whether a happening told in the pluperfect came before the story's time (German, whose reported
    # speech takes the subjunctive), not a retelling backshifted by "said … had" (English).
    pluperfect_earlier: bool = False
    generic: frozenset = frozenset()  # habitual cues ("often", "häufig"): no single happening
    generic_starts: frozenset = frozenset()  # what a generic cue of several words may start with (`_starts`)
    # Prepositions that negate only their own object ("ohne Transpondersignal flog" is a flight).
    object_negation: frozenset = frozenset()
    # "previous convictions": a word right before the trigger that makes it someone's record.
    record: frozenset = frozenset()
    # "in seiner nächsten Sitzung": a word right before the trigger that puts it ahead.
    upcoming: frozenset = frozenset()
    # "agreements are slated to be signed": a word after the trigger, then "to", makes it a plan.
    planned_after: frozenset = frozenset()
    non_trigger_heads: tuple = ()  # words ending like a trigger that are none ("Hubschrauber")
    # Verb triggers that are also determiners ("mit einigen Sekunden"): before a noun, the determiner.
    determiners: frozenset = frozenset()
    # Entries that only say someone died ("were killed", "ums Leben"): in a story of a disaster,
    # an accident or a fight, its toll, not a killing of its own.
    deaths: frozenset = frozenset()
    # Statement entries that make a formal statement ("said in a statement", "told a press conference").
    formal_statements: frozenset = frozenset()
    lemmas: dict = field(default_factory=dict)  # forms the lemmatiser gets wrong ("won" is no currency here)
    hyphen_prefixes: frozenset = frozenset()  # "ex-" in "ex-Cyclone": the word after the hyphen triggers
    negation_skips: frozenset = frozenset()  # words a negation reaches across ("not yet been able to")
    negation_final: frozenset = frozenset()  # negations that close their clause ("gab es nicht")
    planned_final: frozenset = frozenset()  # forecasts that close their clause ("ist für Montag vorhergesagt")
    comparisons: frozenset = frozenset()  # "länger als geplant": a comparison, no plan
    modal_suffixes: tuple = ()  # contractions: "they'd rather make the appointment" (would)
    reported_subjunctive: frozenset = frozenset()  # subjunctives of indirect speech ("hätten … errichtet")
    reported_passive: frozenset = frozenset()  # ... and its passive, with a participle ("würden … angehalten")
    # "soll" reports a claim with a perfect infinitive ("soll … erstochen haben"), else a plan ("soll … fallen")
    reportative: frozenset = frozenset()
    achieved: frozenset = frozenset()  # success before a zu-infinitive: "Der Polizei gelang es, den Mann festzunehmen"
    attempts: frozenset = frozenset()  # an attempt as the trigger's own adjective happened: "einen versuchten Raubüberfall"
    # Types whose announced decision is the news ("Enercon will jede zweite Stelle abbauen", "plans to
    # close its factory"), and the words of intent that announce rather than make them hypothetical.
    announced_types: frozenset = frozenset()
    intentions: frozenset = frozenset()
    # Types an assigned duty makes news ("Der Unfallhergang soll nun ermittelt werden": an inquiry
    # ordered), and the words that assign it.
    ordered_types: frozenset = frozenset()
    duties: frozenset = frozenset()
    planned_types: frozenset = frozenset()  # types a future marker before them makes a plan ("He will also meet …")
    plan_markers: frozenset = frozenset()
    perfect_infinitive: frozenset = frozenset()  # the words that close such a claim ("haben", "sein")
    irrealis: frozenset = frozenset()  # words that keep them hypothetical ("hätte … können")
    lower_case_cues: frozenset = frozenset()  # cues only in lower case inside a sentence ("may", not "3 May")
    scheduled: frozenset = frozenset()  # a trigger's forms that announce a date ahead ("Sie findet am Freitag statt")
    # "vor einem schwierigen Urteil", "ahead of the by-polls": a happening after these words and an
    # article is the time the sentence is set against, not one it tells.
    anchors: frozenset = frozenset()
    # "Once the bill receives Royal Assent, the council will be dismissed", "Sobald die Winde nachlassen,
    # werde Italien …": a sentence that opens with these and holds a future or modal word is a condition.
    future_openers: frozenset = frozenset()
    future_markers: frozenset = frozenset()
    modal_before_only: bool = False  # English modals govern what follows ("could win"), not "everything he could"
    # A cue used as an adjective governs only its own noun ("wegen versuchten Mordes angeklagt",
    # "opponents of the proposed wind farm staged a protest"): words before it that make it one
    # (articles, prepositions), the adjective forms (English) or endings (German) of the cues,
    # and negations that then negate only the adjective ("eine nicht angemeldete Demonstration").
    attributive_after: frozenset = frozenset()
    attributive_forms: frozenset = frozenset()
    attributive_endings: tuple = ()
    adjective_negation: frozenset = frozenset()
    # Each distinct word form as `_word` describes it, worked out once per process.
    words: dict = field(default_factory=dict, repr=False, compare=False)
    # The tokens of the sentences scanned last (`_tokens`): the sentence tests read them again.
    scanned: dict = field(default_factory=dict, repr=False, compare=False)


def _starts(cues: frozenset) -> frozenset:
    """Each cue's beginnings that end before one of its spaces ("ruled", "ruled out" of "ruled out
    a"): a word and the next make a cue only if the word is one of them."""
    return frozenset(c[:k] for c in cues for k, ch in enumerate(c) if ch == " ")


def languages() -> list[str]:
    """Languages that have a rule file."""
    return sorted(p.name[:-5] for p in resources.files(__name__).iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=None)
def lexicon(language: str) -> _Lexicon:
    """The compiled rules of one language (falls back to English for languages without a file)."""
    if language not in languages():
        language = FALLBACK_LANGUAGE
    data = yaml.load(resources.files(__name__).joinpath(f"{language}.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    exact, heads, prefixes, phrases = {}, {}, {}, []
    for prio, (etype, spec) in enumerate(data["types"].items()):
        for item in spec.get("words") or []:
            if isinstance(item, dict):
                word = str(item["word"])
                without = [str(w).lower() for w in item.get("without", ())]
                entry = _Entry(etype, prio, word, frozenset(w.lower() for w in item.get("with", ())),
                               frozenset(w for w in without if " " not in w), frozenset(w for w in without if " " in w),
                               frozenset(str(w).lower() for w in item.get("not_after", ())),
                               frozenset(str(w).lower() for w in item.get("not_before", ())))
            else:
                word = str(item)
                entry = _Entry(etype, prio, word)
            compound = word.endswith("+")
            key = word.rstrip("+").lower()
            if " " in key:
                phrases.append((tuple(key.split()), entry))
                continue
            exact.setdefault(key, []).append(entry)
            if language == "de" and word[:1].isupper() and len(key) >= 4:
                heads.setdefault(key, []).append(entry)
                if compound:
                    prefixes.setdefault(key, []).append(entry)
        for phrase in spec.get("phrases") or []:
            phrases.append((tuple(str(w).lower() for w in phrase), _Entry(etype, prio, " ".join(map(str, phrase)))))
    fact = data.get("factuality") or {}
    # A phrase word may list forms the lemmatiser does not join ("brechen|brach"); phrases are
    # looked up by their first word, so a sentence tries only those that can start in it.
    compiled = [(tuple(tuple(w.split("|")) for w in words), entry, " ".join(w.split("|")[0] for w in words))
                for words, entry in phrases]
    by_word: dict[str, list[int]] = {}
    for n, (alts, _, _) in enumerate(compiled):
        for form in alts[0]:
            by_word.setdefault(form, []).append(n)

    def words(key, section=fact, kind=frozenset):
        """A rule file's word list, lower case (the factuality section's unless told)."""
        return kind(str(w).lower() for w in section.get(key) or ())

    attributive = fact.get("attributive") or {}
    hypothetical, generic = words("hypothetical"), words("generic")

    return _Lexicon(
        language=language, exact=exact, heads=heads, prefixes=prefixes, phrases=compiled,
        phrases_by_word=by_word,
        non_heads=words("non_heads", data),
        non_trigger_heads=words("non_trigger_heads", data, tuple),
        determiners=words("determiners", data),
        deaths=words("deaths", data),
        not_triggers=words("not_triggers", data),
        particles=words("particles", data),
        hypothetical=hypothetical, hypothetical_starts=_starts(hypothetical), modal=words("modal"), negation=words("negation"),
        threat=words("threat"), openers=words("conditional_openers"), types=tuple(data["types"]),
        future_openers=words("future_openers"), future_markers=words("future_markers"),
        breaks=words("clause_breaks"), generic=generic, generic_starts=_starts(generic), object_negation=words("object_negation"),
        modal_before_only=bool(fact.get("modal_before_only")),
        planned_after=words("planned_after"),
        record=words("record"),
        upcoming=words("upcoming"),
        lemmas={str(k).lower(): str(v).lower() for k, v in (data.get("lemmas") or {}).items()},
        hyphen_prefixes=words("hyphen_prefixes", data),
        negation_skips=words("negation_skips"),
        negation_final=words("negation_final"),
        planned_final=words("planned_final"), comparisons=words("comparisons"), modal_suffixes=words("modal_suffixes", fact, tuple),
        reported_subjunctive=words("reported_subjunctive"), reported_passive=words("reported_passive"), irrealis=words("irrealis"),
        reportative=words("reportative"), perfect_infinitive=words("perfect_infinitive"), achieved=words("achieved"), attempts=words("attempts"),
        announced_types=frozenset(str(w) for w in (fact.get("announced") or {}).get("types") or ()),
        intentions=words("intentions", fact.get("announced") or {}),
        ordered_types=frozenset(str(w) for w in (fact.get("ordered") or {}).get("types") or ()),
        duties=words("duties", fact.get("ordered") or {}),
        planned_types=frozenset(str(w) for w in (fact.get("planned") or {}).get("types") or ()),
        plan_markers=words("markers", fact.get("planned") or {}),
        lower_case_cues=words("lower_case_cues"),
        scheduled=words("scheduled"), anchors=words("anchors"),
        attributive_after=words("after", attributive),
        attributive_forms=words("forms", attributive),
        attributive_endings=words("endings", attributive, tuple),
        adjective_negation=words("negation", attributive),
        speakers=words("speakers", data),
        reporters=words("reporters", data),
        spokespeople=words("spokespeople", data),
        addressed=words("addressed", data),
        speech_acts=words("speech_acts", data),
        hospitals=words("hospitals", data),
        month_names=words("month_names", data),
        plain_speech=words("plain_speech", data), closing_comment=words("closing_comment", data),
        closing_speech=words("closing_speech", data),
        attribution_openers=words("attribution_openers", data),
        formal_statements=words("formal_statements", data),
        subordinators=words("subordinators"),
        earlier_clauses=words("earlier_clauses", data), earlier_phrases=words("earlier_phrases", data),
        occasion_openers=words("occasion_openers", data),
        separate_openers=words("separate_openers", data, tuple),
        gatherings=words("gatherings", data),
        back_references=words("back_references", data),
        participants=words("participants", data),
        counter=words("counter", data),
        causes=words("causes", data),
        formal_occasions=words("formal_occasions", data),
        press=words("press", data), press_verbs=words("press_verbs", data), interviews=words("interviews", data),
        pluperfect_earlier=bool(data.get("pluperfect_earlier")),
        locative=tuple(str(w) for w in (data.get("titles") or {}).get("locative") or ()),
    )


@lru_cache(maxsize=200_000)
def _lemma(word: str, language: str) -> str:
    if len(word) > 40:
        return word.lower()
    try:
        return lemmatize(word, language).lower()
    except ValueError:  # a language simplemma does not know
        return word.lower()


def _fixed_lemma(word: str, lex: _Lexicon) -> str:
    """The word's lemma, as the lexicon's `lemmas` fix it where the lemmatiser errs ("won")."""
    return lex.lemmas.get(word.lower()) or _lemma(word, lex.language)


def _word_entries(low: str, lemma: str, lex: _Lexicon) -> tuple[list, str]:
    """Entries a single word form triggers, and how ("", "compound head", "compound")."""
    if low in lex.not_triggers or lemma in lex.not_triggers:
        return [], ""
    for key in (lemma, low):
        if key in lex.exact:
            return lex.exact[key], ""
    if not lex.heads or len(low) > 40:
        return [], ""  # no language with compounds, or no word (a megabyte without a space)
    for key in _german_participle_infinitives(low):
        if key in lex.exact:
            return lex.exact[key], "participle"
    # "Polizei-Inspektion" is the "Polizeiinspektion" spelt with a hyphen: no inspection either.
    if low.endswith(lex.non_trigger_heads) or "-" in low and low.replace("-", "").endswith(lex.non_trigger_heads):
        return [], ""
    forms = {lemma, low}
    if lemma == low:  # a word the lemmatiser does not know: try its stem ("Landkreisen" is known, no "Reisen" in it)
        forms |= {low[: -len(e)] for e in _GERMAN_ENDINGS if low.endswith(e) and len(low) - len(e) >= 4}
    head = next((hit for form in sorted(forms, key=len, reverse=True)
                 for i in range(3, len(form) - 3)  # longest head first: "Messerangriff" before "Angriff"
                 for hit in (lex.heads.get(form[i:]),) if hit), None)
    if head and not any(e.event_type == _GENERIC for e in head):
        return head, "compound head"
    prefixed = _prefix_entries(forms, lex)
    if head and prefixed and prefixed[0]:
        # A generic head after a specific first part names the specific happening: an
        # "Unwettereinsatz" is the storm's, not any "Einsatz" (a sense of the head still
        # comes first: a "Hochwassereinsatz der Bundeswehr" is a deployment).
        return [e for e in head if e.event_type != _GENERIC] + prefixed[0] + [e for e in head if e.event_type == _GENERIC], "compound"
    if head:
        return head, "compound head"
    return prefixed or ([], "")


_GENERIC = "other"  # the fallback type: its words name any happening


def _prefix_entries(forms: set, lex: _Lexicon):
    """Entries of a compound's first part that may start a compound ("Hochwasser+"), or None;
    ([], "") when the rest is a head that takes the sense ("Brandschutz")."""
    for form in sorted(forms, key=len, reverse=True):
        for i in range(len(form) - 3, 3, -1):
            hit = lex.prefixes.get(form[:i])
            if hit:
                rest = form[i:].lstrip("-")  # "Waldbrand-Beauftragte" as "Waldbrandbeauftragte"
                if rest in lex.non_heads or any(rest == h + e for h in lex.non_heads for e in ("", "s", "en", "n")):
                    return [], ""
                return hit, "compound"
    return None


def _german_participle_infinitives(low: str) -> list[str]:
    """Infinitives a German participle may come from, where the lemmatiser does not know it:
    "evakuiert" -> evakuieren, "gekentert" -> kentern, "angezündet" -> anzünden."""
    out = []
    if low.endswith("iert"):
        out.append(low[:-1] + "en")
    core, prefix = low, ""
    if low.startswith(_PARTICLES_GE_DE):  # most words start with none: one test in C, not seventeen
        for particle in _PARTICLES_DE:
            if low.startswith(particle + "ge") and len(low) > len(particle) + 5:
                prefix, core = particle, low[len(particle):]
                break
    if core.startswith("ge") and len(core) > 5:
        stem = core[2:]
        if stem.endswith("et"):
            out += [prefix + stem[:-2] + "en", prefix + stem[:-1] + "n"]
        elif stem.endswith("t"):
            out += [prefix + stem[:-1] + "en", prefix + stem[:-1] + "n"]
        elif stem.endswith("en"):
            out.append(prefix + stem)
        if prefix:
            # an irregular participle after a particle: "umgebracht" (gebracht: bringen) -> umbringen
            out.append(prefix + _lemma(core, "de"))
        return out
    for inseparable in _INSEPARABLE_DE if low.startswith(_INSEPARABLE_DE) else ():
        stem = low[len(inseparable):]
        if low.startswith(inseparable) and len(stem) > 3:
            # no "ge-" after an inseparable prefix: "entführt" -> entführen, "verunglückt" ->
            # verunglücken; a strong one is the bare verb's participle: "beschossen" (geschossen: schießen)
            if stem.endswith("t"):
                out += [low[:-2] + "en" if stem.endswith("et") else low[:-1] + "en", low[:-1] + "n"]
            elif stem.endswith("en"):
                out.append(inseparable + _lemma("ge" + stem, "de"))
            break
    return out


_MONTH_BEFORE = frozenset(("in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this"))
# A day or these before a month's name make it the month: "on 6 March", "the 21st March" (British and
# Indian order), "from March" (a title-case headline's "Votes To Strike" stays a strike).
_MONTH_SPAN = frozenset(("from", "to", "through", "throughout", "during", "between"))
_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
_INSEPARABLE_DE = ("miss", "über", "unter", "wider", "hinter", "zer", "ent", "emp", "ver", "be", "er")
_PARTICLES_DE = ("zurück", "zusammen", "nieder", "heraus", "fest", "auf", "aus", "ab", "an", "ein", "vor", "weg", "zu", "mit", "los", "durch", "um")
_PARTICLES_GE_DE = tuple(p + "ge" for p in _PARTICLES_DE)


_WORDS_MAX = 200_000  # word forms kept per language; a huge archive has more


def _word(w: str, lex: _Lexicon) -> tuple:
    """What the rules make of one word form, whatever its sentence: (lower case, lemma, opens a
    clause, entries it triggers, how, phrases it may start, is a separable particle, is a
    zu-infinitive)."""
    got = lex.words.get(w)
    if got is None:
        if len(lex.words) >= _WORDS_MAX:
            lex.words.clear()
        low = w.lower()
        lemma = _fixed_lemma(w, lex)
        entries, how = _word_entries(low, lemma, lex)
        if not entries and "-" in low and low.split("-", 1)[0] in lex.hyphen_prefixes and low not in lex.not_triggers:
            # "ex-Cyclone Gita", "Ex-Hurrikan": a prefix before a hyphen leaves the word's sense.
            rest = w.split("-", 1)[1]
            entries, how = _word_entries(rest.lower(), _fixed_lemma(rest, lex), lex)
        if not entries and lex.heads and "ss" in low:
            # Swiss German writes ss for ß ("Schliessung", "Strassensperre", "Massnahme").
            entries, how = _word_entries(low.replace("ss", "ß"), lemma.replace("ss", "ß"), lex)
        phrases = tuple(lex.phrases_by_word.get(low, ())) + (tuple(lex.phrases_by_word.get(lemma, ())) if lemma != low else ())
        got = lex.words[w] = (low, lemma, low in lex.breaks, entries, how, phrases, low in lex.particles,
                              _zu_infinitive(low, lemma, lex))
    return got


def _zu_infinitive(low: str, lemma: str, lex: _Lexicon) -> bool:
    """A German zu-infinitive of a separable verb: "anzugreifen" (angreifen), also with a
    prefix that is no particle of its own ("sicherzustellen": sicherstellen)."""
    if not lex.particles:
        return False
    return any(low[i:i + 2] == "zu" and lemma == low[:i] + low[i + 2:] for i in range(2, len(low) - 5))


# A short aside in brackets inside a clause: an age, a party, a canton ("nahm den Mann (23) fest",
# "traten Bürgermeister X (ÖVP) und vier Gemeinderäte zurück"). It does not end the clause.
_ASIDE = re.compile(r"\((?:[\w.'’-]+ ?){1,3}\)")


# Quotation marks around a word or two inside a clause end nothing: a threat reaches the quoted
# strike ('drohte mit einem „unbefristeten Streik“'), a particle its verb ('kündigte … "…" an').
_QUOTE_MARKS = frozenset('"„“”«»')

# A capitalised word (German: a noun or a name) right after a comma.
_NOUN_NEXT = re.compile(r"\s*[A-ZÄÖÜ]")


def _scan(text: str, lex: _Lexicon):
    """The sentence's tokens (see `_tokens`), its single-word hits (token index from, to,
    entries, word, how), the phrases that may start in it, and whether it holds a particle."""
    out, hits, phrases, particle, clause = [], [], set(), False, 0
    words = lex.words
    aside = -1  # the end of a short aside in brackets, which stays in its clause
    for m in _TOKEN.finditer(text):
        w = m.group()
        if not w[0].isalnum() and w[0] != "_":
            if w == "(" and (short := _ASIDE.match(text, m.start())):
                aside = short.end()
            elif w == "," and 0 < m.start() < len(text) - 1 and text[m.start() - 1].isdigit() and text[m.end()].isdigit():
                pass  # a number: "7,000 troops", "4,5 Prozent"
            elif w == "," and lex.heads and len(out) > 1 and out[-1][2][:1].isupper() and _NOUN_NEXT.match(text, m.end()):
                pass  # a list of nouns goes on in its clause: "über mögliche Sozialpläne, Transfergesellschaften und Abfindungen verhandeln"
            elif w in _QUOTE_MARKS:
                pass  # a quoted word stays in its clause: 'kündigte für morgen einen "neuen Vorschlag" an'
            elif not (w == ")" and m.end() == aside):
                clause += 1
            continue
        got = words.get(w) or _word(w, lex)
        if got[2] and out:
            clause += 1
        if got[3]:
            hits.append((len(out), len(out), got[3], w, got[4]))
        if got[5]:
            phrases.update(got[5])
        particle = particle or got[6]
        out.append((m.start(), m.end(), w, got[0], got[1], clause))
    return out, hits, phrases, particle


def _tokens(text: str, lex: _Lexicon):
    """(start, end, word, lower, lemma, clause) per word; clause counts punctuation breaks and
    clause-opening words. A sentence the trigger scan has just read is not read again: the
    sentence tests (`has_speaker`, `names_hospital`, `told_by_reporter`, …) ask about the
    sentences of the document whose triggers were found, a fifth of all scans."""
    toks = lex.scanned.get(text)
    if toks is None:
        toks = _scanned(text, _scan(text, lex)[0], lex)
    return toks


_SCANNED_MAX = 1_000  # sentences whose tokens are kept: more than a long article has


def _scanned(text: str, toks: list, lex: _Lexicon) -> list:
    """Keep a text's tokens for `_tokens` (which nobody changes: lists of tuples, only read)."""
    if len(lex.scanned) >= _SCANNED_MAX:
        lex.scanned.clear()
    lex.scanned[text] = toks
    return toks


def _entry(trigger: Trigger) -> str:
    """The lexicon entry a trigger was found by (its rule is "<kind>: <entry> (<how>)")."""
    return trigger.rule.split(":", 1)[-1].split(" (")[0].lower()


def only_a_death(trigger: Trigger, *, language: str) -> bool:
    """Whether a trigger only tells that someone died ("were killed", "kam ums Leben"), not how."""
    return _entry(trigger) in lexicon(language).deaths


def is_speech_act(trigger: Trigger, *, language: str) -> bool:
    """Whether a statement's verb is an act of its own ("apologised", "verurteilte")."""
    return trigger.event_type == "statement" and _entry(trigger) in lexicon(language).speech_acts


def is_plain_speech(trigger: Trigger, *, language: str) -> bool:
    """Whether a statement's verb is the language's plain verb of quotation ("sagte"), which
    attributes and comments rather than announces."""
    return trigger.event_type == "statement" and _entry(trigger) in lexicon(language).plain_speech


def is_closing_comment(trigger: Trigger, before: str, *, language: str) -> bool:
    """Whether a statement's verb follows the clause it reports ("„…“, erklärte der Sprecher",
    "…, erklärt Filzmaier"), as `closing_comment` lists: `before` is the sentence up to the verb."""
    return trigger.event_type == "statement" and _entry(trigger) in lexicon(language).closing_comment \
        and re.search(r"[,\"“”»«]\s*$", before) is not None


def is_closing_speech(trigger: Trigger, *, language: str) -> bool:
    """Whether a statement's verb attributes the clause before it when it closes the sentence
    ("…, the company said"), as the lexicon's `closing_speech` lists."""
    return trigger.event_type == "statement" and _entry(trigger) in lexicon(language).closing_speech


def in_attribution(before: str, *, language: str) -> bool:
    """Whether a speech verb stands in a clause that opens the sentence with an attribution ("Wie
    das Landratsamt mitteilte, ist ein Schüler betroffen"); `before` is the sentence up to the verb."""
    lex = lexicon(language)
    toks = _tokens(before, lex)
    return bool(toks) and toks[0][3] in lex.attribution_openers and "," not in before


def is_formal_statement(trigger: Trigger, *, language: str) -> bool:
    """Whether a statement's trigger names a formal statement ("in a statement", "a press conference")."""
    return trigger.event_type == "statement" and _entry(trigger) in lexicon(language).formal_statements


def has_speaker(sentence: str, *, language: str) -> bool:
    """Whether a sentence names a body that speaks for itself ("die Polizei", "the union",
    "the company"): its statement is news even when no registry actor is named."""
    lex = lexicon(language)
    return _names_one_of(sentence, lex.speakers, lex)


def names_hospital(sentence: str, *, language: str) -> bool:
    """Whether a sentence names a hospital ("taken to the Queen Elizabeth Hospital", "im Spital")."""
    lex = lexicon(language)
    return _names_one_of(sentence, lex.hospitals, lex)


def told_by_reporter(sentence: str, *, language: str) -> bool:
    """Whether a sentence names a speaker who tells facts rather than news ("police said")."""
    lex = lexicon(language)
    return _names_one_of(sentence, lex.reporters, lex, skip_addressed=True)


def names_spokesperson(sentence: str, *, language: str) -> bool:
    """Whether a sentence names one who speaks for a body ("police spokesperson Mohammed Shehu")."""
    lex = lexicon(language)
    return _names_one_of(sentence, lex.spokespeople, lex)


def is_counter(trigger: Trigger, before: str, *, language: str) -> bool:
    """Whether a trigger names a protest against another one: its word starts with one of the
    lexicon's `counter` words ("Gegendemonstration", "Gegenprotest", "counter-protesters") or one
    stands right before it ("counter protest")."""
    words = lexicon(language).counter
    low = trigger.text.lower()
    return any(low.startswith(w) and len(low) > len(w) + 3 for w in words) \
        or bool(words and before.split() and before.split()[-1].lower().strip("-") in words)


def refers_back(before: str, *, language: str) -> bool:
    """Whether the words right before a trigger open a noun phrase with a determiner that points
    back to a happening already told ("the crash", "the 4.7 quake"): at most two words between."""
    return bool(_words_before(language, "back_references").search(before))


def names_interview(sentence: str, *, language: str) -> bool:
    """Whether a sentence says its words were said in an interview ("In a phone interview with the
    Citizen Times on Saturday, Cooper said …", "sagte er im Interview")."""
    return _phrases(language, "interviews").search(sentence) is not None


def names_formal_occasion(sentence: str, *, language: str) -> bool:
    """Whether a sentence names where a formal statement was made ("told a news conference", "at a press briefing")."""
    return _phrases(language, "formal_occasions").search(sentence) is not None


def tells_someone(trigger: Trigger, *, language: str) -> bool:
    """Whether a statement's verb takes the one told as its object ("told"), as `press_verbs` lists."""
    return trigger.event_type == "statement" and _entry(trigger) in lexicon(language).press_verbs


def tells_the_press(trigger: Trigger, after: str, *, language: str) -> bool:
    """Whether a speech verb tells the press ("… told local media", "told media persons that …"):
    `after` is the sentence from the verb's end; up to three words (the, local, Peruvian) may
    stand before the press word, and a formal occasion ("told a press conference") is none."""
    if not tells_someone(trigger, language=language) or not lexicon(language).press:
        return False
    m = _press(language).match(after)
    return m is not None and not names_formal_occasion(after[:m.end() + 20], language=language)


@lru_cache(maxsize=8)
def _press(language: str) -> re.Pattern:
    return re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?:" + _alternatives(lexicon(language).press) + r")\b", re.I)


@lru_cache(maxsize=None)
def _phrases(language: str, key: str) -> re.Pattern:
    """One of the lexicon's phrase lists (`key`) anywhere in a text, as whole words; compiled once
    (it was built and compiled on every call); matches nothing for an empty list."""
    words = getattr(lexicon(language), key)
    return re.compile(r"\b(?:" + _alternatives(words) + r")\b", re.I) if words else re.compile(r"(?!)")


def _alternatives(words) -> str:
    """A regex alternation of phrases, longest first, a space matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def names_cause(before: str, *, language: str) -> bool:
    """Whether the words right before a trigger say it caused another happening ("Landslides
    triggered by heavy rainfall", "ausgelöst durch Starkregen"): at most two words between."""
    return bool(_words_before(language, "causes").search(before))


@lru_cache(maxsize=None)
def _words_before(language: str, key: str) -> re.Pattern:
    """One of the lexicon's word lists (`key`) at the end of a text, at most two words before its end."""
    words = getattr(lexicon(language), key)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words))
                      + r")\s+(?:[\w.'’-]+\s+){0,2}$", re.I)


def opens_with_background(sentence: str, *, language: str) -> bool:
    """Whether a sentence opens with a subordinate clause ("Nachdem er sie getötet hatte, …",
    "After the shooting, …"): its first clause is the background of the main one."""
    lex = lexicon(language)
    toks = _tokens(sentence, lex)
    return bool(toks) and toks[0][3] in lex.subordinators


_ADDRESSEE_ARTICLES = frozenset("the all its their die den der alle ihre seine".split())


def _addressed(toks: list, i: int, lex: _Lexicon) -> bool:
    """Whether the i-th word is the one spoken to: after a preposition of the lexicon's
    `addressed`, an article or "all" between ("to residents", "an die Anwohner"), but not
    "according to police"."""
    j = i - 1
    if j >= 0 and toks[j][3] in _ADDRESSEE_ARTICLES:
        j -= 1
    return j >= 0 and toks[j][3] in lex.addressed and not (j > 0 and toks[j - 1][3] == "according")


def _names_one_of(sentence: str, words: frozenset, lex: _Lexicon, skip_addressed: bool = False) -> bool:
    """A word or lemma of the list, or (German) a compound ending in one of six letters or
    more ("Landespolizei", "Innenministerium"); with skip_addressed, not one spoken to."""
    toks = _tokens(sentence, lex)
    for i, (_, _, w, low, lemma, _) in enumerate(toks):
        if skip_addressed and lex.addressed and _addressed(toks, i, lex):
            continue
        if low in words or lemma in words:
            return True
        if lex.heads and w[:1].isupper() and any(low.endswith(h) for h in words if len(h) >= 6):
            return True
    return False


def find_triggers(text: str, sentences: list[Sentence], *, language: str, title: str = "") -> list[Trigger]:
    """Every trigger in the document's sentences, with its factuality, in text order. Sense
    words count in the sentence or in the title: an article headed "Cholera outbreak" counts
    "32 cases" in a sentence that names no disease."""
    lex = lexicon(language)
    # the title's words, their lemmas and (German) the parts of its hyphenated compounds ("Montags-Demos")
    topic = frozenset(x for t in _tokens(title, lex)
                      for x in (t[3], t[4], *(t[3].split("-") if lex.heads and "-" in t[3] else ()))) if title else frozenset()
    found: list[Trigger] = []
    for s in sentences:
        found.extend(_sentence_triggers(s, lex, topic))
    return found


def _sentence_triggers(s: Sentence, lex: _Lexicon, topic: frozenset = frozenset()) -> list[Trigger]:
    # (token index from, to, entries, word, how) of each word that is a trigger on its own
    toks, hits, candidates, particle = _scan(s.text, lex)
    if not toks:
        return []
    _scanned(s.text, toks, lex)
    joined: dict[int, str] = {}
    if particle:
        # "träfen … zu" is zutreffen, "traf … ein" eintreffen, not treffen: a verb whose
        # clause-final particle makes another known verb is not the trigger its bare form would be.
        joined = dict(_other_particle_verbs(toks, lex))
        hits = [h for h in hits if h[0] not in joined]
        hits.extend(_separable(toks, lex))
    positions: dict[str, list[int]] = {}
    if candidates or hits:
        for i, t in enumerate(toks):
            positions.setdefault(t[3], []).append(i)
            if t[4] != t[3] and t[3] not in lex.not_triggers:  # "according" lends no "accord"
                positions.setdefault(t[4], []).append(i)
        for i, verb in joined.items():  # a phrase holds the rejoined verb: "rief den Katastrophenfall aus"
            positions.setdefault(verb, []).append(i)
    bag = positions.keys()  # every word's lower case and lemma
    with_bag = bag | topic if topic else bag
    # A sense word may stand inside a hyphenated word: "US-Geheimdienst", "ISW-Analyse".
    parts = {p for t in toks if "-" in t[3] for p in t[3].split("-") if p}
    if parts:
        with_bag = with_bag | parts
    for n in sorted(candidates):
        alts, entry, label = lex.phrases[n]
        if all(any(a in positions for a in forms) for forms in alts):
            span = _phrase_span([sorted(i for a in forms for i in positions.get(a, ())) for forms in alts])
            if span:
                hits.append((span[0], span[1], [entry], label, "phrase"))
    # A phrase says more than the words in it: "opened fire" is a shooting, not a fire.
    phrase_spans = [(a, b) for a, b, _, _, how in hits if how == "phrase" and b > a]
    if phrase_spans:
        hits = [h for h in hits if h[4] == "phrase" or not any(a <= h[0] <= b for a, b in phrase_spans)]
    out, facts = [], None
    for a, b, entries, word, how in hits:
        if how != "phrase" and not how.startswith("separable") and a > 0:
            # A noun entry needs a capitalised word, a verb entry a lower-case one ("March" is
            # the month, "Tagen" the days, "träfen" no "Treffen"), except at the sentence start.
            upper = toks[a][2][:1].isupper()
            if lex.heads:
                entries = [e for e in entries if e.word[:1].isupper() == upper]
                if not upper and toks[a][3] in lex.determiners and b + 1 < len(toks) and toks[b + 1][2][:1].isupper():
                    continue  # "mit einigen Sekunden Verzögerung": the determiner of a noun, not "sich einigen"
            elif upper and (toks[a - 1][3] in _MONTH_BEFORE or (a + 1 < len(toks) and toks[a + 1][3].isdigit())
                            or toks[a][3] in lex.month_names and (toks[a - 1][3] in _MONTH_SPAN or _DAY.fullmatch(toks[a - 1][3]))):
                continue  # "in March", "May 6", "on 6 March", "from March": a month
            elif upper and toks[a][4] != toks[a][3] and toks[a][2][1:].islower() and toks[a - 1][2][:1].islower() \
                    and s.text[toks[a - 1][1]:toks[a][0]] in (" ", ", ") and b + 1 < len(toks) \
                    and toks[b + 1][2][:1].isupper() and s.text[toks[b][1]:toks[b + 1][0]] == " ":
                continue  # inside a sentence, an inflected form with a capital right before a name is a name: "father Said Ahmed"
        if lex.participants and b + 1 < len(toks) and toks[b + 1][3] in lex.participants and toks[a][2][:1].isupper():
            continue  # "Alle am Unfall beteiligten Personen": those who took part in a happening told before
        entry = next((e for e in entries if (not e.with_ or e.with_ & with_bag) and not (e.without & bag)
                      and not (e.without_pairs and e.without_pairs & _pairs(toks))
                      and not (e.not_after and any(t[3] in e.not_after for t in toks[max(0, a - 3):a]))
                      and not (e.not_before and _next_words(toks, b) & e.not_before)), None)
        if entry is None:
            continue
        start, end = s.start + toks[a][0], s.start + toks[b][1]
        if facts is None:
            facts = _Facts(toks, s.text, lex)
        factuality, cue = _factuality(toks, a, s.text, lex, facts, entry.event_type in lex.announced_types,
                                      entry.event_type in lex.planned_types, entry.event_type in lex.ordered_types)
        rule = f"{lex.language}:{entry.word}" + (f" ({how})" if how else "")
        out.append(Trigger(start, end, s.text[toks[a][0]:toks[b][1]], entry.event_type, rule, entry.priority, factuality, cue,
                           toks[a][5]))
    return out


def _next_words(toks, b: int) -> set[str]:
    """The word after a trigger and the two after it: "Fire and Rescue NSW" names the service, no fire."""
    nxt = [t[3] for t in toks[b + 1:b + 3]]
    return set(nxt[:1]) | ({" ".join(nxt)} if len(nxt) == 2 else set())


def _pairs(toks) -> set[str]:
    """Each two words in a row of a sentence, lower case ("close to")."""
    return {f"{x[3]} {y[3]}" for x, y in zip(toks, toks[1:])}


_COORDINATORS = frozenset("und oder aber sondern denn doch sowie".split())


def _other_particle_verbs(toks, lex: _Lexicon):
    """Verbs that a clause-final particle turns into another known verb ("traf … ein" is
    eintreffen), as (index, joined verb): the bare verb is then no trigger; `_separable` gives
    the joined one's."""
    for j, (_, _, _, low, _, clause) in enumerate(toks):
        if low not in lex.particles or (j + 1 < len(toks) and toks[j + 1][5] == clause
                                        and toks[j + 1][3] not in _COORDINATORS):
            continue
        for i in range(j - 1, -1, -1):
            if toks[i][5] != clause:
                break
            joined = low + toks[i][4]
            # Only a verb rejoins (its infinitive ends in -n): "an" + "den" makes "ander", no verb,
            # and must not hide "kündigt" in "kündigt den Rückzug an".
            if toks[i][2][:1].islower() and toks[i][4].endswith("n") and toks[i][3] not in lex.attributive_after \
                    and (joined in lex.exact or is_known(joined, lex.language)):
                yield i, joined
                break


def _separable(toks, lex: _Lexicon):
    """German separable verbs: a particle that ends its clause rejoins a verb before it."""
    for j, (_, _, _, low, _, clause) in enumerate(toks):
        if low not in lex.particles:
            continue
        if j + 1 < len(toks) and toks[j + 1][5] == clause and toks[j + 1][3] not in _COORDINATORS:
            continue  # not clause-final: "auf der Straße" (but "stiegen … auf und nahmen Kurs" is)
        for i in range(j - 1, -1, -1):
            if toks[i][5] != clause:
                if not all(_listed(t) for t in toks[i + 1:j]):
                    break
                clause = toks[i][5]  # a list of nouns between verb and particle: "nahm 9 Personen wegen A, B, C fest"
            joined = low + toks[i][4]
            # Only verbs rejoin: "stand … aus" is ausstehen, not the noun "Ausstand" (a strike).
            verbs = [e for e in lex.exact.get(joined, ()) if e.word[:1].islower()]
            if verbs:
                yield (i, i, verbs, f"{toks[i][2]} … {toks[j][2]}", f"separable {joined}")
                break


# Words a German list of nouns holds besides its nouns: "wegen Vermummung, Beleidigung sowie
# Widerstands gegen Vollstreckungsbeamte".
_LIST_WORDS = frozenset("und oder sowie bzw gegen wegen von vom mit ohne der die das des dem den ein eine einer eines einem einen "
                        "zu zur zum im in am an auf für aus bei nach unter anderem".split())


def _listed(tok) -> bool:
    """A word that may stand in a list of nouns: a noun (capitalised), a number or a list word."""
    return tok[2][:1].isupper() or tok[2][:1].isdigit() or tok[3] in _LIST_WORDS


def _phrase_span(pos_lists: list[list[int]]) -> tuple[int, int] | None:
    """The first window of `_WINDOW` words that holds one position of every phrase word."""
    for p in pos_lists[0]:
        chosen = [p]
        for other in pos_lists[1:]:
            near = [q for q in other if abs(q - p) <= _WINDOW]
            if not near:
                break
            chosen.append(min(near, key=lambda q: abs(q - p)))
        else:
            return min(chosen), max(chosen)
    return None


_ARTICLES = frozenset("a an the this that these those its their his her our".split())
_DETERMINERS = frozenset("ein eine einen einem einer jede jeden jeder a an any".split())


def _a_name(toks, k: int, lex: _Lexicon) -> bool:
    """A cue written with a capital inside the sentence is a name: "On 3 May 2015" is a month."""
    return k > 0 and toks[k][3] in lex.lower_case_cues and toks[k][2][:1].isupper()


def _reported_perfect(toks, k: int, lex: _Lexicon) -> bool:
    """A German subjunctive cue that reports what happened, not what might have: "Menschen
    hätten eine Blockade errichtet", "die Drohnen wären eingedrungen" (indirect speech, with the
    clause's participle; "Die meisten würden an der Grenze angehalten", its passive), unless the clause holds an irrealis word ("hätte sterben können",
    "ohne … wäre", "fast wäre")."""
    if toks[k][3] not in lex.reported_subjunctive and toks[k][3] not in lex.reported_passive:
        return False
    words = [t for t in toks if t[5] == toks[k][5]]
    if any(t[3] in lex.irrealis for t in words):
        return False
    last = [t for t in words if t is not toks[k]][-1:]
    if not (last and last[0][2][:1].islower() and last[0][3].endswith(("t", "en"))):
        return False
    # "würden … angehalten" reports a passive; "würden anhalten", "würden angehalten werden" (an
    # infinitive closes the clause: its lemma is the word itself) say what would be.
    return toks[k][3] in lex.reported_subjunctive or last[0][4] != last[0][3]


def _claimed(toks, k: int, lex: _Lexicon) -> bool:
    """Whether a reportative "soll" at k reports a claim about the past: its clause closes with a
    perfect infinitive ("Er soll seine Frau erstochen haben"), not with a plain one ("Ein Urteil
    soll Ende Januar fallen", "In der Nacht sollen Schauer nachlassen": plans and forecasts). A
    perfect infinitive has its participle before it: "4,5 Prozent mehr sollen am Ende der
    Verhandlungen am Konto sein" is a goal. A clause that closes with "soll" has it after its
    infinitive ("ein Mann, der seine Frau erstochen haben soll", "die eine Tankstelle überfallen
    haben sollen")."""
    words = [t for t in toks[k + 1:] if t[5] == toks[k][5]] or [t for t in toks[:k] if t[5] == toks[k][5]]
    return len(words) > 1 and words[-1][3] in lex.perfect_infinitive \
        and words[-2][2][:1].islower() and words[-2][3].endswith(("t", "en"))


def _adjective(toks, k: int, lex: _Lexicon) -> bool:
    """Whether the word at k is an adjective: one of the language's adjective forms of its cues
    ("proposed"), or (German) a lower-case word with an adjective ending that is no article."""
    t = toks[k]
    if t[3] in lex.attributive_forms:
        return True
    return bool(lex.attributive_endings) and t[2][:1].islower() and t[3] not in _DETERMINERS \
        and t[3] not in lex.attributive_after and t[3].endswith(lex.attributive_endings)


def _noun_after(toks, k: int, lex: _Lexicon) -> int:
    """The last word of the noun phrase an adjective at k begins: German ends it at its first
    capitalised word ("des versuchten Totschlags"), English at the next word ("the planned closure")."""
    if lex.attributive_endings:
        return next((m for m in range(k + 1, len(toks)) if toks[m][2][:1].isupper() or not _adjective(toks, m, lex)), k + 1)
    return k + 1


def _governs_only_its_noun(toks, k: int, i: int, lex: _Lexicon) -> bool:
    """A cue that is an adjective after an article or a preposition governs its own noun, not a
    trigger further on: "wegen versuchten Mordes angeklagt" is a charge, "Gegner des geplanten
    Windparks demonstrierten" a protest, "the planned strike" stays a plan."""
    return k > 0 and toks[k - 1][3] in lex.attributive_after and _adjective(toks, k, lex) and i > _noun_after(toks, k, lex)


_ANCHOR_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines the a an".split())


def _anchor(toks, i: int, lex: _Lexicon) -> str:
    """The anchor word ("vor", "before", "ahead of") if the trigger at i follows it with an article
    and at most three adjectives between: "steht vor einem schwierigen Urteil", "Ahead of the by-polls"."""
    if not lex.anchors:
        return ""
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k][2][:1].islower() and toks[k][3] not in _ANCHOR_ARTICLES and toks[k][3] not in lex.anchors:
        k -= 1  # adjectives: "einem schwierigen", "the deadly"
    if k < 1 or toks[k][3] not in _ANCHOR_ARTICLES or toks[k][5] != toks[i][5]:
        return ""
    if toks[k - 1][3] in lex.anchors:
        return toks[k - 1][2]
    if k >= 2 and f"{toks[k - 2][3]} {toks[k - 1][3]}" in lex.anchors:
        return f"{toks[k - 2][2]} {toks[k - 1][2]}"
    return ""


def _generic_at(toks, lex: _Lexicon) -> int:
    """The index of the first word (or two words in a row) of the lexicon's `generic` in a
    sentence, len(toks) without one: the same for every trigger of the sentence, so found once."""
    generic, starts = lex.generic, lex.generic_starts
    for j, t in enumerate(toks):
        if t[3] in generic or (t[3] in starts and j + 1 < len(toks) and f"{t[3]} {toks[j + 1][3]}" in generic):
            return j
    return len(toks)


def _achieved(toks, i: int, lex: _Lexicon) -> bool:
    """Whether a success word before the zu-infinitive at i says it was done: "Der Feuerwehr
    gelang es, die Frau zu retten" (not "gelang es nicht", "um … zu retten")."""
    k = next((k for k in range(i - 1, -1, -1) if toks[k][4] in lex.achieved), None)
    return k is not None and not any(t[3] in lex.negation or t[3] in lex.negation_final for t in toks[k:i])


class _Facts:
    """What `_factuality` reads of a sentence whatever its trigger, worked out once per sentence:
    whether it is a question, where its generic word stands (`_generic_at`), the last word of each
    clause (clause numbers never decrease, so a clause is a run of words), and the words that may
    be modal or reportative cues."""

    __slots__ = ("question", "generic_at", "clause_end", "cues")

    def __init__(self, toks, sentence: str, lex: _Lexicon):
        self.question = sentence.rstrip().endswith("?")
        self.generic_at = _generic_at(toks, lex)
        self.clause_end = {t[5]: k for k, t in enumerate(toks)}
        self.cues = [j for j, t in enumerate(toks)
                     if t[3] in lex.modal or t[3].endswith(lex.modal_suffixes) or t[3] in lex.reportative]


def _factuality(toks, i: int, sentence: str, lex: _Lexicon, facts: _Facts | None = None,
                announced: bool = False, planned: bool = False, ordered: bool = False) -> tuple[str, str]:
    """Whether the trigger at token i is asserted, and the cue that says otherwise; `facts`
    is the sentence's `_Facts`, worked out here when not given. For a type whose announced
    decision is news (`announced`), words of intent announce it ("will … schließen"); for one
    whose assigned duty is (`ordered`), words of duty ("soll … ermittelt werden")."""
    intent = lex.intentions if announced else lex.duties if ordered else frozenset()
    clause = toks[i][5]
    if facts is None:
        facts = _Facts(toks, sentence, lex)
    if facts.question:
        return "question", "?"
    anchor = _anchor(toks, i, lex)
    if anchor:
        return "generic", anchor  # "vor der nächsten Wahl": the time of another happening
    low, lemma = toks[i][3], toks[i][4]
    if lex.particles and (
        (i > 0 and toks[i - 1][3] == "zu" and low[:1] == toks[i][2][:1] and low.endswith("en"))
        or (lex.words[toks[i][2]][7] if toks[i][2] in lex.words else _zu_infinitive(low, lemma, lex))
    ) and not _achieved(toks, i, lex):
        return "hypothetical", "zu"  # a zu-infinitive: "bereit, … anzugreifen", "um … zu retten"
    if low in lex.scheduled:
        return "hypothetical", toks[i][2]  # "Der zweite Wahlgang findet am 28. November statt": a schedule
    first = toks[0][3]
    if first in lex.openers or (len(toks) > 1 and f"{first} {toks[1][3]}" in lex.openers):
        return "hypothetical", toks[0][2]
    if first in lex.future_openers and any(t[3] in lex.future_markers for t in toks[1:]):
        return "hypothetical", toks[0][2]  # "Once X happens, Y will …" ("Once inside, the gunmen opened fire" is told)
    # A separable verb's particle closes the clause after the trigger: "bereiteten … die Evakuierung
    # vor" is vorbereiten, "schloss einen Streik nicht aus" ausschließen.
    end = facts.clause_end[clause]  # the clause's last word
    final = toks[end] if end > i else None
    particle = final[3] if final is not None and final[3] in lex.particles else ""
    for k in range(i - 1, -1, -1):
        t = toks[k]
        if t[5] != clause:
            break
        if planned and t[3] in lex.plan_markers:
            return "hypothetical", t[2]  # "He will also meet the foreign minister": an itinerary
        if particle and t[2][:1].islower() and (particle + t[4] in lex.hypothetical or particle + t[4] in lex.threat) \
                and not _governs_only_its_noun(toks, k, i, lex):
            return ("threat" if particle + t[4] in lex.threat else "hypothetical"), f"{t[2]} … {final[2]}"
        if t[3] in lex.object_negation:
            if i - k == 1 or (i - k == 2 and toks[k + 1][3] in _DETERMINERS):
                return "negated", t[2]  # "ohne Vorwarnung", "without a fight"
            continue
        if t[3] in lex.adjective_negation and i > k + 1 and _adjective(toks, k + 1, lex) and i <= _noun_after(toks, k + 1, lex):
            continue  # "eine nicht angemeldete Demonstration" took place: "nicht" negates the adjective
        if (t[3] in lex.negation or t[4] in lex.negation) and \
                sum(1 for x in toks[k + 1:i] if x[3] not in lex.negation_skips) <= 2:
            return "negated", t[2]  # "keine Festnahme", "have not yet been able to arrest"
        if i - k <= 2 and t[3] in lex.record:
            return "generic", t[2]  # "195 previous convictions", "frühere Verurteilungen": a record, no happening
        if i - k <= 2 and t[3] in lex.upcoming:
            return "hypothetical", t[2]  # "in seiner nächsten Sitzung": still ahead
        if (t[3] in lex.threat or t[4] in lex.threat or t[3] in lex.hypothetical or t[4] in lex.hypothetical) \
                and _governs_only_its_noun(toks, k, i, lex):
            continue
        if t[4] in lex.attempts and k > 0 and toks[k - 1][3] in lex.attributive_after and _adjective(toks, k, lex) \
                and i == _noun_after(toks, k, lex):
            continue  # "wegen eines versuchten Raubüberfalls": the attempt was made
        if t[3] in lex.threat or t[4] in lex.threat:
            return "threat", t[2]
        if (t[3] in lex.hypothetical or t[4] in lex.hypothetical) and not _a_name(toks, k, lex) \
                and not _reported_perfect(toks, k, lex) and not (t[3] in intent or t[4] in intent):
            return "hypothetical", t[2]
        if k + 1 < i and (t[3] in lex.hypothetical_starts or t[4] in lex.hypothetical_starts) \
                and (f"{t[3]} {toks[k + 1][3]}" in lex.hypothetical or f"{t[4]} {toks[k + 1][3]}" in lex.hypothetical):
            return "hypothetical", f"{t[2]} {toks[k + 1][2]}"  # two words: "calling for … asylum seekers", "ruled out a strike"
    # the clause's last word after the trigger, particles aside (clause numbers never decrease)
    last = next((toks[k] for k in range(end, i, -1) if toks[k][3] not in lex.particles), None)
    if lex.particles and end == i + 1 and last is not None and toks[i][2][:1].islower() and (last[3] in lex.hypothetical or last[4] in lex.hypothetical) \
            and not (last[3] in intent or last[4] in intent):
        # A German clause closes with its modal after the infinitive: "als die Polizisten den Wagen
        # kontrollieren wollten" was an attempt, as "wollten den Wagen kontrollieren" is.
        return "hypothetical", last[2]
    if last is not None and last[3] in lex.negation_final:
        return "negated", last[2]  # "Eine Festnahme gab es nicht", "Sie streikten nicht"
    if last is not None and last[3] in lex.planned_final and last[3] not in intent \
            and not any(t[3] in lex.comparisons for t in toks[max(i + 1, toks.index(last) - 2):toks.index(last)]):
        return "hypothetical", last[2]  # "Eine weitere Unwetterwelle ist für Montag vorhergesagt"
    for k in range(i + 1, min(i + 4, len(toks) - 1)):
        if toks[k][5] == clause and toks[k][3] in lex.planned_after and toks[k][3] not in intent and (
                toks[k + 1][3] == "for" and toks[k][3] != "due"
                or toks[k + 1][3] == "to"
                and not (k + 2 < len(toks) and (toks[k + 2][3] in _ARTICLES or toks[k + 2][2][:1].isdigit()))):
            # "inaugurations are expected to take place", "the meeting is set for Nov. 12"; but
            # "layoffs on Wednesday due to a drop in orders" tells a cause, not a plan
            return "hypothetical", toks[k][2]
    generic_at = facts.generic_at
    for j in facts.cues:  # a modal word up to the generic one wins
        if j > generic_at:
            break
        t = toks[j]
        if t[5] == clause and (t[3] in lex.modal or t[3].endswith(lex.modal_suffixes)) and not (lex.modal_before_only and j > i) and not _a_name(toks, j, lex) \
                and not _reported_perfect(toks, j, lex) and t[3] not in intent:
            return "hypothetical", t[2]
        if t[5] == clause and t[3] in lex.reportative and not _claimed(toks, j, lex) and t[3] not in intent:
            return "hypothetical", t[2]  # "Ein Urteil soll Ende Januar fallen": planned
    if generic_at < len(toks):
        return "generic", toks[generic_at][2]  # the whole sentence: "… are common in India, where … contribute to accidents"
    return "asserted", ""
