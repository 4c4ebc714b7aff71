"""Russian stems, brand keys and snippets, independent of any backend."""

from search import text


def variants(query):
    return [term.variants for term in text.query_terms(query)]


def matches(query, page_text):
    tokens = text.index_tokens(page_text)
    return all(any(text.term_matches(t, term) for t in tokens) for term in text.query_terms(query))


def test_inflections_share_a_stem():
    assert text.stem("наставника") == text.stem("наставник")
    assert text.stem("дашборды") == text.stem("дашборд")
    assert matches("обратной связи", "Обратная связь старшим")
    assert matches("обратная связь", "как дать обратную связь")


def test_lemmas_join_what_stems_split():
    # Snowball cuts «станка» to «станк» but «станок» to «станок»; the lemma joins them.
    assert text.stem("станка") != text.stem("станок")
    assert matches("станка", "Ремонт станок")
    assert matches("терминале", "MES-терминал участка")


def test_latin_and_cyrillic_brands_share_a_key():
    assert matches("кайтен", "Kaiten")
    assert matches("kaiten", "Кайтен на участке")
    assert "bitrix" in text.index_tokens("Битрикс24")
    assert variants("мой офис") == [(("myoffice", True),)]
    assert "1c" in text.index_tokens("1С:ERP")


def test_short_words_match_whole_tokens_only():
    # An abbreviation or a short stem does not match the start of longer words.
    assert matches("ОС", "ОС после встречи")
    assert not matches("ос", "Основы фасилитации и остановка стана")
    assert not matches("план", "Планёрка и планирование смены")
    assert matches("плана", "Выполнение плана")
    assert matches("5С", "Обход 5С на участке")
    assert not matches("5с", "Лимит 5 карточек")
    # A long enough stem still finds longer forms.
    assert matches("фасилит", "Основы фасилитации")


def test_stop_words_dropped_unless_alone():
    assert [t.word for t in text.query_terms("как сделать отчёт в datalens")] == [
        "отчет",
        "datalens",
    ]
    assert [t.word for t in text.query_terms("как")] == ["как"]


def test_query_is_bounded():
    assert len(text.clean_query("а" * 5000)) == text.MAX_QUERY_CHARS
    assert len(text.query_terms("слово " * 50)) <= text.MAX_TERMS
    assert text.clean_query("\x00abc\u202e") == "abc"


def test_snippet_escapes_and_marks():
    html = text.snippet("<script>Наставник</script> даёт связь", text.query_terms("наставника"))
    assert html.startswith("&lt;script&gt;<mark>Наставник</mark>")


def test_edit_distance():
    assert text.edit_distance("наставнек", "наставник") == 1
    assert text.edit_distance("потрал", "портал") == 1  # neighbours swapped: one edit
    assert text.edit_distance("abc", "xyzabc", limit=2) == 3
