"""What every page request asks about the site's structure, remembered per process.

Before a page is served Wagtail looks up the site for the request's host (a query with a
four-way ``CASE``), and the view restrictions of the page and its ancestors (two queries),
and listings filtered by ``.public()`` read every restriction again. The answers change
only when content does, so each process keeps them under the content generation
(:mod:`cms.generations`), which moves on every write to sites, pages and restrictions on
any app server. Each request gets fresh model instances: nothing one request sets on a
page can reach another.
"""

import threading

from django.contrib.contenttypes.models import ContentType
from django.http.request import split_domain_port

from wagtail.models import Page, PageViewRestriction, Site

from cms import generations

# Hosts are the client's to choose: a few legitimate ones, never an unbounded number.
MAX_HOSTS = 32

_lock = threading.Lock()
_sites = {}
_restrictions = {}


def _row(instance):
    return tuple(getattr(instance, f.attname) for f in instance._meta.concrete_fields)


def _names(model):
    return [f.attname for f in model._meta.concrete_fields]


def site_for(request):
    """The :class:`~wagtail.models.Site` Wagtail would pick for ``request``, or ``None``."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = (hostname, request.get_port())
    number = generations.content_generation()
    known = _sites.get(key)
    if known is None or known[0] != number:
        site = Site._find_for_request(request)
        known = (number, None if site is None else (_row(site), _row(site.root_page)))
        with _lock:
            if len(_sites) >= MAX_HOSTS:
                _sites.clear()
            _sites[key] = known
    if known[1] is None:
        return None
    site_row, root_row = known[1]
    site = Site.from_db("default", _names(Site), site_row)
    site.root_page = Page.from_db("default", _names(Page), root_row)
    return site


class SiteMiddleware:
    """Answers ``Site.find_for_request`` from :func:`site_for` (Wagtail reads
    ``request._wagtail_site`` before it queries)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for(request)
        return self.get_response(request)


def _remembered(name, read):
    """``read()``, kept by this process for the current content generation."""
    number = generations.content_generation()
    known = _restrictions.get(name)
    if known is None or known[0] != number:
        known = (number, read())
        _restrictions[name] = known
    return known[1]


def restricted_paths():
    """Tree paths of the pages that carry a view restriction."""
    return _remembered(
        "paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct()),
    )


def _any_alias():
    return _remembered("aliases", Page.objects.filter(alias_of__isnull=False).exists)


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


MAX_ROUTES = 4096
_routes = {"number": None, "found": {}}


def deepest_page(url_paths, depth):
    """The specific page whose ``url_path`` is the longest of ``url_paths`` below ``depth``,
    or ``None``: which page that is (id and type) is remembered for the content generation,
    so a warm request reads only the page itself."""
    number = generations.content_generation()
    if _routes["number"] != number:
        _routes.update(number=number, found={})
    found = _routes["found"]
    key = tuple(url_paths)
    if key not in found:
        if len(found) >= MAX_ROUTES:  # paths are the client's to choose
            found.clear()
        found[key] = (
            Page.objects.filter(url_path__in=url_paths, depth__gt=depth)
            .order_by("-depth")
            .values_list("pk", "content_type_id")
            .first()
        )
    if found[key] is None:
        return None
    pk, content_type_id = found[key]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:  # a page type whose app is gone: Wagtail serves it as a plain page
        model = Page
    return model._default_manager.filter(pk=pk).first()
