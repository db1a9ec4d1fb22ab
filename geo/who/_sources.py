"""Cited sources: the documents and speakers a text attributes its claims to."""
from __future__ import annotations

import bisect
import re

import ahocorasick

from geo.records import ActorMention, SourceMention
from geo.who._actors import _select, find_actors
from geo.who._registry import ActorRegistry

# Document nouns (German, English, Spanish) -> normalised English label word.
_DOC_WORDS = {
    "Memo": "memo", "Memos": "memo", "Memorandum": "memo", "Bericht": "report", "Berichts": "report",
    "Berichtes": "report", "Lagebericht": "report", "Report": "report", "Schreiben": "letter", "Schreibens": "letter",
    "Brief": "letter", "Briefs": "letter", "Dokument": "document", "Dokuments": "document", "Dokumente": "documents",
    "Dokumenten": "documents", "Papier": "paper", "Papiers": "paper", "Analyse": "analysis", "Bewertung": "assessment",
    "Einschätzung": "assessment", "Studie": "study", "Erklärung": "statement", "Mitteilung": "statement",
    "Pressemitteilung": "statement", "Stellungnahme": "statement", "Unterlagen": "documents", "Akten": "files",
    "Dossier": "dossier", "Gutachten": "expert report", "Anklageschrift": "indictment", "Statistik": "statistics",
    "memo": "memo", "memos": "memo", "memorandum": "memo", "report": "report", "reports": "report", "letter": "letter",
    "document": "document", "documents": "documents", "assessment": "assessment", "analysis": "analysis",
    "statement": "statement", "study": "study", "cable": "cable", "briefing": "briefing", "filing": "filing",
    "indictment": "indictment", "dossier": "dossier", "transcript": "transcript", "press release": "statement",
    "informe": "report", "memorando": "memo", "carta": "letter", "documento": "document", "comunicado": "statement",
}
_DOC_ALT = "|".join(sorted(map(re.escape, _DOC_WORDS), key=len, reverse=True))
_DOC_AFTER_ACTOR = re.compile(rf"(?:-|[ \u00a0]+)({_DOC_ALT})(?![^\W_])")
_DOC_OF_BEFORE = re.compile(
    rf"(?<![^\W_])({_DOC_ALT}) (?:des|der|vom|von der|von|from the|from|by the|by|of the|of|del|de la|de)$")
_DOC_TO_WORDS = {"Schreiben", "Brief", "Kongressbrief", "letter", "memo", "Memo", "carta"}
_TO = {"an", "to", "a"}
_DOC_ANAPHOR = re.compile(
    r"(?<![^\W_])(?:[Dd]as|[Dd]em|[Dd]es|[Dd]ieses|[Dd]iesem|[Tt]he|[Tt]his|[Tt]hat)[ \u00a0]+"
    r"(Memos?|Schreibens?|Berichts?|Berichtes|Papiers?|Dokuments?|memo|report|letter|document)(?![^\W_])")
_GENERIC_DOC = {"paper", "document"}
_SENTENCE_END = re.compile(r"[.!?]\s")

_SPEECH = (
    "sagte|sagt|sagten|erklärte|erklärt|erklärten|betonte|betont|betonten|warnte|warnt|schrieb|schreibt|berichtete|"
    "berichtet|berichten|meldete|meldet|teilte|teilt|teilten|kündigte|bestätigte|bestätigt|behauptete|behauptet|"
    "räumte|kritisierte|forderte|fügte|äußerte|twitterte|verkündete|versicherte|argumentierte|hieß es bei|"
    "said|says|told|stated|wrote|added|warned|announced|claimed|confirmed|reported|posted|insisted|argued|"
    "acknowledged|admitted|testified|dijo|afirmó|declaró|señaló|aseguró|informó|indicó")
_AFTER = ("laut", "Laut", "gemäß", "Gemäß", "nach Angaben", "Nach Angaben", "nach eigenen Angaben",
          "Nach eigenen Angaben", "according to", "According to", "citing", "según", "Según", "so")


def _cue_automaton() -> ahocorasick.Automaton:
    """Attribution cues, found in one pass: 'both' (speaker before or after), 'after', 'before'."""
    automaton = ahocorasick.Automaton()
    for kind, phrases in (("both", _SPEECH.split("|")), ("after", _AFTER), ("before", ("zufolge",))):
        for phrase in phrases:
            automaton.add_word(phrase, (len(phrase), kind))
    automaton.make_automaton()
    return automaton


_CUES = _cue_automaton()
_SO_AFTER = frozenset(',“”"»«')  # "„…“, so der Sprecher"


