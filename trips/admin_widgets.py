"""Widgets of the trip page's inline rows, cheap enough for a trip of twenty stops.

A trip's change page holds some 370 form fields. Django renders each widget
through its template (an include for the attributes, another per option of a
select), which cost two thirds of the page's time. ``RowRenderer`` writes the
few widgets those rows use (inputs, text areas, selects) in Python, to the
same HTML as Django's templates (``tests/test_admin.py`` compares them), and
leaves every other template to Django.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.db.models import QuerySet
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> str:
    """``django/forms/widgets/attrs.html``: ``True`` writes the name alone, ``False`` nothing."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict[str, Any]) -> str:
    """``django/forms/widgets/input.html`` (and the text, number, date, hidden and checkbox
    templates, which include it)."""
    value = widget["value"]
    shown = f' value="{conditional_escape(value)}"' if value is not None else ""
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
    )


def _textarea(widget: dict[str, Any]) -> str:
    """``django/forms/widgets/textarea.html``."""
    text = conditional_escape(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{text}</textarea>"
    )


def _option(option: dict[str, Any]) -> str:
    # The line break after it is the one that ends the file select_option.html.
    return (
        f'\n  <option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>\n"
    )


def _select(widget: dict[str, Any]) -> str:
    """``django/forms/widgets/select.html`` with its ``select_option.html``."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(_option(option) for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


_WIDGETS = {
    **{
        f"django/forms/widgets/{kind}.html": _input
        for kind in ("input", "text", "number", "date", "hidden", "checkbox")
    },
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/select.html": _select,
}


_ERRORS = "django/forms/errors/list/ul.html"


class RowRenderer(DjangoTemplates):
    """Django's form renderer, but the inline rows' widgets are written in Python."""

    def render(self, template_name: str, context: dict, request: Any = None) -> SafeString:
        if template_name == _ERRORS and not context["errors"]:
            # Every field of every row asks for its errors: none writes nothing.
            return mark_safe("")
        write = _WIDGETS.get(template_name)
        if write is None:
            return super().render(template_name, context, request)
        return mark_safe(write(context["widget"]))


# One renderer for every row: its engine, for the templates it leaves to Django, is built once.
ROW_RENDERER = RowRenderer()


class ChosenInOneQuery:
    """An admin type-ahead box repeated on many rows of a page, which reads the
    objects its rows show in one query for the page.

    Django's box reads the objects it shows with one query per row. ``chosen``
    is every object the page's rows may show, in the box's order (a trip's
    meetings' participants, an official's trips); an object it did not read (one
    the editor just picked, on a form shown again) is left to Django's query.
    """

    def __init__(self, *args: Any, chosen: QuerySet | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chosen = chosen  # None (the page that adds the row's parent): Django's way
        # Shared by the copies each row's form makes of the widget.
        self.labels: dict[str, str] = {}

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> str:
        # The admin's wrapper (the + link) renders it without a renderer: the rows' one.
        return super().render(name, value, attrs, renderer or ROW_RENDERER)

    def _read_labels(self) -> None:
        if "" in self.labels:
            return
        self.labels[""] = ""  # read, even when no row shows anything
        label = self.choices.field.label_from_instance
        for chosen in self.chosen:
            self.labels[str(chosen.pk)] = label(chosen)

    def optgroups(self, name: str, value: list, attr: Any = None) -> list:
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.chosen is not None:
            self._read_labels()
        if self.chosen is None or any(pk not in self.labels for pk in chosen):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        # In the order of Django's query, ``chosen``'s.
        position = {pk: n for n, pk in enumerate(self.labels)}
        chosen.sort(key=position.__getitem__)
        selected = set(chosen)
        options.extend(
            self.create_option(name, pk, self.labels[pk], selected, len(options) + index)
            for index, pk in enumerate(chosen)
        )
        return [(None, options, 0)]


class RowsAutocompleteSelect(ChosenInOneQuery, AutocompleteSelect):
    pass


class RowsAutocompleteSelectMultiple(ChosenInOneQuery, AutocompleteSelectMultiple):
    pass
