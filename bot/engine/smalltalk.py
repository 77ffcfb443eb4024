"""Small talk: greetings, thanks, "who are you", "what can you do" and goodbyes get a short
reply in kind, never a fact and never a decline. Matched on the whole message (after any
leading greeting), so "thanks to the treaty…" is still a question."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from bot.engine.conversation import names_side, refers_back
from bot.engine.lexicon import SMALLTALK_PRECEDENCE, Lexicon, normalise
from bot.engine.understanding import YEAR_RE, asks_for_list, find_phrases, month_of
from bot.text import stem, tokens

ORDER = SMALLTALK_PRECEDENCE
_NOISE_RE = re.compile(r"[^\w\s]+", re.UNICODE)
_SENTENCE_RE = re.compile(r"(?:(?<=[.!?…\u2600-\u27bf\U0001f300-\U0001faff])|(?<=\)\))|(?<=\(\()|(?<=[:;]\))|(?<=[:;]\())"
                          r"(?<![\s.]\w\.)"
                          r"(?<!\b[Ss]t\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bгг\.)(?<!\bим\.)(?<!\bмлн\.)(?<!\bмлрд\.)(?<!\bтыс\.)\s+")
"""Sentences end at a stop, at an emoji ("sorry for writing so late 🙈 My flatmate asked …") or at a smiley typed
in brackets ("жобама ақпарат жинап жүрмін)) …", "sorry :) …"), but not
at an initial ("Президент Н. А. Назарбаев", "Н.А. Назарбаев") or a short form ("the St. Petersburg forum",
"23,8 млрд. долларов")."""
_ELONGATED_RE = re.compile(r"([^\W\d_])\1{2,}")
"""A letter drawn out in chat ("привееет", "thaaanks"): read once."""
_DOUBLED_END_RE = re.compile(r"([^\W\d_])\1\b")
"""A word's last letter typed twice in chat ("heyy", "hii", "сәлемм"): read once when the word as typed says nothing."""
_DOUBLED_RE = re.compile(r"([^\W\d_])\1")
"""Any letter typed twice ("боттсың ба"): read once, last of all, when the message as typed is no small talk."""
_DASH_RE = re.compile(r"\s[-–—]\s|:\s")
_LETTER_RE = re.compile(r"[^\W_]")

# A sentence about the person asking: first-person pronouns, Russian first-person verbs of study
# and work, Kazakh first-person predicates (-мын/-мін/-пын/-пін, plural -мыз/-міз, typed and Latin), wishes
# ("айтқым келеді") and needs ("дәлелдеуім керек"), the people they name as theirs ("оқытушым", "my teacher",
# "досыма"), someone asking through them ("Ата сұрап отыр:"), and who one is, said in chat ("Student here, …").
_ABOUT_ONESELF_RE = re.compile(
    r"\b(?:I|I'm|I am|my|me|we|we're|our|us|я|мы|мой|моя|мою|моей|мне|меня|нам|нас|менің|маған|біз|бiз|бізге|menıñ|menin|mağan)\b"
    r"|\b(?:пишу|готовлю|делаю|изучаю|работаю|учусь|преподаю)\b"
    r"|\w{3,}(?:мын|мін|пын|пін|бын|бін|мин|пин|myn|mın|min|pyn|pın|pin"
    r"|мыз|міз|пыз|піз|быз|біз|миз|пиз|myz|mız|miz|pyz|pız|piz"
    r"|дым|дім|тым|тім|дим|тим|dym|dım|tym|tım|dim|tim)\b"  # … and the past: "тірелдім" (I came up against)
    r"|\w{2,}(?:ғым|гым|қым|кым|гім|гим|кім|ким|ğym|gym|qym|kym|gım|gim|kım|kim)\s+(?:келеді|келеди|keledı|keledi)\b"
    r"|\w{2,}(?:уым|уім|уим|uym|uım|uim)\s+(?:керек|kerek)\b"  # "дәлелдеуім керек": I need to prove
    r"|\b(?:оқытушым|окытушым|oqytuşym|мұғалімім|мугалимим|mūğalımım|ұстазым|устазым|ūstazym|жетекшім|жетекшим|jetekşım"
    r"|бастығым|бастыгым|bastyğym|досым|dosym|досыма|dosyma|досыммен|dosymmen|әкем|акем|äkem|анам|anam|атам|atam|әжем|ажем|äjem"
    r"|немерем|nemerem|немерелерім|немерелерим|nemerelerım|nemerelerim|балаларым|balalarym|оқушыларым|окушыларым|oquşylarym"
    r"|оқушым|окушым|oquşym|oqushym|студентім|студентим|studentım)\b"
    r"|\b(?:сабақта|сабакта|sabaqta|sabakta|семинарда|seminarda|на уроке|на семинаре)\b"  # the asker's class
    r"|\b(?:grandpa|grandma|granddad|grandad|grandfather|grandmother|дедушка|дед|бабушка"
    r"|supervisor|научный руководитель|научного руководителя|научрук\w*)\b"
    r"|^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+here\b\s*[,.!:]"  # "Freelancer here, covering Central Asia …"
    r"|\b(?:сұрап отыр|сурап отыр|sūrap otyr|surap otyr|сұрап жүр|сурап жур|sūrap jür|surap jur"
    r"|сұрап тұр|сурап тур|sūrap tūr|surap tur"
    r"|сұрайды|сурайды|sūraidy|спрашивает|спросил|спросила|asks|is asking)\b",
    re.IGNORECASE)


_KNOWN_ALREADY_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))I\s+(?:already\s+|have\s+already\s+)?(?:found|know|got|read)\b,?[^,.?!]{3,120},\s*but\s+"
    r"|(?:^|(?<=[.!?]\s))(?:я\s+)?уже\s+(?:нашла?|знаю|выяснила?|прочитала?)\b,?[^,.?!]{3,120},\s*(?:но|а)\s+"
    r"|(?:^|(?<=[.!?]\s))[^,.?!]{3,120}(?:таптым|taptym|білемін|билемин|bılemın|bilemin)\s*,\s*"
    r"(?:бірақ|бирак|biraq|birak|bıraq)\s+",
    re.IGNORECASE)
