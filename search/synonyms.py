"""The synonym groups HR keeps in the admin, as the table a query is expanded with."""

from search.analysis import compile_synonyms


def table():
    """{phrase key: wordings it also finds} — read on every search (one short query), so a
    change in the admin takes effect at once in every process."""
    from search.models import Synonym

    rows = tuple(Synonym.objects.order_by("pk").values_list("terms", "one_way"))
    return compile_synonyms(rows)
