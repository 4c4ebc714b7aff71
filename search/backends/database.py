"""The embedded default: our own index table on SQLite or PostgreSQL.

Words are stored per page as Snowball stems, Latin keys and, for short words, the word as
written (`search.text`), in space-delimited strings: a term matches a whole token
(" ос ") or, when long enough, the start of one (" наставн"). The same SQL runs on SQLite
and PostgreSQL, so both give the same answers. Counting pages per concept is one aggregate
query; ranking (`search.ranking`), disjunctive facet counts and snippets are computed in
Python over the matching rows. Pages unpublished or under a view restriction are left out
in SQL at query time too, whatever the index still holds.
"""

import contextlib
import json

from django.db import DatabaseError, connection, transaction
from django.db.models import Func, Q, Subquery, TextField
from django.db.models.functions import Cast

from search import analysis, ranking, text, visibility
from search.backends.base import FacetValue, Hit, Results, SearchBackend, empty_facets
from search.documents import FACETS, facet_label
from search.models import SearchEntry, SearchTerm

MAX_CANDIDATES = 2000
MAX_VOCABULARY = 5000


def _delimited(values):
    return "|" + "|".join(v.replace("|", "/") for v in values) + "|" if values else ""


def _spaced(tokens):
    return " " + " ".join(tokens) + " "


def _split(delimited):
    return [v for v in (delimited or "").split("|") if v]


def _term_q(term, field="tokens"):
    q = Q()
    for value, prefix in term.variants:
        q |= Q(**{f"{field}__contains": f" {value}" if prefix else f" {value} "})
    return q


def _concept_q(concept):
    q = Q()
    for alternative in concept.alternatives:
        every = Q()
        for term in alternative.terms:
            every &= _term_q(term)
        q |= every
    return q


def _exact_in(spaced, term):
    return any(f" {value} " in spaced for value, _prefix in term.variants)


def concept_field(concept, title, keywords, tokens):
    """How well a page has a concept (0 when it has not), see `search.ranking`."""
    best = 0.0
    for alternative in concept.alternatives:
        terms = alternative.terms
        if not terms or not all(text.in_spaced(tokens, t) for t in terms):
            continue
        if all(_exact_in(title, t) for t in terms):
            level = ranking.TITLE_EXACT
        elif all(text.in_spaced(title, t) for t in terms):
            level = ranking.TITLE
        elif all(text.in_spaced(keywords, t) for t in terms):
            level = ranking.KEYWORDS
        elif all(_exact_in(tokens, t) for t in terms):
            level = ranking.BODY_EXACT
        else:
            level = ranking.BODY
        best = max(best, level * (1.0 if alternative.typed else ranking.SYNONYM_FACTOR))
    return best


def visible_entries():
    """Entries of pages that are live and under no view restriction (on them or above)."""
    return SearchEntry.objects.filter(page__live=True).filter(
        visibility.outside_restrictions("page__path")
    )


