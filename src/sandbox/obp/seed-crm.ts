import { stableUuid } from './ids.js';
import type { ObpCrmEvent, ObpCustomer, ObpSocialMediaHandle } from './model.js';

const DAY_MS = 86_400_000;

/** Banks seeded without CRM events, so the "No CRM Events available." answer (seed 004) is reachable. */
export const BANKS_WITHOUT_CRM_EVENTS: ReadonlySet<string> = new Set(['sg.08.sgp']);

const CATEGORIES = ['Product review', 'Complaint', 'Mortgage advice', 'Card replacement'] as const;
const CHANNELS = ['Branch', 'Phone', 'Email', 'Video call'] as const;
const RESULTS = ['Completed', 'Follow-up scheduled', 'No answer'] as const;

/**
 * Deterministic CRM events and social media handles for the seeded customers (seed 004, "Get CRM
 * Events" and "Get Customer Social Media Handles"): the first two customers of each bank have one
 * event each (none at BANKS_WITHOUT_CRM_EVENTS); every first customer has two handles.
 */
export function createCrmSeed(
  seed: number,
  customers: readonly ObpCustomer[],
  anchorDate: Date,
): { crmEvents: ObpCrmEvent[]; socialMediaHandles: ObpSocialMediaHandle[] } {
  const crmEvents: ObpCrmEvent[] = [];
  const socialMediaHandles: ObpSocialMediaHandle[] = [];
  const positions = new Map<string, number>();
  for (const customer of customers) {
    const index = positions.get(customer.bankId) ?? 0;
    positions.set(customer.bankId, index + 1);
    const daysAgo = 10 + index * 7;
    if (index < 2 && !BANKS_WITHOUT_CRM_EVENTS.has(customer.bankId)) {
      crmEvents.push({
        id: stableUuid(`${seed}:crm-event:${customer.customerId}`),
        bankId: customer.bankId,
        customerName: customer.legalName,
        customerNumber: customer.customerNumber,
        category: CATEGORIES[index % CATEGORIES.length]!,
        detail: `Sandbox contact ${index + 1} with the customer`,
        channel: CHANNELS[(index + customer.bankId.length) % CHANNELS.length]!,
        scheduledDate: new Date(anchorDate.getTime() - daysAgo * DAY_MS),
        actualDate: new Date(anchorDate.getTime() - (daysAgo - 1) * DAY_MS),
        result: RESULTS[index % RESULTS.length]!,
      });
    }
    if (index === 0) {
      const nick = customer.legalName.toLowerCase().replace(/[^a-z]/g, '');
      for (const [n, type] of ['twitter', 'linkedin'].entries()) {
        socialMediaHandles.push({
          customerNumber: customer.customerNumber,
          type,
          handle: `@${nick}${n === 0 ? '' : '.pro'}`,
          dateAdded: new Date(anchorDate.getTime() - (60 + n) * DAY_MS),
          dateActivated: new Date(anchorDate.getTime() - (59 + n) * DAY_MS),
        });
      }
    }
  }
  return { crmEvents, socialMediaHandles };
}
