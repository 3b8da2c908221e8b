"""Forked work: values come back, errors are raised in the parent, nothing runs twice."""

import os

import pytest

from divergence.checks.runner import Forked, fork_map


def test_a_forked_computation_returns_its_value_from_another_process():
    child = Forked(lambda: [os.getpid(), "done"])
    pid, text = child.result()
    assert text == "done"
    assert pid != os.getpid()


def test_an_error_in_the_child_is_raised_in_the_parent():
    def fail():
        raise ValueError("bad page")

    with pytest.raises(ValueError, match="bad page"):
        Forked(fail).result()


def test_an_error_that_cannot_be_pickled_arrives_as_its_text():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def fail():
        raise Local("no pickle")

    with pytest.raises(RuntimeError, match="no pickle"):
        Forked(fail).result()


def test_fork_map_joins_every_items_results():
    assert sorted(fork_map(lambda n: [n, n * 10], [1, 2, 3])) == [1, 2, 3, 10, 20, 30]
    assert fork_map(lambda n: [n], []) == []