class DatabaseBackend(SearchBackend):
    name = "database"

    # --- writing ---------------------------------------------------------------------------

    def _entry(self, doc):
        title_tokens = text.index_tokens(doc.title)
        extra = " ".join(doc.facets.get("tags", []) + doc.facets.get("category", []))
        tokens = text.index_tokens(f"{doc.title} {doc.body} {extra}")
        entry = SearchEntry(
            page_id=doc.page_id,
            kind=doc.kind,
            title=doc.title[:255],
            body=doc.body,
            url=doc.url[:500],
            title_tokens=_spaced(title_tokens),
            keyword_tokens=_spaced(text.index_tokens(extra)),
            tokens=_spaced(tokens),
            audience=_delimited(doc.facets.get("audience", [])),
            category=_delimited(doc.facets.get("category", [])),
            tags=_delimited(doc.facets.get("tags", [])),
            labels=doc.labels,
        )
        return entry, text.vocabulary(f"{doc.title} {doc.body} {extra}")

    def index_documents(self, documents):
        entries, vocabulary = [], set()
        for doc in documents:
            entry, words = self._entry(doc)
            entries.append(entry)
            vocabulary.update(words)
        if not entries:
            return 0
        with transaction.atomic():
            SearchEntry.objects.filter(page_id__in=[e.page_id for e in entries]).delete()
            SearchEntry.objects.bulk_create(entries, batch_size=200)
            SearchTerm.objects.bulk_create(
                [SearchTerm(term=t, length=len(t)) for t in vocabulary],
                batch_size=500,
                ignore_conflicts=True,
            )
        return len(entries)

    def remove(self, page_ids):
        SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()

    def rebuild(self, documents, progress=None):
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            SearchTerm.objects.all().delete()
            count, batch = 0, []
            for doc in documents:
                batch.append(doc)
                if len(batch) >= 100:
                    count += self.index_documents(batch)
                    if progress:
                        progress(len(batch))
                    batch = []
            count += self.index_documents(batch)
            if progress and batch:
                progress(len(batch))
        return count

    # --- reading ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def reading(self):
        """On PostgreSQL, the searches of one request read through the trigram index
        (migration 0005) rather than a sequential scan.

        The planner prices ``tokens LIKE '% term%'`` as a cheap comparison and reads the
        whole table, but each row holds a page's every token, stored compressed out of line:
        measured on the bench's full-size content, 31 ms by a sequential scan against 5 ms by
        the index for «обратная связь», 19 ms against 4 ms for a query matching half the
        pages. So sequential scans are off for the request's search queries (all on small
        tables or through an index): one ``SET`` before, one ``RESET`` after, however many
        readings of the query are tried. A transaction that failed meanwhile undoes the
        ``SET`` itself when it is rolled back.
        """
        if connection.vendor != "postgresql":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
        try:
            yield
        finally:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("RESET enable_seqscan")

    def near_words(self, words):
        """Words of the index that could be what each of ``words`` was meant to be."""
        condition = Q()
        for word in words:
            for probe in {word, text.latin_key(word)}:
                condition |= Q(
                    term__startswith=probe[0],
                    length__gte=len(probe) - 2,
                    length__lte=len(probe) + 2,
                )
        if not condition:
            return {}
        vocabulary = list(
            SearchTerm.objects.filter(condition).values_list("term", flat=True)[:MAX_VOCABULARY]
        )
        return dict.fromkeys(words, vocabulary)

    def search(self, plan, filters=None, page=1, per_page=10, required=None):
        results = Results(query=plan.text, page=page, per_page=per_page)
        results.facets = empty_facets()
        concepts = plan.concepts
        if not concepts:
            return results
        condition = Q()
        for concept in concepts:
            condition |= _concept_q(concept)
        rows = list(
            visible_entries()
            .filter(condition)
            # labels as text: decoded only for the facet values shown (`_labels`), not per row
            .annotate(
                labels_text=Cast("labels", TextField()),
                # the pages searched, for the weights: in the same query, not one more
                entries=Subquery(
                    SearchEntry.objects.order_by().values(n=Func("pk", function="COUNT"))
                ),
            )
            .values_list(
                "page_id",
                "title",
                "title_tokens",
                "tokens",
                "keyword_tokens",
                "kind",
                "audience",
                "category",
                "tags",
                "labels_text",
                "entries",
            )[:MAX_CANDIDATES]
        )
        # Every page having a concept is a candidate, so the candidates give each concept's
        # page count; the number of pages searched comes from one cheap count.
        fields = [[concept_field(c, row[2], row[4], row[3]) for c in concepts] for row in rows]
        results.concept_pages = [
            sum(1 for row_fields in fields if row_fields[i]) for i in range(len(concepts))
        ]
        if not rows:
            return results
        results.searched = max(rows[0][10], len(rows))
        shares = ranking.weights(
            results.concept_pages, results.searched, [c.weight for c in concepts]
        )
        required = range(len(concepts)) if required is None else required
        scored, strict = [], 0
        for row, row_fields in zip(rows, fields, strict=True):
            value = ranking.score(row_fields, shares, len(row[2].split()))
            if value >= ranking.MIN_SCORE:
                scored.append((value, row))
                strict += all(row_fields[i] for i in required)
        results.matched, results.strict = len(scored), strict
        facet_values = {
            row[0]: {
                "kind": [row[5]],
                "audience": _split(row[6]),
                "category": _split(row[7]),
                "tags": _split(row[8]),
            }
            for _s, row in scored
        }
        filters = {k: v for k, v in (filters or {}).items() if v}

        def passes(pk, skip=None):
            values = facet_values[pk]
            return all(v in values[f] for f, v in filters.items() if f != skip)

        counts = {f: {} for f in FACETS}
        for _s, row in scored:
            for facet in FACETS:
                if passes(row[0], skip=facet):
                    for value in facet_values[row[0]][facet]:
                        counts[facet][value] = counts[facet].get(value, 0) + 1
        ranked = sorted(
            ((s, row) for s, row in scored if passes(row[0])), key=lambda sr: (-sr[0], sr[1][1])
        )
        results.total = len(ranked)
        start = (page - 1) * per_page
        page_rows = ranked[start : start + per_page]
        entries = SearchEntry.objects.only("page_id", "title", "url", "kind", "body").in_bulk(
            [row[0] for _s, row in page_rows]
        )
        labels = _labels(counts, (row[9] for _s, row in scored))
        terms = analysis.all_terms(plan)
        results.hits = [
            Hit(
                page_id=row[0],
                title=entries[row[0]].title,
                url=entries[row[0]].url,
                kind=entries[row[0]].kind,
                snippet=text.snippet(entries[row[0]].body, terms),
                score=s,
            )
            for s, row in page_rows
            if row[0] in entries
        ]
        results.facets = _facet_lists(counts, filters, labels)
        return results

    def autocomplete(self, prefix, limit=8):
        terms = text.query_terms(prefix)
        if not terms:
            return []
        terms[-1] = text.make_prefix_term(terms[-1].word)
        condition = Q()
        for term in terms:
            condition &= _term_q(term, "title_tokens")
        rows = visible_entries().filter(condition).values_list("title", "url", "kind")[:200]
        rows = sorted(rows, key=lambda r: (len(r[0]), r[0]))[:limit]
        return [{"title": t, "url": u, "type": facet_label("kind", k)} for t, u, k in rows]


def _labels(counts, packed_rows):
    """``{facet: {value: label}}`` for the counted facet values, decoding a row's labels
    (JSON) only when it names a value not labelled yet: a few decodes, not one per match."""
    missing = {(facet, value) for facet, values in counts.items() for value in values}
    labels, seen = {}, set()
    for packed in packed_rows:
        if not missing:
            break
        if not packed or packed in seen:
            continue
        seen.add(packed)
        for facet, mapping in (json.loads(packed) or {}).items():
            for value, label in mapping.items():
                if (facet, value) in missing:
                    labels.setdefault(facet, {})[value] = label
                    missing.discard((facet, value))
    return labels


def _facet_lists(counts, filters, labels):
    out = {}
    for facet in FACETS:
        stored = labels.get(facet, {})
        values = [
            FacetValue(
                value=value,
                label=facet_label(facet, value, stored),
                count=count,
                selected=filters.get(facet) == value,
            )
            for value, count in counts[facet].items()
        ]
        values.sort(key=lambda fv: (-fv.count, fv.label))
        if facet in filters and not any(fv.selected for fv in values):
            values.insert(0, FacetValue(filters[facet], filters[facet], 0, True))
        out[facet] = values[:30]
    return out
