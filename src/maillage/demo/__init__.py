"""The demo: a realistic ecosystem for trying Maillage, dated from today.

Its content is data (`data/*.toml` and `data/*.csv`), loaded through the apps' real import and service code, one
module per app, in dependency order (`load.py`). It sits above every domain app and nothing imports it but its
commands and the tests: an app never imports another's demo code.
"""
