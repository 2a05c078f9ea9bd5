// The docs check (scripts/check-docs.mjs) must fail on a snippet that does not type-check, and
// point at the Markdown line; otherwise "every snippet is type-checked" would be a promise only.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

function checkDocs(markdown: string): { status: number | null; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'docs-')), 'page.md');
  writeFileSync(file, markdown);
  const run = spawnSync(process.execPath, ['scripts/check-docs.mjs', file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the docs check', () => {
  it('passes snippets that use the package as documented', () => {
    const { status, output } = checkDocs(
      [
        '# Page',
        '```ts',
        "import { FreedomIdClient } from 'freedomid-web';",
        'const client = new FreedomIdClient({',
        "  clientId: 'c388f3cd-7722-4040-9bb2-94b0a05093aa',",
        "  redirectUri: 'https://shop.example/login',",
        '});',
        'void client.signIn();',
        '```',
        '```sh',
        'this is not checked',
        '```',
      ].join('\n'),
    );
    assert.equal(status, 0, output);
    assert.match(output, /docs: 1 code blocks type-check\./);
  });

  it('fails on a typed mistake and names the Markdown line', () => {
    const { status, output } = checkDocs(
      [
        '# Page',
        '',
        '```ts',
        "import { FreedomIdClient } from 'freedomid-web';",
        'const client = new FreedomIdClient({ clientId: 42 });',
        '```',
      ].join('\n'),
    );
    assert.equal(status, 1);
    assert.match(output, /page\.md:5:\d+: error TS2322/);
  });
});

describe('the docs check, on cross-references', () => {
  const cases: { name: string; markdown: string; problem: RegExp }[] = [
    {
      name: 'a README section that does not exist',
      markdown: 'For production ("Going live" in the README): …',
      problem: /page\.md: names the README's "Going live", and README\.md has no such heading/,
    },
    {
      name: "a README section named the README's way",
      markdown: 'Load it with its hash (see the README\'s "Script tag").',
      problem: /page\.md: names the README's "Script tag", and README\.md has no such heading/,
    },
    {
      name: 'a link to a file that does not exist',
      markdown: 'See [the guide](guide.md).',
      problem: /page\.md: links to guide\.md, and .*guide\.md does not exist/,
    },
    {
      name: 'a link to a heading that does not exist',
      markdown: '# Page\n\nSee [below](#the-end).',
      problem: /page\.md: links to #the-end, and .*page\.md has no such heading/,
    },
  ];
  for (const { name, markdown, problem } of cases) {
    it(`fails on ${name}, naming it`, () => {
      const { status, output } = checkDocs(markdown);
      assert.equal(status, 1, output);
      assert.match(output, /docs: a cross-reference points nowhere\./);
      assert.match(output, problem);
    });
  }

  it('passes a README section, a file and a heading that exist', () => {
    const { status, output } = checkDocs(
      [
        '# Page',
        '',
        '## The end',
        '',
        'Start with the README\'s "Quick start" and "The backend" in the README; then',
        '[the end](#the-end) and [this page](page.md#page).',
      ].join('\n'),
    );
    assert.equal(status, 0, output);
  });
});
