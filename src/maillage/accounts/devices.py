"""What a person recognises of a device in an e-mail: its browser and system, not its version numbers,
which change with every update and would make every log-in look new."""

import re

BROWSERS = [
    (re.compile(r"Edg(e|A|iOS)?/"), "Edge"),
    (re.compile(r"OPR/|Opera"), "Opera"),
    (re.compile(r"Firefox/|FxiOS/"), "Firefox"),
    (re.compile(r"Chrom(e|ium)/|CriOS/"), "Chrome"),
    (re.compile(r"Safari/"), "Safari"),
]
SYSTEMS = [
    (re.compile(r"iPhone|iPad|iPod"), "iOS"),
    (re.compile(r"Android"), "Android"),
    (re.compile(r"Windows"), "Windows"),
    (re.compile(r"Mac OS X|Macintosh"), "macOS"),
    (re.compile(r"CrOS"), "ChromeOS"),
    (re.compile(r"Linux|X11"), "Linux"),
]


def device_label(user_agent: str) -> str:
    browser = next((name for pattern, name in BROWSERS if pattern.search(user_agent)), "")
    system = next((name for pattern, name in SYSTEMS if pattern.search(user_agent)), "")
    if browser or system:
        return " · ".join(part for part in (browser, system) if part)
    # An unknown client (a script, a rare browser): its name without versions.
    return re.sub(r"[\d._]+", "", user_agent).strip()[:120] or "?"
