"""Full export and import: everything leaves, everything comes back, and bad files change nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from every_table import FILLED, MARKER, fill_every_table
from support import PASSPHRASE

from resilience_journal.domain import messages
from resilience_journal.domain.exchange_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    FULL_EXPORT_KIND,
    JRNL_TAG,
    ImportRejected,
)
from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage import Journal
from resilience_journal.storage.exchange import export_csv, export_json, export_tables, import_file_text


def _other_journal(tmp_path, clock) -> Journal:
    return Journal.create(tmp_path / "other" / "journal.db", PASSPHRASE, clock=clock)


def _without_volatile(tables):
    return {name: sorted(json.dumps(r, sort_keys=True) for r in rows) for name, rows in tables.items()}


def test_export_holds_every_table_and_says_it_is_not_encrypted(journal, clock):
    fill_every_table(journal, clock)
    data = json.loads(export_json(journal))
    assert data["format"] == FORMAT_NAME and data["version"] == FORMAT_VERSION
    assert data["schema_version"] == journal.schema_version()
    assert data["warning"] == messages.EXPORT_NOT_ENCRYPTED
    for table in FILLED - {"search_index"}:
        assert data["tables"][table], f"{table} is missing from the export"
    assert "search_index" not in data["tables"]
    reflection = data["tables"]["reflection"][0]
    assert reflection["body"].startswith(MARKER)
    assert "id" not in reflection  # internal ids never leave; uids do
    answer = data["tables"]["reflection_answer"][0]
    assert answer["reflection_id"] == reflection["uid"]
    assert data["tables"]["decompression"][0]["reflection_id"] == reflection["uid"]


def test_round_trip_into_an_empty_journal_is_exact_and_searchable(journal, clock, tmp_path):
    fill_every_table(journal, clock)
    text = export_json(journal)
    with _other_journal(tmp_path, clock) as other:
        report = import_file_text(other, text)
        assert report.total_added > 0
        assert _without_volatile(export_tables(other)) == _without_volatile(export_tables(journal))
        assert [r.text for r in other.reflections.search("lighthouse")] == [MARKER]
        indexed = other.query("SELECT kind, body FROM search_index WHERE kind='decompression'")
        assert indexed == [("decompression", "Round the park")]


def test_importing_twice_or_into_the_source_adds_nothing(journal, clock, tmp_path):
    fill_every_table(journal, clock)
    text = export_json(journal)
    before = _without_volatile(export_tables(journal))
    report = import_file_text(journal, text)
    assert report.total_added == 0 and report.total_skipped > 0
    assert _without_volatile(export_tables(journal)) == before


def test_merge_adds_only_what_is_new(journal, clock, tmp_path):
    fill_every_table(journal, clock)
    with _other_journal(tmp_path, clock) as other:
        fill_every_table(other, clock, tag="-b")
        import_file_text(other, export_json(journal))
        texts = sorted(r.text for r in other.reflections.recent())
        assert texts == [MARKER, MARKER + "-b"]
        again = import_file_text(other, export_json(journal))
        assert again.total_added == 0
        assert other.reflections.count() == 2


def _bad_variant(text: str, table: str, field: str, value) -> str:
    data = json.loads(text)
    data["tables"][table][-1][field] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("table", "field", "value", "words"),
    [
        ("reflection", "stress", 11, "0 to 10"),
        ("reflection", "occurred_at", "2099-01-01T10:00:00+00:00", "future"),
        ("reflection", "occurred_at", "yesterday", "time zone"),
        ("checkin", "local_date", "25/11/2026", "date"),
        ("reflection", "case_label", "x" * 201, "200"),
        ("reflection", "body", {"nested": 1}, "value"),
        ("reflection", "colour", "blue", "no field"),
        ("decompression", "reflection_id", "no-such-uid", "neither in the file"),
        ("reflection", "activity_kind", None, "refused"),
    ],
)
def test_a_bad_value_is_named_and_changes_nothing(journal, clock, tmp_path, table, field, value, words):
    fill_every_table(journal, clock)
    text = export_json(journal)
    with _other_journal(tmp_path, clock) as other:
        other.reflections.add(Reflection(occurred_at=clock.now(), activity_kind="Court", stress=2, text="mine"))
        other.checkpoint()
        before = other.path.read_bytes()
        with pytest.raises(ImportRejected) as caught:
            import_file_text(other, _bad_variant(text, table, field, value))
        assert table in caught.value.where
        assert words in caught.value.message
        if isinstance(value, str):
            assert value not in str(caught.value)  # says where, never quotes the content
        if field != "body":
            assert field in caught.value.where
        other.checkpoint()
        assert other.path.read_bytes() == before
        assert [r.text for r in other.reflections.recent()] == ["mine"]


def test_broken_json_names_the_line_and_changes_nothing(journal, clock):
    fill_every_table(journal, clock)
    lines = export_json(journal).splitlines()
    lines[7] = lines[7].replace(":", " ", 1)  # a row with a missing colon
    before = _without_volatile(export_tables(journal))
    with pytest.raises(ImportRejected) as caught:
        import_file_text(journal, "\n".join(lines))
    assert "line 8" in caught.value.where
    assert _without_volatile(export_tables(journal)) == before


def test_a_bad_row_late_in_the_file_undoes_the_good_rows_before_it(journal, clock, tmp_path):
    for i in range(3):
        journal.reflections.add(Reflection(occurred_at=clock.now(), activity_kind="Duty", stress=i, text=f"good {i}"))
    data = json.loads(export_json(journal))
    data["tables"]["vocabulary"].append({"list": "activity_kind", "word": None, "position": 99})
    with _other_journal(tmp_path, clock) as other:
        with pytest.raises(ImportRejected) as caught:
            import_file_text(other, json.dumps(data))
        assert "vocabulary" in caught.value.where
        assert other.reflections.count() == 0


def test_unknown_files_and_newer_versions_are_refused(journal):
    for text in ("[]", '{"hello": 1}', "", "NaN"):
        with pytest.raises(ImportRejected):
            import_file_text(journal, text)
    newer = {"format": FORMAT_NAME, "version": FORMAT_VERSION + 1, "schema_version": 1, "tables": {}}
    with pytest.raises(ImportRejected, match="newer"):
        import_file_text(journal, json.dumps(newer))
    unknown = {"format": FORMAT_NAME, "version": 1, "schema_version": 1, "tables": {"spaceships": []}}
    with pytest.raises(ImportRejected, match="no table"):
        import_file_text(journal, json.dumps(unknown))


JRNL = {
    "tags": {"@work": 2},
    "entries": [
        {
            "title": "Hard visit.",
            "body": "The flat was cold.",
            "date": "2026-11-20",
            "time": "16:05",
            "tags": ["@work"],
            "starred": True,
        },
        {
            "title": "Better day.",
            "body": "",
            "date": "2026-11-21",
            "time": "09:00",
            "tags": ["@work"],
            "starred": False,
        },
    ],
}


def test_jrnl_entries_become_reflections_once(journal, clock):
    report = import_file_text(journal, json.dumps(JRNL), jrnl_stress=3)
    assert report.added == {"reflection": 2}
    entries = sorted(journal.reflections.recent(), key=lambda r: r.occurred_at)
    assert entries[0].text == "Hard visit.\n\nThe flat was cold."
    assert entries[0].occurred_at.strftime("%Y-%m-%d %H:%M") == "2026-11-20 16:05"
    assert set(entries[0].tags) == {JRNL_TAG, "work", "starred"}
    assert entries[1].stress == 3
    assert import_file_text(journal, json.dumps(JRNL)).added == {"reflection": 0}
    assert journal.reflections.count() == 2
    assert journal.reflections.search("flat cold")


def test_a_bad_jrnl_entry_names_the_entry_and_field_and_adds_nothing(journal):
    bad = json.loads(json.dumps(JRNL))
    bad["entries"][1]["date"] = "21st November"
    with pytest.raises(ImportRejected) as caught:
        import_file_text(journal, json.dumps(bad))
    assert caught.value.where == "entry 2, field “date”"
    assert journal.reflections.count() == 0
    future = json.loads(json.dumps(JRNL))
    future["entries"][0]["date"] = "2099-01-01"
    with pytest.raises(ImportRejected, match="future"):
        import_file_text(journal, json.dumps(future))


def test_csv_has_one_file_per_table_and_defuses_formulas(journal, clock):
    fill_every_table(journal, clock)
    journal.reflections.add(
        Reflection(
            occurred_at=clock.now() - timedelta(minutes=1), activity_kind="Duty", stress=1, text='=HYPERLINK("x")'
        )
    )
    files = export_csv(journal)
    assert set(files) >= {f"{t}.csv" for t in FILLED - {"search_index"}}
    rows = list(csv.DictReader(io.StringIO(files["reflection.csv"])))
    assert len(rows) == 2
    assert {r["body"] for r in rows} == {MARKER, '\'=HYPERLINK("x")'}
    assert "id" not in rows[0] and "uid" in rows[0]


def test_export_files_are_private_and_carry_the_warning(journal, clock, tmp_path):
    import stat

    from resilience_journal.exchange.files import CSV_WARNING_FILE, save_csv_export, save_json_export

    fill_every_table(journal, clock)
    out = save_json_export(journal, tmp_path / "everything.json")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert messages.EXPORT_NOT_ENCRYPTED in out.read_text(encoding="utf-8")
    written = save_csv_export(journal, tmp_path / "csv")
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    assert messages.EXPORT_NOT_ENCRYPTED in (tmp_path / "csv" / CSV_WARNING_FILE).read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    # The app keeps a record of what left it, and when.
    shared = journal.supervision.share_records(FULL_EXPORT_KIND)
    assert sorted((r.file_name, r.detail["format"]) for r in shared) == [("csv", "csv"), ("everything.json", "json")]


def test_a_file_that_is_not_text_is_refused_with_its_line(tmp_path):
    from resilience_journal.exchange.files import read_import_file

    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{\n  "format": 1,\n  "x": "\xff\xfe"\n}')
    with pytest.raises(ImportRejected) as caught:
        read_import_file(bad)
    assert caught.value.where == "line 3, column 9"
