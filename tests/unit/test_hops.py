"""Questions that name their year by an event are split into the event and what is asked of it; "which
came first?" into its two events."""

from __future__ import annotations

import pytest

from bot.engine.hops import YearHop, and_pairs, anniversary_back, day_hop, earlier_pair, or_halves, or_pair, two_events, year_hop


@pytest.mark.parametrize(("question", "want"), [
    ("What was trade turnover three years after the Customs Union started?",
     YearHop("the Customs Union started", "What was trade turnover", 3)),
    ("Two years before the Eternal Friendship declaration, which convention did the governments adopt?",
     YearHop("the Eternal Friendship declaration", "which convention did the governments adopt?", -2)),
    ("Каким был товарооборот через 2 года после создания Таможенного союза?",
     YearHop("создания Таможенного союза", "Каким был товарооборот", 2)),
    ("Какой договор подписали за шесть лет до Декларации о вечной дружбе?",
     YearHop("Декларации о вечной дружбе", "Какой договор подписали", -6)),
    ("Ресей Қазақстанды танығаннан кейін үш жылдан соң Назарбаев Ресейге қашан барды?",
     YearHop("Ресей Қазақстанды танығаннан", "Назарбаев Ресейге қашан барды?", 3)),
    ("Кеден одағы құрылғаннан бір жыл бұрын шекараға қандай белгі қойылды?",
     YearHop("Кеден одағы құрылғаннан", "шекараға қандай белгі қойылды?", -1)),
    ("Дипломатиялық қатынас орнағаннан кейін 21 жыл өткенде қандай шарт жасалды?",
     YearHop("Дипломатиялық қатынас орнағаннан", "қандай шарт жасалды?", 21)),
    ("Şekara belgısı qoiylğannan keiın 13 jyl ötken soñ qañtarda ne boldy?",
     YearHop("Şekara belgısı qoiylğannan", "qañtarda ne boldy?", 13)),
    ("Байқоңыр келісімі жасалған жылдан кейінгі жылдың қаңтарында не болды?",
     YearHop("Байқоңыр келісімі жасалған", "қаңтарында не болды?", 1)),
    ("Кеден одағы іске қосылғаннан соң келесі жылы экспорт қанша болды?",
     YearHop("Кеден одағы іске қосылғаннан", "экспорт қанша болды?", 1)),
    ("In the year Yeltsin won the first election, when did Russia recognise Kazakhstan?",
     YearHop("Yeltsin won the first election", "when did Russia recognise Kazakhstan?", 0)),
    ("What was the trade turnover in the year after the Customs Union started?",
     YearHop("the Customs Union started", "What was the trade turnover", 1)),
    ("Каким был товарооборот через год после создания Таможенного союза?",
     YearHop("создания Таможенного союза", "Каким был товарооборот", 1)),
    ("Кеден одағы жұмыс істей бастағаннан кейінгі жылы сауда айналымы қанша болды?",
     YearHop("Кеден одағы жұмыс істей бастағаннан", "сауда айналымы қанша болды?", 1)),
    ("Каким был товарооборот РК и РФ в год, следующий за запуском Таможенного союза?",
     YearHop("запуском Таможенного союза", "Каким был товарооборот РК и РФ", 1)),
    ("Сколько составил экспорт в год, предшествовавший созданию Таможенного союза?",
     YearHop("созданию Таможенного союза", "Сколько составил экспорт", -1)),
    ("Кеден одағы жұмысын бастаған жылдың келесі жылында сауда қанша пайызға өсті?",
     YearHop("Кеден одағы жұмысын бастаған", "сауда қанша пайызға өсті?", 1)),
    ("в год когда ельцин выиграл первые выборы какого числа россия признала казахстан",  # typed without a comma
     YearHop("ельцин выиграл первые выборы", "какого числа россия признала казахстан", 0)),
    ("Какой объём экспорта был в том году, когда товарооборот достиг 23,8 млрд долларов?",  # a decimal comma
     YearHop("товарооборот достиг 23,8 млрд долларов", "Какой объём экспорта был", 0)),
    ("Kedendik odaq qūrylğannan keiıngı jyly sauda qanşa boldy?",
     YearHop("Kedendik odaq qūrylğannan", "sauda qanşa boldy?", 1)),
    # the month too: the event's own ("в том же месяце", "орнаған айда"), or a month of its year, kept for the asked part
    ("Где встречались президенты в том же месяце и году, когда установили дипотношения?",
     YearHop("установили дипотношения", "Где встречались президенты", 0, same_month=True)),
    ("Where did the presidents meet in the same month that diplomatic relations were established?",
     YearHop("diplomatic relations were established", "Where did the presidents meet", 0, same_month=True)),
    ("Дипломатиялық қатынастар орнаған айда президенттер қай қалада кездесті?",
     YearHop("Дипломатиялық қатынастар орнаған", "президенттер қай қалада кездесті?", 0, same_month=True)),
    ("куда ездил токаев в ноябре того же года когда одкб вводила миротворцев",
     YearHop("одкб вводила миротворцев", "куда ездил токаев in ноябре?", 0)),
    ("Ельцин Алматыға келген жылдың шілдесінде қандай декларацияға қол қойылды?",
     YearHop("Ельцин Алматыға келген", "қандай декларацияға қол қойылды in шілдесінде?", 0)),
    ("Ельцин сайлауда жеңген жылы, Ресей Қазақстанды қашан таныды?",
     YearHop("Ельцин сайлауда жеңген", "Ресей Қазақстанды қашан таныды?", 0)),
    ("Кеден одағы құрылған жылы екі елдің саудасы қанша болды?",  # no comma after "жылы"
     YearHop("Кеден одағы құрылған", "екі елдің саудасы қанша болды?", 0)),
    ("Кеден одағы құрылған жылдың келесі жылы сауда қанша болды?",
     YearHop("Кеден одағы құрылған", "сауда қанша болды?", 1)),
    ("В год, когда начал работать союз России, Казахстана и Беларуси, каким был товарооборот?",
     YearHop("начал работать союз России, Казахстана и Беларуси", "каким был товарооборот?", 0)),
    ("В тот год, когда заработал Таможенный союз, какой был объём торговли?",
     YearHop("заработал Таможенный союз", "какой был объём торговли?", 0)),
    ("какой договор подписали на следующий год после того как рф признала казахстан",
     YearHop("рф признала казахстан", "какой договор подписали", 1)),
    ("Eltsin prezident bolyp sailangan zhyldyn sonynda Resei Qazaqstandy qai kuni tanydy?",  # late in that year
     YearHop("Eltsin prezident bolyp sailangan", "Resei Qazaqstandy qai kuni tanydy?", 0)),
    ("Who was Russia's president when the Caspian seabed was divided?",
     YearHop("the Caspian seabed was divided", "Who was Russia's president", 0)),
    ("Кто был президентом России, когда подписали соглашение о дне Каспия?",
     YearHop("подписали соглашение о дне Каспия", "Кто был президентом России", 0)),
    ("Каспий түбі туралы келісімге қол қойылған кезде Ресей президенті кім болды?",
     YearHop("Каспий түбі туралы келісімге қол қойылған", "Ресей президенті кім болды?", 0)),
    ("What was trade turnover in the first full year after the Customs Union started?",
     YearHop("the Customs Union started", "What was trade turnover", 1)),
    ("How much was trade in the year the Customs Union of Russia, Kazakhstan and Belarus began operating?",
     YearHop("the Customs Union of Russia, Kazakhstan and Belarus began operating", "How much was trade", 0)),
    ("Мәңгілік достық декларациясынан екі жыл кейін шекарада не аяқталды?",
     YearHop("Мәңгілік достық декларациясынан", "шекарада не аяқталды?", 2)),
    ("В тот самый год, когда заработал Таможенный союз, каким был товарооборот?",
     YearHop("заработал Таможенный союз", "каким был товарооборот?", 0)),
    ("Кеден одағы құрылғаннан он жыл бұрын не болды?",  # "он": ten, in Kazakh
     YearHop("Кеден одағы құрылғаннан", "не болды?", -10)),
    ("Каким был товарооборот в год подписания Декларации о вечной дружбе?",  # "в год" + a genitive
     YearHop("подписания Декларации о вечной дружбе", "Каким был товарооборот", 0)),
    ("In the first half of the year the Customs Union started, how much did trade grow?",  # a lead-in before the marker
     YearHop("the Customs Union started", "how much did trade grow in the first half?", 0)),
    ("Exports the year after the Customs Union began?",  # one word asks: the topic alone
     YearHop("the Customs Union began", "Exports", 1)),
    ("Импорт в год создания Таможенного союза?",
     YearHop("создания Таможенного союза", "Импорт", 0)),
    ("Keden odaghy qurylghan zhyly sauda qansha boldy?",  # informal Latin writes ғ as "gh"
     YearHop("Keden odaghy qurylghan", "sauda qansha boldy?", 0)),
    ("Примерно через год после подписания Договора о дружбе какой визит состоялся?",  # a hedge is no topic
     YearHop("подписания Договора о дружбе", "какой визит состоялся?", 1)),
    ("Roughly a year after the Customs Union began which summit took place?",
     YearHop("the Customs Union began", "which summit took place?", 1)),
])
def test_the_event_and_the_asked_part_are_found_in_each_language(question: str, want: YearHop) -> None:
    assert year_hop(question) == want


