"""The PDF route every content page of this app shares."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.pdf import render_pdf


class PrintablePageMixin(RoutablePageMixin):
    """Adds ``<page url>pdf/``: the page printed through its own ``get_context``.

    People on the shop floor print what they need; the PDF shows the same content as the
    page (the route goes through ``get_context`` so nothing is computed twice differently).
    """

    pdf_template = None

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        context = self.get_context(request)
        context.update(self.get_pdf_context(request, context))
        return render_pdf(request, self.pdf_template, context, self.title)

    def get_pdf_context(self, request, context):
        return {}
