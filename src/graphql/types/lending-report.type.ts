import { Field, InputType, Int, InterfaceType, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  TIME_INTERVAL_TYPES,
  type ReportKind,
  type ReportStatus,
  type TimeIntervalType,
} from '../../domain/lending.port.js';
import { enumOf, ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { connectionTypes } from './connection.js';
import { Node } from './node.js';


export const ReportTypeEnum = enumOf<ReportKind>(REPORT_KINDS);
registerEnumType(ReportTypeEnum, {
  name: 'ReportType',
  description:
    'VOA: verification of assets. VOI: verification of income. CASH_FLOW_BUSINESS / CASH_FLOW_PERSONAL: cash-flow analytics (personal: Mastercard US only). OTHER: a provider report kind the gateway does not model (raw JSON only)',
});

export const ReportStatusEnum = enumOf<ReportStatus>(REPORT_STATUSES);
registerEnumType(ReportStatusEnum, { name: 'ReportStatus', description: 'Generation is asynchronous: IN_PROGRESS, then SUCCESS or FAILURE' });

export const TimeIntervalTypeEnum = enumOf<TimeIntervalType>(TIME_INTERVAL_TYPES);
registerEnumType(TimeIntervalTypeEnum, {
  name: 'TimeIntervalType',
  description:
    'How VOI analytics cut the report period (Mastercard AU docs, "Time Interval Types"): calendar types may have partial first and last periods; rolling types count back from the report end date, so only the first may be partial',
});

export type CashFlowKind = 'BUSINESS' | 'PERSONAL';
export const CashFlowKindEnum = enumOf<CashFlowKind>(['BUSINESS', 'PERSONAL']);
registerEnumType(CashFlowKindEnum, { name: 'CashFlowReportKind', description: 'PERSONAL: Mastercard US only' });

/** The GraphQL object type of each report kind (Node and Report resolve through `graphqlType`). */
export const REPORT_TYPE_NAMES: Record<ReportKind, string> = {
  VOA: 'VoaReport',
  VOI: 'VoiReport',
  CASH_FLOW_BUSINESS: 'CashFlowReport',
  CASH_FLOW_PERSONAL: 'CashFlowReport',
  OTHER: 'OtherReport',
};

@ObjectType({ description: 'The time a report covers' })
export class ReportPeriod {
  @Field(() => DateTimeScalar, { nullable: true })
  startsAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt!: Date | null;

  @Field(() => Int, { nullable: true })
  days!: number | null;
}

@InterfaceType({
  implements: Node,
  description:
    'A lending report (Mastercard AU/US). Identity and `status` answer at once (from report webhooks when the gateway has them); content fields (period, analytics, rawProviderJson …) fail with REPORT_NOT_READY (retryable) while the report is IN_PROGRESS, and are null for a FAILURE',
  resolveType: (value: { graphqlType: string }) => value.graphqlType,
})
export abstract class Report extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's own report id" })
  providerId!: string;

  @Field(() => ReportTypeEnum)
  type!: string;

  @Field(() => String, { description: "The provider's report type (voa, voi, cfrb, cfrp …)" })
  providerType!: string;

  @Field(() => ReportStatusEnum)
  status!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's request id, for support cases" })
  requestId!: string | null;
}

@ObjectType({ implements: [Node, Report], description: 'Verification of Assets: balances and their history over up to six months' })
export class VoaReport extends Report {}

@ObjectType({ implements: [Node, Report], description: 'Verification of Income: income streams and per-period income statistics over up to 12 months' })
export class VoiReport extends Report {}

@ObjectType({ implements: [Node, Report], description: 'Cash-flow analytics, business or personal (see `type`)' })
export class CashFlowReport extends Report {}

@ObjectType({ implements: [Node, Report], description: 'A provider report of a kind the gateway does not model; read rawProviderJson' })
export class OtherReport extends Report {}

// An abstract interface class is a fine edge node type; connectionTypes only asks for a constructor type.
export const { Connection: ReportConnection } = connectionTypes('Report', Report as unknown as ClassType<Report>);

@InputType({ description: 'Options every report generation takes' })
export class GenerateReportInput {
  @Field(() => DateTimeScalar, { nullable: true, description: "Start of the period covered; the provider's default (VOA 6, VOI 12 months) when omitted" })
  fromDate?: Date | null;

  @Field(() => [String], { nullable: true, description: "Only these accounts (provider account ids); every eligible account when omitted" })
  accountIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the provider posts report events. When omitted and the gateway knows its public URL (PUBLIC_BASE_URL, or the sandbox), the gateway's own webhook receives them and `status` updates without upstream calls; a URL of your own replaces that, and the gateway then asks the provider for the status",
  })
  callbackUrl?: string | null;
}

@InputType({ description: 'VOI options' })
export class GenerateVoiReportInput extends GenerateReportInput {
  @Field(() => [TimeIntervalTypeEnum], {
    nullable: true,
    description: 'At most two (more is BAD_USER_INPUT "More than 2 intervalTypes passed request."); default [MONTHLY_CALENDAR]',
  })
  intervalTypes?: string[] | null;
}

@InputType({ description: 'Cash-flow options' })
export class GenerateCashFlowReportInput extends GenerateReportInput {
  @Field(() => CashFlowKindEnum)
  kind!: string;
}
