"""Identity rules (trips.extraction.names), with names made up for the tests."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from trips.extraction import names
from trips.extraction.names import (
    Identity,
    clean_name,
    group_people,
    name_relation,
    office,
    resolve,
    same_person,
)


def _on(year: int, month: int = 6, day: int = 1) -> tuple[date, date]:
    return (date(year, month, day), date(year, month, day))


def _span(first: int, last: int) -> tuple[date, date]:
    return (date(first, 1, 1), date(last, 12, 31))


def test_it_keeps_the_docstring_examples_true():
    result = doctest.testmod(names)

    assert result.attempted > 10
    assert result.failed == 0


# --- middle names ------------------------------------------------------------


def test_middle_initials_that_disagree_are_different_people():
    elder = Identity("Rex H. W. Stone", title="President", country="US")
    younger = Identity("Rex W. Stone", title="President", country="US")

    assert not same_person(elder, younger)
    assert same_person(elder, Identity("Rex Herbert Walker Stone", country="US"))
    assert same_person(elder, Identity("Rex H.W. Stone"))


def test_a_name_without_middle_names_stands_for_either_only_when_the_dates_tell():
    elder = Identity("Rex H. W. Stone", active=_span(1989, 1992))
    younger = Identity("Rex W. Stone", active=_span(2001, 2008))

    assert resolve(Identity("Rex Stone", active=_on(2005)), [elder, younger]) == 1
    assert resolve(Identity("Rex Stone", active=_on(1990)), [elder, younger]) == 0
    assert resolve(Identity("Rex Stone"), [elder, younger]) is None


# --- spellings of one person ---------------------------------------------------


@pytest.mark.parametrize(
    ("known", "other"),
    [
        ("Sergey Volkonin", "Sergei Volkonin"),
        ("Petro Zarenskyy", "Petro Zarensky"),
        ("Petro Zarenskyy", "Petro Zarenskiy"),
        ("Mohamed Farouk Nabil", "Mohammed Farouk Nabil"),
        ("Mohamed Farouk Nabil", "Muhammad Farouk Nabil"),
        ("Abdel Rahim el-Tayebi", "Abdel Rahim al-Tayebi"),
        ("Abdel Rahim el-Tayebi", "Abdel Rahim Al Tayebi"),
        ("Abdel Rahim el-Tayebi", "Abdelrahim Said Eltayebi"),
        ("Abdel Rahim el-Tayebi", "Abdul Rahim Tayebi"),
        ("Takeda Haruki", "Haruki Takeda"),
        ("Pak Song-chol", "Pak Song Chol"),
    ],
)
def test_spelling_variants_are_one_person_when_office_and_country_agree(known, other):
    assert same_person(
        Identity(known, title="Foreign Minister", country="QA"),
        Identity(other, title="Minister for Foreign Affairs", country="QA"),
    )


def test_spelling_variants_are_two_people_in_two_governments():
    sergey = Identity("Sergey Volkonin", title="Foreign Minister", country="QA")

    assert not same_person(
        sergey, Identity("Sergei Volkonin", title="Foreign Minister", country="OM")
    )


def test_a_variant_of_unknown_government_must_not_contradict_the_office_or_the_time():
    sergey = Identity(
        "Sergey Volkonin", title="Foreign Minister", country="QA", active=_span(2015, 2019)
    )

    assert same_person(sergey, Identity("Sergei Volkonin", title="Foreign Minister"))
    assert not same_person(
        sergey, Identity("Sergei Volkonin", title="Health Minister", active=_on(2017))
    )


def test_spelling_variants_with_other_offices_merge_only_when_the_times_differ():
    minister = Identity(
        "Hassan Nabil", title="Defense Minister", country="QA", active=_span(2010, 2013)
    )
    later = Identity("Hasan Nabil", title="President", country="QA", active=_span(2014, 2020))
    meanwhile = Identity("Hasan Nabil", title="President", country="QA", active=_span(2011, 2012))

    assert same_person(minister, later)  # a career: one office after the other
    assert not same_person(minister, meanwhile)  # two offices held at one time: two people


def test_a_long_name_in_two_offices_at_once_is_one_person():
    heir = Identity(
        "Mohamed bin Rashid Al Qamar", title="Crown Prince", country="QA", active=_span(2010, 2022)
    )
    ruler = Identity(
        "Mohammed bin Rashid al-Qamar", title="President", country="QA", active=_span(2015, 2024)
    )

    assert same_person(heir, ruler)


def test_an_english_nickname_is_the_given_name():
    assert same_person(
        Identity("William J. Harlan", title="President", country="US"),
        Identity("Bill Harlan", title="President", country="US"),
    )
    assert not same_person(
        Identity("William J. Harlan", country="US"), Identity("Hillary R. Harlan", country="US")
    )


@pytest.mark.parametrize(
    ("styled", "plain"),
    [
        ("Datuk Seri Amran Yusof", "Amran Yusof"),
        ("Tan Sri Amran Yusof", "Amran Yusof"),
        ("H.E. Nasser bin Khalid Al Qamar", "Nasser bin Khalid Al Qamar"),
        ("H.H. Sheikh Nasser bin Khalid Al Qamar", "Nasser bin Khalid Al Qamar"),
        ("Shri Anil Varma", "Anil Varma"),
        ("Sheikh Saqr bin Faris", "Saqr bin Faris"),
    ],
)
def test_honorifics_do_not_change_who_is_named(styled, plain):
    assert name_relation(styled, plain) == "exact"


def test_the_record_gloss_in_parentheses_is_dropped():
    assert clean_name("Elmer B. (Bertram Otto) Quist") == "Elmer B. Quist"
    assert same_person(Identity("Elmer B. (Bertram Otto) Quist"), Identity("Elmer B. Quist"))


# --- a surname alone --------------------------------------------------------------


def test_a_surname_alone_is_the_person_of_that_name_in_office_then():
    premier = Identity(
        "Edna Marlowe", title="Prime Minister", country="GB", active=_span(1979, 1990)
    )

    assert same_person(Identity("Marlowe", title="Prime Minister", active=_on(1987)), premier)
    assert not same_person(Identity("Marlowe", title="Prime Minister", active=_on(2012)), premier)
    assert not same_person(Identity("Marlowe", title="Foreign Minister", active=_on(1987)), premier)
    assert not same_person(Identity("Marlowe", country="FR", active=_on(1987)), premier)


def test_a_surname_two_known_people_could_carry_resolves_to_neither():
    father = Identity(
        "Andreas Kallis", title="Prime Minister", country="GR", active=_span(1981, 1996)
    )
    son = Identity(
        "Georgios Kallis", title="Prime Minister", country="GR", active=_span(2009, 2011)
    )

    assert resolve(Identity("Kallis", title="Prime Minister", active=_on(1985)), [father, son]) == 0
    assert resolve(Identity("Kallis", title="Prime Minister", active=_on(2010)), [father, son]) == 1
    assert resolve(Identity("Kallis", title="Prime Minister"), [father, son]) is None


def test_a_surname_alone_may_open_a_family_name_first_name():
    known = Identity("Seo Min-jun", title="President", country="KR")

    assert same_person(Identity("Seo", title="President"), known)
    assert not same_person(Identity("Min-jun", title="President"), known)


# --- the record's own ids -------------------------------------------------------


def test_the_record_id_decides_alone():
    one = Identity("Rex Stone", record_id="stone-rex-a")

    assert not same_person(one, Identity("Rex Stone", record_id="stone-rex-b"))
    assert same_person(one, Identity("R. Q. Stone", record_id="stone-rex-a"))
    known = [Identity("Rex Stone", record_id="stone-rex-b"), Identity("Rex A. Stone")]
    assert resolve(Identity("Rex Stone", record_id="stone-rex-a"), known) == 1


# --- the same name -----------------------------------------------------------------


def test_the_same_name_is_one_person_across_offices():
    assert same_person(
        Identity(
            "Ilse Brandauer", title="Foreign Minister", country="AT", active=_span(2001, 2004)
        ),
        Identity("Ilse Brandauer", title="Chancellor", country="AT", active=_span(2010, 2014)),
    )


def test_the_same_name_in_two_governments_is_one_person_only_for_one_office():
    guessed = Identity("Noor Faziri", title="President", country="JO")

    assert same_person(guessed, Identity("Noor Faziri", title="President", country="EG"))
    assert not same_person(
        Identity("Noor Faziri", title="Health Minister", country="JO"),
        Identity("Noor Faziri", title="Foreign Minister", country="EG"),
    )


def test_resolve_prefers_the_same_government_then_the_same_office():
    australian = Identity("Ann Quell", title="Foreign Minister", country="AU")
    singaporean = Identity("Ann Quell", title="Foreign Minister", country="SG")

    found = resolve(
        Identity("Ann Quell", title="Foreign Minister", country="SG"), [australian, singaporean]
    )
    assert found == 1


def test_offices_compare_by_what_they_name():
    assert office("French President") == office("President")
    assert office("Minister of Foreign Affairs") == office("Foreign Minister")
    assert office("Premier") == office("Prime Minister")
    assert office("Vice President") != office("President")


# --- grouping people -----------------------------------------------------------------


def test_groups_keep_a_surname_apart_when_two_people_fit_it():
    people = [
        Identity("Edna Marlowe", title="Prime Minister", country="GB", active=_span(1979, 1990)),
        Identity("Marlowe", title="Prime Minister", active=_on(1986)),
        Identity("Edna Marlowe", title="Prime Minister", active=_on(1985)),
        Identity("Hugh Marlowe", title="Prime Minister", country="GB", active=_span(1986, 1987)),
    ]

    assert group_people(people) == [[0, 2], [1], [3]]


def test_groups_respect_a_decision_to_keep_two_apart():
    people = [Identity("Ann Quell", country="AU"), Identity("Ann Quell", country="AU")]

    assert group_people(people) == [[0, 1]]
    assert group_people(people, apart=lambda i, j: True) == [[0], [1]]


def test_groups_never_join_two_record_ids():
    people = [
        Identity("Rex Stone", record_id="stone-rex-a"),
        Identity("Rex Stone"),
        Identity("Rex Stone", record_id="stone-rex-b"),
    ]

    assert group_people(people) == [[0, 1], [2]]
