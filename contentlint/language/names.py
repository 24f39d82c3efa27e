"""Names: people's names, titles and roles, parties and places, in one place.

A **person's name** is two to four capitalised words (an initial or a particle such as
"de" may sit inside: "George W. Bush", "Beau Biden", "Ludwig van Beethoven") whose first
word can be a given name: not a function word, a month, a weekday, a role or a place word.
Whether the words are a person is for the analysis to decide from how the article uses
them (a title before, a speech verb after, the surname used alone later).

A **title or role** ("Sen.", "Lt. Gov.", "Attorney General", "Deputy Superintendent", "the
agency's spokeswoman") is read as its canonical role ("senator", "lieutenant governor")
and its rank words ("deputy", "acting"), so that "Executive director" and "director"
agree while "Superintendent" and "Deputy Superintendent" do not. **Parties** ("a
Democrat", "(R-Texas)", "GOP") and **US states** (names, AP abbreviations, postal codes
and nicknames: "the Buckeye State" is Ohio) are read the same way everywhere.
"""

from __future__ import annotations

import re
from contentlint.language import lazy_re

# Canonical role for each way of writing it (lower case, periods dropped).
_ROLE_FORMS = {
    "senator": ("sen", "senator", "sens", "senators"),
    "representative": ("rep", "representative", "reps", "congressman", "congresswoman", "congressmember"),
    "governor": ("gov", "governor", "govs"),
    "lieutenant governor": ("lt gov", "lieutenant governor", "lieut gov"),
    "attorney general": ("attorney general", "atty gen"),
    "president": ("president", "pres"),
    "vice president": ("vice president", "vp"),
    "secretary of state": ("secretary of state",),
    "secretary": ("secretary", "sec"),
    "mayor": ("mayor",),
    "judge": ("judge",),
    "justice": ("justice",),
    "chief justice": ("chief justice",),
    "speaker": ("speaker",),
    "majority leader": ("majority leader",),
    "minority leader": ("minority leader",),
    "chair": ("chair", "chairman", "chairwoman", "chairperson"),
    "director": ("director",),
    "superintendent": ("superintendent", "supt"),
    "chief executive": ("chief executive", "ceo", "chief executive officer"),
    "chief financial officer": ("cfo", "chief financial officer"),
    "chief operating officer": ("coo", "chief operating officer"),
    "founder": ("founder", "co-founder", "cofounder"),
    "councilmember": ("councilmember", "council member", "councilman", "councilwoman", "councilor", "councillor",
                      "alderman"),
    "commissioner": ("commissioner",),
    "supervisor": ("supervisor",),
    "sheriff": ("sheriff",),
    "chief": ("chief",),
    "fire chief": ("fire chief",),
    "police chief": ("police chief",),
    "coach": ("coach", "head coach"),
    "principal": ("principal",),
    "professor": ("professor", "prof"),
    "dean": ("dean",),
    "provost": ("provost",),
    "chancellor": ("chancellor",),
    "manager": ("manager",),
    "general manager": ("general manager",),
    "editor": ("editor",),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "treasurer": ("treasurer",),
    "comptroller": ("comptroller",),
    "auditor": ("auditor",),
    "clerk": ("clerk",),
    "district attorney": ("district attorney", "prosecutor"),
    "general": ("gen", "general"),
    "admiral": ("adm", "admiral"),
    "colonel": ("col", "colonel"),
    "captain": ("capt", "captain"),
    "lieutenant": ("lt", "lieutenant"),
    "sergeant": ("sgt", "sergeant"),
    "detective": ("det", "detective"),
    "officer": ("officer",),
    "ambassador": ("ambassador", "amb"),
    "minister": ("minister",),
    "prime minister": ("prime minister",),
    "trustee": ("trustee",),
    "owner": ("owner",),
    "publisher": ("publisher",),
    "pastor": ("pastor", "rev", "reverend"),
    "rabbi": ("rabbi",),
    "bishop": ("bishop",),
}
ROLES = {form: canonical for canonical, forms in _ROLE_FORMS.items() for form in forms}
_ROLE_WORDS = frozenset(w.strip(".") for form in ROLES for w in form.split())  # "member" of "council member"
RANKS = frozenset("deputy assistant associate acting interim vice executive senior junior lieutenant".split())
FORMER = frozenset("former ex then-former then late outgoing incoming retired".split())
HONORIFICS = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "dr": "", "sir": "male",
              "dame": "female", "lady": "female", "lord": "male"}
