"""Writes the type stubs of the package, ``eig/__init__.pyi``, from the table of operations
and the JSON Schemas of its shapes, as the built module gives them.

    python python/tools/stubgen.py          # rewrites python/eig/__init__.pyi
    python python/tools/stubgen.py --check  # exits 1 when the committed stubs differ

Every shape is a ``TypedDict`` (or an alias: a ``Literal`` of an enumeration, a union of the
variants of a tagged enumeration), every operation a function typed with its input and output
shapes, its parameters and its options, with the docstring the function has at run time. A test
(``tests/test_stubs.py``) runs this generator and compares: the stubs cannot drift from the
table or the schemas.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from pathlib import Path
from typing import Any

import eig
from eig import _docs

STUBS = Path(__file__).resolve().parent.parent / "eig" / "__init__.pyi"

#: Keys of a schema that carry no type.
META = {"$schema", "$defs", "title", "description", "x-enum-descriptions", "x-enum-labels"}


def pascal(text: str) -> str:
    """``through_administrative_carrier`` → ``ThroughAdministrativeCarrier``."""
    words = re.split(r"[^0-9A-Za-z]+", text)
    name = "".join(word[:1].upper() + word[1:] for word in words if word)
    return name if name and not name[0].isdigit() else f"V{name}"


def canonical(schema: Any) -> str:
    """A schema's content, for telling two definitions of the same name apart."""
    if isinstance(schema, dict):
        schema = {key: value for key, value in schema.items() if key not in ("$schema", "$defs", "title")}
    return json.dumps(schema, sort_keys=True)


