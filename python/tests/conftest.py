"""What the tests share: the ``eig`` command they compare the package with."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


def command_path() -> Path:
    """The ``eig`` binary: ``$EIG_BIN``, else the newest of the debug and release builds under
    ``$CARGO_TARGET_DIR`` or the repository's ``target/``."""
    if os.environ.get("EIG_BIN"):
        return Path(os.environ["EIG_BIN"])
    targets = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    targets.append(REPOSITORY / "target")
    found = [target / profile / "eig" for target in targets for profile in ("debug", "release")]
    found = [path for path in found if path.is_file()]
    if not found:
        raise RuntimeError(
            "the eig command is not built: run `cargo build -p eig-cli` (or set EIG_BIN); the "
            "tests compare every answer of the package with the command's"
        )
    return max(found, key=lambda path: path.stat().st_mtime)


@dataclass
class Answer:
    """What the command did: its exit code, its standard output and error."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code in (0, 4), self.err
        return json.loads(self.out)


class Command:
    """Runs ``eig``: a body written to a file, the parameters as options."""

    def __init__(self, path: Path, directory: Path) -> None:
        self.path = path
        self.directory = directory
        self.files = 0

    def __call__(self, command: str, body: Any = None, *, format: str = "json", **params: Any) -> Answer:
        args = [str(self.path), command]
        if body is not None:
            self.files += 1
            file = self.directory / f"body-{self.files}.json"
            text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
            file.write_text(text, encoding="utf-8")
            args.append(str(file))
        for name, value in params.items():
            option = "--" + name.replace("_", "-")
            if value is True:
                args.append(option)
            elif value is not False and value is not None:
                args += [option, str(value)]
        if format != "text":
            args += ["--format", format]
        done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=False)
        return Answer(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def eig_command(tmp_path_factory: pytest.TempPathFactory) -> Command:
    return Command(command_path(), tmp_path_factory.mktemp("bodies"))
