"""Russian stems, brand keys and snippets, independent of any backend."""

from search import text


def test_inflections_share_a_stem():
    assert text.stem("наставника") == text.stem("наставник")
    assert text.stem("дашборды") == text.stem("дашборд")
    assert text.query_terms("обратной связи") == text.query_terms("обратная связь")


def test_latin_and_cyrillic_brands_share_a_key():
    assert text.latin_key(text.stem("кайтен")) in text.index_tokens("Kaiten")[0]
    assert "bitrix" in text.index_tokens("Битрикс24")
    assert ("myoffice",) in text.query_terms("мой офис")
    assert "1c" in text.index_tokens("1С:ERP")


def test_stop_words_dropped_unless_alone():
    assert text.query_terms("как сделать отчёт в datalens") == [
        ("otchet", "отчет"),
        ("datalens",),
    ]
    assert text.query_terms("как") == [("kak", "как")]


def test_query_is_bounded():
    assert len(text.clean_query("а" * 5000)) == text.MAX_QUERY_CHARS
    assert len(text.query_terms("слово " * 50)) <= text.MAX_TERMS
    assert text.clean_query("\x00abc\u202e") == "abc"


def test_snippet_escapes_and_marks():
    html = text.snippet("<script>Наставник</script> даёт связь", text.query_terms("наставника"))
    assert html.startswith("&lt;script&gt;<mark>Наставник</mark>")


def test_edit_distance():
    assert text.edit_distance("наставнек", "наставник") == 1
    assert text.edit_distance("abc", "xyzabc", limit=2) == 3
