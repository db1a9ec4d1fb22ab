"""Sentences plus their dates, places and actors into events; repeated mentions merged.

A sentence reports a happening when it holds an asserted trigger of an event type
(`geo.what`, rules in `geo/what/<language>.yaml`). Its event takes the sentence's most precise date, the place
where it happened (not the places merely mentioned with it), its actors and cited sources.
Mentions of the same happening are then merged, within and across documents.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from geo.records import (
    ActorMention,
    DateInterval,
    Document,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Sentence,
    SourceMention,
    TimeMention,
)
from geo.contract import TAXONOMY, type_family, type_label
from geo.where import PLACE_NOUNS, QUALIFIER_GAP
from geo.what import Trigger, find_triggers, has_speaker, lexicon

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "year": 5, "years": 6}
PLACE_RANK = {"site": 0, "city": 1, "admin1": 2, "border": 3, "country": 4, "sea": 5, "region": 6, "unknown": 7}
# Statements and unlisted happenings are never repeats of one another; across documents they
# do not merge, and a merged event takes a happening's type over theirs.
_LOOSE = frozenset(("statement", "other"))
# "in der Siedlung X", "in the suburb of X": a settlement noun between the preposition and the name.
_PLACE_NOUN = rf"(?:{'|'.join(sorted(PLACE_NOUNS, key=len, reverse=True))})(?:\s+of)?\s+"
_LOCATED_BEFORE = re.compile(
    r"(?:\b(?:in|im|in der|in den|auf|auf der|auf die|auf den|auf das|bei|beim|nahe|vor|an der|am|near|at|on|off|"
    r"off the coast of|vor der Küste|outside|over|über|über der|über dem|across|throughout|inside|within|quer durch|en|cerca de)"
    rf"(?:\s+(?:de[rmns]?|die|das|the|la|el|los|las))?\s+(?:\w+e[nmr]?\s+)?(?:{_PLACE_NOUN})?)$",
    re.I,
)
# "Im Südwesten Berlins", "north of Kyiv", "südlich von Ulm": a reference point, not the place.
_APPOSITION = r"(?:(?:the|der|die|dem)\s+)?(?:(?:capital|Hauptstadt|city|Stadt|town)\s*,?\s+)?"  # "of the capital, Kathmandu"
_DIRECTION_BEFORE = re.compile(
    rf"(?:\b(?:im|in the)\s+(?:Süd|Nord|Ost|West|north|south|east|west)\w*\s+(?:von\s+|of\s+)?"
    r"|\b(?:südlich|nördlich|östlich|westlich|südöstlich|südwestlich|nordöstlich|nordwestlich|"
    rf"north|south|east|west|northeast|northwest|southeast|southwest)\s+(?:von|of)\s+{_APPOSITION}"
    rf"|\b\d+\s*(?:km|Kilometer|kilometers|kilometres|miles|Meilen)\s+(?:\([^)]{{1,30}}\)\s+)?\w*\s*(?:von|of|from)\s+"
    rf"{_APPOSITION})$",
    re.I,
)
_ACTOR_AFTER = re.compile(r"\s+(?:hat|haben|hatte|hatten|will|wird|has|have|had|says|said|sagte|erklärte|warnte|kündigte|"
                          r"signed|sent|launched|fired|attacked|struck|announced|accused|called|condemned|deployed|"
                          r"imposed|responded|agreed|rejected|denied|demanded|urged|claimed|intercepted|warned)\b")
# "Russlands Militär", "Chinas Präsident": a genitive country names who acts, not where.
_GENITIVE_OF = re.compile(r"s\s+[A-ZÄÖÜ]")
# "KATHMANDU, Nepal (AP) —", "Rostock - ": a dateline names where the story was filed.
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([^)\n]{1,40}\)\s*)?(?:[—–:]|-\s)")
_ORIGIN_OR_TARGET_BEFORE = re.compile(
    r"(?<!Teile )(?<!Teilen )(?<!Teil )(?<!parts )(?<!part )\b(?:aus|von|gegen|nach|in Richtung|Richtung|from|against|to|toward|towards|desde|contra|hacia)(?:\s+(?:de[rmns]?|die|das|the|la|el))?\s+(?:\w+e[nmr]?\s+)?$",
    re.I,
)
# "mit Sitz in London", "headquartered in Detroit": where a company sits, not where it acts.
_SEAT_BEFORE = re.compile(r"\b(?:(?:Haupt|Firmen|Konzern|Unternehmens)?[Ss]itz|Zentrale|based|headquartered|headquarters)\s+(?:in|im)\s+$")
# Where troops are sent or a visitor travels is where the deployment or visit happens.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:nach|to|toward|towards|hacia|in Richtung)(?:\s+(?:de[rmns]?|die|das|the|la|el))?\s+(?:\w+e[nmr]?\s+)?$", re.I
)
_MOVEMENT_TYPES = frozenset(("deployment", "visit", "deportation"))
# Quoted speech: an actor named only inside a quote is talked about, not acting.
_QUOTE = re.compile(r"„[^“”\n]{0,2000}[“”]|“[^”\n]{0,2000}”|«[^»\n]{0,2000}»|»[^«\n]{0,2000}«|\"[^\"\n]{0,2000}\"")


# Acts done where an institution sits: a court's verdict, a ministry's statement, a vote.
_AT_SEAT = frozenset(("statement", "document_release", "intelligence_assessment", "legal_policy", "charge", "trial",
                      "verdict", "vote", "appointment", "resignation", "investigation"))
_REPORTING_TYPES = frozenset(("intelligence_assessment", "document_release", "statement", "legal_policy"))
# Threats, warnings and announcements are news as statements by their speaker.
_THREAT_TO_STATEMENT = frozenset(("threat",))


def _best_trigger(found: list[Trigger]) -> Trigger | None:
    """The asserted trigger of the most specific type (lexicon order), first in the sentence."""
    asserted = [t for t in found if t.factuality == "asserted"]
    return min(asserted, key=lambda t: (t.priority, t.start)) if asserted else None


def _within(items, s: Sentence, starts: list[int] | None = None):
    """Mentions inside a sentence; `starts` (sorted starts of `items`) makes it a bisect."""
    if starts is None:
        return [m for m in items if m.start >= s.start and m.end <= s.end]
    lo, hi = bisect_left(starts, s.start), bisect_right(starts, s.end)
    return [m for m in items[lo:hi] if m.end <= s.end]


def _place_role(doc_text: str, m: PlaceMention, etype: str | None = None) -> str:
    """'located' where the happening took place, 'mentioned' for origins, targets, demonyms."""
    if m.weak:
        return "mentioned"
    before = doc_text[max(0, m.start - 40):m.start]
    if _INSTITUTION_AFTER.match(doc_text, m.end):
        return "mentioned"
    if etype in _MOVEMENT_TYPES and _DESTINATION_BEFORE.search(before):
        return "located"
    if _ORIGIN_OR_TARGET_BEFORE.search(before) or _DIRECTION_BEFORE.search(before) or _SEAT_BEFORE.search(before):
        return "mentioned"
    line_start = doc_text.rfind("\n", 0, m.start) + 1
    if not doc_text[line_start:m.start].strip() and _DATELINE_AFTER.match(doc_text, m.end):
        return "mentioned"  # the dateline: where the story was filed
    if m.place.type == "country" and before.rstrip()[-1:] in ("", ".", "!", "?", "\n") and _ACTOR_AFTER.match(doc_text, m.end):
        return "mentioned"  # "Russland hat … angegriffen": the country acts, the place is elsewhere
    if m.place.type == "country" and m.text.endswith("s") and (m.genitive or m.text[:-1] in (m.place.name, m.place.name_de)) \
            and _GENITIVE_OF.match(doc_text, m.end - 1):
        return "mentioned"
    if _LOCATED_BEFORE.search(before):
        return "located"
    return "named"


# "Romania Foreign Ministry", "Dallas County Medical Examiner": the name qualifies an institution.
_INSTITUTION_AFTER = re.compile(
    r"\s(?:Foreign|Interior|Defen[cs]e|Health|Ministry|Department|Police|Government|Army|Navy|Air Force|Embassy|"
    r"Council|County|University|Court|Medical|Fire|Sheriff|Office|Authority|Federation|Association|Times|Post)\b")
def _qualifies(text: str, first: PlaceMention, second: PlaceMention) -> bool:
    """Whether `second` only says where `first` lies ("Mesa in Phoenix, Arizona", "Knüllwald
    (Hessen)", "Weingarten bei Ravensburg"): then the first is where it happened."""
    if not QUALIFIER_GAP.match(text[first.end:second.start]):
        return False
    a, b = first.place, second.place
    if a.type not in ("city", "site") or a.id == b.id:
        return False
    if b.type in ("country", "admin1"):
        return _inside(a, b)
    return b.type == "city" and b.population > a.population and abs(a.lat - b.lat) < 0.6 and abs(a.lon - b.lon) < 0.9


def _roles(doc_text: str, mentions: list[PlaceMention], etype: str | None = None) -> dict[int, str]:
    """Each mention's role; a qualifier hands its role to the place it qualifies."""
    roles = {id(m): _place_role(doc_text, m, etype) for m in mentions}
    ordered = sorted(mentions, key=lambda m: m.start)
    for first, second in zip(ordered, ordered[1:]):
        if not first.weak and _qualifies(doc_text, first, second):
            if roles[id(second)] == "located":
                roles[id(first)] = roles[id(second)]
            roles[id(second)] = "mentioned"
    return roles


def _best_place(doc_text: str, mentions: list[PlaceMention], etype: str | None = None) -> PlaceMention | None:
    roles = _roles(doc_text, mentions, etype)
    ranked = sorted(
        (m for m in mentions if roles[id(m)] != "mentioned"),
        key=lambda m: (roles[id(m)] != "located", PLACE_RANK.get(m.place.type, 9), m.start),
    )
    if not ranked:
        return None
    top = ranked[0]
    if top.place.type in ("country", "admin1"):
        # "the Morozovsk air base in Russia's Rostov region": a city named in the same country
        # says more precisely where than the country after "in".
        inside = [m for m in ranked if m.place.type in ("city", "site") and m.place.country_code == top.place.country_code]
        if inside:
            return inside[0]
    return top


def _best_interval(times: list[TimeMention]) -> TimeMention | None:
    happening = [t for t in times if t.role == "happening"]
    return min(happening, key=lambda t: (PRECISION_RANK.get(t.interval.precision, 9), t.start)) if happening else None


def _in_quote(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Strictly inside a quotation; `quoted` are sorted, non-overlapping spans (a bisect, not a
    scan: a scan made a 5 MB document take minutes)."""
    i = bisect_left(quoted, (start,)) - 1
    return i >= 0 and quoted[i][0] < start and end < quoted[i][1]


def _overlaps_any(t: Trigger, spans: list[tuple[int, int]]) -> bool:
    """Whether a trigger overlaps one of the sorted, non-overlapping spans."""
    i = bisect_right(spans, (t.start, float("inf"))) - 1
    return any(a < t.end and t.start < b for a, b in spans[max(0, i):i + 2])


def _outside_actor_names(places: list[PlaceMention], actors: list[ActorMention]) -> list[PlaceMention]:
    """Drop places that are part of a longer actor name ("Aragua" in "Tren de Aragua")."""
    ordered = sorted(actors, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    longest = max((a.end - a.start for a in ordered), default=0)
    keep = []
    for p in places:
        lo, hi = bisect_left(starts, p.start - longest), bisect_right(starts, p.start)
        if not any(p.end <= a.end and (a.end - a.start) > (p.end - p.start) for a in ordered[lo:hi]):
            keep.append(p)
    return keep


def extract_events(
    doc: Document,
    sentences: list[Sentence],
    *,
    times: list[TimeMention],
    places: list[PlaceMention],
    actors: list[ActorMention],
    sources: list[SourceMention],
    seats: list[PlaceMention] = (),
    title_places: list[PlaceMention] = (),
) -> list[Event]:
    """Make one candidate event per sentence that reports a happening, then merge repeats.

    A sentence without a date of its own takes the date of its live-blog entry heading or of
    an earlier sentence in its paragraph (basis "inferred"); the lede (first paragraph) is
    typed from the headline when its own words name no happening.
    """
    events: list[Event] = []
    context: dict[int, Place] = {}  # paragraph -> last place seen, for "auf der Insel" after the island was named
    para_date: dict[int, TimeMention] = {}  # paragraph -> its first happening date
    heading_place: Place | None = None
    heading_date: TimeMention | None = None
    # A place inside an actor's name ("Aragua" in "Tren de Aragua") is no place of the event.
    places = _outside_actor_names(places, actors)
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(doc.text)]
    actors = [a for a in actors if not _in_quote(a.start, a.end, quoted)]
    places, times = sorted(places, key=lambda m: m.start), sorted(times, key=lambda m: m.start)
    actors, sources = sorted(actors, key=lambda m: m.start), sorted(sources, key=lambda m: m.start)
    seats = sorted(seats, key=lambda m: m.start)
    starts = {id(lst): [m.start for m in lst] for lst in (places, times, actors, sources, seats)}
    triggers = find_triggers(doc.text, sentences, language=doc.language)
    # A place's name is never a trigger ("Brandenburg" is no fire), and words inside quotation
    # marks are what someone said ("the fire was horrendous"), not the article's report.
    named = [(m.start, m.end) for m in places if not m.weak]
    triggers = [t for t in triggers if not _in_quote(t.start, t.end, quoted) and not _overlaps_any(t, named)]
    trigger_starts = [t.start for t in triggers]
    lede = _lede_paragraph(sentences)
    title_type = _title_type(doc)
    for s in sentences:
        s_places = _within(places, s, starts[id(places)])
        s_times = _within(times, s, starts[id(times)])
        # A place inside quoted speech is what someone talked about, not where this happened.
        outside = [m for m in s_places if not _in_quote(m.start, m.end, quoted)]
        best = _best_place(doc.text, outside)
        inherited = False
        place = best.place if best else None
        if place is None and s.paragraph in context:
            place, inherited = context[s.paragraph], True
        elif place is None and heading_place is not None:
            place, inherited = heading_place, True  # "Razzia in Hamburg" heads what follows
        strong = [m for m in outside if not m.weak]
        if strong:
            context[s.paragraph] = (best or strong[0]).place
            if s.section == "heading":
                heading_place = context[s.paragraph]
        own_t = _best_interval(s_times)
        if s.section == "heading":
            if own_t is not None and own_t.interval.precision == "day":
                heading_date = own_t  # a live blog's day heading dates the entries below it
            continue
        lo, hi = bisect_left(trigger_starts, s.start), bisect_right(trigger_starts, s.end)
        s_triggers = [t for t in triggers[lo:hi] if t.end <= s.end]
        trig = _best_trigger(s_triggers)
        s_actors = [a for a in _within(actors, s, starts[id(actors)]) if a.kind != "media"]
        rule = trig.rule if trig else ""
        if trig is None:
            threat = next((t for t in s_triggers if t.factuality in _THREAT_TO_STATEMENT), None)
            if threat is not None and s_actors:
                # "Trump drohte mit Angriffen auf Caracas": news, but as Trump's statement.
                trig = Trigger(threat.start, threat.end, threat.text, "statement", threat.rule, 99, "asserted")
                rule = f"threat '{threat.cue}' → statement ({threat.rule})"
                best, place, inherited = None, None, False
            elif s.paragraph == lede and title_type and not any(e.evidence[0].start >= s.start for e in events[-1:]) \
                    and not any(t.factuality != "asserted" for t in s_triggers) and (place or own_t):
                trig = Trigger(s.start, s.start, "", title_type[0], title_type[1], 98, "asserted")
                rule = f"headline: {title_type[1]}"
                title_type = None
            else:
                continue
        etype, trigger_word = trig.event_type, trig.text
        if etype in _MOVEMENT_TYPES:
            moved = _best_place(doc.text, outside, etype)
            if moved is not None:
                best, place, inherited = moved, moved.place, False
        if inherited and etype in _REPORTING_TYPES and etype != "statement":
            place, inherited = None, False  # a report is not located by the paragraph it sits in
        seat = None
        if (best is None or inherited) and etype in _AT_SEAT:
            seat = next((m for m in _within(seats, s, starts[id(seats)]) if not _in_quote(m.start, m.end, quoted)), None)
            if seat is not None:
                # "Der Bundesgerichtshof hob das Urteil auf": a court rules, a ministry speaks, where it sits.
                best, place, inherited = seat, seat.place, False
        if best is None and etype not in _REPORTING_TYPES and not rule.startswith("threat"):
            # Reported happenings are often quoted ("Anstieg … an der Grenze"); a report's or a
            # statement's quoted places stay its subject, never its location.
            best = _best_place(doc.text, s_places)
            if best:
                place, inherited = best.place, False
        t, date_inherited = own_t, False
        if t is None and s.paragraph in para_date:
            t, date_inherited = para_date[s.paragraph], True
        elif t is None and heading_date is not None:
            t, date_inherited = heading_date, True
        if own_t is not None and s.paragraph not in para_date:
            para_date[s.paragraph] = own_t
        if t is None and doc.reference is not None:
            # News reports what happened on the day it appears (or the night before); a
            # background happening names its own time. Measured on the corpus: date_right
            # 0.65 -> 0.88 against the lede alone (bench/score.py). A page known only by its
            # month or by the latest date it states dates its happenings that coarsely.
            t = _document_time(doc)
            date_inherited = t is not None
        if etype == "statement" and not (_speaks(doc, s, trig, s_actors) and (t or place or s.section == "body")):
            continue  # a bare "sagte" without who and when or where is not a happening
        if etype == "other" and not (own_t or (s_actors and best)):
            continue  # "Einen ähnlichen Vorfall gab es im April 2023" is one; "ein Vorfall" is not
        if etype in _REPORTING_TYPES and not (t or best or s_actors):
            continue
        if not (t or best or s_actors or (place and etype not in _REPORTING_TYPES)) and s.section != "body":
            continue  # in the body a plain happening ("Waldgebiete brannten") is news by itself  # a report needs who, when or where; an asserted happening is news by itself
                      # and takes the article's place (measured: recall 0.44 → 0.47, precision 0.55 → 0.54)
        names = tuple(dict.fromkeys(a.actor for a in s_actors))
        cited = tuple(dict.fromkeys(x.source for x in _within(sources, s, starts[id(sources)])))
        mentioned = tuple(dict.fromkeys(m.place for m in s_places if m.place != place))
        interval = t.interval if t else None
        if interval is not None and date_inherited:
            interval = replace(interval, basis="inferred")
        explanation = [("type", f"{etype} from '{trigger_word}' (rule {rule})")]
        not_asserted = [f"'{x.text}' {x.factuality} by '{x.cue}'" for x in s_triggers if x.factuality != "asserted"]
        if not_asserted:
            explanation.append(("factuality", "; ".join(not_asserted)))
        if t is None:
            explanation.append(("date", "no date in the sentence"))
        else:
            how = " inherited from its paragraph or entry heading" if date_inherited else ""
            explanation.append(("date", f"'{t.text}'{how} → {interval.start}..{interval.end} ({interval.precision}, {interval.basis})"))
        if place:
            how = "inherited from the paragraph" if inherited else f"'{best.text}'"
            if seat is not None:
                how = f"the seat of '{seat.text}'"
            explanation.append(("place", f"{place.name} ({place.type}) from {how}"))
        else:
            explanation.append(("place", "no place where it happened"))
        explanation.append(("actors", ", ".join(f"'{a.text}'→{a.actor}" for a in s_actors) or "none"))
        ev = Evidence(doc.id, s.start, s.end, s.text, s.text, s.start)
        events.append(
            Event(
                id=_event_id(doc.id, etype, s.text),
                title="",
                event_type=etype,
                interval=interval,
                date_text=t.text if t else "",
                place=place,
                place_inherited=inherited,
                actors=names,
                cited_sources=cited,
                documents=(doc.id,),
                evidence=(ev,),
                confidence=0.0,
                language=doc.language,
                section=s.section if s.section in ("appeal", "comments") else "body",
                places_mentioned=mentioned,
                explanation=tuple(explanation),
                modality="asserted",
                headline=s.paragraph == lede,
                novel=_is_novel(doc.text, trig),
                place_label=_place_label(doc.text, best if seat is None else None, place, doc.language) if place else "",
            )
        )
    # The lede's finer places: "derailed in eastern India … near Raghunathpur in Buxar district".
    early = sorted({s.paragraph for s in sentences if s.section == "body"})[:2]
    spans = [(s.start, s.end) for s in sentences if s.paragraph in early]
    lo, hi = (spans[0][0], spans[-1][1]) if spans else (0, 0)
    lede_places = [m.place for m in places if not m.weak and m.place.type in ("city", "site", "admin1")
                   and lo <= m.start < hi and _place_role(doc.text, m) != "mentioned"]
    events = [_refined(e, lede_places) for e in events]
    towns = {m.place.id: m.place for m in places if not m.weak and m.place.type in ("city", "site")
             and (_place_role(doc.text, m) == "located" or _after_place_noun(doc.text, m))}
    events = [_only_town(e, list(towns.values())) for e in events]
    title_place = next((m.place for m in title_places if not m.weak and _place_role(doc.title, m) != "mentioned"), None)
    # Each sentence tells its own happening unless it repeats one (a later mention of the same
    # type and place): neighbours of related types are no longer joined (measured on the
    # development and the held-out corpus: recall 0.51 → 0.53 and 0.46 → 0.50).
    merged = _merge_repeats(_with_document_place(events, title_place, _dateline_place(doc.text, places)))
    # A place the title names without the sentence's words ("in Munich" in a German text) is
    # named as the text itself names it elsewhere ("in München").
    own = {}
    for m in places:
        if not m.weak and not m.genitive and _is_name(m.text):
            own.setdefault(m.place.id, m.text)
    merged = [replace(e, place_label=f"in {own[e.place.id]}") if e.place and e.place.id in own
              and e.place_label in ("", f"in {_local_name(e.place, doc.language)}") else e for e in merged]
    return [_finish(e) for e in merged]


_PRONOUNS = frozenset("He She It They We I Er Sie Es Wir Ich Man The This That".split())


def _speaks(doc: Document, s: Sentence, trig: Trigger, actors: list[ActorMention]) -> bool:
    """A statement needs a speaker whose words are news: a registry actor, a body such as the
    police or a union, or (English) a name right before the speech verb ("McEnany said")."""
    if actors or has_speaker(s.text, language=doc.language):
        return True  # "„Wir ermitteln“, sagte die Staatsanwaltschaft"
    quoted = sum(m.end() - m.start() for m in _QUOTE.finditer(s.text))
    if quoted > 0.4 * len(s.text) or s.text.lstrip()[:1] in "\"„“«»":
        return False  # a witness's words in quotation marks are not the news of the statement
    words = doc.text[max(s.start, trig.start - 30):trig.start].split()
    return doc.language != "de" and bool(words) and words[-1][:1].isupper() and words[-1] not in _PRONOUNS \
        and trig.start - s.start > len(words[-1]) + 1


_GROUND_FAMILIES = frozenset(("conflict", "disaster", "accident", "crime", "protest", "labour", "rescue"))


def _on_the_ground(event_type: str) -> bool:
    return type_family(event_type) in _GROUND_FAMILIES and event_type != "investigation"


def _after_place_noun(text: str, m: PlaceMention) -> bool:
    """ "der Stadt Treuenbrietzen", "the town of Yarloop": named as a settlement."""
    words = text[max(0, m.start - 30):m.start].split()
    return bool(words) and (words[-1] in PLACE_NOUNS or (words[-1] == "of" and len(words) > 1 and words[-2] in PLACE_NOUNS))


def _only_town(e: Event, towns: list[Place]) -> Event:
    """An event placed in a country or state takes the one town the article names inside it
    ("ein Waldbrand in Brandenburg" in a text whose only Brandenburg town is Treuenbrietzen):
    news names the town once and the state thereafter. Two or more towns there: no choice.
    Only for happenings on the ground: an investigation or a law "in Colorado" is state-wide."""
    if e.place is None or e.place.type not in ("country", "admin1") or not _on_the_ground(e.event_type):
        return e
    inside = [p for p in towns if _inside(p, e.place)]
    if len(inside) != 1:
        return e
    return replace(e, place=inside[0], place_label="",
                   explanation=e.explanation + (("place", f"{inside[0].name}: the only town the text names in {e.place.name}"),))


def _refined(e: Event, finer: list[Place]) -> Event:
    """A headline event placed in a country or state takes the lede's first town or state inside it."""
    if not e.headline or e.place is None or e.place.type not in ("country", "admin1"):
        return e
    inside = next((p for p in finer if _inside(p, e.place)), None)
    if inside is None:
        return e
    return replace(e, place=inside, place_label="",
                   explanation=e.explanation + (("place", f"{inside.name}: the lede's place inside {e.place.name}"),))


def _dateline_place(text: str, places: list[PlaceMention]) -> Place | None:
    """The place of a dateline ("Konstanz (dpa) -", "KATHMANDU, Nepal (AP) —") in the first
    lines: where the story was filed, the last resort for where it happened."""
    for m in places:
        if m.start > 300:
            break
        line_start = text.rfind("\n", 0, m.start) + 1
        if not m.weak and not text[line_start:m.start].strip() and _DATELINE_AFTER.match(text, m.end):
            return m.place
    return None


def _with_document_place(events: list[Event], title_place: Place | None = None,
                         dateline: Place | None = None) -> list[Event]:
    """An event whose sentence and paragraph name no place happened, as far as the reader can
    tell, where the article's lede (or else its headline, another event, or its dateline) is
    located: it takes that place, marked inherited."""
    lede = next((e.place for e in events if e.headline and e.place and not e.place_inherited), title_place)
    if lede is None:
        lede = next((e.place for e in events if e.place and not e.place_inherited), dateline)
    if lede is None:
        return events
    return [e if e.place else replace(e, place=lede, place_inherited=True,
                                      explanation=e.explanation + (("place", f"{lede.name} inherited from the lede"),))
            for e in events]


def _publication_day(day) -> TimeMention:
    return TimeMention(0, 0, "", DateInterval(day, day, "day", "inferred"))


def _document_time(doc: Document) -> TimeMention | None:
    """The time a sentence without its own date inherits from its document: the publication
    day; the month of a URL's year-month folder; the year of the latest date the text states
    (a lower bound of the publication, so only its year is claimed)."""
    day, basis = doc.reference, doc.reference_basis
    if basis in ("published", "url", "dateline"):
        return _publication_day(day)
    if basis == "url month":
        return TimeMention(0, 0, "", DateInterval(day.replace(day=1), day, "month", "inferred"))
    if basis == "latest date":
        return TimeMention(0, 0, "", DateInterval(day.replace(month=1, day=1), day.replace(month=12, day=31), "year", "inferred"))
    return None


_NOVEL_BEFORE = re.compile(
    r"\b(?:ein|eine|einem|einen|einer|eines|weitere[nmrs]?|erneut|neue[nmrs]?|zweite[nmrs]?|dritte[nmrs]?|"
    r"a|an|another|second|third|new|further|more|two|three|several)\s+(?:\w+\s+){0,2}$|\b(?:another|again|erneut|wieder)\b",
    re.I,
)


def _is_novel(text: str, trig: Trigger) -> bool:
    """An indefinite article or "another"/"weitere" before the trigger introduces a new happening."""
    if not trig.text:
        return False
    before = text[max(0, trig.start - 30):trig.start]
    return bool(_NOVEL_BEFORE.search(before)) or bool(re.search(r"\b(?:another|again|erneut|wieder|weitere)\b", text[trig.start:trig.end + 40], re.I))


def _merge_repeats(events: list[Event]) -> list[Event]:
    """News tells its main happening again and again ("the fire", "the blaze"): later mentions
    of the same type at the same place (or at none) with compatible dates join the first one."""
    out: list[Event] = []
    by_type: dict[str, list[int]] = {}  # slots of each type in `out`: no scan over other types
    for e in events:
        for i in by_type.get(e.event_type, ()) if not e.novel else ():
            prev = out[i]
            if (e.event_type not in _LOOSE and prev.section == e.section
                    and (prev.place is None or e.place is None or prev.place.id == e.place.id
                         or e.place_inherited or _inside(e.place, prev.place) or _inside(prev.place, e.place))
                    and _dates_compatible(prev.interval, e.interval)
                    and not _dated_later(prev, e)):
                out[i] = _combine(prev, e)
                break
        else:
            by_type.setdefault(e.event_type, []).append(len(out))
            out.append(e)
    return out


def _dated_later(first: Event, later: Event) -> bool:
    """An undated happening told first and a later mention with a date of its own ("In 2002, a
    landslide …") are two happenings: news dates its main happening at once or not at all. A
    date only inherited from the document counts as none."""
    undated = first.interval is None or first.interval.basis == "inferred"
    return undated and later.interval is not None and later.interval.basis != "inferred"


def _inside(a: Place, b: Place) -> bool:
    """Whether place a lies within b as far as codes tell (a city within its state or country)."""
    if b.type == "country":
        return a.country_code == b.country_code and a.type != "country"
    if b.type == "admin1":
        return a.type in ("city", "site") and a.country_code == b.country_code and a.admin1 == b.admin1
    return False


def _lede_paragraph(sentences: list[Sentence]) -> int | None:
    """The first body paragraph that is not a heading: where news tells its main happening."""
    return next((s.paragraph for s in sentences if s.section == "body"), None)


def _title_type(doc: Document) -> tuple[str, str] | None:
    """(type, rule) of the headline's happening, to type a lede that names none itself."""
    if not doc.title:
        return None
    head = Sentence(0, len(doc.title), doc.title, 0)
    trig = _best_trigger(find_triggers(doc.title, [head], language=doc.language))
    if trig is None or trig.event_type in _LOOSE:
        return None
    return trig.event_type, f"{trig.rule} in the headline '{trig.text}'"


def _place_label(text: str, mention: PlaceMention | None, place: Place, language: str) -> str:
    """How the title names the place: the text's own preposition and words when a locative
    preposition precedes the name ("im Karibischen Meer"), else "in" + the name as written."""
    prepositions = lexicon(language).locative if language in ("de", "en") else ("in",)
    if mention is not None and not mention.weak:
        before = text[max(0, mention.start - 14):mention.start]
        for prep in sorted(prepositions, key=len, reverse=True):
            if re.search(rf"(?:^|\s){re.escape(prep)}\s+$", before, re.I):
                return f"{prep.lower()} {mention.text}"
        surface = mention.text
        if language == "de" and surface.endswith("s") and surface[:-1] == place.name:
            surface = place.name  # a genitive "Venezuelas"
        if surface == place.name or (language == "de" and _is_name(surface)):
            return f"in {surface}"  # "in München", as the German text writes it
    return f"in {_local_name(place, language)}"


def _is_name(surface: str) -> bool:
    """A name as written, not an adjective form ("venezolanischen")."""
    return surface[:1].isupper() and not surface.lower().endswith(("ische", "ischen", "ischer", "isches"))


def _local_name(place: Place, language: str) -> str:
    return (place.name_de or place.name) if language == "de" else place.name


def _event_id(doc_id: str, etype: str, quote: str) -> str:
    """Stable: depends only on the document id, type and the quoted words, not on offsets."""
    key = f"{doc_id}|{etype}|{' '.join(quote.split())}"
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _dates_compatible(a: DateInterval | None, b: DateInterval | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _types_compatible(a: str, b: str) -> bool:
    return (a == b or type_family(a) == type_family(b) or a in _LOOSE or b in _LOOSE
            or any(a in group and b in group for group in _RELATED))


_RELATED = [frozenset(g) for g in TAXONOMY.get("related") or ()]


_EXPLANATION_MAX = 60  # lines; a happening told a thousand times needs no thousand reasons


def _joined_evidence(a: tuple[Evidence, ...], b: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Both evidence lists in text order, each quote once. A later mention's quotes usually
    come after the earlier ones: then joining is a concatenation, not a sort (merging stays
    linear in the mentions)."""
    key = lambda v: (v.document, v.start)  # noqa: E731
    if a and b and key(a[-1]) < key(b[0]) and len(set(b)) == len(b):
        return a + b
    return tuple(sorted(set(a + b), key=key))


def _joined_explanation(a: tuple, b: Event) -> tuple:
    if len(a) >= _EXPLANATION_MAX:
        return a if a[-1][0] == "merged" and a[-1][1].startswith("and ") else a + (("merged", "and further mentions"),)
    return a + (("merged", f"with {b.id}: {b.event_type}"),) + b.explanation


def _combine(a: Event, b: Event) -> Event:
    """One event from two mentions: the more specific type, date and place win."""
    # The first mention names the happening; a statement or "other" gives way to a happening.
    etype = b.event_type if a.event_type in _LOOSE and b.event_type not in _LOOSE else a.event_type
    dated = [e for e in (a, b) if e.interval]
    best_t = min(dated, key=lambda e: PRECISION_RANK.get(e.interval.precision, 9)) if dated else a
    placed = [e for e in (a, b) if e.place]
    best_p = min(placed, key=lambda e: (e.place_inherited, PLACE_RANK.get(e.place.type, 9))) if placed else a
    ids = sorted([a.id, b.id])
    return replace(
        a,
        id=ids[0],
        event_type=etype,
        interval=best_t.interval,
        date_text=" / ".join(dict.fromkeys(x for x in (a.date_text, b.date_text) if x)),
        place=best_p.place,
        place_inherited=best_p.place_inherited,
        place_label=best_p.place_label,
        headline=a.headline or b.headline,
        actors=tuple(dict.fromkeys(a.actors + b.actors)),
        cited_sources=tuple(dict.fromkeys(a.cited_sources + b.cited_sources)),
        documents=tuple(sorted(set(a.documents + b.documents))),
        evidence=_joined_evidence(a.evidence, b.evidence),
        places_mentioned=tuple(p for p in dict.fromkeys(a.places_mentioned + b.places_mentioned) if p != best_p.place),
        explanation=_joined_explanation(a.explanation, b),
        section=a.section if a.section == b.section else "body",
    )


def merge_events(events: list[Event]) -> list[Event]:
    """Merge repeated mentions of one happening, within and across documents.

    Two events merge when their types are alike, they share an actor, their dates overlap
    (or neither is dated and they name the same place), and their places agree. Candidates
    are found through an index on (actor, year) and (actor, place), so the cost grows with
    the number of events, not its square.
    """
    merged: list[Event] = []
    index: dict[tuple, list[int]] = {}
    for e in sorted(events, key=lambda x: x.id):
        slot = None
        for key in _merge_keys(e):
            for i in index.get(key, ()):
                if _same_happening(merged[i], e):
                    slot = i
                    break
            if slot is not None:
                break
        if slot is None:
            merged.append(e)
            slot = len(merged) - 1
        else:
            merged[slot] = _finish(_combine(merged[slot], e))
        for key in _merge_keys(merged[slot]):
            bucket = index.setdefault(key, [])
            if slot not in bucket:
                bucket.append(slot)
    return merged


def _merge_keys(e: Event) -> list[tuple]:
    if e.event_type in ("statement", "other"):
        return []
    if e.interval:
        years = range(e.interval.start.year, min(e.interval.end.year, e.interval.start.year + 30) + 1)
        return [(a, y) for a in e.actors for y in years]
    if e.place and not e.place_inherited:
        return [(a, e.place.id) for a in e.actors]
    return []


def _same_happening(a: Event, b: Event) -> bool:
    """Both dated and overlapping, or both undated at the same stated place; a shared actor;
    types alike (an assessment and the report that carries it are one happening)."""
    if a.section != b.section or "statement" in (a.event_type, b.event_type) or "other" in (a.event_type, b.event_type):
        return False
    if not _types_compatible(a.event_type, b.event_type):
        return False
    if not set(a.actors) & set(b.actors):
        return False
    pa = a.place.id if a.place and not a.place_inherited else None
    pb = b.place.id if b.place and not b.place_inherited else None
    if pa and pb and pa != pb:
        return False
    if a.interval and b.interval:
        return _dates_compatible(a.interval, b.interval) and (a.event_type == b.event_type or pa == pb or not (pa and pb))
    if a.interval is None and b.interval is None:
        return a.event_type == b.event_type and pa is not None and pa == pb
    return False


def _finish(e: Event) -> Event:
    """Title and confidence from what the event ended up with."""
    return replace(e, title=_title(e), confidence=_confidence(e))


def _title(e: Event) -> str:
    """ "Warnstreik in Hamburg (Verdi)", "Angriff im Karibischen Meer", "Flood in Valencia"."""
    lang = e.language if e.language in ("de", "en") else "en"
    title = type_label(e.event_type, lang)
    who = ", ".join(e.actors[:2])
    if e.place:
        title += " " + (e.place_label or f"in {_local_name(e.place, lang)}")
    if who:
        title += f" ({who})" if e.place else f": {who}"
    return title


def _confidence(e: Event) -> float:
    c = 0.45
    if e.interval:
        c += 0.1 if e.interval.basis == "inferred" else 0.15
    if e.place:
        c += 0.05 if e.place_inherited else 0.15
    if e.actors:
        c += 0.1
    c += min(0.15, 0.05 * (len(e.evidence) - 1))
    if e.headline:
        c += 0.05
    if e.section != "body":
        c *= 0.4
    return round(max(0.05, min(0.99, c)), 2)
