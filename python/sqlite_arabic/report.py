"""sqlite-arabic report: one self-contained HTML page about a corpus.

    sqlite-arabic report news.db -o report.html

The page has three charts, drawn as inline SVG (no script, no font, no
image, nothing fetched: it reads the same offline, from a mail attachment or
a USB stick), and tables:

  - the articles that mention each of the top entities, week by week;
  - who appears with whom: the top entities as a network whose edges are the
    articles two of them share;
  - the articles of each source, week by week;
  - tables of the top people, places and organizations, the strongest pairs,
    the spellings of the top people's names and the sources.

Everything comes from the views of sql/views.sql (entity_counts,
cooccurrence, entity_weeks, source_weeks, spellings). Hovering a point, a
bar, a node or an edge shows its numbers (SVG <title>).
"""
import datetime
import html
import json
import math

from . import __version__

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22")
TYPE_COLORS = {"PERSON": "#1f77b4", "LOCATION": "#2ca02c", "ORGANIZATION": "#ff7f0e"}
TYPE_NAMES = {"PERSON": "people", "LOCATION": "places", "ORGANIZATION": "organizations"}
NO_SOURCE = "(no source)"
OTHER_SOURCES = "(other sources)"


def esc(text):
    return html.escape("" if text is None else str(text), quote=True)


def weeks_between(first, last):
    """Every Monday from first to last (YYYY-MM-DD Mondays)."""
    day = datetime.date.fromisoformat(first)
    end = datetime.date.fromisoformat(last)
    out = []
    while day <= end:
        out.append(day.isoformat())
        day += datetime.timedelta(days=7)
    return out


def tick_step(value):
    """The step of 4 or fewer ticks up to value: a whole 1, 2 or 5 times a power of ten."""
    rough = max(value / 4, 1)
    power = 10 ** math.floor(math.log10(rough))
    for step in (1, 2, 5, 10):
        if step * power >= rough:
            return step * power
    return 10 * power


def axis_max(value):
    step = tick_step(value)
    return step * max(math.ceil(value / step), 1)


def chart_weeks(week_counts, gap_weeks=12, share=0.05):
    """The weeks the charts show, and how many dated articles fall outside
    them. A few stray dates years away (a mistyped year, an old article)
    would flatten a chart into one spike, so the dated weeks are cut into
    runs wherever more than gap_weeks weeks have no article; the charts show
    the run with the most articles, and the runs next to it that hold at least
    `share` of the dated articles."""
    if not week_counts:
        return [], 0
    runs = [[week_counts[0]]]
    for week, n in week_counts[1:]:
        days = (datetime.date.fromisoformat(week) - datetime.date.fromisoformat(runs[-1][-1][0])).days
        if days > 7 * (gap_weeks + 1):
            runs.append([])
        runs[-1].append((week, n))
    mass = [sum(n for _, n in run) for run in runs]
    total = sum(mass)
    first = last = mass.index(max(mass))
    while first > 0 and mass[first - 1] >= share * total:
        first -= 1
    while last < len(runs) - 1 and mass[last + 1] >= share * total:
        last += 1
    left_out = total - sum(mass[first:last + 1])
    return weeks_between(runs[first][0][0], runs[last][-1][0]), left_out


def week_label_step(n_weeks, width):
    return max(1, math.ceil(n_weeks * 84 / width))


# ---- charts -----------------------------------------------------------------

def axes(x0, y0, width, height, y_max, weeks, label_step):
    """Axis lines, y ticks and week labels of a chart with origin (x0, y0 + height)."""
    parts = [f'<line class="axis" x1="{x0}" y1="{y0 + height}" x2="{x0 + width}" y2="{y0 + height}"/>',
             f'<line class="axis" x1="{x0}" y1="{y0}" x2="{x0}" y2="{y0 + height}"/>']
    step = tick_step(y_max)
    for i in range(int(y_max / step) + 1):
        value = step * i
        y = y0 + height - height * value / y_max
        parts.append(f'<line class="grid" x1="{x0}" y1="{y:.1f}" x2="{x0 + width}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tick" x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{value:g}</text>')
    step = width / max(len(weeks), 1)
    for i, week in enumerate(weeks):
        if i % label_step == 0:
            x = x0 + step * (i + 0.5)
            parts.append(f'<text class="tick week" x="{x:.1f}" y="{y0 + height + 16}" text-anchor="middle">'
                         f'{esc(week)}</text>')
    return parts