@pytest.mark.parametrize("question", ["When was the treaty signed?", "trade 2011", "2011 жылы сауда қанша болды?",
                                      "2013 жылы қол қойылған шарт қалай аталады?",
                                      "in the year 2011, trade?", "Which the year after the Customs Union began?",
                                      "Сколько тонн нефти в год прокачивают через КТК?",  # a rate per year
                                      "Which treaty, signed in the year of the Customs Union, was it?"])
def test_an_ordinary_question_is_not_split(question: str) -> None:
    assert year_hop(question) is None


@pytest.mark.parametrize(("question", "pair"), [
    ("How many years passed between the Treaty of Friendship, Cooperation and Mutual Assistance and the 2013 treaty?",
     ("the Treaty of Friendship, Cooperation and Mutual Assistance", "the 2013 treaty")),
    ("Через сколько лет после установления дипломатических отношений был подписан Договор о добрососедстве?",
     ("установления дипломатических отношений", "был подписан Договор о добрососедстве")),
    ("1992 jylğy Dostyq şartynan Tatu körşılık turaly şartqa deiın neşe jyl ötken?",
     ("1992 jylğy Dostyq şartynan", "Tatu körşılık turaly şartqa")),
    ("Декларация қабылданғаннан кейін неше жылдан соң мерекеге ресми атау берілді?",
     ("Декларация қабылданғаннан", "мерекеге ресми атау берілді")),
    ("Ресейдің Қазақстанды тануы мен Қазақстанның Ресейді тануы арасында қанша уақыт өтті?",
     ("Ресейдің Қазақстанды тануы", "Қазақстанның Ресейді тануы")),
])
def test_two_events_to_count_the_years_between_are_found(question: str, pair: tuple[str, str]) -> None:
    """Every "and" of a "between" is a way to split; the right one is among them."""
    assert pair in two_events(question)


