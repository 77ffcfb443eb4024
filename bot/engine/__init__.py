"""The answer engine, split by responsibility:

- `understanding` — what a question asks and about what (`Query`);
- `lexicon` — the per-language word lists it understands with (data/lexicon/*.yaml);
- `lexical` — the inverted index over every fact's words;
- `semantic` — the embedding model's scores, cached on disk per data version;
- `ranking` — every weight, and the fusion of the two signals;
- `answerability` — whether the chosen fact holds what is asked;
- `compose` — answers: a fact, a list, a comparison, an overview, small talk, a decline;
- `conversation` — follow-ups resolved against the previous turn;
- `smalltalk` — greetings, thanks and the like;
- `core` — `AnswerEngine`, which puts them together.
"""

from bot.engine.compose import Answer, Reference, RefNumbering, Segment, fact_when, list_line
from bot.engine.conversation import Turn
from bot.engine.core import AnswerEngine
from bot.engine.lexicon import Lexicon, LexiconError, load_lexicon
from bot.engine.understanding import Query, parse_query

__all__ = ["Answer", "AnswerEngine", "Lexicon", "LexiconError", "RefNumbering", "Reference", "Segment", "Turn",
           "Query", "fact_when", "list_line", "load_lexicon", "parse_query"]
