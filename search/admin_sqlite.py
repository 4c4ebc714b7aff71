"""SQLite part of `search.admin_backend`: FTS5 with words and their Russian stems.

Imported only on SQLite: Wagtail's SQLite backend needs a model that exists only there.
"""

from wagtail.search.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import PlainText

from search import text


def with_stems(value):
    """The text's words followed by the stems that differ from them."""
    words = text.words(value)
    stems = [text.stem(w) for w in words]
    return " ".join(words + [s for w, s in zip(words, stems, strict=True) if s != w])


def stemmed_query(value):
    return " ".join(text.stem(w) for w in text.words(value))


class RussianObjectIndexer(ObjectIndexer):
    @property
    def title(self):
        return with_stems(super().title)

    @property
    def body(self):
        return with_stems(super().body)

    @property
    def autocomplete(self):
        return with_stems(super().autocomplete)


class RussianSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """Wagtail's `SQLiteIndex.add_items`, with words and their Russian stems stored."""
        from modelsearch.utils import get_content_type_pk

        if not model.get_search_fields():
            return
        indexers = [RussianObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()


class _Stemming:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(stemmed_query(query.query_string) or query.query_string,
                              operator=query.operator, boost=query.boost)  # fmt: skip
        return super().build_search_query_content(query, config=config)


class RussianQueryCompiler(_Stemming, SQLiteSearchQueryCompiler):
    pass


class RussianAutocompleteQueryCompiler(_Stemming, SQLiteAutocompleteQueryCompiler):
    pass


class RussianSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = RussianSQLiteIndex
    query_compiler_class = RussianQueryCompiler
    autocomplete_query_compiler_class = RussianAutocompleteQueryCompiler
