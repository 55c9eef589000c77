"""What a folder walk leaves out: what git ignores and the `exclude` patterns, as a repository's owner expects."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from checker.config import ConfigError, load_config
from checker.corpus import load_corpus
from checker.ignores import Ignores

STORY = "The bridge cost 40 million dollars, officials said on Monday.\n"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=folder, check=True, capture_output=True
    )


def repository(tmp_path: Path) -> Path:
    """A site's repository: its stories, the site built from them (ignored), and a story tracked though ignored."""
    site = tmp_path / "site"
    for name, text in {
        "content/bridge.md": STORY,
        "content/new.md": STORY.replace("40", "41"),
        "public/bridge/index.html": f"<p>{STORY}</p>",
        "node_modules/pkg/notes.md": "A package that says 12 people died.\n",
        "content/kept.md": STORY.replace("40", "42"),
        "README.md": "How to build the site, in 3 steps.\n",
    }.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    (site / ".gitignore").write_text("public/\nnode_modules/\nkept.md\n")
    git(site, "init", "-q")
    git(site, "add", "-f", ".gitignore", "content/bridge.md", "content/kept.md")
    git(site, "commit", "-q", "-m", "stories")
    return site


def ids(folder: Path, ignores: Ignores | None = None, *named: Path) -> list[str]:
    return sorted(
        Path(d.path).relative_to(folder).as_posix()
        for d in load_corpus([str(folder), *map(str, named)], ignores=ignores).documents
    )


@needs_git
def test_what_git_ignores_is_left_out_and_a_tracked_or_new_story_is_read(tmp_path):
    """`checker ci` reads `.` by default: the built site repeated every story as a second, agreeing source."""
    site = repository(tmp_path)
    assert ids(site) == ["content/bridge.md", "content/kept.md", "content/new.md"]
    assert ids(site, Ignores(respect_gitignore=False))[-2:] == [
        "node_modules/pkg/notes.md",
        "public/bridge/index.html",
    ]


@needs_git
def test_exclude_patterns_leave_out_pages_under_the_folder_and_a_file_named_is_read_all_the_same(tmp_path):
    site = repository(tmp_path)
    ignores = Ignores(("content/new*",))
    assert ids(site, ignores) == ["content/bridge.md", "content/kept.md"]
    assert ids(site, ignores, site / "content" / "new.md") == ["content/bridge.md", "content/kept.md", "content/new.md"]


@needs_git
def test_a_folder_git_ignores_is_read_whole_where_it_is_named(tmp_path):
    site = repository(tmp_path)
    assert ids(site / "public") == ["bridge/index.html"]


def test_outside_a_work_tree_only_exclude_applies(tmp_path):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "a.md").write_text(STORY)
    (tmp_path / ".gitignore").write_text("public/\n")
    (tmp_path / "b.md").write_text(STORY)
    assert ids(tmp_path) == ["b.md", "public/a.md"]
    assert ids(tmp_path, Ignores(("public/",))) == ["b.md"]


def test_exclude_is_a_list_of_patterns_in_the_configuration(tmp_path):
    (tmp_path / "checker.toml").write_text('exclude = ["README.md", "drafts/"]\nrespect_gitignore = false\n')
    config = load_config(start=tmp_path)
    assert (config.exclude, config.respect_gitignore) == (("README.md", "drafts/"), False)
    (tmp_path / "checker.toml").write_text('exclude = "README.md"\n')
    with pytest.raises(ConfigError, match="exclude: expected a list of patterns"):
        load_config(start=tmp_path)


@needs_git
def test_a_repository_inside_is_read_whole_and_a_link_outside_is_still_named(tmp_path):
    """(review) Under git, an untracked clone inside the folder was left out file by file in silence, and a
    link to a folder outside was no longer named."""
    site = repository(tmp_path)
    (site / "nested").mkdir()
    (site / "nested" / "n.md").write_text(STORY)
    git(site / "nested", "init", "-q")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "e.md").write_text(STORY)
    (site / "linked").symlink_to(tmp_path / "elsewhere")
    corpus = load_corpus([str(site)])
    assert "nested/n.md" in ids(site)
    assert any(s.path.endswith("linked") and "not followed" in s.reason for s in corpus.skipped)


@needs_git
def test_where_git_fails_in_a_work_tree_everything_is_read_and_the_user_is_told(tmp_path):
    """A repository another user owns ("dubious ownership") or a broken index: before, git's ignores were
    dropped in silence and the built site read as more sources."""
    site = repository(tmp_path)
    (site / ".git" / "index").write_bytes(b"not an index")
    corpus = load_corpus([str(site)])
    assert "public/bridge/index.html" in {Path(d.path).relative_to(site).as_posix() for d in corpus.documents}
    [warning] = corpus.warnings
    assert warning.startswith(f"{site}: git could not list its files (")
    assert warning.endswith("index file smaller than expected); what git ignores is read too")


def test_a_repositorys_own_pages_are_named_and_not_read_unless_named(tmp_path):
    """A newsroom repository's README ("How to build the site, in 3 steps") was read as one more article."""
    for name in ("README.md", "docs/LICENSE.txt", "Changelog.markdown", "bridge.md", "readme-of-the-bridge.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(STORY)
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["bridge.md", "readme-of-the-bridge.md"]
    skipped = {Path(s.path).relative_to(tmp_path).as_posix(): (s.reason, s.on_purpose) for s in corpus.skipped}
    page = (
        "the repository's own page (README, CHANGELOG, LICENSE and their like), not an article; name it to read it",
        True,
    )
    assert skipped == {"Changelog.markdown": page, "README.md": page, "docs/LICENSE.txt": page}
    assert ids(tmp_path, None, tmp_path / "README.md") == ["README.md", "bridge.md", "readme-of-the-bridge.md"]


@needs_git
def test_outside_a_work_tree_git_says_nothing_in_any_language(tmp_path, monkeypatch):
    """(review) In German, git's "not a git repository" was not read as such: every walk warned that git failed."""
    from checker.ignores import git_listed

    monkeypatch.setenv("LANGUAGE", "de")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert git_listed(str(tmp_path)) == (None, None)
