"""The lexicon files: validated with file:line errors, merged over kk, ru and en."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.lexicon import LexiconError, default_lexicon_dir, load_lexicon
from bot.engine.smalltalk import reported_question, smalltalk_kind, without_courtesy, without_self_clause
from bot.engine.understanding import parse_query
from bot.text import tokens


def test_shipped_lexicon_loads_and_merges_languages() -> None:
    lex = load_lexicon(default_lexicon_dir())
    assert {"kk.yaml", "ru.yaml", "en.yaml"} <= {p.name for p in default_lexicon_dir().glob("*.yaml")}
    for word in ("the", "когда", "қашан"):
        tok = tokens(word)[0]
        assert tok in lex.words["stopwords"] or any(tok in ws for ws in lex.intents.values()), word
    assert tokens("Кремль")[0] and tuple(tokens("кремль")) in lex.stands_for


def test_a_pointing_phrase_points_only_whole() -> None:
    """"As a result" points back at the event just told; its words alone ("a", "as") point at nothing."""
    lex = load_lexicon(default_lexicon_dir())
    assert ("as", "a", "result") in lex.phrases["refers"]
    assert {"it", "that"} <= lex.latin_refers["en"] and not {"a", "as", "result"} & lex.latin_refers["en"]


def test_broken_lexicon_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "en.yaml").write_text(
        "stopwords: [the, a]\nunknown_key: [x]\nsynonyms:\n  - [long]\nintents:\n  nonsense: [x]\nfollowup: notalist\n",
        encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(tmp_path)
    problems = err.value.problems
    assert any(p.startswith(f"{tmp_path / 'en.yaml'}:2:") and "unknown key" in p for p in problems)
    assert any(":4:" in p and "synonyms group" in p for p in problems)
    assert any(":6:" in p and "unknown kind" in p for p in problems)
    assert any(":7:" in p and "must be a list" in p for p in problems)


def test_an_abbreviation_in_small_letters_is_refused_with_its_line(tmp_path: Path) -> None:
    """"то" in small letters is a word ("что-то"): only capitals may stand for something."""
    (tmp_path / "ru.yaml").write_text("abbreviations:\n  ТО: товарооборот\n  то: товарооборот\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(tmp_path)
    assert [p for p in err.value.problems if "abbreviations" in p] == [f"{tmp_path / 'ru.yaml'}:3: abbreviations.то: needs "
                                                                        "capitals and the words it stands for"]


def test_invalid_yaml_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no lexicon files"):
        load_lexicon(tmp_path)
    (tmp_path / "ru.yaml").write_text("stopwords: [a, b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"ru\.yaml:\d+: not valid YAML"):
        load_lexicon(tmp_path)


def test_an_unchanged_lexicon_is_read_once_and_an_edited_one_again(tmp_path: Path) -> None:
    """Start-up validates the lexicon and the engine loads it: the second load reuses the first, never a stale one."""
    (tmp_path / "en.yaml").write_text("stopwords: [the, a]\n", encoding="utf-8")
    first = load_lexicon(tmp_path)
    assert load_lexicon(tmp_path) is first
    (tmp_path / "en.yaml").write_text("stopwords: [the, a, an]\n", encoding="utf-8")
    edited = load_lexicon(tmp_path)
    assert edited is not first and "an" in edited.words["stopwords"] and "an" not in first.words["stopwords"]
    (tmp_path / "en.yaml").write_text("stopwords: [the, a, an\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"en\.yaml:\d+: not valid YAML"):
        load_lexicon(tmp_path)


def test_each_small_talk_phrase_is_indexed_by_its_first_word_in_order() -> None:
    """`_combined` looks only for the phrases a message's words open: the index must hold every phrase of
    `smalltalk_longest` once, under its first word, in that order (longest first)."""
    lex = load_lexicon(default_lexicon_dir())
    places = sorted(k for ks in lex.smalltalk_by_first.values() for k in ks)
    assert places == list(range(len(lex.smalltalk_longest))) and places
    assert all(list(ks) == sorted(ks) and all(lex.smalltalk_longest[k][0].split(" ", 1)[0] == word for k in ks)
               for word, ks in lex.smalltalk_by_first.items())


@pytest.mark.parametrize(("text", "kind"), [
    ("hi", "greeting"), ("Привет!", "greeting"), ("сәлем", "greeting"), ("salem, qalaisyn?", "greeting"),
    ("thanks", "thanks"), ("спасибо большое, очень помогли", "thanks"), ("рақмет", "thanks"),
    ("who are you?", "who"), ("Привет! А ты кто такой?", "who"), ("сен кімсің", "who"),
    ("what can you do", "abilities"), ("что ты умеешь?", "abilities"), ("не істей аласың", "abilities"),
    ("ok thanks, bye", "bye"), ("до свидания", "bye"), ("сау бол", "bye"),
    ("Саламатсызба", "greeting"), ("hey, whats up", "greeting"), ("Здравствуйте! А вы кто такой будете?", "who"),
    ("Raqmet, kömegıñ üşın!", "thanks"), ("спасибо бро, выручил", "thanks"),
    ("What kind of questions can you answer?", "abilities"),
    ("Привет, что ты умеешь делать?", "abilities"), ("привееет 👋", "greeting"), ("thaaanks!!", "thanks"),
    ("Hello ji, good morning! How are you doing today?", "greeting"), ("Сәлем аға", "greeting"),
    ("Здравствуйте, уважаемый бот", "greeting"), ("Good day, dear.", "greeting"), ("Көмегіңізге үлкен рақмет!", "thanks"),
    ("Can I use you to check facts?", "abilities"), ("норм, спасибо, пока", "bye"),
    ("Керемет, көп рақмет! Жауабыңыз өте пайдалы болды.", "thanks"),
    ("Thanks a lot, bye for now!", "bye"), ("Thanks so much, you're the best! See ya!", "bye"),
    ("Сәлеметсің бе, қарағым! Амансың ба, жұмысың жақсы ма?", "greeting"),  # "бе" ends no chat here
    ("Сен кімсің, балам? Адамсың ба, әлде компьютерсің бе?", "who"), ("Sen jasandy intellektsıñ be?", "who"),
    ("are you an AI?", "who"), ("Ты ИИ или живой человек?", "who"),
    ("Hiya! Alright?", "greeting"), ("Рахмет, балам, көп жаса!", "thanks"),
    ("Здравствуйте! А вы кто такой будете, машина или человек?", "who"),
    ("Сіз қандай сұрақтарға жауап бере аласыз?", "abilities"),
    ("Qandai tılderde jauap bere alasyñ?", "abilities"), ("Ты вообще кто — человек или бот?", "who"),
    ("Are you human or bot?", "who"), ("What all can you do?", "abilities"),
    ("Hi there. Who am I talking to?", "who"), ("Selam! Sen kimsiñ, adam ba älde bot pa?", "who"),
    ("Привет! Ты умеешь говорить по-казахски и по-английски тоже?", "abilities"),
    ("Çok sağ bol! Körüskenşe, sau bol", "bye"),
    ("Hello there, hope you're well.", "greeting"), ("Hi, hope you are doing well!", "greeting"),
    ("Здравствуйте, надеюсь, у вас всё хорошо!", "greeting"), ("Вы человек или программа?", "who"),
    ("Сәлеметсіз бе! Сіз кімсіз, адам ба әлде бағдарлама ма?", "who"),
    ("Добрый вечер, многоуважаемые коллеги!", "greeting"),
    ("Заранее признателен за ваш труд и прошу принять уверения в моём глубоком уважении.", "thanks"),
    ("hey who are u haha", "who"), ("спасибо лол", "thanks"), ("Can you help me with the figures?", "abilities"),
    ("ok thanks, signing off now", "bye"), ("Здравствуйте! Вы на вопросы отвечаете?", "abilities"),
    ("Thanks a lot, goodbye and all the best!", "bye"),
])
def test_small_talk_kinds(text: str, kind: str) -> None:
    assert smalltalk_kind(text, load_lexicon(default_lexicon_dir())) == kind


@pytest.mark.parametrize("text", ["thanks to the treaty, what changed?", "Привет, когда подписан договор о дружбе?",
                                  "Сәлем, Байқоңыр қашан жалға берілді?", "hello 1992"])
def test_questions_are_not_small_talk(text: str) -> None:
    assert smalltalk_kind(text, load_lexicon(default_lexicon_dir())) is None



@pytest.mark.parametrize(("message", "question"), [
    ("Hello! What did they agree about the Caspian seabed in 1998? Much appreciated.",
     "What did they agree about the Caspian seabed in 1998?"),
    ("Здравствуйте! Когда подписан договор о дружбе? Заранее спасибо!", "Когда подписан договор о дружбе?"),
    ("Сәлеметсіз бе! Шекара қашан белгіленді? Көп рақмет!", "Шекара қашан белгіленді?"),
    ("Когда подписали договор о дружбе? Спасибо за помощь.", "Когда подписали договор о дружбе?"),
    ("приветик)) когда подписали договор о дружбе?", "когда подписали договор о дружбе?"),
    ("hi :) when was the border treaty signed?", "when was the border treaty signed?"),
])
def test_courtesy_sentences_are_dropped_around_a_question(message: str, question: str) -> None:
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == question


@pytest.mark.parametrize(("message", "question"), [
    ("Токаев пен Путин Астанада кай куни кездести? 2023 жыл", "Токаев пен Путин Астанада кай куни кездести? 2023 жыл"),
    ("Когда встречались Токаев и Путин в Астане? 2023 год", "Когда встречались Токаев и Путин в Астане? 2023 год"),
])
def test_a_year_said_after_a_question_without_one_is_kept(message: str, question: str) -> None:
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == question


@pytest.mark.parametrize(("message", "question"), [
    ("Hi, I'm a journalist writing about Central Asia. How much has Kazakhstan invested in Russia?",
     "How much has Kazakhstan invested in Russia?"),
    ("Саламатсыз ба! Журналистпин, Орталык Азия туралы макала дайындап журмин. Инвестиция канша?",
     "Инвестиция канша?"),
    ("Пишу курсовую по истории. Когда подписан договор о дружбе?", "Когда подписан договор о дружбе?"),
    ("I worked in Atyrau then and never found out - when did Russia recognise Kazakhstan?",
     "when did Russia recognise Kazakhstan?"),
    ("I teach history. I want to get one date right: when were relations established? Thanks so much in advance!",
     "when were relations established?"),
    ("Я пишу мемуары. В какие числа 1994 года Президент Н. А. Назарбаев был в России? Заранее благодарю Вас.",
     "В какие числа 1994 года Президент Н. А. Назарбаев был в России?"),  # initials end no sentence
    ("Кітап жазып отырып, бір мәселеге тірелдім: Медведев 2008 жылы Қазақстанға тағы қанша рет келді?",
     "Медведев 2008 жылы Қазақстанға тағы қанша рет келді?"),  # the asker in the past tense
    ("Кайырлы кеш! Досыма дэлелдеуим керек, комектесши: Казакстаннын Ресейге салган инвестициясы канша? Рахмет",
     "Казакстаннын Ресейге салган инвестициясы канша?"),
    # an English "on" is no Russian "он" pointing back into the sentence before
    ("I'm a teacher. On which date were diplomatic relations established?",
     "On which date were diplomatic relations established?"),
    # a Kazakh wish ("айтқым келеді") before a colon, and thanks "in advance", are the asker's
    ("Келушілерге дәл дерек айтқым келеді: Байқоңыр келісіміне қай жылы қол қойылды? Алдын ала көп рақмет!",
     "Байқоңыр келісіміне қай жылы қол қойылды?"),
    # so is a Kazakh first-person plural ("we are preparing a brief for the embassy")
    ("Елшилик ушин кыскаша шолу дайындап жатырмыз. 2023 жылдын сонында Токаев пен Путин неше рет кездести?",
     "2023 жылдын сонында Токаев пен Путин неше рет кездести?"),
    # someone asking through the user, before a colon
    ("Ata sūrap otyr: Trans-Aral temir joly degen ne, qaidan qaiga salynğan?",
     "Trans-Aral temir joly degen ne, qaidan qaiga salynğan?"),
    # "my teacher" is about the asker too
    ("Оқытушым маған бір мақаланы оқуға кеңес берді. Қазақстан мен Ресей саудасы 2011 жылы қанша болды?",
     "Қазақстан мен Ресей саудасы 2011 жылы қанша болды?"),
])
def test_a_sentence_about_the_asker_is_dropped_beside_a_question(message: str, question: str) -> None:
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == question


@pytest.mark.parametrize(("message", "question"), [
    ("My German flatmate asked me how big the trade was in 2010", "how big the trade was in 2010"),
    ("Нам училка задала найти, какие страны запустили Таможенный союз", "какие страны запустили Таможенный союз"),
    ("My teacher wants to know when Baikonur was leased. Thanks!", "when Baikonur was leased. Thanks!"),
])
def test_who_asked_is_left_out_of_a_question_told_for_someone_else(message: str, question: str) -> None:
    assert reported_question(message, load_lexicon(default_lexicon_dir()), {"baikonur"}.__contains__) == question


def test_a_closing_aside_about_the_asker_is_left_out_of_a_question_with_its_own_topic() -> None:
    topics = {tok for word in ("Медведев", "поездку", "Казахстан", "первую") for tok in tokens(word)}
    message = "Когда Медведев совершил первую зарубежную поездку в Казахстан, я тогда ещё подумал, что неспроста?"
    assert reported_question(message, load_lexicon(default_lexicon_dir()), topics.__contains__) == (
        "Когда Медведев совершил первую зарубежную поездку в Казахстан?")


@pytest.mark.parametrize("message", [
    "My grandfather worked at Baikonur and told me it was leased. Until when?",  # the words before name a topic
    "Who asked Russia to send the peacekeepers?",  # nobody speaks of himself: the asking verb is the question's
])
def test_a_told_question_keeps_words_that_name_a_topic(message: str) -> None:
    topics = {tok for word in ("baikonur", "russia") for tok in tokens(word)}
    assert reported_question(message, load_lexicon(default_lexicon_dir()), topics.__contains__) == message


def test_a_sentence_about_the_asker_stays_when_the_question_points_into_it() -> None:
    message = "Мы с сыном делаем доклад про Байконур. В какой области он находится?"
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == message


@pytest.mark.parametrize(("message", "question"), [
    ("I'm a student writing a seminar talk on post-Soviet integration. By how much did Kazakhstan's exports to "
     "Russia grow in 2011 and what value did they reach?",
     "By how much did Kazakhstan's exports to Russia grow in 2011 and what value did they reach?"),
    ("Мы с сыном делаем доклад про Байконур. Не могли бы вы рассказать, в какой области Казахстана он находится "
     "и на какой срок его сдали в аренду?",
     "Байконур. Не могли бы вы рассказать, в какой области Казахстана он находится и на какой срок его сдали в аренду?"),
])
def test_a_long_question_that_may_point_at_its_own_words_keeps_only_the_askers_names(message: str, question: str) -> None:
    """"they" may point at the question's own "exports"; a name the asker gave ("Байконур") is kept either way."""
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == question


