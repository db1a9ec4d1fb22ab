"""Actor mentions: registry names, '<leader>-Regime' governments and people introduced by a title."""
from __future__ import annotations

import re

from geo.records import ActorMention
from geo.who._registry import _DE_ROLES, _EN_ROLES, ActorRegistry, _Alias, _Role

_INFLECTION = re.compile(r"(?:s|es|n|en)(?![^\W_])")  # German genitive/plural: "Maduros", "Kongresses"
_REGIME_AFTER = re.compile(
    r"(?:-|[ \u00a0]+)(?:Regimes?|Regierung(?:en)?|Administration|Kabinett(?:s)?|[Aa]dministration|[Gg]overnment|[Rr]egime)(?![^\W_])")
_REGIME_BEFORE = ("Regierung", "Regime", "régimen de", "Régimen de", "gobierno de", "Gobierno de", "regime of", "government of")
_PREV_WORD = re.compile(r"([^\W\d_][\w.'’]*)[ \u00a0]+$")
_OF_PLACE = re.compile(r"[ \u00a0]+(?:of|von|de)[ \u00a0]+(?!the\b)[A-ZÄÖÜ]")  # "the Navy of Venezuela"
_BARE_OK_BEFORE = frozenset("The the Der Die Das Den Dem Des US U.S. USA El La Los Las A An".split())
_NAME_RUN = re.compile(r"[ \u00a0]+([^\W\d_][\w'’.-]*(?:[ \u00a0]+[^\W\d_][\w'’.-]*){0,5})")
_LOWER_WORDS = re.compile(r"[ \u00a0]+(?:[a-zäöüßàáéíóúñ][\w.-]*[ \u00a0]+){0,3}")  # ", damals kommissarischer "
_ARTICLES = frozenset("der die das dem den des ein eine einem einen einer the el la los las un una".split())
_PARTICLES = frozenset("von van der den de del della da di dos du la le bin ibn al el y zu ter".split())
# Capitalised words that start sentences or follow titles but are not names.
_STOP = frozenset("""
Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Und Oder Aber Doch Auch Noch Nur Schon Im In Am An Auf Aus
Bei Mit Nach Von Vor Zu Zur Zum Für Über Unter Um Gegen Seit Bis Durch Ohne Es Er Sie Wir Ihr Ich Man Sein Seine Ihre
Dies Diese Dieser Dieses Jener Wie Was Wer Wo Wann Warum Als Ob Wenn Dass Daß Da Dann So Laut Nun Jetzt Heute Gestern
Morgen Damals Bereits Selbst Zudem Außerdem Allerdings Trotzdem Dennoch Zwar Unsere Unser Mehr Viele Alle Kein Keine
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni Juli August September
Oktober November Dezember Herr Frau Dr. Prof. Bundes Staat Regierung Behörde Ministerium Amt Gericht Polizei Armee
The A An And Or But Of On At By For From With Without To Into As If When While After Before Since This That These Those
It He She We They His Her Their Its Our Your Mr. Mrs. Ms. Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March May June July October December Today Yesterday Tomorrow Department Office House Council
Committee Agency Administration Ministry Court Command Motors Electric Assembly Staff Counsel Manager Secretary General
Director President Minister Chief Officer Security Defense Defence State States United National Federal Republic Party
El La Los Las Un Una Del Al Y Según Gobierno Ejército USA US EU UN
""".split()) | {w for role in _EN_ROLES for w in role.split() if w[0].isupper()} | {r.capitalize() for r in _DE_ROLES}
# Endings of German common nouns, never of surnames in practice ("Reportern" is the risk left).
_NOUNISH = re.compile(r"(?:ung|ungen|heit|keit|schaft|tion|ionen|ismus|ität|nahme|ierung)$")


def _namelike(token: str) -> bool:
    if len(token) == 2 and token[1] == "." and token[0].isupper():
        return True  # an initial, "J."
    return (token[0].isupper() and not token.isupper() and token not in _STOP
            and any(c.islower() for c in token) and not _NOUNISH.search(token))


def _name_tokens(run: str) -> list[str]:
    """Leading name tokens of a run of capitalised words, at most three names plus particles."""
    out: list[str] = []
    for raw in run.split():
        token = raw.rstrip(".'’") if not (len(raw) == 2 and raw.endswith(".")) else raw
        if token in _PARTICLES and out:
            out.append(token)
        elif token and _namelike(token) and sum(t not in _PARTICLES for t in out) < 3:
            out.append(token)
        else:
            break
        if token != raw:  # sentence end or possessive: the name stops here
            break
    while out and out[-1] in _PARTICLES:
        out.pop()
    return out


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "-"):
        pos -= 1
    return pos


def _registry_hit(text, start, end, infos, language, out):
    n = len(text)
    if start > 0 and text[start - 1].isalnum():
        return
    stop = end
    if end < n and text[end].isalnum():
        m = _INFLECTION.match(text, end)
        if not m:
            return
        stop = m.end()
    for info in infos:
        if not isinstance(info, _Alias) or (info.lang and info.lang != language):
            continue
        if info.bare:
            prev = _PREV_WORD.search(text, max(0, start - 40), start)
            if (prev and prev.group(1)[0].isupper() and prev.group(1) not in _BARE_OK_BEFORE) or _OF_PLACE.match(text, stop):
                continue
        actor = info.actor
        if actor.veto_after and text.startswith(actor.veto_after, stop):
            continue
        if actor.veto_before and text[max(0, start - 30):start].rstrip().endswith(actor.veto_before) \
                and text[start - 1:start].isspace():
            continue
        if actor.heads:
            after = _REGIME_AFTER.match(text, stop)
            window = text[max(0, start - 30):start]
            head = window.rstrip() if window[-1:].isspace() else ""
            before = next((w for w in _REGIME_BEFORE if head.endswith(w)), None)
            if after or before:
                s = start - len(window) + len(head) - len(before) if before else start
                e = after.end() if after else stop
                out.append((0, s, e, actor.heads, "government", True))
                continue
        if not info.regime_only:
            out.append((0, start, stop, actor.name, actor.kind, True))


