"""Keep cached navigation links and cached PDFs right when content changes."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move


def connect():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from curricula import pdf_cache
    from curricula.models import CurriculumPage, LibraryIndexPage, TrackIndexPage
    from curricula.templatetags.curricula_tags import forget_section_urls
    from skills.models import ToolIndexPage

    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(forget_section_urls, dispatch_uid=f"curricula-links-{id(signal)}")
        signal.connect(pdf_cache.forget_all, dispatch_uid=f"curricula-pdf-{id(signal)}")
    for model in (TrackIndexPage, LibraryIndexPage, CurriculumPage, ToolIndexPage):
        post_delete.connect(
            forget_section_urls, sender=model, dispatch_uid=f"curricula-links-{model.__name__}"
        )
    # printed pages embed images and name documents
    for model in (get_image_model(), get_document_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                pdf_cache.forget_all,
                sender=model,
                dispatch_uid=f"curricula-pdf-{model.__name__}-{id(signal)}",
            )