def test_a_question_naming_one_event_has_no_two_events() -> None:
    assert two_events("When was the Baikonur lease signed?") == []


@pytest.mark.parametrize(("question", "event", "offset"), [
    ("In the year of the 30th anniversary of diplomatic relations, which month did Tokayev visit Moscow?",
     "of diplomatic relations", 30),
    ("В каком месяце Токаев приезжал в Москву в год 30-летия дипломатических отношений?",
     "дипломатических отношений", 30),
    ("Дипломатиялық қатынастардың орнағанына 30 жыл толған жылы Тоқаев Мәскеуге қай айда барды?",
     "Дипломатиялық қатынастардың орнаған", 30),
    ("Diplomatiyalyq qatynastar ornaganyna 30 jyl tolgan jyly Toqaev Maskeuge qai aida bardy?",
     "Diplomatiyalyq qatynastar ornagan", 30),
])
def test_an_anniversary_inside_the_event_adds_its_years(question: str, event: str, offset: int) -> None:
    hop = year_hop(question)
    assert hop is not None and " ".join(hop.event.split()) == event and hop.offset == offset


@pytest.mark.parametrize(("question", "pair"), [
    ("Which came first, the Baikonur lease or the Customs Union?", ("the Baikonur lease", "the Customs Union")),
    ("Что было раньше: договор о дружбе или установление дипотношений? И на сколько?",
     ("договор о дружбе", "установление дипотношений")),
    ("Қайсысы бұрын болды: Кеден одағы ма, әлде Байқоңыр жалдауы ма?", ("Кеден одағы", "Байқоңыр жалдауы")),
    ("Қайсысы бірінші болды: Кеден одағы ма, әлде Байқоңыр жалдауы ма?", ("Кеден одағы", "Байқоңыр жалдауы")),
    ("What did Russia export?", None),
    ("Что раньше: договор?", None),
])
def test_which_came_first_names_two_events(question: str, pair: tuple[str, str] | None) -> None:
    assert earlier_pair(question) == pair


