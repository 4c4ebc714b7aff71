"""The first published wording of each consent, and records for consents already given.

Before consent records existed, the only consent was the switch «show my progress to HR by
name»; every participant who had it on gets a record of it against the first text.
"""

from django.db import migrations
from django.utils import timezone

TEXTS = {
    "personal_data": (
        "Согласие на обработку персональных данных",
        "Я даю согласие работодателю на обработку моих персональных данных в платформе "
        "программы реверсивного наставничества «Наставник»: фамилия, имя, отчество, "
        "табельный номер, должность, подразделение, площадка, электронная почта, участие в "
        "парах и встречах, уровни владения цифровыми инструментами, цели и подтверждения "
        "прогресса. Цель обработки — организация программы наставничества и развитие моих "
        "навыков. Данные видят я сам, мой наставник или наставляемый по паре, куратор пары; "
        "HR — только в обезличенных сводках, если я не дал отдельное согласие. Согласие "
        "действует до окончания моего участия в программе и может быть отозвано мной в любой "
        "момент на странице «Моя страница» или письменным заявлением в HR.",
    ),
    "share_with_hr": (
        "Согласие показывать мой прогресс HR поимённо",
        "Я согласен, чтобы HR-специалисты программы видели мои навыки, цели и историю их "
        "изменения с моим именем. Без этого согласия HR видит мои данные только в сводках по "
        "группам не меньше установленного размера. Согласие можно отозвать в любой момент: "
        "HR перестаёт видеть мои данные поимённо сразу.",
    ),
    "listed_as_expert": (
        "Согласие на показ коллегам («к кому обратиться»)",
        "Я согласен, чтобы все сотрудники, работающие в платформе, видели моё имя, должность, "
        "подразделение и мой уровень владения инструментом в списке «к кому обратиться» на "
        "странице инструмента и в поиске экспертов. Это распространение персональных данных "
        "(ст. 10.1 152-ФЗ), поэтому согласие отдельное. Его можно отозвать в любой момент: "
        "моё имя сразу исчезает из списков.",
    ),
    "mentoring": (
        "Согласие на выполнение работы наставника",
        "Я согласен выполнять по поручению работодателя работу наставника в программе "
        "реверсивного наставничества (ст. 351.8 Трудового кодекса РФ) на условиях, "
        "указанных в дополнительном соглашении к трудовому договору: срок, форма "
        "наставничества и размер доплаты. Я вправе досрочно отказаться от наставничества, "
        "предупредив работодателя не менее чем за три рабочих дня.",
    ),
}


def seed(apps, schema_editor):
    ConsentText = apps.get_model("mentoring", "ConsentText")
    ConsentRecord = apps.get_model("mentoring", "ConsentRecord")
    Participant = apps.get_model("mentoring", "Participant")
    texts = {}
    for kind, (title, body) in TEXTS.items():
        texts[kind], _created = ConsentText.objects.get_or_create(
            kind=kind, version=1, defaults={"title": title, "body": body}
        )
    now = timezone.now()
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            participant=person,
            kind="share_with_hr",
            text=texts["share_with_hr"],
            given=True,
            way="online",
            at=now,
        )
        for person in Participant.objects.filter(consent_to_share=True)
    )


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0007_consents_access_log_manager")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
