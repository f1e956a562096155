"""The ten-year journal every benchmark runs against, generated once and cached.

Volumes (issue 8): about 20,000 reflections of around 1.5 KB of text, 10,000 decompressions,
3,600 check-ins, 120 questionnaires and 120 supervision sessions, all deterministic.

How it is built:
1. ``resilience_journal.demo.fill`` writes ten years of the ordinary demo journal, through the
   app's own repositories (so whatever the features' demo generators write is in it too).
2. The demo reflections get guided-reflection answers (so the average entry is ~1.5 KB), and
   more reflections are added through ``journal.reflections.add`` until there are 20,000 —
   the real code path, search index included.
3. The other tables are topped up to their volumes with plain SQL into the m001 tables (only
   as many rows as the demo generators did not already write), because the features that own
   them may not have repositories on main yet.

The result is cached in ``bench/.cache/`` (git-ignored) under a name that changes whenever this
file, the demo generators or the migrations change, so a run after ``git merge main`` rebuilds it
and any other run reuses it.  ``python bench/tenyear.py`` builds it and prints its contents.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import shutil
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from resilience_journal.domain.clock import FakeClock  # noqa: E402
from resilience_journal.domain.reflection import Answer, Reflection  # noqa: E402

#: Where generated journals (and jrnl's copy) are kept between runs.
CACHE = ROOT / "bench" / ".cache"
#: The benchmark journal's passphrase (made-up data only).
PASSPHRASE = "ten years of made-up visits"
#: Fixed seed: the same journal on every machine.
SEED = 8_2026
#: The journal ends on the same day as the tests' fixed "now".
END = date(2026, 11, 25)
DAYS = 3650
#: Target volumes from the issue.
VOLUMES = {"reflection": 20_000, "decompression": 10_000, "checkin": 3_600, "measure": 120, "supervision_session": 120}


def tz():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/London")
    except Exception:  # no tz database: UTC still gives a deterministic journal
        return UTC


def bench_clock() -> FakeClock:
    """The benchmarks' "now": the evening of the journal's last day."""
    return FakeClock(datetime(2026, 11, 25, 17, 30, tzinfo=tz()))


# --- text ----------------------------------------------------------------------------------

#: Guided-reflection prompts (What? So what? Now what?), in our own words.
PROMPTS = (
    ("what", "What happened?"),
    ("so_what", "What did it mean to you, and what did you feel?"),
    ("now_what", "What will you do next, or differently?"),
)

#: Sentences drawn (with weights) to build ~500-character answers.  Invented; no real case detail.
SENTENCES = (
    (8, "The visit started late because the traffic around the estate was slow again."),
    (8, "Mum answered the door and seemed tired but willing to talk."),
    (6, "The children were at school, so we had time to go through the plan properly."),
    (6, "Dad stayed in the kitchen for most of the visit and only joined at the end."),
    (7, "I explained the purpose of the visit and what would happen next."),
    (7, "We talked about school attendance, health appointments and the housing situation."),
    (5, "There was a lot of shouting at first, and I kept my voice low and steady."),
    (5, "I noticed I was holding my breath when the conversation turned to the allegation."),
    (6, "I felt anxious on the drive there and calmer once I had a clear agenda."),
    (6, "Afterwards I sat in the car for ten minutes before driving to the next visit."),
    (7, "I felt the weight of the decision and wanted to get it right for the family."),
    (6, "It reminded me how much relationships matter in this work."),
    (5, "I was frustrated that the other agencies had not shared what they knew."),
    (5, "I felt proud of how I handled a difficult conversation without losing warmth."),
    (6, "It is hard to hold both the risk and the family's hopes at the same time."),
    (4, "I noticed my shoulders were tense for the rest of the afternoon."),
    (7, "Next time I will ask a colleague to come with me for the first part."),
    (7, "I will bring this to supervision, because it has stayed with me."),
    (6, "I will write up the recording tomorrow morning while it is fresh but not raw."),
    (6, "I want to follow up with the school and the health visitor this week."),
    (5, "I will take a proper lunch break tomorrow and go for a walk."),
    (5, "My manager was supportive when I called, and that helped me settle."),
    (4, "The court report is due on Friday and I need to protect time for it."),
    (4, "The strategy meeting ran over and I felt my view was heard in the end."),
    (4, "I was reassured that the plan is working and the family are engaging."),
    (3, "Breathing slowly in the car park helped more than I expected."),
    (3, "Talking it over with a colleague put things in perspective."),
    (3, "I listened to music on the way home and let the day go."),
    # Rarer words, so searches return small, medium and large result sets.
    (1, "We met at the allotment because it felt safer and calmer for everyone."),
    (1, "The interpreter helped us slow down and check that we understood each other."),
    (0.3, "The tribunal hearing has been moved again, which unsettled the whole family."),
    (0.1, "The kaleidoscope of feelings in the room surprised me."),
)


def answer_text(rng: random.Random, length: int = 500) -> str:
    weights = [w for w, _ in SENTENCES]
    texts = [s for _, s in SENTENCES]
    out: list[str] = []
    size = 0
    while size < length:
        s = rng.choices(texts, weights)[0]
        out.append(s)
        size += len(s) + 1
    return " ".join(out)


def guided_answers(rng: random.Random) -> tuple[Answer, ...]:
    """Three answers of around 470 characters: with the note, about 1.5 KB per entry."""
    return tuple(Answer(pid, prompt, answer_text(rng, rng.randint(380, 560))) for pid, prompt in PROMPTS)


# --- building ------------------------------------------------------------------------------


def _fingerprint() -> str:
    """Changes when anything that shapes the generated journal changes."""
    h = hashlib.sha256()
    files = [Path(__file__)]
    files += sorted((ROOT / "resilience_journal" / "demo").rglob("*.py"))
    files += sorted((ROOT / "resilience_journal" / "storage" / "migrations").rglob("*.py"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def cached_path() -> Path:
    return CACHE / f"tenyear-{_fingerprint()}.db"


def tenyear_journal(*, quiet: bool = False) -> Path:
    """The cached ten-year journal, building it first if needed.  Treat it as read-only: copy it."""
    path = cached_path()
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("tenyear-*.db*"):  # an older build of the generator: no longer wanted
        old.unlink()
    work = path.with_name(path.name + ".building")
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    build(work, log=(lambda *_: None) if quiet else _log)
    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    work.rename(path)
    if not quiet:
        _log(f"ten-year journal built in {time.perf_counter() - t0:.0f} s: {path}")
    return path


def copy_of_tenyear(folder: Path, name: str = "journal.db") -> Path:
    """A private, writable copy of the cached journal (benchmarks that write use one)."""
    src = tenyear_journal()
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / name
    shutil.copyfile(src, dest)
    dest.chmod(0o600)
    return dest


def _log(*parts: object) -> None:
    print("  [tenyear]", *parts, file=sys.stderr, flush=True)


def build(path: Path, log=_log) -> None:
    from resilience_journal.demo import fill
    from resilience_journal.storage import Journal

    clock = bench_clock()
    with Journal.create(path, PASSPHRASE, clock=clock) as journal:
        t = time.perf_counter()
        calendar = fill(journal, end=END, days=DAYS, seed=SEED)
        log(f"demo fill, {DAYS} days: {time.perf_counter() - t:.0f} s")
        rng = random.Random(f"{SEED}:bench-top-up")
        t = time.perf_counter()
        with journal.transaction():
            enrich_demo_reflections(journal, rng)
            add_reflections(journal, calendar, rng, VOLUMES["reflection"])
        log(f"reflections topped up: {time.perf_counter() - t:.0f} s")
        with journal.transaction() as conn:
            top_up_decompressions(conn, calendar, rng, VOLUMES["decompression"])
            top_up_checkins(conn, calendar, rng, VOLUMES["checkin"])
            top_up_measures(conn, calendar, rng, VOLUMES["measure"])
            top_up_supervision(conn, calendar, rng, VOLUMES["supervision_session"])
        journal.checkpoint()
        conn = journal.conn
        conn.execute("PRAGMA optimize")
        journal.checkpoint()
        log("contents:", json.dumps(contents(journal)))


def enrich_demo_reflections(journal, rng: random.Random) -> None:
    """Give the demo's short entries guided answers, so every entry is a realistic length."""
    for r in journal.reflections.between(END - timedelta(days=DAYS), END):
        if not r.answers:
            journal.reflections.update(dataclasses.replace(r, answers=guided_answers(rng)))


