"""Issue 16: the wording a Russian HR team reads on the front end — numbers with the
right plural form, forms without a preselected «---------», the product's 404 with DEBUG."""

import datetime
import glob
import re

import polib
import pymorphy3
import pytest

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from mentoring.models import Idea
from tests.mentoring.factories import CycleFactory, PairFactory

morph = pymorphy3.MorphAnalyzer()
NUMBER_THEN_WORD = re.compile(r"(%\(\w+\)[sd]|%[sd]|\{\{ ?\w+ ?\}\})\s+([а-яё]+)", re.IGNORECASE)
# after these a genitive plural is right for the large numbers they take («больше 5000 строк»)
GOVERNING = re.compile(r"(больше|меньше|длиннее|более|менее)\s+$", re.IGNORECASE)


def test_no_catalogue_string_puts_a_noun_after_a_number_without_plural_forms():
    """A translation like «%(count)s адресатов» reads «1 адресатов»: a number followed by a
    noun must come from ``ngettext``/``blocktranslate count`` (an entry with plural forms).
    Units written short («ч», «мин», «дн.») do not change and are allowed."""
    found = []
    for path in sorted(glob.glob(str(settings.BASE_DIR / "*/locale/ru/LC_MESSAGES/django.po"))):
        for entry in polib.pofile(path):
            if entry.msgid_plural or entry.obsolete:
                continue
            for match in NUMBER_THEN_WORD.finditer(entry.msgstr):
                word = match.group(2)
                parse = morph.parse(word.lower())[0]
                if parse.tag.POS not in ("NOUN", "ADJF") or "Abbr" in parse.tag:
                    continue
                if len(word) <= 3 or GOVERNING.search(entry.msgstr[: match.start()]):
                    continue
                found.append(entry.msgid)
    assert found == []


def test_templates_never_print_a_count_then_a_fixed_plural_word():
    """``{{ n }} {% translate "pairs" %}`` or ``{{ total }} {{ unit }}`` gives «9 пары»."""
    found = []
    pattern = re.compile(
        r"\{\{ ?[\w.]+ ?\}\}(</strong>)?\s*(\{% translate \"[a-z]+s\" %\}|\{\{ ?[\w.]*unit ?\}\})"
    )
    for path in glob.glob(str(settings.BASE_DIR / "*/templates/**/*.html"), recursive=True):
        with open(path, encoding="utf-8") as handle:
            if pattern.search(handle.read()):
                found.append(path)
    assert found == []


def test_results_say_9_pairs_and_5_ideas(client, hr_admin):
    cycle = CycleFactory()
    pairs = [PairFactory(cycle=cycle) for _ in range(9)]
    for pair in pairs[:5]:
        Idea.objects.create(
            author=pair.mentee,
            pair=pair,
            title="Электронный журнал смены",
            description="…",
            status=Idea.Status.IMPLEMENTED,
            implemented_on=datetime.date.today(),
        )
    client.force_login(hr_admin.user)
    text = client.get(reverse("programme_results")).content.decode()
    assert re.search(r"<strong>9</strong> пар\b", text)
    assert re.search(r"<strong>5</strong> идей\b", text)
    assert "9</strong> пары" not in text


def test_ideas_per_month_are_shown_for_one_author(client, hr_admin):
    """Counting implemented ideas reveals nothing about a person: no «группа слишком мала»."""
    from mentoring import reporting

    pair = PairFactory()
    Idea.objects.create(
        author=pair.mentee,
        pair=pair,
        title="Шаблон отчёта",
        description="…",
        status=Idea.Status.IMPLEMENTED,
        implemented_on=datetime.date.today(),
    )
    series = reporting.ideas_implemented(reporting.filters_from({}), {"plant": {}, "cycle": {}})
    assert series.total == 1
    assert series.by_month[datetime.date.today().replace(day=1)] == 1


@pytest.mark.parametrize("url_name", ["nominate"])
def test_nomination_form_has_no_preselected_blank_radio(client, pair, url_name):
    client.force_login(pair.mentee.user)
    text = client.get(reverse(url_name)).content.decode()
    assert 'type="radio"' in text
    assert "---------" not in text


def test_feedback_form_has_no_blank_radio(client, pair):
    from tests.mentoring.factories import MeetingFactory

    meeting = MeetingFactory(pair=pair)
    client.force_login(pair.mentee.user)
    text = client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert 'name="usefulness"' in text
    assert "---------" not in text


@override_settings(DEBUG=True)
def test_unknown_address_shows_the_russian_404_with_debug_on(client, pair):
    client.force_login(pair.mentee.user)
    response = client.get("/no-such-page-here/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found at" not in text
    assert "Страница не найдена" in text