FAMILY = frozenset("""wife husband son daughter brother sister father mother dad mom parent parents child children
    sibling siblings cousin uncle aunt nephew niece grandson granddaughter grandfather grandmother widow widower
    spouse fiance fiancee father-in-law mother-in-law son-in-law daughter-in-law brother-in-law sister-in-law
    stepson stepdaughter stepfather stepmother twin family""".split())
# Nouns for people and animals, which an age ("the 71-year-old woman", "a four-year-old mare") may
# describe without naming; an age before any other noun is a thing's ("the 60-year-old instrument").
LIVING_NOUNS = frozenset("""man woman men women boy girl child children kid baby toddler teen teenager adult person people
    student pupil resident worker employee driver rider jockey player athlete runner swimmer veteran voter patient
    victim suspect officer soldier author artist writer singer actor actress musician farmer owner founder
    member leader volunteer grandmother grandfather widow widower survivor immigrant native retiree partner friend
    neighbor neighbour colleague teammate rival opponent senior freshman sophomore junior graduate
    official engineer analyst expert insider observer critic supporter fan spectator commentator pundit
    customer shopper commuter passenger visitor local manager teacher nurse doctor lawyer banker trader
    investor tenant landlord homeowner buyer seller user reader viewer listener caller source villager citizen
    taxpayer ratepayer worker staffer organiser organizer campaigner activist protester protestor
    horse mare stallion colt filly gelding dog cat bull cow elephant""".split())
PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male", "she": "female", "her": "female",
            "hers": "female", "herself": "female"}

PARTIES = {"democrat": "Democratic", "democrats": "Democratic", "democratic": "Democratic", "d": "Democratic",
           "republican": "Republican", "republicans": "Republican", "gop": "Republican", "r": "Republican",
           "independent": "independent", "i": "independent", "libertarian": "Libertarian", "green": "Green"}

