"""The database backend's own index: one row per searchable page, plus the stem vocabulary."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """A page as the database backend searches it.

    Wagtail's database index stores words as written, and SQLite's FTS5 has no Russian
    stemmer; this table keeps Snowball stems and Latin keys as a space-delimited string
    (matched by prefix), the plain text for snippets, and the facet values for filters.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    kind = models.CharField(_("Type"), max_length=100, db_index=True)
    title = models.CharField(_("Title"), max_length=255)
    body = models.TextField(_("Text"), blank=True)
    url = models.CharField(_("URL"), max_length=500, blank=True)
    title_tokens = models.TextField(blank=True)
    keyword_tokens = models.TextField(blank=True)  # tags and category: ranked below the title
    tokens = models.TextField(blank=True)
    # Facet values as "|a|b|" so a filter is one LIKE; labels for display.
    audience = models.CharField(max_length=500, blank=True)
    category = models.CharField(max_length=500, blank=True)
    tags = models.TextField(blank=True)
    labels = models.JSONField(default=dict, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Search entry")
        verbose_name_plural = _("Search entries")

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """Every stem in the index, for typo correction by edit distance on the database backend."""

    term = models.CharField(max_length=100, primary_key=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    class Meta:
        verbose_name = _("Search term")
        verbose_name_plural = _("Search terms")

    def __str__(self):
        return self.term
