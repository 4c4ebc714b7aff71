"""Keep the index in step with publishing and privacy: publish adds, unpublish and delete
remove, and setting or lifting a view restriction re-indexes the page and its subtree."""

import logging

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
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
    """A new slug or parent changes the URLs (and maybe the restrictions above) of the page
    and everything below it."""
    from search import service

    _safely(service.index_subtree, instance)


def on_restriction_changed(sender, instance, **kwargs):
    """A view restriction set, changed or lifted after publishing: the subtree leaves or
    comes back."""
    from search import service

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _safely(service.index_subtree, page)


def connect():
    page_published.connect(on_published, dispatch_uid="search.page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.page_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="search.page_deleted")
    page_slug_changed.connect(on_moved, dispatch_uid="search.page_slug_changed")
    post_page_move.connect(on_moved, dispatch_uid="search.post_page_move")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search.restriction_{signal is post_save}",
        )