""""I already found how much Russia invested here, but how much have Kazakh companies invested in Russia?": what the
asker has found is not asked; what follows "but" is (unless it points back into the clause dropped)."""


_PURPOSE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:for|as part of)\s+(?:a|an|my|our|this)\s+[^,?.!]{3,100},\s*"
    r"(?=(?:could|can|would|will|please|kindly|what|when|which|who|whom|how|where|why|list|tell|give|name)\b)"
    r"|(?:^|(?<=[.!?]\s))(?:для|к)\s+(?:своей|своего|своих|моей|моего|моих|нашей|нашего|наших)\s+[^,?.!]{3,80},\s*"
    r"(?=(?:подскажите|скажите|не могли бы|расскажите|перечислите|назовите|какой|какая|какие|когда|кто|сколько|где|почему)\b)",
    re.IGNORECASE)
"""A purpose said before the question in its own sentence ("For a section on Russia's bases in Central Asia,
could you list …", "Для своей курсовой, подскажите …"): why one asks, not what."""
_PURPOSE_AFTER_RE = re.compile(
    r",\s*(?:so\s+(?:that\s+)?(?:I|we|he|she|they)\s+(?:can|could|may|might)|in\s+order\s+to)\s+[^.?!]*"
    r"|(?<=[?.!])\s+[^.?!]*\b(?:for|для)\s+(?:my\s+|our\s+|a\s+|the\s+|моего\s+|моей\s+|нашего\s+|нашей\s+)?"
    r"(?:class|school|homework|lesson|presentation|essay|report|project|slides?|exam|урока|школы|доклада|презентации|"
    r"реферата|проекта|экзамена|слайда|эссе)\s*[.!]*\s*$",
    re.IGNORECASE)
"""A purpose said after what is asked ("… and the exact date it was signed, so she can put it in her bibliography",
"…? making a timeline for class"): why one asks, not what."""
_PER_SOURCES_RE = re.compile(
    r"\b(?:according\s+to\s+(?:your|the)\s+(?:data|sources?|information|records|texts?)"
    r"|as\s+(?:your|the)\s+(?:data|sources?|records|texts?)\s+(?:give|gives|have|has|state|states|say|says|put|puts|report"
    r"|reports)\s+(?:them|it|that)"
    r"|по\s+(?:вашим|твоим|имеющимся)\s+(?:данным|источникам|сведениям)"
    r"|(?:сіздің\s+|сиздин\s+|sızdıñ\s+|sizdin\s+)?(?:деректеріңіз|деректериниз|derekterıñız|derekteriniz"
    r"|дереккөздеріңіз|дереккоздериниз|derekközderıñız|derekkozderiniz)(?:ге|ge)?\s+(?:бойынша|boiynşa|boiynsha|сай|sai))"
    r"\s*,?\s*",
    re.IGNORECASE)
""""According to your data", "по вашим данным", "деректеріңіз бойынша", "as your sources give them": every answer is
from the sources; the phrase asks nothing ("data" would read as Russian "дата", a date asked)."""
_WITH_DATES_RE = re.compile(
    r",?\s*\b(?:with|and)\s+(?:the\s+)?(?:years?|dates?)\s+(?:of\s+(?:each|every\s+one|them)|for\s+each)\b"
    r"|,?\s*\bwith\s+(?:their\s+)?(?:years|dates)\b"
    r"|,?\s*\bс\s+(?:годами|датами|указанием\s+(?:года|годов|даты|дат))\b",
    re.IGNORECASE)
""""… with the year of each", "с датами": a list is told with its dates anyway; "year" and "each" would match
what happened "each year"."""


_NEEDED_FOR_RE = re.compile(r"\b(?P<what>[^\W\d_]{3,}(?:ке|ка|қа|ге|ға|га|ke|ka|qa|ge|ğa|ga))\s+(?:керек|kerek)"
                            r"(?:\s+(?:екен|екен ғой|еді|еди|eken|edı|edi))?\b(?=\s*,?\s*[^\W\d_]+\s+[^\W\d_])", re.IGNORECASE)
"""What the asker needs the answer for, said in Kazakh inside a question ("немерем сұрап отыр мектепке керек екен
байқоңырды …"): kept only when what is needed is a topic of the facts ("келісімге керек" would be one). At a sentence's
end ("… эфирге дейін титрге керек") it is a remark after the question, left to the rules for those."""


def _without_need(sentence: str, lex: Lexicon, names_topic: Callable[[str], bool]) -> str:
    """An asking sentence without what the asker needs its answer for (a remark of its own, "… эфирге дейін титрге
    керек", is left whole to the rules for remarks after a question)."""
    if not lex.question_words.intersection(tokens(sentence)):
        return sentence
    return _NEEDED_FOR_RE.sub(lambda m: m.group() if any(names_topic(t) for t in tokens(m.group("what"))) else " ", sentence)


_ORIGIN_RE = re.compile(r"\b(?:from|из|со|с)\s+(?:the\s+)?(?P<name>[^\W\d_][\w-]*)"
                        r"|\b(?P<kk>[^\W\d_][\w-]*?(?:тан|тен|дан|ден|нан|нен|tan|ten|dan|den|nan|nen))\b", re.IGNORECASE)
"""Where a word comes from: "from the USA", "из США", "АҚШ-тан", "Германиядан"."""


_UNSURE_ASIDE_RE = re.compile(r"\s*\([^()]*\?[^()]*\)")
"""The asker's doubt in brackets ("the Customs Union (or is it the Eurasian Union?) was a huge deal"): no question
put to the bot, though its question mark would make the sentence around it one."""


