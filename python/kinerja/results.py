"""Result lists: :class:`Findings` (of :meth:`kinerja.Plan.check`) and :class:`Changes` (of
:meth:`kinerja.Plan.diff`), lists that display as tables in Jupyter and convert to DataFrames.
"""

from __future__ import annotations

from collections import Counter

from .display import changes_html, findings_html
from .tables import changes_frame, findings_frame

__all__ = ["Findings", "Changes"]


class Findings(list):
    """The findings of :meth:`kinerja.Plan.check`: a ``list`` of :class:`kinerja.Finding` that
    displays as a table in Jupyter and converts to a DataFrame.

    >>> import kinerja
    >>> findings = kinerja.bundled_plan().check()
    >>> len(findings.by_rule("duplicate-code"))
    1
    >>> findings.summary().loc["duplicate-code", "count"]
    1
    """

    def to_frame(self):
        """One row per finding (see :func:`findings_frame`)."""
        return findings_frame(self)

    def by_rule(self, *rules: str) -> "Findings":
        """The findings of the given rules."""
        return Findings(f for f in self if f.rule in rules)

    def by_severity(self, severity: str) -> "Findings":
        """The findings of one severity (``"error"``, ``"warning"``)."""
        return Findings(f for f in self if f.severity == severity)

    @property
    def errors(self) -> "Findings":
        """The findings of severity ``error``."""
        return self.by_severity("error")

    def summary(self):
        """How many findings each rule gave: a DataFrame indexed by rule with ``severity`` and ``count``."""
        import pandas as pd

        counts = Counter((f.rule, f.severity) for f in self)
        frame = pd.DataFrame([{"rule": r, "severity": s, "count": n} for (r, s), n in sorted(counts.items())],
                             columns=["rule", "severity", "count"])
        return frame.set_index("rule")

    def __getitem__(self, index):  # slices stay Findings
        result = list.__getitem__(self, index)
        return Findings(result) if isinstance(index, slice) else result

    def __repr__(self) -> str:
        by_sev = Counter(f.severity for f in self)
        parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in sorted(by_sev.items()))
        return f"Findings({len(self)}{': ' + parts if parts else ''})"

    def _repr_html_(self) -> str:
        return findings_html(self)


class Changes(list):
    """The differences of :meth:`kinerja.Plan.diff`: a ``list`` of :class:`kinerja.Change` that
    displays as a table in Jupyter and converts to a DataFrame.

    >>> import kinerja
    >>> plan = kinerja.bundled_plan()
    >>> changes = plan.version_of("awal").diff(plan)
    >>> changes.to_frame().shape[0] == len(changes)
    True
    """

    def to_frame(self):
        """One row per change (see :func:`changes_frame`)."""
        return changes_frame(self)

    def __getitem__(self, index):
        result = list.__getitem__(self, index)
        return Changes(result) if isinstance(index, slice) else result

    def __repr__(self) -> str:
        counts = Counter(c.kind for c in self)
        parts = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        return f"Changes({len(self)}{': ' + parts if parts else ''})"

    def _repr_html_(self) -> str:
        return changes_html(self)
