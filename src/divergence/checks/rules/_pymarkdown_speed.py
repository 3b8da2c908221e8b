"""Make pymarkdownlnt faster without changing what it finds (rule MD001).

pymarkdownlnt spends a large part of its time on work whose result is thrown away or
that takes a detour: debug messages formatted even with debug logging off, and token
tests (``token.is_paragraph``) that each go through two or more Python property calls.
The patches below remove only that: every parse decision and every rule runs exactly as
written. They are made for the pymarkdownlnt version pinned in requirements.lock and
checked against its source; with any other version they are left out (the linter is
then only slower), since they reach into its internals. The cheap repr() of tokens
touches nothing the rules read and applies to every version.
"""

from __future__ import annotations
import __future__

import ast
import linecache
import sys

# The version the patches were written for and checked against (findings identical on
# every page of the site, the golden cases and a copy of the site with seeded mistakes).
VERSION = "0.9.41"

_applied = False


def apply() -> None:
    """Patch pymarkdownlnt's classes in this process, once (a no-op for other versions)."""
    global _applied
    if _applied:
        return
    _applied = True
    _cheap_token_repr()
    from pymarkdown.version import __version__ as version

    if version != VERSION:
        return
    _fast_token_tests()
    _fast_plugin_dispatch()
    _without_debug_messages()


def _cheap_token_repr() -> None:
    """Tokens' repr() as their class name alone, for every version of the linter.

    pymarkdownlnt formats the whole token list into debug messages on every line, even
    with debug logging off, which makes it quadratic in a page's length. Only those
    messages use repr() (rules use str()), so this halves the time and leaves the
    findings identical (checked on every page of the site and the golden cases).
    """
    from pymarkdown.tokens.markdown_token import MarkdownToken

    MarkdownToken.__repr__ = cheap_repr


def cheap_repr(token) -> str:
    return f"<{type(token).__name__}>"


def _fast_token_tests() -> None:
    """``token.is_X`` as one comparison of the token's name instead of chains of properties.

    Such a property compares ``token_name`` (set once, in ``__init__``) with the class's
    name constants, alone or or-ed with others: ``is_list_end`` calls
    ``is_unordered_list_end`` and ``is_ordered_list_end``, each of which calls
    ``token_name``. Only properties whose code reads nothing else are replaced, and which
    names make each true is read off the original property itself, by asking it about
    every name the class defines (and their "end-" forms): the replacement answers
    exactly as the original does for every token.
    """
    from pymarkdown.tokens.markdown_token import MarkdownToken
    from pymarkdown.tokens.stack_token import StackToken

    true_for = _replace_name_tests(
        MarkdownToken,
        "token_name",
        prefix="_token_",
        end_prefix=MarkdownToken._end_token_prefix,
        attribute="_MarkdownToken__token_name",
    )
    _name_tests_as_constants(MarkdownToken, true_for)
    _replace_name_tests(
        StackToken, "type_name", prefix="_stack_", end_prefix="", attribute="_StackToken__type_name"
    )


def _replace_name_tests(cls, name_property, *, prefix, end_prefix, attribute) -> None:
    constants = {k: v for k, v in vars(cls).items() if k.startswith(prefix)}
    # What a name test may read: the name, the constants, other name tests, bool().
    allowed = {name_property, cls.__name__, "bool", "_end_token_prefix", *constants}
    tests = {
        k: v
        for k, v in vars(cls).items()
        if k.startswith("is_") and isinstance(v, property) and v.fset is None
    }
    while True:  # down to the tests that read only allowed names and each other
        kept = {
            k: v for k, v in tests.items() if set(v.fget.__code__.co_names) <= {*allowed, *tests}
        }
        if kept.keys() == tests.keys():
            break
        tests = kept
    names = set(constants.values())
    probe = object.__new__(cls)
    true_for: dict[str, set[str]] = {test: set() for test in tests}
    for candidate in names | {end_prefix + name for name in names}:
        # The originals read it through ``name_property``, which returns this attribute.
        setattr(probe, attribute, candidate)
        for test, original in tests.items():
            if original.fget(probe):
                true_for[test].add(candidate)
    for test, original in tests.items():
        test_name = _name_in(attribute, frozenset(true_for[test]))
        setattr(cls, test, property(test_name, doc=original.__doc__))
    return true_for


def _name_tests_as_constants(base, true_for: dict[str, set[str]]) -> None:
    """On each token class with a name of its own, the name tests as plain class values.

    A token class that defines ``get_markdown_token_type`` gives every token it makes that
    name (pymarkdownlnt itself maps classes to names through it when it registers its
    transformers; tests/checks/test_pymarkdown_speed.py checks it on every token of the
    site). Its ``is_paragraph`` and the like are then the same for all its tokens: a
    class attribute, read without a call, instead of a property (the rules ask them
    about every token, about 15 % of the linter's time). The end tokens, whose names vary,
    keep the properties, as does a subclass without a name of its own.
    """
    properties = {test: vars(base)[test] for test in true_for}
    constant_classes = []
    for cls in _subclasses(base):
        own_name = vars(cls).get("get_markdown_token_type")
        if own_name is not None:
            name = own_name.__func__()
            for test, names in true_for.items():
                setattr(cls, test, name in names)
            constant_classes.append(cls)
        elif any(issubclass(cls, constant) for constant in constant_classes):
            for test, name_test in properties.items():
                setattr(cls, test, name_test)