def test_only_the_askers_names_of_a_topic_and_dates_are_kept() -> None:
    """"a vlogger from Bishkek" says where the asker lives; "in January 2022" dates what is asked."""
    lex = load_lexicon(default_lexicon_dir())
    topics = {tok for word in ("Baikonur",) for tok in tokens(word)}
    message = ("I'm a vlogger from Bishkek filming about Baikonur in January 2022. In which region of Kazakhstan "
               "is it situated, and in what year was it leased to Russia?")
    assert without_courtesy(message, lex, topics.__contains__) == (
        "Baikonur January 2022. In which region of Kazakhstan is it situated, and in what year was it leased to Russia?")


def test_the_askers_supervisor_is_who_asks_not_what() -> None:
    """"Научный руководитель цифрлар керек деді" (my supervisor said figures are needed), typed in a Kazakh message."""
    message = ("Научный руководитель цифрлар керек деді. Айтып жібересіз бе, 2008 жылы екі ел арасындағы "
               "товарооборот қанша болған?")
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == (
        "Айтып жібересіз бе, 2008 жылы екі ел арасындағы товарооборот қанша болған?")


def test_what_the_asker_heard_is_kept_for_a_question_pointing_back_at_it() -> None:
    """"она" is the trade the asker heard of, in a sentence about the asker: its topic words stay with the names."""
    lex = load_lexicon(default_lexicon_dir())
    topics = {tok for word in ("торговля", "двусторонняя", "росла") for tok in tokens(word)}
    message = ("Мне доводилось слышать на службе, что двусторонняя торговля к 2008 году росла быстро. "
               "На сколько процентов в среднем в год она увеличивалась по данным того времени?")
    assert without_courtesy(message, lex, topics.__contains__) == (
        "2008 двусторонняя торговля росла. На сколько процентов в среднем в год она увеличивалась по данным того времени?")


