"""Factories for the people and pairs of the programme."""

import datetime

import factory

from django.contrib.auth.models import Group

from mentoring.models import (
    Cycle,
    Department,
    Feedback,
    Meeting,
    Pair,
    Participant,
    Plant,
    SupportIssue,
    User,
)
from mentoring.roles import GROUP_NAMES, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="ru_RU")
    last_name = factory.Faker("last_name", locale="ru_RU")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("demo12345")


class PlantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plant
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Завод № {n}")
    city = "Екатеринбург"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    plant = factory.SubFactory(PlantFactory)
    name = factory.Sequence(lambda n: f"Цех № {n}")


class ParticipantFactory(factory.django.DjangoModelFactory):
    """A participant; ``roles=[Role.MENTOR]`` puts the user in the role groups."""

    class Meta:
        model = Participant
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
    plant = factory.SelfAttribute("department.plant")
    position = "Инженер"

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            self.user.groups.add(Group.objects.get(name=GROUP_NAMES[Role(role)]))


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle

    name = factory.Sequence(lambda n: f"Цикл {n}")
    starts_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=90))
    status = Cycle.Status.RUNNING


class PairFactory(factory.django.DjangoModelFactory):
    cycle = factory.SubFactory(CycleFactory)
    mentor = factory.SubFactory(ParticipantFactory, roles=[Role.MENTOR])
    mentee = factory.SubFactory(ParticipantFactory, roles=[Role.MENTEE])
    curator = factory.SubFactory(ParticipantFactory, roles=[Role.CURATOR])
    status = Pair.Status.ACTIVE

    class Meta:
        model = Pair
        skip_postgeneration_save = True

    @factory.post_generation
    def consented(self, create, extracted, **kwargs):
        """Both sides consented to the processing of personal data, the mentor to mentor in
        the cycle (``consented=False`` leaves them without consents)."""
        if create and extracted is not False:
            give_consents(self.mentor, self.mentee, mentoring_cycle=self.cycle)


def give_consents(*people, mentoring_cycle=None):
    """Personal-data consent for each person; the first also consents to mentor in a cycle."""
    from mentoring import consents
    from mentoring.models import ConsentKind

    for person in people:
        if not consents.has_consent(person, ConsentKind.PERSONAL_DATA):
            consents.record(person, ConsentKind.PERSONAL_DATA, True)
    if (
        mentoring_cycle is not None
        and people
        and not consents.has_consent(people[0], ConsentKind.MENTORING, cycle=mentoring_cycle)
    ):
        consents.record(people[0], ConsentKind.MENTORING, True, cycle=mentoring_cycle)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    pair = factory.SubFactory(PairFactory)
    held_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=3))
    duration_minutes = 60
    topics_requested = "Сводные таблицы в Excel"
    private_notes = "Личная заметка пары: Виктор Петрович волнуется перед отчётом"


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    meeting = factory.SubFactory(MeetingFactory)
    author = factory.LazyAttribute(lambda f: f.meeting.pair.mentee)
    side = Feedback.Side.MENTEE
    usefulness = 4
    equal_dialogue = 4
    what_to_change = "Больше практики на реальных данных цеха"


class SupportIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportIssue

    pair = factory.SubFactory(PairFactory)
    raised_by = factory.LazyAttribute(lambda i: i.pair.mentee)
    subject = "Наставник переносит встречи"
    description = "Третий раз подряд встреча переносится в последний момент."
