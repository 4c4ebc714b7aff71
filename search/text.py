"""Russian text handling shared by every backend: tokens, stems, brand keys, snippets.

Snowball Russian stemming gives the database backends the morphology FTS5 lacks
(«наставника» and «наставник» share the stem «наставник»). A phonetic Latin key per word
lets «кайтен» find «Kaiten» and «bitrix» find «Битрикс24» on every backend; a short brand
table covers the names transliteration cannot guess («эксель» → Excel).
"""

import re
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

from django.utils.html import escape, strip_tags

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MIN_TERM_CHARS = 2
MIN_PREFIX_CHARS = 5  # a shorter stem or key matches whole tokens only
SHORT_WORD_CHARS = 4  # a word this short is also stored as written (abbreviations)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SPLIT_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_CYRILLIC = re.compile(r"[а-яё]")
_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])")

STOP_WORDS = frozenset(
    [
        "а",
        "без",
        "более",
        "бы",
        "был",
        "была",
        "были",
        "было",
        "быть",
        "в",
        "вам",
        "вас",
        "весь",
        "во",
        "вот",
        "все",
        "всего",
        "всех",
        "вы",
        "где",
        "да",
        "даже",
        "для",
        "до",
        "его",
        "ее",
        "ей",
        "ему",
        "если",
        "есть",
        "еще",
        "же",
        "за",
        "здесь",
        "и",
        "из",
        "или",
        "им",
        "их",
        "к",
        "как",
        "какой",
        "какая",
        "какие",
        "когда",
        "ко",
        "кто",
        "ли",
        "либо",
        "мне",
        "может",
        "мой",
        "мы",
        "на",
        "над",
        "надо",
        "наш",
        "не",
        "него",
        "нее",
        "нет",
        "ни",
        "них",
        "но",
        "ну",
        "о",
        "об",
        "однако",
        "он",
        "она",
        "они",
        "оно",
        "от",
        "очень",
        "по",
        "под",
        "при",
        "про",
        "с",
        "со",
        "так",
        "также",
        "такой",
        "там",
        "те",
        "тем",
        "то",
        "того",
        "тоже",
        "той",
        "только",
        "том",
        "ты",
        "у",
        "уже",
        "хотя",
        "чего",
        "чей",
        "чем",
        "что",
        "чтобы",
        "чье",
        "чья",
        "эта",
        "эти",
        "это",
        "я",
        "можно",
        "нужно",
        "ли",
        "мне",
        "сделать",
        "делать",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "is",
        "how",
        "what",
        "with",
        # words that carry no topic in a question typed into a search box
        "дать",
        "давать",
        "хочу",
        "надо",
        "нужен",
        "нужна",
        "нужны",
        "пожалуйста",
        "подскажите",
        "помогите",
        "скажите",
        "почему",
        "зачем",
        "куда",
        "откуда",
        "сколько",
        "какую",
        "каким",
        "какое",
        "каком",
        "который",
        "которые",
        "которая",
        "свой",
        "своя",
        "свою",
        "свои",
        "мою",
        "мои",
        "моя",
        "меня",
        "себя",
        "этот",
        "эту",
        "этом",
    ]
)

