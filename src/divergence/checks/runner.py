"""Run rules over a project and collect every diagnostic, sorted by place."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from divergence.checks.project import Project
from divergence.checks.registry import Rule
from divergence.site.diagnostics import Diagnostic

T = TypeVar("T")
R = TypeVar("R")


def run_rules(
    project: Project,
    rules: Iterable[Rule],
    *,
    fork: bool = False,
    slow: SlowRules | None = None,
) -> list[Diagnostic]:
    """Every problem the rules find, once each, in file and line order.

    With ``fork``, the slow external linters run in forked processes beside the other
    rules (the machines have two cores), which keeps `divergence check` fast; ``slow``
    are such processes started earlier (see `start_slow_rules`).
    """
    rules = list(rules)
    if fork and slow is None:
        slow = start_slow_rules(project, rules)
    found = {d for rule in rules if slow is None or not rule.slow for d in rule.check(project)}
    return sorted(found | set(slow.results() if slow else ()))


def start_slow_rules(project: Project, rules: Iterable[Rule]) -> SlowRules:
    """Fork a process for each slow rule at once: `divergence check` calls this before it
    sets up the other rules (their imports, the Markdown renderer), so that both cores
    work from the start."""
    return SlowRules(project, rules)


class SlowRules:
    """The slow rules of a run, each working in a forked process since it was started."""

    def __init__(self, project: Project, rules: Iterable[Rule]) -> None:
        # The children inherit `project` under fork; only their findings are pickled.
        self._children = [
            (rule, Forked(lambda rule=rule: list(rule.check(project))))
            for rule in rules
            if rule.slow
        ]

    def results(self) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for rule, child in self._children:
            try:
                found += child.result()
            except Exception as error:
                raise RuntimeError(f"rule {rule.code} failed") from error
        return found


class Forked(Generic[R]):
    """``compute()`` running in a forked child process; ``result()`` waits for its value.

    A bare fork and a pipe: the multiprocessing package would cost its import and a
    process object around each child, for the same work.
    """

    def __init__(self, compute: Callable[[], R]) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read)
            _run_child(compute, write)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> R:
        with os.fdopen(self._read, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(self._pid, 0)
        if not data:
            raise RuntimeError(f"the forked process ended ({status=}) without a result")
        value = pickle.loads(data)
        if isinstance(value, _Failure):
            raise value.error
        return value


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def _run_child(compute: Callable[[], object], write: int) -> None:
    code = 0
    try:
        try:
            value: object = compute()
        except Exception as error:  # handed to the parent, which raises it
            value = _Failure(error)
        try:
            data = pickle.dumps(value)
        except Exception as error:  # what cannot be pickled is sent as text
            text = repr(value.error) if isinstance(value, _Failure) else repr(error)
            data = pickle.dumps(_Failure(RuntimeError(text)))
        with os.fdopen(write, "wb") as stream:
            stream.write(data)
    except BaseException:
        code = 1
    finally:
        # Leave without the parent's exit handlers, buffers or finalizers running twice.
        os._exit(code)


def fork_map(function: Callable[[T], list[R]], items: list[T]) -> list[R]:
    """``function`` applied to each item in a forked process of its own; results joined.

    The last item runs in this process, which would otherwise wait idle.
    """
    children = [Forked(lambda item=item: function(item)) for item in items[:-1]]
    results: list[R] = function(items[-1]) if items else []
    return [result for child in children for result in child.result()] + results
