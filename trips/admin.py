"""Admin where editors correct and complete the record.

Anything saved here is marked ``edited_by_person`` so that later imports
keep the editor's version. Editors fix who is who on the officials: the
"merge" action makes several officials one person, and each official's page
links to a form that splits a second person out of it.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from trips.admin_widgets import (
    ROW_RENDERER,
    RowsAutocompleteSelect,
    RowsAutocompleteSelectMultiple,
)
from trips.countries import COUNTRY_CODES, GOVERNMENT_CODES, country_name
from trips.models import Article, Evidence, Meeting, Official, OfficialsKeptApart, Stop, Trip
from trips.services import official_merge, official_split
from trips.templatetags.trip_tags import format_date_range
from trips.totals import trip_ids_of, visit_totals_refresh

# The navigation sidebar takes a quarter of a laptop's screen; the trip page
# needs that width for its stops. The breadcrumbs and the index still link everything.
admin.site.enable_nav_sidebar = False


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    can_delete = False
    fields = ("fact", "article", "sentence", "start_offset", "end_offset")
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Each row shows its article: read with the rows, less the article's text.
        return super().get_queryset(request).with_article()


def _date_input() -> forms.DateInput:
    # The browser's own date field: narrower than the admin's, with its shortcuts.
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class StopInlineForm(forms.ModelForm):
    """A stop in one narrow row, so a trip of twenty stops fits a laptop's screen."""

    default_renderer = ROW_RENDERER

    class Meta:
        model = Stop
        fields = (
            "order",
            "country",
            "city",
            "arrive_date",
            "depart_date",
            "latitude",
            "longitude",
            "notes",
        )
        widgets = {
            "order": forms.NumberInput(attrs={"class": "stop-order", "min": 1}),
            "country": forms.TextInput(attrs={"class": "stop-country", "size": 2}),
            "city": forms.TextInput(attrs={"class": "stop-city"}),
            "arrive_date": _date_input(),
            "depart_date": _date_input(),
            "latitude": forms.NumberInput(attrs={"class": "stop-coordinate", "step": "any"}),
            "longitude": forms.NumberInput(attrs={"class": "stop-coordinate", "step": "any"}),
            "notes": forms.Textarea(attrs={"class": "stop-notes", "rows": 1, "cols": 24}),
        }


# Django's tabular inline, its rows written in Python (``tabular_rows``).
TABULAR_ROWS = "admin/trips/edit_inline/tabular.html"


class StopInline(admin.TabularInline):
    model = Stop
    form = StopInlineForm
    template = TABULAR_ROWS
    extra = 0
    ordering = ("order",)
    show_change_link = True
    fields = (
        "order",
        "country",
        "city",
        "arrive_date",
        "depart_date",
        "latitude",
        "longitude",
        "notes",
        "recorded_dates",
        "edited_by_person",
    )
    # The official record's dates: its import sets them, editors compare against them.
    readonly_fields = ("recorded_dates", "edited_by_person")

    @admin.display(description="record's dates")
    def recorded_dates(self, stop: Stop) -> str:
        if stop.recorded_arrive is None and stop.recorded_depart is None:
            return "–"
        return format_date_range(stop.recorded_arrive, stop.recorded_depart)


def _trip_id(request: HttpRequest) -> str | None:
    """The id of the trip whose page this is; None on the page that adds one."""
    return request.resolver_match.kwargs.get("object_id") if request.resolver_match else None


class MeetingInlineForm(forms.ModelForm):
    default_renderer = ROW_RENDERER


