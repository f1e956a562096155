"""A journal with at least one row in every table of the data model, for export and upgrade tests.

Written with SQL (like a migration would see it) so it does not depend on repositories that other
features add.  Tables added by later migrations are still covered by the generic round-trip
checks, which compare every table, filled or not.
"""

from __future__ import annotations

from datetime import timedelta

MARKER = "Marker: the lighthouse keeper's cat sleeps in the blue boat."


def fill_every_table(journal, clock, tag: str = "") -> None:
    """Add one related row to each table, with SQL that works at every schema version since 1."""
    now = clock.now()
    t = now.isoformat(timespec="seconds")
    d = now.date().isoformat()
    with journal.transaction() as c:
        rid = c.execute(
            "INSERT INTO reflection (uid, occurred_at, local_date, activity_kind, case_label, stress, body,"
            " safety_concern, safety_note, template_id, for_supervision, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                "ref" + tag,
                (now - timedelta(hours=2)).isoformat(timespec="seconds"),
                d,
                "Home visit",
                "JB",
                7,
                MARKER + tag,
                1,
                "Raised voices at the door",
                "gibbs",
                1,
                t,
                t,
            ),
        ).lastrowid
        c.execute(
            "INSERT INTO reflection_answer VALUES (?,?,?,?,?)",
            (rid, 0, "what", "What happened?", "We talked in the kitchen" + tag),
        )
        c.executemany("INSERT INTO reflection_emotion VALUES (?,?)", [(rid, "Anxious"), (rid, "Relieved")])
        c.executemany("INSERT INTO reflection_tag VALUES (?,?)", [(rid, "duty"), (rid, "late")])
        c.execute("INSERT INTO search_index (kind, ref_id, body) VALUES ('reflection', ?, ?)", (rid, MARKER + tag))
        c.execute(
            "INSERT INTO decompression (uid, reflection_id, strategy, exercise, occurred_at, local_date, minutes,"
            " stress_before, stress_after, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            ("dec" + tag, rid, "Walk", "box-breathing", t, d, 15, 8, 4, "Round the park" + tag, t, t),
        )
        c.execute(
            "INSERT INTO checkin (uid, local_date, mood, energy, sleep_quality, sleep_hours, workload, breaks_taken,"
            " finished_on_time, hours_worked, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                "chk" + tag,
                d if not tag else "2026-01-0" + str(len(tag) % 9 + 1),
                6,
                5,
                7,
                6.5,
                8,
                1,
                0,
                9.5,
                "Long day",
                t,
                t,
            ),
        )
        c.execute(
            "INSERT INTO measure (uid, instrument, taken_at, local_date, responses, scores, created_at)"
            " VALUES (?,?,?,?,?,?,?)",
            ("mea" + tag, "pss-10", t, d, '{"1": 2}', '{"total": 14}', t),
        )
        sid = c.execute(
            "INSERT INTO supervision_session (uid, held_on, supervisor, notes, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?)",
            ("ses" + tag, d, "Sam", "Talked about the court case", t, t),
        ).lastrowid
        c.execute(
            "INSERT INTO supervision_action (uid, session_id, text, due_on, done_at, created_at) VALUES (?,?,?,?,?,?)",
            ("act" + tag, sid, "Book leave", d, None, t),
        )
        share = c.execute(
            "INSERT INTO share_record (uid, shared_at, kind, file_name, detail) VALUES (?,?,?,?,?)",
            ("shr" + tag, t, "supervision summary", "summary.pdf", '{"period": "month"}'),
        ).lastrowid
        c.execute("INSERT INTO share_item VALUES (?,?,?,?)", (share, "reflection", "ref" + tag, "headline"))
        c.execute(
            "INSERT OR REPLACE INTO selfcare_plan (section, body, updated_at) VALUES (?,?,?)",
            ("what_helps" + tag, "Walking the dog", t),
        )
        c.execute(
            "INSERT INTO support_contact (name, phone, note, position) VALUES (?,?,?,?)",
            ("Alex" + tag, "0300 000 000", "Team lead", 0),
        )
        c.execute(
            "INSERT INTO leave_period (uid, start_date, end_date, kind, note) VALUES (?,?,?,?,?)",
            ("lea" + tag, d, d, "leave", "Half term"),
        )
        c.execute("INSERT OR IGNORE INTO watch_word VALUES (?)", ("Smith" + tag,))
        c.execute(
            "INSERT OR IGNORE INTO vocabulary (list, word, grp, position, hidden, custom) VALUES (?,?,?,?,?,?)",
            ("strategy", "Sat in the car" + tag, "", 0, 0, 1),
        )
        c.execute(
            "INSERT OR REPLACE INTO template (id, name, prompts, custom, hidden) VALUES (?,?,?,?,?)",
            ("mine" + tag, "My model", '[{"id": "a", "prompt": "What went well?"}]', 1, 0),
        )
        c.execute(
            "INSERT OR REPLACE INTO draft (key, payload, updated_at) VALUES (?,?,?)",
            ("reflection:new" + tag, '{"text": "half written"}', t),
        )
        c.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?,?)", ("reminder.time" + tag, '"17:00"'))


#: Tables ``fill_every_table`` writes to (directly or through the reflection repository).
FILLED = frozenset(
    {
        "reflection",
        "reflection_answer",
        "reflection_emotion",
        "reflection_tag",
        "vocabulary",
        "template",
        "decompression",
        "checkin",
        "measure",
        "supervision_session",
        "supervision_action",
        "share_record",
        "share_item",
        "selfcare_plan",
        "support_contact",
        "leave_period",
        "watch_word",
        "draft",
        "setting",
        "search_index",
    }
)
