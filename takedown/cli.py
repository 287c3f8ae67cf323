"""The ``takedown`` command: argument parsing and rendering around the library API.

Every command is a thin wrapper over a function ``import takedown`` also offers. Exit codes:
0 all good, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import signal
import sys
import threading
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from takedown.errors import InputError, TakedownError
from takedown.extractor import Extractor
from takedown.io import DEFAULT_MAX_BYTES, iter_inputs
from takedown.models.records import ArticleRecord
from takedown.output import RunSummary, atomic_writer, write_json
from takedown.reconcile import write_reconciliation

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract operations, agencies, markets, figures and dates from darknet-enforcement news.",
)
err = Console(stderr=True)
out = Console()

FACT_FIELDS = ("operations", "marketplaces", "agencies", "countries", "persons", "figures", "dates")


def _iso(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


@app.command("extract")
def extract_cmd(
    inputs: Annotated[
        list[str], typer.Argument(help="Folders, files (.txt .md .html .json .jsonl, .gz), or -.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder.")] = Path("out"),
    published: Annotated[
        str | None, typer.Option(help="Article date (YYYY-MM-DD) when the text has none.")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Size limit per article (bytes).")
    ] = DEFAULT_MAX_BYTES,
    resume: Annotated[
        bool, typer.Option(help="Continue a run in OUTPUT, extracting only what is not done.")
    ] = False,
    overwrite: Annotated[
        bool, typer.Option(help="Replace the output files already in OUTPUT.")
    ] = False,
    follow_symlinks: Annotated[
        bool, typer.Option(help="Read symlinks that lead outside the input folder.")
    ] = False,
    text_field: Annotated[str, typer.Option(help="JSON field holding the text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSON field holding the title.")] = "title",
    published_field: Annotated[
        str, typer.Option(help="JSON field holding the publication date.")
    ] = "published",
    url_field: Annotated[str, typer.Option(help="JSON field holding the URL.")] = "url",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per pipeline batch (and per journal fsync).")
    ] = 32,
    debug: Annotated[bool, typer.Option(help="Show the traceback behind each error.")] = False,
) -> None:
    """Extract every article into OUTPUT/articles.jsonl (errors in OUTPUT/errors.jsonl)."""
    from takedown.io import JsonFields, ReadOptions
    from takedown.output import OutputExistsError, extract_to_folder

    options = ReadOptions(
        max_bytes=max_bytes,
        published=_iso(published),
        follow_symlinks=follow_symlinks,
        fields=JsonFields(text_field, title_field, published_field, url_field),
    )
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]extracting[/bold] {task.completed} articles"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )
    task = progress.add_task("extract", total=None)

    def on_error(line: dict[str, str], cause: BaseException) -> None:
        err.print(Text.assemble(("error", "red"), f" {line['file']}: {line['reason']}"),
                  soft_wrap=True)
        if debug:
            err.print(Text("".join(traceback.format_exception(cause))), soft_wrap=True)

    previous = _sigterm_as_interrupt()
    try:
        with progress:
            summary = extract_to_folder(
                inputs, output, options=options, resume=resume, overwrite=overwrite,
                batch_size=batch_size, settle=True,
                on_error=on_error, on_article=lambda n: progress.update(task, completed=n),
            )
    except OutputExistsError as exc:
        err.print(Text.assemble(("error", "red"), f" {exc}"), soft_wrap=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print(Text.assemble(
            ("interrupted", "yellow"),
            f": the articles extracted so far are saved in {output}; run the same command "
            "with --resume to finish",
        ), soft_wrap=True)
        raise typer.Exit(130) from None
    finally:
        _restore_sigterm(previous)
    write_reconciliation(output)  # entities.jsonl, operations.jsonl, corpus.json
    if not quiet:
        _summary_table(output, summary)
    if summary.failed:
        raise typer.Exit(1)


def _sigterm_as_interrupt() -> object:
    """SIGTERM (a job scheduler stopping the run) ends it like Ctrl-C: journal flushed,
    final files untouched, resumable."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def _restore_sigterm(previous: object) -> None:
    if previous is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]


