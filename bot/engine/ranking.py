"""Every ranking weight in one place, and the fusion of the lexical and semantic signals.

The values were chosen by measurement on `tests/eval/tune.yaml` (never on the held-out set):
`benchmarks/eval_answers.py` prints the accuracy that each change gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Weights:
    """Named ranking weights; one shared instance (`WEIGHTS`), which tuning scripts may set."""

    # Lexical index: how much a word found in each field of a fact counts.
    field: dict[str, float] = field(default_factory=lambda: {
        "title": 3.0, "alias": 3.0, "question": 1.5, "name": 2.0, "tag": 1.5, "text": 1.0})
    fuzzy_short: float = 85.0     # rapidfuzz ratio a 5–6 letter word needs to match a typo
    fuzzy_long: float = 80.0      # … and a longer word
    verb: float = 1.5             # cap on an unknown verb's weight ("caused", "орнады")
    order: float = 0.5            # word order against a title: who did what to whom
    order_checked: int = 10       # how many top facts the order check looks at
    reranked: int = 25            # facts re-scored with title coverage
    year: float = 2.0             # a named year's share of the query's weight
    year_bonus: float = 2.5       # score added to a fact of a named year (× year)
    other_year: float = 0.35      # factor on a dated fact of another year
    wrong_way: float = 0.5        # factor on a visit to the other side than the question names
    wrong_way_goods: float = 0.35  # … on goods exported or imported the other way ("Russia's exports to Kazakhstan"
    #                                share every word with "Kazakhstan's exports to Russia", and none of "imports")
    named_place: float = 1.15     # factor on a fact that took place in the city or region the question names
    unasked_change: float = 0.5   # factor on a growth figure when "how much" asks no change or percent
    undated: float = 0.5          # factor on an undated fact when a year is named
    month: float = 1.5            # factor on a fact of a named month (one of its year may name it in passing)
    intent_value: float = 1.25    # "how much" → facts with a figure
    intent_when: float = 1.1      # "when" → dated facts
    intent_place: float = 1.2     # "where" → facts with a place
    intent_people: float = 1.2    # "who" → facts naming people
    intent_countries: float = 1.3  # "which countries" → facts naming countries besides the two
    # Decisions on the lexical ranking.
    min_coverage: float = 0.50    # below it the lexical match alone is too thin to answer
    tie_ratio: float = 0.95       # a runner-up this close to the best fact …
    tie_gap: float = 0.10         # … and matching this much more of the question leads instead
    beyond_reach: int = 4         # words between "after" and "the first (term)" that still say which term came next
    mend_similarity: float = 0.72 # a word typed with a letter left out is mended only into a fuzzy reading at least this close
    party_coverage: float = 0.75  # a question naming another country needs this much
    related_ratio: float = 0.7    # a runner-up this close to the best is shown beside it
    list_ratio: float = 0.5       # keyword queries: full matches this close make a list
    full_match: float = 0.99      # coverage that counts as matching every query word
    list_coverage: float = 0.7    # a list or overview takes facts matching this much of the question …
    namesake_facts: int = 3       # … or, a list, those naming a word of the best match's that at most this many facts use
    overview_pool: int = 5        # … or, asked for an overview that none but one matches so well, of these best min_coverage
    max_related: int = 4
    half_ratio: float = 0.5       # a runner-up holding the other of two things asked scores at least this share of the best
    keyword_words: int = 6        # … and keywords (no "and", nothing asking) name two things asked in at most this many words
    followup_alone: float = 0.8   # coverage at which a question opening like a follow-up stands alone
    alone_margin: float = 0.75    # … and a short one pointing back, when the runner-up is at most this share of the best
    title_named: float = 0.6      # share of a fact's title a short question must name to leave the fact just shown
    answerable_tries: int = 4     # runners-up looked at when the best fact lacks the asked detail
    lacked_ratio: float = 0.35    # … of the best's score, enough for one holding every question word the best lacks
    first_ratio: float = 0.8      # "when … first?": a runner-up of the best one's kind this close, and earlier, is the first
    detail_ratio: float = 0.8     # a follow-up naming a detail the fact shown lacks: a runner-up this close that has it answers
    answerable_ratio: float = 0.6 # … and how close to the best they must be
    unit_ratio: float = 0.45      # … or, when the question names a unit ("what share"), a runner-up that uses it
    # Fusion with the semantic signal.
    semantic: float = 1.0         # weight of the semantic z-score against the lexical share
    semantic_floor: float = 0.82  # cosine below which the semantic signal says "not this"
    semantic_sure: float = 0.88   # cosine at which the semantic signal alone may answer
    dominant_ratio: float = 0.3   # a runner-up at most this share of the best leaves the best alone in the field
    semantic_agree: float = 0.20  # lexical coverage enough when both signals pick the same fact …
    agree_slack: float = 0.012    # … the model's best by this little (its cosines of related facts crowd
    #                               #   together), in a question of more than short_words words
    unknown_length: int = 4       # shortest word that counts as "a word no fact uses"
    typo_cutoff: float = 85.0     # ratio at which an unknown word counts as a typo of an indexed one
    unknown_coverage: float = 0.55  # coverage a short question with a word no fact uses needs (with the
    #                               #   model's cosine at semantic_sure) …
    unknown_sure: float = 0.92    # … or the cosine at which min_coverage is enough
    chatty_words: int = 7         # from this many content words, unknown words are taken for chatter
    chatter_known: int = 3        # small talk without a question mark may use the facts' words: 1 in this many
    semantic_pool: int = 30       # facts the semantic signal adds to the lexical candidates
    short_words: int = 3          # a question of this many content words or fewer is short …
    off_title: float = 0.35       # … and off its fact when it names less of the fact's title than this …
    own_in_title: float = 0.5     # … and less than this share of its own topic words is in that title …
    on_topic: float = 0.90        # … unless the model's cosine reaches this
    future_coverage: float = 0.8  # a question in the future tense is answered only from a fact matching this much
    mutual_ratio: float = 0.8     # "each other": the other direction's fact scores this close to the best …
    mutual_gap: float = 0.1       # … and matches as much of the question, less this
    mirror_pool: int = 5          # a fact and its mirror (the same said of the other side) among this many best …
    mirror_coverage: float = 0.3  # … each matching this much of a question that names both sides in turn
    event_lead: float = 3.0       # an event named in passing is found by a fact scoring this many times the next
    part_pool: int = 5            # each fact of a two-part answer is among this many best for the whole question
    lexical_sure: float = 0.9     # lexical coverage at which the model is not asked …
    lexical_lead: float = 0.8     # … when the runner-up scores below this share of the best
    unmatched: float = 0.5        # factor on a fact matching under min_coverage of the words when another matches lexical_sure


WEIGHTS = Weights()
