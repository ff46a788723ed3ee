"""Identity: the record's own person ids, old slugs that redirect, pairs kept apart.

``Official.record_id`` holds the official record's id for a person (its
``who``), unique when present. ``OfficialFormerSlug`` keeps the slug of an
official merged into another, so its pages and API redirect. An
``OfficialsKeptApart`` row is an editor's decision (a split) that imports and
the repair command respect.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('trips', '0006_pages_trip_reported_dates'),
    ]

    operations = [
        migrations.CreateModel(
            name='OfficialFormerSlug',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=220, unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'ordering': ['slug'],
            },
        ),
        migrations.CreateModel(
            name='OfficialsKeptApart',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('note', models.TextField(blank=True, help_text='Why they are two people.')),
                ('decided_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name': 'officials kept apart',
                'verbose_name_plural': 'officials kept apart',
                'ordering': ['first', 'second'],
            },
        ),
        migrations.AddField(
            model_name='official',
            name='record_id',
            field=models.CharField(blank=True, help_text="The official record's own id for this person (its “who”, e.g. bush-george-w); imports find the person by it.", max_length=100),
        ),
        migrations.AddConstraint(
            model_name='official',
            constraint=models.UniqueConstraint(condition=models.Q(('record_id', ''), _negated=True), fields=('record_id',), name='official_record_id_unique_when_present'),
        ),
        migrations.AddField(
            model_name='officialformerslug',
            name='official',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='former_slugs', to='trips.official'),
        ),
        migrations.AddField(
            model_name='officialskeptapart',
            name='first',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='trips.official'),
        ),
        migrations.AddField(
            model_name='officialskeptapart',
            name='second',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='trips.official'),
        ),
        migrations.AddConstraint(
            model_name='officialskeptapart',
            constraint=models.CheckConstraint(condition=models.Q(('first__lt', models.F('second'))), name='kept_apart_pair_in_order'),
        ),
        migrations.AddConstraint(
            model_name='officialskeptapart',
            constraint=models.UniqueConstraint(fields=('first', 'second'), name='kept_apart_pair_unique'),
        ),
    ]
