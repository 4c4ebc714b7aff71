"""Demo content of the skills app: the tool catalogue with real guides and months of history.

Idempotent: categories, pages and images are found by slug or title first; people who
already have mastery records are left as they are. A fixed seed makes the history the same
on every machine.
"""

import datetime
import io
import random
import re

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images.models import Image

from home.models import HomePage
from mentoring import access
from mentoring.models import Pair, Participant
from mentoring.roles import GROUP_NAMES, Role
from skills import services
from skills.demo_tools import CATEGORIES, TOOLS
from skills.models import Mastery, SkillGoal, ToolCategory, ToolIndexPage, ToolPage
from skills.models.mastery import Lens

SEED = 20260301
LOGO_COLOURS = ["#1f4e79", "#b3261e", "#2e7d32", "#e8a317", "#6a1b9a", "#00838f", "#5d4037"]


def _categories():
    found = {}
    for order, (slug, name, description) in enumerate(CATEGORIES):
        category, _ = ToolCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
        found[slug] = category
    return found


def _index():
    index = ToolIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = ToolIndexPage(
            title="Цифровые инструменты",
            slug="tools",
            intro=(
                "Каталог инструментов, которые осваивают участники программы: зачем каждый "
                "нужен в цехе, пошаговые инструкции, карточка для печати и люди, у которых "
                "можно спросить."
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _logo(title, index):
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    name = f"Логотип: {title}"
    existing = Image.objects.filter(title=name).first()
    if existing:
        return existing
    from django.contrib.staticfiles import finders

    picture = PILImage.new("RGB", (160, 160), LOGO_COLOURS[index % len(LOGO_COLOURS)])
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(finders.find("cms/fonts/DejaVuSans-Bold.ttf"), 64)
    letters = "".join(w[0] for w in re.findall(r"[^\W_]+", title)[:2]).upper()
    draw.text((80, 80), letters, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = Image(title=name)
    image.file = ImageFile(buffer, name=f"tool-logo-{index}.png")
    image.save()
    return image


def _p(text):
    return text if text.startswith("<") else f"<p>{text}</p>"


def _guide(items):
    blocks = []
    for item in items:
        kind = item[0]
        if kind == "step":
            blocks.append(("step", {"title": item[1], "text": _p(item[2])}))
        elif kind in ("tip", "warning"):
            blocks.append((kind, {"text": _p(item[1])}))
        elif kind == "faq":
            blocks.append(("faq", {"question": item[1], "answer": _p(item[2])}))
        elif kind == "video":
            blocks.append(("video", {"title": item[1], "url": item[2], "minutes": item[3]}))
    return blocks


def _tools(index, categories):
    pages = []
    for number, spec in enumerate(TOOLS):
        page = ToolPage.objects.filter(slug=spec["slug"]).first()
        if page is None:
            page = ToolPage(
                title=spec["title"],
                slug=spec["slug"],
                short_description=spec["short"],
                category=categories[spec["category"]],
                vendor=spec["vendor"],
                difficulty=spec["difficulty"],
                logo=_logo(spec["title"], number),
                use_cases=[("use_case", {"title": t, "text": x}) for t, x in spec["use_cases"]],
                guide=_guide(spec["guide"]),
            )
            index.add_child(instance=page)
            page.tags.add(*spec["tags"])
            page.save_revision().publish()
        pages.append(page)
    return pages


def _when(start, fraction, rng):
    span = max((timezone.localdate() - start).days, 1)
    day = start + datetime.timedelta(days=int(span * fraction))
    moment = datetime.datetime.combine(day, datetime.time(9 + rng.randrange(8), rng.randrange(60)))
    return timezone.make_aware(moment)


def _history(mentee, mentor_user, tools, start, cycle, rng):
    """Self-assessments and mentor observations rising (sometimes dipping) since ``start``."""
    for tool in rng.sample(tools, k=min(len(tools), rng.randint(5, 8))):
        level = rng.choice([0, 0, 1, 1, 2])
        target = min(4, level + rng.choice([1, 2, 2, 3]))
        SkillGoal.objects.get_or_create(
            participant=mentee, tool=tool, cycle=cycle, defaults={"target_level": target}
        )
        steps = rng.randint(2, 5)
        services.record_level(
            mentee,
            tool,
            Lens.SELF,
            level,
            by=mentee.user,
            at=_when(start, 0.02, rng),
            evidence_text="Стартовая самооценка на первой встрече.",
        )
        observed = level
        for step in range(1, steps + 1):
            fraction = step / (steps + 1) + rng.uniform(-0.05, 0.05)
            if rng.random() < 0.15 and observed > 0:
                observed -= 1
                note = "После перерыва в работе пришлось вспоминать шаги — вернёмся к теме."
            else:
                observed = min(4, observed + 1)
                note = rng.choice(EVIDENCE_NOTES).format(tool=tool.title)
            services.record_level(
                mentee,
                tool,
                Lens.MENTOR,
                observed,
                by=mentor_user,
                at=_when(start, fraction, rng),
                evidence_text=note,
            )
            if rng.random() < 0.6:
                own = max(0, min(4, observed + rng.choice([-1, 0, 0, 1])))
                services.record_level(
                    mentee,
                    tool,
                    Lens.SELF,
                    own,
                    by=mentee.user,
                    at=_when(start, min(fraction + 0.03, 0.99), rng),
                    evidence_text=rng.choice(SELF_NOTES),
                )


EVIDENCE_NOTES = [
    "Сам построил отчёт «{tool}» на сменном совещании, без подсказок.",
    "Показал мастерам, как найти нужные данные в «{tool}».",
    "Выполнил типовую задачу в «{tool}» с одной подсказкой.",
    "Разобрали на встрече реальный случай цеха, справился уверенно.",
    "Подготовил материал к планёрке в «{tool}» и сам ответил на вопросы.",
]
SELF_NOTES = [
    "Чувствую себя увереннее, но пока заглядываю в инструкцию.",
    "Сделал то же самое дома на тестовых данных.",
    "Получилось быстрее, чем раньше в бумажном журнале.",
    "Пока не всё понятно, нужен ещё один разбор.",
]


def _mentor_levels(mentor, tools, rng):
    if Mastery.objects.filter(participant=mentor).exists():
        return
    for tool in rng.sample(tools, k=min(len(tools), rng.randint(6, 10))):
        level = rng.choice([3, 3, 4, 4, 2])
        services.record_level(
            mentor,
            tool,
            Lens.SELF,
            level,
            by=mentor.user,
            at=_when(timezone.localdate() - datetime.timedelta(days=150), 0.1, rng),
            evidence_text="Использую в работе каждый день.",
        )


def load(stdout=None):
    """Categories, the catalogue with 20+ guides, and the skills history of every pair."""
    services.ensure_default_levels()
    categories = _categories()
    index = _index()
    tools = _tools(index, categories)
    pairs = (
        Pair.objects.filter(status__in=access.RECORD_ACCESS_STATUSES)
        .select_related("cycle", "mentee__user", "mentor__user")
        .order_by("pk")
    )
    histories = 0
    for pair in pairs:
        rng = random.Random(f"{SEED}-{pair.mentee.user.username}-{pair.cycle_id}")
        if Mastery.objects.filter(participant=pair.mentee).exists():
            continue
        start = pair.started_on or pair.cycle.starts_on
        _history(pair.mentee, pair.mentor.user, tools, start, pair.cycle, rng)
        histories += 1
    mentors = Participant.objects.filter(
        user__groups__name=GROUP_NAMES[Role.MENTOR]
    ).select_related("user")
    for mentor in mentors.order_by("pk"):
        _mentor_levels(mentor, tools, random.Random(f"{SEED}-{mentor.user.username}"))
    if stdout:
        stdout.write(f"  tools: {len(tools)}, new mentee histories: {histories}")
    return tools
