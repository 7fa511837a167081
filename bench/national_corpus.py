"""A deterministic synthetic national corpus of plans (docs/performance.md, "A national corpus").

Indonesia has 514 regencies and cities, each with some 30-50 agencies (OPD), each with a
Renstra. This module writes such a corpus: ``regions`` x ``agencies`` plan files
(``REGION/AGENCY.yaml``), by default 514 x 40 = 20,560, built by varying real plan shapes: the
bundled plan (Kota Bekasi DPPPA, 181 KB: urusan, RPD goals, tujuan, sasaran, programmes,
kegiatan, sub-kegiatan, pagu, history and an earlier version) and the real plans transcribed in
tests/data/real (RPJMD, Renstra and LKjIP tables of 1-7 KB: sasaran with IKU, programmes with
pagu and realization, placeholders, ranges and typos as printed).

Each plan (the same plan for the same seed, region and agency, whatever else is generated):

- takes one template and a target size drawn from a log-normal of median 40 KB, clipped to
  10 KB .. 400 KB (the bundled plan only for targets of 120 KB or more, being 160 KB itself);
- repeats the template's nodes until it reaches about that size: each copy is another urusan
  (its codes' first two segments replaced, ids suffixed, parents and references renamed with
  them), the way an agency's Renstra lists one block of programmes per affair it handles;
- gets its own identity (id, title, organisation, region);
- keeps its values as printed (70 % of plans), or has 1 % (25 %) or 5 % (5 %) of its printed
  values varied: a digit mistyped (a sum or an achievement that no longer agrees), a placeholder
  (``Belum diisi``, ``n/a``, ``-``), a spreadsheet error (``#DIV/0!``), or an indicator's unit
  changed (to another catalog unit or to an unknown word);
- is, one plan in 200, damaged so that it cannot be loaded: cut short (inside a quoted value), given a repeated
  node id, or an unknown key in its head.

Command line (bench/plans uses it; ``--stats`` prints the mix)::

    /usr/bin/python3 bench/national_corpus.py OUT [--regions 514] [--agencies 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import copy
import glob
import math
import os
import random
import re
import sys
from typing import Any, Dict, List, Optional, Tuple

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

MIN_BYTES, MAX_BYTES, MEDIAN_BYTES = 10_000, 400_000, 40_000
BUNDLED_MIN_TARGET = 120_000

# urusan (government affairs) codes of Permendagri 90/2019, one per copy of a template's nodes
URUSAN = ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06", "2.07", "2.08", "2.09", "2.10", "2.11", "2.12", "2.13",
          "2.14", "2.15", "2.16", "2.17", "2.18", "2.19", "2.20", "2.21", "2.22", "2.23", "2.24", "2.25", "2.26",
          "3.25", "3.26", "3.27", "3.28", "3.29", "3.30", "3.31", "3.32", "4.01", "4.02", "5.01", "5.02", "5.03",
          "5.04", "5.05", "6.01"]

AGENCIES = ["Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
            "Dinas Perumahan dan Kawasan Permukiman", "Satuan Polisi Pamong Praja", "Dinas Sosial",
            "Dinas Tenaga Kerja", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas Ketahanan Pangan",
            "Dinas Pertanahan", "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
            "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Pengendalian Penduduk dan Keluarga Berencana",
            "Dinas Perhubungan", "Dinas Komunikasi dan Informatika", "Dinas Koperasi dan Usaha Mikro",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas Kepemudaan dan Olahraga",
            "Dinas Kebudayaan", "Dinas Perpustakaan dan Kearsipan", "Dinas Perikanan", "Dinas Pariwisata",
            "Dinas Pertanian", "Dinas Perdagangan", "Dinas Perindustrian", "Badan Kesatuan Bangsa dan Politik",
            "Badan Penanggulangan Bencana Daerah", "Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat Daerah",
            "Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah",
            "Badan Pendapatan Daerah", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "Rumah Sakit Umum Daerah", "Dinas Pemadam Kebakaran", "Kecamatan Kota", "Dinas Peternakan",
            "Dinas Penanaman Modal", "Dinas Sumber Daya Air", "Dinas Bina Marga", "Dinas Cipta Karya",
            "Badan Riset dan Inovasi Daerah", "Dinas Kelautan", "Dinas Kehutanan", "Dinas Energi",
            "Dinas Pemakaman", "Dinas Pertamanan", "Kantor Pelayanan Pajak Daerah"]

PLACEHOLDERS = ["Belum diisi", "n/a", "-", "N/A", "tidak ada data", "#DIV/0!", "belum tersedia"]
UNITS = ["%", "Persen", "Dokumen", "Orang", "Kali", "Indeks", "Nilai", "Unit", "Laporan", "Kegiatan", "Dok",
         "buah dokumen", "Unit Kerja"]
VALUE_KEYS = ("targets", "realizations", "reported_achievement", "budget", "budget_realized")


def templates() -> List[Tuple[str, Dict[str, Any]]]:
    """The real plan shapes: (name, parsed YAML), the bundled plan first."""
    files = [os.path.join(ROOT, "data", "plans", "bekasi-dpppa-2024-2026.yaml")]
    files += [f for f in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "real", "*.yaml")))
              if not f.endswith(".expect.yaml") and os.path.basename(f) != "baseline.yaml"]
    out = []
    for f in files:
        with open(f, encoding="utf-8") as handle:
            out.append((os.path.basename(f)[:-5], yaml.load(handle, Loader=_LOADER)))
    return out


def _dump(doc: Dict[str, Any]) -> str:
    return yaml.dump(doc, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=4096)


class Generator:
    """Writes plans of the corpus; one instance holds the templates and their sizes."""

    def __init__(self, seed: int = 1) -> None:
        self.seed = int(seed)
        self.templates = templates()
        self.sizes = []  # (bytes of the template without its nodes, bytes of one copy of its nodes)
        for _, doc in self.templates:
            bare = dict(doc)
            bare["nodes"] = []
            base = len(_dump(bare).encode("utf-8"))
            # a copy's ids are longer than the template's (suffix "-uK"): measure a renamed copy
            one = _copy_nodes(doc["nodes"], 10, _urusan(doc["nodes"]) or URUSAN[0])
            self.sizes.append((base + 200, max(1, len(_dump({"nodes": one}).encode("utf-8")))))  # + the new head

    # ------------------------------------------------------------------ one plan
    def rng(self, region: int, agency: int) -> random.Random:
        return random.Random((self.seed * 1_000_003 + region) * 1_009 + agency)

    def region_name(self, region: int) -> str:
        # 416 kabupaten and 98 kota, as in 2024
        return f"Kabupaten Sintetis {region + 1:03d}" if region < 416 else f"Kota Sintetis {region - 415:03d}"

    def plan(self, region: int, agency: int) -> Tuple[str, Dict[str, Any]]:
        """The text of a plan and what it is made of (template, copies, noise, damage)."""
        rng = self.rng(region, agency)
        target = int(min(MAX_BYTES, max(MIN_BYTES, math.exp(rng.gauss(math.log(MEDIAN_BYTES), 0.8)))))
        choices = [i for i in range(len(self.templates)) if i != 0 or target >= BUNDLED_MIN_TARGET]
        weights = [4.0 if i == 0 else 1.0 for i in choices]
        t = rng.choices(choices, weights)[0]
        name, template = self.templates[t]
        base, unit = self.sizes[t]
        copies = max(1, round((target - base) / unit))
        while base + copies * unit < 1.02 * MIN_BYTES:
            copies += 1
        while copies > 1 and base + copies * unit > 0.98 * MAX_BYTES:  # 2 %: the varied values
            copies -= 1
        doc = copy.deepcopy(template)
        region_name = self.region_name(region)
        organisation = AGENCIES[agency % len(AGENCIES)] + ("" if agency < len(AGENCIES) else f" {agency // len(AGENCIES) + 1}")
        slug = f"r{region + 1:03d}-a{agency + 1:02d}"
        head = doc["plan"]
        head["id"] = f"{slug}-{head.get('id', name)}"
        head["organisation"] = organisation
        head["region"] = region_name
        head["title"] = f"Rencana Strategis {organisation} {region_name} (sintetis, dari {name})"
        nodes = doc["nodes"]
        first = URUSAN.index(_urusan(nodes)) if _urusan(nodes) in URUSAN else 0
        for k in range(1, copies):
            nodes.extend(_copy_nodes(template["nodes"], k, URUSAN[(first + k) % len(URUSAN)]))
        noise = rng.choices([0.0, 0.01, 0.05], [70, 25, 5])[0]
        varied = _vary(doc["nodes"], noise, rng) if noise else 0
        text = _dump(doc)
        damage = ""
        if rng.random() < 0.005:
            damage = rng.choice(["cut", "duplicate-id", "unknown-key"])
            text = _damage(text, damage, rng)
        return text, {"template": name, "copies": copies, "noise": noise, "varied": varied, "damage": damage,
                      "region": region_name, "organisation": organisation}

    def path(self, out: str, region: int, agency: int) -> str:
        return os.path.join(out, f"r{region + 1:03d}", f"a{agency + 1:02d}.yaml")

    def write(self, out: str, regions: int = 514, agencies: int = 40) -> List[Dict[str, Any]]:
        """Write the corpus into ``out``; one dict per plan: path, bytes and what it is made of."""
        rows = []
        for r in range(regions):
            os.makedirs(os.path.join(out, f"r{r + 1:03d}"), exist_ok=True)
            for a in range(agencies):
                text, info = self.plan(r, a)
                data = text.encode("utf-8")
                path = self.path(out, r, a)
                with open(path, "wb") as handle:
                    handle.write(data)
                info.update(path=path, bytes=len(data))
                rows.append(info)
        return rows


def _urusan(nodes: List[Dict[str, Any]]) -> str:
    for n in nodes:
        code = str(n.get("code") or "")
        m = re.match(r"^(\d+\.\d+)", code)
        if m:
            return m.group(1)
    return ""


# The keys of a node or indicator whose strings are ids (docs/plan-format.md).
REFERENCE_KEYS = ("id", "parent", "supports", "replaces", "successor", "over", "indicator")


def _copy_nodes(nodes: List[Dict[str, Any]], k: int, urusan: str) -> List[Dict[str, Any]]:
    """A copy of the template's nodes as another urusan: ids suffixed (every reference to them
    renamed too), codes' first two segments replaced."""
    ids = set()
    for n in nodes:
        ids.add(n.get("id"))
        for ind in n.get("indicators") or []:
            ids.add(ind.get("id"))
    ids.discard(None)
    rename = {i: f"{i}-u{k}" for i in ids}

    def walk(x: Any, key: Any = None) -> Any:
        if isinstance(x, dict):
            return {kk: walk(v, kk) for kk, v in x.items()}
        if isinstance(x, list):
            return [walk(v, key) for v in x]
        if isinstance(x, str):
            # only ids and the keys that name them: a kind, level or unit may spell an id ("iku")
            if x in rename and key in REFERENCE_KEYS:
                return rename[x]
            if key in ("code", "code_printed"):
                return re.sub(r"^\d+\.\d+", urusan, x)
        return x

    return [walk(n) for n in nodes]


