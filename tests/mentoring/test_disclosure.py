"""The small-group rule itself (mentoring.disclosure), cell by cell, without a database.

MIN_GROUP_SIZE is 5 in these tests. Each case is one way a hidden figure could leak.
"""

import pytest

from mentoring.disclosure import Cell, Table, group_is_reportable, protect_table, reconcile


@pytest.fixture(autouse=True)
def _five(settings):
    settings.MIN_GROUP_SIZE = 5


def plants(*people, total=None, values=None):
    values = values or people
    cells = [
        Cell(v, p, dimension="plant", key=i, label=f"Площадка {i}")
        for i, (v, p) in enumerate(zip(values, people, strict=True))
    ]
    grand = sum(people) if total is None else total
    return Table(Cell(sum(values), grand, dimension="total"), [cells])


def shown(table):
    return [c.shown for c in table.cells()]


def test_the_threshold_is_inclusive():
    assert not group_is_reportable(4)
    assert group_is_reportable(5)


def test_groups_from_the_threshold_are_all_shown():
    table = protect_table(plants(5, 6, 7))
    assert shown(table) == [5, 6, 7]
    assert table.total.shown == 18


def test_one_small_group_hides_the_next_smallest_too():
    # 7 in total, 5 shown: 7 − 5 would give the hidden 2 away
    table = protect_table(plants(5, 2, 9, 6))
    assert shown(table) == [None, None, 9, 6]
    assert table.total.shown == 22


def test_small_groups_that_together_reach_the_threshold_need_no_second_cell():
    table = protect_table(plants(2, 3, 8))
    assert shown(table) == [None, None, 8]
    assert table.total.shown == 13


def test_two_hidden_cells_that_reach_the_threshold_leave_the_total():
    table = protect_table(plants(5, 2))
    assert shown(table) == [None, None]
    assert table.total.shown == 7


def test_with_no_cell_left_to_hide_the_total_goes():
    # a partition with one small cell and nobody else to hide: only the total can go
    table = plants(3, total=9)
    protect_table(table)
    assert shown(table) == [None]
    assert table.total.shown is None


def test_a_total_over_too_few_people_is_hidden_and_a_part_stays_hidden():
    table = protect_table(plants(3, 0, total=3))
    assert table.total.shown is None
    assert shown(table)[0] is None
    # an empty group says nothing about anyone and stays as it is
    assert shown(table)[1] == 0


def test_a_hidden_total_keeps_one_hidden_cell_in_every_partition():
    months = [Cell(v, v, dimension="month", key=m) for m, v in enumerate((6, 7))]
    by_plant = [Cell(v, v, dimension="plant", key=p) for p, v in enumerate((5, 8))]
    table = Table(Cell(13, 4, dimension="total"), [months, by_plant])
    protect_table(table)
    assert table.total.shown is None
    assert [c.shown for c in months].count(None) == 1
    assert months[0].shown is None  # the smallest
    assert [c.shown for c in by_plant].count(None) == 1
    assert by_plant[0].shown is None


def test_a_part_never_displayed_counts_as_hidden():
    cells = [
        Cell(6, 6, dimension="plant", key=1),
        Cell(9, 9, dimension="plant", key=2),
        Cell(2, 2, dimension="plant", key=None, displayed=False),
    ]
    table = Table(Cell(17, 17, dimension="total"), [cells])
    protect_table(table)
    assert [c.shown for c in cells] == [None, 9, None]


def test_values_follow_people_not_their_own_size():
    # five meetings of one person are a group of one
    table = protect_table(plants(1, 6, values=[5, 30]))
    assert shown(table) == [None, None]
    assert table.total.shown == 35


def test_a_filtered_figure_is_hidden_when_its_cell_of_the_whole_is():
    parent = protect_table(plants(2, 9, 6))
    assert parent.find("plant", 0).hidden
    filtered = Table(Cell(2, 2, dimension="total"), [[Cell(2, 2, dimension="cycle", key=1)]])
    reconcile(filtered, parent, "plant", 0)
    assert filtered.total.shown is None


def test_a_filtered_cell_is_hidden_when_the_rest_of_the_whole_is_a_small_group():
    parent = Table(
        Cell(20, 20, dimension="total"),
        [[Cell(8, 8, dimension="cycle", key=1), Cell(12, 12, dimension="cycle", key=2)]],
    )
    protect_table(parent)
    filtered = Table(
        Cell(16, 16, dimension="total"),
        [[Cell(6, 6, dimension="cycle", key=1), Cell(10, 10, dimension="cycle", key=2)]],
    )
    reconcile(filtered, parent, "plant", 3)
    # total: 20 − 16 = 4 people elsewhere; cycle 1: 8 − 6 = 2 → both would give them away
    assert filtered.total.shown is None
    assert filtered.find("cycle", 1).shown is None


