// What a client pays for the generated TypeScript packages, printed as figures and held
// to the goals that do not depend on the machine (bundle sizes are bytes, not timings):
//
// - bundle size: esbuild (pinned in package.json) bundles small clients of each package
//   (one import each: `isErrorCode`, `errorCodeOf`, `CODES`, `formatMessage`), minified,
//   as ES modules, then gzip -9; each against a client of the wire strings alone in a
//   `Set`, the floor. Packages: Relay as committed, and synthetic catalogs of 1,000 and
//   10,000 codes with details (`cargo xtask synth --details`).
// - type-checking: `tsc --noEmit` (the test package's TypeScript) of a strict consumer
//   that narrows a REST body on one code and reads a detail, against the same consumer
//   over a plain union of the same strings, at 1,000 and 10,000 codes; and the first hover
//   an editor asks for in each, on `error.details` where it is narrowed, through
//   TypeScript's language service. Timed, so printed only; what fails the run is a type
//   error, e.g. "union type too complex", or a hover that does not show the code's details.
//
// `npm run bench` in tests/node; `.ci/run` runs it. BENCHMARKS.md has the figures.

import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import * as esbuild from 'esbuild';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';

import { ROOT } from '../demo.js';
import { cargo, tempDir } from '../packages.js';

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The guards-only client may cost at most this many times the wire strings alone. */
const GUARDS_BUDGET = 1.5;

/** The clients bundled, each one import of the package. */
const CLIENTS = {
  isErrorCode: 'import { isErrorCode } from "pkg"; console.log(isErrorCode(globalThis.input));',
  errorCodeOf: 'import { errorCodeOf } from "pkg"; console.log(errorCodeOf(globalThis.input));',
  CODES: 'import { CODES } from "pkg"; console.log(CODES[globalThis.input]);',
  formatMessage:
    'import { formatMessage } from "pkg"; console.log(formatMessage(globalThis.input, {}));',
};

