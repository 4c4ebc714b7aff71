"""``{% once_token %}``: the hidden token that makes a create-form save once (cms.once)."""

from django import template
from django.utils.html import format_html

from cms.once import TOKEN_FIELD, token_for_form

register = template.Library()


@register.simple_tag(takes_context=True)
def once_token(context):
    request = context.get("request")
    if request is None:
        return ""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, token_for_form(request)
    )
