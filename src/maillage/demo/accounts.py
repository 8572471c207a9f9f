"""The demo's two log-ins. Who they are (name, organisation, role) is in `data/directory.toml`."""

DEMO_PASSWORD = "demo-maillage-2027"  # noqa: S105 - printed on purpose by the demo command
DEMO_ORGANISER = "organisatrice@demo.maillage.org"
DEMO_MEMBER = "membre@demo.maillage.org"