def test_the_sentence_naming_what_a_question_points_at_keeps_its_topic_words() -> None:
    """"those plants" are the thermal power plants of the sentence about the asker before it; "Freelancer here,"
    says who asks, like "I'm a freelancer"."""
    lex = load_lexicon(default_lexicon_dir())
    topics = {tok for word in ("Kazakhstan", "Russia", "deal", "thermal", "power", "plants") for tok in tokens(word)}
    message = ("Hello there, hope you're well. Freelancer here, covering Georgia. I'm writing a piece and keep seeing "
               "a deal signed with Russia in 2023 on thermal power plants. In which cities are those plants supposed to go up?")
    assert without_courtesy(message, lex, topics.__contains__) == (
        "Russia 2023 deal thermal power plants. In which cities are those plants supposed to go up?")


@pytest.mark.parametrize(("message", "question"), [
    # a question that holds its own topic is asked; a statement around it only says why
    ("Научный руководитель просит цифры по взаимным инвестициям. Сколько казахстанских денег вложено в Россию в 2024 году?",
     "Сколько казахстанских денег вложено в Россию в 2024 году?"),
    # a question pointing back leans on the sentence just before it, not on who the asker is
    ("Мен мектепте география пәнінің мұғалімімін. Оқушыларға Ресейдің әскери полигондары туралы айтқым келеді. "
     "Солардың ішінде Ақтөбе облысындағысы қалай аталады?",
     "Оқушыларға Ресейдің әскери полигондары туралы айтқым келеді. Солардың ішінде Ақтөбе облысындағысы қалай аталады?"),
    # a question of no topic of its own is told beside the asker: all of it is kept
    ("My flatmate asked me how big the trade between Kazakhstan and Russia was in 2010. Do you know roughly?",
     "My flatmate asked me how big the trade between Kazakhstan and Russia was in 2010. Do you know roughly?"),
    ("Sorry for writing so late 🙈 How big was Kazakhstan–Russia trade in 2010?",  # an emoji ends a sentence
     "How big was Kazakhstan–Russia trade in 2010?"),
])
def test_the_sentences_a_question_needs_are_kept(message: str, question: str) -> None:
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == question


