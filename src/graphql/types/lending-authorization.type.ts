import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EXPIRING_SOON_DAYS } from '../../domain/authorization-period.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({
  description:
    "How long the provider may read a customer's data at one institution login (Mastercard US). Prompt the customer to re-authorize before `endsAt`",
})
export class AuthorizationPeriod {
  @Field(() => ID, { description: 'The provider institution login id (as in Account.institutionLoginId)' })
  institutionLoginId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field(() => Int, { description: 'Whole days left at the time of the request, rounded down: 0 on the last day, negative once ended' })
  expiresInDays!: number;

  @Field(() => Boolean)
  isExpired!: boolean;

  @Field(() => Boolean, { description: `Not yet ended and ends within ${EXPIRING_SOON_DAYS} days: time to prompt re-authorization` })
  isExpiringSoon!: boolean;
}
