"""Chart builders draw the numbers the aggregations give — checked on the drawn artists themselves."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date

import numpy as np
import pytest
from trends_support import DECOMPRESSIONS, ROLLING_ENTRIES, entry, mention

from resilience_journal.charts import calendar, decompression, emotions, selfcare, stress
from resilience_journal.charts.catalog import CHARTS, chart
from resilience_journal.charts.export import export_figure
from resilience_journal.charts.palette import LIGHT, OKABE_ITO, palette_from_theme
from resilience_journal.domain.trend_data import CheckIn, MeasureScore, TrendData

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def _line(fig, gid):
    found = [line for ax in fig.axes for line in ax.get_lines() if line.get_gid() == gid]
    assert len(found) == 1, f"no single line {gid!r}"
    return found[0]


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_stress_over_time_draws_points_daily_and_rolling_means():
    fig = stress.stress_over_time(TrendData(*NOV, entries=ROLLING_ENTRIES))
    assert list(_line(fig, "rolling-7").get_ydata()) == [5.0, 6.0, 5.0, 3.0]
    assert list(_line(fig, "rolling-28").get_ydata()) == [5.0, 6.0, 5.0, 4.8]
    assert list(_line(fig, "daily-mean").get_ydata()) == [5.0, 8.0, 2.0, 4.0]
    points = next(c for c in fig.axes[0].collections if c.get_gid() == "entries")
    assert sorted(points.get_offsets()[:, 1]) == [2, 4, 4, 6, 8]


@pytest.mark.parametrize(
    ("span", "labels", "year"),
    [
        (NOV, ["Nov", "5", "9", "13", "17", "21", "25", "29", "Dec"], "2026"),
        ((date(2025, 12, 1), date(2026, 11, 30)), ["2026", "Mar", "May", "Jul", "Sep", "Nov"], ""),
        ((date(2016, 12, 1), date(2026, 11, 30)), ["2016", "2018", "2020", "2022", "2024", "2026"], ""),
    ],
)
def test_date_axis_reads_as_days_months_or_years_with_the_year_said_once(span, labels, year):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = stress.stress_over_time(TrendData(*span, entries=ROLLING_ENTRIES))
    FigureCanvasAgg(fig).draw()  # as drawn: ticks fixed when the chart was built stay put
    axis = fig.axes[0].xaxis
    assert [t.get_text() for t in axis.get_ticklabels()] == labels
    assert axis.get_offset_text().get_text() == year


def test_stress_by_kind_medians_and_counts():
    entries = [entry(date(2026, 11, 2), s) for s in (6, 8, 7, 3)] + [entry(date(2026, 11, 2), 9, kind="Court")]
    fig = stress.stress_by_kind(TrendData(*NOV, entries=tuple(entries)))
    assert set(_line(fig, "median:Home visit").get_xdata()) == {6.5}
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Court  (n = 1)", "Home visit  (n = 4)"]  # most frequent at the top


def test_decompression_marks_medians_and_leaves_rare_strategies_unranked():
    fig = decompression.decompression(TrendData(*NOV, decompressions=DECOMPRESSIONS))
    assert list(_line(fig, "before:Walk").get_xdata()) == [6.5]
    assert list(_line(fig, "after:Walk").get_xdata()) == [4.0]  # (4+2+5+5)/4: the arrow is the mean drop, 2.5
    assert list(_line(fig, "after:Music").get_xdata()) == [1.5]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Music", "Breathing", "Walk"]  # bottom to top: Walk ranked first, Music unranked last
    texts = _texts(fig)
    assert "median drop 3 · 4 uses" in texts
    assert "2 uses — too few to rank" in texts


def test_emotion_bars_are_the_counts():
    mentions = [mention(e) for e in ("Tired", "Tired", "Tired", "Sad", "Calm", "Calm")]
    fig = emotions.emotion_frequency(TrendData(*NOV, emotions=tuple(mentions)))
    widths = {p.get_gid(): p.get_width() for p in fig.axes[0].patches}
    assert widths == {"emotion:Tired": 3, "emotion:Calm": 2, "emotion:Sad": 1}


def test_emotion_counts_axis_has_whole_numbers_only():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = emotions.emotion_frequency(TrendData(*NOV, emotions=(mention("tired", n=2), mention("calm", n=1))))
    FigureCanvasAgg(fig).draw()
    ticks = [t for t in fig.axes[0].get_xticks() if 0 <= t <= fig.axes[0].get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)


def test_emotions_by_kind_grid_is_the_counts():
    mentions = [mention("Tired"), mention("Tired"), mention("Sad"), mention("Tired", kind="Court")]
    fig = emotions.emotions_by_activity(TrendData(*NOV, emotions=tuple(mentions)))
    image = next(i for i in fig.axes[0].images if i.get_gid() == "emotion-kind-grid")
    assert image.get_array().tolist() == [[2, 1], [1, 0]]


def test_calendar_colours_days_by_their_mean():
    fig = calendar.stress_calendar(TrendData(*NOV, entries=ROLLING_ENTRIES))
    values = next(i for i in fig.axes[0].images if i.get_gid() == "calendar").get_array()
    assert values[6, 0] == 5.0  # Sunday 1 Nov, first week
    assert values[1, 1] == 8.0  # Tuesday 3 Nov
    assert np.ma.is_masked(values[2, 1])  # Wednesday 4 Nov: nothing recorded


def test_a_short_calendar_is_only_as_wide_as_its_weeks_and_a_year_fills_the_width():
    month = calendar.stress_calendar(TrendData(*NOV, entries=ROLLING_ENTRIES), size=(8.4, None))
    year = calendar.stress_calendar(
        TrendData(date(2025, 12, 1), date(2026, 11, 30), entries=ROLLING_ENTRIES), size=(8.4, None)
    )
    assert month.get_figwidth() < 0.6 * 8.4  # drawn from the left, not floated in empty space
    assert year.get_figwidth() == pytest.approx(8.4)


def test_when_it_hurts_cells_show_mean_and_n():
    tuesday = date(2026, 11, 10)
    entries = (entry(tuesday, 6, hour=10), entry(tuesday, 8, hour=11), entry(tuesday, 2, hour=17))
    fig = calendar.when_it_hurts(TrendData(*NOV, entries=entries))
    assert "7.0\nn=2" in _texts(fig)
    assert "2.0\nn=1" in _texts(fig)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows == ["Mon", "Tue", "Wed", "Thu", "Fri"]  # no weekend rows without weekend entries


def test_checkins_and_questionnaires_are_drawn_when_present():
    checkins = (CheckIn(date(2026, 11, 2), mood=4, energy=5), CheckIn(date(2026, 11, 3), mood=6))
    fig = selfcare.checkins(TrendData(*NOV, checkins=checkins))
    assert list(_line(fig, "checkin:mood").get_ydata()) == [4, 6]
    assert list(_line(fig, "checkin:energy").get_ydata()) == [5]
    measures = (
        MeasureScore(date(2026, 11, 2), "cbi", "work", 50.0),
        MeasureScore(date(2026, 11, 20), "cbi", "work", 37.5),
        MeasureScore(date(2026, 11, 20), "proqol5", "burnout", 24.0),
    )
    fig = selfcare.questionnaires(TrendData(*NOV, measures=measures))
    assert list(_line(fig, "measure:cbi:work").get_ydata()) == [50.0, 37.5]
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Copenhagen Burnout Inventory", "ProQOL 5"]


def test_catalog_hides_empty_charts_and_every_chart_has_words_and_a_table():
    empty = TrendData(*NOV)
    assert [s.key for s in CHARTS if s.available(empty)] == []
    full = TrendData(
        *NOV,
        entries=ROLLING_ENTRIES,
        decompressions=DECOMPRESSIONS,
        emotions=(mention("Tired"),),
        checkins=(CheckIn(date(2026, 11, 2), mood=4),),
        measures=(MeasureScore(date(2026, 11, 2), "cbi", "work", 50.0),),
    )
    for spec in CHARTS:
        assert spec.available(full)
        assert spec.describe(full)
        assert spec.table(full).rows, spec.key
    assert chart("stress_over_time").table(full).rows[-1] == ("2026-11-10", "1", "4.0", "3.0", "4.8")
    assert chart("decompression").table(full).rows[0] == ("Walk", "4", "6.5", "4.0", "3", "yes")


def test_an_empty_period_draws_a_kind_message_not_an_error():
    fig = stress.stress_over_time(TrendData(*NOV))
    assert _texts(fig) == ["Nothing recorded for this chart in the chosen period."]


def test_dark_palette_follows_the_theme_and_stays_colour_blind_safe():
    dark = palette_from_theme({"card": "#282c31", "text": "#e6e4df", "muted": "#a5abb3", "border": "#3d434a"})
    assert dark.dark and dark.background == "#282c31" and dark.foreground == "#e6e4df"
    assert dark.series[0] == OKABE_ITO["sky_blue"]  # the dark blue would vanish on a dark card
    assert set(dark.series) == set(LIGHT.series) == set(OKABE_ITO.values())


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".pdf", b"%PDF"), (".svg", b"<?xml")])
def test_export_is_owner_only_and_complete(tmp_path, suffix, magic):
    fig = stress.stress_over_time(TrendData(*NOV, entries=ROLLING_ENTRIES))
    out = export_figure(fig, tmp_path / f"chart{suffix}")
    assert out.read_bytes().startswith(magic)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [f"chart{suffix}"]  # no temporary file left behind


def test_export_refuses_an_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        export_figure(stress.stress_over_time(TrendData(*NOV)), tmp_path / "chart.bmp")
    assert list(tmp_path.iterdir()) == []


def test_charts_import_matplotlib_only_when_building_and_never_pyplot():
    code = (
        "import sys\n"
        "from resilience_journal.charts.catalog import CHARTS\n"
        "import resilience_journal.ui.pages\n"
        "assert 'matplotlib' not in sys.modules, 'imported at start'\n"
        "from datetime import date\n"
        "from resilience_journal.domain.trend_data import TrendData\n"
        "for spec in CHARTS: spec.build(TrendData(date(2026, 1, 1), date(2026, 1, 31)))\n"
        "assert 'matplotlib.figure' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.getcwd())
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr


def test_long_checkin_spans_are_drawn_as_28_day_means():
    from datetime import timedelta

    start = date(2026, 1, 1)
    checkins = tuple(CheckIn(start + timedelta(days=i), mood=i % 2 * 10) for i in range(100))  # 0, 10, 0, 10...
    fig = selfcare.checkins(TrendData(start, date(2026, 4, 30), checkins=checkins))
    line = _line(fig, "checkin:mood")
    assert line.get_label() == "Mood (28-day mean)"
    assert list(line.get_ydata())[:3] == [0.0, 5.0, 10 / 3]
    assert line.get_ydata()[-1] == 5.0  # 14 zeros and 14 tens in the last 28 days


def test_very_many_entries_are_drawn_as_counted_shade():
    from datetime import timedelta

    from resilience_journal.charts.stress import DENSITY_FROM

    start = date(2020, 1, 6)  # a Monday
    entries = tuple(entry(start + timedelta(days=i // 4), i % 11) for i in range(DENSITY_FROM + 4))
    data = TrendData(start, start + timedelta(days=(DENSITY_FROM + 3) // 4), entries=entries)
    fig = stress.stress_over_time(data)
    counts = next(i for i in fig.axes[0].images if i.get_gid() == "entries-density").get_array()
    assert counts.sum() == len(entries)  # every entry counted once
    assert counts[0, 0] == 3  # first week: 28 entries cycling 0..10 give stress 0 three times
    assert not any(c.get_gid() == "entries" for c in fig.axes[0].collections)


def test_rolling_mean_line_breaks_where_no_entry_fell_for_a_whole_window():
    entries = ROLLING_ENTRIES + (entry(date(2026, 11, 20), 6),)  # 10 days after the last: a gap
    fig = stress.stress_over_time(TrendData(*NOV, entries=entries))
    ys = list(_line(fig, "rolling-7").get_ydata())
    assert ys[:4] == [5.0, 6.0, 5.0, 3.0] and np.isnan(ys[4]) and ys[5] == 6.0
    assert not any(np.isnan(y) for y in _line(fig, "rolling-28").get_ydata())


def test_export_to_an_unusable_place_says_so_kindly_and_leaves_nothing(tmp_path):
    from resilience_journal.export.files import ExportFailed

    fig = stress.stress_over_time(TrendData(*NOV, entries=ROLLING_ENTRIES))
    with pytest.raises(ExportFailed) as caught:
        export_figure(fig, tmp_path / "no-such-folder" / "chart.png")
    assert "nothing was written" in str(caught.value).lower()
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def demo_months(tmp_path_factory):
    """Three months of the demo journal: every chart has something to draw."""
    from datetime import datetime

    from resilience_journal.app import make_demo_journal
    from resilience_journal.demo import DEMO_PASSPHRASE
    from resilience_journal.domain.clock import FakeClock
    from resilience_journal.domain.periods import period_range
    from resilience_journal.storage import Journal
    from resilience_journal.storage.trends import load_trend_data

    clock = FakeClock(datetime(2026, 11, 25, 17, 30).astimezone())
    with Journal.open(make_demo_journal(tmp_path_factory.mktemp("demo"), clock), DEMO_PASSPHRASE, clock=clock) as j:
        return load_trend_data(j, *period_range("3m", clock.now().date(), None), None)


def _drawn_texts(fig, renderer):
    """Every piece of text actually drawn (tick labels only for ticks inside the plotted range)."""
    from matplotlib.text import Text

    ticks = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    ticks.update((tick.label1, tick.label2))
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip() and t not in ticks]


@pytest.mark.parametrize("width", [4.8, 8.4])  # the narrowest window's charts, and the default
def test_in_a_narrow_window_no_words_are_cut_off_and_no_plot_is_squeezed(demo_months, width):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for spec in (s for s in CHARTS if s.available(demo_months)):
        fig = spec.build(demo_months, LIGHT, size=(width, None), dpi=100)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer, right = canvas.get_renderer(), fig.bbox.width
        cut = [
            t.get_text()
            for t in _drawn_texts(fig, renderer)
            if not -1 <= t.get_window_extent(renderer).x0 <= t.get_window_extent(renderer).x1 <= right + 1
        ]
        assert cut == [], f"{spec.key} at {width} in: {cut}"
        plots = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
        assert min(ax.bbox.width for ax in plots) >= 0.3 * right, f"{spec.key} at {width} in is squeezed"


def test_a_screen_reader_hears_dates_as_words_and_tables_align_numbers_only(qtbot):
    from PySide6.QtCore import Qt

    from resilience_journal.charts.alternatives import measure_describe
    from resilience_journal.ui.widgets.chart_panel import RowsModel

    data = TrendData(
        *NOV,
        measures=(
            MeasureScore(date(2026, 11, 2), "cbi", "work", 50.0),
            MeasureScore(date(2026, 11, 20), "cbi", "work", 37.5),
        ),
    )
    said = measure_describe(data)
    assert "from 50 on 2 Nov 2026 to 37.5 on 20 Nov 2026 (2 times)" in said and "2026-11" not in said
    model = RowsModel()
    model.set_table(chart("questionnaires").table(data))
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    aligned = [model.data(model.index(0, c), Qt.ItemDataRole.TextAlignmentRole) for c in range(model.columnCount())]
    assert [model.data(model.index(0, c)) for c in range(4)][1:3] == [
        "Copenhagen Burnout Inventory",
        "Work-related burnout",
    ]
    assert aligned == [None, None, None, right]  # the date and the words at the left, the score at the right
