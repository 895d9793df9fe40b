// Each generated openapi.json, for the shipped catalogs and every valid fixture, linted
// the way API teams lint in CI: Redocly's engine (@redocly/openapi-core, what
// `redocly lint` runs) with the redocly.yaml generated beside it, which extends the
// `recommended` rules. No error and no warning may remain. The rules that config changes
// are checked to be exactly the ones it explains, so the document cannot drift into
// needing more.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { createConfig, lint, loadConfig } from '@redocly/openapi-core';

import { prepareCatalogs } from './openapi.js';

const catalogs = await prepareCatalogs();

/** A problem as one line a failing assertion can show. */
function describeProblem({ severity, ruleId, message, location }) {
  return `${severity} ${ruleId}: ${message} (${location?.[0]?.pointer ?? ''})`;
}

describe('redocly lint', () => {
  for (const { crate, crateDir } of catalogs) {
    test(`${crate}: openapi.json lints clean with its redocly.yaml`, async () => {
      const config = await loadConfig({ configPath: join(crateDir, 'redocly.yaml') });
      const problems = await lint({ ref: join(crateDir, 'openapi.json'), config });
      assert.deepEqual(problems.map(describeProblem), []);
    });
  }

  test('the config changes only the rules a document of components alone needs', () => {
    const { crateDir } = catalogs[0];
    const text = readFileSync(join(crateDir, 'redocly.yaml'), 'utf8');
    const changed = [...text.matchAll(/^ {2}([a-z-]+):/gm)].map((match) => match[1]);
    assert.deepEqual(changed, [
      'no-empty-servers',
      'info-license',
      'no-unused-components',
      'no-invalid-media-type-examples',
    ]);
    // Each change comes with its reason, a comment line right above it.
    for (const rule of changed) {
      assert.match(text, new RegExp(`  # [^\\n]*\\n(  # [^\\n]*\\n)*  ${rule}:`), rule);
    }
  });

  test('under plain recommended, only the rules the config changes are broken', async () => {
    // So the config hides nothing else: were a new kind of problem to appear, it would
    // show here under its own rule.
    const config = await createConfig({ extends: ['recommended'] });
    const changed = new Set(['no-empty-servers', 'info-license', 'no-unused-components', 'no-invalid-media-type-examples']);
    for (const { crate, crateDir } of catalogs.slice(0, 2)) {
      const problems = await lint({ ref: join(crateDir, 'openapi.json'), config });
      const others = problems.filter((problem) => !changed.has(problem.ruleId));
      assert.deepEqual(others.map(describeProblem), [], crate);
    }
  });
});