@pytest.mark.parametrize(("question", "want"), [
    ("What grew faster in 2011, trade or exports?", ("What grew faster in 2011", "trade", "exports")),
    ("2011 jyly qaisysy tezırek östı: Reseige eksport pa, älde jalpy sauda ma?",
     ("2011 jyly qaisysy tezırek östı", "Reseige eksport", "jalpy sauda")),
    ("Что выросло сильнее в 2011 году: экспорт или товарооборот?",
     ("Что выросло сильнее в 2011 году", "экспорт", "товарооборот")),
    ("trade or exports", None),  # no head: nothing says what is compared
    ("which grew faster in 2011 kazakh exports or total trade",  # no comma: the head ends at its year
     ("which grew faster in 2011", "kazakh exports", "total trade")),
    ("was Yeltsin in Almaty in 1998 or in 1999", None),
])
def test_two_measures_set_against_each_other_are_split_from_their_head(question: str,
                                                                       want: tuple[str, str, str] | None) -> None:
    assert or_pair(question) == want


def test_a_question_for_either_of_two_things_splits_at_its_or() -> None:
    assert or_halves("Казакстан кандай ресейлик аншилердин концертин болдырмады немесе елге киргизбеди?") == \
        ("Казакстан кандай ресейлик аншилердин концертин болдырмады", "елге киргизбеди")
    assert or_halves("trade or exports") is None  # a half of one word asks nothing of its own


@pytest.mark.parametrize(("question", "want"), [
    ("What else was agreed on the same day as the Caspian seabed deal?", ("the Caspian seabed deal", "What else was agreed")),
    ("Что подписали в тот же день, когда была принята Декларация о вечной дружбе?",
     ("была принята Декларация о вечной дружбе", "Что подписали")),
    ("Что подписали в один день с Декларацией о вечной дружбе?", ("Декларацией о вечной дружбе", "Что подписали")),
    ("Каспий түбін бөлу келісімімен бір күнде тағы не қабылданды?", ("Каспий түбін бөлу келісімі", "тағы не қабылданды?")),
    ("Декларация қабылданған күні тағы не болды?", ("Декларация қабылданған", "тағы не болды?")),
    ("Шартқа қол қойылған күні екі президент тағы не келісті?", ("Шартқа қол қойылған", "екі президент тағы не келісті?")),
    ("Deklaratsiia qabyldanghan kuni tagy ne boldy?", ("Deklaratsiia qabyldanghan", "tagy ne boldy?")),
    ("Декларацияға қол қойылған күні екі ел басшылары Каспий бойынша тағы қандай келісімге қол қойды?",
     ("Декларацияға қол қойылған", "екі ел басшылары Каспий бойынша тағы қандай келісімге қол қойды?")),
])
def test_a_day_named_by_an_event_splits_into_the_event_and_what_is_asked(question: str, want: tuple[str, str]) -> None:
    assert day_hop(question) == want


