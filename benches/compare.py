"""The comparison behind benches/compare.sh: newsgraph, the bare aho-corasick
scan, flashtext and spaCy on one corpus, one table.

    python compare.py CORPUS.jsonl FORMS.txt --newsgraph BIN --bare-scan BIN \\
        --big-gazetteer BIG.tsv [--sample-mb 10] [--json results.json]
    python compare.py CORPUS.jsonl FORMS.txt [--tools flashtext,spacy]   # Python tools only

Both tools get the same text and the same surface forms as newsgraph's
automaton (the tagger's folded forms, one a line, from `bare_scan
--dump-patterns`). The Python tools are measured on the first
`--sample-mb` megabytes of the corpus (whole documents), since their
throughput is what is compared and they would take hours on a large corpus.
Time counts the matching only (documents already in memory); the set-up
(building the keyword processor or the EntityRuler) is reported apart.
"""

import argparse
import json
import resource
import sys
import time


def load(path, sample_bytes):
    texts, total = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            texts.append(text)
            total += len(text.encode("utf-8"))
            if sample_bytes and total >= sample_bytes:
                break
    return texts, total


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_flashtext(texts, forms):
    from flashtext import KeywordProcessor

    start = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=False)
    for form in forms:
        kp.add_keyword(form)
    setup = time.perf_counter() - start
    start = time.perf_counter()
    matches = sum(len(kp.extract_keywords(t)) for t in texts)
    return setup, time.perf_counter() - start, matches


def run_spacy(texts, forms):
    import spacy

    start = time.perf_counter()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([{"label": "ENT", "pattern": form} for form in forms])
    setup = time.perf_counter() - start
    start = time.perf_counter()
    matches = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
    return setup, time.perf_counter() - start, matches


def measure(cmd):
    """Runs cmd; returns wall seconds and the child's own peak RSS in MB."""
    import os
    import subprocess

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"compare: {' '.join(cmd)} exited with {code}")
    return secs, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def corpus_size(path):
    docs = total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            docs += 1
            total += len(json.loads(line)["text"].encode("utf-8"))
    return docs, total


def run_all(args):
    """Every measurement, then the table (and the rows as JSON to --json)."""
    import subprocess

    docs, total = corpus_size(args.corpus)
    rows = []

    def row(name, secs, rss=None, cpu=None, note=""):
        rows.append(
            {
                "run": name,
                "mb_per_s": total / 1e6 / secs if secs else 0.0,
                "docs_per_s": docs / secs if secs else 0.0,
                "seconds": secs,
                "cpu_seconds": cpu,
                "peak_rss_mb": rss,
                "note": note,
            }
        )
        print(f"compare: {name}: {secs:.2f} s", file=sys.stderr, flush=True)

    bare = json.loads(
        subprocess.run(
            [args.bare_scan, args.corpus, "--dump-patterns", args.forms],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    for scan in bare["scans"]:
        row(f"bare find_iter ({scan['kind']}), 1 thread", scan["seconds"],
            note="scan only, text in memory")
    ng = args.newsgraph
    out = args.out
    for threads in (1, 2):
        secs, rss, cpu = measure([ng, "build", args.corpus, "--threads", str(threads), "-o", out])
        row(f"newsgraph build -f json, {threads} thread(s)", secs, rss, cpu,
            "read, repair, segment, tag, quotes, graph, JSON with every mention")
    secs, rss, cpu = measure([ng, "build", args.corpus, "--threads", "1", "-f", "dot", "-o", out])
    row("newsgraph build -f dot, 1 thread", secs, rss, cpu, "graph only")
    secs, rss, cpu = measure(
        [ng, "build", args.corpus, "-g", args.big_gazetteer, "--threads", "1", "-o", out]
    )
    row("newsgraph build -f json, 1 thread, +100k aliases", secs, rss, cpu,
        "default gazetteer plus 125,000 made-up forms")
    empty = out + ".empty.txt"
    with open(empty, "w") as f:
        f.write("\n")
    secs, rss, cpu = measure([ng, "entities", "-g", args.big_gazetteer, empty])
    row("load + build 100k-alias gazetteer", secs, rss, cpu, "no text")
    secs, rss, cpu = measure([ng, "entities", empty])
    row("load + build default gazetteer", secs, rss, cpu, "no text")

    with open(args.forms, encoding="utf-8") as f:
        forms = [line.rstrip("\n") for line in f if line.strip()]
    texts, sample = load(args.corpus, int(args.sample_mb * 1e6))
    runners = {"flashtext": run_flashtext, "spacy": run_spacy}
    names = {"flashtext": "flashtext extract_keywords", "spacy": "spaCy blank(en) + EntityRuler (LOWER)"}
    for name in args.tools.split(","):
        setup, secs, _ = runners[name](texts, forms)
        rows.append(
            {
                "run": names[name] + ", 1 thread",
                "mb_per_s": sample / 1e6 / secs,
                "docs_per_s": len(texts) / secs,
                "seconds": secs,
                "cpu_seconds": None,
                "peak_rss_mb": None,
                "note": f"first {sample / 1e6:.1f} MB, text in memory; set-up {setup:.2f} s",
            }
        )
        print(f"compare: {name}: {secs:.2f} s", file=sys.stderr, flush=True)
    print_table(rows, total, docs, len(forms))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"bytes": total, "documents": docs, "patterns": len(forms), "rows": rows}, f, indent=1)


