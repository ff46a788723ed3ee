"""Reading an iterator ahead in a thread of its own.

The import parses articles and writes them to the database in turn. While the
database works on a statement, the process would wait doing nothing; with the
extraction read ahead in a thread, the parse fills those waits (the GIL is let
go while a thread waits on the database's socket, and through the parser's
matrix products), so the import takes about the CPU time of the two together
rather than that plus every wait.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def read_ahead(items: Iterable[T], size: int = 64) -> Iterator[T]:
    """The items of ``items`` in order, made by a thread up to ``size`` ahead of the reader.

    An exception raised making an item is raised to the reader in its place.
    When the reader stops early (closes the generator, or an error ends its
    loop), the thread stops after the item it is making.

    >>> list(read_ahead(n * n for n in range(5)))
    [0, 1, 4, 9, 16]
    """
    ready: queue.Queue = queue.Queue(maxsize=size)
    stop = threading.Event()

    def hand(item) -> bool:
        # Waits for room, but gives up if the reader has gone.
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for item in items:
                if not hand(item):
                    return
        except BaseException as error:  # handed to the reader, raised there
            hand(_Failed(error))
            return
        hand(_DONE)

    worker = threading.Thread(target=make, name="read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            item = ready.get()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        stop.set()
        worker.join()