def add_reflections(journal, calendar, rng: random.Random, target: int) -> None:
    """Evening reflections, calls and meetings on working days until there are ``target`` entries."""
    from resilience_journal.demo.reflections import KINDS, LABELS, NOTES

    missing = target - journal.reflections.count()
    if missing <= 0:
        return
    days = [d for d in calendar.days() if calendar.is_working_day(d)]
    names = [k[0] for k in KINDS]
    weights = [k[1] for k in KINDS]
    effect = {k[0]: k[2] for k in KINDS}
    zone = journal.clock.now().tzinfo
    now = journal.clock.now()
    for i in range(missing):
        day = days[i * len(days) // missing]
        minute = rng.randrange(8 * 60, 19 * 60)
        when = datetime.combine(day, dtime(minute // 60, minute % 60), tzinfo=zone)
        if when > now:
            when = now - timedelta(minutes=i + 1)
        kind = rng.choices(names, weights)[0]
        stress = max(0, min(10, round(calendar.baseline_stress(day) + effect[kind] + rng.gauss(0, 1.4))))
        band = "low" if stress <= 3 else "mid" if stress <= 6 else "high"
        journal.reflections.add(
            Reflection(
                uid=_uid(rng),
                occurred_at=when,
                activity_kind=kind,
                stress=stress,
                text=rng.choice(NOTES[band]),
                case_label=rng.choice(LABELS),
                template_id="what-so-what-now-what",
                answers=guided_answers(rng),
                for_supervision=stress >= 9 and rng.random() < 0.1,
            )
        )


def _uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128)).hex


def _stamp(day: date, minute: int) -> str:
    return datetime.combine(day, dtime(minute // 60, minute % 60), tzinfo=tz()).isoformat(timespec="seconds")


def _count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


STRATEGIES = ("Walk", "Breathing", "Talked to a colleague", "Music", "Sat in the car", "Exercise", "Writing", "Other")
#: How much each strategy tends to lower stress (made up, so the Trends page has a story to tell).
STRATEGY_EFFECT = (2.5, 2.0, 2.8, 1.5, 1.0, 3.0, 1.8, 1.0)


def top_up_decompressions(conn, calendar, rng: random.Random, target: int) -> None:
    missing = target - _count(conn, "decompression")
    if missing <= 0:
        return
    refs = conn.execute("SELECT id, local_date, stress, occurred_at FROM reflection ORDER BY id").fetchall()
    step = len(refs) / missing
    for i in range(missing):
        rid, local_date, stress, occurred = refs[int(i * step)]
        k = rng.randrange(len(STRATEGIES))
        after = max(0, min(10, round(stress - STRATEGY_EFFECT[k] + rng.gauss(0, 1))))
        when = datetime.fromisoformat(occurred) + timedelta(minutes=rng.randint(10, 90))
        note = answer_text(rng, rng.randint(0, 160)) if rng.random() < 0.5 else ""
        cur = conn.execute(
            "INSERT INTO decompression (uid, reflection_id, strategy, occurred_at, local_date, minutes,"
            " stress_before, stress_after, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                _uid(rng),
                rid if rng.random() < 0.8 else None,
                STRATEGIES[k],
                when.isoformat(timespec="seconds"),
                local_date,
                rng.choice((5, 10, 10, 15, 20, 30)),
                stress,
                after,
                note,
                occurred,
                occurred,
            ),
        )
        if note:
            conn.execute(
                "INSERT INTO search_index (kind, ref_id, body) VALUES ('decompression', ?, ?)",
                (cur.lastrowid, STRATEGIES[k] + "\n" + note),
            )


def top_up_checkins(conn, calendar, rng: random.Random, target: int) -> None:
    missing = target - _count(conn, "checkin")
    if missing <= 0:
        return
    taken = {row[0] for row in conn.execute("SELECT local_date FROM checkin")}
    free = [d for d in reversed(calendar.days()) if d.isoformat() not in taken]
    for day in sorted(free[:missing]):
        base = calendar.baseline_stress(day)
        mood = max(0, min(10, round(10 - base + rng.gauss(0, 1.2))))
        working = calendar.is_working_day(day)
        stamp = _stamp(day, 21 * 60 + rng.randrange(60))
        conn.execute(
            "INSERT INTO checkin (uid, local_date, mood, energy, sleep_quality, sleep_hours, workload,"
            " breaks_taken, finished_on_time, hours_worked, note, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                _uid(rng),
                day.isoformat(),
                mood,
                max(0, min(10, mood + rng.randint(-2, 1))),
                max(0, min(10, round(7 - base / 3 + rng.gauss(0, 1.5)))),
                round(rng.uniform(5, 8.5), 1),
                max(0, min(10, round(base + rng.gauss(1, 1)))) if working else 0,
                rng.randint(0, 3) if working else None,
                int(rng.random() < 0.4) if working else None,
                round(rng.uniform(7, 10.5), 1) if working else 0.0,
                rng.choice(("", "", "Long day.", "Felt better after the walk.", "Tired but OK.")),
                stamp,
                stamp,
            ),
        )


def top_up_measures(conn, calendar, rng: random.Random, target: int) -> None:
    missing = target - _count(conn, "measure")
    if missing <= 0:
        return
    for i in range(missing):
        day = calendar.start + timedelta(days=int(i * DAYS / missing) + 3)
        instrument = "cbi" if i % 2 == 0 else "proqol5"
        items = 19 if instrument == "cbi" else 30
        responses = {str(n + 1): rng.randint(0, 4) for n in range(items)}
        if instrument == "cbi":
            scores = {s: round(rng.uniform(20, 70), 1) for s in ("personal", "work", "client")}
        else:
            scores = {
                s: rng.randint(18, 45) for s in ("compassion_satisfaction", "burnout", "secondary_traumatic_stress")
            }
        stamp = _stamp(day, 20 * 60)
        conn.execute(
            "INSERT INTO measure (uid, instrument, taken_at, local_date, responses, scores, created_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (_uid(rng), instrument, stamp, day.isoformat(), json.dumps(responses), json.dumps(scores), stamp),
        )


def top_up_supervision(conn, calendar, rng: random.Random, target: int) -> None:
    missing = target - _count(conn, "supervision_session")
    if missing <= 0:
        return
    for i in range(missing):
        day = calendar.start + timedelta(days=int(i * DAYS / missing) + 10)
        stamp = _stamp(day, 14 * 60)
        cur = conn.execute(
            "INSERT INTO supervision_session (uid, held_on, supervisor, notes, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?)",
            (
                _uid(rng),
                day.isoformat(),
                rng.choice(("Sam (team manager)", "Priya", "Chris")),
                answer_text(rng, 600),
                stamp,
                stamp,
            ),
        )
        for _ in range(rng.randint(1, 3)):
            conn.execute(
                "INSERT INTO supervision_action (uid, session_id, text, due_on, done_at, created_at)"
                " VALUES (?,?,?,?,?,?)",
                (
                    _uid(rng),
                    cur.lastrowid,
                    answer_text(rng, 60),
                    (day + timedelta(days=28)).isoformat(),
                    stamp if rng.random() < 0.8 else None,
                    stamp,
                ),
            )


def contents(journal) -> dict[str, float]:
    """Row counts and average text size: what the benchmarks actually ran against."""
    out: dict[str, float] = {}
    for table in VOLUMES:
        out[table] = journal.query(f"SELECT count(*) FROM {table}")[0][0]
    chars = journal.query(
        "SELECT (SELECT sum(length(body) + length(case_label)) FROM reflection)"
        " + (SELECT sum(length(answer)) FROM reflection_answer)"
    )[0][0]
    out["reflection_text_bytes_avg"] = round(chars / max(out["reflection"], 1))
    out["file_mb"] = round(journal.path.stat().st_size / 1e6, 1)
    return out


def describe(path: Path | None = None) -> dict[str, float]:
    from resilience_journal.storage import Journal

    path = path or tenyear_journal()
    work = CACHE / "describe"
    if work.exists():
        shutil.rmtree(work)
    copy = copy_of_tenyear(work)
    with Journal.open(copy, PASSPHRASE, clock=bench_clock()) as j:
        info = contents(j)
    shutil.rmtree(work)
    return info


if __name__ == "__main__":
    p = tenyear_journal()
    print(p)
    print(json.dumps(describe(p), indent=2))
