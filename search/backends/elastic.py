"""Elasticsearch / OpenSearch backend: elasticsearch-dsl builds, opensearch-py sends.

The mapping is an elasticsearch-dsl `Document`; queries are elasticsearch-dsl `Search`
objects, turned into plain JSON (`to_dict()`) and sent with the OpenSearch client, because
the elasticsearch 8/9 clients send `compatible-with` media types OpenSearch servers reject;
plain JSON over the OpenSearch client works against Elasticsearch 7/8 and OpenSearch alike.

Pages are stored with the same tokens the database backend keeps (`search.text`: stems,
Latin keys, lemmas, short words as written) in whitespace-analysed fields, and a query is
the same plan of concepts (`search.analysis`) scored by the same formula (`search.ranking`):
each way a page can have a concept is a constant score, a concept takes its best
(`dis_max`), and `min_score` drops pages holding too little of the query's weight. So both
backends find and rank the same pages; synonyms are expanded in the query, and a change in
the admin works without re-indexing. The Russian analyser stays on title and body for
highlighting. Restricted subtrees are left out by path at query time as well.

Point it at a cluster with `SEARCH_BACKEND=elasticsearch SEARCH_URL=http://host:9200`
(add user:password@ in the URL if the cluster needs it) and run `manage.py search_rebuild`.
"""

import contextlib
import logging
import time

from elasticsearch_dsl import (
    A,
    Completion,
    Document,
    Float,
    Index,
    Keyword,
    Q,
    RankFeature,
    Search,
    Text,
    analyzer,
)
from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from search import analysis, ranking, text, visibility
from search.backends.base import (
    FacetValue,
    Hit,
    Results,
    SearchBackend,
    SearchUnavailable,
    empty_facets,
)
from search.documents import FACETS, facet_label

# The client logs every request at INFO; a search per keystroke would flood the log.
logging.getLogger("opensearch").setLevel(logging.WARNING)

# Tokens computed in Python (search.text), split on spaces only.
keys_analyzer = analyzer("nastavnik_keys", tokenizer="whitespace")

# How a page can have a concept: (field, exact tokens only, score level).
LEVELS = (
    ("title_keys", True, ranking.TITLE_EXACT),
    ("title_keys", False, ranking.TITLE),
    ("keyword_keys", False, ranking.KEYWORDS),
    ("keys", True, ranking.BODY_EXACT),
    ("keys", False, ranking.BODY),
)
SUGGESTIONS = 10
_RANK_FEATURE = {}  # (url, alias) -> whether the index maps title_rank


class PageDocument(Document):
    """One searchable page in the index."""

    kind = Keyword()
    title = Text(analyzer="russian", fields={"raw": Keyword()})
    body = Text(analyzer="russian")
    title_keys = Text(analyzer=keys_analyzer)
    keyword_keys = Text(analyzer=keys_analyzer)
    keys = Text(analyzer=keys_analyzer)
    words = Text(analyzer=keys_analyzer)  # the words as written, for typo suggestions
    word_keys = Text(analyzer=keys_analyzer)  # their Latin keys («датаденс» → datalens)
    shortness = Float()  # ranking.title_shortness of the title (indices before title_rank)
    title_rank = RankFeature()  # the same, added to the score without a script per page
    path = Keyword()
    url = Keyword(index=False)
    audience = Keyword()
    category = Keyword()
    tags = Keyword()
    labels = Keyword(index=False)
    suggest = Completion()


def index_definition(name):
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(PageDocument)
    return index.to_dict()


def document_body(doc):
    title_keys = text.index_tokens(doc.title)
    extra = " ".join(doc.facets.get("tags", []) + doc.facets.get("category", []))
    everything = f"{doc.title} {doc.body} {extra}"
    vocabulary = sorted(text.vocabulary(everything))
    words = doc.title.split()
    suggestions = [" ".join(words[i:]) for i in range(len(words))][:6]
    return {
        "kind": doc.kind,
        "title": doc.title,
        "body": doc.body,
        "title_keys": " ".join(title_keys),
        "keyword_keys": " ".join(text.index_tokens(extra)),
        "keys": " ".join(text.index_tokens(everything)),
        "words": " ".join(vocabulary),
        "word_keys": " ".join(sorted({text.latin_key(w) for w in vocabulary})),
        "shortness": ranking.title_shortness(len(title_keys)),
        "title_rank": ranking.title_shortness(len(title_keys)),
        "path": doc.path,
        "url": doc.url,
        "audience": doc.facets.get("audience", []),
        "category": doc.facets.get("category", []),
        "tags": doc.facets.get("tags", []),
        "labels": [
            f"{f}\x1f{v}\x1f{label}" for f, m in doc.labels.items() for v, label in m.items()
        ],
        "suggest": {"input": suggestions, "weight": 10 if doc.kind != "home.standardpage" else 5},
    }