@pytest.mark.parametrize("message", [
    "Hi! Thanks!",  # only courtesies: small talk, kept whole
    "Thanks to the 1998 treaty, what changed?",  # one sentence: "thanks to" is part of the question
    "How much was trade in 2011?",
    "What was Kazakhstan – Russia trade in 2011?",  # a dash between names splits nothing
])
def test_a_message_that_is_all_courtesy_or_one_sentence_is_kept(message: str) -> None:
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == message


@pytest.mark.parametrize(("message", "question"), [
    ("For a section on Russia's bases in Central Asia, could you list the test ranges?", "could you list the test ranges?"),
    ("Для своей курсовой, подскажите, когда подписали договор?", "подскажите, когда подписали договор?"),
    ("For the 1992 treaty, who signed it?", "For the 1992 treaty, who signed it?"),  # a topic, not a purpose
])
def test_a_purpose_said_before_the_question_is_left_out(message: str, question: str) -> None:
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == question


def test_a_short_form_ending_in_a_stop_ends_no_sentence() -> None:
    """"St." ends no sentence: the question after the colon is one sentence and is kept whole, not cut
    down to its names as if half of it were about the asker."""
    message = ("My name is Jonas Weber, I am writing a chapter. For a sub-section on the 2022 frictions I would like to "
               "ask: how exactly did President Tokayev characterise the DPR and LPR at the St. Petersburg economic forum, "
               "and what measure did Moscow take after that?")
    assert "how exactly did President Tokayev characterise" in without_courtesy(message, load_lexicon(default_lexicon_dir()))