def legend(items, x, y, width):
    """Colored keys in rows; returns (svg parts, height used)."""
    parts, cx, cy = [], x, y
    for color, label in items:
        w = 28 + 8 * len(label)
        if cx + w > x + width and cx > x:
            cx, cy = x, cy + 20
        parts.append(f'<g class="key"><rect x="{cx}" y="{cy - 10}" width="12" height="12" fill="{color}"/>'
                     f'<text x="{cx + 18}" y="{cy}">{esc(label)}</text></g>')
        cx += w
    return parts, cy - y + 20


def trend_chart(weeks, series, width=900, height=300):
    """One line per entity: the articles that mention it each week."""
    keys, legend_h = legend([(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)],
                            60, 18, width - 80)
    x0, y0, w, h = 60, 18 + legend_h, width - 80, height
    y_max = axis_max(max([max(counts.values(), default=0) for _, counts in series] + [1]))
    parts = axes(x0, y0, w, h, y_max, weeks, week_label_step(len(weeks), w))
    step = w / max(len(weeks), 1)
    for i, (name, counts) in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        points = []
        for j, week in enumerate(weeks):
            x = x0 + step * (j + 0.5)
            y = y0 + h - h * counts.get(week, 0) / y_max
            points.append((x, y, week, counts.get(week, 0)))
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in points)
        dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{esc(name)}, week of {esc(week)}: '
                       f'{n} articles</title></circle>' for x, y, week, n in points if n)
        parts.append(f'<g class="series" data-name="{esc(name)}" fill="{color}" stroke="{color}">'
                     f'<polyline fill="none" stroke-width="2" points="{line}"/>{dots}</g>')
    return svg("trend", width, y0 + h + 30, keys + parts,
               "Articles that mention each of the top entities, week by week")


def label_width(text):
    """About how wide a 12px label is (Arabic letters run 6 to 7 px)."""
    return 7 * len(text) + 6


def layout_network(names, edges, width, height, radius, iterations=400):
    """Positions of the nodes: a force layout (edges pull, nodes push, a pull
    to the middle holds it together), started on a circle, so the same data
    gives the same picture."""
    n = len(names)
    pos = {name: [width / 2 + width / 3 * math.cos(2 * math.pi * i / n),
                  height / 2 + height / 3 * math.sin(2 * math.pi * i / n)] for i, name in enumerate(names)}
    k = math.sqrt(width * height / max(n, 1)) * 0.6
    strongest = max([c for _, _, c in edges] + [1])
    for it in range(iterations):
        move = {name: [0.0, 0.0] for name in names}
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = max(math.hypot(dx, dy), 1.0)
                f = k * k / d
                move[a][0] += dx / d * f
                move[a][1] += dy / d * f
                move[b][0] -= dx / d * f
                move[b][1] -= dy / d * f
        for a, b, count in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 1.0)
            f = (d - k) * (0.05 + 0.25 * count / strongest)  # a spring of rest length k
            move[a][0] -= dx / d * f
            move[a][1] -= dy / d * f
            move[b][0] += dx / d * f
            move[b][1] += dy / d * f
        for name in names:
            # gravity: the further from the middle, the stronger the pull back
            move[name][0] += (width / 2 - pos[name][0]) * 0.05
            move[name][1] += (height / 2 - pos[name][1]) * 0.05
        temperature = width / 8 * (1 - it / iterations) + 0.5
        for name in names:
            dx, dy = move[name]
            d = max(math.hypot(dx, dy), 1e-9)
            pos[name][0] += dx / d * min(d, temperature)
            pos[name][1] += dy / d * min(d, temperature)
    # fit the drawing into the box, leaving room for the labels
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x, span_y = max(max(xs) - min(xs), 1), max(max(ys) - min(ys), 1)
    fit = {name: [110 + (p[0] - min(xs)) / span_x * (width - 220),
                  50 + (p[1] - min(ys)) / span_y * (height - 100)] for name, p in pos.items()}
    # then move apart the nodes whose labels would touch: each node with its
    # label is a box, and two boxes that overlap are pushed apart along the
    # axis where they overlap least
    # (a circle of radius r with its label above it: from y - r - 16 to y + r)
    half_w = {name: max(label_width(name), 2 * radius[name]) / 2 + 4 for name in names}
    half_h = {name: radius[name] + 10 for name in names}
    middle = {name: -8 for name in names}
    for _ in range(400):
        moved = False
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                dx, dy = fit[a][0] - fit[b][0], fit[a][1] + middle[a] - fit[b][1] - middle[b]
                ox, oy = half_w[a] + half_w[b] - abs(dx), half_h[a] + half_h[b] - abs(dy)
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                axis, push = (0, ox) if ox / (half_w[a] + half_w[b]) < oy / (half_h[a] + half_h[b]) else (1, oy)
                sign = 1 if (dx if axis == 0 else dy) >= 0 else -1
                fit[a][axis] += sign * push / 2
                fit[b][axis] -= sign * push / 2
        for name in names:
            fit[name][0] = min(max(fit[name][0], half_w[name] + 2), width - half_w[name] - 2)
            fit[name][1] = min(max(fit[name][1], radius[name] + 18), height - radius[name] - 24)
        if not moved:
            break
    return {name: tuple(p) for name, p in fit.items()}


