"""StreamField blocks shared by every page type of the site."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading that also feeds the page's table of contents."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(label=_("Level"), choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"
        description = _("A section heading")
        preview_value = {"text": "Как подготовиться к встрече", "level": "h2"}


class RussianImageBlock(ImageBlock):
    """Wagtail's ImageBlock, whose image chooser is otherwise labelled «Image» in English
    (the label comes from the child's name, not from a translated string)."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.child_blocks["image"].label = _("Image")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (from ImageBlock) and an optional caption."""

    image = RussianImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "cms/blocks/captioned_image.html"
        description = _("An image with a short caption under it")


class CalloutBlock(blocks.StructBlock):
    """A tip or a warning set apart from the text."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("note", _("Note"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Tip / warning")
        template = "cms/blocks/callout.html"
        description = _("A tip, warning or note highlighted in a frame")
        preview_value = {"kind": "tip", "text": "<p>Начните с вопроса, а не с ответа.</p>"}


class QuoteBlock(blocks.StructBlock):
    """A quotation with its author."""

    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Author"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"
        description = _("A quotation with its author")
        preview_value = {
            "text": "Лучший способ научиться — научить другого.",
            "author": "правило программы",
        }


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr", "document-link"]


class BaseStreamBlock(blocks.StreamBlock):
    """The common vocabulary of simple pages: text, headings, images, callouts, quotes."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="cms/blocks/paragraph.html",
        description=_("Formatted text"),
        preview_value="<p>Текст раздела.</p>",
    )
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
