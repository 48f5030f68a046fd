// Money as the rules print it.

/** Cents as euros with two decimals ("1234.50"). */
export const eur = (cents: number) => (cents / 100).toFixed(2);
