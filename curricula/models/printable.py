"""The PDF route every content page of this app shares."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.pdf import pdf_response, render_pdf


class PrintablePageMixin(RoutablePageMixin):
    """Adds ``<page url>pdf/``: the page printed through its own ``get_context``.

    People on the shop floor print what they need; the PDF shows the same content as the
    page (the route goes through ``get_context`` so nothing is computed twice differently).
    A page whose PDF is the same for every reader sets ``pdf_cacheable``: its PDF is then
    made once per published version and served from the cache (:mod:`curricula.pdf_cache`).
    """

    pdf_template = None
    # True only where the PDF template prints nothing about the reader.
    pdf_cacheable = False

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        from curricula import pdf_cache

        key = pdf_cache.key_for(self, request)
        cached = pdf_cache.get(key)
        if cached is not None:
            return pdf_response(cached, self.title)
        context = self.get_context(request)
        context.update(self.get_pdf_context(request, context))
        response = render_pdf(request, self.pdf_template, context, self.title)
        if response.status_code == 200:
            pdf_cache.put(key, response.content)
        return response

    def get_pdf_context(self, request, context):
        return {}

    def pdf_versions(self):
        """``(page id, live revision id)`` of this page and of every page its PDF prints."""
        return [(self.pk, self.live_revision_id)]
