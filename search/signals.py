"""Keep the index in step with publishing: publish adds, unpublish and delete remove."""

import logging

from django.db.models.signals import post_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

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


def connect():
    page_published.connect(on_published, dispatch_uid="search.page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.page_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="search.page_deleted")
