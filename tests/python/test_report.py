"""`sqlite-arabic report` seen in a real browser: Debian's headless Chromium
lays the page out, and a script added to a copy of the page counts what it
shows (charts, lines, points, circles, bars, labels, table rows), checks that
every chart has a size and every label lies inside its chart, and that the
page fetched nothing. The counts are compared with what the database holds,
asked independently in SQL."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
from sqlite_arabic import cli, report  # noqa: E402

CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND"]

# Runs in the page after it is laid out; writes what it measured into <pre id="measured">.
MEASURE = r"""<script>
(function () {
  const out = {charts: {}, tables: {}, text: document.body.innerText,
               resources: performance.getEntriesByType('resource').length};
  for (const fig of document.querySelectorAll('figure')) {
    const svg = fig.querySelector('svg');
    if (!svg) { out.charts[fig.id] = {empty: fig.innerText}; continue; }
    const box = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    const outside = [];
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.width <= 0 || b.x < -1 || b.y < -1 || b.x + b.width > vb.width + 1 || b.y + b.height > vb.height + 1)
        outside.push(t.textContent);
    }
    out.charts[fig.id] = {
      width: box.width, height: box.height,
      series: svg.querySelectorAll('g.series').length,
      points: Array.from(svg.querySelectorAll('g.series polyline'), p => p.points.numberOfItems),
      dots: svg.querySelectorAll('g.series circle').length,
      keys: Array.from(svg.querySelectorAll('g.key text'), t => t.textContent),
      nodes: svg.querySelectorAll('circle.node').length,
      labels: Array.from(svg.querySelectorAll('text.label'), t => t.textContent),
      edges: svg.querySelectorAll('line.edge').length,
      bars: svg.querySelectorAll('rect.bar').length,
      tooltips: svg.querySelectorAll('title').length,
      outside: outside};
  }
  for (const t of document.querySelectorAll('table'))
    out.tables[t.id] = Array.from(t.tBodies[0].rows, r => Array.from(r.cells, c => c.innerText));
  const pre = document.createElement('pre');
  pre.id = 'measured';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def render_in_chromium(html_path, profile):
    # the browser loads no extension: none of the sanitizer runtime make test-asan preloads
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    p = subprocess.run([CHROMIUM] + CHROMIUM_FLAGS + [f"--user-data-dir={profile}", "--virtual-time-budget=5000",
                                                      "--dump-dom", "file://" + html_path],
                       capture_output=True, text=True, timeout=120, env=env)
    m = re.search(r'<pre id="measured">(.*?)</pre>', p.stdout, re.S)
    if not m:
        raise AssertionError(f"chromium showed no measurements (exit {p.returncode}):\n{p.stderr[-2000:]}")
    return json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


