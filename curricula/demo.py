"""Demo content of the curricula app: seven tracks, the library, a 12-week curriculum
and the demo mentor's session plans. Idempotent: everything is found by slug or title first.

Texts live in :mod:`curricula.demo_content`; this module only builds pages from them.
"""

import datetime

from django.apps import apps

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from cms.pdf import transliterate
from curricula.demo_content import curriculum as curriculum_data
from curricula.demo_content import library as library_data
from curricula.demo_content import tracks_mentee, tracks_mentor
from curricula.models import (
    CurriculumPage,
    LibraryIndexPage,
    MaterialPage,
    ModulePage,
    SessionPlan,
    SessionPlanItem,
    TrackIndexPage,
    TrackPage,
)
from home.models import HomePage
from mentoring.models import Pair, Participant


def rich_text(html):
    """Demo HTML in Wagtail's stored form (``<br/>``, allowed tags only): the admin editor
    cannot open a stored ``<br>`` («Unmatched tags: expected br, got p»)."""
    return EditorHTMLConverter().to_database_format(html)


def stream(body):
    """The compact notation of :mod:`curricula.demo_content` as StreamField data."""
    blocks = []
    for kind, *args in body:
        if kind == "text":
            blocks.append(("text", rich_text(args[0])))
        elif kind == "heading":
            blocks.append(("heading", {"text": args[0], "level": "h2"}))
        elif kind == "exercise":
            title, goal, minutes, steps = args
            blocks.append(
                ("exercise", {"title": title, "goal": goal, "minutes": minutes, "steps": steps})
            )
        elif kind == "questions":
            blocks.append(("discussion", {"intro": args[0], "questions": args[1]}))
        elif kind == "checklist":
            blocks.append(("checklist", {"title": args[0], "items": args[1]}))
        elif kind in ("tip", "warning"):
            blocks.append(("callout", {"kind": kind, "text": rich_text(args[0])}))
        elif kind == "quote":
            blocks.append(("quote", {"text": args[0], "author": args[1]}))
        else:
            raise ValueError(f"unknown demo block {kind}")
    return blocks


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _index(home, model, title, slug, intro):
    page = model.objects.child_of(home).first()
    if page is None:
        page = _publish(home, model(title=title, slug=slug, intro=intro))
    return page


def load_tracks(home):
    index = _index(
        home,
        TrackIndexPage,
        "Треки подготовки",
        "tracks",
        "Короткие курсы для наставников, наставляемых и кураторов: как вести встречи, "
        "учиться и давать обратную связь. Отмечайте пройденные модули — прогресс виден "
        "только вам.",
    )
    created = 0
    for data in tracks_mentor.TRACKS + tracks_mentee.TRACKS:
        if TrackPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        track = _publish(
            index,
            TrackPage(
                title=data["title"],
                slug=data["slug"],
                audience=data["audience"],
                intro=data["intro"],
                goal=data["goal"],
                outcomes=data["outcomes"],
            ),
        )
        for module in data["modules"]:
            _publish(
                track,
                ModulePage(
                    title=module["title"],
                    slug=transliterate(module["title"])[:50],
                    intro=module["intro"],
                    duration_minutes=module["minutes"],
                    body=stream(module["body"]),
                ),
            )
        created += 1
    return index, created


def _tools_by_keyword(keywords):
    """Tool pages whose title contains each keyword; absent tools are skipped."""
    if not keywords:
        return []
    tool_model = apps.get_model("skills", "ToolPage")
    found = []
    for keyword in keywords:
        tool = tool_model.objects.filter(title__icontains=keyword).order_by("pk").first()
        if tool is not None and tool not in found:
            found.append(tool)
    return found


def load_library(home):
    index = _index(
        home,
        LibraryIndexPage,
        "Библиотека материалов",
        "library",
        "Готовые упражнения, банки вопросов, шаблоны встреч, чек-листы, кейсы и памятки. "
        "Добавляйте их в план встречи и распечатывайте.",
    )
    created = 0
    for data in library_data.MATERIALS:
        slug = transliterate(data["title"])[:60]
        page = MaterialPage.objects.child_of(index).filter(slug=slug).first()
        tools = _tools_by_keyword(data["tools"])
        if page is not None:
            if tools and not page.tools.exists():
                page.tools.set(tools)
                page.save_revision().publish()
            continue
        page = MaterialPage(
            title=data["title"],
            slug=slug,
            kind=data["kind"],
            format=data["format"],
            duration_minutes=data["minutes"],
            audience=data["audience"],
            summary=data["summary"],
            body=stream(data["body"]),
        )
        index.add_child(instance=page)
        page.tags.add(*data["tags"])
        page.tools.set(tools)
        page.save_revision().publish()
        index.refresh_from_db()
        created += 1
    return index, created


def load_curriculum(home, track_index, library):
    data = curriculum_data.CURRICULUM
    if CurriculumPage.objects.child_of(home).filter(slug=data["slug"]).exists():
        return None
    tracks = {t.slug: t for t in TrackPage.objects.child_of(track_index)}
    modules = {}
    for module in ModulePage.objects.descendant_of(track_index).order_by("path"):
        parent_path = module.path[: -ModulePage.steplen]
        modules.setdefault(parent_path, []).append(module)
    materials = {m.title: m for m in MaterialPage.objects.child_of(library)}
    weeks = []
    for title, focus, module_refs, material_titles, tool_keywords in data["weeks"]:
        week_modules = []
        for slug, number in module_refs:
            track = tracks.get(slug)
            siblings = modules.get(track.path, []) if track else []
            if len(siblings) >= number:
                week_modules.append(siblings[number - 1])
        weeks.append(
            (
                "week",
                {
                    "title": title,
                    "focus": focus,
                    "modules": week_modules,
                    "materials": [materials[t] for t in material_titles if t in materials],
                    "tools": _tools_by_keyword(tool_keywords),
                },
            )
        )
    return _publish(
        home,
        CurriculumPage(
            title=data["title"],
            slug=data["slug"],
            cycle_name=data["cycle_name"],
            intro=data["intro"],
            kickoff=data["kickoff"],
            weeks=weeks,
        ),
    )


def load_plans(library):
    mentor = Participant.objects.filter(user__username="mentor").first()
    if mentor is None:
        return 0
    pair = Pair.objects.filter(mentor=mentor, mentee__user__username="mentee").first()
    materials = {m.title: m for m in MaterialPage.objects.child_of(library)}
    created = 0
    for data in curriculum_data.PLANS:
        if SessionPlan.objects.filter(mentor=mentor, title=data["title"]).exists():
            continue
        meeting_date = None
        if pair is not None:
            start = pair.started_on or pair.cycle.starts_on
            meeting_date = start + datetime.timedelta(days=data["days_from_cycle_start"])
        plan = SessionPlan.objects.create(
            mentor=mentor,
            pair=pair,
            title=data["title"],
            notes=data["notes"],
            meeting_date=meeting_date,
        )
        for order, (title, minutes) in enumerate(data["items"]):
            if title in materials:
                SessionPlanItem.objects.create(
                    plan=plan, material=materials[title], minutes=minutes, order=order
                )
        created += 1
    return created


def load(stdout=None):
    """Create this app's demo content; idempotent."""
    home = HomePage.objects.get(depth=2)
    track_index, tracks = load_tracks(home)
    library, materials = load_library(home)
    curriculum = load_curriculum(home, track_index, library)
    plans = load_plans(library)
    if stdout is not None:
        stdout.write(
            f"  curricula: {tracks} tracks, {materials} materials, "
            f"{'1' if curriculum else '0'} curriculum, {plans} plans created"
        )