def term_query(term, field, exact=False):
    """A page's ``field`` has a token matching the term (whole tokens only if ``exact``)."""
    clauses = [
        Q("prefix", **{field: value}) if prefix and not exact else Q("term", **{field: value})
        for value, prefix in term.variants
    ]
    return clauses[0] if len(clauses) == 1 else Q("bool", should=clauses, minimum_should_match=1)


def alternative_query(alternative, field, exact=False):
    clauses = [term_query(t, field, exact) for t in alternative.terms]
    return clauses[0] if len(clauses) == 1 else Q("bool", filter=clauses)


def concept_query(concept, field="keys", exact=False):
    """A page has the concept (one of its alternatives) in ``field``."""
    clauses = [alternative_query(a, field, exact) for a in concept.alternatives if a.terms]
    return clauses[0] if len(clauses) == 1 else Q("bool", should=clauses, minimum_should_match=1)


def scored_concept(concept, share):
    """share · (SCALE + the best level the page has the concept at), as in ranking.score."""
    options = []
    for alternative in concept.alternatives:
        if not alternative.terms:
            continue
        factor = 1.0 if alternative.typed else ranking.SYNONYM_FACTOR
        for field, exact, level in LEVELS:
            options.append(
                Q(
                    "constant_score",
                    filter=alternative_query(alternative, field, exact),
                    boost=share * (ranking.SCALE + level * factor),
                )
            )
    return Q("dis_max", queries=options, tie_breaker=0)


def visible_filter(restricted_paths):
    return [Q("prefix", path=p) for p in restricted_paths]


class ElasticBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, alias):
        if not url:
            raise ValueError("SEARCH_URL is empty: set it to the cluster's http(s) address")
        self.url = url
        self.alias = alias
        self.client = OpenSearch(hosts=[url], timeout=10, max_retries=1)

    def _has_rank_feature(self):
        """Whether the index behind the alias maps ``title_rank`` (asked once per process
        and alias: a rebuild only ever adds it)."""
        known = _RANK_FEATURE.get((self.url, self.alias))
        if known is None:
            try:
                mappings = self.client.indices.get_mapping(index=self.alias)
            except TransportError:
                return False
            known = bool(mappings) and all(
                m.get("mappings", {}).get("properties", {}).get("title_rank", {}).get("type")
                == "rank_feature"
                for m in mappings.values()
            )
            _RANK_FEATURE[(self.url, self.alias)] = known
        return known

    # --- writing ---------------------------------------------------------------------------

    def _create_index(self):
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
        self.client.indices.create(index=name, body=index_definition(name))
        return name

    def ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._create_index()
            self.client.indices.put_alias(index=name, name=self.alias)

    def _actions(self, documents, index):
        for doc in documents:
            yield {"_index": index, "_id": str(doc.page_id), "_source": document_body(doc)}

    def index_documents(self, documents):
        documents = list(documents)
        if not documents:
            return 0
        self.ensure_index()
        ok, _errors = helpers.bulk(self.client, self._actions(documents, self.alias), refresh=True)
        return ok

    def remove(self, page_ids):
        if not self.client.indices.exists_alias(name=self.alias):
            return
        for page_id in page_ids:
            with contextlib.suppress(NotFoundError):
                self.client.delete(index=self.alias, id=str(page_id), refresh=True)

    def rebuild(self, documents, progress=None):
        """Fill a new index, then swap the alias to it in one atomic call."""
        new = self._create_index()
        count = 0
        for ok, _item in helpers.streaming_bulk(
            self.client, self._actions(documents, new), chunk_size=200, raise_on_error=True
        ):
            count += int(ok)
            if progress:
                progress(1)
        self.client.indices.refresh(index=new)
        old = []
        if self.client.indices.exists_alias(name=self.alias):
            old = list(self.client.indices.get_alias(name=self.alias))
        elif self.client.indices.exists(index=self.alias):
            self.client.indices.delete(index=self.alias)
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new, "alias": self.alias}})
        self.client.indices.update_aliases(body={"actions": actions})
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        _RANK_FEATURE.pop((self.url, self.alias), None)
        return count

    def drop(self):
        """Delete the alias and its indices (tests)."""
        if self.client.indices.exists_alias(name=self.alias):
            for index in self.client.indices.get_alias(name=self.alias):
                self.client.indices.delete(index=index)

    # --- reading ---------------------------------------------------------------------------

    def _stats(self, plan, hidden):
        """(pages searched, pages having each concept): one request, no documents."""
        s = Search(index=self.alias).extra(size=0, track_total_hits=True)
        s = s.query(Q("bool", must_not=hidden) if hidden else Q("match_all"))
        s.aggs.bucket(
            "concepts",
            A("filters", filters={f"c{i}": concept_query(c) for i, c in enumerate(plan.concepts)}),
        )
        response = self._run(s)
        buckets = response.get("aggregations", {}).get("concepts", {}).get("buckets", {})
        return _total(response), [
            buckets.get(f"c{i}", {}).get("doc_count", 0) for i in range(len(plan.concepts))
        ]

    def build_search(self, plan, shares, filters, page, per_page, required, hidden):
        concepts = plan.concepts
        should = [scored_concept(c, share) for c, share in zip(concepts, shares, strict=True)]
        should.append(
            Q(
                "constant_score",
                filter=Q("bool", filter=[concept_query(c, "title_keys") for c in concepts]),
                boost=ranking.TITLE_BONUS,
            )
        )
        main = Q("bool", should=should, minimum_should_match=1, must_not=hidden)
        if self._has_rank_feature():
            # + shortness as a rank feature: read from the index, not computed per match
            shortness = Q("rank_feature", field="title_rank", linear={})
            scored = Q("bool", must=[main], should=[shortness])
        else:  # an index built before title_rank, until the next search_rebuild
            scored = Q(
                "function_score",
                query=main,
                functions=[{"field_value_factor": {"field": "shortness", "missing": 0}}],
                score_mode="sum",
                boost_mode="sum",
            )
        s = Search(index=self.alias).query(scored).extra(min_score=ranking.MIN_SCORE)
        s = s.extra(track_total_hits=True)
        s = s.sort("_score", {"title.raw": "asc"})
        required = range(len(concepts)) if required is None else required
        s.aggs.bucket(
            "strict",
            A("filter", filter=Q("bool", filter=[concept_query(concepts[i]) for i in required])),
        )
        s.aggs.bucket("matched", A("filter", filter=Q("match_all")))
        for facet in FACETS:
            others = [Q("term", **{f: v}) for f, v in filters.items() if f != facet]
            agg = A("filter", filter=Q("bool", filter=others) if others else Q("match_all"))
            agg.bucket("values", A("terms", field=facet, size=30))
            s.aggs.bucket(f"facet_{facet}", agg)
        if filters:
            s = s.post_filter(Q("bool", filter=[Q("term", **{f: v}) for f, v in filters.items()]))
        s = s.highlight_options(
            pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", fragment_size=220
        ).highlight("body", number_of_fragments=1, no_match_size=220)
        s = s.source(["title", "url", "kind", "labels", "body"])
        start = (page - 1) * per_page
        return s[start : start + per_page]

    def search(self, plan, filters=None, page=1, per_page=10, required=None):
        results = Results(query=plan.text, page=page, per_page=per_page)
        results.facets = empty_facets()
        if not plan.concepts:
            return results
        filters = {f: v for f, v in (filters or {}).items() if v}
        hidden = visible_filter(visibility.restricted_paths())
        total, results.concept_pages = self._stats(plan, hidden)
        results.searched = total
        if not total or not any(results.concept_pages):
            return results
        shares = ranking.weights(results.concept_pages, total, [c.weight for c in plan.concepts])
        response = self._run(
            self.build_search(plan, shares, filters, page, per_page, required, hidden)
        )
        aggregations = response.get("aggregations", {})
        results.total = _total(response)
        results.matched = aggregations.get("matched", {}).get("doc_count", 0)
        results.strict = aggregations.get("strict", {}).get("doc_count", 0)
        hits = response["hits"]["hits"]
        readable = visibility.readable_pages([int(h["_id"]) for h in hits])
        stale = [int(h["_id"]) for h in hits if int(h["_id"]) not in readable]
        if stale:
            self.remove(stale)  # unpublished or restricted while the index was not told
        labels = {}
        for hit in hits:
            for packed in hit["_source"].get("labels", []):
                facet, value, label = packed.split("\x1f", 2)
                labels.setdefault(facet, {})[value] = label
        terms = analysis.all_terms(plan)
        for hit in hits:
            if int(hit["_id"]) in stale:
                continue
            source = hit["_source"]
            fragments = hit.get("highlight", {}).get("body")
            results.hits.append(
                Hit(
                    page_id=int(hit["_id"]),
                    title=source["title"],
                    url=source.get("url", ""),
                    kind=source.get("kind", ""),
                    snippet=(
                        fragments[0]
                        if fragments and "<mark>" in fragments[0]
                        else text.snippet(source.get("body", ""), terms)
                    ),
                    score=hit.get("_score") or 0.0,
                )
            )
        for facet in FACETS:
            buckets = aggregations.get(f"facet_{facet}", {})
            values = [
                FacetValue(
                    value=b["key"],
                    label=facet_label(facet, b["key"], labels.get(facet)),
                    count=b["doc_count"],
                    selected=filters.get(facet) == b["key"],
                )
                for b in buckets.get("values", {}).get("buckets", [])
            ]
            if facet in filters and not any(v.selected for v in values):
                values.insert(0, FacetValue(filters[facet], filters[facet], 0, True))
            results.facets[facet] = values
        return results

    def near_words(self, words):
        """Indexed words (and Latin keys) close to each word: the engine's term suggester."""
        s = Search(index=self.alias).extra(size=0)
        for i, word in enumerate(words):
            for field, probe in (("words", word), ("word_keys", text.latin_key(word))):
                s = s.suggest(
                    f"{field}{i}",
                    probe,
                    term={
                        "field": field,
                        "suggest_mode": "always",
                        "max_edits": 2,
                        "prefix_length": 1,
                        "min_word_length": 4,
                        "size": SUGGESTIONS,
                    },
                )
        response = self._run(s)
        out = {}
        for i, word in enumerate(words):
            found = out.setdefault(word, [])
            for field in ("words", "word_keys"):
                for entry in response.get("suggest", {}).get(f"{field}{i}", []):
                    found.extend(option["text"] for option in entry.get("options", []))
        return out

    def _run(self, search):
        try:
            return self.client.search(index=self.alias, body=search.to_dict())
        except NotFoundError:
            return {"hits": {"hits": [], "total": {"value": 0}}}
        except (EngineConnectionError, TransportError) as error:
            raise SearchUnavailable(str(error)) from error

    def autocomplete(self, prefix, limit=8):
        prefix = text.clean_query(prefix)[:60]
        if not prefix.strip():
            return []
        s = Search(index=self.alias).suggest(
            "titles",
            prefix.lower(),
            completion={"field": "suggest", "size": limit * 2, "skip_duplicates": True},
        )
        s = s.source(["title", "url", "kind"])
        try:
            response = self.client.search(index=self.alias, body=s[:0].to_dict())
        except NotFoundError:
            return []
        except (EngineConnectionError, TransportError) as error:
            raise SearchUnavailable(str(error)) from error
        options = [
            option
            for suggestion in response.get("suggest", {}).get("titles", [])
            for option in suggestion.get("options", [])
        ]
        readable = visibility.readable_pages([int(o["_id"]) for o in options if "_id" in o])
        out, seen = [], set()
        for option in options:
            source = option.get("_source", {})
            if int(option.get("_id", 0)) not in readable or source.get("url") in seen:
                continue
            seen.add(source.get("url"))
            out.append(
                {
                    "title": source.get("title", ""),
                    "url": source.get("url", ""),
                    "type": facet_label("kind", source.get("kind", "")),
                }
            )
        return out[:limit]


def _total(response):
    total = response["hits"]["total"]
    return total["value"] if isinstance(total, dict) else int(total)