_STATE_FORMS = {
    "Alabama": ("Ala.", "AL", "Yellowhammer State", "Heart of Dixie"), "Alaska": ("AK", "Last Frontier"),
    "Arizona": ("Ariz.", "AZ", "Grand Canyon State"), "Arkansas": ("Ark.", "AR", "Natural State"),
    "California": ("Calif.", "Cal.", "CA", "Golden State"), "Colorado": ("Colo.", "CO", "Centennial State"),
    "Connecticut": ("Conn.", "CT", "Constitution State", "Nutmeg State"), "Delaware": ("Del.", "DE", "First State"),
    "Florida": ("Fla.", "FL", "Sunshine State"), "Georgia": ("Ga.", "GA", "Peach State"),
    "Hawaii": ("HI", "Aloha State"), "Idaho": ("ID", "Gem State"), "Illinois": ("Ill.", "IL", "Prairie State"),
    "Indiana": ("Ind.", "IN", "Hoosier State"), "Iowa": ("IA", "Hawkeye State"), "Kansas": ("Kan.", "KS",
                                                                                              "Sunflower State"),
    "Kentucky": ("Ky.", "KY", "Bluegrass State"), "Louisiana": ("La.", "LA", "Pelican State"),
    "Maine": ("ME", "Pine Tree State"), "Maryland": ("Md.", "MD", "Old Line State"),
    "Massachusetts": ("Mass.", "MA", "Bay State"), "Michigan": ("Mich.", "MI", "Wolverine State", "Great Lakes State"),
    "Minnesota": ("Minn.", "MN", "North Star State", "Land of 10,000 Lakes"),
    "Mississippi": ("Miss.", "MS", "Magnolia State"), "Missouri": ("Mo.", "MO", "Show-Me State", "Show Me State"),
    "Montana": ("Mont.", "MT", "Treasure State"), "Nebraska": ("Neb.", "NE", "Cornhusker State"),
    "Nevada": ("Nev.", "NV", "Silver State"), "New Hampshire": ("N.H.", "NH", "Granite State"),
    "New Jersey": ("N.J.", "NJ", "Garden State"), "New Mexico": ("N.M.", "NM", "Land of Enchantment"),
    "New York": ("N.Y.", "NY", "Empire State"), "North Carolina": ("N.C.", "NC", "Tar Heel State"),
    "North Dakota": ("N.D.", "ND", "Peace Garden State"), "Ohio": ("OH", "Buckeye State"),
    "Oklahoma": ("Okla.", "OK", "Sooner State"), "Oregon": ("Ore.", "OR", "Beaver State"),
    "Pennsylvania": ("Pa.", "PA", "Keystone State"), "Rhode Island": ("R.I.", "RI", "Ocean State"),
    "South Carolina": ("S.C.", "SC", "Palmetto State"), "South Dakota": ("S.D.", "SD", "Mount Rushmore State"),
    "Tennessee": ("Tenn.", "TN", "Volunteer State"), "Texas": ("Tex.", "TX", "Lone Star State"),
    "Utah": ("UT", "Beehive State"), "Vermont": ("Vt.", "VT", "Green Mountain State"),
    "Virginia": ("Va.", "VA", "Old Dominion"), "Washington": ("Wash.", "WA", "Evergreen State"),
    "West Virginia": ("W.Va.", "W. Va.", "WV", "Mountain State"), "Wisconsin": ("Wis.", "WI", "Badger State"),
    "Wyoming": ("Wyo.", "WY", "Equality State", "Cowboy State"),
}
STATES: dict[str, str] = {}
for _state, _forms in _STATE_FORMS.items():
    STATES[_state] = _state
    for _form in _forms:
        STATES[_form] = _state
del _state, _forms
# A state is named only where one of these words is (the first word of each name and nickname).
_LETTERS_RE = lazy_re.compile(r"[A-Za-z]+")
_STATE_WORDS = frozenset(_LETTERS_RE.match(s).group(0) for s in STATES)
_STATE_RE = lazy_re.compile(r"(?<![\w.])(?:the\s+)?(" + "|".join(re.escape(s) for s in sorted(
    (s for s in STATES if not re.fullmatch(r"[A-Z]{2}", s)), key=len, reverse=True)) + r")(?![\w])")

# Capitalised words that begin sentences or name things, never a given name.
NOT_GIVEN_NAMES = frozenset("""The A An And But Or Nor So Yet In On At For Of To By With From As If When While After
    Before Since During Under Over Its His Her Their Our Your My This That These Those There Here Then Now Still
    Also However Meanwhile Instead Although Though Because Despite Even Just Only Both Each Every All Some Many Most
    No Not What Who Why How Which Where It He She They We You I Me Us Them Him Mr Mrs Ms Dr Sen Rep Gov Gen Lt
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec January February March April May June July August September
    October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Board Council County City
    State States New North South East West Northern Southern Eastern Western Central Fort Mount Saint St Lake
    Port Harbor River Street Avenue Road Park University College School Department Office Committee Congress
    Senate House White Supreme Federal National American Republican Republicans Democrat Democrats Democratic GOP
    Capitol Court Police Fire Health Public United Associated Press News Times Post Journal Tribune Daily Weekly
    Washington Congressional Presidential Executive Deputy Chief Director Secretary Attorney General Governor
    Senator President Vice Speaker Mayor Judge Justice Superintendent Commissioner Chairman Chairwoman Chair
    Professor Coach Sheriff Officer Islamic Muslim Christian Catholic Jewish Black Latino Hispanic Asian
    San Santa Los Las El La Le Old Upper Lower Greater Little Big
    Later Earlier Yesterday Today Tomorrow Tonight Last Next First Second Third Finally Overall Indeed Perhaps Maybe
    Nearly Almost Around Among Against Without Within Across Along Behind Beyond Like Unlike Except Including
    According Asked Told Said Says Sources Officials Critics Supporters Voters Residents Americans Dear Happy
    Ask Read Watch Join Follow Click Sign Visit Call Get See Meet Thank Thanks Please Welcome""".split())
