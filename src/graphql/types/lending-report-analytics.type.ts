import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../scalars.js';
import { TimeIntervalTypeEnum } from './lending-report.type.js';

/*
 * The typed content of lending reports (Mastercard VOA/VOI/cash-flow analytics), split from the
 * report types themselves; `Report` fields in lending-report.resolver.ts return these.
 */

@ObjectType({ description: 'Statistics of the transactions of one period (null where the period has none)' })
export class PeriodStatistics {
  @Field(() => DateScalar, { description: 'First day, inclusive' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day, inclusive' })
  endDate!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => DecimalScalar, { nullable: true })
  sum!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  mean!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  median!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  min!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  max!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Sample standard deviation; null below two transactions' })
  standardDeviation!: string | null;
}

@ObjectType({ description: "An attribute's periods for one time interval type" })
export class TimeIntervalAggregation {
  @Field(() => TimeIntervalTypeEnum)
  timeIntervalType!: string;

  @Field(() => [PeriodStatistics])
  periods!: PeriodStatistics[];
}

@ObjectType()
export class StreamConfidence {
  @Field(() => String)
  streamId!: string;

  @Field(() => Float, { description: '0–100' })
  confidence!: number;
}

@ObjectType({ description: 'A classification of income transactions (NET_INCOME, PAYCHECK_INCOME …) with statistics per period' })
export class TransactionalAttribute {
  @Field(() => String, { description: 'NET_INCOME, PAYCHECK_INCOME, NON_PAYCHECK_INCOME, RESIDENTIAL_RENTAL_INCOME …' })
  name!: string;

  @Field(() => [TimeIntervalAggregation], { description: 'One entry per requested time interval type' })
  aggregations!: TimeIntervalAggregation[];

  @Field(() => [String])
  streamIds!: string[];

  @Field(() => [String], { description: 'Provider transaction ids' })
  transactionIds!: string[];

  @Field(() => [StreamConfidence], { description: 'How sure the provider is that each stream belongs to this attribute' })
  streamConfidences!: StreamConfidence[];
}

@ObjectType({ description: 'A repeated flow of funds between two parties, e.g. a fortnightly salary' })
export class IncomeStream {
  @Field(() => String)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Who pays (employer, agency …)' })
  payor!: string | null;

  @Field(() => String, { nullable: true, description: 'Who receives (usually the customer)' })
  payee!: string | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE or INACTIVE (no payment within the observed cadence)' })
  status!: string | null;

  @Field(() => Float, { nullable: true, description: 'Typical days between payments' })
  cadenceDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Days since the latest payment' })
  recencyDays!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  earliestObservedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  latestObservedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field(() => DecimalScalar, { nullable: true })
  sum!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  min!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  max!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  mean!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  median!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  standardDeviation!: string | null;

  @Field(() => Float, { nullable: true })
  minimumCadenceDays!: number | null;

  @Field(() => Float, { nullable: true })
  maximumCadenceDays!: number | null;

  @Field(() => Float, { nullable: true })
  medianCadenceDays!: number | null;

  @Field(() => Float, { nullable: true })
  modeCadenceDays!: number | null;

  @Field(() => Float, { nullable: true })
  standardDeviationCadenceDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest confidence (0–100) any attribute gives this stream' })
  confidence!: number | null;

  @Field(() => [String])
  transactionIds!: string[];
}

@ObjectType({ description: 'VOI analytics: transactional attributes and income streams' })
export class VoiAnalytics {
  @Field(() => [TransactionalAttribute])
  transactionalAttributes!: TransactionalAttribute[];

  @Field(() => [IncomeStream])
  streams!: IncomeStream[];
}

@ObjectType({ description: "One account's VOI analytics" })
export class VoiAccountAnalytics {
  @Field(() => ID, { description: 'Global ID of the Account' })
  accountId!: string;

  @Field(() => String, { description: "The provider's account id" })
  accountProviderId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's account type" })
  providerType!: string | null;

  @Field(() => VoiAnalytics, { nullable: true })
  analytics!: VoiAnalytics | null;
}

@ObjectType({ description: 'VOA totals over the accounts of the report' })
export class VoaAssets {
  @Field(() => DecimalScalar, { nullable: true })
  currentBalance!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  availableBalance!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average daily balance over the last two months' })
  twoMonthAverage!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average daily balance over the last six months' })
  sixMonthAverage!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Balance at the start of the report period' })
  beginningBalance!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  consolidatedAvailableBalance!: string | null;
}

@ObjectType({ description: 'Cash-flow totals over the accounts of the report' })
export class CashFlowSummary {
  @Field(() => DecimalScalar, { nullable: true })
  averageMonthlyNet!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  twelveMonthTotalNet!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  twelveMonthCreditTotal!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Negative: money out' })
  twelveMonthDebitTotal!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  minDailyBalance!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  maxDailyBalance!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  twelveMonthAverageDailyBalance!: string | null;

  @Field(() => Int, { nullable: true })
  numberOfDaysNegativeBalance!: number | null;
}
