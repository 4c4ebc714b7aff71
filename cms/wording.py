"""Russian wording the admin builds from model names: «Добавить пару», «9 пар».

Wagtail puts a model's ``verbose_name`` after «Добавить» (nominative: «Добавить пара») and
its ``verbose_name_plural`` after any count (one form: «2 циклы», «5 циклы»). Russian needs
the accusative after the verb and three plural forms after a number, which Django's model
options cannot hold. This table holds them per model label, as translatable strings
(``pgettext`` context "accusative" and ``ngettext`` with a ``count``), and :func:`install`
makes Wagtail's index views and paginator read it. A model missing from the table falls
back to wording that is correct whatever the noun: its nominative after «Добавить» only
when the test of kinds (tests/cms/test_wording.py) finds that it is also accusative, and
«Циклы: 2» for a count.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext_lazy, pgettext_lazy

ACCUSATIVE = {
    "home.homepage": pgettext_lazy("accusative", "home page"),
    "home.standardpage": pgettext_lazy("accusative", "standard page"),
    "curricula.curriculumpage": pgettext_lazy("accusative", "curriculum"),
    "curricula.libraryindexpage": pgettext_lazy("accusative", "content library"),
    "mentoring.user": pgettext_lazy("accusative", "user"),
    "mentoring.plant": pgettext_lazy("accusative", "plant"),
    "mentoring.participant": pgettext_lazy("accusative", "participant"),
    "mentoring.pair": pgettext_lazy("accusative", "pair"),
    "mentoring.meeting": pgettext_lazy("accusative", "meeting"),
    "mentoring.idea": pgettext_lazy("accusative", "idea"),
    "mentoring.nomination": pgettext_lazy("accusative", "nomination"),
    "mentoring.feedback": pgettext_lazy("accusative", "feedback"),
    "mentoring.issuenote": pgettext_lazy("accusative", "curator's note"),
    "skills.toolcategory": pgettext_lazy("accusative", "tool category"),
    "skills.skillgoal": pgettext_lazy("accusative", "skill goal"),
    "mentoring.calendarday": pgettext_lazy("accusative", "production calendar day"),
    "growth.competency": pgettext_lazy("accusative", "competency"),
}

COUNT = {
    "home.homepage": ngettext_lazy("%(count)d home page", "%(count)d home pages", "count"),
    "home.standardpage": ngettext_lazy(
        "%(count)d standard page", "%(count)d standard pages", "count"
    ),
    "curricula.curriculumpage": ngettext_lazy(
        "%(count)d curriculum", "%(count)d curricula", "count"
    ),
    "curricula.trackpage": ngettext_lazy("%(count)d track", "%(count)d tracks", "count"),
    "curricula.modulepage": ngettext_lazy("%(count)d module", "%(count)d modules", "count"),
    "curricula.materialpage": ngettext_lazy(
        "%(count)d library material", "%(count)d library materials", "count"
    ),
    "curricula.sessionplan": ngettext_lazy(
        "%(count)d session plan", "%(count)d session plans", "count"
    ),
    "skills.toolpage": ngettext_lazy("%(count)d digital tool", "%(count)d digital tools", "count"),
    "skills.toolcategory": ngettext_lazy(
        "%(count)d tool category", "%(count)d tool categories", "count"
    ),
    "skills.skilllevel": ngettext_lazy("%(count)d skill level", "%(count)d skill levels", "count"),
    "search.synonym": ngettext_lazy("%(count)d synonym set", "%(count)d synonym sets", "count"),
    "mentoring.user": ngettext_lazy("%(count)d user", "%(count)d users", "count"),
    "mentoring.plant": ngettext_lazy("%(count)d plant", "%(count)d plants", "count"),
    "mentoring.department": ngettext_lazy("%(count)d department", "%(count)d departments", "count"),
    "mentoring.participant": ngettext_lazy(
        "%(count)d participant", "%(count)d participants", "count"
    ),
    "mentoring.cycle": ngettext_lazy("%(count)d cycle", "%(count)d cycles", "count"),
    "mentoring.pair": ngettext_lazy("%(count)d pair", "%(count)d pairs", "count"),
    "mentoring.meeting": ngettext_lazy("%(count)d meeting", "%(count)d meetings", "count"),
    "mentoring.idea": ngettext_lazy("%(count)d idea", "%(count)d ideas", "count"),
    "growth.competency": ngettext_lazy("%(count)d competency", "%(count)d competencies", "count"),
    "mentoring.nomination": ngettext_lazy("%(count)d nomination", "%(count)d nominations", "count"),
    "mentoring.consenttext": ngettext_lazy(
        "%(count)d consent text", "%(count)d consent texts", "count"
    ),
    "mentoring.consentrecord": ngettext_lazy(
        "%(count)d consent record", "%(count)d consent records", "count"
    ),
    "mentoring.documenttemplate": ngettext_lazy(
        "%(count)d document template", "%(count)d document templates", "count"
    ),
    "mentoring.pairagreement": ngettext_lazy(
        "%(count)d pair agreement", "%(count)d pair agreements", "count"
    ),
    "mentoring.mentoringaddendum": ngettext_lazy(
        "%(count)d mentoring addendum", "%(count)d mentoring addenda", "count"
    ),
    "mentoring.calendarday": ngettext_lazy(
        "%(count)d production calendar correction",
        "%(count)d production calendar corrections",
        "count",
    ),
    "mentoring.importjob": ngettext_lazy(
        "%(count)d participant import", "%(count)d participant imports", "count"
    ),
    "mentoring.supportissue": ngettext_lazy(
        "%(count)d issue raised to the curator", "%(count)d issues raised to the curator", "count"
    ),
    "mentoring.hoursmonth": ngettext_lazy(
        "%(count)d month of mentoring hours", "%(count)d months of mentoring hours", "count"
    ),
}


def accusative(model):
    """The model's name as the object of «Добавить»."""
    return ACCUSATIVE.get(model._meta.label_lower) or model._meta.verbose_name


def count_label(model, count):
    """«9 пар» for a model in the table; otherwise «Пары: 9», right for any noun."""
    forms = COUNT.get(model._meta.label_lower) if model is not None else None
    if forms is not None:
        return forms % {"count": count}
    if model is None:
        return gettext("Items: %(count)d") % {"count": count}
    return f"{capfirst(model._meta.verbose_name_plural)}: {count}"


def install():
    """Make Wagtail's «Add …» button and «N items» labels read the table above."""
    from wagtail.admin.paginator import WagtailPaginator
    from wagtail.admin.views.generic.models import IndexView

    def add_item_label(self):
        if self.model:
            return capfirst(gettext("Add %(model_name)s") % {"model_name": accusative(self.model)})
        return gettext("Add")

    def items_count_label(self):
        return count_label(self.model, self.count)

    IndexView.add_item_label = property(add_item_label)
    WagtailPaginator.items_count_label = property(items_count_label)


def labelled_filterset(model, fields, labels):
    """A filter set for an admin listing whose filters across a relation are named by
    ``labels`` (lookup → label): django-filter would join the two nominatives into
    «Наставляемый площадка»."""
    from wagtail.admin.filters import WagtailFilterSet

    meta = type("Meta", (), {"model": model, "fields": fields})
    filterset = type(f"{model.__name__}FilterSet", (WagtailFilterSet,), {"Meta": meta})
    for lookup, label in labels.items():
        filterset.base_filters[lookup].label = label
    return filterset
