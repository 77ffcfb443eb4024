"""Kazakh Cyrillic ⇄ Latin transliteration: letters move, markup, links and digits never do."""

from __future__ import annotations

import pytest

from bot.script import (
    formal_words,
    is_latin,
    latin_reply,
    latin_share,
    to_cyrillic,
    to_latin,
    to_plain_latin,
    typed_plainly,
    writes_dotted_i,
)

# --- to_latin --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Қазақстан", "Qazaqstan"),
    ("шекара", "şekara"),
    ("Байқоңыр", "Baiqoñyr"),
    ("тәуелсіздік", "täuelsızdık"),
    ("ұзындығы", "ūzyndyğy"),
    ("үкімет", "ükımet"),
    ("өңір", "öñır"),
    ("Ресей", "Resei"),
    ("жылы", "jyly"),
    ("шешім", "şeşım"),
    ("чемпионат", "çempionat"),
    ("Федерация", "Federatsiia"),
    ("Щучинск", "Şşuçinsk"),
    ("объект", "obekt"),
    ("медаль", "medal"),
    ("ёлка", "iolka"),
    ("Юрий", "İurii"),
    ("экономика", "ekonomika"),
    ("Һ һ Х х", "H h H h"),
])
def test_to_latin_letters(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("ЕАЭО", "EAEO"),
    ("ҰҚШҰ", "ŪQŞŪ"),
    ("ЮНЕСКО", "İUNESKO"),
    ("ЦСКА", "TSSKA"),
    ("ЩЦ", "ŞŞTS"),
    ("Цой", "Tsoi"),
    ("Ядро", "İadro"),
    ("Я", "İa"),
    ("І", "I"),
    ("И", "İ"),
    ("Іле", "Ile"),
    ("Ирина", "İrina"),
    ("ҚАЗАҚСТАН", "QAZAQSTAN"),
    ("ЕАЭО-ға", "EAEO-ğa"),
])
def test_to_latin_keeps_capitalisation(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize("text", [
    "",
    "Kazakhstan and Russia, 1992 [1] — 7 548 km!",
    '<a href="https://example.org/x?a=1&amp;b=2">link</a>',
    "12.10.1992 · № 5 · 100 % · 😀",
])
def test_to_latin_leaves_non_cyrillic_alone(text: str) -> None:
    assert to_latin(text) == text


def test_to_latin_spares_tags_urls_and_digits() -> None:
    html = '<b>Қазақстан</b> <a href="https://kk.wikipedia.org/wiki/Қазақстан">Қазақстан</a> [1] 1992 ж.'
    assert to_latin(html) == '<b>Qazaqstan</b> <a href="https://kk.wikipedia.org/wiki/Қазақстан">Qazaqstan</a> [1] 1992 j.'
    assert to_latin("Дереккөз: https://ru.wikipedia.org/wiki/Казахстан.") == "Derekköz: https://ru.wikipedia.org/wiki/Казахстан."


def test_to_latin_composes_decomposed_letters() -> None:
    assert to_latin("Ресеи\u0306") == "Resei"  # й typed as и + combining breve


def test_a_latin_reply_glosses_each_organisation_once_with_its_international_abbreviation() -> None:
    text = "Мәскеуде ҰҚШҰ мен ЕурАзЭҚ саммиттері өтті; ҰҚШҰ туралы. <b>ШЫҰ</b> ТМД. Еуразиялық экономикалық одақ (ЕАЭО)"
    assert latin_reply(text) == ("Mäskeude ŪQŞŪ (CSTO) men EurAzEQ (EurAsEC) sammitterı öttı; ŪQŞŪ turaly. "
                                 "<b>ŞYŪ (SCO)</b> TMD (CIS). Euraziialyq ekonomikalyq odaq (EAEO, EAEU)")
    assert latin_reply("Қазақстан мен Ресей") == to_latin("Қазақстан мен Ресей")
    assert latin_reply(latin_reply(text)) == latin_reply(text)  # a body glossed, then the whole message


# --- to_cyrillic -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Qazaqstan", "Қазақстан"),
    ("Kazakhstan", "Казахстан"),
    ("Resei", "Ресей"),
    ("şekara", "шекара"),
    ("shekara", "шекара"),
    ("uzyndygy", "узындыгы"),
    ("ūzyndyğy", "ұзындығы"),
    ("qarym-qatynas", "қарым-қатынас"),
    ("Baiqoñyr", "Байқоңыр"),
    ("jyly", "жылы"),
    ("sauda", "сауда"),
    ("aınalymy", "айналымы"),
    ("ainalymy", "айналымы"),
    ("qanşa", "қанша"),
    ("qansha", "қанша"),
    ("qaşan", "қашан"),
    ("qashan", "қашан"),
    ("täuelsızdık", "тәуелсіздік"),
    ("Nazarbaev", "Назарбаев"),
])
def test_to_cyrillic_known_words(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Tokayev", "Токаев"),              # ye after a vowel is е
    ("Yerlan", "Ерлан"),                # and at a word start
    ("Baykonur", "Байконур"),           # y after a vowel is й …
    ("auyl", "ауыл"),                   # … but not after u
    ("jiyrma", "жиырма"),               # … nor after i
    ("yoq", "йоқ"),                     # y before a vowel at a word start
    ("Rossiya", "Россия"),
    ("Yuri", "Юри"),
    ("zhol", "жол"),
    ("chempionat", "чемпионат"),
    ("ghalym", "ғалым"),
    ("Federatsiia", "Федерация"),       # ts before i is ц …
    ("tsentr", "центр"),                # … and at a word start
    ("bitse", "бітсе"),                 # … otherwise т + с
    ("Qazaqstannyng", "Қазақстанның"),  # casual -ng at a word end is ң
    ("Qazaqstanga", "Қазақстанга"),     # but not inside a word
    ("bilim", "білім"),                 # casual i is і in a word without back vowels …
    ("diplomatia", "дипломатия"),       # … и otherwise; casual "ia" after a consonant is ия
    ("Rossiia", "Россия"),
    ("Rossia", "Россия"),
    ("Iaponiia", "Япония"),
    ("prezidenti", "президенті"),       # known loanwords keep и
    ("Putinmen", "Путинмен"),
    ("wax", "уах"),
    ("ce", "се"),
    ("áýe ǵ ń ó ú", "әуе ғ ң ө ү"),     # 2018 alphabet letters
])
def test_to_cyrillic_casual_and_contextual_rules(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("QAZAQSTAN", "ҚАЗАҚСТАН"),
    ("SHEKARA", "ШЕКАРА"),
    ("Shekara", "Шекара"),
    ("SHekara", "Шекара"),
    ("QR", "ҚР"),
    ("EAEO-ğa", "ЕАЕО-ға"),
    ("İrina", "Ирина"),
    ("Ile ölkesı", "Іле өлкесі"),       # in 2021 text I is the capital of ı (і)
    ("Ile", "Іле"),                     # casual front word
    ("Iran", "Иран"),                   # casual back word
])
def test_to_cyrillic_keeps_capitalisation(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


def test_to_cyrillic_2021_text_reads_i_as_и() -> None:
    # A writer who has ı writes і as ı, so a plain i is и even in a front-vowel word.
    assert to_cyrillic("ministr şeşımı") == "министр шешімі"
    assert to_cyrillic("Prezident bılımı") == "Президент білімі"
    assert to_cyrillic("Timur") == "Тімур"  # casual: front word, i read as і (a tolerated slip)


def test_to_cyrillic_mixed_styles_in_one_text() -> None:
    assert to_cyrillic("Qazaqstannyñ Resei Federatsiiasymen şekarasy qansha?") == (
        "Қазақстанның Ресей Федерациясымен шекарасы қанша?")
    assert to_cyrillic("Baiqoñyr qashan jalğa berıldı?") == "Байқоңыр қашан жалға берілді?"


@pytest.mark.parametrize("text", [
    "",
    "Қазақстан мен Ресей, 1992 [1]",
    "12.10.1992 · № 5 · 100 % · 😀 — «?!»",
])
def test_to_cyrillic_leaves_non_latin_alone(text: str) -> None:
    assert to_cyrillic(text) == text


def test_to_cyrillic_spares_markup_links_and_digits() -> None:
    text = ('<a href="https://kk.wikipedia.org/wiki/Qazaqstan">Qazaqstan</a> &amp; &#169; [1] 1992 jyly, '
            "www.akorda.kz, info@mfa.kz, @kzru_bot /ask Resei?")
    assert to_cyrillic(text) == (
        '<a href="https://kk.wikipedia.org/wiki/Qazaqstan">Қазақстан</a> &amp; &#169; [1] 1992 жылы, '
        "www.akorda.kz, info@mfa.kz, @kzru_bot /ask Ресей?")


def test_to_cyrillic_mixed_script_word_and_decomposed_letters() -> None:
    assert to_cyrillic("Qазақстан") == "Қазақстан"
    assert to_cyrillic("ta\u0308uelsızdık") == "тәуелсіздік"  # ä typed as a + combining diaeresis


# --- round trip ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Қазақстан мен Ресей арасындағы дипломатиялық қатынастар 22 қазан 1992 жылы орнады",
    "Екі ел арасындағы сауда айналымы қанша?",
    "Тәуелсіздік күні 16 желтоқсанда аталып өтеді.",
    "Шекараның ұзындығы 7548 км, ол әлемдегі ең ұзын құрлық шекарасы.",
    "ҚР Президенті Мәскеуге барды; ҰҚШҰ мен ТМД туралы келісім жасалды.",
    "Байқоңыр ғарыш айлағы қай жылдан бері жалға берілген?",
    "Оқиға туралы <b>қысқаша</b>: https://kk.wikipedia.org/wiki/Қазақстан [2]",
])
def test_round_trip(sentence: str) -> None:
    assert to_cyrillic(to_latin(sentence)) == sentence


