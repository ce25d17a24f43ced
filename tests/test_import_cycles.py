"""No import cycles among the package's modules: each module can be read, and changed, after
the ones it imports. Imports inside functions (done late on purpose) do not count, except
for the document, which no cycle may reach at all; imports under ``if TYPE_CHECKING:`` do,
as a cycle of types is a cycle of understanding too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "captionreview"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(node: ast.stmt, modules: set[str]) -> set[str]:
    """The package modules an import statement names (``from a import b`` counts as ``a.b``
    when that is a module, else as ``a``); nothing for any other statement."""
    found: set[str] = set()
    if isinstance(node, ast.Import):
        found.update(alias.name for alias in node.names if alias.name in modules)
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        for alias in node.names:
            full = f"{node.module}.{alias.name}"
            if full in modules:
                found.add(full)
            elif node.module in modules:
                found.add(node.module)
    return found


def top_level_imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules ``path`` imports outside functions."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    statements = list(tree.body)
    while statements:
        node = statements.pop()
        if isinstance(node, ast.If | ast.Try):
            statements.extend(node.body)
            statements.extend(node.orelse)
            for handler in getattr(node, "handlers", []):
                statements.extend(handler.body)
        else:
            found |= imported(node, modules)
    return found


def every_import(path: Path, modules: set[str]) -> set[str]:
    """The package modules ``path`` imports anywhere, inside functions too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            found |= imported(node, modules)
    return found


def import_graph(*, late: bool = False) -> dict[str, set[str]]:
    """Module -> the package modules it imports at module level (``late``: anywhere)."""
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    find = every_import if late else top_level_imports
    return {name: find(path, modules) - {name} for name, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_of_the_package_imports_itself_through_others() -> None:
    assert cycles(import_graph()) == []


def test_the_late_import_finder_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from a.b import c\n    import d\n", encoding="utf-8")
    assert every_import(module, {"a.b", "d"}) == {"a.b", "d"}
    assert top_level_imports(module, {"a.b", "d"}) == set()


def test_the_document_reaches_nothing_that_imports_it_not_even_inside_functions() -> None:
    # The document is the core's centre: reading (formats), checks and views build on it,
    # so nothing it uses may come back to it, late or not.
    document = "captionreview.core.document"
    assert [group for group in cycles(import_graph(late=True)) if document in group] == []