def test_a_question_pointing_back_keeps_the_words_of_a_sentence_typed_in_small_letters() -> None:
    """No capital tells the names of "… about the csto peacekeepers in kazakhstan": the sentence the
    question points back at ("they") is kept whole."""
    lex = load_lexicon(default_lexicon_dir())
    small = ("hello. my cousin and i are debating the csto peacekeepers in kazakhstan - on what exact date did they "
             "come in at tokayev's official request?")
    kept = without_courtesy(small, lex)
    assert "csto peacekeepers" in kept and kept.endswith("did they come in at tokayev's official request?")


@pytest.mark.parametrize("span", ["since 1991", "from 1991 to 1999"])
def test_the_years_an_askers_work_spans_are_not_kept_with_a_question_pointing_back(span: str) -> None:
    """Kept names and years of a sentence about the asker date what is asked; the span of their work does not."""
    message = (f"I am a researcher working on the Kazakh-Russian economic relations {span}. "
               "How many joint industrial projects are Kazakhstan and Russia implementing, "
               "and which total value do these projects have?")
    kept = without_courtesy(message, load_lexicon(default_lexicon_dir()), lambda tok: tok.startswith(("kazah", "rusi")))
    assert "1991" not in kept and "1999" not in kept
    assert kept.endswith("which total value do these projects have?")


