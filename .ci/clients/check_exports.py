"""Loads newsgraph exports into real clients and checks what they read.

    python check_exports.py DIR [--only networkx]

DIR holds the files `examples/export_fixture.rs` (or `newsgraph build`)
writes: graph.json plus every export. The expected counts come from
graph.json (and expected.json when present, which also names one entity
and one quotation whose text must come back byte for byte).
Clients: networkx (node-link, GraphML, GEXF), rdflib and pyoxigraph
(N-Triples, Turtle, SPARQL), Kùzu and Ladybug (Cypher script; neo4j-admin
CSV through COPY FROM CSV), FalkorDB (FalkorDBLite: a real FalkorDB server; Cypher
script). Prints one line per check, then 'N passed, N failed'.
"""
import json
import os
import sys
import tempfile
import traceback

DIR = sys.argv[1]
ONLY = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--only" else None
RESULTS = []


def path(name):
    return os.path.join(DIR, name)


def expected():
    g = json.load(open(path("graph.json"), encoding="utf-8"))
    ids = {e["id"] for e in g["entities"]}
    exp = {
        "entities": len(g["entities"]),
        "quotes": len(g["quotes"]),
        "documents": len(g["documents"]),
        "co_occurs": sum(e["relation"] == "co_occurs" for e in g["edges"]),
        "quoted_about": sum(e["relation"] == "quoted_about" for e in g["edges"]),
        "said": sum(q["speaker"] in ids for q in g["quotes"]),
        "about": sum(a in ids for q in g["quotes"] for a in q["about"]),
        "mentions": sum(len(e["documents"]) for e in g["entities"]),
    }
    exp["nodes"] = exp["entities"] + exp["quotes"] + exp["documents"]
    exp["edges"] = sum(exp[k] for k in ("co_occurs", "quoted_about", "said", "about", "mentions"))
    if os.path.exists(path("expected.json")):
        fixed = json.load(open(path("expected.json"), encoding="utf-8"))
        for k, v in exp.items():
            assert fixed[k] == v, f"expected.json says {k}={fixed[k]}, graph.json gives {v}"
        exp.update(fixed)
    else:
        e = g["entities"][0] if g["entities"] else None
        q = g["quotes"][0] if g["quotes"] else None
        exp["tricky_id"], exp["tricky_name"] = (e["id"], e["name"]) if e else (None, None)
        exp["tricky_quote_id"], exp["tricky_quote"] = (q["id"], q["text"]) if q else (None, None)
    return exp


EXP = expected()


def check(name):
    def wrap(fn):
        if ONLY and not name.startswith(ONLY):
            return fn
        try:
            fn()
            RESULTS.append((name, None))
            print(f"ok    {name}")
        except Exception as e:  # noqa: BLE001 - report every failure
            RESULTS.append((name, e))
            print(f"FAIL  {name}: {e!r}")
            traceback.print_exc()
        return fn
    return wrap


def eq(got, want, what):
    assert got == want, f"{what}: got {got!r}, want {want!r}"


def check_strings(name_of, quote_text):
    """name_of(entity id) and quote_text(quote id) read from the client."""
    if EXP["tricky_id"] is not None:
        eq(name_of(EXP["tricky_id"]), EXP["tricky_name"], "entity name")
    if EXP["tricky_quote_id"] is not None:
        eq(quote_text(EXP["tricky_quote_id"]), EXP["tricky_quote"], "quotation text")