@unittest.skipUnless(CHROMIUM, "Debian's chromium")
class ReportInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="report-test-")
        cls.db_path = os.path.join(cls.tmp, "news.db")
        assert cli.main(["import", os.path.join(ROOT, "sql", "sample"), cls.db_path, "--quiet"]) == 0
        cls.html = os.path.join(cls.tmp, "report.html")
        db = cli.open_corpus(cls.db_path)
        report.write_report(db, cls.html, title="تقرير الأخبار")
        cls.db = db
        with open(cls.html, encoding="utf-8") as f:
            cls.page = f.read()
        measured_page = os.path.join(cls.tmp, "measured.html")
        with open(measured_page, "w", encoding="utf-8") as f:
            f.write(cls.page.replace("</body>", MEASURE + "</body>"))
        cls.shown = render_in_chromium(measured_page, os.path.join(cls.tmp, "profile"))

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def sql(self, query, *args):
        return self.db.execute(query, args).fetchall()

    def test_self_contained(self):
        # nothing to fetch: no src, href, url() or @import, no script; the only URL is SVG's namespace
        self.assertEqual(re.findall(r"\b(?:src|href)\s*=|url\(|@import|<script|<link", self.page), [])
        self.assertEqual(set(re.findall(r"https?://[^\"' )]+", self.page)), {"http://www.w3.org/2000/svg"})
        self.assertEqual(self.shown["resources"], 0)

    def test_weekly_trend(self):
        chart = self.shown["charts"]["trend"]
        weeks = self.sql("SELECT count(DISTINCT week) FROM source_weeks")[0][0]
        top = [r[0] for r in self.sql("SELECT canonical FROM entity_counts WHERE type <> 'DATE' "
                                      "ORDER BY articles DESC, mentions DESC, canonical LIMIT 8")]
        self.assertGreater(chart["width"], 300)
        self.assertGreater(chart["height"], 200)
        self.assertEqual(chart["keys"], top)
        self.assertEqual(chart["points"], [weeks] * len(top))
        # a dot for each week an entity is in the news
        dots = self.sql(f"SELECT count(*) FROM (SELECT DISTINCT week, canonical FROM entity_weeks "
                        f"WHERE type <> 'DATE' AND canonical IN ({','.join('?' * len(top))}))", *top)[0][0]
        self.assertEqual(chart["dots"], dots)
        self.assertEqual(chart["outside"], [])

    def test_network(self):
        chart = self.shown["charts"]["network"]
        leaders = [r[0] for r in self.sql("SELECT canonical FROM entity_counts WHERE type <> 'DATE' "
                                          "ORDER BY articles DESC, mentions DESC, canonical LIMIT 24")]
        marks = ",".join("?" * len(leaders))
        pairs = self.sql(f"SELECT a, b FROM cooccurrence WHERE a IN ({marks}) AND b IN ({marks}) "
                         "ORDER BY articles DESC, a, b LIMIT 60", *(leaders + leaders))
        linked = {a for a, _ in pairs} | {b for _, b in pairs}
        self.assertEqual(chart["edges"], len(pairs))
        self.assertEqual(chart["nodes"], len(linked))
        self.assertEqual(sorted(chart["labels"]), sorted(linked))
        self.assertEqual(chart["outside"], [])
        self.assertEqual(chart["keys"], ["people", "places", "organizations"])

    def test_sources_over_time(self):
        chart = self.shown["charts"]["sources"]
        self.assertEqual(chart["bars"], self.sql("SELECT count(*) FROM source_weeks")[0][0])
        self.assertEqual(sorted(chart["keys"]), sorted(
            r[0] for r in self.sql("SELECT DISTINCT coalesce(source, '(no source)') FROM articles")))
        self.assertEqual(chart["outside"], [])

    def test_tables_and_text(self):
        tables = self.shown["tables"]
        people = [[n, str(a), str(m)] for n, a, m in self.sql(
            "SELECT canonical, articles, mentions FROM entity_counts WHERE type = 'PERSON' "
            "ORDER BY articles DESC, mentions DESC, canonical LIMIT 15")]
        self.assertEqual(tables["top-people"], people)
        self.assertEqual(len(tables["source-table"]), len(self.sql("SELECT DISTINCT source FROM articles")))
        spelled = {(p, w): s for p, w, s in tables["spellings"]}
        self.assertEqual(spelled[("دونالد ترامب", "ترامب")], "ترامب (4)، ترمب (3)")
        self.assertIn("تقرير الأخبار", self.shown["text"])
        self.assertIn("10 articles, published 2025-03-03 to 2025-03-19 (2 without a date)", self.shown["text"])


class WeeksOfTheCharts(unittest.TestCase):
    """Stray dates years away do not flatten the weekly charts."""

    def test_stray_years_are_left_out(self):
        mondays = report.weeks_between("2018-01-01", "2018-03-05")  # 10 weeks
        counts = [("2012-10-08", 1), ("2014-01-06", 3)] + [(m, 40) for m in mondays]
        weeks, left_out = report.chart_weeks(counts)
        self.assertEqual((weeks, left_out), (mondays, 4))

    def test_a_small_corpus_is_shown_whole(self):
        weeks, left_out = report.chart_weeks([("2025-03-03", 1), ("2025-03-10", 4), ("2025-03-17", 3)])
        self.assertEqual((weeks, left_out), (["2025-03-03", "2025-03-10", "2025-03-17"], 0))


if __name__ == "__main__":
    unittest.main()
