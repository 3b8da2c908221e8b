"""Run rules over a project and collect every diagnostic, sorted by place."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from typing import TypeVar

from divergence.checks.project import Project
from divergence.checks.registry import Rule
from divergence.diagnostics import Diagnostic

T = TypeVar("T")
R = TypeVar("R")


def run_rules(project: Project, rules: Iterable[Rule], *, fork: bool = False) -> list[Diagnostic]:
    """Every problem the rules find, once each, in file and line order.

    With ``fork``, the slow external linters run in forked processes beside the other
    rules (the machines have two cores), which keeps `divergence check` fast.
    """
    rules = list(rules)
    children = []
    if fork:
        context = multiprocessing.get_context("fork")
        for rule in (r for r in rules if r.slow):
            receive, send = context.Pipe(duplex=False)
            # Under fork the child inherits `project`; only the results are pickled.
            process = context.Process(target=_run_in_child, args=(rule, project, send))
            process.start()
            send.close()
            children.append((rule, process, receive))
    found: set[Diagnostic] = set()
    for rule in rules:
        if not any(rule is child[0] for child in children):
            found.update(rule.check(project))
    for rule, process, receive in children:
        result = receive.recv()
        process.join()
        if isinstance(result, BaseException):
            raise RuntimeError(f"rule {rule.code} failed") from result
        found.update(result)
    return sorted(found)


def _run_in_child(rule: Rule, project: Project, send) -> None:
    _send_result(send, lambda: list(rule.check(project)))


def fork_map(function: Callable[[T], list[R]], items: list[T]) -> list[R]:
    """``function`` applied to each item in a forked process of its own; results joined."""
    context = multiprocessing.get_context("fork")
    children = []
    for item in items:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_send_result, args=(send, lambda item=item: function(item))
        )
        process.start()
        send.close()
        children.append((process, receive))
    results: list[R] = []
    for process, receive in children:
        result = receive.recv()
        process.join()
        if isinstance(result, BaseException):
            raise result
        results.extend(result)
    return results


def _send_result(send, compute) -> None:
    try:
        send.send(compute())
    except Exception as error:  # handed to the parent, which raises it
        send.send(error)
    finally:
        send.close()
