"""Elasticsearch / OpenSearch backend: elasticsearch-dsl builds, opensearch-py sends.

The mapping is an elasticsearch-dsl `Document` (Russian analyzer on title and body, keyword
facets, a completion field); queries are elasticsearch-dsl `Search` objects. Both are turned
into plain JSON (`to_dict()`) and sent with the OpenSearch client, because the elasticsearch
8/9 clients send `compatible-with` media types that OpenSearch servers reject; plain JSON
over the OpenSearch client works against Elasticsearch 7/8 and OpenSearch alike.

Point it at a cluster with `SEARCH_BACKEND=elasticsearch SEARCH_URL=http://host:9200`
(add user:password@ in the URL if the cluster needs it) and run `manage.py search_rebuild`.
"""

import contextlib
import logging
import time

from elasticsearch_dsl import A, Completion, Document, Index, Keyword, Q, Search, Text, analyzer
from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from search import text
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

# Stems and Latin keys computed in Python (search.text), split on spaces only.
keys_analyzer = analyzer("nastavnik_keys", tokenizer="whitespace")


class PageDocument(Document):
    """One searchable page in the index."""

    kind = Keyword()
    title = Text(analyzer="russian", fields={"raw": Keyword()})
    body = Text(analyzer="russian")
    keywords = Text(analyzer="russian")  # tags and category
    title_keys = Text(analyzer=keys_analyzer)
    keys = Text(analyzer=keys_analyzer)
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
    words = doc.title.split()
    suggestions = [" ".join(words[i:]) for i in range(len(words))][:6]
    return {
        "kind": doc.kind,
        "title": doc.title,
        "body": doc.body,
        "keywords": extra,
        "title_keys": " ".join(title_keys),
        "keys": " ".join(text.index_tokens(f"{doc.title} {doc.body} {extra}")),
        "url": doc.url,
        "audience": doc.facets.get("audience", []),
        "category": doc.facets.get("category", []),
        "tags": doc.facets.get("tags", []),
        "labels": [
            f"{f}\x1f{v}\x1f{label}" for f, m in doc.labels.items() for v, label in m.items()
        ],
        "suggest": {"input": suggestions, "weight": 10 if doc.kind != "home.standardpage" else 5},
    }


class ElasticBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, alias):
        if not url:
            raise ValueError("SEARCH_URL is empty: set it to the cluster's http(s) address")
        self.url = url
        self.alias = alias
        self.client = OpenSearch(hosts=[url], timeout=10, max_retries=1)

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
        return count

    def drop(self):
        """Delete the alias and its indices (tests)."""
        if self.client.indices.exists_alias(name=self.alias):
            for index in self.client.indices.get_alias(name=self.alias):
                self.client.indices.delete(index=index)

    # --- reading ---------------------------------------------------------------------------

    @staticmethod
    def term_query(word, variants):
        should = [
            Q("match", title={"query": word, "boost": 10}),
            Q("match", title={"query": word, "fuzziness": "AUTO", "prefix_length": 1, "boost": 4}),
            Q("match", keywords={"query": word, "boost": 3}),
            Q("match", body={"query": word, "boost": 1}),
            Q("match", body={"query": word, "fuzziness": "AUTO", "prefix_length": 1}),
        ]
        should.append(
            Q("match", title_keys={"query": " ".join(variants), "fuzziness": "AUTO", "boost": 3})
        )
        for v in variants:
            if len(v) >= 3 or v.isdigit():
                should.append(Q("prefix", title_keys={"value": v, "boost": 8}))
                should.append(Q("prefix", keys={"value": v, "boost": 1}))
        return Q("bool", should=should, minimum_should_match=1)

    def build_search(self, query, require_all=True):
        words = text.query_words(query.text)
        per_term = [self.term_query(w, v) for w, v in zip(words, query.terms, strict=False)]
        if require_all:
            main = Q("bool", must=per_term)
        else:
            main = Q("bool", should=per_term, minimum_should_match=1)
        filters = {f: v for f, v in query.filters.items() if v}
        s = Search(index=self.alias).query(main)
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
        start = (query.page - 1) * query.per_page
        return s[start : start + query.per_page]

    def search(self, query):
        results = Results(query=query.text, page=query.page, per_page=query.per_page)
        results.facets = empty_facets()
        if not query.terms:
            return results
        response = self._run(self.build_search(query, require_all=True))
        if not response["hits"]["hits"] and len(query.terms) > 1:
            response = self._run(self.build_search(query, require_all=False))
        total = response["hits"]["total"]
        results.total = total["value"] if isinstance(total, dict) else int(total)
        labels = {}
        for hit in response["hits"]["hits"]:
            for packed in hit["_source"].get("labels", []):
                facet, value, label = packed.split("\x1f", 2)
                labels.setdefault(facet, {})[value] = label
        for hit in response["hits"]["hits"]:
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
                        else text.snippet(source.get("body", ""), query.terms)
                    ),
                    score=hit.get("_score") or 0.0,
                )
            )
        filters = {f: v for f, v in query.filters.items() if v}
        for facet in FACETS:
            buckets = response.get("aggregations", {}).get(f"facet_{facet}", {})
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
            completion={"field": "suggest", "size": limit, "skip_duplicates": True},
        )
        s = s.source(["title", "url", "kind"])
        try:
            response = self.client.search(index=self.alias, body=s[:0].to_dict())
        except NotFoundError:
            return []
        except (EngineConnectionError, TransportError) as error:
            raise SearchUnavailable(str(error)) from error
        out, seen = [], set()
        for suggestion in response.get("suggest", {}).get("titles", []):
            for option in suggestion.get("options", []):
                source = option.get("_source", {})
                if source.get("url") in seen:
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