@lru_cache(maxsize=4)
def _party_stems(parties: frozenset[str]) -> tuple[str, ...]:
    """The long party names without their last letter, so a case ending still matches ("Германиядан"):
    worked out once per lexicon, not for every sentence about the asker."""
    return tuple(p[:-1] for p in parties if len(p) >= 5)


def _without_origin(sentence: str, lex: Lexicon) -> str:
    """A sentence about the asker, asking nothing, without the foreign country they write from ("I'm a student from
    the USA", "Я школьница из США", "Мен АҚШ-тан … оқушымын"): where they live is no party the question names."""
    if not _ABOUT_ONESELF_RE.search(sentence):
        return sentence
    if not _asks_in(sentence, lex):
        return _origin_dropped(sentence, lex)
    # "Today a couple from Germany asked me how long the border is": who asked, before the asking verb, is
    # from somewhere; what they asked names no party.
    asking = next((m.start() for m in _WORD_RE.finditer(sentence)
                   if set(tokens(m.group())) & lex.words["reporting_words"]), None)
    return sentence if asking is None else _origin_dropped(sentence[:asking], lex) + sentence[asking:]


def _origin_dropped(text: str, lex: Lexicon) -> str:
    parties = lex.words["other_parties"]
    long_parties = _party_stems(parties)

    def party(match: re.Match[str]) -> str:
        name = match.group("name") or match.group("kk")
        toks = tokens(name)
        foreign = name.split("-")[0] in lex.acronym_parties or (
            bool(toks) and all(tok in parties or tok.startswith(long_parties) for tok in toks))
        return " " if foreign else match.group(0)

    return _ORIGIN_RE.sub(party, text)


_INTENSIFIED_RE = re.compile(r"\b(?:very|so|too|thanks?(?: you)?) (?:much|many)\b", re.IGNORECASE)
""""I like energy topics very much": how much is felt, no amount asked."""


def _asks_in(sentence: str, lex: Lexicon) -> bool:
    """Whether a sentence asks something: a question mark, or an asking word that is not a span of time the
    asker tells of ("I study here for one year") nor an intensifier ("very much")."""
    said = tokens(_INTENSIFIED_RE.sub(" ", sentence))
    spans = lex.words["time_nouns"] | lex.words["period_words"] | lex.words["year_words"]
    return "?" in sentence or bool((lex.question_words - spans).intersection(said))


