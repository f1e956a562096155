"""The cancel token: thread-safe, and exactly one of "cancel" and "point of no return" wins."""

from __future__ import annotations

import threading

import pytest

from resilience_journal.domain.progress import Cancelled, CancelToken, Ticker, no_return, step


def test_a_fresh_token_lets_work_go_on_and_cancel_stops_it_at_the_next_check():
    token = CancelToken()
    token.check()
    assert not token.cancelled
    assert token.cancel() is True
    assert token.cancelled
    with pytest.raises(Cancelled):
        token.check()


def test_cancel_after_the_point_of_no_return_is_refused_and_work_finishes():
    passed = []
    token = CancelToken(on_no_return=lambda: passed.append(True))
    token.point_of_no_return()
    assert passed == [True] and token.past_no_return
    assert token.cancel() is False
    token.check()  # still not cancelled: the work must finish
    assert not token.cancelled


def test_the_point_of_no_return_is_not_passed_once_cancelled():
    passed = []
    token = CancelToken(on_no_return=lambda: passed.append(True))
    token.cancel()
    with pytest.raises(Cancelled):
        token.point_of_no_return()
    assert passed == [] and not token.past_no_return


def test_step_reports_then_checks_and_works_without_a_token_or_callback():
    seen = []
    token = CancelToken()

    def progress(done, total):
        seen.append((done, total))
        if done == 2:
            token.cancel()

    step(token, progress, 1, 3)
    with pytest.raises(Cancelled):
        step(token, progress, 2, 3)
    assert seen == [(1, 3), (2, 3)]
    step(None, None, 5, None)
    no_return(None)


def test_exactly_one_of_cancel_and_no_return_wins_across_threads():
    for _ in range(200):
        token = CancelToken()
        go = threading.Barrier(2)
        outcome = {}

        def worker(token=token, go=go, outcome=outcome):
            go.wait()
            try:
                token.point_of_no_return()
                outcome["worker"] = "finishes"
            except Cancelled:
                outcome["worker"] = "stopped"

        t = threading.Thread(target=worker)
        t.start()
        go.wait()
        accepted = token.cancel()
        t.join()
        assert outcome["worker"] == ("stopped" if accepted else "finishes")


def test_a_ticker_reports_every_few_steps_and_at_the_end():
    seen = []
    ticker = Ticker(None, lambda done, total: seen.append((done, total)), total=7, every=3)
    for _ in range(7):
        ticker.tick()
    assert seen == [(0, 7), (3, 7), (6, 7), (7, 7)]
