"""A bias-only model of NLI shortcuts, for training the cross-encoder as a product of experts.

NLI models learn to read a negation word as contradiction and high word
overlap as entailment (Gururangan et al. 2018, McCoy et al. 2019). In checker
that shortcut calls two outlets' restatements with a negation on both sides,
or a quote given with and without its speaker, a contradiction. A product of
experts (Clark et al. 2019, He et al. 2019) trains the model through
log_softmax(model) + log p_bias: where the shortcut alone already predicts
the label, the model gains little from learning it again, and learns what the
shortcut gets wrong. The bias model is used in training only; at inference
the cross-encoder stands alone.

The shortcut features are deliberately shallow: which side has a negation,
how much of each side's vocabulary the other repeats, and their lengths.
"""

from __future__ import annotations

import math
import re

import numpy as np
from sklearn.linear_model import LogisticRegression

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NEGATIONS = {"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "cannot"}


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def _negated(words: list[str]) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in words)


def shortcut_features(premise: str, hypothesis: str) -> list[float]:
    """Negation on one side, on both, word overlap both ways, and lengths: what a shortcut reads."""
    p, h = _words(premise), _words(hypothesis)
    p_set, h_set = set(p), set(h)
    p_neg, h_neg = _negated(p), _negated(h)
    return [
        float(h_neg and not p_neg),
        float(p_neg and not h_neg),
        float(p_neg and h_neg),
        len(h_set & p_set) / max(1, len(h_set)),
        len(h_set & p_set) / max(1, len(p_set)),
        float(h_set <= p_set),
        math.log((1 + len(h)) / (1 + len(p))),
        len(h) / 40,
    ]


def bias_log_probs(pairs: list[tuple[str, str]], labels: list[int], seed: int = 13) -> np.ndarray:
    """log p_bias(label | shortcut features) for each pair, from a logistic regression fitted on them.

    Rows × 3 (the labels' order), float32. Fitted on the very rows it scores,
    as in Clark et al.: the bias model should be confident exactly where the
    shortcut works on this data.
    """
    features = np.array([shortcut_features(p, h) for p, h in pairs], dtype=np.float64)
    model = LogisticRegression(max_iter=1000, random_state=seed).fit(features, labels)
    log_probs = np.full((len(pairs), 3), -30.0)
    log_probs[:, model.classes_] = model.predict_log_proba(features)
    return log_probs.astype(np.float32)