def _subclasses(cls):
    """Every subclass of ``cls``, each after the classes it derives from."""
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def _name_in(attribute: str, names: frozenset[str]):
    # A name outside the candidates equals none of the class's constants, so every
    # original test is false for it, as ``in names`` is. One attribute read, no call.
    if attribute == "_MarkdownToken__token_name":
        return lambda token: token._MarkdownToken__token_name in names
    return lambda token: token._StackToken__type_name in names


def _fast_plugin_dispatch() -> None:
    """Hand each token to the enabled rules without re-deciding, per rule, to skip none.

    PluginManager.next_token asks ``__check_for_skip_of_plugin`` about every rule for every
    token; with no per-file disabled rules (pragmas) and no per-rule contexts, which is how
    a scan calls it unless a page has pragmas, the answer is always "run it, with this
    context". In every other case the original runs.
    """
    from pymarkdown.plugin_manager.bad_plugin_error import BadPluginError
    from pymarkdown.plugin_manager.plugin_manager import PluginManager

    original = PluginManager.next_token

    def next_token(self, context, token, per_file_disabled_identifiers, context_map=None):
        if context_map or per_file_disabled_identifiers:
            return original(self, context, token, per_file_disabled_identifiers, context_map)
        for next_plugin in self._PluginManager__enabled_plugins_for_next_token:
            try:
                next_plugin.plugin_instance.next_token(context, token)
            except Exception as this_exception:  # as the original reports it
                actual_token = token if self._PluginManager__show_stack_trace else None
                raise BadPluginError(
                    next_plugin.plugin_id,
                    "next_token",
                    line_number=token.line_number,
                    column_number=token.column_number,
                    actual_token=actual_token,
                    cause=this_exception,
                ) from this_exception
        return None

    PluginManager.next_token = next_token


def _without_debug_messages() -> None:
    """The parser's hottest debug messages, removed from its code.

    pymarkdownlnt builds each message before its logger checks whether debug logging is
    on: ``mark_start_information`` formats the document's whole token list on every line
    (quadratic in a page's length), and every line's ContainerGrabBag logs its 35 fields
    through two helpers. These functions are recompiled from their own source minus those
    calls; a call is removed only when its arguments just read names and attributes (no
    call, no indexing), so nothing that could change the parse or raise goes with it.
    """
    from pymarkdown.container_blocks.container_grab_bag import ContainerGrabBag
    from pymarkdown.general.parser_state import ParserState

    _strip_debug(ParserState, "mark_start_information")
    helpers = ("__log_read_write_value", "__log_read_only_value")
    for name in ("__log_initial_values", *helpers):
        _strip_debug(ContainerGrabBag, f"_ContainerGrabBag{name}", quiet=helpers)


# What a removed call's arguments may contain: names, attributes, constants, f-strings.
_READ_ONLY = (ast.JoinedStr, ast.FormattedValue, ast.Constant, ast.Name, ast.Attribute, ast.Load)


class _DropDebug(ast.NodeTransformer):
    """Drops ``POGGER.debug(...)``, ``LOGGER.debug(...)`` and ``self.<quiet>(...)`` lines."""

    def __init__(self, quiet: tuple[str, ...]) -> None:
        self.quiet = quiet

    def generic_visit(self, node):
        super().generic_visit(node)
        for name in ("body", "orelse", "finalbody"):
            block = getattr(node, name, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                kept = [statement for statement in block if not self._is_debug(statement)]
                setattr(node, name, kept or [ast.Pass()])
        return node

    def _is_debug(self, statement: ast.stmt) -> bool:
        call = statement.value if isinstance(statement, ast.Expr) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
            return False
        owner, method = call.func.value, call.func.attr
        if not isinstance(owner, ast.Name) or call.keywords:
            return False
        logger = owner.id in ("POGGER", "LOGGER") and method == "debug"
        helper = owner.id == "self" and method in self.quiet
        return (logger or helper) and all(
            isinstance(node, _READ_ONLY) for argument in call.args for node in ast.walk(argument)
        )


def _strip_debug(cls, name: str, quiet: tuple[str, ...] = ()) -> None:
    """Replace method ``name`` of ``cls`` with its own source minus its debug calls."""
    function = vars(cls)[name]
    module = sys.modules[cls.__module__]
    code = getattr(function, "__func__", function).__code__
    # The function's lines: from its first (decorator) line to the end of its last
    # expression (inspect.getsourcelines finds the same by tokenizing, 10 ms slower).
    first = code.co_firstlineno
    last = max(end for _, end, _, _ in code.co_positions() if end is not None)
    lines = linecache.getlines(code.co_filename)[first - 1 : last]
    # Parsed and compiled as the body of a class of the same name, its lines untouched:
    # self.__private names are mangled as in the original, and run with its globals.
    tree = ast.parse(f"class {cls.__name__}:\n" + "".join(lines))
    if [getattr(node, "name", None) for node in tree.body[0].body] != [code.co_name]:
        raise ValueError(f"the source read for {name} is not that function alone")
    if any(isinstance(n, ast.Name) and n.id == "super" for n in ast.walk(tree)):
        raise ValueError(f"{name} uses super(), which a recompiled copy would break")
    _DropDebug(quiet).visit(tree)
    ast.increment_lineno(tree, first - 2)
    flags = 0
    if getattr(module, "annotations", None) is __future__.annotations:
        flags |= __future__.annotations.compiler_flag
    compiled = compile(ast.fix_missing_locations(tree), code.co_filename, "exec", flags)
    namespace: dict = {}
    exec(compiled, vars(module), namespace)
    setattr(cls, name, vars(namespace[cls.__name__])[name])