def without_courtesy(text: str, lex: Lexicon, names_topic: Callable[[str], bool] = lambda _: True) -> str:
    """A message's question without its small-talk sentences (greetings, thanks, goodbyes, "help").

    "Hello! … what did they agree in 1998? Much appreciated." is asked by polite people: the
    courtesies share words with intents ("much" asks "how much") and with facts ("thanks to"),
    so they are dropped as whole sentences, and only when a sentence that is not one remains.
    `names_topic` tells the words the facts use, where only those of the asker's names are kept."""
    text = _WITH_DATES_RE.sub("", _PER_SOURCES_RE.sub("", _PURPOSE_AFTER_RE.sub("", _PURPOSE_RE.sub("", text))))
    text = _KNOWN_ALREADY_RE.sub(lambda m: m.group() if refers_back(re.split(r"[.!?]", m.string[m.end():])[0], lex) else "",
                                 text)  # ("…, but for how many years was it?" points back into what the asker found)
    if _LETTER_RE.search(unsure := _UNSURE_ASIDE_RE.sub("", text)):
        text = unsure
    sentences = [_without_need(_without_origin(_before_aside(part, lex), lex), lex, names_topic)
                 for s in _SENTENCE_RE.split(text) for part in _after_dash(s, lex) if _LETTER_RE.search(part)]
    if len(sentences) < 2:
        return sentences[0] if sentences and len(sentences[0]) < len(text.strip()) else text
    kept = [s for s in sentences if smalltalk_kind(s, lex) is None]  # "Спасибо за помощь." reads as "help"
    asked = [s for s in kept if s.rstrip().endswith("?")]
    if asked:
        # "I've always wondered how much trade jumped between 2010 and 2011. What were the two figures?": the
        # sentence wondering how asks too, and holds what the short question after it points at.
        asked = [s for s in kept if s in asked or _wonders(s, lex)]
    else:
        # "… Please tell me in which cities the new plants will be built." asks without a question mark,
        # as does "my teacher asked what goods … sells to russia. could u help pls?" once its plea is dropped.
        asked = [s for s in kept if lex.question_words.intersection(tokens(s))]
        # "Перечислите все документы, подписанные 6 июля 1998 года. Я помню только …, было что-то ещё.": the
        # sentence asking for a list is the question, not the remark whose "что" only sounds like one.
        listing = [s for s in kept if asks_for_list(tokens(s), lex)]
        # "I'm a student writing a thesis on Eurasian integration. I'd be grateful if you could tell me the combined
        # population …": where no sentence has an asking word, the one that pleads to be told is the question.
        pleading = [s for s in kept if find_phrases(tuple(tokens(s)), lex.phrases["plea_words"])]
        asked = listing or asked or pleading
        # "Мен Семей каласынан жазып отырмын … Назарбаев … барганын билемин бирак кай кундери болганы есимде жок.": where
        # the asker writes from ("каласынан") asks nothing; the sentence with "which" does.
        which = lex.words["which_words"]
        asking = [s for s in asked if not _ABOUT_ONESELF_RE.search(s) or which.intersection(tokens(s))]
        asked = asking or asked
    if asked:
        asked = [s for s in kept if s in asked or _bids_comparison(s, lex, names_topic)]
    pointing = [s for s in asked if refers_back(s, lex)]
    # A year said alone after a question that names none ("… кай куни кездести? 2023 жыл") is the question's
    # (not one among choices, "А) 1994 Б) 1998", nor a year others claim, "Bireuler 1995 deidi").
    after = kept[kept.index(asked[-1]) + 1:] if asked else []
    its_year = [s for s in after if len(YEAR_RE.findall(s)) == 1
                and not set(tokens(YEAR_RE.sub(" ", s))) - lex.words["year_words"] - {"in", "в", "во"}] \
        if not any(YEAR_RE.search(s) for s in asked) else []
    if asked and any(_content(s, lex) for s in asked):
        # A short remark after the question that names nothing the facts speak of ("… qansha boldy? slaidqa
        # kerek": for a slide; "…? быстро плз, ведущий күтіп тұр") is no part of it, whatever it points at.
        kept = [s for s in kept if s not in after or not _untopical(s, lex, names_topic) or _asks_as_well(s, lex)
                or s in its_year]
    if not asked or not any(_content(s, lex) for s in asked):
        # "… asked me how big trade was in 2010. Do you know roughly?": the question is told beside the asker;
        # when a sentence of its own holds it whole ("He asked me to find out why …"), that sentence.
        worded = [s for s in kept if s not in asked and lex.question_words.intersection(tokens(s))]
        if worded and all(_self_contained(s, lex) for s in worded):
            # "… I could not find the exact dates. Could you tell me, when was it?": the asking word stays.
            return " ".join(worded + [s for s in asked if lex.question_words.intersection(tokens(s))])
        first = kept.index(asked[0]) if asked else 0
        if first >= 2 and _names(kept[first - 1], names_topic) and _ABOUT_ONESELF_RE.search(kept[0]):
            # "Мен … оқимын, курстық жұмыс жазып жатырмын. … конвенцияны 1996 жылы қабылдаған екен, бірақ нақты күнін
            # таба алмадым. Айтып бере аласыз ба?": a plea that names nothing asks of the sentence just before it, not
            # of who the asker is.
            return " ".join([kept[first - 1], *asked])
        return " ".join(kept) if kept else text
    if not pointing and all(_self_contained(s, lex) for s in asked):
        # "My supervisor wants figures on mutual investment. How much Kazakh money went into Russia?":
        # a question that holds its own topic is asked; the sentences around it only say why.
        kept = asked + its_year
    elif not pointing:
        # "I'm a journalist writing about Central Asia. What is …?": who asks and why is not what
        # is asked, unless the question points back into it ("… about Baikonur. Where is it?") or, too short
        # to hold its topic and naming no name or year, names again what the asker told of ("… a question about
        # the new thermal power plants … Which cities are the plants planned for?"): of that sentence, the runs of
        # words the facts use around the word named again are kept (`_runs_naming`), not who the asker is.
        said = {tok for s in asked if not _self_contained(s, lex) and not _names(s, names_topic) for tok in _content(s, lex)}
        # ("My reading suggests that different sources give different dates for the 1992 Treaty …. Which dates do your
        # sources give?": what the asker read, when it names a topic, is kept whole.)
        told = [s if s in asked or not _ABOUT_ONESELF_RE.search(s) else _told_of(s, said, lex, names_topic) for s in kept]
        first = kept.index(asked[0])
        asking_words = frozenset(tok for words in lex.intents.values() for tok in words)
        bare = len(asked) == 1 and set(_content(asked[0], lex)) <= asking_words
        if said and first and bare and not any(told[k].strip() for k in range(first) if kept[k] not in asked):
            # "… I keep seeing a headline number for the deals prepared at the forum in Astana in November 2023. What
            # was the total value, please?": a question of asking words alone, naming nothing the asker told, leans on the
            # sentence just before it, of which the names and the words the facts use in its last clause are kept.
            last = kept[first - 1].rsplit(",", 1)[-1]
            told[first - 1] = _closed(_with_topic_words(_names(last, names_topic), last, lex, names_topic))
        kept = [s.strip() for s in told if s.strip()]
    elif all(_self_contained(s, lex) for s in pointing):
        # A long question that may point at its own words ("… how much exports grew and what value
        # they reached?") keeps only the names and years said about the asker ("… about Baikonur").
        # Typed all in small letters ("… arguing about the csto peacekeepers - when did they come in?"),
        # the sentence the question points back at keeps its words: no capital tells its names.
        # A sentence about the asker that names what the question points at ("… a deal … on thermal power
        # plants. In which cities are those plants …?") keeps the words the facts use, not only its names.
        before = {kept[k - 1] for k, s in enumerate(kept) if k and s in pointing and kept[k - 1].islower()}
        named = {kept[k - 1] for k, s in enumerate(kept)
                 if k and s in pointing and set(_content(kept[k - 1], lex)) & set(_content(s, lex))}
        kept = [s if s in asked or s in before or not _ABOUT_ONESELF_RE.search(s)
                else _closed(_with_topic_words(_names(s, names_topic), s if s in named else _heard(s), lex, names_topic))
                for s in kept]
        kept = [s.strip() for s in kept if s.strip()]
    else:
        # "… a geography teacher. I want to tell pupils about the test ranges. Which of them is in
        # Aktobe Region?": the question points at the sentence just before it, whoever that is about.
        before = {kept[k - 1] for k, s in enumerate(kept) if k and s in pointing}
        kept = [s for s in kept if s in asked or s in before or not _ABOUT_ONESELF_RE.search(s)]
    return " ".join(kept) if kept else text


SELF_CONTAINED = 5
"""Words besides stop words a question needs to hold its own topic: "… how much Kazakhstan's exports to
Russia grew in 2011 and what value they reached?" points at its own words, "Where is it?" at the sentence before."""


_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_PRONOUN_RE = re.compile(r"\s*(?:he|she|they|он|она|они|ол|олар|ol|olar)\s*", re.IGNORECASE)
"""A sentence opened by a pronoun before its asking verb ("… my grandpa grows wheat. He asked me …"): the
asker's someone, named in the sentence before."""
_ASKED_OF_RE = re.compile(r"^(?:me|us|мне|нам|меня|нас|маған|бізге|mağan|bızge)\b[\s,]*", re.IGNORECASE)
"""Whom the question was put to, right after the asking verb ("asked me how …")."""