class MeetingInline(admin.TabularInline):
    model = Meeting
    form = MeetingInlineForm
    template = TABULAR_ROWS
    extra = 0
    ordering = ("date", "id")
    fields = ("stop", "date", "participants", "description", "edited_by_person")
    readonly_fields = ("edited_by_person",)
    autocomplete_fields = ("participants",)
    formfield_overrides = {
        models.DateField: {"widget": _date_input()},
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 48})},
    }

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Each meeting's participants with the meetings, not a query per meeting.
        return super().get_queryset(request).prefetch_related("participants")

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "participants":
            trip_id = _trip_id(request)
            people = Official.objects.filter(meetings__trip_id=trip_id).distinct()
            kwargs["widget"] = RowsAutocompleteSelectMultiple(
                db_field,
                self.admin_site,
                using=kwargs.get("using"),
                chosen=people.order_by("name", "pk") if trip_id else None,
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        # Offer only the stops of the trip being edited.
        if db_field.name == "stop":
            trip_id = _trip_id(request)
            kwargs["queryset"] = (
                Stop.objects.filter(trip_id=trip_id) if trip_id else Stop.objects.none()
            )
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            # Read the stops once for every meeting's select, not once per meeting.
            field.choices = [("", field.empty_label), *((s.pk, str(s)) for s in field.queryset)]
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "stop" and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            # The stops are edited above on the same page: no pop-up links per meeting.
            formfield.widget = formfield.widget.widget
        return formfield


class CountryFilter(admin.SimpleListFilter):
    title = "country visited"
    parameter_name = "country"

    def lookups(self, request: HttpRequest, model_admin):
        # Without order_by(), the distinct rows would be (country, trip, order),
        # Stop's default ordering: a country once per stop.
        used = Stop.objects.order_by().values_list("country", flat=True).distinct()
        return sorted(((code, country_name(code)) for code in used), key=lambda item: item[1])

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value and value in COUNTRY_CODES:
            # A subquery, not a join: no duplicate rows, so no DISTINCT over every column.
            return queryset.filter(pk__in=Stop.objects.in_country(value).values("trip_id"))
        return queryset


class TravellerFilter(admin.SimpleListFilter):
    """A search box rather than links: over a thousand officials travel in the record."""

    title = "traveller"
    parameter_name = "traveller"
    template = "admin/trips/search_filter.html"

    def lookups(self, request: HttpRequest, model_admin):
        return ()

    def has_output(self) -> bool:
        return True

    def choices(self, changelist):
        # The other parameters of the address, kept as hidden fields of the box.
        yield {
            "value": self.value() or "",
            "others": [(k, v) for k, v in changelist.params.items() if k != self.parameter_name],
        }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = (self.value() or "").strip()
        if not value:
            return queryset
        named = Q(official__slug=value) | Q(official__name__icontains=value)
        return queryset.filter(
            pk__in=Trip.officials.through.objects.filter(named).values("trip_id")
        )


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request: HttpRequest, model_admin):
        years = Trip.objects.filter(start_date__isnull=False).dates(
            "start_date", "year", order="DESC"
        )
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() and self.value().isdigit():
            return queryset.filter(start_date__year=int(self.value()))
        return queryset


