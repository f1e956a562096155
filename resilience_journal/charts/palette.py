"""Chart colours: a colour-blind-safe set that reads on light and dark backgrounds.

The series colours are Okabe and Ito's eight-colour set, distinguishable with every common
form of colour blindness.  On dark backgrounds the darkest (blue, vermilion) move to the end
so the first series are always the easiest to see.  Heat maps use ``cividis``, which was
designed to read the same with and without colour vision deficiency, and every heat-map cell
also carries its number.  Colours arrive as plain strings, so ``charts`` never imports Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: Okabe–Ito colours by name.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermilion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
#: Series order on a light background (yellow last: it is faint on white).
_LIGHT_ORDER = ("blue", "orange", "bluish_green", "reddish_purple", "vermilion", "sky_blue", "yellow")
#: Series order on a dark background (dark blue last: it is faint on black).
_DARK_ORDER = ("sky_blue", "orange", "bluish_green", "yellow", "reddish_purple", "vermilion", "blue")


@dataclass(frozen=True)
class ChartPalette:
    """Everything a chart builder needs to know about colour."""

    background: str
    foreground: str
    muted: str
    grid: str
    series: tuple[str, ...]
    #: Name of a matplotlib colormap for heat maps (low → high).
    sequential: str = "cividis"
    dark: bool = False


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def palette_from_theme(colours: Mapping[str, str]) -> ChartPalette:
    """A chart palette matching a theme's named colours (see ``resources/themes/*.json``)."""
    background = colours.get("card") or colours.get("base") or "#ffffff"
    dark = _luminance(background) < 0.5
    order = _DARK_ORDER if dark else _LIGHT_ORDER
    return ChartPalette(
        background=background,
        foreground=colours.get("text", "#000000"),
        muted=colours.get("muted", "#666666"),
        grid=colours.get("border", "#cccccc"),
        series=tuple(OKABE_ITO[name] for name in order),
        dark=dark,
    )


#: For exports and printing: dark text on white.
LIGHT = palette_from_theme({"card": "#ffffff", "text": "#23262b", "muted": "#5b6068", "border": "#d6d3cb"})
