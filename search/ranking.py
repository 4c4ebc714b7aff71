"""How pages are ranked and when a result is good enough to show: one formula, every backend.

For a query of concepts c with weight idf(c) (rare words weigh more), a page scores

    score = SCALE · coverage + Σ idf(c)/Σidf · field(c) + TITLE_BONUS (all in the title)
            + 1/(1 + words in the title)

where coverage is the share of the query's weight the page has and field(c) how well it has
c: the exact word in the title (12), a longer form in the title (9), in the tags or category
(5), the exact word in the text (2), a longer form in the text (1); a synonym counts 0.8 of
that. Pages with every concept come first; when no page has them all, only pages holding at
least MIN_COVERAGE of the weight are shown, so a frequent word cannot carry a query whose
rare, meaningful word no page has. The database backend computes this in Python; the
Elasticsearch backend sends the same weights as constant scores and SCALE·MIN_COVERAGE as
`min_score`.
"""

import math

TITLE_EXACT, TITLE, KEYWORDS, BODY_EXACT, BODY = 12.0, 9.0, 5.0, 2.0, 1.0
SYNONYM_FACTOR = 0.8
TITLE_BONUS = 4.0
IN_TITLE = TITLE * SYNONYM_FACTOR  # the least a concept found in the title scores
SCALE = 50.0
MIN_COVERAGE = 0.6
UNKNOWN_FULL_WEIGHT = False
MIN_SCORE = SCALE * MIN_COVERAGE - 1e-6  # the lowest score shown


def idf(df, total):
    """BM25's inverse document frequency: always positive, largest for a word no page has."""
    return math.log(1 + (total - df + 0.5) / (df + 0.5))


def weights(dfs, total, factors=None):
    """Each concept's share of the query's weight (sums to 1): its idf times its factor
    (`analysis.Concept.weight`: a verb or an adverb counts less than a noun)."""
    factors = factors or [1.0] * len(dfs)
    values = [
        idf(df, total) * (factor if df or not UNKNOWN_FULL_WEIGHT else 1.0)
        for df, factor in zip(dfs, factors, strict=True)
    ]
    whole = sum(values) or 1.0
    return [v / whole for v in values]


def title_shortness(title_token_count):
    """A tie-break: a short title all about the query beats a long one that mentions it."""
    return 1.0 / (1 + title_token_count)


def score(fields, shares, title_token_count):
    """The score of a page from how well it has each concept (see the module's docstring)."""
    total = sum(
        share * (SCALE + field) for field, share in zip(fields, shares, strict=True) if field
    )
    if fields and all(field >= IN_TITLE for field in fields):
        total += TITLE_BONUS
    return total + title_shortness(title_token_count)