def _cues(text: str):
    """(start, end, kind) of whole-word cues; "so" only right after a quote or comma."""
    n = len(text)
    for last, (length, kind) in _CUES.iter(text):
        start, end = last + 1 - length, last + 1
        if (start and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
            continue
        if length == 2 and text[start:end] == "so":
            before = text[max(0, start - 2):start].rstrip(" \u00a0")
            if not before or before[-1] not in _SO_AFTER:
                continue
        yield start, end, kind


_GAP_PUNCT = re.compile(r"[,;:.!?„“”\"»«()\[\]\n–—]")
_PRONOUNS = frozenset("er sie es wir ich he she they we i it él ella".split())
_ROLE_ANAPHOR = re.compile(
    r"[ \u00a0]+(?:der|die|the|ein|eine|a)[ \u00a0]+((?:[\w-]*(?:[Mm]inister|[Pp]räsident|[Kk]anzler|[Ss]precher|[Dd]irektor|"
    r"[Gg]eneral|[Ss]enator|[Aa]bgeordnete)(?:in|r)?)|secretary|president|minister|spokesperson|spokesman|spokeswoman|general|director|senator)(?![^\W_])")


def _gap_ok(gap: str, max_tokens: int) -> bool:
    words = gap.split()
    return (len(gap) <= 60 and len(words) <= max_tokens and not _GAP_PUNCT.search(gap)
            and not any(w.lower() in _PRONOUNS for w in words))


def _documents(text, actors, registry):
    out = []
    for a in actors:
        m = _DOC_AFTER_ACTOR.match(text, a.end)
        if m:  # "ICE-Memo", "a Reuters report", "National Intelligence Council Memo"
            out.append((a.start, m.end(), f"{registry.short(a.actor)} {_DOC_WORDS[m.group(1)]}"))
        window = text[max(0, a.start - 80):a.start]
        if not window[-1:].isspace():
            continue
        words = window.split()[-5:]
        of = _DOC_OF_BEFORE.search(" ".join(words[-4:]))
        if of:  # "Bericht des National Intelligence Council"
            out.append((a.start - len(window) + window.rfind(of.group(1) + " "), a.end,
                        f"{registry.short(a.actor)} {_DOC_WORDS[of.group(1)]}"))
            continue
        for k in range(len(words) - 2, max(-1, len(words) - 5), -1):
            if words[k] in _DOC_TO_WORDS and words[k + 1] in _TO and _gap_ok(" ".join(words[k + 2:]), 2):
                start = a.start - len(window) + window.rfind(" ".join(words[k:k + 2]))
                out.append((start, a.end, f"{_DOC_WORDS.get(words[k], 'letter')} to {registry.short(a.actor)}"))
                break  # "Schreiben an die Abgeordnete Maria Muster"
    out.sort()
    last: dict[str, str] = {}  # doc word -> label of the latest such document
    i = 0
    for m in _DOC_ANAPHOR.finditer(text):  # "das Memo" -> the memo last named before it
        while i < len(out) and out[i][1] <= m.start():
            label = out[i][2]
            last[label.split(" to ")[0] if " to " in label else label.split()[-1]] = last["*"] = label
            i += 1
        word = _DOC_WORDS.get(m.group(1)) or _DOC_WORDS.get(m.group(1).rstrip("s"), "document")
        label = last.get("*" if word in _GENERIC_DOC else word)
        if label:
            out.append((m.start(), m.end(), label))
    return out


def _titled(text: str, role: str, people: list[tuple]) -> str:
    """The recent person introduced with `role` nearby, else (not for spokespeople) the last person named."""
    stem = re.sub(r"(?:in|innen|r|n)$", "", role.lower().rsplit("-", 1)[-1]) if role[0].isupper() else role.lower()
    stem = stem[-8:]  # "Verteidigungsminister" -> "minister"
    for start, end, name, _ in people:
        before = _SENTENCE_END.split(text[max(0, start - 40):start])[-1]
        after = _SENTENCE_END.split(text[end:end + 60])[0]
        if stem in before.lower() or stem in after.lower():
            return name
    if people and not any(w in stem for w in ("spreche", "spokes", "portavoz")):
        return people[0][2]
    return role


def _speakers(text, actors, docs, registry):
    out = []
    things = sorted([(a.start, a.end, a.actor, a.kind) for a in actors]
                    + [(s, e, lab, "document") for s, e, lab in docs], key=lambda t: (t[0], -t[1]))
    starts = [t[0] for t in things]
    ends = sorted((t[1], i) for i, t in enumerate(things))
    end_keys = [e for e, _ in ends]
    for a in actors:  # dateline credit: "WASHINGTON (Reuters) -"
        if a.kind == "media" and text[a.start - 1:a.start] == "(" and text[a.end:a.end + 1] == ")":
            out.append((a.start - 1, a.end + 1, a.actor))
    for cue_start, cue_end, kind in _cues(text):
        found = None
        last = bisect.bisect_right(end_keys, cue_start) - 1  # the thing ending last before the cue
        if kind != "after" and last >= 0:  # "Hegseth said", "Reuters zufolge"
            t = things[ends[last][1]]
            if _gap_ok(text[t[1]:cue_start], 2):
                found = (t[0], cue_end, t[2])
        if not found and kind != "before":  # "sagte Hegseth", "laut dem ICE-Memo"
            i = bisect.bisect_left(starts, cue_end)
            if i < len(things) and _gap_ok(text[cue_end:things[i][0]], 3):
                found = (cue_start, things[i][1], things[i][2])
            else:
                role = _ROLE_ANAPHOR.match(text, cue_end)
                if role:  # "erklärte der Minister": the person last named with that title
                    people = []
                    while last >= 0 and len(people) < 5:
                        if things[ends[last][1]][3] == "person":
                            people.append(things[ends[last][1]])
                        last -= 1
                    found = (cue_start, role.end(), _titled(text, role.group(1), people))
        if found:
            out.append(found)
    return out


def find_sources(text: str, *, registry: ActorRegistry, language: str,
                 actors: list[ActorMention] | None = None) -> list[SourceMention]:
    """What the text cites: documents ("laut dem ICE-Memo") and speakers ("sagte Hegseth")."""
    if not isinstance(text, str) or not text:
        return []
    if actors is None:
        actors = find_actors(text, registry=registry, language=language)
    actors = sorted(actors, key=lambda a: a.start)
    docs = _documents(text, actors, registry)
    found = [(0, s, e, label) for s, e, label in docs + _speakers(text, actors, docs, registry)]
    best = _select(found, key=lambda f: (f[1] - f[2], f[1]))  # longest, earliest
    return [SourceMention(s, e, text[s:e], label) for _, s, e, label in best]