@pytest.mark.parametrize("question", ["В какой день подписали договор?", "Декларация қабылданған күні қай күн?",
                                      "On which day was the declaration signed?"])
def test_a_question_asking_a_day_names_none_by_an_event(question: str) -> None:
    assert day_hop(question) is None


@pytest.mark.parametrize(("question", "event", "ask", "offset"), [
    ("three years after the Baikonur lease was signed how big was the trade turnover",
     "the Baikonur lease was signed", "how big was the trade turnover", 3),
    ("в тот год когда назарбаев впервые официально поехал в россию чё подписали по байконуру",
     "назарбаев впервые официально поехал в россию", "чё подписали по байконуру", 0),
    ("Что Казахстан ужесточил ровно за год до запрета на въезд Тине Канделаки?",
     "запрета на въезд Тине Канделаки", "Что Казахстан ужесточил", -1),
    ("кеден одагы иске коскан келеси жылы экспорт канша пайызга ости", "кеден одагы иске коскан",
     "экспорт канша пайызга ости", 1),
])
def test_the_asked_part_opens_with_any_question_word_and_exactly_belongs_to_the_marker(
        question: str, event: str, ask: str, offset: int) -> None:
    """"how big", "чё" open the asked part with no comma before it; "ровно за год до" is a year before."""
    assert year_hop(question) == YearHop(event, ask, offset)


def test_a_question_word_before_a_comma_is_the_asked_parts_own() -> None:
    """"В каком году, через 21 год после …, подписали …?": the lead asks, so it goes with the asked part; "21 год"
    counts years as "21 года" would."""
    assert year_hop("В каком году, через 21 год после установления дипотношений, главы государств подписали договор?") == \
        YearHop("установления дипотношений", "главы государств подписали договор в каком году?", 21)


def test_a_year_named_as_the_event_is_the_year_itself() -> None:
    """"… в первой половине года, следующего за 1997-м": no event to find, the year is 1997 plus one."""
    assert year_hop("На сколько вырос товарооборот в первой половине года, следующего за 1997-м?") == \
        YearHop("1997", "На сколько вырос товарооборот в первой половине", 1)


def test_the_month_after_an_event_is_asked_of_the_next_year_in_that_month() -> None:
    assert year_hop("In the March after the Customs Union started, what did Nazarbayev sign in Moscow?") == \
        YearHop("the Customs Union started", "what did Nazarbayev sign in Moscow in March?", 1)


def test_an_address_before_the_question_does_not_hide_the_event() -> None:
    """"Скажите, пожалуйста, …" puts commas before the asked part, which the patterns keep free of them."""
    assert year_hop("Скажите, пожалуйста, каков был товарооборот за год до того, как Ельцин приехал в Алма-Ату?") == \
        YearHop("Ельцин приехал в Алма-Ату", "каков был товарооборот", -1)


def test_a_leading_year_is_not_dropped_as_an_address() -> None:
    """Dropped, "В 1998," would leave "за год до визита Ельцина, что подписали?", which names its year by the visit."""
    assert year_hop("за год до визита Ельцина, что подписали?") is not None
    assert year_hop("В 1998, за год до визита Ельцина, что подписали?") is None


@pytest.mark.parametrize(("question", "hop"), [
    ("Some eight months after the peacekeepers arrived, where did Tokayev go?",
     YearHop("the peacekeepers arrived", "where did Tokayev go?", 0, months=8)),
    ("Precisely two years after the lease was signed, what did the presidents sign?",
     YearHop("the lease was signed", "what did the presidents sign?", 2)),
    ("Ровно через год после визита Ельцина, что подписали?", YearHop("визита Ельцина", "что подписали?", 1)),
    ("Декларация қабылданғаннан кейін дәл екі жылдан соң не болды?", YearHop("Декларация қабылданғаннан", "не болды?", 2)),
])
def test_exactly_or_some_before_a_count_belongs_to_the_marker(question: str, hop: YearHop) -> None:
    assert year_hop(question) == hop


