import { z } from 'zod/v4';
import { epochSeconds, flexibleId } from '../wire.js';

/**
 * Lending JSON (US spec openbanking-us.yaml v1.42.0 via key-endpoint-examples.json; AU docs seed
 * 002), parsed tolerantly. Consumer schemas have no `ssn` key, so zod strips it on parse and the
 * last four digits the provider returns never reach a mapper.
 */

const optionalText = z.string().nullish();
/** The spec's request example sends birthday parts as strings ("1989"), its Get answers numbers. */
const numberLike = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const consumerSchema = z.object({
  id: flexibleId,
  customerId: flexibleId.nullish(),
  firstName: optionalText,
  lastName: optionalText,
  middleName: optionalText,
  suffix: optionalText,
  address: optionalText,
  city: optionalText,
  state: optionalText,
  zip: optionalText,
  phone: optionalText,
  email: optionalText,
  birthday: z.object({ year: numberLike, month: numberLike, dayOfMonth: numberLike }).nullish(),
  /** ConsumerEndUser (openbanking-us.yaml; seed 001 "Reseller Partners"). */
  endUser: z
    .object({ name: optionalText, address: optionalText, city: optionalText, state: optionalText, zip: optionalText, phone: optionalText, email: optionalText, url: optionalText })
    .nullish(),
  createdDate: epochSeconds.nullish(),
});
export type WireConsumer = z.infer<typeof consumerSchema>;

/** CreateConsumer: 201 `{id, createdDate, customerId}` (us-notes.md). */
export const createdConsumerSchema = z.object({
  id: flexibleId,
  createdDate: epochSeconds.nullish(),
  customerId: flexibleId.nullish(),
});

export const businessSchema = z.object({
  businessId: flexibleId,
  name: optionalText,
  personallyLiable: z.boolean().nullish(),
  address: z
    .object({
      addressLine1: optionalText,
      addressLine2: optionalText,
      city: optionalText,
      state: optionalText,
      country: optionalText,
      postalCode: optionalText,
    })
    .nullish(),
  phoneNumber: z.object({ countryCode: optionalText, phoneNo: optionalText }).nullish(),
  url: optionalText,
  email: optionalText,
  type: optionalText,
  taxId: optionalText,
  /** `NoZoneDateTime`: "2022-04-12T11:51:23" (us-notes.md). */
  createdDate: optionalText,
  modifiedDate: optionalText,
});
export type WireBusiness = z.infer<typeof businessSchema>;

/**
 * GetBusinessByCustomer and GetBusinessById both answer `BusinessList`: an array of exactly one, read
 * one by one with businessSchema (record-reader.ts).
 */
export const businessListSchema = z.array(z.unknown());

export const authorizationDetailsSchema = z.object({
  institutionLoginId: flexibleId,
  authorizationStartDate: z.string(),
  authorizationEndDate: z.string(),
});

/** `BaseReportAck` (generate, 202) and the head of every Get Report answer. */
export const reportAckSchema = z
  .object({
    id: flexibleId,
    customerId: flexibleId.nullish(),
    consumerId: optionalText,
    requestId: optionalText,
    title: optionalText,
    createdDate: epochSeconds.nullish(),
    type: z.string(),
    status: z.string(),
    /** 18001 "Report being generated" on a Get while generating (seed 002, API Status Codes). */
    code: z.union([z.string(), z.number()]).nullish(),
  })
  .passthrough();
export type WireReportAck = z.infer<typeof reportAckSchema>;

/** `ReportSummary` entries of Get Reports by Customer / Consumer. */
export const reportSummarySchema = z.object({
  id: flexibleId,
  consumerId: optionalText,
  requestId: optionalText,
  createdDate: epochSeconds.nullish(),
  type: z.string(),
  status: z.string(),
});
/** Summaries are read one by one with reportSummarySchema (record-reader.ts): one odd entry fails alone. */
export const reportListSchema = z.object({ reports: z.array(z.unknown()).default([]) });
export type WireReportSummary = z.infer<typeof reportSummarySchema>;

const nullableNumber = z.number().nullish();

/** Statistics per period (seed 002, "Transactional Attributes › JSON Field Descriptions"). */
export const periodSchema = z.object({
  startDate: z.string(),
  endDate: z.string(),
  count: z.number().nullish(),
  sum: nullableNumber,
  mean: nullableNumber,
  median: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
  standardDeviation: nullableNumber,
});
export type WirePeriod = z.infer<typeof periodSchema>;

/** The docs print confidences as strings ("100.0"); the field description says float. */
const confidenceValue = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)]);

export const analyticsSchema = z.object({
  transactionalAttributes: z
    .array(
      z.object({
        attributeName: z.string(),
        aggregatedByTimePeriods: z
          .array(z.object({ timeIntervalType: z.string(), periods: z.array(periodSchema).default([]) }))
          .nullish(),
        streamIds: z.array(z.string()).nullish(),
        transactionIds: z.array(z.union([z.string(), z.number().transform(String)])).nullish(),
        // The US example answers `streamConfidences: null`.
        streamConfidences: z.array(z.object({ streamId: z.string(), confidence: confidenceValue })).nullish(),
      }),
    )
    .nullish(),
  streams: z
    .array(
      z.object({
        id: z.string(),
        payor: optionalText,
        payee: optionalText,
        status: optionalText,
        cadence: nullableNumber,
        recency: nullableNumber,
        earliestObservedDate: optionalText,
        latestObservedDate: optionalText,
        count: nullableNumber,
        sum: nullableNumber,
        min: nullableNumber,
        max: nullableNumber,
        mean: nullableNumber,
        median: nullableNumber,
        standardDeviation: nullableNumber,
        minimumCadence: nullableNumber,
        maximumCadence: nullableNumber,
        medianCadence: nullableNumber,
        modeCadence: nullableNumber,
        standardDeviationCadence: nullableNumber,
        transactionIds: z.array(z.union([z.string(), z.number().transform(String)])).nullish(),
      }),
    )
    .nullish(),
});
export type WireAnalytics = z.infer<typeof analyticsSchema>;

const amounts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, nullableNumber])) as Record<K, typeof nullableNumber>).passthrough();

/** The parts of a finished report body the typed fields read; the rest stays in the raw JSON. */
export const reportBodySchema = z
  .object({
    startDate: epochSeconds.nullish(),
    endDate: epochSeconds.nullish(),
    days: nullableNumber,
    seasoned: z.boolean().nullish(),
    consolidatedAvailableBalance: nullableNumber,
    assets: amounts(['currentBalance', 'availableBalance', 'twoMonthAverage', 'sixMonthAverage', 'beginningBalance']).nullish(),
    customerAnalytics: analyticsSchema.nullish(),
    institutions: z
      .array(
        z.object({
          accounts: z
            .array(
              z.object({ id: flexibleId, name: optionalText, type: optionalText, analytics: analyticsSchema.nullish() }).passthrough(),
            )
            .default([]),
        }),
      )
      .nullish(),
    cashFlowBalanceSummary: amounts(['minDailyBalance', 'maxDailyBalance', 'twelveMonthAverageDailyBalance'])
      .extend({ numberOfDaysNegativeBalance: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish() })
      .nullish(),
    cashFlowCreditSummary: amounts(['twelveMonthCreditTotal']).nullish(),
    cashFlowDebitSummary: amounts(['twelveMonthDebitTotal']).nullish(),
    cashFlowCharacteristicsSummary: amounts(['averageMonthlyNet', 'twelveMonthTotalNet']).nullish(),
  })
  .passthrough();
export type WireReportBody = z.infer<typeof reportBodySchema>;
