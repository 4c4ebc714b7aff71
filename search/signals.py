"""Keep the index in step with publishing: publish adds, unpublish and delete remove."""

import logging

from django.db.models.signals import post_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def _safely(action, *args):
    # A search engine that is down must never stop an editor from publishing.
    try:
        action(*args)
    except Exception:
        logger.exception("search index update failed")


def on_published(sender, instance, **kwargs):
    from search import service

    _safely(service.index_page, instance)


def on_unpublished(sender, instance, **kwargs):
    from search import service

    _safely(service.remove_page, instance.pk)


def on_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    from search import service

    _safely(service.remove_page, instance.pk)


def on_moved(sender, instance, **kwargs):
    """A new slug or parent changes the URLs of the page and everything below it."""
    from search import service

    def reindex():
        for page in instance.get_descendants(inclusive=True).live().specific():
            service.index_page(page)

    _safely(reindex)


def connect():
    page_published.connect(on_published, dispatch_uid="search.page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.page_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="search.page_deleted")
    page_slug_changed.connect(on_moved, dispatch_uid="search.page_slug_changed")
    post_page_move.connect(on_moved, dispatch_uid="search.post_page_move")
