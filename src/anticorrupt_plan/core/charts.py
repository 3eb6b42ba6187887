"""Horizontal bar charts as PNG images, with Thai labels shaped by HarfBuzz.

The only module that imports Pillow (PIL) and uharfbuzz, and only when a chart is drawn:
layout (:func:`chart_height_cm`) needs neither. Text is shaped with HarfBuzz (Thai marks
stacked as the font places them, which Pillow's own text drawing does only where the system
has FriBiDi), each glyph's outline filled four times over and scaled down to smooth its edges,
and set in Sarabun, the libre redrawing of TH Sarabun New that ships in ``core/fonts/`` with its
licence. Nothing depends on the clock, the machine's fonts or its locale, so the same chart
is the same bytes on every build with the same Pillow.

A chart has one row per category (a plan's มิติ or goals), bars side by side or stacked in
each, a legend above laid out in a fixed grid, values written at the end of the bars (and,
stacked, inside the segments wide enough), and an axis of round numbers below.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from anticorrupt_plan.core.thai import clusters as thai_clusters

Colour = tuple[int, int, int]

DPI = 200
CM = DPI / 2.54  # pixels per centimetre
LABEL_PT = 11.0  # Sarabun at 11 pt is about as large as TH SarabunIT๙ at 16 pt
SMALL_PT = 10.0
LEGEND_COLUMNS = 3
SUPERSAMPLE = 4  # each glyph is filled at four times the size and scaled down
SUBPIXEL = 4  # glyph positions kept to a quarter of a pixel

INK: Colour = (33, 33, 33)
GRID: Colour = (214, 214, 214)
WHITE: Colour = (255, 255, 255)


@dataclass(frozen=True)
class Series:
    name: str  # as the legend writes it
    colour: Colour


@dataclass(frozen=True)
class BarChart:
    """Rows of bars, one row per category; ``values[row][series]``."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    values: tuple[tuple[int, ...], ...]
    stacked: bool  # segments of one bar that add up, or one bar per series side by side
    width_cm: float
    show: Callable[[str], str]  # writes a number's digits (Thai or Arabic)
    whole: bool = True  # values are counts: axis steps of whole numbers
    axis_title: str = ""


# --- layout, in points of text size (no imaging needed) -------------------------------------------


def _px(points: float) -> float:
    return points * DPI / 72


def _legend_rows(series: int) -> int:
    return max(1, math.ceil(series / LEGEND_COLUMNS))


def _row_pitch(series: int, stacked: bool) -> float:
    bars = 1 if stacked else series
    return _px(LABEL_PT) * (0.75 + 1.05 * bars)


def chart_height_cm(rows: int, series: int, *, stacked: bool) -> float:
    """How tall a chart of ``rows`` categories and ``series`` series is drawn, in cm."""
    return _height_px(rows, series, stacked) / CM


def _height_px(rows: int, series: int, stacked: bool) -> int:
    line = _px(LABEL_PT) * 1.6
    top = line * _legend_rows(series) + line * 0.5
    bottom = line * 2.2  # tick labels and the axis title
    return math.ceil(top + max(rows, 1) * _row_pitch(series, stacked) + bottom)


# --- drawing --------------------------------------------------------------------------------------


