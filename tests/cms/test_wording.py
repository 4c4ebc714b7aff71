"""Russian wording the admin builds from model names, checked by kind over every model.

Each check discovers its subjects (every admin listing, every model of the project, every
form, every constraint, every StreamField block), so a new model or form that brings back
«Добавить пара», «5 циклы», an English name or a preselected «---------» fails here.
"""

import re

import pymorphy3
import pytest
from django_filters.utils import label_for_filter

from django import forms
from django.apps import apps
from django.db.models import CheckConstraint, UniqueConstraint
from django.urls import reverse
from django.utils import translation

from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.fields import StreamField

from cms import wording
from cms.widgets import ChoiceRadioSelect
from tests.mentoring.factories import UserFactory

PROJECT_APPS = ("cms", "home", "search", "curricula", "skills", "mentoring")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
morph = pymorphy3.MorphAnalyzer()


def project_models():
    return [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS]


def admin_viewsets():
    reverse("wagtailadmin_home")  # loads the admin URLs, which registers the viewsets
    return [
        vs
        for vs in viewsets.viewsets
        if isinstance(vs, ModelViewSet) and getattr(vs, "model", None) is not None
    ]


def index_view(viewset):
    return viewset.index_view_class(
        **{**viewset.get_common_view_kwargs(), **viewset.get_index_view_kwargs()}
    )


def can_be(word, *grammemes):
    return any(set(grammemes) <= set(p.tag.grammemes) for p in morph.parse(word.lower()))


@pytest.fixture
def superuser_client(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return client


def test_every_model_of_the_project_has_a_russian_name():
    with translation.override("ru"):
        english = [
            m._meta.label
            for m in project_models()
            if not CYRILLIC.search(str(m._meta.verbose_name))
            or not CYRILLIC.search(str(m._meta.verbose_name_plural))
        ]
    assert english == []


def test_every_add_button_of_the_admin_uses_the_accusative(superuser_client):
    checked = []
    with translation.override("ru"):
        for viewset in admin_viewsets():
            view = index_view(viewset)
            label = str(view.add_item_label)
            if not label.startswith("Добавить "):
                continue
            word = label.split()[1]
            checked.append(viewset.model._meta.label)
            assert can_be(word, "accs"), (viewset.model._meta.label, label)
    assert {"mentoring.Pair", "mentoring.Participant", "mentoring.Idea"} <= set(checked)
    response = superuser_client.get(reverse("pairs:index"), HTTP_ACCEPT_LANGUAGE="ru")
    assert "Добавить пару" in response.content.decode()


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("mentoring.Pair", "Добавить пару"),
        ("mentoring.Participant", "Добавить участника"),
        ("mentoring.Idea", "Добавить идею"),
        ("mentoring.Cycle", "Добавить цикл"),
    ],
)
def test_add_label_examples_from_the_issue(model, expected):
    with translation.override("ru"):
        label = "Добавить " + str(wording.accusative(apps.get_model(model)))
    assert label == expected


EXPECTED = {
    1: {"nomn", "sing"},
    2: {"gent", "sing"},
    4: {"gent", "sing"},
    5: {"gent", "plur"},
    11: {"gent", "plur"},
    21: {"nomn", "sing"},
    22: {"gent", "sing"},
}


@pytest.mark.parametrize("label", sorted(wording.COUNT))
def test_counts_in_the_admin_agree_with_the_number(label):
    model = apps.get_model(label)
    with translation.override("ru"):
        for number, grammemes in EXPECTED.items():
            text = str(wording.count_label(model, number))
            words = text.split()
            assert words[0] == str(number), text
            nouns = [w for w in words[1:] if morph.parse(w)[0].tag.POS == "NOUN"]
            assert nouns, text
            assert can_be(nouns[0], *grammemes), (text, grammemes)


def test_a_model_missing_from_the_table_is_counted_without_a_plural_form():
    model = apps.get_model("wagtailimages.Image")
    with translation.override("ru"):
        assert wording.count_label(model, 5) == "Изображения: 5"


