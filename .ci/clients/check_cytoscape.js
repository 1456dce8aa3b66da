// Loads graph.cyjs into Cytoscape.js (headless, under Node) and checks it.
//   node check_cytoscape.js DIR
'use strict';
const fs = require('fs');
const path = require('path');
const cytoscape = require(path.join(__dirname, '..', 'node', 'node_modules', 'cytoscape'));

const dir = process.argv[2];
const graph = JSON.parse(fs.readFileSync(path.join(dir, 'graph.json'), 'utf8'));
const expFile = path.join(dir, 'expected.json');
const exp = fs.existsSync(expFile) ? JSON.parse(fs.readFileSync(expFile, 'utf8')) : {};
const ids = new Set(graph.entities.map((e) => e.id));
const said = graph.quotes.filter((q) => ids.has(q.speaker)).length;
const about = graph.quotes.reduce((n, q) => n + q.about.filter((a) => ids.has(a)).length, 0);
const mentions = graph.entities.reduce((n, e) => n + e.documents.length, 0);
const nodes = graph.entities.length + graph.quotes.length + graph.documents.length;
const edges = graph.edges.length + said + about + mentions;

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
function eq(got, want, what) {
  if (got !== want) throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

const version = require(path.join(__dirname, '..', 'node', 'node_modules', 'cytoscape', 'package.json')).version;
check(`cytoscape.js ${version}: graph.cyjs`, () => {
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'graph.cyjs'), 'utf8'));
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  let cy;
  try {
    cy = cytoscape({ headless: true, elements: data.elements });
  } finally {
    console.warn = warn;
  }
  eq(warnings.length, 0, `warnings (${warnings.join('; ')})`);
  eq(cy.nodes().length, nodes, 'nodes');
  eq(cy.edges().length, edges, 'edges');
  cy.edges().forEach((e) => {
    if (e.source().empty() || e.target().empty()) throw new Error(`edge ${e.id()} lacks an endpoint`);
  });
  eq(cy.edges('[label = "CO_OCCURS"]').length, graph.edges.filter((e) => e.relation === 'co_occurs').length, 'CO_OCCURS');
  if (exp.tricky_id) {
    eq(cy.getElementById(exp.tricky_id).data('name'), exp.tricky_name, 'entity name');
    eq(cy.getElementById(`quote:${exp.tricky_quote_id}`).data('text'), exp.tricky_quote, 'quotation text');
  }
});
console.log(`(cytoscape over ${dir})`);
console.log(`cytoscape: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
