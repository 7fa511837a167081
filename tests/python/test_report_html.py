"""The HTML report as a page: self-contained (nothing loaded from the network), charts inline as
SVG, findings grouped by severity, a print stylesheet; and rendered in a real browser (headless
Chromium, Debian `chromium`): no script errors, the charts are there, the screenshot is not blank
and the page prints to PDF."""

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import kinerja

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian: chromium; scripts/setup)")


@pytest.fixture(scope="module")
def plan():
    return kinerja.bundled_plan()


@pytest.fixture(scope="module")
def page(plan):
    return kinerja.build_report(plan).render("html")


@pytest.fixture(scope="module")
def page_file(page, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.refs, self.ids, self.h3 = [], [], [], []
        self._in_h3 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "data", "poster", "srcset"):
                self.refs.append(value)
            if name == "id" and tag == "svg":
                self.ids.append(value)
        self._in_h3 = tag == "h3"

    def handle_data(self, data):
        if self._in_h3:
            self.h3.append(data)
            self._in_h3 = False


def _parse(page):
    p = _Page()
    p.feed(page)
    p.close()
    return p


def test_the_page_loads_nothing_from_the_network(page):
    p = _parse(page)
    # every reference points inside the page; no script, stylesheet link, image, frame or font file
    assert p.refs and all(r.startswith("#") for r in p.refs), [r for r in p.refs if not r.startswith("#")]
    for tag in ("script", "link", "img", "iframe", "object", "embed"):
        assert tag not in p.tags
    # a url() only names a clip path of the same page
    assert re.findall(r"url\(([^)]*)\)", page) and all(u.startswith("#") for u in re.findall(r"url\(([^)]*)\)", page))
    assert "@import" not in page


def test_the_charts_are_inline_svg(page):
    p = _parse(page)
    # achievement per sasaran, budget of the first plan year, budget of the latest year with a realization, cascade
    assert p.ids == ["chart-achievement", "chart-budget", "chart-absorption", "chart-cascade"]
    assert page.count("<svg ") == 4
    # their text is text (svg.fonttype none): a reader can search it, a printer prints it sharp
    assert ">Achievement against target by sasaran indicator, 2021 (earlier period)<" in page
    assert ">Budget and absorption by program, 2024 (no realization yet)<" in page
    assert ">Budget and absorption by program, 2022<" in page


def test_the_page_has_a_print_stylesheet(page):
    style = page[page.index("<style>"): page.index("</style>")]
    assert "@media print" in style
    media = style[style.index("@media print"):]
    assert "thead{display:table-header-group}" in media and "@page" in media


def test_the_findings_are_grouped_by_severity(page, plan):
    counts = {sev: sum(f.severity == sev for f in plan.check()) for sev in ("error", "warning", "info")}
    p = _parse(page)
    groups = [h for h in p.h3 if re.match(r"(Error|Warning|Info)s \(\d+\)$", h)]
    assert groups == [f"Errors ({counts['error']})", f"Warnings ({counts['warning']})", f"Infos ({counts['info']})"]
    for sev in counts:
        table = page.split(f'class="kinerja-findings findings-{sev}"')[1].split("</table>")[0]
        assert table.count("<tr class=") == counts[sev]


def _run(args, timeout=120):
    return subprocess.run([CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
                           "--no-first-run", "--disable-extensions", *args], capture_output=True, text=True,
                          timeout=timeout)


@needs_chromium
def test_chromium_renders_the_page_with_its_charts(page_file):
    done = _run(["--dump-dom", page_file.as_uri()])
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count("<svg ") == 4
    for cid in ("chart-achievement", "chart-budget", "chart-absorption", "chart-cascade"):
        assert f'id="{cid}"' in dom


@needs_chromium
def test_chromium_logs_no_script_error(page_file):
    done = _run(["--enable-logging=stderr", "--v=0", "--dump-dom", page_file.as_uri()])
    assert done.returncode == 0
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []


@needs_chromium
def test_the_screenshot_is_not_blank(page_file, tmp_path):
    Image = pytest.importorskip("PIL.Image")
    shot = tmp_path / "report.png"
    done = _run([f"--screenshot={shot}", "--window-size=1200,3000", "--hide-scrollbars", page_file.as_uri()])
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    image = Image.open(shot).convert("L")
    assert image.size == (1200, 3000)
    pixels = list(image.getdata())
    mean = sum(pixels) / len(pixels)
    variance = sum((x - mean) ** 2 for x in pixels) / len(pixels)
    dark = sum(x < 128 for x in pixels) / len(pixels)
    # a blank (white) page has variance 0; text, tables and charts make it several hundred
    assert variance > 300 and 0.005 < dark < 0.6, (mean, variance, dark)
    # the charts are drawn: the lower half of the window (the charts come after the summary) holds colour
    rgb = Image.open(shot).convert("RGB").crop((0, 1000, 1200, 3000))
    coloured = sum(1 for r, g, b in rgb.getdata() if max(r, g, b) - min(r, g, b) > 60)
    assert coloured > 20_000


@needs_chromium
def test_the_page_prints_to_pdf(page_file, tmp_path):
    pdf = tmp_path / "report.pdf"
    done = _run([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page_file.as_uri()])
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages > 5  # A4 landscape pages of the summary, charts and every table
    # the print stylesheet's page size: A4 landscape, 842 x 595 points
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]", data)
    assert box and round(float(box.group(1))) == 842 and round(float(box.group(2))) == 595
