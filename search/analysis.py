"""A query as every backend searches it: concepts with their alternative wordings.

A concept is one thing the reader asked about: a word, or a phrase a synonym group knows
(«обратная связь»). Its alternatives are the words as typed plus the wordings HR listed as
synonyms («ОС», «фидбэк»); a page has the concept when it has every word of one
alternative. Backends only count and rank pages by concepts (`search.ranking`), so a query
is understood the same way on the database and on Elasticsearch/OpenSearch, and a synonym
HR edits works on the next search, without re-indexing.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from search import text

MAX_ALTERNATIVES = 12
# A verb or an adverb in a question («как оформить…», «висит», «неудобно») says what the
# reader wants to do, the nouns and adjectives say what about: the topic weighs more.
ACTION_WEIGHT = 0.3
_ACTION_POS = frozenset({"VERB", "INFN", "GRND", "ADVB", "PRED", "CONJ", "PRCL", "INTJ", "NPRO"})
_MODIFIER_POS = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "COMP"})

# ЙЦУКЕН on a QWERTY keyboard: the same keys, the other layout (lower case, then shifted).
_LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`" + 'QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~'
_CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюё" + "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)
_LATIN_KEYS = set(_LATIN)
_CYRILLIC_LETTERS = set(_CYRILLIC)


@dataclass(frozen=True)
class Alternative:
    """One wording of a concept: every term must match."""

    terms: tuple
    typed: bool = True  # the reader's own words, not a synonym


@dataclass
class Concept:
    label: str  # the words as typed
    alternatives: tuple
    weight: float = 1.0  # ACTION_WEIGHT for a verb or an adverb

    @property
    def words(self):
        return self.label.split()


@dataclass
class Plan:
    """The query to run: its text (as typed or rewritten) and its concepts."""

    text: str
    concepts: list = field(default_factory=list)


def word_key(word):
    """How a word is compared with a synonym entry: short words as written, others by their
    dictionary form («планёрку» → «планерка») or, for Latin words, by stem."""
    if len(word) <= text.SHORT_WORD_CHARS:
        return word
    return text.lemma(word) or text.stem(word)


def phrase_key(phrase):
    return tuple(word_key(w) for w in text.query_words(phrase))


@lru_cache(maxsize=64)
def compile_synonyms(rows):
    """{phrase key: (wordings it also finds, …)} from (terms, one_way) rows.

    Memoised on the rows themselves, so the table is rebuilt exactly when HR changes it.
    """
    table = {}
    for terms, one_way in rows:
        items = list(dict.fromkeys(t.strip() for t in (terms or "").split(",") if t.strip()))
        keyed = [(phrase_key(item), item) for item in items]
        keyed = [(key, item) for key, item in keyed if key]
        sources = keyed[:1] if one_way else keyed
        for key, _item in sources:
            found = table.setdefault(key, [])
            for other_key, other in keyed:
                if other_key != key and other not in found:
                    found.append(other)
    return {key: tuple(values) for key, values in table.items()}


def build_plan(query, synonyms=None, typing=False):
    """The concepts of a cleaned query, longest synonym phrases first.

    ``typing``: the last word may be unfinished (suggestions), so it matches by prefix.
    """
    synonyms = synonyms or {}
    query_words = text.query_words(query)
    longest = max((len(key) for key in synonyms), default=1)
    concepts, kinds, i = [], [], 0
    while i < len(query_words):
        for size in range(min(longest, len(query_words) - i), 0, -1):
            chunk = query_words[i : i + size]
            key = tuple(word_key(w) for w in chunk)
            if size == 1 or key in synonyms:
                break
        last = typing and i + len(chunk) == len(query_words)
        typed = Alternative(
            tuple(
                text.make_prefix_term(w) if last and j == len(chunk) - 1 else text.make_term(w)
                for j, w in enumerate(chunk)
            ),
            typed=True,
        )
        alternatives = [typed]
        for wording in synonyms.get(key, ()):
            terms = tuple(text.query_terms(wording))
            if terms and all(a.terms != terms for a in alternatives):
                alternatives.append(Alternative(terms, typed=False))
        pos = text.part_of_speech(chunk[0]) if size == 1 else None
        concepts.append(
            Concept(
                " ".join(chunk),
                tuple(alternatives[:MAX_ALTERNATIVES]),
                weight=ACTION_WEIGHT if pos in _ACTION_POS else 1.0,
            )
        )
        kinds.append(pos)
        i += len(chunk)
    if concepts and all(
        c.weight < 1 or kind in _MODIFIER_POS for c, kind in zip(concepts, kinds, strict=True)
    ):
        # Only modifiers: «по собственному» (желанию) — an adjective without its noun does
        # not name the topic either.
        for concept in concepts:
            concept.weight = ACTION_WEIGHT
    return Plan(query, concepts[: text.MAX_TERMS])


def all_terms(plan):
    """Every term of every alternative (for snippets and highlighting)."""
    seen, out = set(), []
    for concept in plan.concepts:
        for alternative in concept.alternatives:
            for term in alternative.terms:
                if term.variants not in seen:
                    seen.add(term.variants)
                    out.append(term)
    return out


def convert_layout(chunk):
    """The chunk as it would read typed in the other keyboard layout, or None.

    «ghbdtn» → «привет», «lfib,jhl» → «дашборд», «вфефдуты» → «datalens».
    """
    letters = [ch for ch in chunk if ch.isalpha()]
    if not letters:
        return None
    if all(ch in _LATIN_KEYS for ch in chunk):
        return chunk.translate(_TO_CYRILLIC)
    if all(ch in _CYRILLIC_LETTERS for ch in chunk):
        return chunk.translate(_TO_LATIN)
    return None


def layout_rewrite(query, unknown_words):
    """The query with every chunk holding an unknown word retyped in the other layout."""
    if not unknown_words:
        return None
    out, changed = [], False
    for chunk in query.split():
        chunk_words = set(text.words(chunk))
        converted = convert_layout(chunk) if chunk_words & unknown_words else None
        if converted and converted != chunk:
            out.append(converted)
            changed = True
        else:
            out.append(chunk)
    return " ".join(out) if changed else None


def replace_words(query, replacements):
    """The query with whole words replaced (case-insensitive), punctuation kept."""
    out = []
    for chunk in query.split():
        key = text.normalize(chunk).strip(".,;:!?«»\"'()")
        out.append(replacements.get(key, chunk))
    return " ".join(out)
