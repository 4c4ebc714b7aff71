from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_url(context, name, value):
    """The current search URL with one facet set (or cleared when value is empty)."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value:
        params[name] = value
    else:
        params.pop(name, None)
    return "?" + params.urlencode()
