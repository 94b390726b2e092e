"""candor on Apache Spark: score a corpus of interview transcripts where it lies.

    spark-submit candor_spark.py INPUT OUTPUT [--config candor.toml] [--profile solution]
                                              [--interviewer NAME]... [--batch 64]

INPUT is a folder or an object-store prefix (``file:///data/calls``, ``s3a://bucket/calls/``,
``abfss://…``, ``gs://…``), read recursively. The files are those ``candor score`` takes in
a folder: a transcript's extension, in any case (``.vtt .srt .txt .text .md .markdown
.json .transcript .docx``), less the files it passes over as not transcripts (a meeting's
chat log, notes, JSON of another shape…), decided by candor's own code. Spark leaves out
files and folders whose names start with ``.`` or ``_``.

OUTPUT gets three Parquet datasets:

* ``OUTPUT/rows``: one row per transcript, the columns of ``candor score --format csv``
  (``path``, ``format``, the figures, one count per rule, ``findings``, ``score``,
  ``status``, ``reason``, ``error``). A file that cannot be read or parsed is a row with
  ``error`` set; one the rules cannot judge has ``status`` ``not-judged`` and a ``reason``.
* ``OUTPUT/findings``: one row per finding: ``path`` and the finding's fields of the JSON
  report (``rule``, ``severity``, ``line``, ``column``…, ``message``, ``help``).
* ``OUTPUT/skipped``: the files passed over, with why (``path``, ``reason``).

Each Python worker process builds one ``candor.Analyzer`` when its first batch arrives and
reuses it for every batch after (Spark reuses its Python workers). The analysis is
candor's Rust library; Spark only moves bytes in and rows out, with ``mapInArrow``.
The candor wheel must be installed on every worker (docs/scale.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any, Dict, Iterator
from urllib.parse import unquote, urlsplit

#: The extensions `candor score` reads in a folder.
TRANSCRIPTS = ("vtt", "srt", "txt", "text", "md", "markdown", "json", "transcript", "docx")

#: A finding's fields in the findings dataset, with their Arrow/Spark types.
FINDING_FIELDS = (
    ("rule", "str"),
    ("severity", "str"),
    ("line", "int"),
    ("column", "int"),
    ("end_line", "int"),
    ("end_column", "int"),
    ("turn", "int"),
    ("speaker", "str"),
    ("time", "float"),
    ("message", "str"),
    ("text", "str"),
    ("help", "str"),
    ("source", "str"),
    ("confidence", "float"),
)


def name_glob(extensions: Any) -> str:
    """A Hadoop glob on file names matching these extensions in any case, as candor does
    (``*.{[vV][tT][tT],…}``)."""
    alts = ("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in e) for e in extensions)
    return "*.{" + ",".join(alts) + "}"


def local_path(path: str) -> str:
    """A path as `candor score` names it: Spark gives a local file as ``file:/a/b c.txt``
    (Hadoop's ``Path``, not percent-encoded), and candor's rows have ``/a/b c.txt``; other
    URIs (``s3a://…``) are kept. A plain path is returned as it is."""
    return path[len("file:") :] if path.startswith("file:/") and not path.startswith("file://") else path


def scan_path(uri: str) -> str:
    """A file's URI as a listing gives it (``file:///a/b%20c.txt``) in the form Spark's
    scans give its path (``file:/a/b c.txt``)."""
    u = urlsplit(uri)
    return f"{u.scheme}:" + (f"//{u.netloc}" if u.netloc else "") + unquote(u.path)


# One analyser per Python worker process, by options.
_ANALYZERS: Dict[str, Any] = {}


def analyzer(options: str) -> Any:
    """The worker's analyser for these options (JSON of Analyzer's keyword arguments)."""
    a = _ANALYZERS.get(options)
    if a is None:
        import candor

        a = _ANALYZERS[options] = candor.Analyzer(**json.loads(options))
        print(f"candor {candor.__version__}: an analyser in process {os.getpid()}", file=sys.stderr)
    return a


def arrow_schema() -> Any:
    """The rows' schema (candor.arrow_schema()), a list of findings, and why a file was
    passed over (null for a file read)."""
    import pyarrow as pa

    import candor

    kind = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    finding = pa.struct([(n, kind[t]) for n, t in FINDING_FIELDS])
    return (
        candor.arrow_schema()
        .append(pa.field("finding_list", pa.list_(finding)))
        .append(pa.field("skipped", pa.string()))
    )


def spark_schema() -> Any:
    """arrow_schema() in Spark's types."""
    from pyspark.sql import types as T

    import candor

    kind = {"int": T.LongType(), "float": T.DoubleType(), "str": T.StringType()}
    finding = T.StructType([T.StructField(n, kind[t]) for n, t in FINDING_FIELDS])
    return T.StructType(
        [T.StructField(n, kind[t]) for n, t in candor.column_types()]
        + [
            T.StructField("finding_list", T.ArrayType(finding)),
            T.StructField("skipped", T.StringType()),
        ]
    )


def score_batches(options: str, batches: Iterator[Any]) -> Iterator[Any]:
    """The mapInArrow function: Arrow batches of (path, content) in, batches of rows out."""
    import pyarrow as pa

    import candor

    a = analyzer(options)
    schema = arrow_schema()
    names = [n for n, _ in FINDING_FIELDS]
    for batch in batches:
        paths = [local_path(p) for p in batch.column("path").to_pylist()]
        contents = batch.column("content").to_pylist()
        # What `candor score` would pass over in a folder (a chat log, notes…): a row with
        # only `path` and why.
        skip = candor.skip_reasons(contents, paths=paths)
        read = [i for i, why in enumerate(skip) if why is None]
        # One Spark task is one core: lint on this thread, with the GIL released.
        reports = a.lint_many([contents[i] for i in read], paths=[paths[i] for i in read], jobs=1)
        rows = [{"path": p, "skipped": why} for p, why in zip(paths, skip) if why is not None]
        for r in reports:
            row = r.to_row()
            row["finding_list"] = [{n: getattr(f, n) for n in names} for f in r.findings]
            rows.append(row)
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def run(spark: Any, source: str, output: str, options: Dict[str, Any]) -> Dict[str, Any]:
    """Scores every transcript under ``source`` and writes ``output``/rows,
    ``output``/findings and ``output``/skipped. Returns the counts and the seconds taken."""
    import functools

    from pyspark.sql import functions as F

    start = time.perf_counter()
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", name_glob(TRANSCRIPTS))
        .load(source)
    )
    fn = functools.partial(score_batches, json.dumps(options, sort_keys=True))
    # Analysed once, into a temporary dataset with each row's findings nested; the outputs
    # are read from it.
    scored = f"{output}/_scored"
    files.select("path", "content").mapInArrow(fn, spark_schema()).write.mode("overwrite").parquet(scored)

    # Spark's file scans skip empty files, which `candor score` reports as error rows. The
    # files listed (on the driver, when the folder was read) that the scan did not yield
    # are analysed here as what they are: empty.
    listed = [local_path(scan_path(u)) for u in files.inputFiles()]
    empty = 0
    if spark.read.parquet(scored).count() < len(listed):
        names = spark.createDataFrame([(p,) for p in listed], "path string")
        done = spark.read.parquet(scored).select("path")
        lost = [(r.path, b"") for r in names.join(done, "path", "left_anti").collect()]
        (
            spark.createDataFrame(lost, "path string, content binary")
            .mapInArrow(fn, spark_schema())
            .write.mode("append")
            .parquet(scored)
        )
        empty = len(lost)

    both = spark.read.parquet(scored)
    read = both.filter(F.col("skipped").isNull())
    read.drop("finding_list", "skipped").write.mode("overwrite").parquet(f"{output}/rows")
    (
        read.select("path", F.explode("finding_list").alias("f"))
        .select("path", "f.*")
        .write.mode("overwrite")
        .parquet(f"{output}/findings")
    )
    (
        both.filter(F.col("skipped").isNotNull())
        .select("path", F.col("skipped").alias("reason"))
        .write.mode("overwrite")
        .parquet(f"{output}/skipped")
    )
    n = spark.read.parquet(f"{output}/rows").count()
    skipped = spark.read.parquet(f"{output}/skipped").count()
    _remove(spark, scored)
    return {
        "transcripts": n,
        "skipped": skipped,
        "empty_files": empty,
        "seconds": time.perf_counter() - start,
    }


def _remove(spark: Any, path: str) -> None:
    """Deletes a folder of the output, on whatever file system it is (Hadoop's API). A
    Spark Connect session has no JVM on this side: the folder is left, and said so."""
    try:
        jvm = spark.sparkContext._jvm
        conf = spark.sparkContext._jsc.hadoopConfiguration()
    except Exception:  # Spark Connect raises its own "not supported" error here
        print(f"candor_spark: left {path} (no Hadoop file system here): delete it", file=sys.stderr)
        return
    p = jvm.org.apache.hadoop.fs.Path(path)
    p.getFileSystem(conf).delete(p, True)


def main(argv: Any = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="folder or object-store prefix of transcripts")
    p.add_argument("output", help="where rows/, findings/ and skipped/ are written")
    p.add_argument("--config", help="a candor.toml, read on the driver")
    p.add_argument("--profile", choices=["discovery", "solution"])
    p.add_argument("--interviewer", action="append", dest="interviewers")
    p.add_argument("--batch", type=int, default=64, help="transcripts per Arrow batch")
    args = p.parse_args(argv)

    from pyspark.sql import SparkSession

    import candor

    options: Dict[str, Any] = {}
    if args.config:
        # Read once on the driver, shipped to the workers as its keys.
        options["config"] = candor.Analyzer(args.config).config
    if args.profile:
        options["profile"] = args.profile
    if args.interviewers:
        options["interviewers"] = args.interviewers
    candor.Analyzer(**options)  # a bad configuration fails here, not on every worker

    spark = (
        SparkSession.builder.appName("candor")
        # Transcripts are ~10–100 KB: a batch of 64 keeps a worker's memory small.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch))
        .getOrCreate()
    )
    # This module, importable on the workers, so that score_batches (and its one
    # analyser per process) is found there by name rather than shipped as a copy.
    spark.sparkContext.addPyFile(__file__)
    import candor_spark

    result = candor_spark.run(spark, args.input, args.output, options)
    print(json.dumps(result), flush=True)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main())