# Brand names transliteration cannot reach; every spelling maps to one canonical key.
BRANDS = {
    "excel": ["эксель", "ексель", "экселе", "экселя", "иксель"],
    "word": ["ворд", "ворде"],
    "powerpoint": ["поверпоинт", "пауэрпоинт"],
    "myoffice": ["мойофис", "мой офис", "майофис"],
    "r7": ["р7", "р7-офис", "r7-office"],
    "1c": ["1с", "1s", "1ц", "одинэс", "одинс"],
    "tracker": ["трекер", "трекере", "трекера"],
    "query": ["квери", "куэри"],
    "power": ["пауэр", "павер"],
    "gpt": ["гпт", "джипити"],
    "jupyter": ["юпитер", "джупитер", "юпитере"],
    "python": ["питон", "пайтон", "питоне", "питона"],
    "bitrix": ["битрикс", "битрикса", "битриксе"],
    "visiology": ["визиолоджи", "визиолоджи"],
    "teams": ["тимс", "тимз"],
    "yandexgpt": ["яндекс gpt", "яндекс гпт", "яндексгпт", "yandex gpt"],
    "gigachat": ["гига чат", "giga chat"],
    "datalens": ["data lens", "дата ленс"],
}
_BRAND_OF = {spelling: key for key, spellings in BRANDS.items() for spelling in spellings}
_BRAND_OF.update({key: key for key in BRANDS})
# Multi-word spellings («мой офис»), longest first, become one word before splitting.
_BRAND_PHRASES = sorted(
    ((p, k) for p, k in _BRAND_OF.items() if " " in p), key=lambda pk: -len(pk[0])
)

# Brand words written together whose parts people also type alone («гпт», «яндекс»).
_COMPOUNDS = {
    "yandexgpt": ("yandex", "iandeks", "gpt"),
    "gigachat": ("giga", "chat"),
    "myoffice": ("office", "ofis"),
}

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip

_stemmer = snowballstemmer.stemmer("russian")


def clean_query(raw):
    """The query as it will be searched: bounded length, printable, single-spaced."""
    text = (raw or "")[: MAX_QUERY_CHARS * 2]
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_CHARS].strip()


def normalize(text):
    return (text or "").lower().replace("ё", "е")


def words(text, keep_short_mixed=False):
    """Lower-case words; letters and digits inside one word are split («Битрикс24»).

    A short word mixing both («5С», «3d») also stays whole: in the index as well as its
    parts (``keep_short_mixed``), in a query instead of them, so «5с» finds «5С» and not
    every page with a «5» in it.
    """
    out = []
    for word in _WORD.findall(normalize(text)):
        if word in _BRAND_OF:  # «1С», «Р7» stay whole
            out.append(word)
            continue
        parts = [part for part in _SPLIT_DIGITS.split(word) if part]
        if len(parts) > 1 and len(word) <= SHORT_WORD_CHARS:
            out.append(word)
            if not keep_short_mixed:
                continue
        out.extend(parts)
    return out


def has_cyrillic(word):
    return bool(_CYRILLIC.search(word))


@lru_cache(maxsize=50_000)
def stem(word):
    """Snowball Russian stem of one lower-case word (Latin words come back unchanged)."""
    if _CYRILLIC.search(word):
        return _stemmer.stemWord(word)
    return word


@lru_cache(maxsize=1)
def _morph():
    import logging

    import pymorphy3

    logging.getLogger("pymorphy3").setLevel(logging.WARNING)
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=100_000)
def _parse(word):
    best = _morph().parse(word)[0]
    return normalize(best.normal_form), best.tag.POS


def lemma(word):
    """The dictionary form of a Russian word («станка» → «станок», «терминале» →
    «терминал»), where Snowball's stems part ways; None for other words."""
    if not _CYRILLIC.search(word) or len(word) <= SHORT_WORD_CHARS:
        return None
    return _parse(word)[0]


def part_of_speech(word):
    """The likeliest part of speech of a Russian word (OpenCorpora tag), or None."""
    if not _CYRILLIC.search(word):
        return None
    return _parse(word)[1]


@lru_cache(maxsize=50_000)
def latin_key(word):
    """A rough phonetic Latin spelling: «кайтен» and «kaiten» give the same key."""
    if word in _BRAND_OF:
        return _BRAND_OF[word]
    text = word.replace("дж", "j")
    text = "".join(_CYR_TO_LAT.get(ch, ch) for ch in text)
    for a, b in (("ch", "\x01"), ("sh", "\x02"), ("th", "t"), ("ph", "f"), ("ck", "k"),
                 ("x", "ks"), ("c", "k"), ("q", "k"), ("w", "v"), ("y", "i"), ("j", "i"),
                 ("\x01", "ch"), ("\x02", "sh")):  # fmt: skip
        text = text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", text)


