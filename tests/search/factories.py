"""Pages with Russian text for the search tests (built on the page types every branch has)."""

from wagtail.models import PageViewRestriction

from home.models import HomePage, StandardPage
from skills.models import ToolIndexPage, ToolPage

TOOLS = [
    ("Kaiten", "kaiten", "Канбан-доски для задач участка: карточки, сроки, ответственные."),
    ("Битрикс24", "bitrix24", "Корпоративный портал: задачи, чаты и согласования заявок."),
    (
        "Яндекс DataLens",
        "datalens",
        "Дашборды и отчёты по данным производства без программиста.",
    ),
]

STANDARD = [
    (
        "Обратная связь наставника",
        "feedback",
        "Как наставник даёт обратную связь старшим коллегам: уважительно и по делу.",
        "Обратная связь — это описание наблюдаемого поведения и его последствий. "
        "Наставник говорит о фактах, а не о личности.",
    ),
    (
        "Неравенства в отчёте",
        "inequalities",
        "Сравнение: брак < 2 % и план > 95 % — тогда смена в норме.",
        "Знаки &lt;b&gt; и &amp; в тексте не должны стать разметкой.",
    ),
    (
        "Правила программы",
        "rules",
        "Что обещают друг другу участники.",
        "Наставляемый — заказчик тем. Встречи раз в неделю по часу. "
        "Дашборд цеха разбираем на второй встрече.",
    ),
]


def home():
    return HomePage.objects.get(depth=2)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_content(prefix="t", notes=12):
    """Tools, standard pages, a draft, a restricted page and `notes` meeting notes."""
    root = home()
    catalogue = ToolIndexPage.objects.first() or publish(
        root, ToolIndexPage(title="Инструменты", slug=f"{prefix}-tools")
    )
    pages = {}
    for title, slug, short in TOOLS:
        pages[title] = publish(
            catalogue, ToolPage(title=title, slug=f"{prefix}-{slug}", short_description=short)
        )
    for title, slug, intro, text in STANDARD:
        pages[title] = publish(
            root,
            StandardPage(
                title=title,
                slug=f"{prefix}-{slug}",
                intro=intro,
                body=[("paragraph", f"<p>{text}</p>")],
            ),
        )
    draft = StandardPage(
        title="Черновик про наставника",
        slug=f"{prefix}-draft",
        intro="Секретный черновик",
        live=False,
    )
    root.add_child(instance=draft)
    draft.save_revision()
    pages["draft"] = draft
    secret = publish(
        root,
        StandardPage(
            title="Закрытая страница наставника", slug=f"{prefix}-secret", intro="Только по паролю"
        ),
    )
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    pages["secret"] = secret
    for i in range(1, notes + 1):
        pages[f"note{i}"] = publish(
            root,
            StandardPage(
                title=f"Заметка о встрече {i}",
                slug=f"{prefix}-note-{i}",
                intro="Пара провела встречу и договорилась о следующей.",
            ),
        )
    return pages
