import { z } from 'zod/v4';

/**
 * Seed 004's social media and CRM JSON, parsed tolerantly like wire.ts: list envelopes hold
 * `unknown` records, each read on its own (src/providers/record-reader.ts).
 */
const text = z.string().nullish();

/** SocialMediaJSON; the list's envelope is `{"checks": […]}` (seed 004, Get Customer Social Media Handles). */
export const socialMediaHandleSchema = z
  .object({ customer_number: text, type: z.string(), handle: z.string(), date_added: text, date_activated: text })
  .passthrough();
export type WireSocialMediaHandle = z.infer<typeof socialMediaHandleSchema>;
export const socialMediaHandleListSchema = z.object({ checks: z.array(z.unknown()) });

/** CrmEventJson (seed 004, Get CRM Events); the envelope is `{"crm_events": […]}`. */
export const crmEventSchema = z
  .object({
    id: z.string(),
    bank_id: text,
    customer_name: text,
    customer_number: text,
    category: text,
    detail: text,
    channel: text,
    scheduled_date: text,
    actual_date: text,
    result: text,
  })
  .passthrough();
export type WireCrmEvent = z.infer<typeof crmEventSchema>;
export const crmEventListSchema = z.object({ crm_events: z.array(z.unknown()) });

/** `{"success": "Success"}` (seed 004, Create Customer Social Media Handle). */
export const successSchema = z.object({ success: z.string() }).passthrough();
