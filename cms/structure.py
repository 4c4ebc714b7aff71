"""What every page request asks about the site's structure, remembered per process.

Before a page is served Wagtail looks up the site for the request's host (a query with a
four-way ``CASE``), and the view restrictions of the page and its ancestors (two queries),
and listings filtered by ``.public()`` read every restriction again. The answers change
only when content does, so each process keeps them under the content generation
(:mod:`cms.generations`), which moves on every write to sites, pages and restrictions on
any app server. Each request gets fresh model instances: nothing one request sets on a
page can reach another.
"""

from django.contrib.contenttypes.models import ContentType
from django.http.request import split_domain_port

from wagtail.models import Page, PageViewRestriction, Site

from cms import generations


class _Memo:
    """Answers kept by this process for the current content generation: at most ``size``
    of them, since some keys (hosts, paths) are the client's to choose."""

    def __init__(self, size):
        self.size = size
        self.number = None
        self.values = {}

    def get(self, key, read):
        number = generations.content_generation()
        values = self.values
        if self.number != number:
            values = {}
            self.number, self.values = number, values
        if key in values:
            return values[key]
        if len(values) >= self.size:
            values.clear()
        value = values[key] = read()
        return value


MAX_HOSTS = 32
MAX_ROUTES = 4096
_sites = _Memo(MAX_HOSTS)
_restrictions = _Memo(2)
_routes = _Memo(MAX_ROUTES)


def _row(instance):
    return tuple(getattr(instance, f.attname) for f in instance._meta.concrete_fields)


def _names(model):
    return [f.attname for f in model._meta.concrete_fields]


def _site_rows(request):
    site = Site._find_for_request(request)
    return None if site is None else (_row(site), _row(site.root_page))


def site_for(request):
    """The :class:`~wagtail.models.Site` Wagtail would pick for ``request``, or ``None``."""
    hostname = split_domain_port(request._get_raw_host())[0]
    rows = _sites.get((hostname, request.get_port()), lambda: _site_rows(request))
    if rows is None:
        return None
    site = Site.from_db("default", _names(Site), rows[0])
    site.root_page = Page.from_db("default", _names(Page), rows[1])
    return site


class SiteMiddleware:
    """Answers ``Site.find_for_request`` from :func:`site_for` (Wagtail reads
    ``request._wagtail_site`` before it queries)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for(request)
        return self.get_response(request)


def restricted_paths():
    """Tree paths of the pages that carry a view restriction."""
    return _restrictions.get(
        "paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct()),
    )


def _any_alias():
    return _restrictions.get("aliases", Page.objects.filter(alias_of__isnull=False).exists)


def view_restrictions(page):
    """``page.get_view_restrictions()``, without a query when none can apply: no restricted
    page is the page or one of its ancestors, and no page is an alias (an alias takes the
    restrictions of its source, which only Wagtail's own walk finds)."""
    paths = restricted_paths()
    if not any(page.path.startswith(path) for path in paths) and not _any_alias():
        return PageViewRestriction.objects.none()
    return page.get_view_restrictions()


def public(queryset):
    """``queryset.public()``, without reading the restrictions when there are none."""
    return queryset.public() if restricted_paths() else queryset


def deepest_page(url_paths, depth):
    """The specific page whose ``url_path`` is the longest of ``url_paths`` below ``depth``,
    or ``None``: which page that is (id and type) is remembered for the content generation,
    so a warm request reads only the page itself."""
    found = _routes.get(
        tuple(url_paths),
        lambda: (
            Page.objects.filter(url_path__in=url_paths, depth__gt=depth)
            .order_by("-depth")
            .values_list("pk", "content_type_id")
            .first()
        ),
    )
    if found is None:
        return None
    pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:  # a page type whose app is gone: Wagtail serves it as a plain page
        model = Page
    return model._default_manager.filter(pk=pk).first()