def _role_hit(text, start, end, info, people):
    """A title at text[start:end]: collect the person it introduces (after it, or in an apposition before)."""
    if end < len(text) and text[end].isalnum():
        return
    word_start = _word_start(text, start)
    if word_start != start and not (info.suffix_ok and text[word_start].isupper()):
        return
    run = _NAME_RUN.match(text, end)
    tokens = _name_tokens(run.group(1)) if run else []
    if tokens:
        s = run.start(1)
        people.append((s, s + len(" ".join(tokens)), tokens))
        return
    comma = text.rfind(",", max(0, word_start - 40), word_start)
    if comma < 0 or not _LOWER_WORDS.fullmatch(text, comma + 1, word_start):
        return
    words = text[max(0, comma - 80):comma].split(" ")[-4:]
    while words and not (words[0] and _namelike(words[0])):
        words.pop(0)
    if len(words) >= 2 and all(w and (_namelike(w) or w in _PARTICLES) for w in words):
        name = " ".join(words)
        people.append((comma - len(name), comma, words))


def _people(text, people, known_surnames, language):
    """Turn title-introduced names into mentions and resolve later surname-only references."""
    full = {}
    for _, _, tokens in people:
        if len(tokens) >= 2:
            full.setdefault(tokens[-1], " ".join(tokens))
    full.update(known_surnames)
    out = []
    for s, e, tokens in people:
        if len(tokens) == 1 and tokens[0] not in full and language == "de" and tokens[0].endswith("s"):
            continue  # "Präsident Venezuelas": a genitive, not a surname
        name = " ".join(tokens) if len(tokens) > 1 else full.get(tokens[0], tokens[0])
        out.append((1, s, e, name, "person", False))
    for start, end, surname in _surnames_in(text, full):
        article = _PREV_WORD.search(text, max(0, start - 12), start)
        if article and article.group(1).lower() in _ARTICLES:
            continue  # "der Koch": a noun, not Thomas Koch
        out.append((2, start, end, full[surname], "person", surname in known_surnames))
    return out


def _surnames_in(text: str, surnames) -> list[tuple[int, int, str]]:
    r"""(start, end, surname) where a surname stands as a word of its own, also with a genitive
    s ("Müller", "Müllers"): what `(?<![\w-])(Longest|…|Short)s?(?![\w-])` finds, without
    compiling a pattern for every document's names. At each start the longest name wins; the
    matches do not overlap, leftmost first."""
    n = len(text)
    at: dict[int, tuple[int, str]] = {}
    for name in sorted(surnames, key=len, reverse=True):
        i = text.find(name) if name else -1
        while i >= 0:
            end = i + len(name)
            end += text.startswith("s", end)
            if i not in at and (i == 0 or not _wordish(text[i - 1])) and (end == n or not _wordish(text[end])):
                at[i] = (end, name)
            i = text.find(name, i + 1)
    out, reach = [], 0
    for i in sorted(at):
        if i >= reach:
            end, name = at[i]
            out.append((i, end, name))
            reach = end
    return out


def _wordish(c: str) -> bool:
    r"""What `[\w-]` matches."""
    return c.isalnum() or c in "_-"


def _select(candidates, key) -> list[tuple]:
    """Non-overlapping choice: within each cluster of overlapping spans, best `key` first."""
    chosen: list[tuple] = []
    cluster: list[tuple] = []
    reach = -1
    for c in sorted(candidates, key=lambda c: c[1]) + [(0, float("inf"), 0)]:
        if c[1] >= reach and cluster:
            picked: list[tuple] = []
            for d in sorted(cluster, key=key):
                if all(d[2] <= p[1] or d[1] >= p[2] for p in picked):
                    picked.append(d)
            chosen += sorted(picked, key=lambda d: d[1])
            cluster = []
        cluster.append(c)
        reach = max(reach, c[2])
    return chosen


def find_actors(text: str, *, registry: ActorRegistry, language: str) -> list[ActorMention]:
    """Who is named in a document: registry actors, leader-named governments and titled people."""
    if not isinstance(text, str) or not text:
        return []
    candidates: list[tuple] = []
    people: list[tuple] = []
    for start, end, infos in registry.hits(text):
        _registry_hit(text, start, end, infos, language, candidates)
        for info in infos:
            if isinstance(info, _Role):
                _role_hit(text, start, end, info, people)
    surnames = {}
    for _, s, e, name, kind, _ in candidates:
        if kind == "person" and " " in text[s:e].strip():
            last = name.split()[-1]
            surnames.setdefault(last, name)
    candidates += _people(text, people, surnames, language)
    best = _select(candidates, key=lambda c: (c[0] > 0, c[1] - c[2], c[1]))  # registry, longest, earliest
    return [ActorMention(s, e, text[s:e], name, kind, reg) for _, s, e, name, kind, reg in best]
