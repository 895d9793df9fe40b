// The generated TypeScript packages the tests use, and what the Rust crates generated
// beside them return for the same codes.

import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { parse as parseYaml } from 'yaml';

import { ROOT } from './demo.js';

const run = promisify(execFile);

/**
 * Runs cargo in the repository, with `env` added to the environment and `input`, if given,
 * as its standard input, failing with its output.
 */
export async function cargo(args, env = {}, input = undefined) {
  try {
    const running = run('cargo', args, {
      cwd: ROOT,
      maxBuffer: 64 << 20,
      env: { ...process.env, ...env },
    });
    if (input !== undefined) running.child.stdin.end(input);
    const { stdout } = await running;
    return stdout;
  } catch (error) {
    throw new Error(`cargo ${args.join(' ')} failed:\n${error.stderr ?? error}`);
  }
}

/**
 * Builds and runs `tests/node/<name>/main.rs` as the binary of a Cargo project of its own
 * in `project`, with `dependencies` (lines of its `[dependencies]`), offline and with the
 * repository's Cargo.lock, its build cached in target/node-<name>, with `input`, if
 * given, as its standard input. Resolves to what the program prints.
 */
export async function runRustProgram(name, project, dependencies, env = {}, input = undefined) {
  const manifest = `[package]
name = "${name}"
version = "0.0.0"
edition = "2021"
publish = false

[[bin]]
name = "${name}"
path = ${JSON.stringify(join(ROOT, 'tests/node', name, 'main.rs'))}

[dependencies]
${dependencies.join('\n')}

[workspace]
`;
  await writeIfChanged(join(project, 'Cargo.toml'), manifest);
  await copyFile(join(ROOT, 'Cargo.lock'), join(project, 'Cargo.lock'));
  return cargo(
    [
      'run',
      '--quiet',
      '--offline',
      '--manifest-path',
      join(project, 'Cargo.toml'),
      '--target-dir',
      join(ROOT, `target/node-${name}`),
    ],
    env,
    input,
  );
}

/** Writes `text` to `path` unless the file already holds it, so cargo sees no change. */
export async function writeIfChanged(path, text) {
  const current = existsSync(path) ? await readFile(path, 'utf8') : undefined;
  if (current !== text) await writeFile(path, text);
}

const tempDirs = [];

// Temporary folders go when the test process ends, unless KEEP_TEMP is set, to look into
// one a failure names.
process.on('exit', () => {
  if (process.env.KEEP_TEMP) return;
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder for this test process. */
export async function tempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/**
 * The packages under test: the two shipped ones as committed under generated/, and the
 * one of the hostile-text fixture, generated into a temporary folder.
 *
 * Each is `{ crate, catalogPath, catalog, crateDir, tsDir, packageJson }`, `catalog`
 * being the YAML as the `yaml` package reads it: independently of the generator.
 */
export async function preparePackages() {
  return Promise.all([
    describePackage(join(ROOT, 'catalog/relay.yaml'), join(ROOT, 'generated')),
    describePackage(join(ROOT, 'catalog/batch-relay.yaml'), join(ROOT, 'generated')),
    fixturePackage('hostile_text.yaml'),
  ]);
}

/**
 * The package of `tests/fixtures/valid/<name>`, generated into a temporary folder with
 * `cargo xtask gen` (from a copy of the fixture, so no lock file lands beside it), as
 * `preparePackages` describes each.
 */
export async function fixturePackage(name) {
  const temp = await tempDir('ts-packages-');
  const fixture = join(temp, name);
  await copyFile(join(ROOT, 'tests/fixtures/valid', name), fixture);
  const out = join(temp, 'out');
  await cargo(['run', '--quiet', '--package', 'xtask', '--', 'gen', '--catalog', fixture, '--out', out]);
  return describePackage(fixture, out);
}

/** The package generated from `catalogPath` into `outDir`, described as `preparePackages` has it. */
export async function describePackage(catalogPath, outDir) {
  const catalog = parseYaml(await readFile(catalogPath, 'utf8'));
  const crateDir = join(outDir, catalog.crate);
  const tsDir = join(crateDir, 'ts');
  const packageJson = JSON.parse(await readFile(join(tsDir, 'package.json'), 'utf8'));
  return { crate: catalog.crate, catalogPath, catalog, crateDir, tsDir, packageJson };
}

/** The package's `index.js`, imported. */
export function importPackage(pkg) {
  return import(pathToFileURL(join(pkg.tsDir, 'index.js')).href);
}

/**
 * What the Rust crates of `packages` return, from `rust-values/main.rs` built against
 * them in a throwaway Cargo project (with the repository's Cargo.lock, offline, its build
 * cached under target/). Resolves to `{ retryCases, catalogs: { [crate]: values } }`.
 */
export async function rustValues(packages) {
  const dependencies = packages.map(
    (pkg) => `${pkg.crate} = { path = ${JSON.stringify(pkg.crateDir)} }`,
  );
  const stdout = await runRustProgram('rust-values', await tempDir('rust-values-'), dependencies);
  const values = JSON.parse(stdout);
  // JSON has no NaN, so the program writes that one random input as a string.
  values.retryCases = values.retryCases.map(([attempt, random]) => [
    attempt,
    random === 'NaN' ? NaN : random,
  ]);
  return values;
}