# Words that end the names of organisations, places and events, never a surname.
ORG_WORDS = frozenset("""Group Partners Capital Committee Council Department Agency Association Network Company
    Corporation Corp Inc LLC Ltd University College Institute Foundation Fund Bank Board Commission Authority
    District Festival Museum Hospital Club Union Party Campaign PAC Service Services Office Center Centre Times Post
    Journal News Press Tribune Herald Gazette Magazine Review Street Avenue Road Boulevard Park Square Hall Library
    Church School Academy Court Senate House Assembly Congress Administration Bureau Ministry Society League Team
    Conference Summit Fair Market Airport Station Bridge River Lake Mountain County City State Nation Republic
    Coalition Alliance Trust People Front Movement Army Forces Liberation Facility Plant Factory Campus Works Holdings Industries Media Studios Records Project Program Initiative Act Law
    Report Survey Poll Index Award Awards Prize Cup Series Games Olympics Stadium Arena Theater Theatre Field
    Ballpark Park Plaza Tower Building Mall Hotel Resort Casino Garden Gardens Zoo Beach Island Valley Hills
    Research Analytics Strategies Consulting Associates Communications Solutions Systems Technologies
    Amendment Amendments Rights Act Acts Treaty Agreement Accord Declaration Constitution Doctrine""".split())
_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*"
_PARTICLE = r"(?:de|da|del|della|van|von|der|den|du|al|bin|ibn|le|la)"
# A run of capitalised words, initials and name particles: "George W. Bush", "Ludwig van Beethoven".
# Two or more capitalised words in a row (a lone capital is a sentence's first word, or a surname).
_CAPITAL_RUN_RE = lazy_re.compile(rf"(?<![\w.'’-])(?:{_NAME_WORD}|[A-Z]\.)(?:\s+(?:(?:{_NAME_WORD}|[A-Z]\.)|"
                                  rf"{_PARTICLE}(?=\s+[A-Z])))+(?:,?\s+(?:Jr\.|Sr\.|II|III|IV)(?![\w]))?")
_INITIAL_RE = lazy_re.compile(r"[A-Z]\.")
_NAME_WORD_RE = lazy_re.compile(_NAME_WORD)
_SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")


def find_people(text: str, start: int = 0, end: int | None = None):
    """Candidate people's names in ``text[start:end]``: yields (start, end, given name, surname).

    A run of capitalised words is trimmed of the words before a given name ("Former President
    Bill Clinton" -> "Bill Clinton"); two to four words whose first is a given name remain.
    """
    for m in _CAPITAL_RUN_RE.finditer(text, start, len(text) if end is None else end):
        words = []
        offset = m.start()
        for w in m.group(0).split():
            at = text.index(w, offset)
            offset = at + len(w)
            words.append((at, offset, w.rstrip(",")))
        while words and words[-1][2] in _SUFFIXES:
            words.pop()
        bad = [i for i, w in enumerate(words)
               if (not is_given_name(w[2]) or (i and w[2] in ORG_WORDS)) and not _INITIAL_RE.fullmatch(w[2])]
        if bad:
            words = words[bad[-1] + 1:]
        if not 2 <= len(words) <= 4 or not _NAME_WORD_RE.fullmatch(words[0][2]) \
                or not _NAME_WORD_RE.fullmatch(words[-1][2]) or " ".join(w[2] for w in words) in STATES \
                or words[-1][2] in ORG_WORDS:
            continue
        yield words[0][0], words[-1][1] - (1 if words[-1][2] != text[words[-1][0]:words[-1][1]] else 0), \
            words[0][2], words[-1][2]


