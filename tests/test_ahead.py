"""``read_ahead``: an iterator made in a thread, ahead of its reader."""

import threading

import pytest

from trips.ahead import read_ahead


def test_it_gives_every_item_in_order():
    assert list(read_ahead(iter(range(1000)), size=3)) == list(range(1000))


def test_the_items_are_made_in_another_thread_ahead_of_the_reader():
    made: list[int] = []
    makers: set[str] = set()
    enough = threading.Event()

    def items():
        for n in range(10):
            makers.add(threading.current_thread().name)
            made.append(n)
            if n == 4:
                enough.set()
            yield n

    reader = read_ahead(items(), size=5)
    assert next(reader) == 0
    # The reader has taken one item; the thread goes on making more meanwhile.
    assert enough.wait(timeout=10)
    assert len(made) >= 5
    assert threading.current_thread().name not in makers
    assert list(reader) == list(range(1, 10))


def test_an_error_making_an_item_reaches_the_reader_after_the_items_before_it():
    def items():
        yield "a"
        yield "b"
        raise ValueError("article 3 is broken")

    got = []
    with pytest.raises(ValueError, match="article 3 is broken"):
        for item in read_ahead(items()):
            got.append(item)
    assert got == ["a", "b"]


def test_a_reader_that_stops_early_stops_the_thread():
    made: list[int] = []

    def items():
        n = 0
        while True:  # endless: only the reader's stopping ends it
            made.append(n)
            yield n
            n += 1

    before = threading.active_count()
    reader = read_ahead(items(), size=2)
    assert [next(reader) for _ in range(3)] == [0, 1, 2]
    reader.close()
    assert threading.active_count() == before
    count = len(made)
    assert count <= 3 + 2 + 2  # read, queued, and at most one being handed over
    assert len(made) == count
