"""The single access policy: who may see whose records.

Every view that shows a person's records asks this module. The rules come from the
programme's confidentiality principle (DESIGN.md):

* a person always sees their own records;
* a mentee's records are visible to their mentor(s) and to the curator of their pair, for
  pairs that are running or have run their course (not merely proposed; a pair ended early
  only while its notice period runs, when meetings may still be logged);
* private meeting notes are visible to the two people of the pair only;
* HR sees individuals only where the person consented to share, otherwise aggregates of
  at least ``MIN_GROUP_SIZE`` people;
* nobody else — staff and superusers included — reads individual records in the front end.
"""

from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone

from mentoring import disclosure
from mentoring.models import Feedback, Pair, Participant, SupportIssue, TopicRequest
from mentoring.roles import HR_ROLES, ROLE_BY_GROUP, ROLES_ATTRIBUTE, Role

RECORD_ACCESS_STATUSES = (Pair.Status.ACTIVE, Pair.Status.PAUSED, Pair.Status.COMPLETED)
_PARTICIPANT_CACHE = "_nastavnik_participant"


def roles_of(user):
    """The set of programme roles of ``user`` (empty for anonymous users), cached per request."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, ROLES_ATTRIBUTE, None)
    if cached is None:
        names = user.groups.values_list("name", flat=True)
        cached = frozenset(ROLE_BY_GROUP[n] for n in names if n in ROLE_BY_GROUP)
        setattr(user, ROLES_ATTRIBUTE, cached)
    return cached


def has_role(user, role):
    return Role(role) in roles_of(user)


def is_hr(user):
    """HR editors and HR admins: the people who see the programme as aggregates."""
    return bool(roles_of(user) & HR_ROLES)


def is_hr_admin(user):
    return Role.HR_ADMIN in roles_of(user)


def participant_of(user):
    """The participant profile of ``user`` or ``None``, cached on the user object."""
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(user, _PARTICIPANT_CACHE):
        profile = (
            Participant.objects.select_related("plant", "department")
            .filter(user_id=user.pk)
            .order_by()  # one row at most: no join to order by name
            .first()
        )
        if profile is not None:
            # the same row: names and roles are not read again (the account itself, not
            # the request's lazy wrapper around it)
            profile.user = getattr(user, "_wrapped", user)
        setattr(user, _PARTICIPANT_CACHE, profile)
    return getattr(user, _PARTICIPANT_CACHE)


def _record_pairs():
    in_notice = Q(
        status=Pair.Status.ENDED_EARLY,
        end_notice_on__isnull=False,
        ended_on__gte=timezone.localdate(),
    )
    return Pair.objects.filter(Q(status__in=RECORD_ACCESS_STATUSES) | in_notice)


def pairs_of(user):
    """Pairs in which ``user`` is mentor, mentee or curator, any status."""
    me = participant_of(user)
    if me is None:
        return Pair.objects.none()
    return Pair.objects.involving(me)


def supported_pairs(user):
    """Pairs whose mentee's records ``user`` reads as their mentor or curator.

    The one statement of that rule: listings, single checks and ``/my/mentees/`` use it.
    """
    me = participant_of(user)
    if me is None:
        return Pair.objects.none()
    return _record_pairs().filter(Q(mentor=me) | Q(curator=me))


def mentees_visible_to(user):
    """Participants whose individual records ``user`` may read, as one queryset.

    Listing views filter with this so that the check costs one query whatever the size.
    """
    me = participant_of(user)
    condition = Q(pk__in=[])
    if me is not None:
        condition |= Q(pk=me.pk)
        condition |= Q(pk__in=supported_pairs(user).values("mentee_id"))
    if is_hr(user):
        condition |= Q(consent_to_share=True)
    return Participant.objects.filter(condition)


def can_view_person(user, person):
    """May ``user`` read the individual records (skills, goals, history) of ``person``?"""
    if person is None or user is None or not user.is_authenticated:
        return False
    me = participant_of(user)
    if me is not None and me.pk == person.pk:
        return True
    if is_hr(user) and person.consent_to_share:
        return True
    return supported_pairs(user).filter(mentee=person).exists()


def get_visible_person_or_404(user, pk):
    """The participant ``pk`` if ``user`` may see their records; 404 otherwise.

    A 404 (not 403) so that guessing ids does not even reveal who exists.
    """
    person = Participant.objects.select_related("user", "plant", "department").filter(pk=pk).first()
    if person is None or not can_view_person(user, person):
        raise Http404
    return person


def can_view_pair_private(user, pair):
    """Private meeting notes: the mentor and the mentee of the pair, nobody else."""
    me = participant_of(user)
    return me is not None and me.pk in (pair.mentor_id, pair.mentee_id)


def can_curate(user, pair):
    """The curator of the pair, and nobody else, manages its support in the front end.

    HR admins assign curators in the Wagtail admin; they do not read the pair's named
    feedback, issues or notes (they get aggregates, and issues handed over to them).
    """
    me = participant_of(user)
    return me is not None and pair.curator_id == me.pk


def min_group_size():
    return disclosure.min_group_size()


def group_is_reportable(count):
    """An aggregate over ``count`` people may be shown only from ``MIN_GROUP_SIZE`` up.

    Only the primary rule: tables with totals or several partitions go through
    :func:`mentoring.disclosure.protect_table`, which also hides complementary cells.
    """
    return disclosure.group_is_reportable(count)


def is_mentor_of(user, person):
    """Is ``user`` the mentor of ``person`` in a pair that gives access to records?

    Only a mentor records an observation of a mentee's level; the curator reads it.
    """
    me = participant_of(user)
    if me is None or person is None:
        return False
    return _record_pairs().filter(mentor=me, mentee=person).exists()


def is_own_record(user, owner_id):
    """A record a participant keeps for themselves (e.g. a mentor's session plan)."""
    me = participant_of(user)
    return me is not None and me.pk == owner_id


def can_read_shared_with_pair(user, owner_id, pair):
    """A mentor's own record shared read-only with the mentee of one of the mentor's pairs.

    The owner reads it; the mentee reads it only when the linked pair is the owner's.
    Curators, HR and staff do not: it is the pair's working material.
    """
    me = participant_of(user)
    if me is None:
        return False
    if me.pk == owner_id:
        return True
    return pair is not None and pair.mentor_id == owner_id and pair.mentee_id == me.pk


def shared_with_pair_q(user, owner_field="mentor", pair_field="pair"):
    """The :func:`can_read_shared_with_pair` rule as a filter, for listings in one query."""
    me = participant_of(user)
    if me is None:
        return Q(pk__in=[])
    return Q(**{f"{owner_field}_id": me.pk}) | Q(
        **{f"{pair_field}__mentee_id": me.pk, f"{pair_field}__mentor_id": F(f"{owner_field}_id")}
    )


def is_pair_member(user, pair):
    """The mentor or the mentee of ``pair`` (the people who log its meetings)."""
    return can_view_pair_private(user, pair)


def member_pairs(user):
    """Pairs where ``user`` is the mentor or the mentee, any status."""
    me = participant_of(user)
    if me is None:
        return Pair.objects.none()
    return Pair.objects.filter(Q(mentor=me) | Q(mentee=me))


def get_member_pair_or_404(user, pk):
    """The pair ``pk`` if ``user`` is its mentor or mentee; 404 otherwise (guessed ids)."""
    pair = (
        member_pairs(user)
        .select_related("cycle", "mentor__user", "mentee__user", "curator__user")
        .filter(pk=pk)
        .first()
    )
    if pair is None:
        raise Http404
    return pair


def curated_pairs(user):
    """Pairs whose support ``user`` manages as their curator (running or finished)."""
    me = participant_of(user)
    if me is None:
        return Pair.objects.none()
    return Pair.objects.filter(curator=me)


def can_read_feedback_authors(user, pair):
    """Feedback by name: its author and the pair's curator — never the other side, never HR."""
    return can_curate(user, pair)


def own_feedback(user):
    """A pair member sees only the feedback they wrote themselves."""
    me = participant_of(user)
    if me is None:
        return Feedback.objects.none()
    return Feedback.objects.filter(author=me)


def issues_visible_to(user):
    """Issues raised to the curator: the raiser, the pair's curator, and HR admins only for
    issues the curator handed over to HR.

    The other side of the pair never sees that an issue exists.
    """
    me = participant_of(user)
    condition = Q(pk__in=[])
    if me is not None:
        condition |= Q(raised_by=me) | Q(pair__curator=me)
    if is_hr_admin(user):
        condition |= Q(handed_to_hr_at__isnull=False)
    return SupportIssue.objects.filter(condition)


def can_manage_issue(user, issue):
    """Status and notes of an issue: the pair's curator; HR admins once it is handed over."""
    if can_curate(user, issue.pair):
        return True
    return issue.handed_to_hr_at is not None and is_hr_admin(user)


def issue_notes_visible_to(user, issue):
    """Curator's notes: all of them for the pair's curator; for HR admins only the notes
    written after the handover by others than the curator (HR's own working notes)."""
    notes = issue.notes.all()
    if can_curate(user, issue.pair):
        return notes
    if can_manage_issue(user, issue):
        return notes.exclude(author_id=issue.pair.curator_id)
    return notes.none()


def open_topic_requests(user, pair):
    """Topics the mentee asked for and no meeting covered yet, for the pair's members.

    The session-plan page (curricula) calls this to show the mentor what to prepare.
    """
    if not is_pair_member(user, pair):
        return TopicRequest.objects.none()
    return TopicRequest.objects.filter(pair=pair, covered_in__isnull=True).order_by("created_at")


# --- A mentor's own growth (issue 17) -------------------------------------------------
# The growth record (competency levels, curator observations, the mentees' answers about
# the mentor in aggregate, HR's talent-pool decision) is the mentor's own record: the
# mentor and the curators of the mentor's pairs read it; HR only with the mentor's consent
# to share with HR; mentees and everyone else never.


def curated_mentors(user):
    """Mentors whose growth ``user`` follows as the curator of one of their pairs."""
    me = participant_of(user)
    if me is None:
        return Participant.objects.none()
    mentor_ids = _record_pairs().filter(curator=me).values("mentor_id")
    return Participant.objects.filter(pk__in=mentor_ids)


def is_curator_of_mentor(user, mentor):
    """Does ``user`` curate a pair (running or finished) in which ``mentor`` mentors?

    The curator records observations of the mentor's leadership skills.
    """
    me = participant_of(user)
    if me is None or mentor is None:
        return False
    return _record_pairs().filter(curator=me, mentor=mentor).exists()


def mentor_growth_visible_to(user):
    """Mentors whose growth record ``user`` may read by name, as one queryset."""
    me = participant_of(user)
    condition = Q(pk__in=[])
    if me is not None:
        condition |= Q(pk=me.pk) | Q(pk__in=curated_mentors(user).values("pk"))
    if is_hr(user):
        condition |= Q(consent_to_share=True)
    mentors = _record_pairs().values("mentor_id")
    return Participant.objects.filter(condition).filter(pk__in=mentors)


def can_view_mentor_growth(user, mentor):
    """The mentor, their curator, and HR only with the mentor's consent to share with HR."""
    if mentor is None or user is None or not user.is_authenticated:
        return False
    me = participant_of(user)
    if me is not None and me.pk == mentor.pk:
        return True
    if is_hr(user) and mentor.consent_to_share:
        return True
    return is_curator_of_mentor(user, mentor)


def get_visible_mentor_or_404(user, pk):
    """The mentor ``pk`` if ``user`` may read their growth; 404 otherwise (guessed ids)."""
    mentor = Participant.objects.select_related("user", "plant", "department").filter(pk=pk).first()
    if mentor is None or not can_view_mentor_growth(user, mentor):
        raise Http404
    return mentor


def can_decide_talent_pool(user, mentor):
    """HR records a talent-pool decision only about a mentor whose record HR may read."""
    return is_hr(user) and mentor is not None and mentor.consent_to_share


def mentee_answers_shown(answers):
    """The mentees' answers about a mentor are shown only as an average over at least
    ``MIN_GROUP_SIZE`` answers, in whole blocks of that size (so that comparing two views
    never reveals one answer). Returns how many of ``answers`` may enter the average."""
    size = min_group_size()
    if not group_is_reportable(answers):
        return 0
    return answers - answers % size