def network_chart(nodes, edges, width=900, height=560):
    """nodes: (name, type, articles); edges: (a, b, articles shared)."""
    linked = {a for a, _, _ in edges} | {b for _, b, _ in edges}
    nodes = [node for node in nodes if node[0] in linked]  # an entity that shares no article is in the tables
    if len(nodes) < 2:
        return empty_chart("network", "No two entities share an article: no network to draw")
    names = [name for name, _, _ in nodes]
    most = max(articles for _, _, articles in nodes)
    radius = {name: 5 + 15 * math.sqrt(articles / most) for name, _, articles in nodes}
    pos = layout_network(names, edges, width, height, radius)
    strongest = max([c for _, _, c in edges] + [1])
    parts = []
    for a, b, count in edges:
        (x1, y1), (x2, y2) = pos[a], pos[b]
        parts.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke-width="{1 + 5 * count / strongest:.1f}"><title>{esc(a)} – {esc(b)}: '
                     f'{count} articles</title></line>')
    for name, kind, articles in nodes:
        x, y = pos[name]
        parts.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{radius[name]:.1f}" '
                     f'fill="{TYPE_COLORS.get(kind, "#7f7f7f")}"><title>{esc(name)} ({esc(kind)}): '
                     f'{articles} articles</title></circle>')
    for name, _, _ in nodes:  # labels last, over every circle and line
        x, y = pos[name]
        parts.append(f'<text class="label" x="{x:.1f}" y="{y - radius[name] - 4:.1f}" '
                     f'text-anchor="middle">{esc(name)}</text>')
    keys, _ = legend([(TYPE_COLORS[t], TYPE_NAMES[t]) for t in TYPE_COLORS], 20, height - 6, width)
    return svg("network", width, height + 10, parts + keys,
               "Who appears with whom: a line joins two entities named in the same articles")