class Generator:
    """Names every definition once, then writes each as Python."""

    def __init__(self) -> None:
        self.shapes = eig.shapes()
        self.schemas = {shape["kind"]: eig.schema(shape["kind"]) for shape in self.shapes}
        # The Python name of each definition of each shape, and the content of each name.
        self.names: dict[tuple[str, str], str] = {}
        self.contents: dict[str, Any] = {}
        self.origin: dict[str, str] = {}
        self.emitted: list[str] = []
        self.done: set[str] = set()
        # The table's summary of each shape, the docstring of its root.
        self.summaries: dict[str, str] = {}
        for shape in self.shapes:
            schema = self.schemas[shape["kind"]]
            self.name(shape, "#", schema, preferred=shape["name"])
            self.summaries[self.names[(shape["kind"], "#")]] = shape["summary"]
            for name in sorted(schema.get("$defs", {})):
                self.name(shape, name, schema["$defs"][name], preferred=name)

    def name(self, shape: dict[str, Any], key: str, schema: Any, preferred: str) -> None:
        """Gives the definition ``key`` of ``shape`` a Python name: its own, unless another
        shape's definition of that name differs, then ``<name>Of<shape's name>``."""
        name = pascal(preferred) if not preferred.isidentifier() else preferred
        content = canonical(schema)
        candidates = [name, f"{name}Of{shape['name']}"]
        candidates += [f"{name}Of{shape['name']}{index}" for index in range(2, 10)]
        for candidate in candidates:
            known = self.contents.get(candidate)
            if known is None:
                self.contents[candidate] = content
                self.origin[candidate] = shape["kind"]
                self.names[(shape["kind"], key)] = candidate
                return
            if known == content:
                self.names[(shape["kind"], key)] = candidate
                return
        raise ValueError(f"cannot name {key} of {shape['kind']}")

    # ----- types

    def type_of(self, kind: str, schema: Any, context: str) -> str:
        """The Python type of ``schema`` (of the shape ``kind``), naming inline records after
        ``context``."""
        if schema is True or schema == {}:
            return "Any"
        if schema is False:
            return "NoReturn"
        if "$ref" in schema:
            target = schema["$ref"].removeprefix("#/$defs/")
            if schema["$ref"] == "#":
                return self.names[(kind, "#")]
            name = self.names[(kind, target)]
            self.emit(kind, name, self.schemas[kind]["$defs"][target])
            return name
        if "const" in schema:
            return f"Literal[{self.literal(schema['const'])}]"
        if "enum" in schema:
            members = [value for value in schema["enum"] if value is not None]
            union = [f"Literal[{', '.join(self.literal(value) for value in members)}]"] if members else []
            if None in schema["enum"]:
                union.append("None")
            return " | ".join(union)
        for combinator in ("oneOf", "anyOf"):
            if combinator in schema:
                variants = schema[combinator]
                types = [self.type_of(kind, variant, self.variant_name(context, variant, index)) for index, variant in enumerate(variants)]
                return self.union(types)
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.type_of(kind, schema["allOf"][0], context)
        types = schema.get("type")
        if isinstance(types, list):
            return self.union([self.type_of(kind, {**schema, "type": one}, context) for one in types])
        if types == "object" or "properties" in schema:
            if schema.get("properties"):
                self.emit_record(kind, context, schema)
                return context
            extra = schema.get("additionalProperties", True)
            patterns = list(schema.get("patternProperties", {}).values())
            if extra is False and len(patterns) == 1:
                # Keys constrained by a pattern (ids), values by one schema.
                extra = patterns[0]
            return f"dict[str, {self.type_of(kind, extra, context + 'Value')}]"
        if types == "array":
            return f"list[{self.type_of(kind, schema.get('items', True), context + 'Item')}]"
        return {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}.get(types, "Any")

    def literal(self, value: Any) -> str:
        return repr(value) if not isinstance(value, bool) else str(value)

    def union(self, types: list[str]) -> str:
        unique: list[str] = []
        for one in types:
            for part in top_level_parts(one):
                if part not in unique:
                    unique.append(part)
        return " | ".join(unique)

    def variant_name(self, context: str, variant: Any, index: int) -> str:
        """An inline variant of a oneOf or anyOf: named after its tag's value, else after its
        only required field, else by its place."""
        properties = variant.get("properties", {}) if isinstance(variant, dict) else {}
        for field in properties.values():
            if isinstance(field, dict) and isinstance(field.get("const"), str):
                return context + pascal(field["const"])
        required = variant.get("required", []) if isinstance(variant, dict) else []
        if len(required) == 1:
            return context + pascal(required[0])
        return f"{context}Variant{index + 1}"

    # ----- definitions

    def emit(self, kind: str, name: str, schema: Any) -> None:
        """Writes the definition ``name`` once."""
        if name in self.done:
            return
        self.done.add(name)
        if isinstance(schema, dict) and (schema.get("type") == "object" or "properties" in schema) and schema.get("properties") and not any(key in schema for key in ("oneOf", "anyOf")):
            self.emit_record(kind, name, schema, named=True)
        else:
            alias = self.type_of(kind, schema, name)
            if alias != name:
                summary = self.summaries.get(name)
                comment = f"#: {summary}\n" if summary else ""
                self.emitted.append(f"{comment}{name}: TypeAlias = {alias}\n")

    def emit_record(self, kind: str, name: str, schema: dict[str, Any], named: bool = False) -> None:
        """A TypedDict: required fields as they are, the others ``NotRequired``."""
        if not named:
            if name in self.done:
                return
            self.done.add(name)
        required = set(schema.get("required", []))
        fields = []
        for field, field_schema in schema["properties"].items():
            field_type = self.type_of(kind, field_schema, name + pascal(field))
            fields.append((field, field_type if field in required else f"NotRequired[{field_type}]"))
        doc = self.summaries.get(name, "")
        if all(field.isidentifier() and not keyword.iskeyword(field) for field, _ in fields):
            body = "".join(f"    {field}: {field_type}\n" for field, field_type in fields)
            doc = f'    """{doc}"""\n\n' if doc else ""
            self.emitted.append(f"class {name}(TypedDict):\n{doc}{body}")
        else:
            items = ", ".join(f"{field!r}: {field_type}" for field, field_type in fields)
            comment = f"#: {doc}\n" if doc else ""
            self.emitted.append(f"{comment}{name} = TypedDict({name!r}, {{{items}}})\n")

    # ----- the module

    def render(self) -> str:
        shapes = _docs.shapes_by_kind(self.shapes)
        roots = {}
        for shape in self.shapes:
            root = self.names[(shape["kind"], "#")]
            self.emit(shape["kind"], root, self.schemas[shape["kind"]])
            roots[shape["kind"]] = root
        out = [HEADER]
        out.append("# ----- the shapes: one per kind of eig-api's table, with their definitions\n")
        out.extend(f"{chunk}\n" for chunk in self.emitted)
        kinds = [shape["kind"] for shape in self.shapes]
        names = [shape["name"] for shape in self.shapes]
        out.append(f"ShapeKind: TypeAlias = Literal[{', '.join(repr(kind) for kind in kinds)}]\n")
        out.append(f"ShapeName: TypeAlias = Literal[{', '.join(repr(name) for name in names)}]\n\n")
        out.append(ERRORS)
        out.append(GENERIC)
        out.append("# ----- the operations, one function each (and its French text's)\n\n")
        for op in eig.operations():
            out.append(self.function(op, shapes, roots, french=False))
            if op["french"]:
                out.append(self.function(op, shapes, roots, french=True))
        out.append("# ----- the schemas and examples\n\n")
        out.append("def schema(shape: ShapeKind | ShapeName | str) -> dict[str, Any]:\n")
        out.append(docstring(eig.schema.__doc__ or "", 4))
        for shape in self.shapes:
            out.append("@overload\n")
            out.append(f"def example(shape: Literal[{shape['kind']!r}, {shape['name']!r}], promotion: str | None = None) -> {roots[shape['kind']]}: ...\n")
        out.append("@overload\n")
        out.append("def example(shape: str, promotion: str | None = None) -> Any:\n")
        out.append(docstring(eig.example.__doc__ or "", 4))
        out.append("def operations() -> list[OperationInfo]:\n")
        out.append(docstring(eig.operations.__doc__ or "", 4))
        out.append("def shapes() -> list[ShapeInfo]:\n")
        out.append(docstring(eig.shapes.__doc__ or "", 4))
        names_all = ["EigError", *ERROR_CLASSES, "run", "run_french", "schema", "example", "operations", "shapes"]
        for op in eig.operations():
            names_all.append(_docs.function_name(op["id"]))
            if op["french"]:
                names_all.append(_docs.function_name(op["id"]) + "_french")
        out.append("__all__ = [\n" + "".join(f"    {name!r},\n" for name in names_all) + "]\n")
        return "".join(out)

    def function(self, op: dict[str, Any], shapes: dict[str, Any], roots: dict[str, str], french: bool) -> str:
        name = _docs.function_name(op["id"]) + ("_french" if french else "")
        doc = docstring(_docs.operation_doc(op, shapes, french=french), 4)
        parameters = []
        if op["input"] is not None:
            parameters += [f"body: {roots[op['input']]} | str | bytes", "/"]
        keywords = []
        for param in op["params"]:
            python_type = _docs.PARAM_TYPES.get(param["kind"], "str")
            keywords.append(f"{_docs.python_name(param['name'])}: {python_type} | None = None")
        if op["searches"]:
            keywords.append("timeout: float | None = None")
        if op["trace_option"] and not french:
            keywords.append("trace: bool = True")
        if french:
            signature = ", ".join(parameters + (["*"] + keywords if keywords else []))
            return f"def {name}({signature}) -> str:\n{doc}"
        output = roots[op["output"]]
        plain = ", ".join(parameters + ["*"] + keywords + ["as_json: Literal[False] = False"])
        text = ", ".join(parameters + ["*"] + keywords + ["as_json: Literal[True]"])
        return (
            f"@overload\ndef {name}({plain}) -> {output}:\n{doc}"
            f"@overload\ndef {name}({text}) -> str: ...\n"
        )


