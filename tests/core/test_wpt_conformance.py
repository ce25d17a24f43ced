"""Parser tolerance as browsers have it: the web-platform-tests WebVTT file-parsing cases.

Each ``NAME.js`` in ``conformance/wpt-file-parsing`` holds WPT assertions over the parsed
``cues``. They are not copied by hand: a small interpreter below runs the JavaScript itself
(the subset these files use: ``var``, ``for``, array literals, ``forEach``/``map`` with
function literals, ``Array.from``, ``Number.MAX_VALUE``, ``+ - * < !``), with the cues our
reader produced exposed the way a browser's ``VTTCue`` exposes them.

Also: every spec example loads with no error and saves back unchanged.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from captionreview.core.document import Document
from captionreview.core.model import Severity
from captionreview.core.vtt.cuetree import Node, parse_cue_text, word_timings
from captionreview.core.vtt.reader import Region, parse_cue_settings
from tests.conftest import CORPUS

# ----------------------------------------------------------------------------- the JS subset

_TOKEN_RE = re.compile(
    r"""\s+|//[^\n]*|/\*.*?\*/
    |(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    |(?P<str>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")
    |(?P<name>[A-Za-z_$][\w$]*)
    |(?P<op>===|!==|==|!=|<=|>=|\+\+|&&|\|\||[-+*/<>!=()\[\]{},;.])""",
    re.VERBOSE | re.DOTALL,
)


class JSError(AssertionError):
    """A WPT assertion failed (or the test could not be run)."""


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


def _tokens(source: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN_RE.match(source, pos)
        if m is None:
            raise JSError(f"cannot read the JavaScript at {source[pos : pos + 20]!r}")
        pos = m.end()
        if m.group("num"):
            out.append(("num", float(m.group("num"))))
        elif m.group("str"):
            body = m.group("str")[1:-1]
            out.append(("str", body.encode("latin-1", "backslashreplace").decode("unicode_escape")))
        elif m.group("name"):
            out.append(("name", m.group("name")))
        elif m.group("op"):
            out.append(("op", m.group("op")))
    out.append(("end", None))
    return out


def js_str(value: Any) -> str:
    """Return JavaScript's string form of a value."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return float(a) == float(b)
    if isinstance(a, str | bool) or a is None:
        return bool(a == b and type(a) is type(b))
    return a is b


Env = dict[str, Any]
JSNode = Callable[[Env], Any]


class JSInterpreter:
    """A recursive-descent evaluator for the small JavaScript subset of the WPT files."""

    def __init__(self, source: str) -> None:
        self.toks = _tokens(source)
        self.i = 0

    def peek(self, value: str | None = None) -> bool:
        kind, tok = self.toks[self.i]
        return tok == value if value is not None else kind != "end"

    def take(self, value: str | None = None) -> Any:
        _kind, tok = self.toks[self.i]
        if value is not None and tok != value:
            raise JSError(f"expected {value!r}, found {tok!r}")
        self.i += 1
        return tok

    # statements
    def program(self) -> list[JSNode]:
        body = []
        while self.peek():
            body.append(self.statement())
        return body

    def block(self) -> list[JSNode]:
        self.take("{")
        body = []
        while not self.peek("}"):
            body.append(self.statement())
        self.take("}")
        return body

    def statement(self) -> JSNode:
        if self.peek("var"):
            self.take("var")
            name = self.take()
            self.take("=")
            value = self.expression()
            self.semicolon()

            def declare(env: Env) -> None:
                env[name] = value(env)

            return declare
        if self.peek("for"):
            return self.for_loop()
        if self.peek("return"):
            self.take("return")
            value = self.expression()
            self.semicolon()

            def give(env: Env) -> None:
                raise _Return(value(env))

            return give
        expr = self.expression()
        self.semicolon()
        return expr

    def semicolon(self) -> None:
        if self.peek(";"):
            self.take(";")

    def for_loop(self) -> JSNode:
        self.take("for")
        self.take("(")
        self.take("var")
        name = self.take()
        self.take("=")
        start = self.expression()
        self.take(";")
        self.take(name)
        self.take("<")
        limit = self.expression()
        self.take(";")
        self.take(name)
        self.take("++")
        self.take(")")
        body = self.block()

        def loop(env: Env) -> None:
            env[name] = start(env)
            while env[name] < limit(env):
                for statement in body:
                    statement(env)
                env[name] += 1

        return loop

    # expressions, lowest precedence first
    def expression(self) -> JSNode:
        left = self.additive()
        while self.peek("<"):
            self.take("<")
            right = self.additive()
            left = (lambda a, b: lambda env: a(env) < b(env))(left, right)
        return left

    def additive(self) -> JSNode:
        left = self.multiplicative()
        while self.peek("+") or self.peek("-"):
            op = self.take()
            right = self.multiplicative()
            left = (lambda a, b, o: lambda env: _arith(o, a(env), b(env)))(left, right, op)
        return left

    def multiplicative(self) -> JSNode:
        left = self.unary()
        while self.peek("*"):
            self.take("*")
            right = self.unary()
            left = (lambda a, b: lambda env: a(env) * b(env))(left, right)
        return left

    def unary(self) -> JSNode:
        if self.peek("-"):
            self.take("-")
            operand = self.unary()
            return lambda env: -operand(env)
        if self.peek("!"):
            self.take("!")
            operand = self.unary()
            return lambda env: not operand(env)
        return self.postfix()

    def postfix(self) -> JSNode:
        node = self.primary()
        while True:
            if self.peek("."):
                self.take(".")
                attr = self.take()
                node = (lambda n, a: lambda env: _member(n(env), a))(node, attr)
            elif self.peek("["):
                self.take("[")
                index = self.expression()
                self.take("]")
                node = (lambda n, k: lambda env: _index(n(env), k(env)))(node, index)
            elif self.peek("("):
                self.take("(")
                args = []
                while not self.peek(")"):
                    args.append(self.expression())
                    if self.peek(","):
                        self.take(",")
                self.take(")")
                node = (lambda f, a: lambda env: f(env)(*[x(env) for x in a]))(node, args)
            else:
                return node

    def primary(self) -> JSNode:
        kind, tok = self.toks[self.i]
        if kind in ("num", "str"):
            self.i += 1
            return lambda env: tok
        if tok == "[":
            self.take("[")
            items = []
            while not self.peek("]"):
                items.append(self.expression())
                if self.peek(","):
                    self.take(",")
            self.take("]")
            return lambda env: [item(env) for item in items]
        if tok == "(":
            self.take("(")
            inner = self.expression()
            self.take(")")
            return inner
        if tok == "function":
            return self.function()
        if kind == "name":
            self.i += 1
            return lambda env: _lookup(env, tok)
        raise JSError(f"unexpected {tok!r}")

    def function(self) -> JSNode:
        self.take("function")
        self.take("(")
        params = []
        while not self.peek(")"):
            params.append(self.take())
            if self.peek(","):
                self.take(",")
        self.take(")")
        body = self.block()

        def make(env: Env) -> Callable[..., Any]:
            def call(*args: Any) -> Any:
                local = dict(env)
                local.update(zip(params, args, strict=False))
                try:
                    for statement in body:
                        statement(local)
                except _Return as result:
                    return result.value
                return None

            return call

        return make


def _arith(op: str, a: Any, b: Any) -> Any:
    if op == "+" and (isinstance(a, str) or isinstance(b, str)):
        return js_str(a) + js_str(b)
    return a + b if op == "+" else a - b


def _lookup(env: Env, name: str) -> Any:
    if name not in env:
        raise JSError(f"{name} is not defined")
    return env[name]


def _index(obj: Any, key: Any) -> Any:
    if isinstance(obj, list):
        if not 0 <= int(key) < len(obj):
            raise JSError(f"index {js_str(key)} is past the end ({len(obj)} items)")
        return obj[int(key)]
    return _member(obj, key)


def _member(obj: Any, name: str) -> Any:
    if isinstance(obj, list):
        methods: dict[str, Any] = {
            "length": float(len(obj)),
            "forEach": lambda fn: [fn(x, float(i)) for i, x in enumerate(obj)] and None,
            "map": lambda fn: [fn(x, float(i)) for i, x in enumerate(obj)],
        }
        return methods[name]
    if obj is None:
        raise JSError(f"cannot read property {name!r} of null")
    if isinstance(obj, dict):
        return obj[name]
    return getattr(obj, name)


def _assert_equals(actual: Any, expected: Any, message: str = "") -> None:
    if not _same(actual, expected):
        raise JSError(f"{message or 'assert_equals'}: got {actual!r}, expected {expected!r}")


def _assert_not_equals(actual: Any, expected: Any, message: str = "") -> None:
    if _same(actual, expected):
        raise JSError(f"{message or 'assert_not_equals'}: both are {actual!r}")


def _assert_bool(want: bool) -> Callable[..., None]:
    def check(value: Any, message: str = "") -> None:
        if bool(value) is not want:
            raise JSError(f"{message or 'assert'}: expected {want}, got {value!r}")

    return check


def run_js(source: str, cues: list[Any]) -> None:
    """Run WPT assertions ``source`` against ``cues``; raises JSError when one fails."""
    env: Env = {
        "cues": cues,
        "null": None,
        "true": True,
        "false": False,
        "assert_equals": _assert_equals,
        "assert_not_equals": _assert_not_equals,
        "assert_true": _assert_bool(True),
        "assert_false": _assert_bool(False),
        "Array": {"from": list},
        "Number": {"MAX_VALUE": sys.float_info.max, "MIN_VALUE": 5e-324},
    }
    for statement in JSInterpreter(source).program():
        statement(env)


# ----------------------------------------------------------------------------- VTTCue view


class JSRegion:
    """A VTTRegion as a browser exposes it."""

    def __init__(self, region: Region) -> None:
        self.id = region.identifier
        self.width = region.width
        self.lines = float(region.lines)
        self.regionAnchorX, self.regionAnchorY = region.region_anchor
        self.viewportAnchorX, self.viewportAnchorY = region.viewport_anchor
        self.scroll = region.scroll


class JSCue:
    """A VTTCue as a browser exposes it, built from one of our cues."""

    def __init__(self, doc: Document, index: int, regions: dict[int, JSRegion]) -> None:
        cue = doc.cues[index]
        settings = parse_cue_settings(cue.settings, doc.regions)
        self.id = cue.identifier
        self.text = cue.text
        self.startTime = cue.start_ms / 1000
        self.endTime = cue.end_ms / 1000
        self.vertical = settings.vertical
        self.line = "auto" if settings.line is None else settings.line
        self.snapToLines = settings.snap_to_lines
        self.lineAlign = settings.line_align
        self.position = "auto" if settings.position is None else settings.position
        self.positionAlign = settings.position_align
        self.size = settings.size
        self.align = settings.align
        region = settings.region
        self.region = None if region is None else regions.setdefault(id(region), JSRegion(region))


def browser_cues(doc: Document) -> list[Any]:
    """Return the document's cues as a browser's ``track.cues`` (none without a signature)."""
    if any(p.rule == "VTT-SIG-01" for p in doc.problems):
        return []
    regions: dict[int, JSRegion] = {}
    return [JSCue(doc, i, regions) for i in range(len(doc))]


# ----------------------------------------------------------------------------- the tests


def _cases(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "conformance" / "wpt-file-parsing").glob("*.js"))


CASES = _cases(CORPUS) if CORPUS.is_dir() else []


def test_the_interpreter_can_fail() -> None:
    with pytest.raises(JSError):
        run_js("assert_equals(cues.length, 1);", [])
    with pytest.raises(JSError):
        run_js("[1, 2].forEach(function(v, i) { assert_equals(v, i); });", [])
    run_js("var a = [3, 4].map(function(x) { return x * 2; }); assert_equals(a[1], 8);", [])
    run_js("for (var i = 0; i < 3; i++) { assert_equals('t' + i, 't' + i); }", [])


@pytest.mark.corpus
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_wpt_file_parsing(corpus: Path, case: Path) -> None:
    vtt = case.with_suffix(".vtt").read_bytes().decode("utf-8")
    doc = Document.from_text(vtt)
    run_js(case.read_text(encoding="utf-8"), browser_cues(doc))
    assert doc.text() == vtt


@pytest.mark.corpus
def test_all_wpt_cases_are_present(corpus: Path) -> None:
    assert len(_cases(corpus)) == 37


@pytest.mark.corpus
def test_spec_examples_load_clean_and_save_unchanged(corpus: Path) -> None:
    files = sorted((corpus / "conformance" / "w3c-spec-examples").glob("*.vtt"))
    assert len(files) == 29
    for file in files:
        data = file.read_bytes()
        doc = Document.from_text(data.decode("utf-8"))
        errors = [p for p in doc.problems if p.severity is Severity.ERROR]
        assert errors == [], file.name
        assert doc.text().encode("utf-8") == data, file.name
        assert len(doc) > 0, file.name


# ----------------------------------------------------------------------------- cue text trees


def _dump(node: Node, depth: int = 0) -> list[str]:
    """Return the html5lib-style dump WPT uses for a cue text tree."""
    lines: list[str] = []
    pad = "| " + "  " * depth
    for child in node.children:
        if child.kind == "text":
            lines.append(f'{pad}"{child.text}"')
        elif child.kind == "timestamp":
            ms = child.ms
            stamp = f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}"
            lines.append(f"{pad}<?timestamp {stamp}.{ms % 1000:03d}>")
        else:
            name = "span" if child.kind in ("c", "v", "lang") else child.kind
            lines.append(f"{pad}<{name}>")
            attrs = {}
            if child.classes:
                attrs["class"] = " ".join(child.classes)
            if child.kind == "v":
                attrs["title"] = child.annotation
            if child.kind == "lang":
                attrs["lang"] = child.annotation
            inner = "| " + "  " * (depth + 1)
            lines.extend(f'{inner}{key}="{value}"' for key, value in sorted(attrs.items()))
            lines.extend(_dump(child, depth + 1))
    return lines


CUE_CASES = ["entities", "tags", "text", "timestamps", "tree-building"]


@pytest.mark.corpus
@pytest.mark.parametrize("name", CUE_CASES)
def test_wpt_cue_text_parsing(corpus: Path, name: str) -> None:
    folder = corpus / "conformance" / "wpt-cue-parsing"
    expected = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    doc = Document.from_text((folder / f"{name}.vtt").read_text(encoding="utf-8"))
    assert len(doc) == len(expected)
    failures = []
    for cue, case in zip(doc.cues, expected, strict=True):
        got = "".join(line + "\n" for line in _dump(parse_cue_text(cue.text)))
        if got != case["expectedTree"]:
            failures.append((case["text"], got, case["expectedTree"]))
    assert failures == []


def test_word_timings_of_a_karaoke_cue() -> None:
    text = "vi<00:00:01.200><c> ska</c><00:00:01.500><c> prata&amp;</c><i> nu</i>"
    assert word_timings(text, 1000) == [(1000, "vi"), (1200, " ska"), (1500, " prata& nu")]
    assert word_timings("<ruby>漢<rt>kan</rt></ruby>", 0) == [(0, "漢")]
