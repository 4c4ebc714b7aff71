"""The Russian catalogue is complete and the committed .mo files match their .po sources."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("*/locale/ru/LC_MESSAGES/django.po"))


def test_every_app_has_a_russian_catalogue():
    apps = {p.parts[-5] for p in CATALOGUES}
    assert {"cms", "home", "mentoring", "skills", "curricula", "search"} <= apps


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_russian_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {po_path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy[:10]}"
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        got = compiled.get((entry.msgctxt, entry.msgid))
        assert got is not None, (
            f"{entry.msgid!r} is not compiled into {po_path.name}: run make messages"
        )
        if entry.msgid_plural:
            assert {int(k): v for k, v in got[1].items()} == {
                int(k): v for k, v in entry.msgstr_plural.items()
            }
        else:
            assert got[0] == entry.msgstr
