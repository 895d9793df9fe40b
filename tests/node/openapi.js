// The generated openapi.json documents the tests check, and the bodies the Rust crates
// beside them serialize for every code.

import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { ROOT } from './demo.js';
import { cargo, runRustProgram, writeIfChanged } from './packages.js';

/**
 * A folder under target/ that stays between runs: the fixtures are generated into it
 * and the Rust project is built in it, so cargo rebuilds only what changed (`gen` writes
 * only files whose bytes change, so an unchanged crate keeps its mtimes).
 */
const WORK = join(ROOT, 'target/node-openapi');

/**
 * The catalogs under test: the two shipped ones as committed under generated/, and every
 * valid fixture, generated with `cargo xtask gen` (from copies, so no lock file lands
 * beside the fixtures). Each is `{ crate, ident, catalog, envelopes, openapi }`,
 * `catalog` being the YAML as the `yaml` package reads it.
 */
export async function prepareCatalogs() {
  const fixtures = join(ROOT, 'tests/fixtures/valid');
  const copies = join(WORK, 'fixtures');
  await mkdir(copies, { recursive: true });
  const names = (await readdir(fixtures)).filter((name) => name.endsWith('.yaml')).sort();
  for (const name of await readdir(fixtures)) {
    if (name.endsWith('.yaml') || name.endsWith('.lock')) {
      await copyFile(join(fixtures, name), join(copies, name));
    }
  }
  const out = join(WORK, 'out');
  const catalogArgs = names.flatMap((name) => ['--catalog', join(copies, name)]);
  await cargo(['run', '--quiet', '--package', 'xtask', '--', 'gen', ...catalogArgs, '--out', out]);
  return Promise.all([
    describeCatalog(join(ROOT, 'catalog/relay.yaml'), join(ROOT, 'generated')),
    describeCatalog(join(ROOT, 'catalog/batch-relay.yaml'), join(ROOT, 'generated')),
    ...names.map((name) => describeCatalog(join(copies, name), out)),
  ]);
}

async function describeCatalog(catalogPath, outDir) {
  const catalog = parseYaml(await readFile(catalogPath, 'utf8'));
  const crateDir = join(outDir, catalog.crate);
  const openapi = JSON.parse(await readFile(join(crateDir, 'openapi.json'), 'utf8'));
  const listed = catalog.envelopes ?? ['rest'];
  const envelopes = Array.isArray(listed) ? listed : [listed];
  const ident = catalog.crate.replaceAll('-', '_');
  return { crate: catalog.crate, ident, catalog, envelopes, crateDir, openapi };
}

/**
 * What each crate's envelopes serialize for each code, from `rust-bodies/main.rs` built
 * against the crates (feature `serde`) in a Cargo project under target/, offline, with
 * the repository's Cargo.lock. Resolves to `{ [ident]: { [envelope]: { [code]: body } } }`.
 */
export async function rustBodies(catalogs, details = {}) {
  const project = join(WORK, 'rust-bodies');
  await mkdir(project, { recursive: true });
  const dependencies = [
    'serde_json = "1"',
    ...catalogs.map(
      (c) => `${c.crate} = { path = ${JSON.stringify(c.crateDir)}, features = ["serde"] }`,
    ),
  ];
  const list = `vec![\n${catalogs
    .map((c) => `    bodies!(${c.ident}, [${c.envelopes.join(', ')}]),`)
    .join('\n')}\n]\n`;
  await writeIfChanged(join(project, 'catalogs.rs'), list);
  await writeFile(join(project, 'details.json'), JSON.stringify(details));
  const stdout = await runRustProgram('rust-bodies', project, dependencies, {
    RUST_BODIES_CATALOGS: join(project, 'catalogs.rs'),
    RUST_BODIES_DETAILS: join(project, 'details.json'),
  });
  return JSON.parse(stdout);
}
