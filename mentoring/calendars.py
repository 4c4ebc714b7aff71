"""Calendar files (RFC 5545, the ``icalendar`` library) for planned meetings.

Two kinds: an invitation sent by e-mail (``METHOD:REQUEST``, or ``METHOD:CANCEL`` when the
meeting is called off), which Outlook, Яндекс 360, VK WorkSpace and МойОфис offer to add
to the calendar; and a person's feed (``/calendar/<token>.ics``) a calendar program
subscribes to. Times are written in the site's zone (``settings.TIME_ZONE``) with its
VTIMEZONE, so 12:26 in Moscow is 12:26 in the calendar.
"""

import zoneinfo

from icalendar import Calendar, Event, vCalAddress, vText

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

PRODID = "-//Nastavnik//Reverse mentoring//RU"


def _zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _address(person, role):
    address = vCalAddress(f"mailto:{person.user.email}")
    address.params["cn"] = vText(person.full_name)
    address.params["role"] = vText(role)
    return address


def event(planned):
    """One VEVENT for a planned meeting, the same in the invitation and in the feed."""
    pair = planned.pair
    zone = _zone()
    with translation.override(settings.LANGUAGE_CODE):
        summary = _("Mentoring meeting: %(mentor)s and %(mentee)s") % {
            "mentor": pair.mentor.full_name,
            "mentee": pair.mentee.full_name,
        }
        lines = [str(pair.cycle.name)]
        if planned.link:
            lines.append(_("Link: %(link)s") % {"link": planned.link})
    item = Event()
    item.add("uid", f"{planned.uid}@nastavnik")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", timezone.localtime(planned.starts_at, zone))
    item.add("dtend", timezone.localtime(planned.ends_at, zone))
    item.add("summary", summary)
    item.add("description", "\n".join(lines))
    location = planned.place or planned.link
    if location:
        item.add("location", location)
    if planned.link:
        item.add("url", planned.link)
    item.add("sequence", planned.sequence)
    item.add("status", "CANCELLED" if planned.is_cancelled else "CONFIRMED")
    item.add("organizer", _address(pair.mentor, "CHAIR"))
    for person in (pair.mentor, pair.mentee):
        if person.user.email:
            attendee = _address(person, "REQ-PARTICIPANT")
            attendee.params["partstat"] = vText("ACCEPTED")
            item.add("attendee", attendee, encode=0)
    return item


def _calendar(method=None, name=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", settings.TIME_ZONE)
    return cal


def invitation(planned):
    """The bytes of the e-mail's calendar part: a request, or a cancellation."""
    cal = _calendar("CANCEL" if planned.is_cancelled else "REQUEST")
    cal.add_component(event(planned))
    cal.add_missing_timezones()
    return cal.to_ical()


def feed(participant, planned_meetings):
    """The bytes of a person's feed: every planned meeting of their pairs."""
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Mentoring: %(name)s") % {"name": participant.full_name}
    cal = _calendar("PUBLISH", name)
    for planned in planned_meetings:
        cal.add_component(event(planned))
    cal.add_missing_timezones()
    return cal.to_ical()
