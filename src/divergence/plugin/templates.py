"""The Jinja templates of the generated pages, shipped with the package (templates/)."""

from __future__ import annotations

import functools

import jinja2


@functools.cache
def template(name: str) -> jinja2.Template:
    # One environment a process: `mkdocs serve` reuses the compiled templates.
    return _environment().get_template(name)


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("divergence.plugin", "templates"), auto_reload=False
    )
