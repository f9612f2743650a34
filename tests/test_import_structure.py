"""The import structure of our own modules: no cycles, and apps depend downward only.

Read from the source (no imports run), counting imports inside functions too: a
deferred import hides a cycle from Python, not from the reader. One kind of edge
is not counted: a page's method handing the request to its own app's views
(`<app>.models`, or a module of a models package, -> `<app>.views` or
`<app>.feeds`, a syndication feed being a view), inside a function. A Wagtail page is the view's entry point (`serve`,
`get_context`, `@path` routes), and views are the top of each app: nothing
else in an app imports them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: an app may import the ones before it, never one after it.
LAYERS = ["core", "accounts", "specialists", "articles", "qa", "messaging", "home", "search"]
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
PACKAGES = [*APPS, "config"]


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _our_modules():
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[_module_name(path)] = path
    return modules


def _resolve(module, node, is_package):
    """The absolute module a `from ... import` names."""
    if not node.level:
        return node.module
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def import_edges(modules):
    """(importer, imported, deferred) for every import of one of our modules by another."""
    edges = set()
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(module, node, path.name == "__init__.py")
                # `from pkg import submodule` imports the submodule; `from pkg import name`, pkg.
                names = [
                    f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target for alias in node.names
                ]
            for name in names:
                # `import a.b.c` of ours: the longest prefix that is one of our modules.
                while name and name not in modules:
                    name = name.rpartition(".")[0]
                if name and name != module:
                    edges.add((module, name, id(node) not in top_level))
    return edges


VIEW_MODULES = ("views", "feeds")


def _page_hands_over_to_its_views(importer, imported, deferred):
    app = importer.split(".")[0]
    # A models package (models/pages.py...) is the same entry point as models.py.
    in_models = importer == f"{app}.models" or importer.startswith(f"{app}.models.")
    return deferred and in_models and imported in {f"{app}.{name}" for name in VIEW_MODULES}


def _cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _graph(edges):
    graph = {}
    for importer, imported, deferred in edges:
        if not _page_hands_over_to_its_views(importer, imported, deferred):
            graph.setdefault(importer, set()).add(imported)
    return graph


def test_the_checker_sees_deferred_and_relative_imports(tmp_path):
    """The reader itself: a cycle made only of a relative import and one
    inside a function is found."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def f():\n    from .a import thing\n")
    modules = {"pkg": package / "__init__.py", "pkg.a": package / "a.py", "pkg.b": package / "b.py"}
    edges = import_edges(modules)
    assert ("pkg.a", "pkg.b", False) in edges
    assert ("pkg.b", "pkg.a", True) in edges
    assert _cycles(_graph(edges)) == [["pkg.a", "pkg.b"]]


def test_no_import_cycle_between_our_modules():
    cycles = _cycles(_graph(import_edges(_our_modules())))
    assert cycles == [], "import cycles (each list imports itself around): " + repr(cycles)


def test_every_app_has_its_place_in_the_layers():
    assert sorted(set(APPS) - set(LAYERS)) == [], "add the new app to LAYERS (and to README's layout)"


def test_apps_depend_downward_only():
    """core <- accounts <- specialists <- articles <- qa <- messaging <- home: a lower app reaches a
    higher one through a hook or a reverse relation, never an import."""
    upward = sorted(
        (importer, imported)
        for importer, imported, _ in import_edges(_our_modules())
        if importer.split(".")[0] in LAYERS
        and imported.split(".")[0] in LAYERS
        and LAYERS.index(imported.split(".")[0]) > LAYERS.index(importer.split(".")[0])
    )
    assert upward == []


def test_only_a_deferred_hand_over_from_a_page_to_its_views_is_allowed(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "models.py").write_text("def serve():\n    from .views import page_view\n")
    (app / "views.py").write_text("from .models import Page\n")
    modules = {"app.models": app / "models.py", "app.views": app / "views.py"}
    assert _cycles(_graph(import_edges(modules))) == []
    (app / "models.py").write_text("from .views import page_view\n")
    assert _cycles(_graph(import_edges(modules))) == [["app.models", "app.views"]]
