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

from django.contrib.admin.templatetags.admin_modify import cell_count
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.db.models import QuerySet
from django.forms.renderers import DjangoTemplates
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


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
        self.shared: dict[str, str] = {}

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> str:
        # The admin's wrapper (the + link) renders it without a renderer: the rows' one.
        return super().render(name, value, attrs, renderer or ROW_RENDERER)

    def get_url(self) -> str:
        # The type-ahead's address, reversed once a page rather than once a row.
        if "url" not in self.shared:
            self.shared["url"] = super().get_url()
        return self.shared["url"]

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


def _cell(field: Any) -> str:
    """One field's cell of ``admin/edit_inline/tabular.html``."""
    if field.is_readonly:
        name, hidden = field.field["name"], field.field.get("is_hidden")
        contents = conditional_escape(field.contents())
        inside = f"\n                  <p>{contents}</p>\n              "
    else:
        name, hidden = field.field.name, field.field.is_hidden
        inside = (
            f"\n                  {conditional_escape(field.field.errors.as_ul())}"
            f"\n                  {conditional_escape(field.field)}\n              "
        )
    css = (f"field-{conditional_escape(name)}" if name else "") + (" hidden" if hidden else "")
    return (
        f'\n              <td class="{css}">\n              {inside}'
        "\n              </td>\n            "
    )


def _row(formset: Any, form: Any, counter0: int, empty: bool) -> str:
    """One row of ``admin/edit_inline/tabular.html``, to the character."""
    parts = ["\n        "]
    errors = form.form.non_field_errors()
    if errors:
        parts.append(
            f'\n        <tr class="row-form-errors"><td colspan="{cell_count(form)}">'
            f"{conditional_escape(errors)}</td></tr>\n        "
        )
    original, show_url = form.original, form.show_url
    prefix = conditional_escape(formset.formset.prefix)
    parts.append(
        f'\n        <tr class="form-row {"has_original" if original or show_url else ""}'
        f'{" empty-form" if empty else ""}"\n'
        f'             id="{prefix}-{"empty" if empty else counter0}">\n'
        '        <td class="original">\n          '
    )
    if original or show_url:
        parts.append("<p>\n          ")
        if original:
            parts.append(f"\n          {conditional_escape(original)}\n          ")
            admin = form.model_admin
            if admin.show_change_link and admin.has_registered_model:
                opts = admin.opts
                url = reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(original.pk)],
                    current_app=admin.admin_site.name,
                )
                can_change = formset.has_change_permission
                label = gettext("Change") if can_change else gettext("View")
                parts.append(
                    f'<a href="{conditional_escape(url)}" '
                    f'class="{"inlinechangelink" if can_change else "inlineviewlink"}">'
                    f"{conditional_escape(label)}</a>"
                )
            parts.append("\n          ")
        parts.append("\n          ")
        if show_url:
            parts.append(
                f'<a href="{conditional_escape(form.absolute_url)}">'
                f"{conditional_escape(gettext('View on site'))}</a>"
            )
        parts.append("\n            </p>")
    parts.append("\n          ")
    if form.needs_explicit_pk_field():
        parts.append(conditional_escape(form.pk_field().field))
    parts.append("\n          ")
    fk_field = form.fk_field()
    if fk_field:
        parts.append(conditional_escape(fk_field.field))
    parts.append("\n        </td>\n        ")
    for fieldset in form:
        parts.append("\n          ")
        for line in fieldset:
            parts.append("\n            ")
            parts.extend(_cell(field) for field in line)
            parts.append("\n          ")
        parts.append("\n        ")
    parts.append('\n        <td class="delete">')
    if formset.formset.can_delete and formset.has_delete_permission and original:
        parts.append(conditional_escape(form.deletion_field().field))
    parts.append("</td>\n        </tr>\n     ")
    return "".join(parts)


def tabular_rows(inline_admin_formset: Any) -> SafeString:
    """The rows of ``admin/edit_inline/tabular.html`` (its ``{% for %}`` over the
    forms), written in Python to the same HTML: the template's loop over some
    thirty rows of ten cells cost about half of a trip's page.

    The last form is the empty one the page copies to add a row, when it may.
    """
    forms = list(inline_admin_formset)
    adds = bool(inline_admin_formset.has_add_permission)
    last = len(forms) - 1
    return mark_safe(
        "".join(
            _row(inline_admin_formset, form, n, empty=adds and n == last)
            for n, form in enumerate(forms)
        )
    )
