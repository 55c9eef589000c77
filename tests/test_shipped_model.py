"""The shipped NLI model loads offline and labels obvious pairs correctly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checker.config import Config
from checker.nli import HFNLIModel
from checker.records import NLI_LABELS
from tests.conftest import ROOT, SHIPPED_MODEL

PAIRS = [
    ("The company reported a profit of 3 million dollars in 2023.", "The company made money in 2023.", "entailment"),
    ("The minister resigned on Tuesday after the vote.", "The minister stepped down after the vote.", "entailment"),
    ("The bridge was opened to traffic in May.", "The bridge was not opened to traffic in May.", "contradiction"),
    ("Officials confirmed that the talks will resume on Monday.", "The talks will not resume.", "contradiction"),
]
UNRELATED = [
    ("The museum reopened after renovation.", "Wheat prices rose sharply in Argentina."),
    ("The minister resigned on Tuesday after the vote.", "Heavy rain flooded parts of the coastal highway."),
    ("The company reported a profit of 3 million dollars in 2023.", "The festival drew a record crowd this summer."),
]


@pytest.fixture(scope="module")
def model():
    return HFNLIModel(str(SHIPPED_MODEL))


def test_artifact_is_complete_and_small():
    config = json.loads((SHIPPED_MODEL / "config.json").read_text())
    assert sorted(config["id2label"].values()) == sorted(NLI_LABELS)
    weights = SHIPPED_MODEL / "model.safetensors"
    assert weights.stat().st_size <= 50 * 1024 * 1024
    assert (SHIPPED_MODEL / "tokenizer.json").exists() and (SHIPPED_MODEL / "README.md").exists()


def test_a_plain_install_has_the_models(tmp_path):
    """`pip install "checker @ git+..."` (the sample GitHub workflow) builds a wheel: it must hold the shipped model
    and decision, and checker must find them there, not beside a checkout it does not have."""
    pytest.importorskip("setuptools")
    source, wheels, site = tmp_path / "source", tmp_path / "wheels", tmp_path / "site"
    for folder in ("checker", "models"):  # built from a copy: a build leaves build/ behind
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for file in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / file, source / file)
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)], check=True)
    (wheel,) = wheels.glob("checker-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "checker").rglob("*.py")}
    assert modules <= names, f"modules left out of the wheel: {sorted(modules - names)}"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True)
    probe = (
        "from checker.config import DEFAULT_MODEL, DEFAULT_DECISION; from checker.decision import Decision; "
        "Decision.load(DEFAULT_DECISION); print(DEFAULT_MODEL); print(DEFAULT_DECISION)"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    found = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    model, decision = map(Path, found.stdout.split())
    assert model.is_relative_to(site) and decision.is_relative_to(site)
    assert {p.name for p in model.iterdir()} >= {"config.json", "model.safetensors", "tokenizer.json"}


@pytest.mark.parametrize("premise, hypothesis, expected", PAIRS)
def test_obvious_pairs(model, premise, hypothesis, expected):
    probs = model.predict([(premise, hypothesis)])[0]
    assert NLI_LABELS[int(probs.argmax())] == expected, dict(zip(NLI_LABELS, probs.round(3), strict=True))


@pytest.mark.parametrize("premise, hypothesis", UNRELATED)
def test_unrelated_pairs_are_not_flagged(model, premise, hypothesis):
    """Sentences about different events must not become a contradiction finding (nor agree)."""
    probs = dict(zip(NLI_LABELS, model.predict([(premise, hypothesis)])[0].round(3), strict=True))
    assert probs["contradiction"] < Config().contradict_threshold, probs
    assert probs["entailment"] < Config().agree_threshold, probs