def is_living(word: str) -> bool:
    """Whether a noun names a person or an animal: a role, a relative or a living noun."""
    lower = word.lower()
    return lower in LIVING_NOUNS or lower in FAMILY or lower in ROLES or lower.rstrip("s") in LIVING_NOUNS


_AGENT_SUFFIXES = ("ist", "ian", "ant", "ent", "eur", "man", "woman", "person")  # economist, consultant, groundsman
_NOT_AGENT_NOUNS = frozenset("""statement moment comment document percent event amendment department government
    apartment payment treatment development management agreement investment environment equipment element
    restaurant plant giant grant instant constant""".split())


def is_person_noun(word: str) -> bool:
    """Whether a common noun (singular or plural) names a person: a role, relative or living noun, or
    an agent noun ("economist", "consultant", "groundsman"). "tenant" and "woman" are living nouns."""
    lower = word.lower().strip("’'")
    for w in (lower, lower[:-1] if lower.endswith("s") else lower, lower[:-2] + "an" if lower.endswith("men") else lower):
        if is_living(w) or w in ROLES or w in _ROLE_WORDS and role(w) is not None or (
                len(w) > 4 and w.endswith(_AGENT_SUFFIXES) and w not in _NOT_AGENT_NOUNS):
            return True
    return False


def role(text: str) -> tuple[str, frozenset[str]] | None:
    """A title or role as (canonical role, rank words): "Deputy Superintendent" ->
    ("superintendent", {"deputy"}); "Lt. Gov." -> ("lieutenant governor", {}); None if not a role."""
    words = [w.strip(".,") for w in text.lower().replace("’", "'").split()]
    words = [w for w in words if w]
    ranks = set()
    while words and (words[0] in RANKS or words[0] in FORMER) and " ".join(words) not in ROLES:
        if words[0] in RANKS:
            ranks.add(words[0])
        words = words[1:]
    phrase = " ".join(words)
    for candidate in (phrase, phrase.replace(".", "")):
        if candidate in ROLES:
            return ROLES[candidate], frozenset(ranks)
    # "executive director", "planning director", "the agency's director": the head word decides
    for n in (3, 2, 1):
        tail = " ".join(words[-n:])
        if tail in ROLES:
            return ROLES[tail], frozenset(ranks | {w for w in words[:-n] if w in RANKS})
    return None


ROLE_PATTERN = "|".join(re.escape(f).replace(r"\ ", r"\.?\s+") for f in sorted(ROLES, key=len, reverse=True))
# A title before a name: "Sen.", "Deputy Superintendent", "Lt. Gov.", "Attorney General", "Fire Chief".
TITLE_BEFORE_NAME_RE = lazy_re.compile(
    rf"(?<![\w-])(?P<former>(?:former|ex-|then-|the late|late)\s*)?(?P<title>(?:(?:{'|'.join(sorted(RANKS))})\s+)*"
    rf"(?:{ROLE_PATTERN})\.?)\s+(?=[A-Z])", re.I)


