"""What a folder walk leaves out: files git ignores, and the `exclude` patterns of the configuration.

A newsroom's repository holds more than its stories: the site built from them (Hugo's `public/`, as HTML
pages that repeat every story), `node_modules`, a README. Like ruff and black, checker leaves out what git
ignores (`.gitignore` at any depth, `.git/info/exclude`, the user's global excludes; a tracked file never),
and what `exclude` names, in `.gitignore`'s pattern language (pathspec's `GitIgnoreSpec`), relative to the
folder walked. A file named on the command line is read all the same. Outside a git work tree, or where git
is not installed, only `exclude` applies; so it does in a folder git lists nothing in (a folder that is
itself ignored, named to be read). A repository's own pages (README, CHANGELOG, LICENSE, CONTRIBUTING and
their like, `repository_page`) are no articles either: a walk names and skips them, `checker ci` does not read
them when git lists them as changed. Where git is there but refuses the work tree (a repository another user
owns: "dubious ownership"), the walk reads what git would ignore too, and says so.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

GIT_TIMEOUT_S = 60  # listing a work tree of a million files takes seconds
# the stems of the pages a repository keeps about itself, in any case and with any suffix ("README.md",
# "LICENSE.txt"); a story's file is named for its story ("bridge-collapse.md"), never so
REPOSITORY_PAGES = frozenset(
    {"readme", "changelog", "license", "licence", "contributing", "code_of_conduct", "authors"}
)
NOT_A_WORK_TREE = "not a git repository"  # git's words where there is nothing to ask it: no warning


@dataclass(frozen=True)
class Ignores:
    """The rules of one run: `exclude` patterns, and whether git's ignores apply."""

    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    spec: pathspec.GitIgnoreSpec | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """The patterns compiled once; pathspec loads only where there are some."""
        if self.exclude:
            import pathspec

            object.__setattr__(self, "spec", pathspec.GitIgnoreSpec.from_lines(self.exclude))
        else:
            object.__setattr__(self, "spec", None)

    def excludes(self, relative: str) -> bool:
        """Whether the `exclude` patterns name a file (its path relative to the folder walked)."""
        return self.spec is not None and self.spec.match_file(relative)

    def in_folder(self, folder: str) -> FolderIgnores:
        """The rules as they apply under `folder`, git asked once."""
        listed, problem = git_listed(folder) if self.respect_gitignore else (None, None)
        if listed is None:
            return FolderIgnores(self.spec, None, None, problem=problem)
        # a repository inside (a submodule, an untracked clone: "nested/") git lists whole, not file by file
        units = frozenset(n.rstrip("/") for n in listed if n.endswith("/") or os.path.isdir(os.path.join(folder, n)))
        return FolderIgnores(self.spec, listed, _parents(listed) | units, units)


@dataclass(frozen=True)
class FolderIgnores:
    """What is left out under one folder walked; paths are relative to it, in POSIX form."""

    spec: pathspec.GitIgnoreSpec | None
    listed: frozenset[str] | None  # the files git lists (tracked, or new and not ignored); None: git says nothing
    listed_folders: frozenset[str] | None
    units: frozenset[str] = frozenset()  # repositories inside, listed whole: all they hold is read
    problem: str | None = None  # why git, in a work tree, listed nothing: what it ignores is read too

    def leaves_out_folder(self, relative: str) -> bool:
        if not self._in_a_unit(relative) and self.listed_folders is not None and relative not in self.listed_folders:
            return True  # git lists no file in it: ignored, or holding only ignored files
        return self.spec is not None and self.spec.match_file(f"{relative}/")

    def leaves_out(self, relative: str) -> bool:
        listed = self.listed is None or relative in self.listed or self._in_a_unit(relative)
        return not listed or (self.spec is not None and self.spec.match_file(relative))

    def _in_a_unit(self, relative: str) -> bool:
        return any(relative == unit or relative.startswith(f"{unit}/") for unit in self.units)


def git_listed(folder: str) -> tuple[frozenset[str] | None, str | None]:
    """The files under `folder` git tracks or would track (untracked, not ignored), relative to it, and why
    not where git failed in a work tree (its first line); (None, None) where git is missing, the folder is in
    no work tree, or git lists nothing in it."""
    command = ["git", "-c", "core.quotePath=false", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    try:
        # git's own words, which NOT_A_WORK_TREE reads, whatever the user's language
        english = os.environ | {"LC_ALL": "C", "LANGUAGE": ""}
        done = subprocess.run(command, cwd=folder, capture_output=True, timeout=GIT_TIMEOUT_S, check=False, env=english)
    except OSError:
        return None, None
    except subprocess.TimeoutExpired:
        return None, f"git ls-files took over {GIT_TIMEOUT_S} s"
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = said[0].removeprefix("fatal: ") if said else f"exit code {done.returncode}"
        return None, None if NOT_A_WORK_TREE in first else first
    names = frozenset(name for name in done.stdout.decode("utf-8", "surrogateescape").split("\0") if name)
    return names or None, None


def repository_page(relative: str) -> bool:
    """Whether a file is one of the pages a repository keeps about itself, not a story."""
    return PurePosixPath(relative).stem.lower() in REPOSITORY_PAGES


def _parents(files: frozenset[str]) -> frozenset[str]:
    """Every folder that holds one of `files`, at any depth: "a/b/c.md" gives "a" and "a/b"."""
    return frozenset(str(parent) for name in files for parent in PurePosixPath(name).parents if str(parent) != ".")
