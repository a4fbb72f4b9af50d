#!/usr/bin/env python3
"""The repository's paths written in its pages, manifests and code comments, each checked.

Run by scripts/docs/check from the repository's root. It reads
- every tracked Markdown page but the shipped source texts (docs/sources/texts/, also reached
  as crates/eig-sources/texts/): its code spans and its link targets;
- the comments (`# …`) of every tracked Cargo.toml;
- the comments (`//`, `///`, `//!`) of crates/*/src/**/*.rs: their code spans and the paths
  written in plain words;
and reports, with the file and line,
- a path that looks like one of the repository's (a first folder of the repository, or a
  file name with an extension after a folder: `shared/domain/README.md`) and names no tracked
  file or folder — a path outside the repository (the shared folder of the developers) is
  itself a drift, since a clone does not have it;
- a link whose target leaves the repository or names no tracked file;
- any `file.rs:NN` reference: a line number goes stale with the next edit; name the item.

A path is looked up from the repository's root, then from the folder of the file that
writes it, then from the crate it is in (a comment's `src/…`, `tests/…`), then, for a page,
in every crate (`src/money.rs` written of one of them) and as `crates/<path>`.
"""

import os
import re
import subprocess
import sys

ROOT = os.getcwd()
TRACKED = set(subprocess.run(["git", "ls-files"], capture_output=True, text=True,
                             check=True).stdout.splitlines())
FOLDERS = {os.path.dirname(path) for path in TRACKED}
for folder in list(FOLDERS):
    while folder:
        FOLDERS.add(folder)
        folder = os.path.dirname(folder)
TOP = {path.split("/", 1)[0] for path in TRACKED}
CRATES = sorted({path.split("/")[1] for path in TRACKED if path.startswith("crates/")})
SOURCE_TEXTS = ("docs/sources/texts/", "crates/eig-sources/texts/")
# Written as paths but made by a run, or in the developer's home: not in a clone.
MADE_BY_A_RUN = ("target/", "mutants.out", ".venv",
                 "benches/compare/.work", "~/", "node_modules/")
