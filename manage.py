#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    # manage.py is the developer's tool: local runs default to DEBUG on (and a
    # throwaway secret key). Servers start through tracker.wsgi, where DEBUG is
    # off unless set; set DEBUG=0 here too for production management commands.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
