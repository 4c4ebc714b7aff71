"""A Russian starter set of search synonyms for a plant's digital work and the programme,
and the rights for HR to keep them (editors add and change, admins also delete).

Each row: the words, and whether only the first one expands (an abbreviation or a broad
word). HR edits them in the admin («Синонимы поиска»); the set is only added where it is
missing, never over HR's own changes.
"""

from django.db import migrations

STARTER = [
    # meetings and communication
    (
        "созвон, созвониться, видеозвонок, видеовстреча, видеосвязь, видеоконференция, ВКС, "
        "видеоконференцсвязь, онлайн-встреча",
        False,
    ),
    ("зум, zoom, скайп, skype, видеосвязь, видеовстреча", False),
    ("планёрка, оперативка, пятиминутка, летучка, совещание", False),
    ("мессенджер, мессенджеры, messenger", False),
    ("телеграм, телега, telegram, ватсап, whatsapp, вотсап, мессенджер", False),
    ("корпоративная почта, рабочая почта, email, имейл, e-mail", False),
    # programme vocabulary
    ("ОС, обратная связь, фидбэк, фидбек, feedback, отзыв", False),
    ("наставник, ментор, mentor", False),
    ("наставляемый, менти, mentee, подопечный", False),
    ("реверсивное наставничество, обратное наставничество, reverse mentoring", False),
    ("сессия, занятие, урок, встреча", True),
    ("домашка, домашнее задание, практика между встречами", True),
    ("ИПР, индивидуальный план развития, план развития", False),
    ("грейд, оценка, уровень", True),
    ("фасилитация, модерация, ведение встречи", False),
    ("чек-лист, чеклист, контрольный список", False),
    ("шпаргалка, памятка, карточка", False),
    ("кейс, пример, случай из практики", False),
    ("жалоба, пожаловаться, претензия, обращение к куратору", False),
    ("критика, критиковать, покритиковать, замечание", False),
    ("неловко, неудобно, стыдно, стесняюсь, стесняться", False),
    ("успехи, прогресс, как справляется", False),
    ("обязанности, роль, ответственность", False),
    ("практиковаться, практика, тренироваться, тренировка", False),
    ("снизиться, понизиться, упасть", False),
    ("не получается, затруднение, трудность", False),
    ("переносить, перенести, отменить, отменять", False),
    ("молодой, младший", False),
    ("закончить, завершить, в конце", False),
    ("помощник, ассистент", False),
    ("HR, эйчар, отдел персонала, кадры", False),
    # digital tools and data
    ("ИИ, искусственный интеллект, AI, нейросеть, нейронка, ИИ-ассистент, чат-бот, чатбот", False),
    ("чатгпт, chatgpt, чат гпт, gpt, нейросеть", False),
    ("BI, бизнес-аналитика, бизнес аналитика, аналитика, дашборд, отчётность", False),
    ("дашборд, дашборды, панель показателей, dashboard", False),
    ("КПЭ, KPI, ключевые показатели, показатели эффективности, показатель", False),
    ("сводная таблица, сводная, пивот, pivot", False),
    ("ВПР, vlookup", False),
    ("вики, wiki, база знаний", False),
    ("канбан, kanban, доска задач", False),
    ("таск-трекер, таск трекер, трекер задач", False),
    ("скриншот, скрин, снимок экрана, принтскрин", False),
    ("импортозамещение, отечественное ПО, российское ПО, российский софт", False),
    ("СЭД, ЭДО, документооборот, электронный документооборот, Directum, директум", False),
    ("служебка, служебная записка", False),
    ("ЭЦП, электронная подпись, токен", False),
    ("ИТ, IT, айти, техподдержка, служба поддержки", False),
    ("пароль, пасворд, password", False),
    ("фишинг, мошенническое письмо, подозрительное письмо", False),
    ("компьютер, ПК, комп, ноутбук", False),
    ("телефон, смартфон, мобильный", False),
    ("QR, QR-код, куар, кьюар", False),
    # production
    ("ТОиР, ТОИР, техническое обслуживание и ремонт, техобслуживание, CMMS", False),
    ("ППР, планово-предупредительный ремонт, плановый ремонт", False),
    ("MES, МЭС, система управления производством", False),
    ("ERP, ЕРП, учётная система", False),
    ("АСУ ТП, АСУТП, SCADA, скада, диспетчеризация", False),
    ("OEE, ОЕЕ, эффективность оборудования", False),
    ("ОТК, технический контроль, контроль качества", False),
    ("брак, дефект, несоответствие", False),
    ("простой, остановка оборудования, даунтайм, downtime", False),
    ("поломка, неисправность, авария, сломаться", False),
    ("станок, оборудование, агрегат", False),
    ("5С, 5S, пять эс", False),
    ("охрана труда, ТБ, техника безопасности", False),
    ("ПЭО, планово-экономический отдел", False),
    ("АХО, хозяйственная служба, хозчасть", False),
    ("пропуск, бейдж, карта доступа", False),
    ("расчётный листок, расчётка, расчётный лист", False),
    ("начальник, руководитель, шеф, босс", False),
    ("бригада, команда", False),
    ("подчинённый, сотрудник", False),
]


def add_starter_set(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    existing = set(Synonym.objects.values_list("terms", flat=True))
    Synonym.objects.bulk_create(
        Synonym(terms=terms, one_way=one_way) for terms, one_way in STARTER if terms not in existing
    )


def grant_hr(apps, schema_editor):
    from mentoring.permissions_setup import ensure_permissions, grant_model_permissions
    from mentoring.roles import Role

    ensure_permissions(apps)
    for role in (Role.HR_EDITOR, Role.HR_ADMIN):
        grant_model_permissions(apps, role, "search", ["synonym"], ["add", "change", "view"])
    grant_model_permissions(apps, Role.HR_ADMIN, "search", ["synonym"], ["delete"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_synonyms"),
        ("mentoring", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(add_starter_set, migrations.RunPython.noop),
        migrations.RunPython(grant_hr, migrations.RunPython.noop),
    ]
