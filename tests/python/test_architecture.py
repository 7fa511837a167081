"""The Python package shows its architecture: its modules import each other in one direction (no
cycle, also through imports inside functions), and no module uses another module's private
names."""

import ast
import os

import kinerja

PACKAGE = os.path.dirname(kinerja.__file__)


def _imports():
    """{module: [(imported module, [names])]} for every relative import of every module."""
    graph = {}
    for file in sorted(os.listdir(PACKAGE)):
        if not file.endswith(".py"):
            continue
        name = file[:-3]
        with open(os.path.join(PACKAGE, file), encoding="utf-8") as f:
            tree = ast.parse(f.read())
        edges = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:  # from .x import a, b
                    edges.append((node.module.split(".")[0], [a.name for a in node.names]))
                else:  # from . import x
                    edges += [(a.name, []) for a in node.names]
        graph[name] = edges
    return graph


def test_no_import_cycle_between_the_modules():
    graph = {m: {t for t, _ in edges if t in _imports_names()} for m, edges in _imports().items()}
    graph.pop("__init__", None)  # the package imports everything; nothing imports it
    state = {}

    def visit(m, path):
        if state.get(m) == "done":
            return
        assert state.get(m) != "open", "import cycle: " + " -> ".join(path + [m])
        state[m] = "open"
        for t in sorted(graph.get(m, ())):
            visit(t, path + [m])
        state[m] = "done"

    for m in sorted(graph):
        visit(m, [])


def _imports_names():
    return {f[:-3] for f in os.listdir(PACKAGE) if f.endswith(".py")} - {"__init__", "__main__"}


def test_no_module_imports_another_modules_private_names():
    bad = [(m, t, n) for m, edges in _imports().items() for t, names in edges for n in names
           if n.startswith("_") and not n.startswith("__") and t in _imports_names()]
    assert bad == []


def test_the_checks_see_the_layers():
    # the layers named in docs/python-api.md: tables <- display <- results <- plan
    graph = {m: {t for t, _ in edges} for m, edges in _imports().items()}
    assert not graph["tables"] & {"display", "results", "plan", "plots", "report"}
    assert not graph["display"] & {"results", "plan", "plots", "report"}
    assert "display" in graph["results"] and "results" in graph["plan"]
