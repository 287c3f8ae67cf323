"""Every threshold of the reconcile stage, in one place.

The defaults were chosen on numbers, not taste: ``python bench/bench_reconcile.py --sweep``
scores pairwise precision and recall on synthetic mentions (typos, acronyms, word order,
possessives, Centre/Center, look-alike distinct names) for a range of cutoffs, and
``takedown evaluate`` scores the seed corpus. The numbers behind each default are in the
field descriptions; rerun the sweep after changing a scorer or a veto.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ReconcileConfig(BaseModel):
    """Thresholds and tolerances of cross-article linking and figure comparison."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # -- fuzzy name matching (rapidfuzz scores 0..100, compared with >=) ----------------------
    # Numbers: `python bench/bench_reconcile.py --sweep` (200k synthetic mentions, one
    # setting changed at a time, pairwise P / R); defaults give P 0.9945 R 0.9959.
    cutoff_agency: float = Field(
        default=88.0,
        description=(
            "Best of ratio and token_sort_ratio on the core words (stop words and country "
            "qualifiers dropped). The token vetoes do the separating: 80, 85, 88 and 92 all give "
            "P 0.9945 R 0.9959, 96 loses recall (R 0.9939); 88 scores a third fewer candidates "
            "than 80 (4.2 s vs 6.4 s)."
        ),
    )
    cutoff_marketplace: float = Field(
        default=90.0,
        description=(
            "ratio on the squashed name ('darkhuntor'); typos that ratio scores low (a "
            "transposition costs two) pass by edit distance instead. 75: P 0.9792, 80: P 0.9890, "
            "85: P 0.9945 R 0.9959, 90: P 0.9953 R 0.9956, 95: no change."
        ),
    )
    cutoff_operation: float = Field(
        default=90.0, description="As for marketplaces: operation names are coined words too."
    )
    cutoff_person: float = Field(
        default=85.0,
        description=(
            "Best of ratio and token_set_ratio (a middle name or initial keeps 100). 80: R "
            "0.9962, 85: R 0.9959, 90: R 0.9929, 95: R 0.9832, precision 0.9945 throughout "
            "(first-name substitutions are vetoed, not cut off)."
        ),
    )
    typo_share: float = Field(
        default=0.1,
        description=(
            "A match that needs character edits (a typo, not reordered words or an added "
            "qualifier) is accepted only when the rarer spelling is used by one article, or by "
            "at most this share of the other's articles ... (0.05: P 0.9957 R 0.9948, 0.1: "
            "P 0.9945 R 0.9959, 0.3: P 0.9921 R 0.9964)"
        ),
    )
    typo_max_articles: int = Field(
        default=3,
        description=(
            "... and never by more than this many: typos are idiosyncratic, a spelling many "
            "articles use is a name of its own ('VarTor' / 'ArTor'). 1: P 0.9967 R 0.9892, 3: "
            "P 0.9945 R 0.9959, 10: P 0.9911 R 0.9963."
        ),
    )
    token_typo_min_length: int = Field(
        default=5,
        description="Two tokens may differ by one edit (OSA) only if both are this long.",
    )
    # -- blocking ------------------------------------------------------------------------------
    max_block: int = Field(
        default=2000,
        description=(
            "A block larger than this is scored in windows of similar length, so no single "
            "cdist grows quadratically; names that can reach the cutoff differ little in length."
        ),
    )
    workers: int = Field(default=-1, description="rapidfuzz cdist threads (-1: all cores).")
    # -- context --------------------------------------------------------------------------------
    homonym_year_gap: int = Field(
        default=4,
        description=(
            "Same-name markets or operations without a gazetteer entry are split when the years "
            "their mentions are dated to fall into groups more than this many years apart (2: "
            "R 0.9948, 4: R 0.9959, 8: R 0.9962, but 8 would keep a 2014 and a 2022 'Hydra' "
            "together; with a gazetteer, its active years decide, see below)."
        ),
    )
    homonym_fit_years: int = Field(
        default=3,
        description=(
            "A homonym (two gazetteer entries, one name) is resolved to the entry whose active "
            "years the mention's years fit within this many years (a year before the entry "
            "existed counts three: articles look back, not forward) ..."
        ),
    )
    homonym_margin: int = Field(
        default=2,
        description=(
            "... and only if the other entries fit at least this much worse; otherwise the "
            "mention stays unassigned, with a note, rather than guessed. data/ corpus: Hydra in "
            "2022-2024 stories -> Hydra Market, in the 2014 Onymous story -> Hydra (2014)."
        ),
    )
    nearby_chars: int = Field(
        default=200,
        description="Reach of the 'nearby' attribution when a record carries no sentences.",
    )
    main_operation_ratio: float = Field(
        default=2.0,
        description=(
            "An article's main operation has at least this many times the mentions of any other "
            "operation it names, and is named first (seed 001: SpecTor 5, DisrupTor 2)."
        ),
    )
    # -- figures --------------------------------------------------------------------------------
    rel_tolerance: float = Field(
        default=0.01,
        description=(
            "Two stated amounts agree within 1 % (850 kg vs 1,875 lb differ by 0.06 %); "
            "counts below 10,000 must be equal (287 arrests is not 288)."
        ),
    )
    approx_tolerance: float = Field(
        default=0.10, description="'about X' agrees with values within 10 % of X."
    )
    bound_slack: float = Field(
        default=0.25,
        description="'more than X' agrees with Y when X <= Y <= X * (1 + slack), and vice versa.",
    )
    exact_below: int = Field(default=10_000, description="Counts below this must be equal.")


DEFAULT_CONFIG = ReconcileConfig()

__all__ = ["DEFAULT_CONFIG", "ReconcileConfig"]