_COMMA_RE = re.compile(r"[,;:]")
LONG_RUN = 14
"""Words from which a sentence without stops reads as dictated: a story and a question run together."""
PLEA_TAIL = 4
"""Words a question after a plea must hold to be asked alone."""


def after_plea(sentence: str, lex: Lexicon) -> str:
    """"… мы возим грузы из россии водители спорят что больше всего возим короче подскажите какие товары …":
    a long sentence dictated without stops asks what follows its plea ("подскажите", "tell me") when a
    question word opens it; the story before it is the asker's, and its words ("больше") ask nothing."""
    words = list(_WORD_RE.finditer(sentence))
    if len(words) < LONG_RUN:
        return sentence
    toks = tuple((tokens(m.group()) or ("",))[0] for m in words)
    ends = [k + 1 for k, tok in enumerate(toks) if tok in lex.words["plea_words"]]
    ends += [k + len(said) for k, said in find_phrases(toks, lex.phrases["plea_words"])]
    for end in sorted(ends, reverse=True):
        while 0 < end < len(toks) - 1 and toks[end] in lex.words["please_words"] \
                and not _COMMA_RE.search(sentence[words[end - 1].end():words[end + 1].start()]):
            end += 1  # "подскажите пожалуйста сколько …" typed without commas
        if 0 < end < len(toks) - PLEA_TAIL and (toks[end] in lex.question_words or (
                end >= LONG_RUN and toks[end] in lex.words["stopwords"] and toks[end + 1] in lex.words["which_words"])):
            # (… or, after a long story, a preposition before "which": "… please tell me in which cities …")
            return sentence[words[end].start():]
    return sentence


def reported_question(text: str, lex: Lexicon, names_topic: Callable[[str], bool]) -> str:
    """"My German flatmate asked me how big the trade was in 2010": a question someone else asked,
    told by the asker. Who asked is not what is asked, and its words ("flatmate") would read as
    a topic no fact knows, so each sentence is read from just after its asking verb, when the words
    before it speak of the asker and name nothing the facts speak of ("My grandfather worked at
    Baikonur and told me …" keeps Baikonur)."""
    kept = []
    for told in _SENTENCE_RE.split(text):
        sentence = after_plea(told, lex)
        words = list(_WORD_RE.finditer(sentence))
        toks = tuple(tok for m in words for tok in tokens(m.group()) or ("",))
        if len(toks) != len(words):
            kept.append(sentence)
            continue
        found: list[tuple[int, tuple[str, ...]]] = [(k, (tok,)) for k, tok in enumerate(toks)
                                                    if tok in lex.words["reporting_words"]]
        found += find_phrases(toks, lex.phrases["reporting_words"])
        if found:
            k, said = min(found)
            end = k + len(said)
            while end < len(toks) and toks[end] in lex.words["reporting_words"]:
                end += 1  # "задала найти": asked to find
            before = sentence[:words[k].start()]
            if (_ABOUT_ONESELF_RE.search(before) or _PRONOUN_RE.fullmatch(before)) \
                    and not any(names_topic(tok) for tok in toks[:k]) \
                    and end < len(words):
                sentence = _ASKED_OF_RE.sub("", sentence[words[end - 1].end():].lstrip(" ,:"), count=1)
        kept.append(_without_aside(sentence, lex, names_topic))
    return " ".join(kept)


_ASIDE_RE = re.compile(r",\s*(?:я|мы|I|we|мен|біз|men|bız)\s", re.IGNORECASE)


def _without_aside(sentence: str, lex: Lexicon, names_topic: Callable[[str], bool]) -> str:
    """"В каком месяце … Медведев … в Казахстан, я тогда ещё подумал, что неспроста?": a closing aside
    about the asker that names nothing the facts speak of is left out of a question that holds its own topic."""
    match = _ASIDE_RE.search(sentence)
    if match is None:
        return sentence
    head, aside = sentence[:match.start()], sentence[match.start():]
    if any(names_topic(tok) for tok in tokens(aside) if tok not in lex.no_topic) or not _self_contained(head, lex):
        return sentence
    return head + ("?" if sentence.rstrip().endswith("?") else "")


def _content(sentence: str, lex: Lexicon) -> list[str]:
    """A sentence's words besides stop words, pointing words and small-talk filler."""
    return [tok for tok in tokens(sentence) if tok not in lex.no_topic]


AFTERTHOUGHT = 3
"""Words besides stop words of a remark after the question that may be left out ("slaidqa kerek")."""


COMPARED_TOPICS = 3
"""Topic words a sentence bidding a comparison must name to ask on its own ("… жалпы сауда айналымының өсуімен
салыстырып бер"), unlike "… ekeuin de salystyryp bershi", which names nothing to compare with."""


def _bids_comparison(sentence: str, lex: Lexicon, names_topic: Callable[[str], bool]) -> bool:
    """A sentence beside the question that bids a comparison with things it names: it asks too."""
    return bool(lex.words["comparing_words"].intersection(tokens(sentence))) and not _ABOUT_ONESELF_RE.search(sentence) \
        and len([w for w in _content(sentence, lex) if w not in lex.asking_words and names_topic(w)]) >= COMPARED_TOPICS


def _asks_as_well(sentence: str, lex: Lexicon) -> bool:
    """A remark after the question that asks as well: "Give the name.", "Қысқаша айтып беріңіз." (not "быстрее":
    a comparing word asks nothing alone)."""
    toks = tuple(tokens(sentence))
    return bool(find_phrases(toks, lex.phrases["name_words"]) or (lex.asking_words - lex.intents["compare"]).intersection(toks)
                or find_phrases(toks, lex.intent_phrases["overview"]))  # "…? Қысқаша айтып беріңіз.": tell it at large


_MINUTES_RE = re.compile(r"\b(?:через|спустя|in|within)\s+\d{1,2}\s*(?:мин|минут|минуты|минуту|min|mins|minutes?)\b"
                         r"|\b\d{1,2}\s*(?:минуттан|minuttan|минутта|minutta)\b", re.IGNORECASE)