def test_a_filtered_cell_stays_when_the_rest_is_large_enough():
    parent = protect_table(
        Table(
            Cell(30, 30, dimension="total"),
            [[Cell(15, 15, dimension="cycle", key=1), Cell(15, 15, dimension="cycle", key=2)]],
        )
    )
    filtered = Table(
        Cell(12, 12, dimension="total"),
        [[Cell(6, 6, dimension="cycle", key=1), Cell(6, 6, dimension="cycle", key=2)]],
    )
    reconcile(filtered, parent, "plant", 3)
    assert filtered.total.shown == 12
    assert [c.shown for c in filtered.cells()] == [6, 6]


def test_an_empty_group_is_never_chosen_as_the_second_cell():
    # the complement must hide people: an empty cell hidden instead would leave 2 recoverable
    table = protect_table(plants(2, 0, 9, 6))
    assert shown(table) == [None, 0, 9, None]
    assert table.total.shown == 17


def test_among_equally_small_cells_the_smaller_value_goes():
    # two cells of 6 people: the one that tells less (the smaller value) is hidden
    table = protect_table(plants(2, 6, 6, values=[2, 40, 10]))
    assert shown(table) == [None, 40, None]


def cycles(*people):
    cells = [Cell(p, p, dimension="cycle", key=i) for i, p in enumerate(people)]
    return Table(Cell(sum(people), sum(people), dimension="total"), [cells])


def test_a_filtered_figure_whose_cell_was_hidden_as_the_complement_shows_nothing():
    # plant 1 (6 people) is hidden only so that plant 0 (2) cannot be recovered; its own
    # figure, filtered, would give the 6 back and with it the 2
    parent = protect_table(plants(2, 6, 9))
    assert [parent.find("plant", k).hidden for k in (0, 1, 2)] == [True, True, False]
    filtered = cycles(5, 1, 0)
    reconcile(filtered, parent, "plant", 1)
    assert filtered.total.shown is None
    assert [c.shown for c in filtered.cells()] == [None, None, 0]


# people of a cycle in the whole minus those in the filtered figure -> is the filtered cell
# hidden? (the rest lives in the other plants: one to four of them would be given away)
REST_OF_THE_WHOLE = {0: False, 1: True, 4: True, 5: False}


@pytest.mark.parametrize("rest", list(REST_OF_THE_WHOLE))
def test_a_filtered_cell_is_hidden_when_the_rest_of_its_cell_is_a_small_group(rest):
    parent = protect_table(cycles(8 + rest, 40))
    filtered = reconcile(cycles(8, 20), parent, "plant", 3)
    # the total and the other cycle leave 20 people elsewhere: safe whatever the rest is
    assert filtered.total.shown == 28
    assert filtered.find("cycle", 0).hidden is REST_OF_THE_WHOLE[rest]
    assert filtered.find("cycle", 1).shown == 20


def test_a_filtered_cell_whose_cell_of_the_whole_is_hidden_is_left_as_it_is():
    # cycles 0 and 1 of the whole are hidden: nothing to subtract the filtered ones from,
    # so they stay (no more is hidden than needed), and cycle 2 is still checked after them
    parent = protect_table(cycles(3, 6, 8, 30))
    assert [c.hidden for c in parent.cells()] == [True, True, False, False]
    filtered = reconcile(cycles(0, 5, 6, 20), parent, "plant", 3)
    assert [c.shown for c in filtered.cells()] == [0, 5, None, 20]
    assert filtered.total.shown == 31


def test_a_part_never_displayed_with_nobody_in_it_hides_nothing():
    cells = [
        Cell(5, 5, dimension="plant", key=1),
        Cell(6, 6, dimension="plant", key=2),
        Cell(0, 0, dimension="plant", key=None, displayed=False),
    ]
    table = protect_table(Table(Cell(11, 11, dimension="total"), [cells]))
    assert [c.shown for c in cells[:2]] == [5, 6]
    assert table.total.shown == 11


def test_a_total_hidden_by_a_later_partition_leaves_a_hidden_cell_in_the_earlier_ones():
    # the months are safe on their own; the plants then find a small group with nobody
    # beside it to hide, so the total goes — and the months must not add up to it
    months = [Cell(5, 5, dimension="month", key=1), Cell(6, 6, dimension="month", key=2)]
    by_plant = [Cell(3, 3, dimension="plant", key=1)]
    table = protect_table(Table(Cell(9, 9, dimension="total"), [months, by_plant]))
    assert table.total.shown is None
    assert [c.shown for c in months] == [None, 6]
    assert [c.shown for c in by_plant] == [None]