def test_the_admin_listing_shows_the_count_in_russian(superuser_client):
    from tests.mentoring.factories import CycleFactory

    for _i in range(5):
        CycleFactory()
    response = superuser_client.get(reverse("cycles:index"), HTTP_ACCEPT_LANGUAGE="ru")
    text = response.content.decode()
    assert "5 циклов" in text
    assert "5 циклы" not in text


def test_filters_across_a_relation_are_named(superuser_client):
    unnamed = []
    for viewset in admin_viewsets():
        view = index_view(viewset)
        filterset = view.filterset_class
        if not isinstance(filterset, type):
            continue
        for name, flt in filterset.base_filters.items():
            if "__" in flt.field_name and flt.label in (
                None,
                label_for_filter(viewset.model, flt.field_name, flt.lookup_expr),
            ):
                unnamed.append((viewset.model._meta.label, name))
    assert unnamed == []


def test_pair_list_filter_reads_in_russian(superuser_client):
    response = superuser_client.get(reverse("pairs:index"), HTTP_ACCEPT_LANGUAGE="ru")
    text = response.content.decode()
    assert "Площадка наставляемого" in text
    assert "Наставляемый площадка" not in text


def test_no_constraint_shows_its_name_as_an_error():
    """Django's default message for a check or conditional unique constraint is «Нарушено
    ограничение "pair_mentor_is_not_mentee"»; each must say what is wrong instead."""
    bare = []
    for model in project_models():
        for constraint in model._meta.constraints:
            plain_unique = (
                isinstance(constraint, UniqueConstraint)
                and constraint.fields
                and constraint.condition is None
            )
            custom = (
                constraint.violation_error_message != constraint.default_violation_error_message
            )
            if isinstance(constraint, CheckConstraint | UniqueConstraint) and not (
                plain_unique or custom
            ):
                bare.append(constraint.name)
    assert bare == []


def test_every_block_label_is_russian():
    english = []

    def walk(block, path):
        for name, child in getattr(block, "child_blocks", {}).items():
            if not CYRILLIC.search(str(child.label)):
                english.append(f"{path}.{name}")
            walk(child, f"{path}.{name}")
        if hasattr(block, "child_block"):
            walk(block.child_block, f"{path}[]")

    with translation.override("ru"):
        for model in project_models():
            for field in model._meta.get_fields():
                if isinstance(field, StreamField):
                    walk(field.stream_block, f"{model._meta.label}.{field.name}")
    assert english == []


def test_the_default_workflow_has_a_russian_name(db):
    from wagtail.models import Task, Workflow

    names = list(Workflow.objects.values_list("name", flat=True))
    names += list(Task.objects.values_list("name", flat=True))
    assert "Moderators approval" not in names
    assert all(CYRILLIC.search(name) for name in names), names


def project_form_classes():
    import importlib

    found = []
    for app in PROJECT_APPS:
        for module_name in ("forms", "admin_forms", "admin_paperwork"):
            try:
                module = importlib.import_module(f"{app}.{module_name}")
            except ModuleNotFoundError:
                continue
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, forms.BaseForm)
                    and value.__module__ == module.__name__
                ):
                    found.append(value)
    return found


def test_no_radio_button_offers_the_empty_choice():
    offending = []
    forms_checked = project_form_classes()
    assert len(forms_checked) > 5
    for form_class in forms_checked:
        for name, field in form_class.base_fields.items():
            widget = field.widget
            if not isinstance(widget, forms.RadioSelect) or isinstance(widget, ChoiceRadioSelect):
                continue
            if isinstance(field, forms.ModelChoiceField):
                blank = field.empty_label is not None
            else:
                blank = any(value in ("", None) for value, _label in field.choices)
            if blank:
                offending.append(f"{form_class.__name__}.{name}")
    assert offending == []
