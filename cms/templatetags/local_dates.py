"""The ``date`` filter of every template, remembered per value (:mod:`cms.formatting`).

Loaded as a template builtin after Django's own filters, so ``|date`` everywhere is this one.
"""

from django import template

from cms.formatting import date_filter

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    return date_filter(value, arg)