def _mistype(text: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if not digits:
        return text
    i = rng.choice(digits[1:] or digits)  # the first digit stays: the order of magnitude is kept
    return text[:i] + str((int(text[i]) + rng.randint(1, 9)) % 10) + text[i + 1:]


def _vary(nodes: List[Dict[str, Any]], p: float, rng: random.Random) -> int:
    """Vary about ``p`` of the printed values in place; returns how many were varied."""
    count = 0

    def cell(v: Any) -> Any:
        nonlocal count
        if rng.random() >= p:
            return v
        if isinstance(v, list):
            return [cell(x) for x in v]
        if isinstance(v, dict) and isinstance(v.get("value"), str):
            out = dict(v)
            out["value"] = cell(v["value"])
            return out
        if isinstance(v, str):
            count += 1
            return rng.choice(PLACEHOLDERS) if rng.random() < 0.3 else _mistype(v, rng)
        return v

    def years(m: Any) -> Any:
        if isinstance(m, dict):
            return {y: cell(v) for y, v in m.items()}
        return m

    for n in nodes:
        for key in VALUE_KEYS:
            if key in n:
                n[key] = years(n[key])
        for ind in n.get("indicators") or []:
            for key in VALUE_KEYS:
                if key in ind:
                    ind[key] = years(ind[key])
            if "unit" in ind and rng.random() < p:
                count += 1
                unit = rng.choice(UNITS)
                ind["unit"] = dict(ind["unit"], value=unit) if isinstance(ind["unit"], dict) else unit
    return count


def _damage(text: str, how: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if how == "cut":  # cut after the nodes start, in the middle of a quoted value that never ends
        start = next((i for i, line in enumerate(lines) if line.startswith("nodes:")), 0) + 1
        i = rng.randrange(start, len(lines))
        return "".join(lines[:i]) + '"Rp 1.250.000.000 (dipoto'
    if how == "duplicate-id":  # the second node takes the first one's id
        ids = [i for i, line in enumerate(lines) if line.startswith("- id: ")]
        if len(ids) >= 2:
            lines[ids[1]] = lines[ids[0]]
            return "".join(lines)
    # an unknown key in the plan's head
    return text.replace("\nplan:\n", "\nplan:\n  responsible_unit: Bagian Perencanaan\n", 1)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="folder to write the corpus into (created)")
    parser.add_argument("--regions", type=int, default=514)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stats", action="store_true", help="print the mix of templates, sizes and damage")
    args = parser.parse_args(argv)
    rows = Generator(args.seed).write(args.out, args.regions, args.agencies)
    total = sum(r["bytes"] for r in rows)
    print(f"{len(rows)} plans, {total / 1e6:.1f} MB in {args.out}")
    if args.stats:
        from collections import Counter

        sizes = sorted(r["bytes"] for r in rows)
        print("bytes: min", sizes[0], "median", sizes[len(sizes) // 2], "max", sizes[-1])
        print("templates:", dict(Counter(r["template"] for r in rows).most_common()))
        print("noise:", dict(Counter(r["noise"] for r in rows)), "damaged:", dict(Counter(r["damage"] for r in rows if r["damage"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
