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

from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from trips.models import Official


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


class TripParticipantsWidget(AutocompleteSelectMultiple):
    """The type-ahead box of a meeting's participants on a trip's page.

    Django's box reads the officials it shows with one query per meeting; this
    one reads those of every meeting of the trip once, and asks Django only for
    an official it did not read (one the editor just added, on a form shown again).
    """

    def __init__(self, *args: Any, trip_id: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trip_id = trip_id
        # Shared by the copies each meeting's form makes of the widget.
        self.labels: dict[str, str] = {}

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> str:
        # The admin's wrapper (the + link) renders it without a renderer: the rows' one.
        return super().render(name, value, attrs, renderer or ROW_RENDERER)

    def _read_labels(self) -> None:
        if "" in self.labels:
            return
        self.labels[""] = ""  # read, even when no meeting names anyone
        label = self.choices.field.label_from_instance
        people = Official.objects.filter(meetings__trip_id=self.trip_id).distinct()
        for official in people.order_by("name", "pk"):
            self.labels[str(official.pk)] = label(official)

    def optgroups(self, name: str, value: list, attr: Any = None) -> list:
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.trip_id is not None:
            self._read_labels()
        if self.trip_id is None or any(pk not in self.labels for pk in chosen):
            return super().optgroups(name, value, attr)
        # In the order of Django's query: the officials' own ordering, by name.
        position = {pk: n for n, pk in enumerate(self.labels)}
        chosen.sort(key=position.__getitem__)
        selected = set(chosen)
        options = [
            self.create_option(name, pk, self.labels[pk], selected, index)
            for index, pk in enumerate(chosen)
        ]
        return [(None, options, 0)]
