#!/usr/bin/env python3
"""copycat's corpus job on Spark: `copycat rank`'s JSON for a folder, with
the candidate stage run as Spark SQL and the alignment by copycat in the
Spark workers.

    python3 scripts/distributed/job.py DIR --out RANK.json \\
        [--master 'local-cluster[2,1,1024]'] [--copycat target/release/copycat] \\
        [--work WORKDIR] [--partitions N]

Steps (each reads what the one before wrote, under WORKDIR):

0. `copycat job export DIR` writes `json/articles.jsonl` (doc_id, path,
   title, date, outlet, hash) and `json/sentences.jsonl` (doc_id, sent_id,
   stems: the sentence's sorted stem keys). Spark reads them with a fixed
   schema and writes `parquet/articles` and `parquet/sentences`.
1. Stage 1, candidates (Spark SQL over the Parquet tables): distinct
   sentences and their holders; stem weights ln(D/df); the index of rare
   stems (rarest first within a work budget); sentence pairs sharing two
   indexed stems, scored exactly (weighted Dice, or containment); evidence
   per pair of articles, popular sentences discounted. The rules and
   constants are those of copycat's `corpus::candidates`. Writes
   `parquet/candidates` (a, b, evidence, path_a, path_b).
2. Stage 2, alignment: the candidates, partitioned by `a` and sorted within
   partitions, are piped through `copycat job align` on the workers (one
   process per partition, one thread each: the engine schedules the
   parallelism). Writes `pairs/` (JSON Lines, one aligned pair a line).
3. `copycat job merge` orders the pairs as `rank` does, computes each
   article's likely sources, and writes `rank`'s JSON to RANK.json.

On a real cluster: --master spark://HOST:7077 (or yarn), a WORKDIR on
storage every node reads (HDFS, S3 via s3a://, NFS), the folder of articles
readable by every worker at the path the export wrote, and copycat at the
same path on every worker (--copycat).
"""

import argparse
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

# The constants of copycat's corpus::candidates (src/corpus/candidates.rs).
WORK_PER_SENTENCE = 300
MIN_SHARED_RARE = 2
MIN_SHARED = 3
MIN_DICE = 0.22
MIN_CONTAINMENT = 0.45
MIN_EVIDENCE = 0.5
MAX_HOLDERS = 2000
POPULAR_VARIANTS = 24
POPULAR_HOLDERS = 100


def log(msg, started=[time.time()]):
    print(f"[{time.time() - started[0]:6.1f} s] {msg}", file=sys.stderr, flush=True)


def spark_session(master, work):
    # Loopback only: the driver and the workers talk on this machine.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    b = (
        SparkSession.builder.master(master)
        .appName("copycat-corpus-job")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.local.dir", os.path.join(work, "spark-tmp"))
    )
    if master.startswith("local"):
        b = b.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1"
        )
    spark = b.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def to_parquet(spark, json_dir, parquet_dir):
    from pyspark.sql import types as T

    articles_schema = T.StructType(
        [
            T.StructField("doc_id", T.IntegerType(), False),
            T.StructField("path", T.StringType(), False),
            T.StructField("title", T.StringType(), True),
            T.StructField("date", T.StringType(), True),
            T.StructField("outlet", T.StringType(), True),
            T.StructField("hash", T.StringType(), False),
        ]
    )
    sentences_schema = T.StructType(
        [
            T.StructField("doc_id", T.IntegerType(), False),
            T.StructField("sent_id", T.IntegerType(), False),
            # Stem keys are 63-bit: a non-negative bigint.
            T.StructField("stems", T.ArrayType(T.LongType(), False), False),
        ]
    )
    for name, schema in (("articles", articles_schema), ("sentences", sentences_schema)):
        df = spark.read.schema(schema).option("mode", "FAILFAST").json(
            os.path.join(json_dir, f"{name}.jsonl")
        )
        df.write.mode("overwrite").parquet(os.path.join(parquet_dir, name))


