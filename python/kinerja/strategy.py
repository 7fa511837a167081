"""Strategy and policy links of a Renstra (Tabel 5.1, "Tujuan, Sasaran, Strategi, dan Kebijakan"):
which strategies (level ``strategi``) serve a sasaran, which policy directions (``arah_kebijakan``)
carry out a strategy, and which programmes serve a policy direction. In the plan file a strategi
``supports`` its sasaran, an arah_kebijakan its strategi, a program its arah_kebijakan
(docs/plan-format.md, "Strategy and policy").

>>> import kinerja
>>> plan = kinerja.bundled_plan()
>>> [(r.sasaran, len(r.strategies), len(r.policies), r.programmes) for r in plan.strategy_matrix()][:2]
[('s-1.1', 6, 4, ['p-2.08.01']), ('s-2.1', 3, 3, ['p-2.08.02'])]
>>> frame = plan.strategy_frame()
>>> len(frame), frame.columns[:4].tolist()
(100, ['tujuan_id', 'tujuan', 'sasaran_id', 'sasaran'])
"""

from __future__ import annotations

from itertools import zip_longest
from typing import Any, Dict, List, Optional

from . import _core

__all__ = ["STRATEGY_COLUMNS", "STRATEGY_LEVELS", "strategy_rows", "strategy_table"]

#: The levels of the strategy layer.
STRATEGY_LEVELS = ("strategi", "arah_kebijakan")

#: The columns of :meth:`kinerja.Plan.strategy_frame`: one row per chain sasaran -> strategi ->
#: arah_kebijakan -> program (ids and names; None where the chain stops).
STRATEGY_COLUMNS = ["tujuan_id", "tujuan", "sasaran_id", "sasaran", "strategi_id", "strategi", "arah_kebijakan_id",
                    "arah_kebijakan", "program_id", "program"]


def _names(core: Any) -> Dict[str, str]:
    return {n.id: n.name for n in core.nodes}


def strategy_rows(core: Any) -> List[Dict[str, Optional[str]]]:
    """The chains of the Tabel 5.1 matrix of a compiled plan (``Plan._core``), one dict per chain
    sasaran -> strategi -> arah_kebijakan -> program, in file order; a sasaran without strategy,
    a strategy without policy, a policy without programme ends its chain with None."""
    names = _names(core)
    supports: Dict[str, set] = {}  # node id -> the ids it supports through the layer's links
    for link in _core.strategy_links(core):
        supports.setdefault(link.source, set()).add(link.target)
    out: List[Dict[str, Optional[str]]] = []

    def name(i: Optional[str]) -> Optional[str]:
        return None if i is None else names.get(i, "")

    for row in _core.strategy_matrix(core):
        strategies = row.strategies or [None]
        for s in strategies:
            policies = [k for k in row.policies if s is not None and s in supports.get(k, ())] or [None]
            for k in policies:
                programmes = [p for p in row.programmes if k is not None and k in supports.get(p, ())] or [None]
                for p in programmes:
                    out.append({"tujuan_id": row.tujuan or None, "tujuan": name(row.tujuan or None),
                                "sasaran_id": row.sasaran, "sasaran": name(row.sasaran),
                                "strategi_id": s, "strategi": name(s), "arah_kebijakan_id": k,
                                "arah_kebijakan": name(k), "program_id": p, "program": name(p)})
    return out


def strategy_table(core: Any) -> List[List[Optional[str]]]:
    """The matrix laid out as Tabel 5.1 prints it: columns Tujuan, Sasaran, Strategi, Kebijakan,
    Program; per sasaran its strategies, policies and programmes side by side, one per line, the
    tujuan and sasaran on the first line of their block (the printed table's merged cells)."""
    names = _names(core)
    out: List[List[Optional[str]]] = []
    last_tujuan: Optional[str] = None
    for row in _core.strategy_matrix(core):
        columns = [row.strategies, row.policies, row.programmes]
        for k, (s, p, g) in enumerate(zip_longest(*columns)):
            tujuan = names.get(row.tujuan) if k == 0 and row.tujuan and row.tujuan != last_tujuan else None
            out.append([tujuan, names.get(row.sasaran) if k == 0 else None, names.get(s) if s else None,
                        names.get(p) if p else None, names.get(g) if g else None])
        if not any(columns):
            out.append([names.get(row.tujuan) if row.tujuan and row.tujuan != last_tujuan else None,
                        names.get(row.sasaran), None, None, None])
        last_tujuan = row.tujuan or last_tujuan
    return out
