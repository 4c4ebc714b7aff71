"""StreamField blocks of a tool guide: steps with screenshots, tips, warnings, videos, FAQ."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from cms.blocks import RussianImageBlock

GUIDE_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StepBlock(blocks.StructBlock):
    """One step of the guide: what to do, optionally with a screenshot of the screen."""

    title = blocks.CharBlock(label=_("Step title"), max_length=200)
    text = blocks.RichTextBlock(label=_("What to do"), features=GUIDE_TEXT_FEATURES)
    screenshot = RussianImageBlock(label=_("Screenshot"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "skills/blocks/step.html"
        description = _("One step of the guide with an optional screenshot")
        preview_value = {
            "title": "Откройте отчёт по простоям",
            "text": "<p>В меню слева выберите «Отчёты» → «Простои за смену».</p>",
        }


class TipBlock(blocks.StructBlock):
    """A shortcut or good habit that saves time on the shop floor."""

    text = blocks.RichTextBlock(label=_("Text"), features=GUIDE_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        label = _("Tip")
        template = "skills/blocks/tip.html"
        description = _("A practical tip highlighted in a frame")
        preview_value = {"text": "<p>Сохраните фильтр — в следующий раз хватит одного клика.</p>"}


class WarningBlock(blocks.StructBlock):
    """A mistake that costs data, money or safety, said before it happens."""

    text = blocks.RichTextBlock(label=_("Text"), features=GUIDE_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Warning")
        template = "skills/blocks/warning.html"
        description = _("A warning about a costly mistake")
        preview_value = {"text": "<p>Не закрывайте наряд, пока не приложено фото.</p>"}


class VideoBlock(blocks.StructBlock):
    """A link to a training video on the intranet; nothing is embedded from outside."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Link to the video"))
    minutes = blocks.IntegerBlock(label=_("Length, minutes"), required=False, min_value=1)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "skills/blocks/video.html"
        description = _("A link to a training video with its length")
        preview_value = {
            "title": "Как собрать дашборд за 10 минут",
            "url": "https://portal.uraltrubmash.local/video/datalens",
            "minutes": 10,
        }


class FaqItemBlock(blocks.StructBlock):
    """A question people really ask, with a short answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=GUIDE_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "skills/blocks/faq.html"
        description = _("A frequently asked question with its answer")
        preview_value = {
            "question": "Что делать, если пропал доступ?",
            "answer": "<p>Напишите в ИТ-поддержку через портал, указав табельный номер.</p>",
        }


class UseCaseBlock(blocks.StructBlock):
    """A situation on the shop floor where the tool pays off."""

    title = blocks.CharBlock(label=_("Situation"), max_length=200)
    text = blocks.TextBlock(label=_("How the tool helps"))

    class Meta:
        icon = "cogs"
        label = _("Use case")
        template = "skills/blocks/use_case.html"
        description = _("A shop-floor situation and how the tool helps")
        preview_value = {
            "title": "Сменное совещание",
            "text": "Мастер показывает простои за смену на одном экране вместо трёх таблиц.",
        }


class GuideStreamBlock(blocks.StreamBlock):
    """The step-by-step guide of a tool."""

    step = StepBlock()
    tip = TipBlock()
    warning = WarningBlock()
    video = VideoBlock()
    faq = FaqItemBlock()


class UseCaseStreamBlock(blocks.StreamBlock):
    use_case = UseCaseBlock()
