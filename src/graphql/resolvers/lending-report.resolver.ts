import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../domain/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import {
  isTimeIntervalType,
  type GenerateReportInput as GeneratePortInput,
  type GeneratableReportKind,
  type Report as ReportModel,
  type ReportContent,
} from '../../domain/lending.port.js';
import type { GatewayContext } from '../context.js';
import { perRequest } from '../request-memo.js';
import { JSONScalar } from '../scalars.js';
import { Customer } from '../types/customer.type.js';
import { Consumer } from '../types/lending-consumer.type.js';
import { CashFlowSummary, VoaAssets, VoiAccountAnalytics, VoiAnalytics } from '../types/lending-report-analytics.type.js';
import {
  CashFlowReport,
  GenerateCashFlowReportInput,
  GenerateReportInput,
  GenerateVoiReportInput,
  Report,
  ReportPeriod,
  VoaReport,
  VoiReport,
} from '../types/lending-report.type.js';
import { loadConsumer, loadExisting, reportsOf, toReportView, type ReportView } from '../lookups.js';

/** The content, once per request however many fields read it; REPORT_NOT_READY while generating. */
function contentOf(context: GatewayContext, report: ReportModel): Promise<ReportContent> {
  return perRequest(context, `report-content:${encodeGlobalId(report.ref)}`, () => reportsOf(context, report.provider).content(report.ref));
}

function toGenerateInput(kind: GeneratableReportKind, input: GenerateReportInput | GenerateVoiReportInput | null | undefined): GeneratePortInput {
  const intervalTypes = input && 'intervalTypes' in input ? (input.intervalTypes ?? []) : [];
  return {
    kind,
    fromDate: input?.fromDate ?? null,
    accountIds: input?.accountIds ?? [],
    intervalTypes: intervalTypes.filter(isTimeIntervalType),
    callbackUrl: input?.callbackUrl === undefined || input.callbackUrl === null || input.callbackUrl.trim() === '' ? null : input.callbackUrl.trim(),
  };
}

async function generate(context: GatewayContext, customerId: string, input: GeneratePortInput): Promise<ReportView> {
  const customer = decodeGlobalId(customerId, 'Customer', 'customerId');
  return toReportView(await reportsOf(context, customer.provider).generate(customer, input));
}

@Resolver(() => Report)
export class ReportResolver {
  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<unknown> {
    return context.loaders.customer.load(report.customerRef);
  }

  @FieldResolver(() => Consumer, { nullable: true, description: 'The consumer the report is about (business cash-flow reports may have none)' })
  consumer(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<unknown> | null {
    return report.consumerRef === null ? null : loadConsumer(context, report.consumerRef);
  }

  @FieldResolver(() => ReportPeriod, { nullable: true, description: 'Content: REPORT_NOT_READY while IN_PROGRESS' })
  async period(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<ReportPeriod | null> {
    return (await contentOf(context, report)).period;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'The report covers a long enough history (VOA/VOI > 180 days, cash flow > 365)' })
  async seasoned(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<boolean | null> {
    return (await contentOf(context, report)).seasoned;
  }

  @FieldResolver(() => String, { nullable: true, description: 'ISO 4217 currency of every amount in the report' })
  async currency(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<string> {
    return (await contentOf(context, report)).currency;
  }

  /*
   * Caller authorization is a later issue; when it lands, the role check for raw report data goes
   * here (and nowhere else needs one: the typed fields carry summaries only).
   */
  @FieldResolver(() => JSONScalar, {
    nullable: true,
    description:
      "The provider's report JSON as received, minus every SSN field. It holds transactions and income details: it is meant for callers entitled to the full report, and will require that role once caller authorization exists",
  })
  async rawProviderJson(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<Record<string, unknown>> {
    return (await contentOf(context, report)).raw;
  }

  @Query(() => Report, {
    nullable: true,
    description: 'A report by global ID; `status` answers without reading the content (null with NOT_FOUND when unknown)',
  })
  report(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Report'));
  }

  @Mutation(() => VoaReport, { nullable: true, description: 'Starts a Verification of Assets report (needs the customer\'s consumer). Answers at once, IN_PROGRESS' })
  generateVoaReport(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('input', () => GenerateReportInput, { nullable: true }) input: GenerateReportInput | null,
    @Ctx() context: GatewayContext,
  ): Promise<ReportView> {
    return generate(context, customerId, toGenerateInput('VOA', input));
  }

  @Mutation(() => VoiReport, { nullable: true, description: 'Starts a Verification of Income report (needs the customer\'s consumer). Answers at once, IN_PROGRESS' })
  generateVoiReport(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('input', () => GenerateVoiReportInput, { nullable: true }) input: GenerateVoiReportInput | null,
    @Ctx() context: GatewayContext,
  ): Promise<ReportView> {
    return generate(context, customerId, toGenerateInput('VOI', input));
  }

  @Mutation(() => CashFlowReport, {
    nullable: true,
    description: 'Starts a cash-flow report: BUSINESS (AU/US) or PERSONAL (US; needs the consumer). Answers at once, IN_PROGRESS',
  })
  generateCashFlowReport(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('input', () => GenerateCashFlowReportInput) input: GenerateCashFlowReportInput,
    @Ctx() context: GatewayContext,
  ): Promise<ReportView> {
    if (input.kind !== 'BUSINESS' && input.kind !== 'PERSONAL') throw badInput('kind must be BUSINESS or PERSONAL', 'input.kind');
    return generate(context, customerId, toGenerateInput(input.kind === 'BUSINESS' ? 'CASH_FLOW_BUSINESS' : 'CASH_FLOW_PERSONAL', input));
  }
}

@Resolver(() => VoaReport)
export class VoaReportResolver {
  @FieldResolver(() => VoaAssets, { nullable: true, description: 'Content: REPORT_NOT_READY while IN_PROGRESS, null for a FAILURE' })
  async assets(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<VoaAssets | null> {
    return (await contentOf(context, report)).voa;
  }
}

@Resolver(() => VoiReport)
export class VoiReportResolver {
  @FieldResolver(() => VoiAnalytics, {
    nullable: true,
    description: 'Customer-level analytics over every account of the report. Content: REPORT_NOT_READY while IN_PROGRESS, null for a FAILURE',
  })
  async analytics(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<VoiAnalytics | null> {
    return (await contentOf(context, report)).voi?.analytics ?? null;
  }

  @FieldResolver(() => [VoiAccountAnalytics], { nullable: true, description: 'Per-account analytics. Content, like `analytics`' })
  async accounts(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<VoiAccountAnalytics[] | null> {
    const voi = (await contentOf(context, report)).voi;
    return (
      voi?.accounts.map((account) => ({
        accountId: encodeGlobalId(account.accountRef),
        accountProviderId: account.accountId,
        name: account.name,
        providerType: account.providerType,
        analytics: account.analytics,
      })) ?? null
    );
  }
}

@Resolver(() => CashFlowReport)
export class CashFlowReportResolver {
  @FieldResolver(() => CashFlowSummary, { nullable: true, description: 'Content: REPORT_NOT_READY while IN_PROGRESS, null for a FAILURE' })
  async summary(@Root() report: ReportView, @Ctx() context: GatewayContext): Promise<CashFlowSummary | null> {
    return (await contentOf(context, report)).cashFlow;
  }
}