# ---------------------------------------------------------------- networkx
def networkx_checks():
    import networkx as nx

    label = f"networkx {nx.__version__}"

    def common(G):
        eq(G.number_of_nodes(), EXP["nodes"], "nodes")
        eq(G.number_of_edges(), EXP["edges"], "edges")
        kinds = {}
        for _, d in G.nodes(data=True):
            kinds[d["labels"]] = kinds.get(d["labels"], 0) + 1
        check_strings(lambda i: G.nodes[i]["name"], lambda q: G.nodes["quote:" + q]["text"])
        # every edge's relationship type is there
        rels = {}
        for _, _, d in G.edges(data=True):
            rels[d["label"]] = rels.get(d["label"], 0) + 1
        for k in ("co_occurs", "quoted_about", "said", "about", "mentions"):
            eq(rels.get(k.upper(), 0), EXP[k], f"{k} edges")

    @check(f"{label}: node-link (node_link_graph)")
    def _():
        data = json.load(open(path("graph.node-link.json"), encoding="utf-8"))
        G = nx.node_link_graph(data)
        eq(G.is_multigraph() and G.is_directed(), True, "MultiDiGraph")
        for n, d in G.nodes(data=True):
            d["labels"] = ";".join(d["labels"])
        common(G)

    @check(f"{label}: GraphML (read_graphml)")
    def _():
        G = nx.read_graphml(path("graph.graphml"))
        for n, d in G.nodes(data=True):
            d["labels"] = d["labels"].strip(":").replace(":", ";")
        if EXP["tricky_id"]:
            eq(type(G.nodes[EXP["tricky_id"]]["mentions"]), int, "typed mentions")
        common(G)

    if tuple(int(x) for x in nx.__version__.split(".")[:2]) < (3, 5):
        print(f"skip  {label}: GEXF 1.3 (this networkx reads GEXF 1.1/1.2 only; checked with 3.6)")
        return

    @check(f"{label}: GEXF (read_gexf)")
    def _():
        G = nx.read_gexf(path("graph.gexf"))
        common(G)
        if EXP["tricky_id"]:
            eq(G.nodes[EXP["tricky_id"]]["label"], EXP["tricky_name"], "GEXF node label")
        for _, _, d in G.edges(data=True):
            assert d["weight"] >= 1


# ---------------------------------------------------------------- RDF
SPARQL_COUNTS = """
PREFIX schema: <https://schema.org/>
SELECT
  (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?q) AS ?quotes) (COUNT(DISTINCT ?d) AS ?documents)
WHERE {
  { ?e a ?c . FILTER(?c IN (schema:Person, schema:Place, schema:Organization)) }
  UNION { ?q a schema:Quotation } UNION { ?d a schema:NewsArticle }
}"""
SPARQL_QUOTE = """
PREFIX schema: <https://schema.org/>
SELECT ?text ?name WHERE {
  ?q a schema:Quotation ; schema:identifier ?qid ; schema:text ?text .
  OPTIONAL { ?q schema:creator ?s . ?s schema:name ?name }
  FILTER(?qid = %s)
}"""
SPARQL_NAME = """
PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?e schema:identifier ?id ; schema:name ?name . FILTER(?id = %s) }"""
SPARQL_EDGES = """
PREFIX schema: <https://schema.org/>
PREFIX ng: <urn:newsgraph:vocab:>
SELECT (COUNT(*) AS ?n) WHERE { ?a ng:coOccursWith ?b }"""


def sparql_str(s):
    return json.dumps(s)  # a JSON string is a valid SPARQL string literal


def rdf_checks():
    import rdflib

    for fmt, name in (("nt", "graph.nt"), ("turtle", "graph.ttl")):
        @check(f"rdflib {rdflib.__version__}: {name} + SPARQL")
        def _(fmt=fmt, name=name):
            g = rdflib.Graph()
            g.parse(path(name), format=fmt)
            row = list(g.query(SPARQL_COUNTS))[0]
            eq(tuple(int(x) for x in row), (EXP["entities"], EXP["quotes"], EXP["documents"]), "counts")
            eq(int(list(g.query(SPARQL_EDGES))[0][0]), EXP["co_occurs"], "coOccursWith")
            check_strings(
                lambda i: str(list(g.query(SPARQL_NAME % sparql_str(i)))[0][0]),
                lambda q: str(list(g.query(SPARQL_QUOTE % sparql_str(q)))[0][0]),
            )

    import pyoxigraph as ox

    for fmt, name in ((ox.RdfFormat.N_TRIPLES, "graph.nt"), (ox.RdfFormat.TURTLE, "graph.ttl")):
        @check(f"pyoxigraph {ox.__version__}: {name} + SPARQL")
        def _(fmt=fmt, name=name):
            store = ox.Store()
            store.load(path=path(name), format=fmt)
            row = list(store.query(SPARQL_COUNTS))[0]
            eq(tuple(int(row[i].value) for i in range(3)), (EXP["entities"], EXP["quotes"], EXP["documents"]), "counts")
            eq(int(list(store.query(SPARQL_EDGES))[0][0].value), EXP["co_occurs"], "coOccursWith")
            check_strings(
                lambda i: list(store.query(SPARQL_NAME % sparql_str(i)))[0][0].value,
                lambda q: list(store.query(SPARQL_QUOTE % sparql_str(q)))[0][0].value,
            )


