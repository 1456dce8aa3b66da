// Checks the Neo4j Cypher script with Neo4j's own Cypher parser and linter
// (@neo4j-cypher/language-support, what Neo4j's Browser and VS Code use).
// No Neo4j server can be installed from the package registries, so this
// proves syntax and statement splitting, not execution; FalkorDB and Kùzu
// run the same MERGE statements for real in check_exports.py.
//   node check_neo4j_cypher.js DIR
'use strict';
const fs = require('fs');
const path = require('path');
const modules = path.join(__dirname, '..', 'node', 'node_modules');
const cypher = require(path.join(modules, '@neo4j-cypher', 'language-support'));
const version = require(path.join(modules, '@neo4j-cypher', 'language-support', 'package.json')).version;

const dir = process.argv[2];
const graph = JSON.parse(fs.readFileSync(path.join(dir, 'graph.json'), 'utf8'));
const ids = new Set(graph.entities.map((e) => e.id));
const said = graph.quotes.filter((q) => ids.has(q.speaker)).length;
const about = graph.quotes.reduce((n, q) => n + q.about.filter((a) => ids.has(a)).length, 0);
const mentions = graph.entities.reduce((n, e) => n + e.documents.length, 0);
const nodes = graph.entities.length + graph.quotes.length + graph.documents.length;
const edges = graph.edges.length + said + about + mentions;
const schema = 3; // one uniqueness constraint per label

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed += 1;
    console.log(`ok    ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL  ${name}: ${e.message}`);
  }
}

check(`neo4j cypher parser ${version}: graph.neo4j.cypher`, () => {
  const script = fs.readFileSync(path.join(dir, 'graph.neo4j.cypher'), 'utf8');
  const statements = cypher.parseStatementsStrs(script);
  if (statements.length !== schema + nodes + edges) {
    throw new Error(`statements: got ${statements.length}, want ${schema + nodes + edges}`);
  }
  const { diagnostics } = cypher.lintCypherQuery(script, {}, false);
  if (diagnostics.length) {
    const d = diagnostics[0];
    throw new Error(`${diagnostics.length} diagnostics, first at line ${d.range.start.line + 1}: ${d.message}`);
  }
  const merges = statements.filter((s) => s.trim().startsWith('MERGE')).length;
  if (merges !== nodes) throw new Error(`MERGE statements: got ${merges}, want ${nodes}`);
});
console.log(`(neo4j cypher parser over ${dir})`);
console.log(`neo4j-parser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
