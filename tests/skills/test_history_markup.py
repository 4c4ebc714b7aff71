"""The history of levels on /my/skills/ and on a tool page (the ``skill_history`` tag):
newest first, dates in Russian, what people typed shown as text, never as markup."""

import datetime

from django.urls import reverse

from skills import services
from skills.models.mastery import Lens
from tests.skills.factories import tool

HOSTILE = '<script>alert(1)</script> & "кавычки"'


def test_history_is_newest_first_in_russian_and_escaped(client, pair):
    instrument = tool("Яндекс Трекер")
    moment = datetime.datetime(2026, 3, 8, 10, 0, tzinfo=datetime.UTC)
    services.record_level(pair.mentee, instrument, Lens.SELF, 1, by=pair.mentee.user, at=moment)
    services.record_level(
        pair.mentee,
        instrument,
        Lens.MENTOR,
        3,
        by=pair.mentor.user,
        evidence_text=HOSTILE,
        evidence_link='https://example.org/"onmouseover=x',
    )
    client.force_login(pair.mentee.user)
    html = client.get(reverse("my_skills")).content.decode()
    timeline = html[html.index('<ol class="timeline"') : html.index("</ol>")]
    assert "<script>" not in timeline
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;кавычки&quot;" in timeline
    assert 'href="https://example.org/&quot;onmouseover=x"' in timeline
    assert "8 марта 2026" in timeline
    # local time, as the template filter gives it (Europe/Moscow): late UTC is the next day
    assert 'datetime="2026-03-08T13:00:00+0300"' in timeline
    assert timeline.index("3 «") < timeline.index("8 марта 2026")  # the newest first
    assert f"({pair.mentor.user.get_full_name()})" in timeline


def test_no_history_says_so(client, pair):
    instrument = tool("Яндекс Трекер")
    services.set_goal(pair.mentee, instrument, pair.cycle, 3)
    client.force_login(pair.mentee.user)
    html = client.get(reverse("my_skills")).content.decode()
    assert "Записей пока нет." in html