def _summary_table(output: Path, summary: RunSummary) -> None:
    table = Table(title=f"takedown extract -> {output}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("articles", str(summary.articles))
    table.add_row("extracted now", str(summary.extracted))
    if summary.reused:
        table.add_row("kept from before (--resume)", str(summary.reused))
    for f in FACT_FIELDS:
        table.add_row(f, str(summary.counts[f]))
    table.add_row("failed (errors.jsonl)", str(summary.failed))
    table.add_row("words per second", f"{summary.words / max(summary.seconds, 1e-9):,.0f}")
    err.print(table)


@app.command("show")
def show_cmd(
    article: Annotated[Path, typer.Argument(help="One article file.")],
    published: Annotated[str | None, typer.Option(help="Article date (YYYY-MM-DD).")] = None,
) -> None:
    """Print one article's facts, each with its evidence highlighted in its sentence."""
    items = list(iter_inputs([str(article)], published=_iso(published)))
    item = items[0]
    if isinstance(item, InputError):
        err.print(f"[red]error[/red] {item.path}: {item.reason}")
        raise typer.Exit(1)
    record = Extractor().extract_many([item]).__next__()
    render_record(record, item.text)


def _context(text: str, start: int, end: int) -> Text:
    ls = max(text.rfind("\n", 0, start) + 1, start - 120)
    le = text.find("\n", end)
    le = min(le if le >= 0 else len(text), end + 120)
    t = Text(text[ls:start])
    t.append(text[start:end], style="bold black on yellow")
    t.append(text[end:le])
    return t


_SINGULAR = {
    "operations": "operation",
    "marketplaces": "marketplace",
    "agencies": "agency",
    "persons": "person",
    "country_entities": "country",
}


def render_record(record: ArticleRecord, text: str) -> None:
    out.rule(f"[bold]{record.article}[/bold]")
    out.print(f"title: {record.title!r}   published: {record.published}")
    for field in ("operations", "marketplaces", "agencies", "persons", "country_entities"):
        for ent in getattr(record, field):
            m = ent.mentions[0]
            out.print(
                f"[cyan]{_SINGULAR[field]}[/cyan] "
                f"[bold]{ent.name}[/bold] aliases={ent.aliases} ({len(ent.mentions)} mentions)"
            )
            out.print(_context(text, m.start, m.end))
    for fig in record.figures:
        extra = ", ".join(x for x in (fig.qualifier, fig.substance, fig.country) if x)
        out.print(
            f"[green]figure[/green] {fig.kind} = [bold]{fig.value} {fig.unit}[/bold]"
            f"{' (' + extra + ')' if extra else ''}"
        )
        out.print(_context(text, fig.start, fig.end))
    for d in record.dates:
        out.print(
            f"[magenta]date[/magenta] [bold]{d.value}[/bold]"
            f"{' (' + d.modifier + ')' if d.modifier else ''}"
        )
        out.print(_context(text, d.start, d.end))


@app.command("schema")
def schema_cmd(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write the JSON Schema of the per-article records."""
    from takedown.models.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        with atomic_writer(output) as fh:
            fh.write(text)


@app.command("evaluate")
def evaluate_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of *.gold.json files.")],
    articles: Annotated[
        Path | None, typer.Option(help="Folder of the articles, if not beside the gold files.")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the numbers as JSON to this file.")
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Compare F1 with this baseline (a --write-baseline or --json file): print a "
            "markdown report and exit 1 when a field's F1 fell by more than --tolerance."
        ),
    ] = None,
    tolerance: Annotated[
        float, typer.Option(min=0.0, help="F1 drop allowed per field against --baseline.")
    ] = 0.005,
    write_baseline: Annotated[
        bool,
        typer.Option(
            "--write-baseline", help="Save this run's scores as the --baseline file (no gate)."
        ),
    ] = False,
) -> None:
    """Extract every article with a gold file and print precision, recall and F1 per field."""
    from takedown.review.baseline import compare, load_baseline, render_comparison_markdown
    from takedown.review.baseline import write_baseline as save_baseline
    from takedown.review.evaluate import evaluate
    from takedown.review.render import render_table

    if write_baseline and baseline is None:
        err.print("[red]error[/red] --write-baseline needs --baseline FILE")
        raise typer.Exit(2)
    try:
        report = evaluate(gold_dir, articles)
        previous = None
        if baseline is not None and (not write_baseline or baseline.is_file()):
            previous = load_baseline(baseline)
    except (TakedownError, OSError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    if json_out is not None:
        write_json(json_out, report.to_dict())
    if baseline is None:
        out.print(render_table(report))
        return
    if previous is not None:
        comparison = compare(report, previous, tolerance, str(baseline))
        sys.stdout.write(render_comparison_markdown(report, comparison))
    if write_baseline:
        save_baseline(baseline, report)
        err.print(f"wrote baseline {baseline}")
        return
    if previous is not None and not comparison.ok:
        raise typer.Exit(1)


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("diff")
def diff_cmd(
    old: Annotated[Path, typer.Argument(help="The earlier output folder (e.g. the base branch).")],
    new: Annotated[Path, typer.Argument(help="The later output folder (e.g. the head branch).")],
    fmt: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="text (terminal), markdown (GitHub) or json."),
    ] = DiffFormat.text,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            min=2048,
            help="Markdown only: cut whole sections, and say which, to fit this many bytes "
            "(65536 for a pull-request comment; default 1000000 for a job summary).",
        ),
    ] = None,
    fail_on_change: Annotated[
        bool, typer.Option("--fail-on-change", help="Exit 1 when anything differs.")
    ] = False,
) -> None:
    """Compare two output folders: counts, then per article the facts added, removed and
    changed, and the entity merges, splits and renames."""
    from takedown.review.diff import diff_outputs
    from takedown.review.diff_render import print_text, render_json, render_markdown
    from takedown.review.markdown import SUMMARY_MAX_BYTES

    try:
        report = diff_outputs(old, new)
    except (TakedownError, OSError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    if fmt is DiffFormat.markdown:
        sys.stdout.write(render_markdown(report, max_bytes or SUMMARY_MAX_BYTES))
    elif fmt is DiffFormat.json:
        sys.stdout.write(render_json(report))
    else:
        print_text(report, out)
    if fail_on_change and not report.empty:
        raise typer.Exit(1)


@app.command("review")
def review_cmd(
    out_dir: Annotated[Path, typer.Argument(help="The output folder to review.")],
    against: Annotated[
        Path | None,
        typer.Option(help="An earlier output folder: mark the facts added, removed, changed."),
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option(
            help="Folder of the article texts (default: the input folder OUT_DIR records, "
            "if any); each text is checked against its record's sha256."
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The HTML file to write.")
    ] = Path("review.html"),
) -> None:
    """Write one self-contained HTML page showing every article with its facts highlighted."""
    from takedown.review.html import review

    try:
        page, views = review(out_dir, against, articles)
    except (TakedownError, OSError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    with atomic_writer(output) as fh:
        fh.write(page)
    problems = [v for v in views if v.text.problem]
    for v in problems[:5]:
        err.print(f"[yellow]warning[/yellow] {v.name}: {v.text.problem}")
    if len(problems) > 5:
        err.print(f"[yellow]warning[/yellow] ... and {len(problems) - 5} more without text")
    err.print(f"wrote {output} ({len(views)} articles, {len(problems)} without highlights)")


@app.command("reconcile")
def reconcile_cmd(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="articles.jsonl files, or output folders holding one."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="Folder for entities.jsonl, operations.jsonl, corpus.json."
        ),
    ] = Path("out"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary table.")] = False,
) -> None:
    """Link articles into one record per operation, agency, market and person."""
    from takedown.reconcile import read_records, reconcile
    from takedown.reconcile.io import articles_path

    missing = [str(p) for p in inputs if not articles_path(p).is_file()]
    if missing:
        err.print(f"[red]error[/red] no articles.jsonl at {', '.join(missing)}")
        raise typer.Exit(2)
    result = reconcile(read_records(inputs))
    result.write(output)
    if quiet:
        return
    table = Table(title=f"takedown reconcile -> {output}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    stats = result.stats
    table.add_row("articles", str(stats["articles"]))
    table.add_row("mentions", f"{stats['mentions']:,}")
    for etype, n in sorted(stats["entities"].items()):
        table.add_row(f"{etype} entities", str(n))
    table.add_row("operation records", str(stats["operations"]))
    table.add_row("entities with notes (thin evidence)", str(stats["ambiguous"]))
    table.add_row("figure conflicts", str(stats["conflicts"]))
    table.add_row("seconds", f"{sum(stats['seconds'].values()):.2f}")
    err.print(table)


def main() -> None:
    try:
        app()
    except TakedownError as exc:
        err.print(f"[red]error[/red] {exc}")
        sys.exit(1)


if __name__ == "__main__":
    main()