# ---------------------------------------------------------------- Cypher
def split_cypher(script):
    """Splits a newsgraph Cypher script into statements: `;` ends one
    unless it is inside a quoted string (where `\\` escapes)."""
    out, cur, quote, esc = [], [], None, False
    for ch in script:
        cur.append(ch)
        if quote:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == quote:
                quote = None
        elif ch in "'\"`":
            quote = ch
        elif ch == ";":
            stmt = "".join(cur).strip()
            if stmt.rstrip(";").strip():
                out.append(stmt)
            cur = []
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


def kuzu_checks():
    import kuzu

    embedded_cypher_checks(kuzu)


def ladybug_checks():
    """Ladybug, Kùzu's maintained fork (same Python API). It cannot share a
    process with kuzu (both register the same native types), so it runs
    only with `--only ladybug`."""
    import ladybug

    embedded_cypher_checks(ladybug)


def embedded_cypher_checks(kuzu):
    engine = f"{kuzu.__name__} {kuzu.__version__}"

    def counts(conn):
        def one(q):
            return conn.execute(q).get_next()[0]
        eq(one("MATCH (n:Entity) RETURN count(*)"), EXP["entities"], "entities")
        eq(one("MATCH (n:Quote) RETURN count(*)"), EXP["quotes"], "quotes")
        eq(one("MATCH (n:Document) RETURN count(*)"), EXP["documents"], "documents")
        for rel in ("co_occurs", "quoted_about", "said", "about", "mentions"):
            eq(one(f"MATCH ()-[r:{rel.upper()}]->() RETURN count(*)"), EXP[rel], rel)
        check_strings(
            lambda i: conn.execute("MATCH (n:Entity) WHERE n.id = $id RETURN n.name", {"id": i}).get_next()[0],
            lambda q: conn.execute("MATCH (n:Quote) WHERE n.id = $id RETURN n.text", {"id": q}).get_next()[0],
        )
        if EXP["tricky_quote_id"] and EXP["said"]:
            # the speaker is linked to the quotation
            r = conn.execute(
                "MATCH (s:Entity)-[:SAID]->(q:Quote) WHERE q.id = $id RETURN s.name", {"id": EXP["tricky_quote_id"]}
            )
            assert r.has_next()

    script = open(path("graph.kuzu.cypher"), encoding="utf-8").read()

    @check(f"{engine}: Cypher script (twice: MERGE is idempotent)")
    def _():
        with tempfile.TemporaryDirectory() as d:
            conn = kuzu.Connection(kuzu.Database(os.path.join(d, "db")))
            for _ in range(2):
                for stmt in split_cypher(script):
                    conn.execute(stmt)
            counts(conn)

    @check(f"{engine}: neo4j-csv via COPY FROM (LOAD FROM csv)")
    def _():
        with tempfile.TemporaryDirectory() as d:
            conn = kuzu.Connection(kuzu.Database(os.path.join(d, "db")))
            for stmt in split_cypher(script):
                if stmt.startswith("CREATE"):
                    conn.execute(stmt)
            nodes, rels = path("neo4j-csv/nodes.csv"), path("neo4j-csv/relationships.csv")
            head_n = open(nodes, encoding="utf-8").readline().rstrip("\n").split(",")
            head_r = open(rels, encoding="utf-8").readline().rstrip("\n").split(",")
            opts = "(header=true, parallel=false)"

            def table_columns(table):
                r = conn.execute(f"CALL table_info('{table}') RETURN *")
                cols = []
                while r.has_next():
                    row = r.get_next()
                    cols.append((row[1], row[2]))
                return cols

            def column(header, name, ty):
                i = next(i for i, h in enumerate(header) if h.rsplit(":", 1)[0] == name and ":" in h)
                if ty == "STRING[]":
                    return f"string_split(c{i}, ';')"
                return f"CAST(c{i} AS {ty})"

            def load(file, header, where, ret):
                # Every column read as STRING under our own names, then cast:
                # Kùzu would otherwise take `name:type` headers as its own types.
                cols = ", ".join(f"c{i} STRING" for i in range(len(header)))
                return f"LOAD WITH HEADERS ({cols}) FROM '{file}' {opts} WHERE {where} RETURN {ret}"

            label_col, type_col, start_col, end_col = (
                f"c{head_n.index(':LABEL')}", f"c{head_r.index(':TYPE')}",
                f"c{head_r.index(':START_ID')}", f"c{head_r.index(':END_ID')}")
            for label in ("Entity", "Quote", "Document"):
                ret = ", ".join(column(head_n, n, t) for n, t in table_columns(label))
                where = f"split_part({label_col}, ';', 1) = '{label}'"
                conn.execute(f"COPY {label} FROM ({load(nodes, head_n, where, ret)})")
            for rel in ("CO_OCCURS", "QUOTED_ABOUT", "SAID", "ABOUT", "MENTIONS"):
                ends = [f"regexp_replace({c}, '^(quote|document):', '')" for c in (start_col, end_col)]
                ret = ", ".join(ends + [column(head_r, n, t) for n, t in table_columns(rel)])
                where = f"{type_col} = '{rel}'"
                conn.execute(f"COPY {rel} FROM ({load(rels, head_r, where, ret)})")
            counts(conn)


