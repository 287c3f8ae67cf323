"""Cross-article reconciliation: one canonical record per real-world thing.

``reconcile(records)`` links per-article records (within each article first, then across
articles with rapidfuzz inside blocks) into canonical entities, consolidates each operation
with every source's figures side by side, and returns the corpus clusters that ``takedown
evaluate`` scores. See ``link.py`` for the linking passes, ``names.py`` for what counts as
the same name, and ``config.py`` for every threshold.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from typing import Any

from takedown.reconcile.config import DEFAULT_CONFIG, ReconcileConfig
from takedown.reconcile.core import Reconciliation, reconcile
from takedown.reconcile.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from takedown.reconcile.io import OUTPUT_FILES, read_records, write_outputs, write_reconciliation


class _CallableModule(types.ModuleType):
    """``takedown.reconcile(records)`` works although ``takedown.reconcile`` is this package:
    importing a subpackage rebinds the parent's attribute to the module, which would shadow a
    function of the same name, so the module itself forwards calls to :func:`reconcile`."""

    def __call__(
        self,
        records: Iterable[Any],
        config: ReconcileConfig | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> Reconciliation:
        return reconcile(records, config, gazetteer)


sys.modules[__name__].__class__ = _CallableModule

__all__ = [
    "DEFAULT_CONFIG",
    "OUTPUT_FILES",
    "Gazetteer",
    "GazetteerEntry",
    "ReconcileConfig",
    "Reconciliation",
    "default_gazetteer",
    "read_records",
    "reconcile",
    "write_outputs",
    "write_reconciliation",
]
