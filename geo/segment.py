"""Plain text into paragraphs, sentences and list items with offsets, and the part each is in.

A donation appeal or reader comments appended after an article are not the article's own
reporting; they are marked here (`section`) so that events from them are kept apart.
"""
from __future__ import annotations

import re

from geo.records import Sentence

_LIST_MARK = re.compile(r"[ \t]*(?:[-*•–—]|\d{1,2}[.)])[ \t]+")
# A sentence ends at . ! ? … (plus closing quotes/brackets) followed by whitespace.
_END = re.compile(r"[.!?…]+[\"“”»«'’)\]]*(?=\s)")
# Ranks and titles stand before a name ("Brig. Gen. Noel Vestuir said", "Capt. Ray Wilson"), and
# "Co." inside a company's name ("West Fraser Timber Co. Ltd. announced", "GmbH & Co. KG"): no stop.
_ABBREV = frozenset(
    "z.b bzw ca dr prof nr st u.a vgl mr mrs ms gen rep sen gov lt col sgt jan feb mar apr jun jul aug sep sept okt oct nov dez dec "
    "u.s u.n e.g i.e etc no vs inc corp jr sr d.h o.ä usw s.o s.u sog evtl ggf inkl max min mio mrd abs art hrsg "
    "capt maj brig cpl pvt pte adm cmdr cdr supt insp det hon rev co".split()
)
_APPEAL = re.compile(
    r"\b(unterstütz\w*|Unterstützung|spende\w*|Spende\w*|Bezahlschranke|Paywall|abonnier\w*|Abonnement|Abo\b|"
    r"donat\w+|support (?:our|us|independent)|subscribe|become a (?:member|subscriber)|Mitglied werden|Fördermitglied\w*)",
    re.I,
)
_SECOND_PERSON = re.compile(r"\b(Sie|Du|Dich|Dir|Deine?\w*|Ihre?\w*|Euch|Eure?\w*|you|your)\b")
_COMMENTS_HEAD = re.compile(r"^\s*(\d+\s+)?(Kommentare?|Leserkommentare|Leserbriefe|Comments?|Reader comments|Comentarios)\s*:?\s*$", re.I)


def segment(text: str) -> list[Sentence]:
    """Split a document's plain text into sentences, each tagged with its paragraph and section."""
    blocks = list(_blocks(text))
    sections = _sections([text[s:e] for s, e, _ in blocks])
    out: list[Sentence] = []
    for para, ((start, end, is_item), section) in enumerate(zip(blocks, sections)):
        block = text[start:end]
        if _is_heading(block, is_item) and section == "body":
            section = "heading"
        for s, e in _sentences(block):
            out.append(Sentence(start + s, start + e, text[start + s:start + e], para, section, is_item))
    return out


def _blocks(text: str):
    """Yield (start, end, is_list_item) for paragraphs and list items.

    Lines are paragraphs of their own unless a blank-line block looks hard-wrapped (short
    lines not ending in punctuation), in which case the block's lines are joined.
    """
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        lines = [(lm.start() + m.start(), lm.end() + m.start()) for lm in re.finditer(r"[^\n]+", m.group())]
        wrapped = len(lines) > 1 and all(
            e - s < 100 and not _LIST_MARK.match(text, s) for s, e in lines
        ) and sum(text[e - 1] in ".!?:“”\"" for s, e in lines[:-1]) < len(lines) / 2
        if wrapped:
            lines = [(lines[0][0], lines[-1][1])]
        for s, e in lines:
            mark = _LIST_MARK.match(text, s)
            if mark and mark.end() < e:
                s = mark.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                yield s, e, bool(mark)


def _sections(blocks: list[str]) -> list[str]:
    """Mark an appeal near the end of the document and anything after it as not the article."""
    labels = ["body"] * len(blocks)
    n = len(blocks)
    for i, block in enumerate(blocks):
        if _COMMENTS_HEAD.match(block) and i > 0:
            labels[i:] = ["comments"] * (n - i)
            return labels
    first_appeal = None
    for i in range(n // 2, n):
        if len(blocks[i]) < 600 and _APPEAL.search(blocks[i]) and _SECOND_PERSON.search(blocks[i]):
            first_appeal = i
            break
    if first_appeal is None:
        return labels
    i = first_appeal
    while i < n and (_APPEAL.search(blocks[i]) or i == first_appeal):
        labels[i] = "appeal"
        i += 1
    for j in range(i, n):
        labels[j] = "comments"
    return labels


def _is_heading(block: str, is_item: bool) -> bool:
    """A short line without a closing stop; or a live blog's time stamp ending in a colon
    ("Update, August 26, 2:45 p.m.:", "12.30 Uhr:")."""
    if is_item or block.count("\n") > 1 or ("\n" in block and len(block) >= 160):
        return False  # a live blog's entry title over its time line ("… London\npublished at 00:47 …") is one
    if block[-1] == ":" and len(block) < 60 and any(c.isdigit() for c in block):
        return True
    return len(block) < 120 and block[-1] not in ".!?:“”\"…)"


def _sentences(block: str):
    """Yield (start, end) of sentences within a block, not splitting after ordinals or abbreviations."""
    start = 0
    for m in _END.finditer(block):
        end = m.end()
        if m.group()[0] == "." and not _real_stop(block, m.start()):
            continue
        nxt = _NEXT.match(block, end)
        if not nxt or not (nxt.group(1).isupper() or nxt.group(1).isdigit() or nxt.group(1) in "„“\"»«'(–-"):
            continue
        yield from _trimmed(block, start, end)
        start = end
    yield from _trimmed(block, start, len(block))


_NEXT = re.compile(r"\s+(\S)")
_WORD_END = re.compile(r"([\w.]+)$")


def _word_before(block: str, dot: int) -> str:
    """The word before the dot (letters, digits, _ and dots), as `_WORD_END.search(block, 0, dot)`
    finds it ("" for none), without copying the block or scanning it from its start: read
    backwards from the dot within a window (a search there tried every start in it, ~15x
    slower), the whole block when the word fills the window. As `$` does, a newline just
    before the dot ends the text before it."""
    lo = max(0, dot - 64)
    end = dot - 1 if dot > lo and block[dot - 1] == "\n" else dot
    i = end
    while i > lo:
        c = block[i - 1]
        if not (c.isalnum() or c == "_" or c == "."):  # `[\w.]`
            break
        i -= 1
    if i == lo and lo > 0:
        word = _WORD_END.search(block, 0, dot)
        return word.group(1) if word else ""
    return block[i:end]


def _real_stop(block: str, dot: int) -> bool:
    w = _word_before(block, dot).lower()
    if not w:
        return True
    if w.isdigit() and len(w) <= 2:  # German ordinal: "7. April"
        return False
    if len(w) == 1 and w.isalpha():  # an initial: "J. Smith"
        return False
    return w not in _ABBREV




def _trimmed(block: str, s: int, e: int):
    while s < e and block[s].isspace():
        s += 1
    while e > s and block[e - 1].isspace():
        e -= 1
    if s < e:
        yield s, e
