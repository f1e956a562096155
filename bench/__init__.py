"""Benchmarks, run by hand (``python bench/run_all.py``); results go to ``docs/performance.md``.

Never imported by the app or the tests, and timings are never asserted in the test suite.
"""
