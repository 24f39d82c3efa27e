"""Find quotations and say who said them: one shared analysis behind the quote rules.

**Finding.** Curly (“…”, ‘…’), straight ("…"), guillemet and low-high („…“) marks;
a closing mark used as an opening one (”…”, as scraped text often has); quotes
split around "he said"; a paragraph that opens a quote and leaves it open for the
next paragraph; Markdown ``>`` and HTML ``<blockquote>`` blocks without marks.
Quotes of one to three words (scare quotes, terms, foreign words) and titles of
works (short title-case quotes) are not quotations. A quotation needs a speaker
when it reads as someone's words: a sentence of five words or more, or a quote
standing alone as its paragraph; a quoted phrase inside a sentence ("a 'save
points in a game' approach") or a quoted question with no speaker (rhetorical)
does not.

**Attributing.** A quotation is attributed when a speech cue ("said", "told",
"according to", a colon after the speaker; the ``speech-verbs`` list) stands
outside the quotation marks in its own sentence, in the next sentence (the speaker
named right after), in the previous sentence of the paragraph (a quote that goes
on from a paraphrase: "Tan said he was worried. “If we…”"), or, for a quote that
opens a paragraph, at the end of the previous paragraph ("… she wrote:"). Then
the attribution is checked: the speaker may be only a vague source ("one source",
``vague-sources``), the occasion undatable ("in a recent interview",
``undated-sources``), or the words admitted to be a paraphrase (``paraphrase-markers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from contentlint.document import BLOCKQUOTE, Block, Document
from contentlint.language import lazy_re, names
from contentlint.language.words import count_words, words_in

UNATTRIBUTED, VAGUE_SPEAKER, UNDATED_SOURCE, PARAPHRASE, ATTRIBUTED = (
    "unattributed", "vague-speaker", "undated-source", "paraphrase", "attributed")

# Each opening mark with the marks that may close it: scraped and hand-edited text mixes straight
# and curly double quotes within one quotation, and closes some with a second opening mark.
_OPENERS = {"“": '”"“', "„": "“”", "«": "»", "‘": "’", '"': '"”'}
_MARK_RE = lazy_re.compile("[" + "".join(_OPENERS) + "".join(_OPENERS.values()) + "]")
_MIN_WORDS = 4  # shorter quotes are terms, scare quotes, names of things
_TITLE_MAX_WORDS = 10
_MAX_UNCLOSED_WORDS = 120  # an unclosed quote longer than this is a stray mark, not a quotation
_CUE_GAP = r"(?:[\w’'.-]+\s+){0,5}?"  # words between a vague speaker and the cue ("one source close to X said")
_SPEAKER_AFTER_RE = lazy_re.compile(r"\s+((?:(?:[A-Z][\w’'.-]*|de|van|von|da|al)\s*){1,4})")
_SPEAKER_BEFORE_RE = lazy_re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,4})(?:[a-z]+\s+){0,2}$")
_PRONOUN_RE = lazy_re.compile(r"\b(he|she|they|we|i)\s+$", re.I)
_DASH_SPEAKER_RE = lazy_re.compile(r"\s*[—–―-]{1,2}\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})")
# "“…,” beamed Mayor Harriet Coyle": any verb, then the speaker, after a quote that ends on a comma.
_VERB_THEN_NAME_RE = lazy_re.compile(rf"\s*[a-z]+(?:ed|s)\s+(?:[a-z]+\s+){{0,2}}((?:(?i:{names.ROLE_PATTERN})\.?\s+)?[A-Z][\w’'.-]+"
                                     r"(?:\s+[A-Z][\w’'.-]+){0,3})")
_INVERTED_RE = lazy_re.compile(r"\s*,?\s*((?:(?:Dr|Mr|Mrs|Ms|Prof|Rev|Sen|Rep|Gov)\.?\s+)?[A-Z][\w’'.-]+"
                               r"(?:\s+[A-Z][\w’'.-]+){0,3}|he|she|they)\s+[a-z]+(?:s|ed)\b")
# Words before a quote that make it a title or an expression, not someone's speech.
_NOT_SPEECH_BEFORE_RE = lazy_re.compile(
    r"\b(?:read|reads|reading|article|articles|page|pages|post|posts|paper|papers|study|book|books|guide|"
    r"review|reviews|titled|entitled|headlined|episode|chapter|course|section|phrase|saying|adage|motto|"
    r"slogan|mantra|proverb|expression|term|label|sign|message|caption|line|passage|wording|like|see|search for|"
    r"google|type)"
    r"[\s,:—–-]{0,3}$", re.I)
# After a quote, a date or a source label marks a reference entry: the quote is a title.
_CITATION_AFTER_RE = lazy_re.compile(
    r"\W*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}|"
    r"\(?\d{4}\)?\W*$|\(\d{4}\)|source\b|retrieved\b|accessed\b|pubmed\b|journal\b|vol\.|doi\b)", re.I)
# The narration right before a quote hands it to someone: "Hillary shot back, “…”", "When Trump
# wrapped up — “…” —", "his act—“…”—", "techniques -- "…"" (a comma, colon or dash introduces it).
_INTRODUCED_RE = lazy_re.compile(r"(?:[,:]|[—–―]|--|\s-)\s*$")
_PERSON_PRONOUN_RE = lazy_re.compile(r"\b(?:he|she|his|her|i|we|my|our)\b", re.I)
# A sentence whose subject is a person, as the action beat before a quote: "Ebeling shook her head."
_SUBJECT_RE = lazy_re.compile(rf"\W*(?:(?i:{names.ROLE_PATTERN}|mr|mrs|ms|dr)\.?\s+)?([A-Z][\w’'-]+)")
_BEAT_PRONOUNS = frozenset("He She I We".split())
_OPENING_PHRASE_RE = lazy_re.compile(r"(?:[^,.;:\"“”]{2,60},\s+){1,2}")  # "On Friday afternoon, after the meeting, "
_TITLES = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen Sen. Rep Rep. Gov Gov.".split())  # kept before a name
# A paragraph spoken by the label that opens it: a transcript ("MATTHEWS: …") or an interview ("A: …").
_SPEAKER_LABEL_RE = lazy_re.compile(r"\W*(?:[QA]|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}):\s")
# An all-capitals headline run-in before the quote: a digest quoting the story under it.
_HEADLINE_BEFORE_RE = lazy_re.compile(r"(?:\b[A-Z0-9][A-Z0-9’'.,:-]*\s+){3,}$")
# An unnamed speaker next to the cue: a determiner and up to ten lower-case words ("one", "a
# veteran groundsman at one of the biggest clubs", "some residents"), or a bare plural ("scientists say").
_UNNAMED_DET = r"(?:an?|one|another|some|many|several|most|a\s+few|other)"
_UNNAMED_WORDS = r"(?:\s+of\s+them)?(?P<words>(?:\s+[a-z][\w’'-]*){0,10}?)"
_UNNAMED_BEFORE_RE = lazy_re.compile(rf"(?:^|(?<=[\s,;:(—–\x00-]))(?P<det>(?i:{_UNNAMED_DET}))\b{_UNNAMED_WORDS}\s+$")
_UNNAMED_PLURAL_BEFORE_RE = lazy_re.compile(r"(?:^|[.,;:!?\x00—–]\s*)(?P<det>)(?P<words>[A-Za-z][a-z-]+s)\s+$")
_UNNAMED_AFTER_RE = lazy_re.compile(rf"\s+(?P<det>{_UNNAMED_DET})\b{_UNNAMED_WORDS}\s*(?:[.,;]|$)")
# "a spokeswoman for the agency": an unnamed role at a body the article names is an anonymous
# source (CL406); "familiar with the matter" or "close to the project" ties it to nothing.
_DEFINITE_BODY_RE = lazy_re.compile(r"(?<!familiar )(?<!close )\b(?:for|at|from)\s+(?:the|its|his|her|their)\b")
_WRITTEN_CUES = frozenset(("read", "reads"))
# A role at one of these is a described source ("a county deputy", "a campaign aide") unless its noun
# is vague in itself ("one council insider", "a source").
_BODY_WORDS = frozenset("""county city state federal police fire school hospital company campaign department agency
    district council court army navy military university union ministry embassy party government administration
    enforcement intelligence security""".split())
_VAGUE_HEADS = frozenset("source insider person people observer expert critic analyst commentator pundit".split())
# An occasion made specific right after it: a day or date, or a named outlet or programme
# ("during an appearance Friday on “CBS This Morning”", "in a recent interview with the Gazette").
_SPECIFIC_AFTER_RE = lazy_re.compile(
    r"[\s,]*(?:(?:with|on|to|for|in|at|by)\s+)?(?:the\s+)?(?:[“\"‘]?[A-Z][\w’'&.-]*|\d{4}\b|(?i:yesterday|today|"
    r"tonight|last\s+(?:week|night|month)|this\s+(?:week|morning|afternoon|evening)))")
_AFFILIATION_CHARS = 60  # how far after an unnamed speaker a named body may be given
_SPOKEN_MIN_WORDS = 5
_SENTENCE_END_RE = lazy_re.compile(r"[.!?…,;]\W*$|[.!?]\s+[A-Z]")
_TITLE_STOP = frozenset("a an the of and or in on at to for with by from is are".split())


class Quotation(NamedTuple):  # a tuple: an article of scare quotes makes a hundred thousand
    start: int  # the opening mark (or the blockquote block)
    end: int  # after the closing mark
    text: str  # the words inside
    words: int
    block: int  # index in the article's prose blocks
    continues: bool = False  # left open at the end of its paragraph, taken up by the next


@dataclass(frozen=True)
class Attribution:
    quote: Quotation
    status: str  # one of the constants above
    speaker: str | None = None  # who, when named
    detail: str | None = None  # the vague source, undated occasion or paraphrase marker found


def _opening(text: str, i: int, lo: int) -> str | None:
    """The closing marks for an opening quote mark at ``i``, or None."""
    c = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if c in "“„«" and not after.isspace():
        return _OPENERS[c]
    if c == '"' and (before.isspace() or before in "([—–-/") and not after.isspace():
        return _OPENERS['"']
    if c == "‘" and (before.isspace() or before in "([—–-\"“") and after.isalnum():
        return "’"
    if c == "”" and (before.isspace() or i == lo) and after.isalnum():
        return "”"  # a reversed mark, as scraped text often has
    return None


def _closes(text: str, i: int, closers: str, hi: int) -> bool:
    if text[i] not in closers:
        return False
    after = text[i + 1] if i + 1 < hi else " "
    return not after.isalnum()


def find_quotations(doc: Document, blocks: list[Block]) -> list[Quotation]:
    prose = doc.prose
    out: list[Quotation] = []
    for index, block in enumerate(blocks):
        found_mark = False
        i, lo, hi = block.start, block.start, block.end
        while i < hi:
            mark = _MARK_RE.search(prose, i, hi)
            if mark is None:
                break
            i = mark.start()
            closers = _opening(prose, i, lo)
            if closers is None:
                i += 1
                continue
            found_mark = True
            j = i + 1
            while True:
                close = _MARK_RE.search(prose, j, hi)
                j = close.start() if close else hi
                if j >= hi or _closes(prose, j, closers, hi):
                    break
                j += 1
            inner = prose[i + 1:min(j, hi)]
            words = count_words(inner)
            if j >= hi:  # unclosed: goes on in the next paragraph, or a stray mark
                nxt = blocks[index + 1] if index + 1 < len(blocks) else None
                continues = bool(nxt and _opening(prose, nxt.start, nxt.start))
                if words <= _MAX_UNCLOSED_WORDS or continues:
                    out.append(Quotation(i, hi, " ".join(inner.split()), words, index, continues))
                break
            out.append(Quotation(i, j + 1, " ".join(inner.split()), words, index))
            i = j + 1
        if not found_mark and block.kind == BLOCKQUOTE:
            text = doc.text(block)
            out.append(Quotation(block.start, block.end, text, count_words(text), index))
    return out


def _is_quotation(q: Quotation) -> bool:
    """Whether the quoted words are a quotation at all (not a term, a scare quote or a title)."""
    if q.words < _MIN_WORDS:
        return False
    text = q.text.rstrip(" ,.;:")
    if q.words <= _TITLE_MAX_WORDS and not re.search(r"[.!?]", text):
        content = [w for w in words_in(text) if w.lower() not in _TITLE_STOP]
        if content and sum(w[:1].isupper() for w in content) >= 0.8 * len(content):
            return False  # a title: "Working Waterfront", "The Old Man and the Sea"
    return True


def _sounds_spoken(q: Quotation, block: Block, before: str, after: str) -> bool:
    """Whether a quotation reads as someone's words, so that missing a speaker matters: a
    sentence (capital first, sentence punctuation last) of a few words, or a quote standing
    alone as its paragraph. Quoted phrases inside a sentence ("a 'save points' approach")
    are expressions, not speech."""
    if q.start <= block.start + 1 and q.end >= block.end - 1:
        return True
    if _NOT_SPEECH_BEFORE_RE.search(before) or _CITATION_AFTER_RE.match(after) or _HEADLINE_BEFORE_RE.search(before):
        return False  # "read “A Title.”", "the phrase “…”", "it's like, “…”", "“A Title,” October 2025."
    first = next((c for c in q.text if c.isalpha()), "")
    return q.words >= _SPOKEN_MIN_WORDS and first.isupper() and bool(_SENTENCE_END_RE.search(q.text))


class _Attributor:
    def __init__(self, ctx, quotes: list[Quotation]) -> None:
        self.doc, self.blocks, self.quotes = ctx.doc, ctx.prose_blocks, quotes
        lexicon = ctx.lexicon
        self.cue = lexicon.pattern("speech-verbs")
        self.vague = lexicon.pattern("vague-sources")
        self.undated = lexicon.pattern("undated-sources")
        self.paraphrase = lexicon.pattern("paraphrase-markers")
        self.sentences = [[(s.start, s.end) for s in ctx.block_sentences(i)] for i in range(len(self.blocks))]
        # a vague speaker right next to the cue: "one source close to X said", "said critics"
        self.vague_near = re.compile(rf"(?:{self.vague.pattern})\s+{_CUE_GAP}(?:{self.cue.pattern})|"
                                     rf"(?:{self.cue.pattern})\s+(?:{self.vague.pattern})",
                                     re.I) if self.vague and self.cue else None
        self.spoke: dict[int, str] = {}  # paragraphs whose quotation was attributed, with the speaker (or "")

    def outside_quotes(self, start: int, end: int) -> str:
        """The text of ``[start, end)`` with every quotation's words blanked out."""
        chars = list(self.doc.prose[start:end])
        for q in self.quotes:
            a, b = max(q.start, start), min(q.end, end)
            if a < b:
                chars[a - start:b - start] = "\x00" * (b - a)
        return "".join(chars).replace("\n", " ")

    def sentence_index(self, block: int, offset: int) -> int:
        for k, (a, b) in enumerate(self.sentences[block]):
            if a <= offset < b:
                return k
        return len(self.sentences[block]) - 1

    def span_text(self, block: int, first: int, last: int) -> str:
        sents = self.sentences[block]
        if not sents or first < 0 or last >= len(sents) or first > last:
            return ""
        return self.outside_quotes(sents[first][0], sents[last][1])

    @cached_property
    def people_words(self) -> frozenset[str]:
        """Given names and surnames of the people the article names in full."""
        prose = self.doc.prose
        return frozenset(w for blk in self.blocks for _, _, given, surname in names.find_people(prose, blk.start, blk.end)
                         for w in (given, surname))

    def names_a_person(self, text: str) -> bool:
        return bool(_PERSON_PRONOUN_RE.search(text)) or any(
            w.rstrip("’'s") in self.people_words or w in self.people_words for w in re.findall(r"[A-Z][\w’'-]+", text))

    def person_subject(self, sentence: str) -> str | None:
        """The person a sentence is about, when they are its subject (its first words, or the first
        after an opening phrase: "On Friday, after the last appointment, Okafor stood…")."""
        opening = _OPENING_PHRASE_RE.match(sentence)
        for start in (0, opening.end()) if opening else (0,):
            m = _SUBJECT_RE.match(sentence, start)
            if not m:
                continue
            word = m.group(1)
            if word in _BEAT_PRONOUNS:
                return ""
            if word in self.people_words:
                return word
        return None

    def unnamed_speaker(self, context: str) -> str | None:
        """The speaker when it is only a description with no name or named body: "…,” one said.",
        "a retired planner said", "said a person familiar with the matter", "scientists say"."""
        for cue in self.cue.finditer(context):
            if cue.group(0).lower() in _WRITTEN_CUES:
                continue  # "read one": a sign or a banner, not a speaker
            for m in (_UNNAMED_BEFORE_RE.search(context, 0, cue.start()),
                      _UNNAMED_PLURAL_BEFORE_RE.search(context, 0, cue.start()),
                      _UNNAMED_AFTER_RE.match(context, cue.end())):
                if m and _is_unnamed_person(m.group("det"), m.group("words")) \
                        and not _affiliated(context, m.start("det"), m.end()):
                    return " ".join(context[m.start("det"):m.end()].split()).strip(" ,.;")
        return None

    def has_cue(self, text: str) -> re.Match | None:
        return self.cue.search(text) if self.cue and text.strip("\x00 ") else None

    def attribute(self, q: Quotation) -> Attribution:
        if self.cue is None:
            return Attribution(q, ATTRIBUTED)
        b = q.block
        first = self.sentence_index(b, q.start)
        last = self.sentence_index(b, max(q.start, q.end - 1))
        own = self.span_text(b, first, last)
        colon = re.search(r":\s*\x00*$", self.doc.prose[self.sentences[b][first][0]:q.start]) if self.sentences[b] else None
        if colon and own.strip("\x00 :"):
            return self.judge(q, own, self.has_cue(own))
        dash = _DASH_SPEAKER_RE.match(self.doc.prose, q.end, self.blocks[b].end)
        if dash:  # a block quote signed "— Jane Doe"
            return self.judge(q, own, None, dash.group(1))
        tagged = q.text.endswith((",", "!", "?", "—", "-"))  # the sentence goes on after the quote
        inverted = tagged and (_INVERTED_RE.match(self.doc.prose, q.end, self.blocks[b].end) or
                               _VERB_THEN_NAME_RE.match(self.doc.prose, q.end, self.blocks[b].end))
        if inverted:  # "…,” Dr. Jazini advises.": a name and any verb right after the quote
            return self.judge(q, own, None, inverted.group(1))
        cue = self.has_cue(own)
        if cue:
            return self.judge(q, own, cue)
        previous = self.span_text(b, first - 1, first - 1)
        for context in (self.span_text(b, last + 1, last + 1), previous):
            cue = self.has_cue(context)
            if cue:
                return self.judge(q, own + " " + context, cue)
        if b in self.spoke:  # "“…,” she says. And it threw him. “…”": the paragraph's speaker goes on
            return Attribution(q, ATTRIBUTED, self.spoke[b] or None)
        intro = self.outside_quotes(self.sentences[b][first][0], q.start) if self.sentences[b] else ""
        if _INTRODUCED_RE.search(intro) and self.names_a_person(intro):
            return self.judge(q, own, None)
        if not intro.strip() and previous:
            speaker = self.person_subject(previous)
            if speaker is not None:  # "Ebeling shook her head. “Tom’s much better about it.”"
                return self.judge(q, own, None, speaker)
        label = _SPEAKER_LABEL_RE.match(self.doc.prose, self.blocks[b].start, q.start) or _SPEAKER_LABEL_RE.match(q.text)
        if label:  # an interview or a transcript, quoted or not: "A: …", "“MATTHEWS: …”"
            return self.judge(q, own, None, label.group(0).strip(" :"))
        if first == 0 and b > 0:  # a quote opening its paragraph: introduced by the one before?
            prev = self.blocks[b - 1]
            tail = self.doc.text(prev)
            if b - 1 in self.spoke and q.start <= self.blocks[b].start + 1:
                # "“…,” Adelson said." then a paragraph of quotation: the same speaker goes on
                return Attribution(q, ATTRIBUTED, self.spoke[b - 1] or None)
            before = self.span_text(b - 1, len(self.sentences[b - 1]) - 1, len(self.sentences[b - 1]) - 1)
            if tail.endswith(":") or any(p.block == b - 1 and p.continues for p in self.quotes):
                return self.judge(q, own + " " + before, None)
            cue = self.has_cue(before)
            if cue and q.start <= self.blocks[b].start + 1 and (
                    self.names_a_person(before) or (self.vague_near and self.vague_near.search(before))):
                # "…, saying the plan was dead." then the words themselves: "“…”"
                return self.judge(q, before, cue)
        if q.continues and b + 1 < len(self.blocks):
            context = self.span_text(b + 1, 0, len(self.sentences[b + 1]) - 1)
            cue = self.has_cue(context)
            if cue:
                return self.judge(q, context, cue)
        if self.paraphrase:
            m = self.paraphrase.search(own)
            if m:
                return Attribution(q, PARAPHRASE, None, m.group(0))
        before = self.doc.prose[max(self.blocks[b].start, q.start - 40):q.start]
        after = self.doc.prose[q.end:min(self.blocks[b].end, q.end + 40)]
        if q.text.rstrip(" \"”’").endswith("?") or not _sounds_spoken(q, self.blocks[b], before, after):
            return Attribution(q, ATTRIBUTED)  # a rhetorical question, or an expression, not speech
        return Attribution(q, UNATTRIBUTED)

    def judge(self, q: Quotation, context: str, cue: re.Match | None, speaker: str | None = None) -> Attribution:
        """An attributed quotation: is the attribution good enough to check?"""
        speaker = speaker or (_speaker(context, cue) if cue else None)
        if self.paraphrase:
            m = self.paraphrase.search(context)
            if m:
                return Attribution(q, PARAPHRASE, speaker, m.group(0))
        if self.vague_near and cue:
            m = self.vague_near.search(context)
            if m and not _affiliated(context, m.start(), m.end()):
                v = self.vague.search(m.group(0))
                return Attribution(q, VAGUE_SPEAKER, None, v.group(0) if v else m.group(0))
        if cue and not speaker and not self.names_a_person(context):
            vague = self.unnamed_speaker(context)
            if vague:
                return Attribution(q, VAGUE_SPEAKER, None, vague)
        if self.undated:
            m = self.undated.search(context)
            if m and not _SPECIFIC_AFTER_RE.match(context, m.end()):
                return Attribution(q, UNDATED_SOURCE, speaker, m.group(0))
        return Attribution(q, ATTRIBUTED, speaker)