def draw_bar_chart(chart: BarChart) -> bytes:
    """The chart as PNG bytes."""
    from PIL import Image

    width = round(chart.width_cm * CM)
    series = len(chart.series)
    height = _height_px(len(chart.categories), series, chart.stacked)
    image = Image.new("RGB", (width, height), WHITE)
    text = _text_setter()
    canvas = _Canvas(image, text)
    label_px, small_px = _px(LABEL_PT), _px(SMALL_PT)
    line = label_px * 1.6
    margin = round(label_px * 0.5)

    # The legend: a swatch and a name in each cell of a fixed grid.
    cell = (width - 2 * margin) / LEGEND_COLUMNS
    swatch = round(small_px * 0.8)
    for index, item in enumerate(chart.series):
        row, column = divmod(index, LEGEND_COLUMNS)
        x = round(margin + column * cell)
        middle = line * row + line * 0.5
        canvas.box(x, round(middle - swatch / 2), swatch, swatch, item.colour)
        name = _fit(text, item.name, small_px, cell - swatch - small_px)
        canvas.write(x + swatch + round(small_px * 0.4), middle, name, small_px, INK)

    top = line * _legend_rows(series) + line * 0.5
    pitch = _row_pitch(series, chart.stacked)
    labels = [chart.show(category) for category in chart.categories]
    label_width = max((text.width(label, label_px) for label in labels), default=0.0)
    left = round(min(margin + label_width + label_px * 0.6, width * 0.4))
    totals = [sum(row) if chart.stacked else max(row, default=0) for row in chart.values]
    largest = max(totals, default=0)
    step, ticks = _ticks(largest, whole=chart.whole)
    end_room = max(text.width(chart.show(_grouped(value)), small_px) for value in [*totals, 0])
    right = width - margin - round(end_room + small_px * 0.5)
    widest = max(text.width(chart.show(_grouped(step * k)), small_px) for k in range(ticks + 1))
    while ticks > 1 and (right - left) / ticks < widest + small_px * 2.5:
        step, ticks = step * 2, math.ceil(ticks / 2)  # fewer ticks, so their labels keep apart
    tick_texts = [chart.show(_grouped(step * k)) for k in range(ticks + 1)]
    span = step * ticks or 1
    scale = (right - left) / span
    bottom = top + len(labels) * pitch

    # The grid and the axis below it.
    for k, tick in enumerate(tick_texts):
        x = round(left + step * k * scale)
        canvas.box(x, round(top), 1 if k else 2, round(bottom - top), GRID if k else INK)
        tick_width = text.width(tick, small_px)
        canvas.write(round(x - tick_width / 2), bottom + small_px * 0.8, tick, small_px, INK)
    if chart.axis_title:
        title = chart.show(chart.axis_title)
        title_width = text.width(title, small_px)
        middle = round((left + right - title_width) / 2)
        canvas.write(middle, bottom + small_px * 2.1, title, small_px, INK)

    # The bars, row by row.
    bar = label_px * 0.95
    for row, (label, values) in enumerate(zip(labels, chart.values, strict=True)):
        y0 = top + row * pitch + label_px * 0.4
        canvas.write(
            margin,
            top + row * pitch + pitch / 2,
            _fit(text, label, label_px, left - margin),
            label_px,
            INK,
        )
        if chart.stacked:
            start = float(left)
            for value, item in zip(values, chart.series, strict=True):
                length = value * scale
                canvas.box(
                    round(start),
                    round(y0),
                    round(start + length) - round(start),
                    round(bar),
                    item.colour,
                )
                number = chart.show(_grouped(value))
                number_width = text.width(number, small_px)
                if value and length >= number_width + small_px * 0.6:
                    canvas.write(
                        round(start + (length - number_width) / 2),
                        y0 + bar / 2,
                        number,
                        small_px,
                        _on(item.colour),
                    )
                start += length
            total = chart.show(_grouped(sum(values)))
            canvas.write(round(start + small_px * 0.3), y0 + bar / 2, total, small_px, INK)
        else:
            for index, (value, item) in enumerate(zip(values, chart.series, strict=True)):
                top_y = y0 + index * bar * 1.05
                length = round(value * scale)
                canvas.box(left, round(top_y), length, round(bar), item.colour)
                number = chart.show(_grouped(value))
                canvas.write(
                    round(left + length + small_px * 0.3), top_y + bar / 2, number, small_px, INK
                )

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(DPI, DPI))
    return buffer.getvalue()


def _grouped(value: int) -> str:
    return f"{value:,}"