def print_table(rows, total, docs, patterns):
    by = {r["run"]: r for r in rows}
    print(f"corpus: {total / 1e6:.1f} MB, {docs} documents; {patterns} surface forms")
    print(f"{'run':<50} {'seconds':>8} {'MB/s':>8} {'docs/s':>8} {'peak RSS':>9}  note")
    for r in rows:
        rss = f"{r['peak_rss_mb']:.0f} MB" if r["peak_rss_mb"] else "-"
        rate = r["note"] != "no text"
        mbs = f"{r['mb_per_s']:8.2f}" if rate else f"{'-':>8}"
        dps = f"{r['docs_per_s']:8.0f}" if rate else f"{'-':>8}"
        print(f"{r['run']:<50} {r['seconds']:8.2f} {mbs} {dps} {rss:>9}  {r['note']}")
    one = by["newsgraph build -f json, 1 thread(s)"]
    two = by["newsgraph build -f json, 2 thread(s)"]
    big = by["newsgraph build -f json, 1 thread, +100k aliases"]
    load_default = by["load + build default gazetteer"]["seconds"]
    load_big = by["load + build 100k-alias gazetteer"]["seconds"]
    bare = by["bare find_iter (contiguous_nfa), 1 thread"]["mb_per_s"]
    mbs = one["mb_per_s"]
    print("ratios (newsgraph build -f json, 1 thread, against):")
    print(f"  {'bare find_iter ceiling':<28} {mbs / bare:8.1%}")
    for key in ("flashtext extract_keywords, 1 thread", "spaCy blank(en) + EntityRuler (LOWER), 1 thread"):
        if key in by:
            print(f"  {key.split(' ')[0] + ' (x faster)':<28} {mbs / by[key]['mb_per_s']:8.1f}")
    print(f"  {'2 threads / 1 thread':<28} {one['seconds'] / two['seconds']:8.2f}")
    # The gazetteer's cost on throughput, its one-off load and build set apart.
    steady_default = one["seconds"] - load_default
    steady_big = big["seconds"] - load_big
    if steady_default > 0 and steady_big > 0:
        print(f"  {'+100k aliases, time cost':<28} {steady_big / steady_default - 1:+8.1%}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("forms")
    ap.add_argument("--sample-mb", type=float, default=10.0)
    ap.add_argument("--tools", default="flashtext,spacy")
    ap.add_argument("--newsgraph", help="run everything with this newsgraph binary")
    ap.add_argument("--bare-scan", help="the bare_scan example binary")
    ap.add_argument("--big-gazetteer", help="a gazetteer of 100k aliases")
    ap.add_argument("--out", default="compare-out.json", help="scratch output file")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    if args.newsgraph:
        return run_all(args)
    with open(args.forms, encoding="utf-8") as f:
        forms = [line.rstrip("\n") for line in f if line.strip()]
    texts, total = load(args.corpus, int(args.sample_mb * 1e6))
    runners = {"flashtext": run_flashtext, "spacy": run_spacy}
    for name in args.tools.split(","):
        setup, secs, matches = runners[name](texts, forms)
        print(
            json.dumps(
                {
                    "tool": name,
                    "bytes": total,
                    "documents": len(texts),
                    "patterns": len(forms),
                    "setup_seconds": round(setup, 3),
                    "seconds": round(secs, 3),
                    "matches": matches,
                    "mb_per_s": total / 1e6 / secs,
                    "docs_per_s": len(texts) / secs,
                    "peak_rss_mb": round(peak_rss_mb(), 1),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