@pytest.mark.parametrize(("message", "question"), [
    ("Когда Кремль официально признал нашу республику самостоятельной я тогда ещё на тепловозах в депо работал помню "
     "как всё кругом рушилось", "Когда Кремль официально признал нашу республику самостоятельной"),
    ("Что было в 1993 году между Казахстаном и Россией помню в 1993 всё менялось деньги новые вводили а по отношениям "
     "что было важного", "Что было в 1993 году между Казахстаном и Россией"),
    ("Когда мы вступили в ЕАЭС и какие страны вместе с нами были основателями союза",  # "мы" asks, it is no aside
     "Когда мы вступили в ЕАЭС и какие страны вместе с нами были основателями союза"),
])
def test_a_run_on_question_is_read_without_its_aside_about_the_asker(message: str, question: str) -> None:
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())) == question


def test_the_place_an_asker_writes_from_asks_nothing() -> None:
    """"Мен Семей каласынан жазып отырмын" names a city, yet only the sentence with "қай" asks."""
    message = ("Саламатсыздар ма! Мен Семей каласынан жазып отырмын, зейнеткермин. 2000 жылы Назарбаев Ресейге "
               "мемлекеттик сапармен барганын билемин бирак кай кундери болганы есимде жок. Соны айтып жиберсениз.")
    assert without_courtesy(message, load_lexicon(default_lexicon_dir())).startswith("2000 жылы Назарбаев")


@pytest.mark.parametrize(("message", "question"), [
    ("ну слушай мы с напарником гоним фуры через границу и спорим кто больше возит короче подскажи когда открыли "
     "новый пункт пропуска на границе", "когда открыли новый пункт пропуска на границе"),
    ("so basically me and the guys at the depot were arguing about the trucks all day tell me when was the border "
     "treaty signed", "when was the border treaty signed"),
])
def test_a_long_dictated_message_asks_what_follows_its_plea(message: str, question: str) -> None:
    assert reported_question(message, load_lexicon(default_lexicon_dir()), {"granits", "border"}.__contains__) == question


