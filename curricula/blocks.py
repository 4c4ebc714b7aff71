"""The StreamField vocabulary of tracks, modules and library materials.

Simple blocks (heading, image with caption, tip / warning, quote) come from
:mod:`cms.blocks`; the teaching blocks (exercise, discussion questions, checklist, video,
document) live here because only learning content uses them.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import (
    RICH_TEXT_FEATURES,
    CalloutBlock,
    CaptionedImageBlock,
    HeadingBlock,
    QuoteBlock,
)


class TextBlock(blocks.RichTextBlock):
    """Formatted text: the body of most modules and materials."""

    class Meta:
        icon = "doc-full"
        label = _("Text")
        template = "cms/blocks/paragraph.html"
        description = _("Formatted text")
        preview_value = "<p>Фасилитатор отвечает за процесс встречи, а не за её содержание.</p>"


class VideoBlock(blocks.StructBlock):
    """A video from the intranet portal or a public host, with a caption for print."""

    url = blocks.URLBlock(label=_("Video address"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "curricula/blocks/video.html"
        description = _("A link to a video with its title; printed as the address")
        preview_value = {
            "url": "https://video.example.org/fasilitatsiya",
            "title": "Как открыть встречу за пять минут",
            "caption": "Запись учебного центра, 7 минут",
        }


class ExerciseBlock(blocks.StructBlock):
    """A practical exercise: what it trains, how long it takes, and its steps in order."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    goal = blocks.TextBlock(label=_("Goal"), required=False)
    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=1, max_value=480)
    steps = blocks.ListBlock(blocks.TextBlock(label=_("Step")), label=_("Steps"))

    class Meta:
        icon = "tasks"
        label = _("Exercise")
        template = "curricula/blocks/exercise.html"
        description = _("An exercise with numbered steps and its duration")
        preview_value = {
            "title": "Три вопроса перед встречей",
            "goal": "Настроить встречу на задачу наставляемого.",
            "minutes": 10,
            "steps": [
                "Спросите, какую рабочую задачу нужно решить.",
                "Уточните, что уже пробовали.",
                "Договоритесь, каким будет результат встречи.",
            ],
        }


class DiscussionBlock(blocks.StructBlock):
    """Questions for the pair or the group to talk over."""

    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = blocks.ListBlock(blocks.TextBlock(label=_("Question")), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Discussion questions")
        template = "curricula/blocks/discussion.html"
        description = _("A list of questions to discuss")
        preview_value = {
            "intro": "Обсудите после встречи:",
            "questions": ["Что было самым полезным?", "Что сделаем иначе в следующий раз?"],
        }


class ChecklistBlock(blocks.StructBlock):
    """Items to tick off, printed with empty boxes."""

    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "curricula/blocks/checklist.html"
        description = _("A list of items with boxes to tick")
        preview_value = {
            "title": "Перед встречей",
            "items": [
                "Переговорная забронирована",
                "Ноутбук заряжен",
                "Задача наставляемого известна",
            ],
        }


class DocumentBlock(blocks.StructBlock):
    """A file to download: a template, a handout, a form."""

    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document download")
        template = "curricula/blocks/document.html"
        description = _("A document readers can download")
        preview_value = {"description": "Шаблон плана встречи, заполняется от руки"}


class LearningStreamBlock(blocks.StreamBlock):
    """Everything a module or a library material can be made of."""

    heading = HeadingBlock()
    text = TextBlock(features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    video = VideoBlock()
    exercise = ExerciseBlock()
    discussion = DiscussionBlock()
    checklist = ChecklistBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    document = DocumentBlock()


class WeekBlock(blocks.StructBlock):
    """One week of a curriculum: its focus and the modules, materials and tools it uses."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    focus = blocks.TextBlock(label=_("Focus of the week"), required=False)
    modules = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="curricula.ModulePage"), label=_("Modules"), default=[]
    )
    materials = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="curricula.MaterialPage"),
        label=_("Library materials"),
        default=[],
    )
    tools = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="skills.ToolPage"), label=_("Digital tools"), default=[]
    )

    class Meta:
        icon = "date"
        label = _("Week")
        template = "curricula/blocks/week.html"
        description = _("A week of the programme with its modules, materials and tools")
        preview_value = {
            "title": "Неделя 1. Знакомство",
            "focus": "Договориться о целях и правилах.",
        }


class CurriculumStreamBlock(blocks.StreamBlock):
    """The weeks of a curriculum, in order."""

    week = WeekBlock()
