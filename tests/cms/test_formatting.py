"""``|date`` everywhere is remembered per value (cms.formatting): the memory must never
give one reader's language or time zone to another."""

import datetime

from django.template import Context, Template
from django.utils import timezone, translation

MOMENT = datetime.datetime(2026, 11, 27, 6, 30, tzinfo=datetime.UTC)


def render(value, fmt):
    return Template("{{ value|date:fmt }}").render(Context({"value": value, "fmt": fmt}))


def test_language_and_zone_are_part_of_what_is_remembered(settings):
    settings.USE_TZ = True
    with translation.override("ru"), timezone.override("Europe/Moscow"):
        assert render(MOMENT, "j E Y, H:i") == "27 ноября 2026, 09:30"
    with translation.override("en"), timezone.override("Europe/Moscow"):
        assert render(MOMENT, "j E Y, H:i") == "27 November 2026, 09:30"
    with translation.override("ru"), timezone.override("Asia/Yekaterinburg"):
        assert render(MOMENT, "j E Y, H:i") == "27 ноября 2026, 11:30"
    with translation.override("ru"), timezone.override("Europe/Moscow"):
        assert render(MOMENT, "j E Y, H:i") == "27 ноября 2026, 09:30"


def test_empty_and_odd_values_are_as_django_gives_them():
    assert render(None, "j E Y") == ""
    assert render("", "j E Y") == ""
    assert render("не дата", "j E Y") == ""
    assert render(datetime.date(2026, 1, 7), "d.m.Y") == "07.01.2026"
