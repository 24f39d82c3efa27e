"""What an article states, read as facts that can be compared.

The pipeline, each step in its own module:

1. :mod:`.reading`: every sentence read once by the language layer (figures, times, names);
2. :mod:`.people`: the people it names, their titles, parties and states, and who a pronoun
   or a description means;
3. :mod:`.quantities`: every figure as a mention of something (what it counts, whose it is,
   when and where it holds);
4. :mod:`.timeline`, :mod:`.roles`, :mod:`.results`: facts of time (tenures, ages, gaps,
   horizons, event dates), of people (titles, given names, parties, who holds a post) and of
   results (tallies, margins, ranks, totals);
5. :mod:`.conflicts`: pairs of them that cannot both be true.
"""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.analyses.facts import events, results, timeline
from contentlint.analyses.facts.people import People
from contentlint.analyses.facts.quantities import Mention, mentions
from contentlint.analyses.facts.reading import Reading, read


@dataclass
class Facts:
    readings: list[Reading]
    people: People
    mentions: list[Mention]
    times: list[timeline.TimeFact]
    results: list[results.Result]
    events: list[events.Event]


def extract(ctx) -> Facts:
    """Everything the article states that the contradiction rules compare (for a ``Context``)."""
    readings = read(ctx)
    people = People(readings, ctx.lexicon.pattern("speech-verbs"))
    article = ctx.date.years if ctx.date is not None else None
    found = mentions(readings, people, article)
    return Facts(readings, people, found, timeline.extract(readings, people, article),
                 results.extract(readings, people, found), events.extract(readings, people, article))