def _ticks(largest: int, *, whole: bool) -> tuple[int, int]:
    """A round step and how many steps take the axis past ``largest``: at most 5 steps."""
    if largest <= 0:
        return 1, 1
    rough = largest / 5
    magnitude = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    step = next(
        (m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough), 10 * magnitude
    )
    step_int = max(1, round(step)) if whole else max(1, int(step))
    return step_int, max(1, math.ceil(largest / step_int))


def _on(colour: Colour) -> Colour:
    """Text colour that reads on ``colour``."""
    red, green, blue = colour
    return INK if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else WHITE


def _fit(text: _TextSetter, words: str, size: float, room: float) -> str:
    """``words``, cut with an ellipsis if they would not fit in ``room`` pixels."""
    if text.width(words, size) <= room:
        return words
    clusters = thai_clusters(words)
    while clusters and text.width("".join(clusters) + "…", size) > room:
        clusters.pop()
    return "".join(clusters) + "…"


class _Canvas:
    def __init__(self, image: Any, text: _TextSetter) -> None:
        self.image = image
        self.text = text

    def box(self, x: int, y: int, width: int, height: int, colour: Colour) -> None:
        if width > 0 and height > 0:
            self.image.paste(colour, (x, y, x + width, y + height))

    def write(self, x: float, middle: float, words: str, size: float, colour: Colour) -> None:
        """``words`` from ``x``, centred on the line ``middle``."""
        self.text.draw(self.image, x, middle, words, size, colour)


# --- Thai text: HarfBuzz shapes, Pillow fills the outlines ----------------------------------------


def font_bytes() -> bytes:
    """Sarabun Regular, as shipped in ``core/fonts/`` (SIL Open Font License 1.1)."""
    return (
        resources.files("anticorrupt_plan.core").joinpath("fonts/Sarabun-Regular.ttf").read_bytes()
    )


@cache
def _text_setter() -> _TextSetter:
    return _TextSetter(font_bytes())


class _TextSetter:
    def __init__(self, data: bytes) -> None:
        import uharfbuzz

        self.hb = uharfbuzz
        self.face = uharfbuzz.Face(data)
        self.font = uharfbuzz.Font(self.face)
        self.upem = self.face.upem
        extents = self.font.get_font_extents("ltr")
        self.ascender, self.descender = extents.ascender, extents.descender
        self.glyphs: dict[tuple[int, float, int], tuple[Any, int, int] | None] = {}
        self.shaped: dict[str, list[tuple[int, int, int, int]]] = {}

    def _shape(self, words: str) -> list[tuple[int, int, int, int]]:
        """Each glyph of ``words``: (glyph, x offset, y offset, advance) in font units."""
        found = self.shaped.get(words)
        if found is None:
            buffer = self.hb.Buffer()
            buffer.add_str(words)
            buffer.guess_segment_properties()
            self.hb.shape(self.font, buffer, {})
            found = [
                (info.codepoint, pos.x_offset, pos.y_offset, pos.x_advance)
                for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
            ]
            self.shaped[words] = found
        return found

    def width(self, words: str, size: float) -> float:
        return float(sum(advance for *_, advance in self._shape(words)) * size / self.upem)

    def draw(
        self, image: Any, x: float, middle: float, words: str, size: float, colour: Colour
    ) -> None:
        scale = size / self.upem
        baseline = middle + (self.ascender + self.descender) / 2 * scale
        pen = x / scale
        for glyph, x_offset, y_offset, advance in self._shape(words):
            gx = (pen + x_offset) * scale
            left = math.floor(gx)
            mask = self._glyph(glyph, size, math.floor((gx - left) * SUBPIXEL))
            if mask is not None:
                bitmap, dx, dy = mask
                top = round(baseline - y_offset * scale) + dy
                box = (left + dx, top, left + dx + bitmap.width, top + bitmap.height)
                image.paste(colour, box, bitmap)
            pen += advance

    def _glyph(self, glyph: int, size: float, fraction: int) -> tuple[Any, int, int] | None:
        """The glyph's coverage as an 8-bit mask, and where its top left sits from the pen."""
        key = (glyph, size, fraction)
        if key in self.glyphs:
            return self.glyphs[key]
        from PIL import Image, ImageDraw

        pen = _Outline()
        self.font.draw_glyph_with_pen(glyph, pen)
        contours = [contour for contour in pen.contours if len(contour) > 2]
        if not contours:
            self.glyphs[key] = None
            return None
        factor = size * SUPERSAMPLE / self.upem
        shift = fraction * SUPERSAMPLE / SUBPIXEL
        points = [[(x * factor + shift, -y * factor) for x, y in contour] for contour in contours]
        xs = [x for contour in points for x, _ in contour]
        ys = [y for contour in points for _, y in contour]
        dx, dy = math.floor(min(xs) / SUPERSAMPLE) - 1, math.floor(min(ys) / SUPERSAMPLE) - 1
        width = math.ceil(max(xs) / SUPERSAMPLE) - dx + 2
        height = math.ceil(max(ys) / SUPERSAMPLE) - dy + 2
        big = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 0)
        draw = ImageDraw.Draw(big)
        placed = [[(x - dx * SUPERSAMPLE, y - dy * SUPERSAMPLE) for x, y in c] for c in points]
        # TrueType fills by winding: outer contours turn one way, holes the other. Fill the
        # outer ones, then cut the holes out of them.
        areas = [_area(contour) for contour in placed]
        outer = areas[max(range(len(areas)), key=lambda i: abs(areas[i]))] > 0
        for contour, area in zip(placed, areas, strict=True):
            if (area > 0) == outer:
                draw.polygon(contour, fill=255)
        for contour, area in zip(placed, areas, strict=True):
            if (area > 0) != outer:
                draw.polygon(contour, fill=0)
        found = (big.reduce(SUPERSAMPLE), dx, dy)
        self.glyphs[key] = found
        return found


