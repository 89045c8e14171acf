import { Field, Int, ObjectType } from 'type-graphql';
import { CustomerCategoryEnum, CustomerKindEnum, ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { edgeType, PageInfo } from './connection.js';
import { ProviderError } from './provider-error.type.js';
import { Node } from './node.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A person or business known to one provider' })
export class Customer extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's own id" })
  providerId!: string;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'Full or legal name' })
  name!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => CustomerKindEnum, { nullable: true })
  kind!: string | null;

  @Field(() => CustomerCategoryEnum, { nullable: true })
  category!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;
}

const CustomerEdge = edgeType('Customer', Customer);

@ObjectType({ simpleResolvers: true, description: 'Customers of one provider, or of every enabled provider merged in Provider order' })
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges!: InstanceType<typeof CustomerEdge>[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    nullable: true,
    description:
      'Total matches of the providers that take part (not those listed as UNSUPPORTED_BY_PROVIDER), when each of them reports an exact count and none failed',
  })
  totalCount!: number | null;

  @Field(() => [ProviderError], {
    description:
      'Providers whose customers are missing from a fan-out page: those that failed (also reported in `errors`) and those that cannot list customers (UNSUPPORTED_BY_PROVIDER, e.g. Caibo IPG; not in `errors`), in Provider order',
  })
  providerErrors!: ProviderError[];
}
