"""WSGI entry point: ``gunicorn tracker.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

application = get_wsgi_application()

# What loading the app made (modules, URL patterns, gazetteer tables) lives as
# long as the process. Frozen, the cyclic garbage collector no longer walks
# it on every full collection, which otherwise paused requests for tens of
# milliseconds (measured with bench/api_bench.py).
gc.freeze()