@admin.register(Trip)
class TripAdmin(admin.ModelAdmin):
    list_display = ("__str__", "travellers", "status", "start_date", "end_date", "edited_by_person")
    list_filter = (
        "status",
        CountryFilter,
        TravellerFilter,
        YearFilter,
        "edited_by_person",
    )
    search_fields = ("title", "officials__name", "stops__city", "stops__country", "articles__title")
    list_select_related = ()
    date_hierarchy = "start_date"
    # Searched as you type: a select of every official or article would be
    # thousands of options (megabytes) on each trip's page.
    autocomplete_fields = ("officials", "articles")
    fields = (
        "title",
        "officials",
        "status",
        "status_as_of",
        "start_date",
        "end_date",
        "summary",
        "articles",
        "edited_by_person",
        "evidence_table",
    )
    readonly_fields = ("edited_by_person", "status_as_of", "evidence_table")
    inlines = (StopInline, MeetingInline)

    class Media:
        css = {"all": ("css/admin-trip.css",)}

    # With the record loaded, counting every trip again under a filter costs
    # as much as the page: the list says "N results" without "of M".
    show_full_result_count = False
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Searching travellers or stops can repeat a trip; the admin then adds
        # DISTINCT itself, so other lists need not pay for it.
        return super().get_queryset(request).prefetch_related("officials")

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        """The search_fields, each through a subquery of trip ids.

        Django's own search joins travellers, stops and articles at once and
        takes DISTINCT over the product: about a second with the record loaded.
        """
        term = search_term.strip()
        if not term:
            return queryset, False
        matches = (
            Q(title__icontains=term)
            | Q(
                pk__in=Trip.officials.through.objects.filter(official__name__icontains=term).values(
                    "trip_id"
                )
            )
            | Q(
                pk__in=Stop.objects.filter(
                    Q(city__icontains=term) | Q(country__iexact=term)
                ).values("trip_id")
            )
            | Q(
                pk__in=Trip.articles.through.objects.filter(article__title__icontains=term).values(
                    "trip_id"
                )
            )
        )
        return queryset.filter(matches), False

    @admin.display(description="evidence for the trip and its dates")
    def evidence_table(self, trip: Trip) -> str:
        """The sentences behind the trip, read-only: one table, not an inline form per sentence."""
        quotes = Evidence.objects.filter(trip=trip).with_article() if trip.pk else []
        if not quotes:
            return "–"
        rows = format_html_join(
            "",
            '<tr><td>{}</td><td><a href="{}">{}</a></td><td>{}</td><td>{}–{}</td></tr>',
            (
                (
                    quote.get_fact_display(),
                    reverse("admin:trips_article_change", args=[quote.article_id]),
                    quote.article,
                    quote.sentence,
                    quote.start_offset,
                    quote.end_offset,
                )
                for quote in quotes
            ),
        )
        return format_html(
            '<table class="evidence-table"><thead><tr><th scope="col">fact</th>'
            '<th scope="col">article</th><th scope="col">sentence</th>'
            '<th scope="col">characters</th></tr></thead><tbody>{}</tbody></table>',
            rows,
        )

    @admin.display(description="travellers")
    def travellers(self, trip: Trip) -> str:
        return ", ".join(official.name for official in trip.officials.all())

    def save_model(self, request: HttpRequest, obj: Trip, form, change: bool) -> None:
        obj.edited_by_person = True
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Stops, meetings, status and travellers are all saved by now.
        visit_totals_refresh(trip_ids=[form.instance.pk])

    def delete_model(self, request: HttpRequest, obj: Trip) -> None:
        pk = obj.pk
        super().delete_model(request, obj)
        visit_totals_refresh(trip_ids=[pk])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        pks = set(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        visit_totals_refresh(trip_ids=pks)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        instances = formset.save(commit=False)
        for instance in instances:
            if hasattr(instance, "edited_by_person"):
                instance.edited_by_person = True
            instance.save()
        for instance in formset.deleted_objects:
            instance.delete()
        formset.save_m2m()
        # A meeting whose participants alone changed is an edit too.
        if formset.model is Meeting:
            changed = [f.instance.pk for f in formset.forms if f.has_changed() and f.instance.pk]
            Meeting.objects.filter(pk__in=changed).update(edited_by_person=True)


class TripOfOfficialForm(forms.ModelForm):
    default_renderer = ROW_RENDERER


class TripOfOfficialInline(admin.TabularInline):
    """An official's trips, a row each: the record's busiest travellers made about a hundred."""

    model = Trip.officials.through
    form = TripOfOfficialForm
    template = TABULAR_ROWS
    extra = 0
    verbose_name = "trip"
    verbose_name_plural = "trips"
    autocomplete_fields = ("trip",)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "trip":
            # The official's trips labelled in one query, not one per row.
            official_id = (
                request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            )
            trips = Trip.objects.filter(officials=official_id) if official_id else None
            kwargs["widget"] = RowsAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using"), chosen=trips
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "trip" and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            # No pop-up links to add or change a trip on each of a hundred rows
            # (their template cost most of the page): a trip is edited on its own page.
            formfield.widget = formfield.widget.widget
        return formfield


class OfficialSplitForm(forms.Form):
    """What goes to the other person when an official is split."""

    name = forms.CharField(max_length=200, help_text="The other person's full name.")
    title = forms.CharField(max_length=200, required=False)
    country = forms.ChoiceField(required=False, help_text="The government they serve.")
    record_id = forms.CharField(
        max_length=100,
        required=False,
        label="Record id",
        help_text="The official record's id for the other person, if it has one.",
    )
    trips = forms.ModelMultipleChoiceField(
        queryset=Trip.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    meetings = forms.ModelMultipleChoiceField(
        queryset=Meeting.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    aliases = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Names"
    )
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="Why they are two."
    )

    def __init__(self, *args, official: Official, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "Unknown")] + sorted(
            ((code, country_name(code)) for code in GOVERNMENT_CODES), key=lambda item: item[1]
        )
        self.fields["trips"].queryset = official.trips.order_by("-start_date", "-id")
        self.fields["trips"].label_from_instance = _trip_choice
        self.fields["meetings"].queryset = official.meetings.select_related(
            "trip", "stop"
        ).order_by("-date", "-id")
        self.fields["meetings"].label_from_instance = _meeting_choice
        self.fields["aliases"].choices = [(alias, alias) for alias in official.aliases]


