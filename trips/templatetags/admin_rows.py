"""The admin's tabular rows, written in Python (``trips.admin_widgets.tabular_rows``)."""

from __future__ import annotations

from django import template

from trips.admin_widgets import tabular_rows as _tabular_rows

register = template.Library()


@register.simple_tag
def tabular_rows(inline_admin_formset):
    return _tabular_rows(inline_admin_formset)