@pytest.mark.parametrize(("question", "hop"), [
    ("Что подписали в Москве месяца через два после визита Ельцина?",
     YearHop("визита Ельцина", "Что подписали в Москве", 0, months=2)),
    ("Какой визит был года через три после Договора о дружбе?",
     YearHop("Договора о дружбе", "Какой визит был", 3)),
])
def test_a_count_said_after_the_unit_is_still_a_hop(question: str, hop: YearHop) -> None:
    """"месяца через два после …" is Russian for "about two months after …": the count follows its unit."""
    assert year_hop(question) == hop


def test_a_season_between_commas_after_the_event_is_asked_of_the_hopped_year() -> None:
    hop = year_hop("Two years before the Baikonur lease was signed, in autumn, the two presidents met in a northern town. "
                   "Which town was it?")
    assert hop is not None and hop.event == "the Baikonur lease was signed" and hop.ask.startswith("in autumn, ")
    assert hop.offset == -2


@pytest.mark.parametrize(("question", "months"), [
    ("Қостанайдағы бірлескен дизель кәсіпорны туралы келісімнен жарты жылдай кейін қандай конвенция қабылданды?", 6),
    ("Half a year after the Kostanay diesel joint venture agreement, which convention was signed?", 6),
    ("Какую конвенцию подписали через полгода после соглашения о дизельном заводе?", 6),
    ("Astanadağy aimaqaralyq forumnan bir ai būryn Tokaev pen Putin qaida kezdesti?", -1),
    ("A month before the Astana interregional forum, where did Tokayev and Putin meet?", -1),
    ("За месяц до форума в Астане где встречались Токаев и Путин?", -1),
])
def test_half_a_year_after_and_a_month_before_are_month_hops(question: str, months: int) -> None:
    """Half a year is six months on; "before" moves the event's month back."""
    hop = year_hop(question)
    assert hop is not None and hop.months == months and hop.offset == 0


@pytest.mark.parametrize(("question", "want"), [
    ("В каком году подписали договор, о десятилетии которого Токаев говорил Путину в ноябре 2023-го?",
     "В каком году подписали договор, которого Токаев говорил Путину в ноябре 2013-го?"),
    ("When was the treaty signed whose tenth anniversary Tokayev mentioned in 2023?",
     "When was the treaty signed which Tokayev mentioned in 2013?"),
    ("Which treaty, the 20th anniversary of which was marked in 2018, was signed when?",
     "Which treaty, which was marked in 1998, was signed when?"),
])
def test_an_anniversary_spoken_of_in_a_year_dates_its_event_that_many_years_before(question: str, want: str) -> None:
    assert anniversary_back(question) == want


@pytest.mark.parametrize("question", ["Когда отмечали 30-летие дипломатических отношений?",
                                      "Whose tenth anniversary fell in 2023 and in 2024?",
                                      "What happened on the tenth anniversary of the treaty?"])
def test_no_anniversary_clause_or_no_single_year_leaves_the_question(question: str) -> None:
    assert anniversary_back(question) is None


@pytest.mark.parametrize(("question", "first"), [
    ("2011 жылы экспорт өсімі мен сауда айналымының өсімін салыстыр",
     ("2011", "2011 жылы экспорт өсімі", "сауда айналымының өсімін салыстыр")),
    ("Сравните рост товарооборота и рост экспорта в 2011 году",
     ("2011", "Сравните рост товарооборота", "рост экспорта в 2011 году")),
    ("Compare the share in all trade in 2011 with the share in EAEU trade",
     ("", "Compare the share in all trade in 2011", "the share in EAEU trade")),
])
def test_and_pairs_give_both_measures_and_the_years_said_of_both(question: str, first: tuple[str, str, str]) -> None:
    assert and_pairs(question)[0] == first


def test_and_pairs_need_two_words_a_side() -> None:
    assert and_pairs("Compare exports and imports") == []
