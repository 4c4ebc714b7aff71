"""Small template helpers for levels: the label of a value and the lookup of matrix cells."""

from django import template

register = template.Library()


@register.filter
def level_label(scale, value):
    """``{{ scale|level_label:3 }}`` → «применяю самостоятельно» (empty if unknown)."""
    if value is None or value == "":
        return ""
    level = scale.get(int(value)) if scale else None
    return level.label if level else ""


@register.filter
def level_code(scale, value):
    if value is None or value == "":
        return ""
    level = scale.get(int(value)) if scale else None
    return level.code if level else ""