def sources_chart(weeks, sources, counts, width=900, height=260):
    """Stacked bars: the articles of each source, week by week."""
    colors = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}
    keys, legend_h = legend([(colors[s], s) for s in sources], 60, 18, width - 80)
    x0, y0, w, h = 60, 18 + legend_h, width - 80, height
    totals = [sum(counts.get((week, s), 0) for s in sources) for week in weeks]
    y_max = axis_max(max(totals + [1]))
    parts = axes(x0, y0, w, h, y_max, weeks, week_label_step(len(weeks), w))
    step = w / max(len(weeks), 1)
    bar = max(step * 0.7, 1)
    for j, week in enumerate(weeks):
        base = y0 + h
        for s in sources:
            n = counts.get((week, s), 0)
            if not n:
                continue
            bh = h * n / y_max
            base -= bh
            parts.append(f'<rect class="bar" x="{x0 + step * j + (step - bar) / 2:.1f}" y="{base:.1f}" '
                         f'width="{bar:.1f}" height="{bh:.1f}" fill="{colors[s]}"><title>{esc(s)}, week of '
                         f'{esc(week)}: {n} articles</title></rect>')
    return svg("sources", width, y0 + h + 30, keys + parts, "Articles of each source, week by week")


def svg(name, width, height, parts, caption):
    return (f'<figure id="{name}"><svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {width} {height:.0f}" width="{width}" height="{height:.0f}">'
            f'<title>{esc(caption)}</title>{"".join(parts)}</svg><figcaption>{esc(caption)}</figcaption></figure>')


def empty_chart(name, message):
    return f'<figure id="{name}"><p class="empty">{esc(message)}</p></figure>'


def table(name, columns, rows):
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f'<td dir="auto">{esc(v)}</td>' for v in r) + "</tr>" for r in rows)
    if not rows:
        body = f'<tr><td colspan="{len(columns)}" class="empty">none</td></tr>'
    return f'<table id="{name}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


# ---- the page ---------------------------------------------------------------

def gather(db, top):
    """Everything the page shows, read from the views."""
    d = {}
    d["articles"], d["first"], d["last"], d["undated"] = db.execute(
        "SELECT count(*), min(published), max(published), count(*) - count(published) FROM articles").fetchone()
    d["mentions"] = db.execute("SELECT count(*) FROM entities").fetchone()[0]
    d["top"] = {t: db.execute("SELECT canonical, articles, mentions FROM entity_counts WHERE type = ? "
                              "ORDER BY articles DESC, mentions DESC, canonical LIMIT 15", (t,)).fetchall()
                for t in TYPE_NAMES}
    leaders = db.execute("SELECT canonical, type, articles FROM entity_counts WHERE type <> 'DATE' "
                         "ORDER BY articles DESC, mentions DESC, canonical LIMIT 24").fetchall()
    d["leaders"] = leaders
    names = [name for name, _, _ in leaders]
    marks = ",".join("?" * len(names)) or "NULL"
    d["pairs"] = db.execute(f"SELECT a, b, articles FROM cooccurrence WHERE a IN ({marks}) AND b IN ({marks}) "
                            "ORDER BY articles DESC, a, b LIMIT 60", names + names).fetchall()
    trend_names = names[:top]
    marks = ",".join("?" * len(trend_names)) or "NULL"
    weekly = {}
    for week, name, articles in db.execute(
            f"SELECT week, canonical, sum(articles) FROM entity_weeks WHERE canonical IN ({marks}) "
            "AND type <> 'DATE' GROUP BY week, canonical", trend_names):
        weekly.setdefault(name, {})[week] = articles
    d["series"] = [(name, weekly.get(name, {})) for name in trend_names]
    d["weeks"], d["left_out"] = chart_weeks(
        db.execute("SELECT week, sum(articles) FROM source_weeks GROUP BY week ORDER BY week").fetchall())
    by_source = db.execute("SELECT coalesce(source, ?), count(*), min(published), max(published) FROM articles "
                           "GROUP BY source ORDER BY count(*) DESC, source", (NO_SOURCE,)).fetchall()
    d["source_table"] = by_source
    shown = [s for s, _, _, _ in by_source[:7]]
    counts = {}
    for week, source, n in db.execute("SELECT week, coalesce(source, ?), articles FROM source_weeks", (NO_SOURCE,)):
        key = (week, source if source in shown else OTHER_SOURCES)
        counts[key] = counts.get(key, 0) + n
    d["sources"] = shown + ([OTHER_SOURCES] if len(by_source) > len(shown) else [])
    d["source_counts"] = counts
    people = [name for name, _, _ in d["top"]["PERSON"][:8]]
    d["spellings"] = []
    if people:
        from .cli import SPELLINGS_SQL
        rows = db.execute(SPELLINGS_SQL % (
            "p.key AS name, t.position, t.token AS word FROM json_each(?) AS p, arabic_tokens(p.value, 'stem 0') AS t",
            "w.name, w.position"), (json.dumps(people, ensure_ascii=False),)).fetchall()
        spellings = {}
        for name, _, word, spelling, articles, _ in rows:
            spellings.setdefault((int(name), word), []).append(f"{spelling} ({articles})")
        d["spellings"] = [(people[i], word, "، ".join(found)) for (i, word), found in spellings.items()]
    return d


