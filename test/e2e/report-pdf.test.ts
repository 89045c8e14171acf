import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 16 row 9: report PDFs as a download (GET /reports/<id>.pdf) over HTTP against the
 * Mastercard AU simulator: a real PDF once the report is ready, 409 REPORT_NOT_READY before, none
 * for AU VOI (seed 002), and the same callers refused as on /graphql.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are walked freely in assertions

const READ_ONLY = 'pdf-read-only-key';
const US_ONLY = 'pdf-us-only-key';
let gateway: TestGateway;
let dir: string;
const sim = () => gateway.sandbox!.simulators.MASTERCARD_AU as MastercardSimulator;
const PDF_GET_ROUTE = 'GET /decisioning/v4/customers/:customerId/reports/:reportId';

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const answer = await gateway.graphql<Json>(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

async function auCustomer(username: string): Promise<string> {
  const data = await gql(`{ customers(provider: MASTERCARD_AU, username: "${username}") { edges { node { id consumer { id } } } } }`);
  const node = data.customers.edges[0].node;
  if (node.consumer === null) {
    await gql('mutation ($id: ID!) { createConsumer(customerId: $id, input: { firstName: "Ada", lastName: "Lovelace", phone: "0412345678" }) { id } }', { id: node.id });
  }
  return node.id as string;
}

async function finish(reportId: string): Promise<void> {
  const data = await gql('query ($id: ID!) { report(id: $id) { providerId } }', { id: reportId });
  const response = await fetch(`${sim().url}/_sandbox/mastercard/lending/reports/${encodeURIComponent(data.report.providerId)}/finish`, { method: 'POST' });
  expect(response.status).toBe(200);
}

async function download(path: string, headers: Record<string, string> = { 'x-api-key': gateway.apiKey }): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${gateway.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Structural check of a classic PDF: header, trailer, and every xref offset pointing at its `n 0 obj`. */
function expectValidPdf(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
  expect(entries.length).toBeGreaterThan(0);
  entries.forEach((offset, index) => expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${index + 1} 0 obj`)));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gw-report-pdf-'));
  const keysFile = join(dir, 'keys.json');
  await writeFile(
    keysFile,
    JSON.stringify([
      { id: 'reader', sha256: sha256Hex(READ_ONLY), scopes: ['read'] },
      { id: 'us-analyst', sha256: sha256Hex(US_ONLY), scopes: ['read', 'reports'], providers: ['MASTERCARD_US'] },
    ]),
  );
  // Reports finish only when a test says so (the simulator's control endpoint).
  gateway = await startTestGateway({ env: { API_KEYS_FILE: keysFile }, sandbox: { providers: { MASTERCARD_AU: { reportDelayMs: 10 * 60 * 1000 } } } });
});
afterAll(async () => {
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('report PDFs as downloads (issue 16 row 9)', () => {
  let voaId: string;
  let pdfUrl: string;

  it('gives a VOA report a pdfUrl and answers 409 REPORT_NOT_READY while it is generating', async () => {
    const customerId = await auCustomer('customer_profile_4110');
    const data = await gql('mutation ($id: ID!) { generateVoaReport(customerId: $id) { id status pdfUrl } }', { id: customerId });
    voaId = data.generateVoaReport.id;
    pdfUrl = data.generateVoaReport.pdfUrl;
    expect(data.generateVoaReport.status).toBe('IN_PROGRESS');
    expect(pdfUrl).toBe(`/reports/${voaId}.pdf`);

    const early = await download(pdfUrl);
    expect(early.status).toBe(409);
    expect(early.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.parse(early.bytes.toString('utf8')).errors[0].extensions).toMatchObject({ code: 'REPORT_NOT_READY', provider: 'MASTERCARD_AU', retryable: true });
  });

  it('serves the ready report as a valid PDF with its headers', async () => {
    await finish(voaId);
    sim().resetStats();
    const pdf = await download(pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="mastercard_au-voa-[A-Za-z0-9._-]+\.pdf"$/);
    expect(pdf.headers.get('cache-control')).toBe('private, no-store');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expectValidPdf(pdf.bytes);
    // One PDF request upstream (the status came from the report event), with the PDF Accept header.
    expect(sim().stats().byRoute[PDF_GET_ROUTE]).toBe(1);
  });

  it('refuses callers without credentials, without the reports scope, or limited to another provider', async () => {
    const anonymous = await download(pdfUrl, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('ApiKey');
    expect(JSON.parse(anonymous.bytes.toString('utf8')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrongKey = await download(pdfUrl, { 'x-api-key': 'not-a-key' });
    expect(wrongKey.status).toBe(401);

    const readOnly = await download(pdfUrl, { 'x-api-key': READ_ONLY });
    expect(readOnly.status).toBe(403);
    expect(JSON.parse(readOnly.bytes.toString('utf8')).errors[0].extensions.code).toBe('FORBIDDEN');
    const otherProvider = await download(pdfUrl, { 'x-api-key': US_ONLY });
    expect(otherProvider.status).toBe(403);
    expect(JSON.parse(otherProvider.bytes.toString('utf8')).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', provider: 'MASTERCARD_AU' });
    for (const refused of [anonymous, readOnly, otherProvider]) expect(refused.bytes.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
  });

  it('answers typed errors for malformed, foreign and unknown ids', async () => {
    const malformed = await download('/reports/not!an!id.pdf');
    expect(malformed.status).toBe(404);
    const notBase64 = await download('/reports/abc.pdf');
    expect(notBase64.status).toBe(400);
    expect(JSON.parse(notBase64.bytes.toString('utf8')).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const customers = await gql('{ customers(provider: MASTERCARD_AU, first: 1) { edges { node { id } } } }');
    const customerAsReport = await download(`/reports/${customers.customers.edges[0].node.id}.pdf`);
    expect(customerAsReport.status).toBe(400);
    const wrongSuffix = await download(`/reports/${voaId}.txt`);
    expect(wrongSuffix.status).toBe(404);
    const unknownReport = Buffer.from(JSON.stringify(['g1', 'MASTERCARD_AU', 'Report', 'nosuchreport', '2488800'])).toString('base64url');
    const unknown = await download(`/reports/${unknownReport}.pdf`);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.bytes.toString('utf8')).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('offers no PDF for AU VOI reports (seed 002), and the simulator refuses one as the provider would', async () => {
    const customerId = await auCustomer('customer_profile_4110');
    const data = await gql('mutation ($id: ID!) { generateVoiReport(customerId: $id) { id providerId pdfUrl } }', { id: customerId });
    expect(data.generateVoiReport.pdfUrl).toBeNull();
    await finish(data.generateVoiReport.id);
    sim().resetStats();
    const refused = await download(`/reports/${data.generateVoiReport.id}.pdf`);
    expect(refused.status).toBe(406);
    expect(JSON.parse(refused.bytes.toString('utf8')).errors[0].extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_AU' });
    expect(sim().stats().byRoute[PDF_GET_ROUTE] ?? 0).toBe(0);

    const customer = (await gql('query ($id: ID!) { customer(id: $id) { providerId } }', { id: customerId })).customer.providerId;
    const { MASTERCARD_AU_SANDBOX_CREDENTIALS: c } = await import('../../src/sandbox/mastercard/index.js');
    const auth = await fetch(`${sim().url}/aggregation/v2/partners/authentication`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'App-Key': c.appKey },
      body: JSON.stringify({ partnerId: c.partnerId, partnerSecret: c.partnerSecret }),
    });
    const { token } = (await auth.json()) as { token: string };
    const direct = await fetch(`${sim().url}/decisioning/v4/customers/${customer}/reports/${data.generateVoiReport.providerId}`, {
      // With the customer's consent receipt, as every customer data call (seed 002).
      headers: { 'App-Key': c.appKey, 'App-Token': token, accept: 'application/pdf', 'Consent-Receipt-Id': [...sim().store.consents.values()].find((consent) => consent.customerId === customer)!.consentReceiptId },
    });
    expect(direct.status).toBe(406);
    expect(await direct.json()).toMatchObject({ code: '20000' });
  });

  it('serves a business cash-flow report as PDF too', async () => {
    const customerId = await auCustomer('customer_profile_4118');
    const data = await gql('mutation ($id: ID!) { generateCashFlowReport(customerId: $id, input: { kind: BUSINESS }) { id pdfUrl } }', { id: customerId });
    expect(data.generateCashFlowReport.pdfUrl).toBe(`/reports/${data.generateCashFlowReport.id}.pdf`);
    await finish(data.generateCashFlowReport.id);
    const pdf = await download(data.generateCashFlowReport.pdfUrl);
    expect(pdf.status).toBe(200);
    expectValidPdf(pdf.bytes);
  });
});