def test_round_trip_of_single_words() -> None:
    words = "шекара қарым-қатынас жылы сауда қанша қашан тәуелсіздік күні өңір үкімет жиырма ауыл оқиға ЕҚЫҰ"
    for word in words.split():
        assert to_cyrillic(to_latin(word)) == word


# --- detection -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "share"), [
    ("Qazaqstan", 1.0),
    ("Қазақстан", 0.0),
    ("", 0.0),
    ("1992, [1] — ?!", 0.0),
    ("ab вг", 0.5),
    ("Qazaqstan Ресей", 9 / 14),
    ("ğ ş ä ı İ", 1.0),
])
def test_latin_share(text: str, share: float) -> None:
    assert latin_share(text) == pytest.approx(share)


def test_latin_share_ignores_links_and_markup() -> None:
    assert latin_share("Шекара https://example.com/very/long/path <b>ұзындығы</b>") == 0.0
    assert latin_share('<a href="https://kk.wikipedia.org/wiki/Қазақстан">link</a>') == 1.0


@pytest.mark.parametrize(("text", "expected"), [
    ("Qazaqstan men Resei qansha?", True),
    ("Kazakhstan and Russia", True),
    ("Қазақстан мен Ресей", False),
    ("ab вг", False),                                       # a tie is not "mostly"
    ("Шекара ұзындығы qansha? https://example.com", False),
    ("", False),
    ("2024 ?!", False),
])
def test_is_latin(text: str, expected: bool) -> None:
    assert is_latin(text) is expected