def _area(contour: Sequence[tuple[float, float]]) -> float:
    return sum(
        contour[i - 1][0] * contour[i][1] - contour[i][0] * contour[i - 1][1]
        for i in range(len(contour))
    )


CURVE_STEPS = 4  # straight pieces per curve: within a fraction of a pixel at these sizes


class _Outline:
    """A pen that flattens a glyph's outline into polygons (HarfBuzz's draw callbacks)."""

    def __init__(self) -> None:
        self.contours: list[list[tuple[float, float]]] = []
        self.current: list[tuple[float, float]] = []

    def moveTo(self, point: tuple[float, float]) -> None:
        self.current = [point]

    def lineTo(self, point: tuple[float, float]) -> None:
        self.current.append(point)

    def qCurveTo(self, *points: tuple[float, float] | None) -> None:
        # A TrueType spline: on-curve points are implied midway between control points.
        last = points[-1]
        if last is None:  # a closed spline with no point on the curve: not in Sarabun
            return
        start = self.current[-1]
        controls = [point for point in points[:-1] if point is not None]
        for index, control in enumerate(controls):
            if index + 1 < len(controls):
                following = controls[index + 1]
                end = ((control[0] + following[0]) / 2, (control[1] + following[1]) / 2)
            else:
                end = last
            for step in range(1, CURVE_STEPS + 1):
                t = step / CURVE_STEPS
                a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
                self.current.append(
                    (
                        a * start[0] + b * control[0] + c * end[0],
                        a * start[1] + b * control[1] + c * end[1],
                    )
                )
            start = end

    def curveTo(
        self, first: tuple[float, float], second: tuple[float, float], end: tuple[float, float]
    ) -> None:
        start = self.current[-1]
        for step in range(1, CURVE_STEPS + 1):
            t = step / CURVE_STEPS
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
            self.current.append(
                (
                    a * start[0] + b * first[0] + c * second[0] + d * end[0],
                    a * start[1] + b * first[1] + c * second[1] + d * end[1],
                )
            )

    def closePath(self) -> None:
        if self.current:
            self.contours.append(self.current)
        self.current = []

    def endPath(self) -> None:
        self.closePath()