def top_level_parts(union: str) -> list[str]:
    """The members of a union written ``A | list[B | C] | None``: ``A``, ``list[B | C]``,
    ``None``."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(union):
        depth += char == "["
        depth -= char == "]"
        if depth == 0 and union.startswith(" | ", index):
            parts.append(union[start:index])
            start = index + 3
    parts.append(union[start:])
    return parts


def docstring(text: str, indent: int) -> str:
    """``text`` as the docstring of a stub's function (its body)."""
    pad = " " * indent
    lines = text.strip("\n").split("\n")
    # A docstring's own indentation (a multi-line one written in a module) is dropped.
    rest = [line for line in lines[1:] if line.strip()]
    common = min((len(line) - len(line.lstrip()) for line in rest), default=0)
    lines = [lines[0]] + [line[common:] for line in lines[1:]]
    body = "\n".join((pad + line) if line else "" for line in lines)
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'{pad}"""{body.lstrip()}\n{pad}"""\n\n'


ERROR_CLASSES = ["JsonSyntaxError", "InvalidInputError", "UnjudgeableError", "ParameterError", "InterruptedRunError"]

HEADER = '''"""Type stubs of the package ``eig``, generated by ``python/tools/stubgen.py`` from the
table of operations and the JSON Schemas of its shapes: do not edit (``tests/test_stubs.py``
checks them against a new generation)."""

import datetime
from typing import Any, Literal, NoReturn, overload

from typing_extensions import NotRequired, TypeAlias, TypedDict

__version__: str

'''

