import { z } from 'zod/v4';
import type { ApplicationInput, ApplicationRegistration, ApplicationsPort, ApplicationStatus } from '../../domain/applications.port.js';
import { badInput } from '../../domain/errors.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import { readRecords, type ReadContext } from '../record-reader.js';
import type { AuAccessModel } from './au.js';
import type { FinicityClient } from './finicity-client.js';

/**
 * Application registration, Mastercard AU (seed 002, "Applications"): `POST /applications` answers
 * `{applicationId, status: "Pending"}`; `GET /applications?application_id=` answers the status.
 * The AU page shows no GET answer, so its shape is the platform's `ApplicationResponse`
 * (openbanking-us.yaml getApplications: `{found, displaying, moreAvailable, applications: [App]}`,
 * `status` A/P/D/R/S). Which fields are required depends on the access model (seed 002,
 * "Required Information by Access Model"); they are checked here, before any call.
 */
type Field = keyof ApplicationInput;

/** The table "Required Information by Access Model" (seed 002), by body field name. */
export const REQUIRED_APPLICATION_FIELDS: Readonly<Record<AuAccessModel, readonly Field[]>> = {
  // ADR under OSP: name, legal entity, policy URL, complaints email, software/org id, copyright logo,
  // business name, from email, image.
  OSP: ['appName', 'legalEntityName', 'policyUrl', 'dataComplaintsEmailAddress', 'softwareId', 'orgId', 'copyrightLogo', 'businessName', 'fromEmail', 'image'],
  // The table lists an application URL; the page's Representative example leaves `appUrl` out. We
  // follow the table (the list of what is required), so the request can never lack it.
  CDR_REPRESENTATIVE: ['appName', 'appDescription', 'appUrl', 'image'],
  // "Disclosure type" has no field name on the page; `disclosureType` is our reading (camelCase as
  // every other field). "Data handling policy URL (provided as policyUrl)".
  BCDC: ['appName', 'appDescription', 'appUrl', 'image', 'disclosureType', 'policyUrl', 'dataComplaintsEmailAddress'],
};

/** What a model may send: its required fields plus those of its example (the ADR example's 13 fields). */
const ALLOWED_APPLICATION_FIELDS: Readonly<Record<AuAccessModel, readonly Field[]>> = {
  OSP: [...REQUIRED_APPLICATION_FIELDS.OSP, 'appDescription', 'appUrl', 'replyToEmail'],
  CDR_REPRESENTATIVE: REQUIRED_APPLICATION_FIELDS.CDR_REPRESENTATIVE,
  BCDC: REQUIRED_APPLICATION_FIELDS.BCDC,
};

const URL_FIELDS: ReadonlySet<Field> = new Set(['appUrl', 'policyUrl']);
const EMAIL_FIELDS: ReadonlySet<Field> = new Set(['dataComplaintsEmailAddress', 'fromEmail', 'replyToEmail']);
/** "{{base64AppLogo}}" (seed 002): standard base64, no data: URL prefix. */
const IMAGE_FIELDS: ReadonlySet<Field> = new Set(['image', 'copyrightLogo']);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
/** Names, ids and descriptions: the provider documents no length; 255 as its customer fields (seed 000). */
const TEXT_MAX = 255;
const DESCRIPTION_MAX = 1000;

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The request body, or BAD_USER_INPUT naming the first field at fault (`input.<field>`). */
export function toApplicationBody(input: ApplicationInput, model: AuAccessModel): Record<string, string> {
  const body: Record<string, string> = {};
  const allowed = ALLOWED_APPLICATION_FIELDS[model];
  for (const [key, raw] of Object.entries(input) as Array<[Field, string | null]>) {
    if (raw === null) continue;
    const field = `input.${key}`;
    const value = raw.trim();
    if (value === '') throw badInput(`${field} is empty`, field);
    if (!allowed.includes(key)) throw badInput(`${field} is not taken under the ${model} access model (seed 002, Required Information by Access Model)`, field);
    if (URL_FIELDS.has(key) && !isWebUrl(value)) throw badInput(`${field} must be an absolute http(s) URL`, field);
    if (EMAIL_FIELDS.has(key) && !EMAIL.test(value)) throw badInput(`${field} must be an email address`, field);
    if (IMAGE_FIELDS.has(key) && !BASE64.test(value)) throw badInput(`${field} must be the image bytes in base64`, field);
    const max = IMAGE_FIELDS.has(key) || URL_FIELDS.has(key) ? Infinity : key === 'appDescription' ? DESCRIPTION_MAX : TEXT_MAX;
    if (value.length > max) throw badInput(`${field} is longer than ${max} characters`, field);
    body[key] = value;
  }
  const missing = REQUIRED_APPLICATION_FIELDS[model].filter((key) => body[key] === undefined);
  if (missing.length > 0) {
    throw badInput(`The ${model} access model needs ${missing.map((key) => `input.${key}`).join(', ')} (seed 002, Required Information by Access Model)`, `input.${missing[0]}`);
  }
  return body;
}

const registeredSchema = z.object({ applicationId: z.string().min(1), status: z.string() }).passthrough();
const appSchema = z
  .object({
    applicationId: z.string().min(1),
    status: z.string(),
    name: z.string().nullish(),
    submittedDate: z.string().nullish(),
    modifiedDate: z.string().nullish(),
  })
  .passthrough();
const appListSchema = z.object({ applications: z.array(z.unknown()) }).passthrough();

/** A/P/D/R/S (openbanking-us.yaml App.status) or the word seed 002's register answer uses ("Pending"). */
function statusOf(value: string, context: ReadContext): ApplicationStatus {
  switch (value.toUpperCase()) {
    case 'P':
    case 'PENDING':
      return 'PENDING';
    case 'A':
    case 'APPROVED':
      return 'APPROVED';
    case 'R':
    case 'REJECTED':
      return 'REJECTED';
    case 'D':
    case 'DELETED':
      return 'DELETED';
    default:
      warnProviderData(context.provider, context.operation, 'status', 'unknown_enum');
      return 'OTHER';
  }
}

function isoDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function createApplicationsPort(client: FinicityClient, model: AuAccessModel): ApplicationsPort {
  const provider = 'MASTERCARD_AU';
  return {
    async register(input) {
      const body = toApplicationBody(input, model);
      const context: ReadContext = { provider, operation: 'applications.register' };
      // Registering is not idempotent: a retry after a lost answer could file a second application.
      const answer = await client.callJson({ operation: context.operation, method: 'POST', path: '/applications', body, idempotent: false }, registeredSchema);
      return {
        provider,
        applicationId: answer.applicationId,
        status: statusOf(answer.status, context),
        providerStatus: answer.status,
        name: body.appName ?? null,
        submittedAt: null,
        modifiedAt: null,
      };
    },
    async status(applicationId) {
      const id = applicationId.trim();
      if (id === '') throw badInput('applicationId is empty', 'applicationId');
      const context: ReadContext = { provider, operation: 'applications.status' };
      const answer = await client.callJson(
        { operation: context.operation, method: 'GET', path: '/applications', query: { application_id: id } },
        appListSchema,
      );
      const found = readRecords(appSchema, answer.applications, context, (wire): ApplicationRegistration => ({
        provider,
        applicationId: wire.applicationId,
        status: statusOf(wire.status, context),
        providerStatus: wire.status,
        name: wire.name ?? null,
        submittedAt: isoDate(wire.submittedDate),
        modifiedAt: isoDate(wire.modifiedDate),
      }));
      return found.find((application) => application.applicationId === id) ?? null;
    },
  };
}

