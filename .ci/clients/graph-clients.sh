#!/usr/bin/env bash
# Real graph clients for newsgraph's exports (issue 6).
#   bash .ci/clients/graph-clients.sh setup   # install clients (idempotent, quiet)
#   bash .ci/clients/graph-clients.sh test    # export, load into every client, query, assert
#
# setup installs, from PyPI, npm and Debian only:
#   .ci/venv       Python >= 3.12 (pyenv's; FalkorDBLite needs it): networkx 3.6,
#                  rdflib, pyoxigraph, kuzu and its fork ladybug, falkordblite (a real
#                  FalkorDB server)
#   .ci/venv-nx34  networkx 3.4 (node-link `links` vs `edges`)
#   .ci/node       cytoscape (Cytoscape.js under Node) and Neo4j's Cypher parser
#                  (@neo4j-cypher/language-support: no Neo4j server is on a registry)
#   graphviz       `dot` for the DOT export (Debian; nodejs and npm too if missing)
# test builds the export fixture (examples/export_fixture.rs: names and a
# quotation with quotes, a backslash, line breaks and non-ASCII text) and
# `newsgraph build` over examples/articles, in every format, and loads each.
set -euo pipefail
cd "$(dirname "$0")/../.."
CI_DIR=.ci
CLIENTS=.ci/clients

REQ_MAIN=(networkx==3.6.1 rdflib==7.6.0 pyoxigraph==0.5.13 kuzu==0.11.3 ladybug==0.22.0 falkordblite==0.11.0)
REQ_NX34=(networkx==3.4.2)
NODE_PACKAGES=(cytoscape@3.34.4 @neo4j-cypher/language-support@2.0.0-next.38)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# A Python >= 3.12: on PATH, from pyenv, or Debian's if it has one.
find_python312() {
  local c
  for c in python3.12 python3.13 python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  for c in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
    if [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

# venv DIR PYTHON PACKAGES...: creates DIR and installs PACKAGES unless the
# stamp says they are already there.
venv() {
  local dir=$1 py=$2; shift 2
  local want="$* $("$py" -c 'import sys; print(sys.version.split()[0])')"
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$want" ] && [ -x "$dir/bin/python" ]; then
    return 0
  fi
  rm -rf "$dir"
  "$py" -m venv "$dir"
  "$dir/bin/python" -m pip install -q --disable-pip-version-check "$@"
  echo "$want" >"$dir/.stamp"
}

setup() {
  local debs=()
  command -v dot >/dev/null 2>&1 || debs+=(graphviz)
  command -v node >/dev/null 2>&1 || debs+=(nodejs)
  command -v npm >/dev/null 2>&1 || debs+=(npm)
  if ((${#debs[@]})); then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${debs[@]}" >/dev/null
  fi
  local py312
  if ! py312=$(find_python312); then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3.12 python3.12-venv >/dev/null 2>&1 || true
    py312=$(find_python312) || { echo "graph-clients: no Python >= 3.12 (needed by FalkorDBLite)" >&2; exit 1; }
  fi
  venv "$CI_DIR/venv" "$py312" "${REQ_MAIN[@]}"
  local py3
  py3=$(command -v python3.11 || command -v python3)
  venv "$CI_DIR/venv-nx34" "$py3" "${REQ_NX34[@]}"
  if [ ! -f "$CI_DIR/node/.stamp" ] || [ "$(cat "$CI_DIR/node/.stamp")" != "${NODE_PACKAGES[*]}" ]; then
    rm -rf "$CI_DIR/node" && mkdir -p "$CI_DIR/node"
    echo '{"name": "newsgraph-ci-clients", "private": true}' >"$CI_DIR/node/package.json"
    (cd "$CI_DIR/node" && npm install --no-audit --no-fund --silent "${NODE_PACKAGES[@]}" >/dev/null 2>&1)
    echo "${NODE_PACKAGES[*]}" >"$CI_DIR/node/.stamp"
  fi
}

# check_dir DIR: every client over the exports in DIR.
check_dir() {
  local dir=$1 status=0
  "$CI_DIR/venv/bin/python" "$CLIENTS/check_exports.py" "$dir" || status=1
  "$CI_DIR/venv/bin/python" "$CLIENTS/check_exports.py" "$dir" --only ladybug || status=1
  "$CI_DIR/venv-nx34/bin/python" "$CLIENTS/check_exports.py" "$dir" --only networkx || status=1
  node "$CLIENTS/check_cytoscape.js" "$dir" || status=1
  node "$CLIENTS/check_neo4j_cypher.js" "$dir" || status=1
  if dot -Tsvg "$dir/graph.dot" -o "$dir/graph.svg"; then
    echo "ok    graphviz $(dot -V 2>&1 | awk '{print $5}'): dot -Tsvg"
    echo "graphviz: 1 passed, 0 failed"
  else
    echo "graphviz: 0 passed, 1 failed"; status=1
  fi
  return $status
}

test_clients() {
  local out=target/export-clients status=0
  rm -rf "$out" && mkdir -p "$out"
  cargo build --quiet --locked --bin newsgraph --example export_fixture
  local bin=target/debug/newsgraph
  target/debug/examples/export_fixture "$out/fixture" >/dev/null
  check_dir "$out/fixture" || status=1

  # The real pipeline over the example articles, every format through the CLI.
  local a="$out/articles"
  mkdir -p "$a"
  local f
  for f in json:graph.json dot:graph.dot graphml:graph.graphml gexf:graph.gexf \
           node-link:graph.node-link.json cytoscape:graph.cyjs ntriples:graph.nt \
           turtle:graph.ttl jsonl:graph.jsonl; do
    "$bin" build examples/articles -f "${f%%:*}" -o "$a/${f#*:}"
  done
  local d
  for d in neo4j falkordb kuzu; do
    "$bin" build examples/articles -f cypher --dialect "$d" -o "$a/graph.$d.cypher"
  done
  "$bin" build examples/articles -f neo4j-csv -o "$a/neo4j-csv"
  check_dir "$a" || status=1
  return $status
}

case "${1:-}" in
  setup) setup ;;
  test) test_clients ;;
  *) echo "usage: $0 setup|test" >&2; exit 2 ;;
esac
