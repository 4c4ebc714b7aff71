"""Turn any live, public, specific Wagtail page into a backend-neutral search document.

The searched page types belong to apps above or beside `search` and change on their own
schedule, so nothing here imports them: models come from `SEARCH_PAGE_MODELS` by label, and
facet values are read by duck typing (`audience`, `category`, `tags`, …) with empty defaults.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils import translation

from wagtail.search import index

from search import conf
from search.text import plain_text

FACETS = ("kind", "audience", "category", "tags")
MAX_BODY_CHARS = 30_000


@dataclass
class SearchDocument:
    """What every backend stores for one page."""

    page_id: int
    kind: str  # model label, e.g. "skills.toolpage"
    title: str
    body: str
    url: str
    facets: dict = field(default_factory=dict)  # facet -> list of values
    labels: dict = field(default_factory=dict)  # facet -> {value: label}
    path: str = ""  # the page's place in the tree, to leave out restricted subtrees


def searchable_models():
    """The installed page models from the setting; labels of missing apps are skipped."""
    models = []
    for label in conf.page_model_labels():
        try:
            models.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return models


def is_searchable(page):
    """Live, under no view restriction (its own or an ancestor's), of a searchable type."""
    specific_class = page.specific_class
    if specific_class is None or specific_class not in searchable_models():
        return False
    if not page.live:
        return False
    return not page.get_view_restrictions().exists()


def _field_text(page, name):
    try:
        model_field = page._meta.get_field(name)
    except Exception:
        model_field = None
    value = getattr(page, name, "")
    if callable(value) and model_field is None:
        value = value()
    if model_field is not None and hasattr(model_field, "get_searchable_content"):
        return " ".join(str(part) for part in model_field.get_searchable_content(value))
    return plain_text(value)


def body_text(page):
    """The text of the page's `search_fields` (StreamField searchable content included)."""
    parts = []
    for search_field in page.search_fields:
        if not isinstance(search_field, index.SearchField):
            continue
        if search_field.field_name == "title":
            continue
        parts.append(_field_text(page, search_field.field_name))
    if getattr(page, "search_description", ""):
        parts.append(page.search_description)
    return plain_text(" ".join(p for p in parts if p))[:MAX_BODY_CHARS]


def _values(page, name):
    """(value, label) pairs of one duck-typed facet attribute."""
    value = getattr(page, name, None)
    if value is None or value == "":
        return []
    if name == "tags" and hasattr(value, "names"):
        return [(n, n) for n in sorted(value.names())]
    if hasattr(value, "all") and callable(value.all):
        return [(str(v), str(v)) for v in value.all()]
    display = getattr(page, f"get_{name}_display", None)
    if callable(display):
        return [(str(value), str(display()))]
    label = getattr(value, "title", None) or getattr(value, "name", None) or str(value)
    return [(str(label), str(label))]


def page_to_document(page):
    """A `SearchDocument` for the page, or None when readers may not find it."""
    page = page.specific
    if not is_searchable(page):
        return None
    facets, labels = {}, {}
    kind = page._meta.label_lower
    with translation.override("ru"):
        facets["kind"] = [kind]
        labels["kind"] = {kind: str(page._meta.verbose_name)}
        for name in ("audience", "category", "tags"):
            pairs = _values(page, name)
            if not pairs and name == "audience" and not hasattr(page, "audience"):
                # A module is for whoever its track is for.
                parent = page.get_parent()
                pairs = _values(parent.specific, name) if parent else []
            facets[name] = [v for v, _label in pairs]
            labels[name] = dict(pairs)
    return SearchDocument(
        page_id=page.pk,
        kind=kind,
        title=page.title,
        body=body_text(page),
        url=page.get_url() or page.url_path,
        facets=facets,
        labels=labels,
        path=page.path,
    )


def iter_documents(chunk=200):
    """Documents for every searchable page, fetched type by type in chunks."""
    for model in searchable_models():
        qs = model.objects.live().public().order_by("pk")
        for related in ("category",):
            if any(f.name == related for f in model._meta.get_fields()):
                qs = qs.select_related(related)
        if hasattr(model, "tags"):
            qs = qs.prefetch_related("tags")
        for page in qs.iterator(chunk_size=chunk):
            doc = page_to_document(page)
            if doc is not None:
                yield doc


def count_pages():
    return sum(m.objects.live().public().count() for m in searchable_models())


def facet_label(facet, value, stored=None):
    """The label shown for a facet value: model names in the reader's language."""
    if facet == "kind":
        try:
            return str(apps.get_model(value)._meta.verbose_name)
        except (LookupError, ValueError):
            pass
    if facet == "audience":
        for model in searchable_models():
            try:
                choices = dict(model._meta.get_field("audience").flatchoices)
            except Exception:  # noqa: S112 - the model has no such field
                continue
            if value in choices:
                return str(choices[value])
    return (stored or {}).get(value) or value