"""How soon the asker must have the answer ("эфир через 5 мин", "on air in 10 minutes"): no year or figure asked."""


def _untopical(sentence: str, lex: Lexicon, names_topic: Callable[[str], bool]) -> bool:
    """A short sentence that asks nothing and names nothing the facts speak of."""
    content = _content(_MINUTES_RE.sub(" ", sentence), lex)
    return len(content) <= AFTERTHOUGHT and not lex.question_words.intersection(tokens(sentence)) \
        and not any(names_topic(tok) for tok in content)


def _self_contained(sentence: str, lex: Lexicon) -> bool:
    return len(_content(sentence, lex)) >= SELF_CONTAINED


_NAME_RE = re.compile(r"(?<=[\s–—])[^\W\d_][\w-]*|\b\d{4}\b")
_SINCE_RE = re.compile(r"\b(?:since|from|с|со|начиная\s+с)\s+\d{4}\b(?:\s*(?:года|г\.))?"
                       r"(?:\s*(?:to|till|until|по|до|[-–])\s*\d{4}\b(?:\s*(?:год|года|году|г\.))?)?"
                       r"|\b\d{4}[\s-]*(?:жылдан|jyldan|jıldan|ж\.)\s+(?:бері|бастап|berı|beri|bastap)\b", re.IGNORECASE)
"""A span the asker works on ("relations since 1991", "from 1991 to 1999", "1991 жылдан бері"): what their work
covers, not what they ask."""


def _names(sentence: str, names_topic: Callable[[str], bool]) -> str:
    """The names (capitalised inside the sentence), years and months of a sentence about the asker, those
    of the facts' topics only: "a travel vlogger from Bishkek" names where the asker lives."""
    return " ".join(w for w in _NAME_RE.findall(_SINCE_RE.sub(" ", sentence))
                    if (w[0].isdigit() or (w[0].isupper() and any(names_topic(tok) for tok in tokens(w)))
                        or any(month_of(tok) for tok in tokens(w)))  # "2022 jylğy qañtar": a month dates it too
                    and not _ABOUT_ONESELF_RE.fullmatch(w))


_HEARD_RE = re.compile(r"(?:,\s*|\s)(?:что|будто|that)\s+(?P<after>.+)$", re.IGNORECASE)
"""What the asker heard or read ("Мне доводилось слышать, что торговля к 2008 году росла …", "I read that trade …"):
a claim about the topic inside a sentence about the asker. (A Kazakh "… деп естідім" is left as it was: "деп" also
closes what the asker used to tell their pupils, which a two-part question after it would take as its own words.)"""


_BELIEVED_RE = re.compile(r"^\W*(?:as far as I (?:know|understand|understood|remember|can tell)"
                          r"|насколько (?:я )?(?:понял[аи]?|понимаю|знаю|помню)|насколько мне известно"
                          r"|менің (?:білуімше|түсінуімше)|білуімше|түсінуімше)\b[\s,]*(?P<after>.+)$", re.IGNORECASE)
"""What the asker believes ("Насколько я поняла, в конце 2023 года страны договорились строить ТЭЦ …"): heard, as it were."""


_SAID_KK_RE = re.compile(r"(?:айтты|айтады|айтқан|айткан|aitty|aitady|aitqan|aitkan)\s*,\s*(?P<after>.+?)\s+(?:деп|dep)\W*$",
                         re.IGNORECASE)
"""What someone told the asker, in Kazakh ("Немерем айтты, 1992 жылы Көкшетауда үлкен кездесу болыпты деп"): the comma
after "айтты" (said) and the closing "деп" mark the words told."""


def _heard(sentence: str) -> str:
    """What the asker says they heard, read or believe, which a question pointing back ("… На сколько процентов
    она увеличивалась?", "… В каких городах?") leans on as much as on the names ("" when nothing was heard)."""
    match = _HEARD_RE.search(sentence) or _BELIEVED_RE.search(sentence) or _SAID_KK_RE.search(sentence)
    return "" if match is None else match.group("after")


def _told_of(sentence: str, said: set[str], lex: Lexicon, names_topic: Callable[[str], bool]) -> str:
    """Of a sentence about the asker, what the question leans on: what they read or heard, when that names a
    topic the facts know; else the runs of the facts' words around a word the question names again."""
    heard = _heard(sentence)
    if heard and _names(f" {heard}", names_topic):
        return heard
    return _runs_naming(sentence, said, lex, names_topic)


def _closed(fragment: str) -> str:
    """What is kept of a sentence about the asker, still a sentence of its own: the question after it is not read
    as one long run of words whose plea opens what is asked ("October 2023 Putin Tokayev. Could you tell me …")."""
    return f"{fragment}." if fragment.strip() and fragment.rstrip()[-1].isalnum() else fragment


def _with_topic_words(names: str, part: str, lex: Lexicon, names_topic: Callable[[str], bool]) -> str:
    """A sentence's names (`_names`) followed by the words the facts use of a part of it, besides those names,
    stop words and words out of scope (the asker "keeps seeing a headline number": no news is asked)."""
    said = set(names.split())
    beyond = lex.words["out_of_scope"]
    return names + "".join(f" {w}" for w in _WORD_RE.findall(part)
                           if w not in said and not _ABOUT_ONESELF_RE.fullmatch(w)
                           and any(names_topic(t) and t not in lex.no_topic for t in tokens(w))
                           and not beyond.intersection(tokens(w)))


def _runs_naming(sentence: str, said: set[str], lex: Lexicon, names_topic: Callable[[str], bool]) -> str:
    """The runs of words the facts use in a sentence about the asker that hold a word the question says again
    ("Our class is reading about the new thermal power plants Russia agreed to build" → "new thermal power plants
    Russia agreed", of "Which cities will the plants be in?"): what the asker told of, not who they are."""
    runs: list[list[str]] = [[]]
    for word in _WORD_RE.findall(sentence):
        toks = tokens(word)
        if toks and not _ABOUT_ONESELF_RE.fullmatch(word) and all(names_topic(t) and t not in lex.no_topic for t in toks):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return " ".join(w for run in runs if said.intersection(t for w in run for t in tokens(w)) for w in run)


