import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { isDecimalString } from '../domain/decimal.js';

/**
 * Exact decimal amounts as strings ("-1952.71"). Floats would round money; inputs given as JSON
 * numbers are refused for the same reason.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "-1952.71". Never a float.',
  serialize(value) {
    if (typeof value !== 'string' || !isDecimalString(value)) throw new GraphQLError('Decimal cannot represent a non-decimal value');
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isDecimalString(value.trim())) {
      throw new GraphQLError('Decimal must be a string such as "12.50"', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value.trim();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isDecimalString(ast.value.trim())) {
      throw new GraphQLError('Decimal must be a string such as "12.50"', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return ast.value.trim();
  },
});

export const DateTimeScalar = DateTimeResolver;
export const DateScalar = DateResolver;
export const JSONScalar = JSONResolver;