def word_tokens(word):
    """The tokens one word of a page is stored as: stem, Latin key, brand key, and the word
    as written where the stem is short (an abbreviation, or a name Snowball cuts down:
    «кайтен» → «кайт»)."""
    base = stem(word)
    out = [base, latin_key(base), _BRAND_OF.get(word), lemma(word)]
    if len(word) <= SHORT_WORD_CHARS or len(base) < MIN_PREFIX_CHARS:
        out += [word, latin_key(word)]
    return [token for token in out if token]


def index_tokens(text):
    """Tokens stored for a text, de-duplicated."""
    seen = {}
    for word in words(text, keep_short_mixed=True):
        if len(word) < MIN_TERM_CHARS and not word.isdigit():
            continue
        for token in word_tokens(word):
            seen.setdefault(token, None)
    lowered = normalize(text)
    for left, right in _HYPHENATED.findall(lowered):  # «чек-лист» is also «чеклист»
        joined = stem(left + right)
        seen.setdefault(joined, None)
        seen.setdefault(latin_key(joined), None)
    for phrase, key in _BRAND_PHRASES:
        if phrase in lowered:
            seen.setdefault(key, None)
    for compound, parts in _COMPOUNDS.items():
        if compound in seen:
            for part in parts:
                seen.setdefault(part, None)
    return list(seen)


def query_words(query):
    """The words of a query that count: no stop words (unless that is all), at most MAX_TERMS."""
    lowered = " ".join(normalize(query).split())
    for phrase, key in _BRAND_PHRASES:
        lowered = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", key, lowered)
    all_words = [w for w in words(lowered) if len(w) >= MIN_TERM_CHARS or w.isdigit()]
    kept = [w for w in all_words if w not in STOP_WORDS] or all_words
    return list(dict.fromkeys(kept))[:MAX_TERMS]


def vocabulary(text):
    """The words of a text as written (lower case), for typo correction: 4 letters or more."""
    return {w for w in _WORD.findall(normalize(text)) if 4 <= len(w) <= 100 and not w.isdigit()}


class Term(NamedTuple):
    """One query word and the tokens it matches: ``variants`` are (token, prefix) pairs.

    A variant of MIN_PREFIX_CHARS or more matches any token it begins; a shorter one (an
    abbreviation, a short stem, a Latin key of two letters) only the same whole token, so
    «ОС» does not find «основы» and «план» does not find «планирование».
    """

    word: str
    variants: tuple


def _variant(token, prefix=True):
    return (token, prefix and len(token) >= MIN_PREFIX_CHARS and not token.isdigit())


@lru_cache(maxsize=10_000)
def make_term(word):
    """The term for one lower-case query word."""
    found = {}

    def add(token, prefix=True):
        if token:
            token, is_prefix = _variant(token, prefix)
            found[token] = found.get(token, False) or is_prefix

    base = stem(word)
    if len(word) <= SHORT_WORD_CHARS:
        add(word, prefix=False)
        add(latin_key(word), prefix=False)
        if len(base) >= 3:
            add(base, prefix=False)
    elif len(base) < MIN_PREFIX_CHARS:
        # A short stem of a longer word matches whole tokens; the word itself may lead.
        add(base, prefix=False)
        add(latin_key(base), prefix=False)
        add(word)
        add(latin_key(word))
    else:
        add(base)
        add(latin_key(base))
    if word in _BRAND_OF:
        add(_BRAND_OF[word])
    add(lemma(word), prefix=False)
    return Term(word, tuple(sorted(found.items())))


@lru_cache(maxsize=10_000)
def make_prefix_term(word):
    """The term for a word still being typed (suggestions): every form matches by prefix."""
    found = {}
    for token in (word, latin_key(word), stem(word), _BRAND_OF.get(word)):
        if token and len(token) >= MIN_TERM_CHARS:
            found[token] = True
    return Term(word, tuple(sorted(found.items())))


