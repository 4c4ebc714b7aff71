"""The first wording of the pair agreement's rules and of the mentoring addendum, and the
HR groups' permissions for the programme's paperwork."""

from django.db import migrations

from mentoring.permissions_setup import ensure_permissions, grant_model_permissions
from mentoring.roles import Role

TEMPLATES = {
    "agreement_rules": (
        "Правила программы для договора пары",
        "1. Конфиденциальность. Заметки встреч видим только мы двое. Навыки наставляемого "
        "видят он сам, наставник и куратор пары; HR — только сводки, если нет отдельного "
        "согласия.\n"
        "2. Равный диалог. Мы партнёры: {{ mentee }} — заказчик тем, {{ mentor }} помогает "
        "их освоить. После каждой встречи оба даём короткую обратную связь.\n"
        "3. Право на ошибку. Ошибаться можно; уровень навыка может и снизиться, история "
        "сохраняется.\n"
        "4. Ритм. Встречаемся не реже одного раза в {{ every_days }} дн., формат — "
        "{{ format }}. О переносе предупреждаем друг друга заранее, не позднее чем за сутки.\n"
        "5. Куратор. Каждый из нас может конфиденциально обратиться к куратору пары "
        "({{ curator }}); вторая сторона этого обращения не видит.\n"
        "6. Изменения. Любое изменение договора снова принимают обе стороны.\n"
        "7. Досрочное завершение. Любая сторона может завершить работу в паре досрочно, "
        "предупредив другую сторону и куратора не позднее чем за три рабочих дня.",
    ),
    "addendum": (
        "Дополнительное соглашение о наставничестве",
        "Работодатель в лице ____________________, действующего на основании "
        "____________________, и работник {{ mentor }} (табельный номер "
        "{{ personnel_number }}, {{ mentor_position }}, {{ department }}) заключили "
        "настоящее дополнительное соглашение к трудовому договору о нижеследующем.\n"
        "1. Работник с его письменного согласия выполняет по поручению работодателя работу "
        "наставника (ст. 351.8 Трудового кодекса РФ) в программе реверсивного "
        "наставничества «{{ cycle }}» в отношении работника {{ mentee }} "
        "({{ mentee_position }}).\n"
        "2. Срок наставничества: с {{ starts_on }} по {{ ends_on }}.\n"
        "3. Форма наставничества: {{ form }}.\n"
        "4. Обязанности наставника: {{ duties }}\n"
        "5. Оплата: {{ pay_basis }}\n"
        "6. Работа наставника выполняется в пределах установленной продолжительности "
        "рабочего времени; учёт часов ведётся по встречам, отмеченным в платформе «Наставник».\n"
        "7. Каждая из сторон вправе досрочно прекратить выполнение работы наставника, "
        "предупредив другую сторону в письменной форме не позднее чем за три рабочих дня.\n"
        "8. Соглашение составлено в двух экземплярах, по одному для каждой из сторон, и "
        "вступает в силу со дня его подписания.",
    ),
}


def seed(apps, schema_editor):
    DocumentTemplate = apps.get_model("mentoring", "DocumentTemplate")
    for kind, (title, body) in TEMPLATES.items():
        DocumentTemplate.objects.get_or_create(
            kind=kind, version=1, defaults={"title": title, "body": body}
        )
    ensure_permissions(apps)
    for role in (Role.HR_EDITOR, Role.HR_ADMIN):
        grant_model_permissions(
            apps, role, "mentoring", ["consenttext", "documenttemplate"], ["add", "change", "view"]
        )
    grant_model_permissions(
        apps,
        Role.HR_ADMIN,
        "mentoring",
        ["consentrecord", "mentoringaddendum", "pairagreement", "hoursmonth"],
        ["add", "view"],
    )
    grant_model_permissions(
        apps, Role.HR_ADMIN, "mentoring", ["mentoringaddendum", "hoursmonth"], ["change"]
    )
    grant_model_permissions(
        apps, Role.HR_ADMIN, "mentoring", ["calendarday"], ["add", "change", "delete", "view"]
    )
    grant_model_permissions(apps, Role.HR_EDITOR, "mentoring", ["calendarday"], ["view"])


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0009_pairing_rules_and_paperwork")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
