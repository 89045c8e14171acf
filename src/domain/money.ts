/** An exact amount: a decimal string (never a float; negative = money out) with an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}
