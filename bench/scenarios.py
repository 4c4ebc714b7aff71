"""What the benchmark measures: each front-end page type, loaded by the role that uses it."""


def people():
    """The busiest people of the bench holding: the ones its pages are measured as."""
    from django.db.models import Count

    from mentoring.models import Pair, Participant

    pairs = Pair.objects.filter(cycle__name__startswith="Бенч-цикл")
    mentee = Participant.objects.get(pk=pairs.order_by("pk").values("mentee")[:1])
    busiest = pairs.values("mentor").annotate(n=Count("pk")).order_by("-n", "mentor")
    mentor_id = busiest[0]["mentor"]
    busiest = pairs.values("curator").annotate(n=Count("pk")).order_by("-n", "curator")
    curator_id = busiest[0]["curator"]
    hr = Participant.objects.filter(user__username__endswith="hr0").order_by("pk").first()
    return {
        "mentee": mentee.user,
        "mentor": Participant.objects.get(pk=mentor_id).user,
        "curator": Participant.objects.get(pk=curator_id).user,
        "hr": hr.user,
    }


def page_paths():
    """``{page type: (role, path)}`` for the front-end pages, on the bench data."""
    from curricula.models import LibraryIndexPage, ModulePage, TrackPage
    from skills.models import Mastery, ToolIndexPage, ToolPage

    track = TrackPage.objects.live().filter(slug__startswith="bench-track").order_by("pk").first()
    module = ModulePage.objects.live().child_of(track).order_by("path").first()
    busiest_tool = (Mastery.objects.values("tool").order_by("tool").first() or {"tool": None})[
        "tool"
    ]
    tool = ToolPage.objects.filter(pk=busiest_tool).first() or ToolPage.objects.live().first()
    library = LibraryIndexPage.objects.first().url
    return {
        "floor": ("mentee", "/bench/floor/"),
        "home": ("mentee", "/"),
        "track": ("mentee", track.url),
        "module": ("mentee", module.url),
        "library_filtered": ("mentor", library + "?kind=exercise&audience=mentor"),
        "catalogue": ("mentee", ToolIndexPage.objects.first().url),
        "tool": ("mentee", tool.url),
        "my": ("mentee", "/my/"),
        "my_skills": ("mentee", "/my/skills/"),
        "my_mentees": ("mentor", "/my/mentees/"),
        "curator_desk": ("curator", "/curator/"),
        "matrix": ("hr", "/skills/matrix/"),
        "hr_results": ("hr", "/programme/results/"),
        "search": ("mentee", "/search/?q=%D0%BE%D1%82%D1%87%D1%91%D1%82"),
    }


def export_paths():
    """The heavy downloads: the full matrix in both formats, the largest track's PDF.

    ``{name: (role, path, fresh)}``; ``fresh`` forgets cached results before a timed run
    (the PDF of a published page is cached; its first rendering is what is measured).
    """
    from cms import generations
    from curricula.models import TrackPage

    track = max(TrackPage.objects.live(), key=lambda t: t.get_children().count(), default=None)
    paths = {
        "matrix_xlsx": ("hr", "/skills/matrix.xlsx", None),
        "matrix_csv": ("hr", "/skills/matrix.csv", None),
    }
    if track is not None:
        paths["track_pdf"] = (
            "mentee",
            track.url + "pdf/",
            lambda: generations.bump(generations.CONTENT),
        )
    return paths


def import_figures(count=5000):
    """Seconds and peak memory of importing ``count`` people from the HR spreadsheet (CSV):
    read, check every row, write — rolled back, so the bench data stay as built."""
    import time
    import tracemalloc

    from django.db import transaction

    from mentoring import importing

    lines = ["ФИО;E-mail;Табельный номер;Завод;Подразделение;Должность;Роль"]
    lines += [
        f"Импортов{i} Иван Петрович;import{i}@bench.example;И{i:06d};Бенч-завод импорт;"
        f"Цех {i % 9};Мастер;наставляемый"
        for i in range(count)
    ]
    data = "\n".join(lines).encode("utf-8")

    def run():
        with transaction.atomic():
            rows = importing.parse("people.csv", data)
            summary = importing.apply(rows)
            transaction.set_rollback(True)
        return summary

    # timed without tracemalloc (it slows Python several-fold); the peak in a second run
    start = time.perf_counter()
    summary = run()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    try:
        run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return {
        "rows": count,
        "created": summary.created,
        "seconds": round(seconds, 2),
        "peak_mb": round(peak / 2**20, 1),
    }
