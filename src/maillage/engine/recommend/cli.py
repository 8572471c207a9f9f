"""``python -m maillage recommend PROFILES.json [--top 10] [--output RECS.json]``.

Input (JSON object):

- ``profiles``: list of ``{"id", "organisation", "kind", "country", "region", "sectors", "offers", "needs",
  "languages", "looking_for"}``. Required: ``id`` (string or integer, unique), ``offers`` and ``needs``
  (free text, French or English, may be empty but not all of offers, needs and sectors), ``languages``
  (two-letter codes). ``sectors`` are free labels in French or English, mapped to the shared taxonomy
  (``sectors.json``); ``looking_for`` roles are ``client``, ``supplier``, ``investor``, ``distributor``,
  ``rd_partner``, ``mentor``; ``kind`` is one of ``startup``, ``sme``, ``large_company``, ``investor``,
  ``distributor``, ``research``, ``public``, ``association``, ``incubator``, ``consultant`` (any other value
  is accepted and counts as neutral).
- ``corridors`` (optional): list of region pairs, ``[["Québec", "Nouvelle-Aquitaine"], ...]``; two
  participants whose regions form a pair (either order, accents and case ignored) get a bonus.
- ``language`` (optional, ``"fr"`` by default, or ``"en"``): the language of the reasons' texts.

Output: ``{"recommendations": {"<id>": [{"id", "score", "reasons": [text], "reason_codes": [{"code",
"params"}]}]}}``, best first, never oneself; ``reasons`` and ``reason_codes`` are parallel lists (codes in
:mod:`maillage.engine.recommend.reasons`).

Exit status: 0 on success, 2 on unreadable or invalid input (the message names the place, like
``profiles[3].looking_for[1]``), in which case nothing is written.

Bad or odd input, defined:

- duplicate ids: exit 2, ``profiles[7].id: duplicate id 'a' (also profiles[2])``;
- empty texts: ``offers`` or ``needs`` may be empty (or only spaces): that side simply matches nothing
  (no words, a zero embedding); a profile whose offers, needs and sectors are all empty is refused
  (exit 2, ``profiles[4]: offers, needs and sectors are all empty``);
- languages: any two-letter code is accepted (``"nl"``, ``"wo"``), even one no list knows: it only
  serves to tell whether two participants share a language; anything else (``"French"``, ``"fra"``,
  ``""``) is refused with its place (exit 2). Texts are analysed as French or English (guessed from
  their words); the embedding model also reads 14 other languages. The reasons are in ``fr`` or ``en``.

Embedding model: the engine reads the texts with a multilingual sentence-embedding model shipped in a
package (:mod:`.embed`), offline. If that package cannot be imported, the command still ranks, on the
lexical channels alone (with weights learnt for that case), prints ``warning: ...`` on standard error
and adds ``"warnings": ["..."]`` to the output; otherwise the output has no ``warnings`` key.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from maillage.engine.contract import InputError
from maillage.engine.recommend import embed, recommend
from maillage.engine.recommend.model import Recommendation
from maillage.engine.recommend.parse import parse_problem


def to_json(
    recommendations: dict[str, list[Recommendation]], warnings: list[str] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "recommendations": {
            pid: [
                {
                    "id": rec.id,
                    "score": rec.score,
                    "reasons": [reason.text for reason in rec.reasons],
                    "reason_codes": [
                        {"code": reason.code, "params": reason.params} for reason in rec.reasons
                    ],
                }
                for rec in recs
            ]
            for pid, recs in recommendations.items()
        }
    }
    if warnings:
        out["warnings"] = warnings
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="maillage recommend", description="Rank B2B partners for each participant."
    )
    parser.add_argument("profiles", help="input JSON file ('-' for standard input)")
    parser.add_argument("--top", type=int, default=10, help="recommendations per participant (default 10)")
    parser.add_argument("--output", help="output JSON file (default: standard output)")
    parser.add_argument(
        "--language", choices=("fr", "en"), help="language of the reasons (overrides the input)"
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.top < 1:
        print("error: --top must be at least 1", file=sys.stderr)
        return 2
    try:
        text = sys.stdin.read() if args.profiles == "-" else Path(args.profiles).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"error: cannot read {args.profiles}: {error}", file=sys.stderr)
        return 2
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        print(
            f"error: {args.profiles} is not valid JSON: line {error.lineno} column {error.colno}: {error.msg}",
            file=sys.stderr,
        )
        return 2
    if args.language and isinstance(raw, dict):
        raw = {**raw, "language": args.language}
    try:
        problem = parse_problem(raw)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    warnings = []
    reason = embed.unavailable_reason()
    if reason:
        warnings.append(f"{reason}: ranking on words, stems and the lexicon only, recall is lower")
        print(f"warning: {warnings[-1]}", file=sys.stderr)
    recommendations = recommend(problem, args.top)
    # Compact, unlike the other engines' commands: a forum's recommendations with their reasons run to tens of
    # megabytes (3,000 profiles: 22 MB, 0.2 s to write; indented, 28 MB and 0.8 s).
    output = json.dumps(to_json(recommendations, warnings), ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.output:
        Path(args.output).write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return 0