_RUN_ON_ASIDE_RE = re.compile(r"\s(?:(?:а|и|но)\s+(?:то\s+)?)?(?:я|мы|помню|помнится"
                              r"|(?:внук|внучка|внуки|сын|дочь|дочка|муж|жена|дед|дедушка|бабушка|сосед|соседка)\s+"
                              r"(?:говорит|говорят|сказал|сказала|считает))\s", re.IGNORECASE)
"""Where a long Russian message turns to the asker with no comma before it ("… и в каком году это было а то мы
с соседом поспорили …", "… признал нашу республику я тогда ещё в депо работал …", "… товарооборот с россией внук
говорит вырос сильно"); `_without_aside` takes a comma's."""
ASIDE_WORDS = 14
"""Words a message without a question mark must run to before an aside in it is looked for."""
ASIDE_LENGTH = 4
"""Words an aside must run to: a shorter tail may be the question's own ("… когда мы вступили")."""
ASKED_BEFORE = 3
"""Topic words the question before an aside must name ("что было в 1993 году между Казахстаном и Россией")."""


def _before_aside(sentence: str, lex: Lexicon) -> str:
    """A long run-on question without its aside about the asker: what comes before it, when that asks
    something of its own and the aside names neither side nor a year it does not ("… в 1993 году … помню в 93-м …")."""
    if "?" in sentence or len(sentence.split()) < ASIDE_WORDS:
        return sentence
    for match in _RUN_ON_ASIDE_RE.finditer(sentence):
        before, aside = sentence[:match.start()], sentence[match.start():]
        if len(aside.split()) >= ASIDE_LENGTH and len(_content(before, lex)) >= ASKED_BEFORE \
                and lex.question_words.intersection(tokens(before)) and not names_side(aside, lex) \
                and set(YEAR_RE.findall(aside)) <= set(YEAR_RE.findall(before)):
            return before
    return sentence


def _after_dash(sentence: str, lex: Lexicon) -> list[str]:
    """"I worked at Baikonur then and never knew - on which date did Russia …?", "I want to get one
    date right: on what day …?": who asks, then the question, as two sentences (a dash between
    names, "Kazakhstan – Russia", splits nothing). A question after the dash that only asks ("… біздің
    Ресейге салғанымыз – қайсысы көп?") leans on what comes before it."""
    match = _DASH_RE.search(sentence)
    if match is None or not sentence.rstrip().endswith("?") or not _ABOUT_ONESELF_RE.search(sentence[:match.start()]):
        return [sentence]
    asked = tuple(tokens(sentence[match.end():]))
    phrased = {tok for said in lex.intent_phrases.values() for _, ph in find_phrases(asked, said) for tok in ph}
    if all(tok in lex.no_topic or tok in lex.asking_words or tok in phrased for tok in asked):
        return [sentence]  # ("… к нам в Алматы приезжал — в каком месяце?": "in which month" asks of the whole)
    return [sentence[:match.start()], sentence[match.end():]]


SMALLTALK_LENGTH = 120
"""Letters a small-talk message may run to: a letter's formal closing ("Заранее признателен за ваш труд и прошу
принять уверения в моём глубоком уважении") is long; a longer message asks something."""


def smalltalk_kind(text: str, lex: Lexicon) -> str | None:
    """The kind of small talk a message is, or None when it is (or holds) a question."""
    norm = normalise(_ELONGATED_RE.sub(r"\1", _NOISE_RE.sub(" ", text)))
    if not norm or len(norm) > SMALLTALK_LENGTH:
        return None
    kind = _whole(norm, lex) or _combined(norm, lex)
    if kind:
        return kind
    plain = " ".join(w for w in norm.split() if stem(w) not in lex.hedges)
    kind = (_whole(plain, lex) or _combined(plain, lex)) if plain and plain != norm else None
    if kind:
        return kind
    # "а что ты вообще умеешь, милок": filler inside a phrase ("что … умеешь") parts its words.
    filler = lex.words["smalltalk_filler"]
    squeezed = " ".join(w for w in plain.split() if w not in filler and stem(w) not in filler)
    kind = (_whole(squeezed, lex) or _combined(squeezed, lex)) if squeezed and squeezed != plain else None
    if kind:
        return kind
    # "Hi! Who are you?", "привет, что умеешь", "рақмет, сау бол": a greeting or thanks, then small talk.
    for lead in ("greeting", "thanks"):
        for phrase in _opening(lex, lead, norm):
            if norm.startswith(phrase + " "):
                rest = _whole(norm[len(phrase) + 1:].strip(), lex)
                if rest:
                    return rest
    undoubled = _DOUBLED_END_RE.sub(r"\1", text)
    if undoubled != text:
        return smalltalk_kind(undoubled, lex)
    squeezed_letters = _DOUBLED_RE.sub(r"\1", text)
    return smalltalk_kind(squeezed_letters, lex) if squeezed_letters != text else None


