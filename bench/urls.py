"""The site's URLs plus the floor: a minimal view on the same stack (middleware, session,
login), the yardstick each page is compared with."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def floor(request):
    """The cheapest answer the stack can give a signed-in reader."""
    return HttpResponse("<!doctype html><title>floor</title><p>ok</p>")


urlpatterns = [path("bench/floor/", floor), *site_urlpatterns]