def falkordb_checks():
    from redislite.falkordb_client import FalkorDB

    script = open(path("graph.falkordb.cypher"), encoding="utf-8").read()

    @check("FalkorDB (falkordblite, embedded falkordb.so server): Cypher script (twice)")
    def _():
        with tempfile.TemporaryDirectory() as d:
            db = FalkorDB(os.path.join(d, "falkor.rdb"))
            try:
                g = db.select_graph("newsgraph")
                for run in range(2):
                    for stmt in split_cypher(script):
                        if run == 1 and stmt.startswith("CREATE INDEX"):
                            continue  # FalkorDB has no IF NOT EXISTS for indexes
                        g.query(stmt)

                def one(q, params=None):
                    return g.query(q, params).result_set[0][0]
                eq(one("MATCH (n:Entity) RETURN count(n)"), EXP["entities"], "entities")
                eq(one("MATCH (n:Quote) RETURN count(n)"), EXP["quotes"], "quotes")
                eq(one("MATCH (n:Document) RETURN count(n)"), EXP["documents"], "documents")
                for rel in ("co_occurs", "quoted_about", "said", "about", "mentions"):
                    eq(one(f"MATCH ()-[r:{rel.upper()}]->() RETURN count(r)"), EXP[rel], rel)
                check_strings(
                    lambda i: one("MATCH (n:Entity {id: $id}) RETURN n.name", {"id": i}),
                    lambda q: one("MATCH (n:Quote {id: $id}) RETURN n.text", {"id": q}),
                )
            finally:
                db.close() if hasattr(db, "close") else None


GROUPS = {
    "networkx": networkx_checks,
    "rdf": rdf_checks,
    "kuzu": kuzu_checks,
    "falkordb": falkordb_checks,
    "ladybug": ladybug_checks,
}
for name, fn in GROUPS.items():
    if (ONLY and not name.startswith(ONLY)) or (not ONLY and name == "ladybug"):
        continue
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - an import failure is a failed check
        RESULTS.append((name, e))
        print(f"FAIL  {name}: {e!r}")
        traceback.print_exc()

failed = sum(1 for _, e in RESULTS if e is not None)
print(f"(python clients over {DIR})")
print(f"python-clients: {len(RESULTS) - failed} passed, {failed} failed")
sys.exit(1 if failed or not RESULTS else 0)
