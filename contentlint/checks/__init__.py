"""Built-in Python rules, one module per category."""

from contentlint.checks.boilerplate import EmailForm, LinkList, PageChrome, RepeatedBlock
from contentlint.checks.quotes import (
    AnonymousSource, ParaphraseInQuotes, UnattributedQuote, UncitedSourcesClaim, UnsourcedStatistic, VagueSource,
)
from contentlint.checks.contradiction import (
    ConflictingAmount, ConflictingCount, ConflictingDate, ConflictingName, CrossArticleConflict, ListCountMismatch, ConflictingPercentage, ConflictingRank, ConflictingTally,
    ConflictingTimeline, ConflictingTotal,
)
from contentlint.checks.readability import (
    DenseParagraph, LongParagraph, LongSentence, PassiveVoice, ReadingLevel, RepeatedSentenceStart,
)
from contentlint.checks.grammar import Grammar
from contentlint.checks.seo import (
    EmptyLink, GenericLinkText, HeadingStructure, ImageAlt, JavascriptLink, KeyphrasePlacement, KeywordStuffing,
    MetaDescription, MissingSubheadings, MissingTitle, ThinContent, TitleLength,
)
from contentlint.checks.seo_page import CanonicalLink, HtmlLang, Noindex, Viewport
from contentlint.checks.site import DuplicateMetaDescription, DuplicateTitle, NearDuplicate
from contentlint.checks.meta import InvalidDirective, MalformedMarkup, RuleCrashed, UnusedSuppression
from contentlint.checks.typography import DoubleSpace, StraightQuotes
from contentlint.checks.word_count import ReadingTimeClaim, WordCountClaim

BUILTIN_RULES = [
    WordCountClaim, ReadingTimeClaim,
    LinkList, PageChrome, RepeatedBlock, EmailForm,
    ReadingLevel, LongSentence, DenseParagraph, LongParagraph, PassiveVoice, RepeatedSentenceStart,
    UnattributedQuote, VagueSource, ParaphraseInQuotes, UnsourcedStatistic, UncitedSourcesClaim, AnonymousSource,
    ConflictingTimeline, ConflictingCount, ConflictingAmount, ConflictingPercentage, ConflictingName,
    ConflictingTotal, ConflictingRank, ConflictingDate, ConflictingTally, ListCountMismatch, CrossArticleConflict,
    MissingTitle, TitleLength, MetaDescription, HeadingStructure, MissingSubheadings, GenericLinkText, EmptyLink,
    ImageAlt, ThinContent, KeywordStuffing, DuplicateTitle, DuplicateMetaDescription, NearDuplicate,
    KeyphrasePlacement, Noindex, CanonicalLink, HtmlLang, Viewport, JavascriptLink,
    Grammar,
    StraightQuotes, DoubleSpace,
    InvalidDirective, MalformedMarkup, UnusedSuppression, RuleCrashed,
]