# Short forms of given names: "Chuck" and "Charles" Grassley are one name.
_NICKNAMES = {
    "william": "bill billy will willie liam", "robert": "bob bobby rob robbie bert", "richard": "dick rick ricky rich",
    "charles": "chuck charlie chas", "james": "jim jimmy jamie", "john": "jack johnny jon", "michael": "mike mickey",
    "edward": "ted teddy ed eddie ned", "theodore": "ted teddy theo", "thomas": "tom tommy", "joseph": "joe joey",
    "anthony": "tony", "christopher": "chris", "christine": "chris christy", "daniel": "dan danny",
    "david": "dave davey", "donald": "don donnie", "elizabeth": "liz beth betty lisa libby eliza",
    "katherine": "kate kathy katie kat", "catherine": "cathy kate katie", "margaret": "maggie meg peggy marge",
    "patricia": "pat patty tricia", "patrick": "pat", "jennifer": "jen jenny", "rebecca": "becky becca",
    "samuel": "sam sammy", "samantha": "sam", "benjamin": "ben benny", "nicholas": "nick nicky", "stephen": "steve",
    "steven": "steve", "timothy": "tim timmy", "matthew": "matt", "andrew": "andy drew", "alexander": "alex",
    "alexandra": "alex sandra", "gerald": "jerry", "lawrence": "larry", "leonard": "len lenny", "ronald": "ron ronnie",
    "kenneth": "ken kenny", "gregory": "greg", "jeffrey": "jeff", "joshua": "josh", "frederick": "fred freddie",
    "albert": "al bert", "alfred": "al alfie", "harold": "harry hal", "henry": "hank harry", "peter": "pete",
    "philip": "phil", "raymond": "ray", "eugene": "gene", "francis": "frank", "frances": "fran",
    "susan": "sue susie", "deborah": "deb debbie", "barbara": "barb babs", "dorothy": "dot dottie",
    "victoria": "vicky tori", "abigail": "abby", "zachary": "zach", "mitchell": "mitch", "bernard": "bernie",
    "hillary": "hill", "rodham": "", "jacob": "jake", "jonathan": "jon", "nathaniel": "nate nat",
    "nathan": "nate", "douglas": "doug", "randolph": "randy", "randall": "randy", "terence": "terry",
    "terrence": "terry", "vincent": "vince", "walter": "walt", "wesley": "wes", "mitchel": "mitch",
}
NICKNAMES = {short: full for full, shorts in _NICKNAMES.items() for short in shorts.split()}


def same_given_name(a: str, b: str) -> bool:
    """"Chuck" and "Charles", "Bill" and "William": one given name."""
    a, b = a.lower(), b.lower()
    return a == b or NICKNAMES.get(a, a) == NICKNAMES.get(b, b) or NICKNAMES.get(a) == b or NICKNAMES.get(b) == a


def gender_of(honorific_or_pronoun: str) -> str:
    word = honorific_or_pronoun.lower().strip(".")
    return HONORIFICS.get(word) or PRONOUNS.get(word, "")


def is_given_name(word: str) -> bool:
    """Whether a capitalised word can be a given name (not "The", "March", "Senator", "North")."""
    lower = word.lower().strip(".")
    return (word not in NOT_GIVEN_NAMES and word.strip(".") not in NOT_GIVEN_NAMES and lower not in ROLES
            and not is_living(lower)
            and lower not in _ROLE_WORDS and lower not in PARTIES and lower not in FORMER and lower not in RANKS
            and word not in STATES)


def party(word: str) -> str | None:
    return PARTIES.get(word.lower().strip(".()"))


def find_states(text: str, start: int = 0, end: int | None = None):
    """US states named in ``text`` (names, AP abbreviations, nicknames): (start, end, state)."""
    if not _STATE_WORDS & set(_LETTERS_RE.findall(text, start, len(text) if end is None else end)):
        return
    for m in _STATE_RE.finditer(text, start, len(text) if end is None else end):
        name = m.group(1)
        if name in ("Washington", "Georgia") and re.match(r"\s+(?:Post|Times|Nationals|Bulldogs)\b",
                                                          text[m.end():m.end() + 12]):
            continue
        yield m.start(), m.end(), STATES[name]


_SCOPE_RE = lazy_re.compile(r"\b([a-z]+wide|nationally|globally|overall)\b", re.I)  # "statewide", "districtwide"


def find_places(text: str) -> list[tuple[int, str]]:
    """Where a statement holds: the states ``text`` names and the scope words it uses
    ("nationwide", "statewide"), as (offset, place) in order."""
    found = [(a, state) for a, _, state in find_states(text)]
    if "wide" in text or "ally" in text or "overall" in text:
        found += [(m.start(), m.group(1).lower()) for m in _SCOPE_RE.finditer(text)]
    return sorted(found)