def test_a_plea_in_a_short_message_or_before_no_question_word_changes_nothing() -> None:
    lex = load_lexicon(default_lexicon_dir())
    short = "подскажите когда подписали договор о границе"
    story = "мы с напарником гоним фуры через границу и спорим кто больше возит подскажи про договор о границе в 2005 году"
    assert reported_question(short, lex, {"granits"}.__contains__) == short
    assert reported_question(story, lex, {"granits"}.__contains__) == story


@pytest.mark.parametrize(("text", "kind"), [("what's up", "greeting"), ("How's it going?", "greeting"),
                                            ("who's this", "who"), ("hope you're doing well", "greeting")])
def test_a_phrase_with_an_apostrophe_matches_as_typed(text: str, kind: str) -> None:
    """A message's apostrophe is read as a space; a phrase's must be too, or "what's up" matches nothing."""
    assert smalltalk_kind(text, load_lexicon(default_lexicon_dir())) == kind


@pytest.mark.parametrize("text", ["Сәлем! Сен не істей аласың өзі?", "Салем! Сен не истей аласын озы?",
                                  "Sälem! Sen ne ıstei alasyñ ozy?"])
def test_what_can_you_do_with_yourself_after_it_is_small_talk_in_every_spelling(text: str) -> None:
    """"өзі" typed on a Russian keyboard comes out as "ози" or "озы": filler either way."""
    assert smalltalk_kind(text, load_lexicon(default_lexicon_dir())) == "abilities"


@pytest.mark.parametrize(("text", "kept"), [
    ("Шекара туралы айтып берші, мен оны бойлап он жыл жүрдім, қызық.", "Шекара туралы айтып берші."),
    ("Tell me about the border, I drove along it for years. Thanks!", "Tell me about the border. Thanks!"),
    ("Расскажите о границе, я там работал.", "Расскажите о границе."),
])
def test_an_aside_about_the_asker_after_a_comma_is_left_out(text: str, kept: str) -> None:
    assert without_self_clause(text, load_lexicon(default_lexicon_dir())) == kept


@pytest.mark.parametrize("text", [
    "Расскажите о границе, я там работал, когда она была проведена?",  # the clause after it asks
    "Граница Казахстана и России, её длина",  # no clause tells of the asker
    "Когда подписали договор о дружбе?",
])
def test_an_aside_that_asks_or_no_aside_leaves_the_text_as_it_is(text: str) -> None:
    assert without_self_clause(text, load_lexicon(default_lexicon_dir())) == text


@pytest.mark.parametrize("text", ["what do you base your answers on?",
                                  "hello! what can you do and where do your answers come from?"])
def test_asking_what_the_answers_rest_on_is_small_talk(text: str) -> None:
    assert smalltalk_kind(text, load_lexicon(default_lexicon_dir())) == "who"


def test_every_topic_tag_is_a_tag_the_facts_are_filed_under() -> None:
    """A topic word pointing at a tag no fact has would tell an empty overview; each names the same tag in all
    three languages."""
    from bot.loader import default_data_dir, load_store

    filed = {tag for fact in load_store(default_data_dir()).facts for tag in fact.tags}
    lex = load_lexicon(default_lexicon_dir())
    assert lex.topic_tags and set(lex.topic_tags) <= filed
    assert all(len(named) >= 3 for named in lex.topic_tags.values())


def test_a_topic_tag_without_words_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "en.yaml").write_text("topic_tags:\n  oil-gas: [oil and gas]\n  energy: 5\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(tmp_path)
    assert any(p.startswith(f"{tmp_path / 'en.yaml'}:3:") and "topic_tags.energy" in p for p in err.value.problems)


@pytest.mark.parametrize(("question", "money"), [
    ("What yearly rent, in US dollars, was agreed for Baikonur?", True),
    ("do people pay Russia in tenge or roubles?", False),
])
def test_a_sum_asked_in_one_currency_is_still_a_sum(question: str, money: bool) -> None:
    """"What annual rent, in US dollars": the currency says the unit of the sum asked; two currencies ask which."""
    assert ("money" in parse_query(question).intents) is money