def candidates(spark, parquet_dir):
    """Stage 1: candidate pairs of articles, as corpus::candidates finds them."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    sentences = spark.read.parquet(os.path.join(parquet_dir, "sentences"))
    # Distinct sentences (one set of stems) and the articles holding each.
    distinct = (
        sentences.groupBy("stems")
        .agg(F.array_sort(F.collect_set("doc_id")).alias("holders"))
        .withColumn("u", F.monotonically_increasing_id())
        .cache()
    )
    n_distinct = distinct.count()
    # Document frequency over distinct sentences, and weights.
    stem_of = distinct.select("u", F.explode("stems").alias("stem"))
    df = stem_of.groupBy("stem").agg(F.count("*").alias("df"))
    weights = df.select(
        "stem",
        "df",
        (F.greatest(F.log(F.lit(float(max(n_distinct, 1))) / F.col("df")), F.lit(0.0)) + 0.1).alias(
            "w"
        ),
    ).cache()
    # Each distinct sentence's stems with their weights, and its mass.
    weighed = (
        stem_of.join(weights, "stem")
        .groupBy("u")
        .agg(
            F.array_sort(F.collect_list(F.struct("stem", "w"))).alias("sw"),
            F.sum("w").alias("mass"),
        )
        .cache()
    )
    # The index: stems held by two or more sentences, rarest first, while the
    # pairs their postings make stay within the work budget.
    budget = WORK_PER_SENTENCE * max(n_distinct, 1)
    running = Window.orderBy("df", "stem").rowsBetween(Window.unboundedPreceding, 0)
    indexed = (
        weights.where(F.col("df") >= 2)
        .withColumn("cost", F.col("df") * (F.col("df") - 1) / 2)
        .withColumn("spent", F.sum("cost").over(running))
        .where(F.col("spent") <= budget)
        .select("stem")
    )
    postings = stem_of.join(F.broadcast(indexed), "stem")
    # Sentence pairs sharing two indexed stems (each pair once: u < v). Not a
    # self-join on stems, whose rows grow with the square of each stem's
    # postings: each sentence emits the pairs of its indexed stems, and the
    # sentences holding one pair of stems are grouped, so that a row is a
    # pair of stems that really occur together.
    pairs_of = lambda arr, a, b: F.expr(
        f"flatten(transform(sequence(0, size({arr}) - 2), i -> "
        f"transform(slice({arr}, i + 2, size({arr}) - i - 1), "
        f"y -> named_struct('{a}', {arr}[i], '{b}', y))))"
    )
    rare = (
        postings.groupBy("u")
        .agg(F.array_sort(F.collect_list("stem")).alias("r"))
        .where(F.size("r") >= MIN_SHARED_RARE)
    )
    proposed = (
        rare.select("u", F.explode(pairs_of("r", "s1", "s2")).alias("p"))
        .select("u", "p.s1", "p.s2")
        .groupBy("s1", "s2")
        .agg(F.array_sort(F.collect_list("u")).alias("us"))
        .where(F.size("us") >= 2)
        .select(F.explode(pairs_of("us", "u", "v")).alias("p"))
        .select("p.u", "p.v")
        .distinct()
    )
    # Scored exactly over all their shared stems, common ones included: the
    # weights of u's stems that v holds, summed in place (no row a stem).
    side_u = weighed.select("u", F.col("sw").alias("sw"), F.col("mass").alias("mu"))
    side_v = weighed.select(
        F.col("u").alias("v"), F.col("sw.stem").alias("sv"), F.col("mass").alias("mv")
    )
    shared = F.expr(
        "aggregate(filter(sw, x -> array_contains(sv, x.stem)), "
        "named_struct('m', 0D, 'n', 0), (acc, x) -> named_struct('m', acc.m + x.w, 'n', acc.n + 1))"
    )
    scored = (
        proposed.join(side_u, "u")
        .join(side_v, "v")
        .select("u", "v", "mu", "mv", shared.alias("s"))
        .where(F.col("s.n") >= MIN_SHARED)
        .withColumn("dice", 2 * F.col("s.m") / (F.col("mu") + F.col("mv")))
        .withColumn("containment", F.col("s.m") / F.least("mu", "mv"))
        .where((F.col("dice") >= MIN_DICE) | (F.col("containment") >= MIN_CONTAINMENT))
        .select("u", "v", F.greatest("dice", F.col("containment") * 0.6).alias("dice"))
        .cache()
    )
    # Popularity: the sentences each sentence matches.
    variants = (
        scored.select(F.col("u").alias("s"))
        .unionAll(scored.select(F.col("v").alias("s")))
        .groupBy("s")
        .agg(F.count("*").alias("variants"))
    )
    # A sentence held by two articles or more matches itself (identity).
    identical = (
        distinct.where((F.size("holders") >= 2) & (F.size("holders") <= MAX_HOLDERS))
        .select("u", F.col("u").alias("v"), F.lit(1.0).alias("dice"))
    )
    holders = distinct.select("u", "holders")
    var = variants.select(F.col("s"), F.col("variants"))
    matches = (
        scored.unionAll(identical)
        .join(holders.select(F.col("u"), F.col("holders").alias("hu")), "u")
        .join(holders.select(F.col("u").alias("v"), F.col("holders").alias("hv")), "v")
        .join(var.select(F.col("s").alias("u"), F.col("variants").alias("var_u")), "u", "left")
        .join(var.select(F.col("s").alias("v"), F.col("variants").alias("var_v")), "v", "left")
        .where(F.size("hu") * F.size("hv") <= MAX_HOLDERS * MAX_HOLDERS)
    )
    share = lambda free, n: F.least(F.lit(float(free)) / F.greatest(n, F.lit(1)), F.lit(1.0))
    variants_of = F.greatest(F.coalesce("var_u", F.lit(0)), F.coalesce("var_v", F.lit(0)))
    evidence = (
        matches.withColumn(
            "e",
            F.least("dice", F.lit(1.0))
            * share(POPULAR_VARIANTS, variants_of)
            * share(POPULAR_HOLDERS, F.greatest(F.size("hu"), F.size("hv"))),
        )
        .select("e", F.explode("hu").alias("x"), "hv")
        .select("e", "x", F.explode("hv").alias("y"))
        .where(F.col("x") != F.col("y"))
        .select(F.least("x", "y").alias("a"), F.greatest("x", "y").alias("b"), "e")
        .groupBy("a", "b")
        .agg(F.sum("e").alias("evidence"))
        .where(F.col("evidence") >= MIN_EVIDENCE)
    )
    return evidence, n_distinct


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="the folder of articles")
    ap.add_argument("--out", required=True, help="where to write rank's JSON")
    ap.add_argument("--master", default="local-cluster[2,1,1024]")
    ap.add_argument("--copycat", default="target/release/copycat")
    ap.add_argument("--work", default=None, help="working folder (default: OUT's name + .work)")
    ap.add_argument("--partitions", type=int, default=8, help="stage 2 partitions")
    ap.add_argument("--keep", action="store_true", help="keep the working folder")
    args = ap.parse_args()
    copycat = os.path.abspath(args.copycat)
    if not os.access(copycat, os.X_OK):
        sys.exit(f"job.py: {copycat}: no copycat binary there (--copycat)")
    work = os.path.abspath(args.work or args.out + ".work")
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    json_dir, parquet_dir = os.path.join(work, "json"), os.path.join(work, "parquet")

    log(f"step 0: copycat job export {args.dir}")
    subprocess.run([copycat, "job", "export", args.dir, "--out", json_dir], check=True)
    spark = spark_session(args.master, work)
    sc = spark.sparkContext
    log(f"Spark {spark.version} on {args.master}")
    to_parquet(spark, json_dir, parquet_dir)
    log("step 0: articles and sentences written as Parquet")

    from pyspark.sql import functions as F

    evidence, n_distinct = candidates(spark, parquet_dir)
    articles = spark.read.parquet(os.path.join(parquet_dir, "articles")).select("doc_id", "path")
    cands = (
        evidence.join(articles.select(F.col("doc_id").alias("a"), F.col("path").alias("path_a")), "a")
        .join(articles.select(F.col("doc_id").alias("b"), F.col("path").alias("path_b")), "b")
        .select("a", "b", "evidence", "path_a", "path_b")
    )
    cands.write.mode("overwrite").parquet(os.path.join(parquet_dir, "candidates"))
    cands = spark.read.parquet(os.path.join(parquet_dir, "candidates"))
    n_cands = cands.count()
    log(f"stage 1: {n_cands} candidate pairs from {n_distinct} distinct sentences")

    # Stage 2: each partition piped through `copycat job align` on a worker.
    lines = (
        cands.repartition(args.partitions, "a")
        .sortWithinPartitions("a", "b")
        .select(F.to_json(F.struct("a", "b", "path_a", "path_b")).alias("line"))
        .rdd.map(lambda r: r.line)
    )
    env = {"RAYON_NUM_THREADS": "1"}
    pairs_dir = os.path.join(work, "pairs")
    lines.pipe(
        f"{shlex.quote(copycat)} job align --base {shlex.quote(os.getcwd())}",
        env=env,
        checkCode=True,
    ).saveAsTextFile(pairs_dir)
    executors = sc._jsc.sc().getExecutorMemoryStatus().size() - 1
    log(f"stage 2: aligned on {executors} worker processes")
    spark.stop()

    parts = sorted(glob.glob(os.path.join(pairs_dir, "part-*")))
    with open(args.out, "w") as out:
        subprocess.run(
            [
                copycat,
                "job",
                "merge",
                "--articles",
                os.path.join(json_dir, "articles.jsonl"),
                "--candidates",
                str(n_cands),
                "--pairs",
                *parts,
            ],
            check=True,
            stdout=out,
        )
    with open(args.out) as f:
        summary = json.load(f)["summary"]
    log(
        f"done: {summary['articles']} articles, {summary['candidates']} candidates, "
        f"{summary['shared']} pairs share text -> {args.out}"
    )
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