def _trip_choice(trip: Trip) -> str:
    when = trip.start_date.isoformat() if trip.start_date else "date unknown"
    return f"{when} · {trip}"


def _meeting_choice(meeting: Meeting) -> str:
    when = meeting.date.isoformat() if meeting.date else "date unknown"
    where = f" in {meeting.stop.place}" if meeting.stop else ""
    return f"{when} · {meeting.trip}{where}"


def _links_to_official(through: type[models.Model]) -> Coalesce:
    """The rows of a many-to-many table ``through`` that name the official: their
    trips or meetings (each once, as the table holds a pair once)."""
    rows = (
        through.objects.filter(official_id=OuterRef("pk"))
        .order_by()
        .values("official_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows), 0)


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "title",
        "country",
        "record_id",
        "trip_count",
        "meeting_count",
        "edited_by_person",
    )
    list_filter = ("country", "edited_by_person")
    search_fields = ("name", "title", "slug", "aliases", "record_id")
    prepopulated_fields = {"slug": ("name",)}
    fields = (
        "name",
        "slug",
        "title",
        "country",
        "aliases",
        "record_id",
        "former_slugs_list",
        "kept_apart_list",
        "edited_by_person",
    )
    readonly_fields = ("edited_by_person", "former_slugs_list", "kept_apart_list")
    inlines = (TripOfOfficialInline,)
    actions = ("merge_officials",)
    change_form_template = "admin/trips/official/change_form.html"

    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Counted in a subquery for each official shown, rather than by joining
        # every official's trips and meetings, which grouped the whole table
        # (trips times meetings for a head of state) for a page of 50.
        counted = (
            super()
            .get_queryset(request)
            .annotate(
                n_trips=_links_to_official(Trip.officials.through),
                n_meetings=_links_to_official(Meeting.participants.through),
            )
        )
        return counted.order_by("name")

    @admin.display(description="trips", ordering="n_trips")
    def trip_count(self, official: Official) -> int:
        return official.n_trips

    @admin.display(description="meetings", ordering="n_meetings")
    def meeting_count(self, official: Official) -> int:
        return official.n_meetings

    @admin.display(description="old addresses (redirect here)")
    def former_slugs_list(self, official: Official) -> str:
        return ", ".join(f.slug for f in official.former_slugs.all()) or "—"

    @admin.display(description="kept apart from")
    def kept_apart_list(self, official: Official) -> str:
        pairs = OfficialsKeptApart.objects.filter(Q(first=official) | Q(second=official))
        others = [p.second if p.first_id == official.pk else p.first for p in pairs]
        return ", ".join(f"{o.name} ({o.slug})" for o in others) or "—"

    def save_model(self, request: HttpRequest, obj: Official, form, change: bool) -> None:
        obj.edited_by_person = True
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        # The trips inline adds and removes this official's trips.
        before = trip_ids_of(form.instance)
        super().save_related(request, form, formsets, change)
        visit_totals_refresh(
            trip_ids=before | trip_ids_of(form.instance), official_ids=[form.instance.pk]
        )

    def get_urls(self):
        split = path(
            "<path:object_id>/split/",
            self.admin_site.admin_view(self.split_view),
            name="trips_official_split",
        )
        return [split, *super().get_urls()]

    @admin.action(description="Merge the selected officials into one person…")
    def merge_officials(self, request: HttpRequest, queryset: QuerySet):
        officials = list(queryset.order_by("pk"))
        if len(officials) < 2:
            self.message_user(request, "Select two officials or more to merge.", messages.WARNING)
            return None
        if request.POST.get("apply"):
            keep = next((o for o in officials if str(o.pk) == request.POST.get("keep")), None)
            if keep is None:
                self.message_user(request, "Choose the official to keep.", messages.ERROR)
            else:
                try:
                    with transaction.atomic():
                        for other in officials:
                            if other.pk != keep.pk:
                                keep = official_merge(source=other, target=keep)
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                    return None
                self.message_user(
                    request,
                    format_html(
                        'Merged {} officials into <a href="{}">{}</a>; '
                        "their old addresses redirect there.",
                        len(officials) - 1,
                        reverse("admin:trips_official_change", args=[keep.pk]),
                        keep.name,
                    ),
                    messages.SUCCESS,
                )
                return None
        counts = {
            row["pk"]: row
            for row in Official.objects.filter(pk__in=[o.pk for o in officials])
            .annotate(
                n_trips=Count("trips", distinct=True), n_meetings=Count("meetings", distinct=True)
            )
            .values("pk", "n_trips", "n_meetings")
        }
        # Keep the record's person, else the one with the longest record of travel.
        suggested = max(
            officials,
            key=lambda o: (bool(o.record_id), o.edited_by_person, counts[o.pk]["n_trips"], -o.pk),
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge officials into one person",
            "opts": self.model._meta,
            "officials": [(o, counts[o.pk]) for o in officials],
            "suggested": suggested,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/trips/official/merge.html", context)

    def split_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        official = self.get_object(request, object_id)
        if official is None:
            raise Http404("No such official.")
        if not self.has_change_permission(request, official):
            raise PermissionDenied
        form = OfficialSplitForm(request.POST or None, official=official)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                other = official_split(official=official, **data)
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    form.add_error(None if field == "__all__" else field, problems)
            else:
                self.message_user(
                    request,
                    format_html(
                        'Split <a href="{}">{}</a> out of {}; the two are kept apart from now on.',
                        reverse("admin:trips_official_change", args=[other.pk]),
                        other.name,
                        official.name,
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:trips_official_change", args=[official.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Split {official.name} into two people",
            "opts": self.model._meta,
            "original": official,
            "form": form,
        }
        return TemplateResponse(request, "admin/trips/official/split.html", context)


class ArticleEvidenceInline(EvidenceInline):
    fk_name = "article"
    fields = ("fact", "sentence", "official", "trip", "stop", "meeting")
    readonly_fields = fields
    verbose_name_plural = "what was extracted from this article"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Each row names the fact it supports: read with the rows, not a query per row.
        return super().get_queryset(request).select_related("official", "trip", "stop", "meeting")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "source", "published", "imported_at")
    list_filter = ("kind", "source", "published")
    search_fields = ("title", "external_id", "url", "source")
    date_hierarchy = "published"
    fields = (
        "external_id",
        "kind",
        "title",
        "url",
        "source",
        "published",
        "content_hash",
        "imported_at",
        "updated_at",
        "text",
    )
    readonly_fields = fields
    inlines = (ArticleEvidenceInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Viewing stays allowed (Django shows read-only pages for view permission).
        return False


class _TripPartAdmin(admin.ModelAdmin):
    """A stop or a meeting: an editor's change marks it, and the stored totals of the
    trip it had and the one it has follow (their visits, stops and meetings)."""

    def save_model(self, request: HttpRequest, obj: Stop | Meeting, form, change: bool) -> None:
        obj.edited_by_person = True
        touched = trip_ids_of(obj)  # the trip it had and the one it has
        super().save_model(request, obj, form, change)
        visit_totals_refresh(trip_ids=touched)

    def delete_model(self, request: HttpRequest, obj: Stop | Meeting) -> None:
        trip_id = obj.trip_id
        super().delete_model(request, obj)
        visit_totals_refresh(trip_ids=[trip_id])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        trip_ids = set(queryset.values_list("trip_id", flat=True))
        super().delete_queryset(request, queryset)
        visit_totals_refresh(trip_ids=trip_ids)


@admin.register(Stop)
class StopAdmin(_TripPartAdmin):
    list_display = ("__str__", "trip", "country", "city", "arrive_date", "depart_date")
    list_filter = ("country", "edited_by_person")
    search_fields = ("city", "country", "trip__title", "trip__officials__name")
    list_select_related = ("trip",)
    raw_id_fields = ("trip",)
    readonly_fields = ("edited_by_person",)


@admin.register(Meeting)
class MeetingAdmin(_TripPartAdmin):
    list_display = ("__str__", "trip", "stop", "date")
    list_filter = ("edited_by_person",)
    search_fields = ("description", "participants__name", "trip__title")
    list_select_related = ("trip", "stop")
    raw_id_fields = ("trip", "stop")
    autocomplete_fields = ("participants",)
    readonly_fields = ("edited_by_person",)