@pytest.mark.parametrize(("formal", "plain"), [
    ("şılde", "shilde"),
    ("Qyrğyzstan", "Qyrgyzstan"),
    ("täuelsızdık", "tauelsizdik"),
    ("Baiqoñyr", "Baiqonyr"),
    ("ŪQŞŪ (CSTO)", "UQSHU (CSTO)"),
    ("Şanhai", "Shanhai"),
    ("2024 j. 3–4 şılde", "2024 j. 3–4 shilde"),
])
def test_plain_latin_writes_the_2021_letters_as_phone_typists_do(formal: str, plain: str) -> None:
    assert to_plain_latin(formal) == plain


def test_a_plainly_typed_question_gets_its_latin_reply_in_plain_letters() -> None:
    assert typed_plainly("qazaqstan reseige ne satady") and not typed_plainly("Qazaqstan qaşan")
    assert not typed_plainly("Қазақстан") and not typed_plainly("")
    assert latin_reply("Шілдеде ҰҚШҰ", plain=True) == "Shildede UQSHU (CSTO)"
    assert latin_reply("Шілдеде ҰҚШҰ") == "Şıldede ŪQŞŪ (CSTO)"


_WORDS = formal_words(["Медведев 2008 жылы Қазақстанға шілде айында келді", "қай айларда"])


@pytest.mark.parametrize(("question", "dotted"), [
    ("Medvedev 2008 jyly Qazaqstanğa qaı aılarda keldi? Barlyğyn atap berşi.", True),
    ("Medvedev Qazaqstanğa şilde aiynda keldi me?", True),
    ("Medvedev 2008 jyly Qazaqstanğa qai ailarda keldı?", False),
    ("Medvedev Qazaqstanğa şılde aiynda keldi me?", False),
    ("Medvedev 2008", False),
    ("Medvedev Qazaqstanğa şilde aiynda keldi me? Şılde", True),
])
def test_an_asker_who_dots_the_i_is_told_so(question: str, dotted: bool) -> None:
    """"keldi", "şilde" are 2021's "keldı", "şılde" with і dotted; as many words written as 2021 writes them ("keldı",
    "şılde") say the asker knows the 2021 letter, fewer are slips, and a question with no such word says nothing."""
    assert writes_dotted_i(question, _WORDS) is dotted


def test_a_reply_to_an_asker_who_dots_the_i_dots_it_too() -> None:
    assert latin_reply("Шілдеде келді. Ішкі нарық", dotted=True) == "Şildede keldi. Işki naryq"
    assert latin_reply("Шілдеде келді. Ішкі нарық") == "Şıldede keldı. Işkı naryq"