/** Minified and gzipped bytes of `source` bundled, "pkg" being the module at `entry`. */
async function bundle(source, entry) {
  const result = await esbuild.build({
    stdin: { contents: source, sourcefile: 'client.js', resolveDir: ROOT },
    alias: { pkg: entry },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** A synthetic catalog of `codes` codes with details, generated into a temporary folder. */
async function synthetic(codes) {
  const dir = await tempDir(`client-cost-${codes}-`);
  const catalogPath = join(dir, 'synthetic.yaml');
  await cargo(['run', '--quiet', '-p', 'xtask', '--', 'synth', '--codes', `${codes}`, '--details', '--out', catalogPath]);
  await cargo(['run', '--quiet', '-p', 'xtask', '--', 'gen', '--catalog', catalogPath, '--out', join(dir, 'out')]);
  const catalog = parseYaml(await readFile(catalogPath, 'utf8'));
  return { name: `${codes} codes`, catalog, tsDir: join(dir, 'out', catalog.crate, 'ts'), dir };
}

async function relay() {
  const catalog = parseYaml(await readFile(join(ROOT, 'catalog/relay.yaml'), 'utf8'));
  return { name: 'Relay', catalog, tsDir: join(ROOT, 'generated/relay-errors/ts') };
}

async function bundleSizes(pkg) {
  const entry = join(pkg.tsDir, 'index.js');
  const { CODES } = await import(pathToFileURL(entry).href);
  const dir = await tempDir('client-cost-floor-');
  const floor = join(dir, 'floor.js');
  await writeFile(
    floor,
    `const KNOWN = new Set(${JSON.stringify(Object.keys(CODES))});\n` +
      'export function isErrorCode(value) { return typeof value === "string" && KNOWN.has(value); }\n',
  );
  const floorSize = await bundle(CLIENTS.isErrorCode, floor);
  const sizes = {};
  for (const [client, source] of Object.entries(CLIENTS)) sizes[client] = await bundle(source, entry);
  return { floor: floorSize, sizes };
}

/** Seconds `tsc -p dir` takes, failing with its output if it reports an error. */
async function tscSeconds(dir) {
  const start = process.hrtime.bigint();
  try {
    await run(process.execPath, [TSC, '-p', dir], { maxBuffer: 64 << 20 });
  } catch (error) {
    throw new Error(`tsc -p ${dir} failed:\n${error.stdout}${error.stderr}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Seconds the first hover over `error.details` in `dir`'s consumer takes in a fresh
 * language service (as an editor opening the file), and the type it shows.
 */
function firstHover(dir) {
  const file = join(dir, 'consumer.ts');
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  const host = {
    getScriptFileNames: () => config.fileNames,
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) =>
      ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name)) : undefined,
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const service = ts.createLanguageService(host);
  const text = ts.sys.readFile(file);
  const at = text.indexOf('error.details') + 'error.'.length;
  const start = process.hrtime.bigint();
  const info = service.getQuickInfoAtPosition(file, at);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, shown: info === undefined ? '' : ts.displayPartsToString(info.displayParts) };
}

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noPropertyAccessFromIndexSignature: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    skipLibCheck: false,
    types: [],
    noEmit: true,
  },
  include: ['*.ts'],
};

/** The two consumers of `pkg`, the generated and the plain union, each in a folder. */
async function consumers(pkg) {
  const entry = pkg.catalog.codes.find((code) => code.details !== undefined);
  const [key] = Object.keys(entry.details);
  const generated = join(pkg.dir, 'consumer-generated');
  await mkdir(join(generated, 'node_modules'), { recursive: true });
  await symlink(pkg.tsDir, join(generated, 'node_modules', pkg.catalog.crate));
  await writeFile(join(generated, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(generated, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  await writeFile(
    join(generated, 'consumer.ts'),
    `import type { RestBody } from '${pkg.catalog.crate}';\n\n` +
      'export function describe(body: RestBody): string {\n' +
      '  const error = body.error;\n' +
      `  if (error.code === ${JSON.stringify(entry.code)}) return String(error.details.${key});\n` +
      '  return error.message;\n}\n',
  );
  const plain = join(pkg.dir, 'consumer-plain');
  await mkdir(plain, { recursive: true });
  await writeFile(join(plain, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(plain, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  const union = pkg.catalog.codes.map((code) => `  | ${JSON.stringify(code.code)}`).join('\n');
  await writeFile(
    join(plain, 'consumer.ts'),
    `type ErrorCode =\n${union};\n\n` +
      'interface RestBody {\n' +
      '  readonly error: {\n    readonly code: ErrorCode;\n    readonly message: string;\n' +
      '    readonly details: { readonly [key: string]: unknown };\n  };\n}\n\n' +
      'export function describe(body: RestBody): string {\n' +
      '  const error = body.error;\n' +
      `  if (error.code === ${JSON.stringify(entry.code)}) return String(error.details['${key}']);\n` +
      '  return error.message;\n}\n',
  );
  return { generated, plain };
}

const bytes = (n) => n.toLocaleString('en-US');
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

const failures = [];
const packages = [await relay(), await synthetic(1000), await synthetic(10000)];
console.log('Bundle size of a client, minified / gzipped bytes (ratio to the wire strings alone, gzipped)');
for (const pkg of packages) {
  const { floor, sizes } = await bundleSizes(pkg);
  console.log(`${pkg.name}: wire strings alone ${bytes(floor.minified)} / ${bytes(floor.gzipped)}`);
  for (const [client, size] of Object.entries(sizes)) {
    console.log(
      `  ${client.padEnd(13)} ${bytes(size.minified).padStart(9)} / ${bytes(size.gzipped).padStart(7)}  (${ratio(size.gzipped, floor.gzipped)})`,
    );
  }
  const guards = sizes.isErrorCode.gzipped / floor.gzipped;
  if (pkg.name !== '10000 codes' && guards > GUARDS_BUDGET) {
    failures.push(`${pkg.name}: a guards-only client is ${guards.toFixed(2)}x the wire strings alone (budget ${GUARDS_BUDGET}x)`);
  }
}

const hovers = [];
console.log('\ntsc --noEmit of a strict consumer narrowing a REST body on one code, seconds (one run each)');
for (const pkg of packages.filter((p) => p.dir !== undefined)) {
  const { generated, plain } = await consumers(pkg);
  const plainSeconds = await tscSeconds(plain);
  const generatedSeconds = await tscSeconds(generated);
  console.log(
    `${pkg.name}: plain union ${plainSeconds.toFixed(2)} s, generated package ${generatedSeconds.toFixed(2)} s (${ratio(generatedSeconds, plainSeconds)})`,
  );
  hovers.push({ pkg, plainDir: plain, generatedDir: generated });
}

console.log('\nFirst hover over the narrowed `error.details`, in a fresh language service, seconds');
// Once unmeasured, so that the first measured hover does not also pay for warming up.
firstHover(hovers[0].plainDir);
for (const { pkg, plainDir, generatedDir } of hovers) {
  const plain = firstHover(plainDir);
  const generated = firstHover(generatedDir);
  console.log(
    `${pkg.name}: plain union ${plain.seconds.toFixed(2)} s, generated package ${generated.seconds.toFixed(2)} s (${ratio(generated.seconds, plain.seconds)}); shows \`${generated.shown}\``,
  );
  const code = pkg.catalog.codes.find((entry) => entry.details !== undefined).code;
  if (!generated.shown.includes(JSON.stringify(code))) {
    failures.push(`${pkg.name}: the hover over the narrowed details shows \`${generated.shown}\`, not ${code}'s details`);
  }
}

if (failures.length > 0) {
  console.error(`\n${failures.join('\n')}`);
  process.exit(1);
}
