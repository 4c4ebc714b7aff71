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
    """Every word of the indexed pages as written (4 letters or more), for typo correction
    by edit distance on the database backend: «тоблица» → «таблица»."""

    term = models.CharField(max_length=100, primary_key=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    class Meta:
        verbose_name = _("Search term")
        verbose_name_plural = _("Search terms")

    def __str__(self):
        return self.term


class Synonym(models.Model):
    """Words that mean the same to the people who search: jargon, abbreviations, old names.

    Pages are written in the programme's words, people search in their own: «созвон» for a
    video meeting, «ОС» for feedback, «КПЭ» for key performance indicators. HR keeps these
    groups in the admin; every backend expands a query with them when it is searched, so a
    change works on the next search, without re-indexing.
    """

    terms = models.TextField(
        _("Words and phrases"),
        help_text=_(
            "Separated by commas, for example «созвон, видеовстреча, видеосвязь». A search for "
            "any of them also finds pages with the others."
        ),
    )
    one_way = models.BooleanField(
        _("Only the first one expands"),
        default=False,
        help_text=_(
            "For an abbreviation or a broad word: searching for the first item also finds "
            "pages with the others, but searching for the others does not bring pages with "
            "the first."
        ),
    )
    updated_at = models.DateTimeField(_("Updated"), auto_now=True)

    class Meta:
        verbose_name = _("Search synonyms")
        verbose_name_plural = _("Search synonyms")
        ordering = ["terms"]

    def __str__(self):
        return self.terms[:100]

    def clean(self):
        from django.core.exceptions import ValidationError

        from search.analysis import phrase_key

        items = [t.strip() for t in (self.terms or "").split(",") if t.strip()]
        if len(items) < 2:
            raise ValidationError(
                {"terms": _("List at least two words or phrases, separated by commas.")}
            )
        empty = [item for item in items if not phrase_key(item)]
        if empty:
            raise ValidationError(
                {
                    "terms": _(
                        "These items have no searchable words (only short or common words): "
                        "%(items)s."
                    )
                    % {"items": ", ".join(empty)}
                }
            )
        self.terms = ", ".join(dict.fromkeys(items))