def query_terms(query):
    """The query as terms, one per word that counts (see :func:`query_words`)."""
    terms = []
    for word in query_words(query):
        term = make_term(word)
        if term.variants and term.variants not in [t.variants for t in terms]:
            terms.append(term)
    return terms


def variant_matches(token, variant):
    value, prefix = variant
    return token.startswith(value) if prefix else token == value


def term_matches(token, term):
    return any(variant_matches(token, v) for v in term.variants)


def in_spaced(spaced, term):
    """Whether a space-delimited token string (" a b c ") holds a token matching ``term``."""
    return any(
        (f" {value}" if prefix else f" {value} ") in spaced for value, prefix in term.variants
    )


def plain_text(value):
    """Text from HTML, entity-decoded and single-spaced."""
    from html import unescape

    return " ".join(unescape(strip_tags(str(value or ""))).split())


def _term_index(terms):
    """A function: token -> index of the first term it matches, or -1 (memoised per call)."""
    exact, prefixes = {}, []
    for i, term in enumerate(terms):
        for value, prefix in term.variants:
            exact.setdefault(value, i)
            if prefix:
                prefixes.append((value, i))
    prefix_tuple = tuple(value for value, _i in prefixes)
    memo = {}

    def index(token):
        found = memo.get(token)
        if found is None:
            found = exact.get(token, -1)
            if prefix_tuple and token.startswith(prefix_tuple):
                first = next(i for value, i in prefixes if token.startswith(value))
                found = first if found < 0 else min(found, first)
            memo[token] = found
        return found

    return index


@lru_cache(maxsize=100_000)
def _tokens_of_word(word):
    """The index tokens of one normalized word of a page (cached: snippets reuse them)."""
    parts = words(word, keep_short_mixed=True) if word not in _BRAND_OF else [word]
    return tuple(token for part in parts for token in word_tokens(part))


def snippet(text, terms, width=220):
    """An HTML-escaped excerpt around the first matching word, matches wrapped in <mark>."""
    text = text or ""
    spans = []  # (start, end, index of the term matched)
    term_of = _term_index(terms)
    words_seen, horizon = {}, len(text)
    for m in _WORD.finditer(text):
        if m.start() > horizon:
            break  # the best window starts near the first match; the rest is never shown
        word = normalize(m.group(0))
        found = words_seen.get(word)
        if found is None:
            indexes = [i for i in map(term_of, _tokens_of_word(word)) if i >= 0]
            found = words_seen[word] = min(indexes) if indexes else -1
        if found >= 0:
            if not spans:
                horizon = m.start() + width * 8
            spans.append((m.start(), m.end(), found))
    start = 0
    if spans:
        # The window showing the most different query words, earliest first.
        best = max(
            range(len(spans)),
            key=lambda k: (
                len({t for a, _b, t in spans if spans[k][0] <= a < spans[k][0] + width * 2 // 3}),
                -k,
            ),
        )
        first = spans[best]
        start = max(0, first[0] - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first[0] else start
        spans = [sp for sp in spans if sp[0] >= start]
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        floor = spans[0][1] if spans else start
        end = space if space > floor else end
    return _marked(text, start, end, spans)


def _marked(text, start, end, spans):
    """``text[start:end]`` as safe HTML: every character escaped, the spans in <mark>, an
    ellipsis where the text was cut. The window only chooses what is shown; this is the one
    place that makes page text into markup."""
    out, pos = [], start
    for a, b, _term in spans:
        if a < start or b > end:
            continue
        out.append(escape(text[pos:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        pos = b
    out.append(escape(text[pos:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out).strip() + suffix


def edit_distance(a, b, limit=2):
    """Edit distance counting a swap of two neighbouring letters as one edit («потрал» →
    «портал»), stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if before is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, before[j - 2] + 1)
            cur.append(value)
        if min(cur) > limit:
            return limit + 1
        before, prev = prev, cur
    return prev[-1]