# The changelog is a record: a path it names may have been renamed or removed since, as long as
# the repository's history held it.
HISTORY = set(subprocess.run(["git", "log", "--format=", "--name-only", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.split())
HISTORY_FOLDERS = {os.path.dirname(path) for path in HISTORY}

# A file's line: `crates/eig-domain/src/reading.rs:373`, `engine.rs:12`.
LINE_REFERENCE = re.compile(r"[\w./-]+\.rs:\d+")
CODE_SPAN = re.compile(r"`([^`\n]+)`")
# A path of another repository is written as a link to it: `[`_data/defis.yml`](https://…)`.
EXTERNAL_LINK = re.compile(r"\[[^\]]*\]\([a-z][a-z0-9+.-]*:[^)]*\)")
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
# In plain words (comments): a path that starts with a first folder of the repository, or one
# of a crate's folders, or that names a file with an extension after a folder.
FOLDER_WORDS = "|".join(re.escape(top) for top in sorted(TOP) if "." not in top or top == ".ci")
BARE_PATH = re.compile(
    r"(?<![\w/.:-])((?:(?:" + FOLDER_WORDS + r"|shared|src|tests|examples)/[\w.+/-]*[\w/])"
    r"|(?:[\w-]+/)+[\w-]+\.(?:rs|md|toml|json|yaml|yml|txt|py|html|js|css|csv|sh))")
EXTENSION = re.compile(r"\.[A-Za-z]{1,5}$")


def is_tracked(path, history=False):
    path = os.path.normpath(path)
    if path.startswith("crates/eig-sources/texts"):
        path = "docs/sources/texts" + path[len("crates/eig-sources/texts"):]
    return path in TRACKED or path in FOLDERS or history and (path in HISTORY
                                                              or path in HISTORY_FOLDERS)


def looks_like_ours(path):
    """A code span that is a path of the repository, not a command, route, type or URL."""
    if " " in path or "/" not in path or "://" in path or path.startswith(("/", "-", ".")) \
            and not path.startswith(".ci/"):
        return False
    if any(c in path for c in "*…<>{}$=|@,;()[]\"'\\"):
        return False
    first = path.split("/", 1)[0]
    return first in TOP or first == "shared" or bool(EXTENSION.search(path.rstrip("/")))


def crate_of(file):
    parts = file.split("/")
    return "/".join(parts[:2]) if parts[0] == "crates" and len(parts) > 2 else None


def resolves(path, file):
    path = path.split("#", 1)[0].rstrip("/")
    if not path or path.startswith(MADE_BY_A_RUN) or "/.venv" in path:
        return True
    here = os.path.dirname(file)
    bases = ["", here]
    crate = crate_of(file)
    if crate:
        bases.append(crate)
    if file.endswith(".md"):
        bases += ["crates", "python"] + [f"crates/{name}{src}" for name in CRATES
                                         for src in ("", "/src")]
    for base in bases:
        candidate = os.path.normpath(os.path.join(base, path))
        if not candidate.startswith(".."):
            if is_tracked(candidate, history=file == "CHANGELOG.md"):
                return True
    return False


def link_resolves(target, file):
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
        return True  # a URL (http:, mailto:) or an anchor of the page: remark checks anchors
    path = target.split("#", 1)[0]
    candidate = os.path.normpath(os.path.join(os.path.dirname(file), path))
    return not candidate.startswith("..") and is_tracked(candidate)


def check_text(file, number, text, bare, problems):
    for match in LINE_REFERENCE.finditer(text):
        problems.append(f"{file}:{number}: `{match.group(0)}` cites a line number, which goes "
                        "stale with the next edit: name the item instead")
    text = EXTERNAL_LINK.sub(" ", text)
    spans = [span.group(1) for span in CODE_SPAN.finditer(text)]
    words = [match.group(1) for match in BARE_PATH.finditer(CODE_SPAN.sub(" ", text))] \
        if bare else []
    for path in spans + words:
        path = re.sub(r":\d+$", "", path)
        if (path in words or looks_like_ours(path)) and not resolves(path, file):
            problems.append(f"{file}:{number}: `{path}` is not in the repository")


def markdown_pages():
    return sorted(path for path in TRACKED if path.endswith(".md")
                  and not path.startswith(SOURCE_TEXTS))


def check_page(page, problems):
    fenced = False
    with open(page, encoding="utf-8") as text:
        for number, line in enumerate(text, 1):
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
                continue
            if fenced:
                for match in LINE_REFERENCE.finditer(line):
                    problems.append(f"{page}:{number}: `{match.group(0)}` cites a line number")
                continue
            check_text(page, number, line, False, problems)
            for match in LINK.finditer(line):
                if not link_resolves(match.group(1), page):
                    problems.append(f"{page}:{number}: the link `{match.group(1)}` leaves the "
                                    "repository or names no file of it")


def toml_comment(line):
    quoted = None
    for index, char in enumerate(line):
        if quoted:
            if char == quoted:
                quoted = None
        elif char in "\"'":
            quoted = char
        elif char == "#":
            return line[index + 1:]
    return None


def rust_comment(line):
    stripped = line.lstrip()
    if stripped.startswith("//"):
        return stripped.lstrip("/!")
    # A comment after code: `//` outside a string (an even number of quotes before it).
    for match in re.finditer(r"//", line):
        before = line[:match.start()]
        if before.count('"') % 2 == 0 and not before.endswith(":"):
            return line[match.end():]
    return None


def main():
    problems = []
    pages = markdown_pages()
    for page in pages:
        check_page(page, problems)
    manifests = sorted(path for path in TRACKED if os.path.basename(path) == "Cargo.toml")
    sources = sorted(path for path in TRACKED
                     if re.match(r"crates/[^/]+/src/.*\.rs$", path))
    for file, comment in [(m, toml_comment) for m in manifests] + [(s, rust_comment)
                                                                   for s in sources]:
        example = False  # inside a doc comment's example: its strings are data, not paths
        with open(file, encoding="utf-8") as text:
            for number, line in enumerate(text, 1):
                words = comment(line)
                if words is None:
                    continue
                if words.strip().startswith("```"):
                    example = not example
                elif example:
                    for match in LINE_REFERENCE.finditer(words):
                        problems.append(f"{file}:{number}: `{match.group(0)}` cites a line number")
                else:
                    check_text(file, number, words, True, problems)
    print(f"docs: {len(pages)} pages, {len(manifests)} manifests and {len(sources)} source "
          "files: the repository's paths they write, and no line number")
    if problems:
        print("\n".join(problems))
        sys.exit(1)


main()
