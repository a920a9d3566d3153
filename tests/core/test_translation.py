"""Every interface string has its English translation, and the compiled catalogue is up to date."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po"
MO = PO.with_suffix(".mo")


def entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        msgid = "".join(re.findall(r'"(.*)"', (re.search(r"^msgid ((?:\".*\"\n?)+)", block, re.M) or [""])[0]))
        if not msgid:
            continue
        strs = re.findall(r"^msgstr(?:\[\d\])? ((?:\".*\"\n?)+)", block, re.M)
        yield msgid, ["".join(re.findall(r'"(.*)"', s)) for s in strs], "#, fuzzy" in block


def test_every_message_is_translated():
    missing = [msgid for msgid, strs, fuzzy in entries() if fuzzy or not strs or not all(strs)]
    assert missing == [], f"untranslated or fuzzy: {missing[:5]}"


def test_compiled_catalogue_matches_its_source(tmp_path):
    """`make messages` was run after the last edit of the .po file (msgfmt's output is deterministic)."""
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(PO)], check=True)
    assert MO.read_bytes() == compiled.read_bytes()
