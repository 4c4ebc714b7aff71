"""Search backends behind one contract (see `base.SearchBackend`)."""

from search import conf


def get_backend(name=None, url=None, index=None):
    """The backend named by `SEARCH_BACKEND` (database by default)."""
    name = (name or conf.backend_name()).lower()
    if name in {"elasticsearch", "opensearch", "es"}:
        from search.backends.base import SearchUnavailable
        from search.backends.elastic import ElasticBackend

        try:
            return ElasticBackend(url or conf.search_url(), index or conf.index_name())
        except ValueError as error:
            raise SearchUnavailable(str(error)) from error
    from search.backends.database import DatabaseBackend

    return DatabaseBackend()
