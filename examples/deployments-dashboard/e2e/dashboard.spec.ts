// The widget in a real browser: the top 5 from the fixture, links, the error state, and health reporting the commit.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { topActiveDeployments } from '../server/deployments.ts';
import { parseFixture } from '../server/fixture-source.ts';
import { stateLabel } from '../web/src/format.ts';

const TABLE_NAME = 'Top 5 active deployments';

/** What the widget should show when the service runs on the bundled fixture (staging does). */
function expectedFromFixture() {
  const json = JSON.parse(readFileSync(new URL('../fixtures/deployments.json', import.meta.url), 'utf8'));
  const now = Date.now();
  // The ranking only depends on the order of events, which the server's time shift keeps.
  return topActiveDeployments(parseFixture(json, now), now);
}

test('shows at most 5 active deployments, the most recently updated first', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const expected = expectedFromFixture();

  await page.goto('/');
  const table = page.getByRole('table', { name: TABLE_NAME });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(expected.length);
  expect(expected.length).toBeLessThanOrEqual(5);
  await expect(rows.locator('th')).toHaveText(expected.map((row) => row.environment));

  const first = rows.first();
  const [top] = expected;
  if (!top) throw new Error('the fixture has no active deployment');
  await expect(first.locator('th')).toHaveText(top.environment);
  await expect(first.locator('td').nth(0)).toHaveText(top.ref);
  await expect(first.locator('td').nth(1)).toHaveText(top.sha);
  await expect(first.locator('td').nth(2)).toHaveText(stateLabel(top.state));
  await expect(first.locator('td').nth(4)).toHaveText(top.creator);
  expect(problems).toEqual([]);
});

test('links the short sha to the environment when a status named its URL', async ({ page }) => {
  const expected = expectedFromFixture();
  const linked = expected.find((row) => row.environment_url);
  const unlinked = expected.find((row) => !row.environment_url);
  if (!linked || !unlinked) throw new Error('the fixture needs rows with and without an environment URL');

  await page.goto('/');
  const table = page.getByRole('table', { name: TABLE_NAME });
  const linkedRow = table
    .locator('tbody tr')
    .filter({ has: page.locator('th', { hasText: linked.environment }) });
  await expect(linkedRow.getByRole('link', { name: linked.sha })).toHaveAttribute(
    'href',
    new URL(linked.environment_url as string).href,
  );
  const unlinkedRow = table
    .locator('tbody tr')
    .filter({ has: page.locator('th', { hasText: unlinked.environment }) });
  await expect(unlinkedRow.getByText(unlinked.sha)).toBeVisible();
  await expect(unlinkedRow.getByRole('link')).toHaveCount(0);
});

test('shows the error state when the API answers 500, and recovers on "Try again"', async ({ page }) => {
  await page.route('**/api/deployments/top', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' }),
  );
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load deployments');
  await expect(alert).toContainText('HTTP 500');
  await expect(page.getByRole('table', { name: TABLE_NAME })).toHaveCount(0);

  await page.unroute('**/api/deployments/top');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('table', { name: TABLE_NAME })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('refreshes every 30 s, so a failed load clears by itself once the API answers again', async ({
  page,
}) => {
  let failing = true;
  let calls = 0;
  await page.route('**/api/deployments/top', (route) => {
    calls++;
    return failing ? route.fulfill({ status: 500, body: '{"error":"boom"}' }) : route.continue();
  });
  await page.clock.install();
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('HTTP 500');
  const callsBefore = calls;

  failing = false;
  await page.clock.runFor(29_000);
  expect(calls).toBe(callsBefore);
  await page.clock.runFor(1_000);
  await expect(page.getByRole('table', { name: TABLE_NAME })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(calls).toBe(callsBefore + 1);
});

test('/healthz answers ok with the commit the service was built from', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  const expectedCommit = process.env.EXPECTED_COMMIT;
  if (expectedCommit) expect(body.commit).toBe(expectedCommit.toLowerCase());
  else expect(body.commit).toMatch(/^([0-9a-f]{7,64}|unknown)$/);
});
