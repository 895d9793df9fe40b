// The generated TypeScript packages as a TypeScript application sees them: a project
// (ts-consumer/, plus files written here) type-checked by the pinned `tsc` with the
// strictest options, importing the packages by name as `npm install ../path` would; then
// each code's documentation as an editor shows it, read with TypeScript's own API.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { before, describe, test } from 'node:test';

import ts from 'typescript';

import { ROOT } from './demo.js';
import { fixturePackage, importPackage, preparePackages, tempDir } from './packages.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const TSC = join(HERE, 'node_modules/typescript/bin/tsc');

const packages = await preparePackages();
const modules = await Promise.all(packages.map(importPackage));
/** The package of the fixture with details of every type, for details-parcel.ts. */
const detailsPackage = await fixturePackage('details_of_every_type.yaml');

/** The consumer project in a temporary folder, with the packages linked in. */
async function consumerProject() {
  const dir = await tempDir('ts-consumer-');
  for (const name of await readdir(join(HERE, 'ts-consumer'))) {
    await copyFile(join(HERE, 'ts-consumer', name), join(dir, name));
  }
  for (const pkg of [...packages, detailsPackage]) {
    const link = join(dir, 'node_modules', pkg.packageJson.name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(pkg.tsDir, link, 'dir');
  }
  await writeFile(join(dir, 'exhaustive.ts'), exhaustiveSwitches());
  await writeFile(join(dir, 'envelopes.ts'), await rustEnvelopes());
  await writeFile(join(dir, 'readme.ts'), await readmeExample());
  return dir;
}

/**
 * For each package: a `switch` with a case per code and a `never` default, which must
 * compile, and the same without its last case, which must not.
 */
function exhaustiveSwitches() {
  const parts = [];
  packages.forEach((pkg, index) => {
    const codes = Object.keys(modules[index].CODES);
    const alias = `P${index}`;
    const cases = (list) =>
      list.map((code, i) => `    case ${JSON.stringify(code)}:\n      return ${i};\n`).join('');
    parts.push(`import * as ${alias} from ${JSON.stringify(pkg.packageJson.name)};

export function every${alias}(code: ${alias}.ErrorCode): number {
  switch (code) {
${cases(codes)}    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

export function allBut${alias}(code: ${alias}.ErrorCode): number {
  switch (code) {
${cases(codes.slice(0, -1))}    default: {
      // @ts-expect-error: the last code is not handled, so \`code\` is not \`never\` here
      const unhandled: never = code;
      return unhandled;
    }
  }
}
`);
  });
  return parts.join('\n');
}

/**
 * Which type of which package each body the Rust crates serialize must satisfy, and, for a
 * body whose details are not its code's (built with `new(code)`, which knows no details),
 * why the type refuses it.
 */
const RUST_BODIES = {
  linked_error_body: ['batch-relay-errors', 'LinkedBody'],
  linked_error_body_without_an_action_has_no_action_url: ['batch-relay-errors', 'LinkedBody'],
  problem_details: [
    '@relay/errors',
    'Problem',
    'TOO_MANY_REQUESTS declares limit, remaining and reset, which Problem::new(code) leaves out',
  ],
  rest_body: [
    '@relay/errors',
    'RestBody',
    'TICKET_NOT_FOUND declares no details, so the `id` the Rust test adds is not one',
  ],
  trpc_body: ['@relay/errors', 'TrpcBody'],
};

/**
 * The JSON bodies the Rust crates serialize (the snapshots of tests/tests/envelopes.rs),
 * each as an object literal, on one line, that must `satisfies` its TypeScript type: with
 * excess property checks, a key the types lack fails, and so does a value of the wrong
 * type. A body RUST_BODIES says is refused must fail (`@ts-expect-error`).
 */
async function rustEnvelopes() {
  const dir = join(ROOT, 'tests/tests/snapshots');
  const names = (await readdir(dir)).filter((name) => name.startsWith('envelopes__'));
  assert.ok(names.length > 0, 'no envelope snapshots');
  const lines = [];
  for (const name of names) {
    const body = /^envelopes__(.*)\.snap$/.exec(name)[1];
    const target = RUST_BODIES[body];
    assert.ok(target, `say in RUST_BODIES which type the snapshot ${name} must satisfy`);
    const snapshot = await readFile(join(dir, name), 'utf8');
    const json = JSON.stringify(JSON.parse(snapshot.split('\n---\n').slice(1).join('\n---\n')));
    const [module, type, refused] = target;
    if (refused !== undefined) lines.push(`// @ts-expect-error: ${refused}`);
    lines.push(
      `export const ${body} = ${json} satisfies import(${JSON.stringify(module)}).${type};`,
    );
  }
  return `${lines.join('\n\n')}\n`;
}

/** The TypeScript example of the README, with the few names it assumes declared. */
async function readmeExample() {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- checked by tests\/node\/typescript\.test\.js -->\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(match, 'the README has no TypeScript example marked as checked');
  return `${match[1]}
declare const trpc: { tickets: { get: { query(input: { id: string }): Promise<unknown> } } };
declare const ticketId: string;
declare function showNotification(message: string): void;
declare function redirectToLogin(): void;
declare function showErrorMessage(message: string): void;
`;
}

describe('a strict TypeScript project using the packages', () => {
  let dir;
  before(async () => {
    dir = await consumerProject();
  });

  test('type-checks with tsc, every @ts-expect-error included', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      [TSC, '--project', join(dir, 'tsconfig.json'), '--pretty', 'false'],
      { cwd: dir },
    ).catch((error) => error);
    assert.equal(
      result.code ?? 0,
      0,
      `tsc failed in ${dir} (set KEEP_TEMP=1 to keep it):\n${result.stdout}${result.stderr}`,
    );
  });

  test("each code's documentation is what an editor shows, with tags only where meant", async () => {
    const program = createProgram(dir);
    const checker = program.getTypeChecker();
    for (const [index, pkg] of packages.entries()) {
      const file = program.getSourceFile(await realpath(join(pkg.tsDir, 'index.d.ts')));
      assert.ok(file, `${pkg.crate}: index.d.ts is not in the program`);
      const table = file.statements.find(
        (node) => ts.isInterfaceDeclaration(node) && node.name.text === 'ErrorCodeTable',
      );
      const members = table.members.map((member) => member.name.text);
      assert.deepEqual(members, Object.keys(modules[index].CODES));
      for (const member of table.members) {
        const code = member.name.text;
        const info = modules[index].CODES[code];
        const symbol = checker.getSymbolAtLocation(member.name);
        const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker));
        assert.ok(docs.includes(`\`${code}\` · HTTP ${info.status}`), `${code}: ${docs}`);
        const tags = symbol.getJsDocTags(checker).map((tag) => tag.name);
        assert.deepEqual(
          tags,
          info.deprecated ? ['see', 'since', 'deprecated'] : ['see', 'since'],
          code,
        );
        const see = ts.displayPartsToString(symbol.getJsDocTags(checker)[0].text);
        const since = ts.displayPartsToString(symbol.getJsDocTags(checker)[1].text);
        assert.equal(since, info.since, code);
        assert.ok(see.includes(info.docsUrl.replaceAll('*/', '%2A/').replaceAll('@', '%40')), see);
      }
    }
  });

  test('hovering over CODES.TICKET_NOT_FOUND in the application shows its documentation', () => {
    const program = createProgram(dir);
    const checker = program.getTypeChecker();
    const file = program.getSourceFiles().find((f) => f.fileName.endsWith('/consumer.ts'));
    let access;
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'TICKET_NOT_FOUND') access ??= node;
      ts.forEachChild(node, visit);
    };
    visit(file);
    const symbol = checker.getSymbolAtLocation(access.name);
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    assert.equal(
      docs,
      "Ticket with specified ID doesn't exist\n\n`TICKET_NOT_FOUND` · HTTP 404 · Tickets API\n\n" +
        'Resolution: Verify the ticket ID exists',
    );
  });
});

function createProgram(dir) {
  const configPath = join(dir, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}
