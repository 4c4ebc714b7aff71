"""The embedded default: our own index table on SQLite or PostgreSQL.

Matching is on Snowball stems and Latin keys stored per page (prefix match on a delimited
string), so SQLite gets Russian morphology without an FTS5 stemmer. On PostgreSQL a page also
matches through a generated `tsvector` column built with the `russian` configuration
(migration 0002, GIN-indexed) compared with `plainto_tsquery('russian', word)`. Ranking, the
disjunctive facet counts and snippets are computed in Python over the matching rows (few
queries, independent of the number of hits shown). Typos: a query word whose stem is in no
page is replaced by the closest stem of the vocabulary within edit distance 1–2.
"""

from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from search import text
from search.backends.base import FacetValue, Hit, Results, SearchBackend, empty_facets
from search.documents import FACETS, facet_label
from search.models import SearchEntry, SearchTerm

MAX_CANDIDATES = 2000
MAX_CORRECTIONS = 3
MAX_VOCABULARY = 5000


def _delimited(values):
    return "|" + "|".join(v.replace("|", "/") for v in values) + "|" if values else ""


def _spaced(tokens):
    return " " + " ".join(tokens) + " "


def _split(delimited):
    return [v for v in (delimited or "").split("|") if v]


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
        return entry, tokens

    def index_documents(self, documents):
        entries, vocabulary = [], set()
        for doc in documents:
            entry, tokens = self._entry(doc)
            entries.append(entry)
            vocabulary.update(t for t in tokens if 3 <= len(t) <= 100 and not t.isdigit())
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

    def _correct(self, terms):
        """Add the closest vocabulary stem to each term no page contains."""
        variants = [v for term in terms for v in term]
        known = Q()
        for v in variants:
            known |= Q(term__startswith=v)
        found = list(SearchTerm.objects.filter(known).values_list("term", flat=True)[:5000])
        missing = [
            i for i, term in enumerate(terms) if not any(text.token_matches(f, term) for f in found)
        ]
        # At most MAX_CORRECTIONS words, compared only with stems of the same first letter
        # and a close length, so a query of nonsense costs no more than a normal one.
        missing = [i for i in missing if max(len(v) for v in terms[i]) >= 4][:MAX_CORRECTIONS]
        if not missing:
            return terms
        wanted = [v for i in missing for v in terms[i] if len(v) >= 4]
        condition = Q()
        for v in wanted:
            condition |= Q(term__startswith=v[0], length__gte=len(v) - 2, length__lte=len(v) + 2)
        vocabulary = list(
            SearchTerm.objects.filter(condition).values_list("term", flat=True)[:MAX_VOCABULARY]
        )
        corrected = list(terms)
        for i in missing:
            best, best_distance = None, None
            for v in terms[i]:
                limit = 1 if len(v) <= 5 else 2
                letters = set(v)
                for candidate in vocabulary:
                    # Each edit changes the set of letters by at most two: a cheap pre-filter.
                    if candidate[0] != v[0] or len(letters ^ set(candidate)) > 2 * limit:
                        continue
                    distance = text.edit_distance(v, candidate, limit)
                    if distance <= limit and (best_distance is None or distance < best_distance):
                        best, best_distance = candidate, distance
            if best:
                corrected[i] = (*terms[i], best)
        return corrected

    def _term_q(self, term, word):
        q = Q()
        for v in term:
            q |= Q(tokens__contains=f" {v}")
        if connection.vendor == "postgresql" and word:
            # The generated column of migration 0002 (russian configuration, GIN index).
            q |= Q(
                RawSQL(
                    "search_searchentry.fts_russian @@ plainto_tsquery('russian'::regconfig, %s)",
                    [word],
                    output_field=BooleanField(),
                )
            )
        return q

    def _candidates(self, terms, words, require_all):
        qs = SearchEntry.objects.filter(page__live=True)
        condition = Q()
        for term, word in zip(terms, words, strict=False):
            term_q = self._term_q(term, word)
            condition = (condition & term_q) if require_all else (condition | term_q)
        rows = qs.filter(condition).values_list(
            "page_id",
            "title",
            "title_tokens",
            "tokens",
            "keyword_tokens",
            "kind",
            "audience",
            "category",
            "tags",
            "labels",
        )
        return list(rows[:MAX_CANDIDATES])

    @staticmethod
    def _score(row, terms):
        _pk, _title, title_tokens, tokens, keyword_tokens, *_ = row
        title_set = title_tokens.split()
        token_set = tokens.split()
        keyword_set = keyword_tokens.split()
        score, in_title = 0.0, 0
        for term in terms:
            if any(t in term for t in title_set):
                score += 12
                in_title += 1
            elif any(text.token_matches(t, term) for t in title_set):
                score += 9
                in_title += 1
            elif any(text.token_matches(t, term) for t in keyword_set):
                score += 5
            elif any(t in term for t in token_set):
                score += 2
            elif any(text.token_matches(t, term) for t in token_set):
                score += 1
        if terms and in_title == len(terms):
            score += 6
        # A short title that is all about the query beats a long one that mentions it.
        return score - len(title_set) * 0.05

    def search(self, query):
        results = Results(query=query.text, page=query.page, per_page=query.per_page)
        results.facets = empty_facets()
        if not query.terms:
            return results
        words = text.query_words(query.text)
        terms = self._correct(query.terms)
        rows = self._candidates(terms, words, require_all=True)
        if not rows and len(terms) > 1:
            rows = self._candidates(terms, words, require_all=False)
        facet_values = {
            row[0]: {
                "kind": [row[5]],
                "audience": _split(row[6]),
                "category": _split(row[7]),
                "tags": _split(row[8]),
            }
            for row in rows
        }
        filters = {k: v for k, v in query.filters.items() if v}

        def passes(pk, skip=None):
            values = facet_values[pk]
            return all(v in values[f] for f, v in filters.items() if f != skip)

        counts = {f: {} for f in FACETS}
        for row in rows:
            for facet in FACETS:
                if passes(row[0], skip=facet):
                    for value in facet_values[row[0]][facet]:
                        counts[facet][value] = counts[facet].get(value, 0) + 1
        kept = [row for row in rows if passes(row[0])]
        ranked = sorted(kept, key=lambda r: (-self._score(r, terms), r[1]))
        results.total = len(ranked)
        start = (query.page - 1) * query.per_page
        page_rows = ranked[start : start + query.per_page]
        entries = SearchEntry.objects.in_bulk([r[0] for r in page_rows])
        labels = {}
        for row in rows:
            for facet, mapping in (row[9] or {}).items():
                labels.setdefault(facet, {}).update(mapping)
        results.hits = [
            Hit(
                page_id=r[0],
                title=entries[r[0]].title,
                url=entries[r[0]].url,
                kind=entries[r[0]].kind,
                snippet=text.snippet(entries[r[0]].body, terms),
                score=self._score(r, terms),
            )
            for r in page_rows
        ]
        results.facets = _facet_lists(counts, filters, labels)
        return results

    def autocomplete(self, prefix, limit=8):
        terms = text.query_terms(prefix)
        if not terms:
            return []
        condition = Q()
        for term in terms:
            term_q = Q()
            for v in term:
                term_q |= Q(title_tokens__contains=f" {v}")
            condition &= term_q
        rows = SearchEntry.objects.filter(condition, page__live=True).values_list(
            "title", "url", "kind"
        )[:200]
        rows = sorted(rows, key=lambda r: (len(r[0]), r[0]))[:limit]
        return [{"title": t, "url": u, "type": facet_label("kind", k)} for t, u, k in rows]


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
