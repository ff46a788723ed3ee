"""Single-row writes made through the API by staff users.

Like the admin, every API write marks the row ``edited_by_person`` so that
later imports keep the editor's version. The model's ``full_clean()`` does
the validation; its errors come back as a 400 naming each field.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as ModelValidationError
from django.db import models, transaction
from rest_framework.exceptions import ValidationError

from trips.identity import free_slug
from trips.models import Meeting, Official, Stop
from trips.totals import trip_ids_of, visit_totals_refresh

# Codes of model errors that repeat, in a database constraint's words, what
# a field error already says ("Constraint “trip_end_on_or_after_start” is violated.").
_CONSTRAINT_CODES = {None, "constraint_violated"}


def _api_errors(error: ModelValidationError) -> dict[str, list[str]]:
    """Model validation errors keyed by field, with ``non_field_errors`` for the rest."""
    by_field = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: [error]}
    fields = {
        name: [message for e in errors for message in e.messages]
        for name, errors in by_field.items()
        if name != NON_FIELD_ERRORS
    }
    general = [
        message
        for e in by_field.get(NON_FIELD_ERRORS, [])
        if not (fields and e.code in _CONSTRAINT_CODES)
        for message in e.messages
    ]
    if general:
        fields["non_field_errors"] = general
    return fields


def _check_relations(instance: models.Model) -> None:
    """Rules the models do not check themselves (yet)."""
    if (
        isinstance(instance, Meeting)
        and instance.stop_id is not None
        and instance.stop.trip_id != instance.trip_id
    ):
        raise ModelValidationError({"stop": "The stop belongs to another trip."})
    if isinstance(instance, Stop) and (instance.latitude is None) != (instance.longitude is None):
        raise ModelValidationError(
            {"longitude": "Give latitude and longitude together, or neither."}
        )


@transaction.atomic
def record_save(*, instance: models.Model, data: dict[str, Any]) -> models.Model:
    """Apply validated input to ``instance``, mark it edited by a person, validate, save.

    ``data`` is keyed by model field names; many-to-many values are lists.
    """
    touched = trip_ids_of(instance)
    many = {
        name: value for name, value in data.items() if instance._meta.get_field(name).many_to_many
    }
    for name, value in data.items():
        if name not in many:
            setattr(instance, name, value)
    if isinstance(instance, Official) and not instance.slug:
        # Numbered when taken, and never an old slug that redirects elsewhere.
        instance.slug = free_slug(instance.name)
    instance.edited_by_person = True
    try:
        _check_relations(instance)
        instance.full_clean()
    except ModelValidationError as error:
        raise ValidationError(_api_errors(error)) from None
    instance.save()
    for name, values in many.items():
        getattr(instance, name).set(values)
    visit_totals_refresh(trip_ids=touched | trip_ids_of(instance))
    return instance


@transaction.atomic
def record_delete(*, instance: models.Model) -> None:
    """Delete a row; an official who travelled stays, or their trips would lose a traveller."""
    if isinstance(instance, Official) and instance.trips.exists():
        raise ValidationError(
            {"non_field_errors": ["This official travels on recorded trips; edit those first."]}
        )
    touched = trip_ids_of(instance)
    instance.delete()
    visit_totals_refresh(trip_ids=touched)
