import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../src/playground/build.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * The playground in a real browser (Debian's chromium through playwright-core): the page, its
 * assets, Monaco's workers and every GraphQL call must come from the gateway's origin. Every
 * request to another host is aborted and fails the test. Under CI=true a missing Chromium is a
 * failure, not a skip (`.ci/run` installs it).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing and CI=true requires the browser test (apt-get install -y chromium)`);
/** Where the screenshot goes; `PLAYGROUND_SCREENSHOT=docs/playground.png` refreshes the README's. */
const SCREENSHOT = resolve(process.env.PLAYGROUND_SCREENSHOT ?? 'test-results/playground.png');

describe.skipIf(!present)('playground in headless Chromium, offline', () => {
  let gateway: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    // `pretest` builds the bundle; this rebuilds it when the client changed since (no-op otherwise).
    await buildPlayground();
    [gateway, browser] = await Promise.all([
      startTestGateway(),
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('opens from /graphql, runs the reference query, shows docs, completion and a sandbox control', async () => {
    const origin = new URL(gateway.url).origin;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
    const foreign: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && new URL(url).origin !== origin) foreign.push(url);
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    // A browser's GET /graphql (Accept: text/html) lands on the playground.
    await page.goto(`${gateway.url}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/playground');
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.graphiql-logo').innerText()).toContain('Open-finance GraphQL gateway (sandbox)');
    // One tab per schema/operations file, the reference query first.
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(9);
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('ReferenceCustomers');
    // The sandbox caller key is filled in.
    await expect.poll(() => page.locator('.graphiql-editor-tool').innerText()).toContain(gateway.apiKey);

    // Run it from the page and see data in the response pane.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 }).toContain('"customers"');
    const response = await page.locator('.graphiql-response').innerText();
    expect(response).toContain('"data"');
    expect(response).toContain('"totalCount"');
    expect(response).not.toContain('"errors"');

    // Schema docs through introspection (on in sandbox mode).
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('Query');

    // Completion from the schema: a new tab, `{ custo` and Ctrl+Space.
    await page.getByRole('button', { name: 'New tab' }).click();
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{ custo');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => page.locator('.suggest-widget').innerText(), { timeout: 15_000 }).toContain('customers');
    await page.keyboard.press('Escape');

    // A sandbox control from the browser: the test profiles.
    await page.getByRole('button', { name: 'Show Sandbox controls' }).click();
    await page.getByRole('button', { name: 'Test profiles and credentials' }).click();
    await expect.poll(() => page.getByTestId('sandbox-result').innerText()).toContain('profile_4110');

    // Back to the reference result for the screenshot.
    await page.locator('.graphiql-tab').first().click();
    await page.getByRole('button', { name: 'Hide Sandbox controls' }).click();
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