def _affiliated(context: str, start: int, end: int) -> bool:
    """Whether an unnamed speaker is tied to a named body: "one Trump campaign source", "a source
    close to the Clinton campaign". That is a described anonymous source (CL406), not a vague one."""
    clause = re.split(r"[,.;:]", context[end:end + _AFFILIATION_CHARS], maxsplit=1)[0]
    words = re.findall(r"[\w’'-]+", context[start:end] + " " + clause)[1:]
    return any(w[0].isupper() for w in words)


def _is_unnamed_person(det: str, words: str) -> bool:
    """Whether a determiner and the words after it describe a person: "one" or "another" alone, or a
    word for a person among them ("one pundit", "a retired planner", "some residents"), and no body
    they speak for."""
    det, words = " ".join(det.lower().split()), words.split()
    if _DEFINITE_BODY_RE.search(" ".join(words)):
        return False
    if any(w in _BODY_WORDS for w in words) and not any(w.rstrip("s") in _VAGUE_HEADS for w in words):
        return False  # "a county deputy who responded": a role at a body, a described source
    if det in ("one", "another") and not words:
        return True
    return any(names.is_person_noun(w) for w in words) or (
        bool(words) and any(w in names.FORMER or w in names.RANKS for w in words[:-1]))


def _speaker(context: str, cue: re.Match) -> str | None:
    """A named speaker next to the cue, when there is one."""
    after = _SPEAKER_AFTER_RE.match(context, cue.end())
    if after and after.group(1).strip():
        return after.group(1).strip(" ,")
    before = context[:cue.start()]
    pronoun = _PRONOUN_RE.search(before)
    if pronoun:
        return None
    m = _SPEAKER_BEFORE_RE.search(before)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0].strip(",.") in names.NOT_GIVEN_NAMES and words[0] not in _TITLES:
        words = words[1:]  # "Some residents say", "As one commentator noted": no name
    return " ".join(words) or None


def attribute_quotations(ctx) -> list[Attribution]:
    """Every quotation in the article (a ``Context``) that needs a speaker, with its attribution,
    in order: a paragraph of quotation after one whose quotation has a speaker is that speaker's."""
    quotes = ctx.found_quotations
    attributor = _Attributor(ctx, quotes)
    out = []
    for q in quotes:
        if not _is_quotation(q):
            continue
        a = attributor.attribute(q)
        if a.status in (ATTRIBUTED, UNDATED_SOURCE):
            attributor.spoke[q.block] = a.speaker or ""
        out.append(a)
    return out
