"""The demo journal shows every part of the after-visit loop: feelings, answers, rare safety
flags, tags, and decompressions whose ratings mostly come down — and never a draft."""

from __future__ import annotations

from datetime import timedelta

from resilience_journal.demo import fill
from resilience_journal.domain.emotions import builtin_emotions
from resilience_journal.domain.templates import builtin_templates


def test_demo_has_plausible_reflection_details_and_decompressions(journal, clock):
    fill(journal, end=clock.now().date(), days=120)
    entries = journal.reflections.between(clock.now().date() - timedelta(days=130), clock.now().date())
    n = len(entries)
    assert n > 150
    known_words = {w for w, _g in builtin_emotions()}
    assert all(set(r.emotions) <= known_words for r in entries)
    assert sum(bool(r.emotions) for r in entries) > n * 0.6
    prompts = {(t.id, p.id): p.prompt for t in builtin_templates() for p in t.prompts}
    answered = [r for r in entries if r.answers]
    assert n * 0.2 < len(answered) < n * 0.5
    assert all(prompts[(r.template_id, a.prompt_id)] == a.prompt for r in answered for a in r.answers)
    safety = [r for r in entries if r.safety_concern]
    assert 0 < len(safety) < n * 0.06 and all(r.safety_note for r in safety)
    assert any(r.tags for r in entries)

    ds = journal.decompressions.between(clock.now().date() - timedelta(days=130), clock.now().date())
    assert len(ds) > 30
    linked = [d for d in ds if d.reflection_id is not None]
    assert linked and all(journal.reflections.get(d.reflection_id).stress >= 5 for d in linked)
    changes = [d.change for d in ds if d.change is not None]
    assert sum(c > 0 for c in changes) > len(changes) * 0.6  # mostly helps...
    assert any(c <= 0 for c in changes)  # ...but not always
    assert journal.drafts.all() == []


def test_demo_is_the_same_every_time(tmp_path, clock):
    from support import PASSPHRASE

    from resilience_journal.storage import Journal

    summaries = []
    for name in ("a", "b"):
        with Journal.create(tmp_path / name / "j.db", PASSPHRASE, clock=clock) as j:
            fill(j, end=clock.now().date(), days=40)
            rs = j.reflections.recent(1000)
            ds = j.decompressions.recent(1000)
            summaries.append(
                ([(r.uid, r.emotions, r.answers, r.tags, r.safety_concern) for r in rs],
                 [(d.uid, d.strategy, d.stress_before, d.stress_after) for d in ds])
            )  # fmt: skip
    assert summaries[0] == summaries[1]
