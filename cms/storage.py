"""Where uploaded files live and how they reach a reader.

Two storages, both chosen in settings (``STORAGES``) from the environment:

- ``default`` — media anyone signed in may see: images (tool logos, pictures in guides) and
  Wagtail documents. On one box it is ``MEDIA_ROOT`` on the local disk, answered by
  :func:`serve_media` (or by nginx after it, see ``MEDIA_X_ACCEL_REDIRECT``); with several app
  servers it is an S3 bucket (``S3_BUCKET``).
- ``private`` — files about one person (evidence of a skill): outside ``MEDIA_ROOT`` on the
  disk, or a bucket of their own (``S3_PRIVATE_BUCKET``) that is never readable without
  credentials. They never get a URL: the access-checked views stream them.
"""

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.utils.functional import cached_property

# Only images are served as plain media files; Wagtail documents go through Wagtail's own
# view (``/documents/<id>/``), which applies collection privacy.
SERVED_MEDIA_PREFIXES = ("images/", "original_images/")


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on the local disk, beside ``MEDIA_ROOT`` and never under it, so serving
    media never serves them (``PRIVATE_MEDIA_ROOT`` may place them elsewhere)."""

    @cached_property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        if configured:
            return str(configured)
        media = Path(settings.MEDIA_ROOT)
        return str(media.parent / f"{media.name}-private")

    @cached_property
    def base_url(self):
        return None


class PrivateStorage(Storage):
    """The ``private`` storage of the settings, looked up on every use.

    A model field keeps the storage it was built with; this stand-in lets the field follow
    the settings (local disk in development, an S3 bucket in a cluster, a test's override).
    It refuses to give a URL: private files reach a reader only through a view that asks
    :mod:`mentoring.access`.
    """

    @property
    def backend(self):
        return storages["private"]

    def _open(self, name, mode="rb"):
        return self.backend._open(name, mode)

    def _save(self, name, content):
        return self.backend._save(name, content)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def size(self, name):
        return self.backend.size(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def path(self, name):
        return self.backend.path(name)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; serve them through a view.")


def serve_media(request, path):
    """Media (images) from the local disk, for a single box without object storage.

    Whitenoise serves only static files collected at deploy time, and Django's ``static()``
    helper works only with ``DEBUG``, so without this view uploaded images answered 404
    under the production settings. The reader passes the site's login rule like any page.
    With ``MEDIA_X_ACCEL_REDIRECT`` set (an ``internal`` nginx location aliasing
    ``MEDIA_ROOT``), Django only checks the request and nginx sends the bytes.
    """
    path = posixpath.normpath(path).lstrip("/")
    if not path.startswith(SERVED_MEDIA_PREFIXES):
        raise Http404
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception as error:  # SuspiciousFileOperation: a path outside MEDIA_ROOT
        raise Http404 from error
    if not full_path.is_file():
        raise Http404
    accel = getattr(settings, "MEDIA_X_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse()
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
        response["Content-Type"] = mimetypes.guess_type(path)[0] or "application/octet-stream"
    else:
        response = FileResponse(full_path.open("rb"))
    response["X-Content-Type-Options"] = "nosniff"
    return response
