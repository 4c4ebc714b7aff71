"""Every kind of page the site serves, found by crawling it as each role.

Run inside the demo server's environment (``python -m tests.e2e.inventory OUT_DIR``): it
logs in as each demo account with Django's test client, follows every link from the home
page and classifies each address by what serves it — the URL pattern of a Django view, or
the Wagtail page type (plus the sub-route, e.g. ``pdf/``). Nobody lists the pages: a new
view or page type is found as soon as something links to it, and the quality checks
(axe-core, the Nu HTML checker) then cover it for every role that can open it.

It writes ``inventory.json`` (role → kind → address, status, content type) and the HTML of
every page kind per role under ``OUT_DIR/html/`` for the HTML checker. ``routes`` and
``page_types`` in the JSON are everything the URL conf and the page models declare, so the
test can fail when something exists that no role can reach.
"""

import json
import re
import sys
from collections import deque
from html import unescape
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

# Demo accounts per role (password demo12345); None is a visitor who has not logged in.
ROLES = {
    "anonymous": None,
    "mentee": "mentee",
    "mentor": "mentor",
    "curator": "curator",
    "hr_editor": "hreditor",
    "hr_admin": "hr",
}
# Where a crawl starts. The search page needs a query to show results; the missing address
# shows the 404 page a reader meets after a stale link. The password pages are reached from
# an e-mail or after a form is sent: their addresses (with a used link) are opened directly.
SEEDS = [
    "/",
    "/login/",
    "/search/?q=Excel",
    "/no-such-page/",
    "/sitemap.xml",
    "/password-reset/sent/",
    "/password-reset/MQ/used-link/",
    "/password-reset/done/",
    "/invitation/MQ/used-link/",
    "/invitation/done/",
]
# Not the site's own pages: the Wagtail admin (Wagtail's HTML), served files, the language
# switch and logout (POST only), documents (downloads).
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/i18n/", "/logout/")
# How many addresses of one kind are opened to find links to other kinds.
OPENED_PER_KIND = 4
# Addresses a page leads to: links, form targets (opened with GET: a POST-only view answers
# 405 and is known as such) and the data-*-url attributes scripts fetch from.
ADDRESS = re.compile(
    r"""<(?:a\b[^>]*?\bhref|form\b[^>]*?\baction|[a-z]+\b[^>]*?\bdata-[a-z-]*url)"""
    r"""\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)


def url_patterns():
    """Every route of the URL conf with its view, includes flattened (admin left out)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route.lstrip("^"), pattern.callback

    for route, view in walk(get_resolver().url_patterns, ""):
        if not route.startswith(tuple(p.lstrip("/") for p in SKIPPED_PREFIXES)):
            yield route, view


class Classifier:
    """Names the kind of page an address leads to, before it is opened."""

    def __init__(self):
        from wagtail.models import Page, Site

        site = Site.objects.get(is_default_site=True)
        root = site.root_page
        self.pages = {}
        for page in Page.objects.live().descendant_of(root, inclusive=True).specific():
            path = page.url_path[len(root.url_path) - 1 :]
            self.pages[path] = page.specific_class._meta.label_lower

    def kind(self, path):
        from django.urls import Resolver404, resolve

        from wagtail.views import serve

        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.func is not serve:
            return "view:" + match.route
        # The longest page address that starts the path: the rest is a sub-route.
        prefix = path
        while prefix:
            if prefix in self.pages:
                rest = path[len(prefix) :]
                return f"page:{self.pages[prefix]}" + (f":{rest}" if rest else "")
            prefix = prefix[: prefix.rstrip("/").rfind("/") + 1]
        return "page:missing"


def links_in(html):
    for href in ADDRESS.findall(html):
        href = urldefrag(unescape(href)).url
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, classifier, html_dir, role, files):
    """Open the site as ``role``; return kind → {url, status, content_type, cache_control}.

    ``files`` (kind → entry) is shared by the roles: a download (PDF, spreadsheet) is
    opened once in the whole crawl, not once per role.
    """
    found = {}
    opened = {}
    queue = deque(SEEDS)
    seen = set(queue)
    while queue:
        url = queue.popleft()
        path = urlsplit(url).path
        if path.startswith(SKIPPED_PREFIXES):
            continue
        kind = classifier.kind(path)
        if kind is None or opened.get(kind, 0) >= OPENED_PER_KIND:
            continue
        if kind in files:
            found.setdefault(kind, {**files[kind], "url": url, "shared": True})
            continue
        opened[kind] = opened.get(kind, 0) + 1
        response = client.get(url)
        content_type = response.get("Content-Type", "").split(";")[0]
        entry = {
            "url": url,
            "status": response.status_code,
            "content_type": content_type,
            "cache_control": response.get("Cache-Control", ""),
        }
        found.setdefault(kind, entry)
        if content_type != "text/html":
            if response.status_code == 200:
                files[kind] = entry
            continue
        if found[kind]["url"] == url and response.status_code in (200, 403, 404):
            found[kind]["html"] = save(html_dir, role, kind, response)
        if response.status_code == 200:
            for link in links_in(response.content.decode()):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
    return found


def save(html_dir, role, kind, response):
    name = re.sub(r"[^a-z0-9]+", "_", f"{role}_{kind}".lower()).strip("_")
    (html_dir / f"{name}.html").write_bytes(response.content)
    return f"{name}.html"


def main(out_dir):
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from wagtail.models import get_page_models

    setup_test_environment()
    out = Path(out_dir)
    html_dir = out / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    classifier = Classifier()
    result = {
        "routes": sorted({route for route, _view in url_patterns()}),
        "page_types": sorted(
            model._meta.label_lower for model in get_page_models() if model.is_creatable
        ),
        "roles": {},
    }
    from django.contrib.auth import get_user_model

    files = {}
    for role, username in ROLES.items():
        client = Client()
        if username:
            client.force_login(get_user_model().objects.get(username=username))
        result["roles"][role] = crawl(client, classifier, html_dir, role, files)
    (out / "inventory.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