STYLE = """
body{font-family:"Noto Sans Arabic","DejaVu Sans",Tahoma,Arial,sans-serif;margin:2em auto;max-width:960px;
color:#222;line-height:1.5;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
.summary{color:#555}figure{margin:1em 0}figcaption{color:#555;font-size:.9em}
svg.chart{max-width:100%;height:auto;font-size:12px}
.axis{stroke:#444}.grid{stroke:#e5e5e5}.tick{fill:#555;font-size:11px}
.edge{stroke:#999;stroke-opacity:.6}.label{font-size:12px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
circle.node{stroke:#fff;stroke-width:1.5}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.95em}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:start}th{background:#f3f3f3}
td:nth-child(n+2){font-variant-numeric:tabular-nums}.empty{color:#888}
.tables{display:flex;flex-wrap:wrap;gap:1.5em}.tables section{flex:1 1 260px}
footer{margin-top:3em;color:#888;font-size:.85em}
"""


def render(d, title):
    parts = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">'
             f'<title>{esc(title)}</title><style>{STYLE}</style></head><body>',
             f'<h1 dir="auto">{esc(title)}</h1>',
             f'<p class="summary" id="summary">{d["articles"]} articles'
             + (f', published {esc(d["first"])} to {esc(d["last"])}' if d["first"] else "")
             + (f' ({d["undated"]} without a date)' if d["undated"] else "")
             + f'; {d["mentions"]} entity mentions; {len(d["source_table"])} sources.'
             + (f' The weekly charts show {esc(d["weeks"][0])} to {esc(d["weeks"][-1])}: {d["left_out"]} '
                'articles dated far from the rest are left out of them.' if d["left_out"] else "")
             + '</p>']
    parts.append("<h2>Who is in the news, week by week</h2>")
    if d["weeks"] and d["series"]:
        parts.append(trend_chart(d["weeks"], d["series"]))
    else:
        parts.append(empty_chart("trend", "No dated articles: no weekly chart"))
    parts.append("<h2>Who appears with whom</h2>")
    parts.append(network_chart(d["leaders"], d["pairs"]))
    parts.append("<h2>Sources over time</h2>")
    if d["weeks"]:
        parts.append(sources_chart(d["weeks"], d["sources"], d["source_counts"]))
    else:
        parts.append(empty_chart("sources", "No dated articles: no weekly chart"))
    parts.append('<h2>The most mentioned</h2><div class="tables">')
    for kind, label in TYPE_NAMES.items():
        parts.append(f"<section><h3>{label.capitalize()}</h3>"
                     + table(f"top-{label}", ("name", "articles", "mentions"), d["top"][kind]) + "</section>")
    parts.append("</div><h2>Pairs</h2>")
    parts.append(table("pairs", ("entity", "entity", "articles"), d["pairs"][:25]))
    parts.append("<h2>How the top people's names are spelled</h2>")
    parts.append(table("spellings", ("person", "word", "spellings in the index (articles)"), d["spellings"]))
    parts.append("<h2>Sources</h2>")
    parts.append(table("source-table", ("source", "articles", "first", "last"), d["source_table"]))
    parts.append(f"<footer>Made by sqlite-arabic {esc(__version__)} on "
                 f"{datetime.date.today().isoformat()}. Counts are articles unless marked as mentions.</footer>")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_report(db, path, title, top=8):
    page = render(gather(db, top), title)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
