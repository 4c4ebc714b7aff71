"""The search synonyms HR keeps: a snippet in the admin («Синонимы поиска»)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    """Groups of words a search treats as one: jargon, abbreviations, other names."""

    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["terms", "one_way", "updated_at"]
    list_filter = ["one_way"]
    search_fields = ["terms"]
    ordering = ["terms"]


register_snippet(SynonymViewSet)