def courtesy_lead(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """A message that opens with thanks, a goodbye or a greeting and asks nothing ("thanks a lot,
    that really helps for my olympiad"): its kind and the rest, which the engine checks names no
    topic of the facts. None for a question ("Thanks! And in 2011?")."""
    if "?" in text:
        return None
    norm = normalise(_NOISE_RE.sub(" ", text))
    for kind in ("thanks", "bye", "greeting"):
        for phrase in _opening(lex, kind, norm):
            if norm.startswith(phrase + " "):
                return kind, norm[len(phrase) + 1:]
    return None


_OWN_THING_RE = re.compile(
    r"\b(?:my|our|мой|моя|мою|моей|моего|моему|моим|моих|наш|наша|нашу|нашей|нашего|наших|менің|мениң|menıñ|menin"
    r"|біздің|биздин|bızdıñ|bizdin)\s+[^\W\d_]+", re.IGNORECASE)
"""What the asker calls theirs ("my project", "моей курсовой", "менің жобам"): their own work, no topic of the facts."""


def without_own_things(text: str) -> str:
    """A sentence without what the asker calls theirs ("Can you help with my deliverables?" → "Can you help with?")."""
    return _OWN_THING_RE.sub(" ", text)


_ITS_ME_RE = re.compile(r"\W*(?:it(?:'s|’s| is) (?:just )?me|это (?:снова |опять |опять же )?я"
                        r"|бұл (?:тағы )?мен|бул (?:тагы )?мен|bul (?:tağy |tagy )?men)\b", re.IGNORECASE)
""""It's me again, the granny from Petropavl": the asker telling who writes, as a sentence opening with "I" does."""


def introduces_self(sentence: str, lex: Lexicon) -> bool:
    """"Мен Қызылорданың шалымын, Байқоңырда отыз жыл істегем", "My grandson put you in my phone": the
    asker telling of themselves, which asks nothing even where it names a topic of the facts. Not a
    request ("I need …", "я ищу …", "маған … керек") nor a sentence that asks or names a year."""
    toks = tuple(tokens(sentence))
    if "?" in sentence or not toks or YEAR_RE.search(sentence):
        return False
    if toks[0] not in lex.words["self_words"] and not _ITS_ME_RE.match(sentence):
        return False
    return not (lex.asking_words.intersection(toks) or lex.words["seeking_words"].intersection(toks)
                or reports_asking(sentence, lex) or find_phrases(toks, lex.phrases["plea_words"]))


def without_self_clause(text: str, lex: Lexicon) -> str:
    """A message without the asker's aside after a comma ("…туралы айтып берші, мен оны бойлап талай жыл
    жүрдім, қызық.", "tell me about the border, I worked by it for years"): from a clause that tells of
    the asker to its sentence's end, when nothing there asks. The text itself when it has none. (Unlike
    `_without_aside`, kept for a question no reply answers, it drops an aside that names a topic word: "жыл".)"""
    kept: list[str] = []
    cuts = 0
    for sentence in _SENTENCE_RE.split(text):  # (the split drops the spaces between sentences)
        clauses = sentence.split(",")
        cut = next((k for k in range(1, len(clauses)) if introduces_self(clauses[k], lex)
                    and not any(lex.asking_words.intersection(tokens(c)) for c in clauses[k:])), None)
        if cut is None:
            kept.append(sentence)
            continue
        end = sentence.rstrip()[-1:] if sentence.rstrip()[-1:] in "?.!" else ""
        kept.append(",".join(clauses[:cut]).rstrip() + end)
        cuts += 1
    return " ".join(kept) if cuts else text


def _wonders(sentence: str, lex: Lexicon) -> bool:
    """A sentence without a question mark that asks all the same: a reporting word right before an asking
    word or two later ("I've always wondered how much …", "хотел узнать, когда …")."""
    toks = tokens(sentence)
    return any(tok in lex.words["reporting_words"] and lex.question_words.intersection(toks[k + 1:k + 3])
               for k, tok in enumerate(toks))


def reports_asking(sentence: str, lex: Lexicon) -> bool:
    """Whether a sentence reports what someone wants to know ("He would like to know on which date …")."""
    toks = tuple(tokens(sentence))
    return bool(lex.words["reporting_words"].intersection(toks) or find_phrases(toks, lex.phrases["reporting_words"]))


def sentences(text: str) -> list[str]:
    """The sentences of a message that hold a word (a stray "?!" or emoji is none)."""
    return [s for s in _SENTENCE_RE.split(text) if _LETTER_RE.search(s)]


def smalltalk_sentences(text: str, lex: Lexicon) -> tuple[str, list[str]] | None:
    """A message of several sentences, some of them small talk ("а ты кто вообще? че умеешь"): the
    kind the last of them says (a greeting only when nothing else is) and the other sentences,
    which the engine checks name no topic of the facts. None with no small talk."""
    said_apart = sentences(text)
    if len(said_apart) < 2:
        return None
    kinds = [smalltalk_kind(s, lex) for s in said_apart]
    said = [k for k in kinds if k is not None]
    if not said:
        return None
    others = [k for k in said if k != "greeting"]
    return (others[-1] if others else "greeting"), [s for s, k in zip(said_apart, kinds, strict=True) if k is None]


def _combined(norm: str, lex: Lexicon) -> str | None:
    """"ok thanks, bye", "Привет! А ты кто такой?": small-talk phrases and filler words only;
    the last kind named wins, except that a greeting never outranks what follows it."""
    found: list[tuple[int, str]] = []
    rest = f" {norm} "
    places = sorted({k for word in norm.split() for k in lex.smalltalk_by_first.get(word, ())})
    for phrase, kind in (lex.smalltalk_longest[k] for k in places):  # longest first
        needle = f" {phrase} "
        while needle in rest:
            found.append((rest.index(needle), kind))
            rest = rest.replace(needle, " " * (len(needle) - 1) + " ", 1)
    if not found:
        return None
    filler = lex.words["stopwords"] | lex.words["smalltalk_filler"]
    if any(stem(w) not in filler and w not in filler for w in rest.split()):
        return None
    kinds = [kind for _, kind in sorted(found)]
    others = [k for k in kinds if k != "greeting"]
    return others[-1] if others else "greeting"


def _opening(lex: Lexicon, kind: str, norm: str) -> Iterator[str]:
    """One kind's phrases that may open a message (their first word is its first), longest first."""
    first = norm.split(" ", 1)[0]
    return (phrase for phrase, of in (lex.smalltalk_longest[k] for k in lex.smalltalk_by_first.get(first, ())) if of == kind)


def _whole(norm: str, lex: Lexicon) -> str | None:
    for kind in ORDER:
        if norm in lex.smalltalk[kind]:
            return kind
    return None