ERRORS = '''# ----- the errors: one class per kind of eig-api's ErrorKind

class EigError(Exception):
    kind: str
    status: int
    exit_code: int
    problem_type: str
    code: str
    path: str | None
    message: str
    position: tuple[int, int] | None
    def __init__(self, code: str, path: str | None, message: str, position: tuple[int, int] | None = None, text: str | None = None) -> None: ...

''' + "".join(f"class {name}(EigError): ...\n" for name in ERROR_CLASSES) + "\n"

GENERIC = '''# ----- the table and the generic entry points

class ParamInfo(TypedDict):
    name: str
    description: str
    kind: Literal["boolean", "integer", "date", "promotion", "text"]
    max: int | None

class RefusalInfo(TypedDict):
    code: str
    description: str

class OperationInfo(TypedDict):
    id: str
    function: str
    command: str
    method: Literal["GET", "POST"]
    path: str
    tag: str
    summary: str
    input: ShapeKind | None
    output: ShapeKind
    params: list[ParamInfo]
    french: bool
    refusals: list[RefusalInfo]
    searches: bool
    trace_option: bool

class ShapeInfo(TypedDict):
    kind: ShapeKind
    name: ShapeName
    summary: str
    direction: Literal["input", "output"]

@overload
def run(op_id: str, body: Any = None, /, *, timeout: float | None = None, as_json: Literal[False] = False, trace: bool = True, **params: Any) -> Any:
''' + docstring(eig.run.__doc__ or "", 4) + '''@overload
def run(op_id: str, body: Any = None, /, *, timeout: float | None = None, as_json: Literal[True], trace: bool = True, **params: Any) -> str: ...
def run_french(op_id: str, body: Any = None, /, *, timeout: float | None = None, **params: Any) -> str:
''' + docstring(eig.run_french.__doc__ or "", 4)


def main() -> int:
    text = Generator().render()
    if "--check" in sys.argv[1:]:
        if STUBS.read_text(encoding="utf-8") != text:
            print(f"{STUBS} differs from the table: run python python/tools/stubgen.py", file=sys.stderr)
            return 1
        return 0
    STUBS.write_text(text, encoding="utf-8")
    print(f"wrote {STUBS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
