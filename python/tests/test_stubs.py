"""The type stubs are the table's and the schemas': a new generation is the committed file,
and a type checker reads them (when mypy is installed, as in CI)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import eig

PYTHON = Path(__file__).resolve().parents[1]


def load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("stubgen", PYTHON / "tools" / "stubgen.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stubs_are_generated_from_the_table() -> None:
    generated = load_generator().Generator().render()
    committed = (PYTHON / "eig" / "__init__.pyi").read_text(encoding="utf-8")
    assert generated == committed, "the stubs differ from the table: run python python/tools/stubgen.py"


def test_the_stubs_name_every_function_and_class() -> None:
    committed = (PYTHON / "eig" / "__init__.pyi").read_text(encoding="utf-8")
    for name in eig.__all__:
        assert f"def {name}(" in committed or f"class {name}(" in committed, name


def test_the_docstrings_are_the_functions() -> None:
    # Each function's docstring at run time is in the stubs, word for word.
    committed = (PYTHON / "eig" / "__init__.pyi").read_text(encoding="utf-8")
    for op in eig.operations():
        summary = getattr(eig, op["function"]).__doc__.split("\n")[0]
        assert summary in committed


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_a_type_checker_reads_the_stubs_and_the_example(tmp_path: Path) -> None:
    # The stubs themselves, strict; a program using them; and a call the stubs refuse.
    program = tmp_path / "program.py"
    program.write_text(
        "import eig\n"
        "plan = eig.plan_funding(eig.example('funding'))\n"
        "total: str = plan['totals']['host']\n"
        "text: str = eig.plan_funding(eig.example('funding'), as_json=True)\n"
        "figures = eig.official_figures(promotion='EIG3')['figures']\n"
        "first: int = figures[0]['defis_in_data']\n",
        encoding="utf-8",
    )
    wrong = tmp_path / "wrong.py"
    wrong.write_text("import eig\neig.plan_funding({'promotion': 'EIG3', 'defis': 3})\n", encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache")]
    checked = subprocess.run(
        [*mypy, str(PYTHON / "eig" / "__init__.pyi"), str(PYTHON / "examples"), str(program)],
        capture_output=True, text=True, check=False, cwd=PYTHON,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    refused = subprocess.run([*mypy, str(wrong)], capture_output=True, text=True, check=False, cwd=PYTHON)
    assert "No overload variant of \"plan_funding\"" in refused.stdout, refused.stdout
