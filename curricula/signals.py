"""Keep cached navigation links right when content pages change."""

from django.db.models.signals import post_delete

from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move


def connect():
    from curricula.models import CurriculumPage, LibraryIndexPage, TrackIndexPage
    from curricula.templatetags.curricula_tags import forget_section_urls
    from skills.models import ToolIndexPage

    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(forget_section_urls, dispatch_uid=f"curricula-links-{id(signal)}")
    for model in (TrackIndexPage, LibraryIndexPage, CurriculumPage, ToolIndexPage):
        post_delete.connect(
            forget_section_urls, sender=model, dispatch_uid=f"curricula-links-{model.__name__}"
        )
