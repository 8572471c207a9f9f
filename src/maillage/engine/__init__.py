"""Optimisation and matching engines.

Nothing in this package imports Django: plain dataclasses in, plain results out, and a JSON command
around each (see ``maillage.__main__.ENGINE_COMMANDS``), so they can be tested, benchmarked and reused alone.
"""
