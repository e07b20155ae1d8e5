/** Kubernetes resource quantities: parsing and comparison, as the API server reads them. */

const QUANTITY =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The value of a quantity in base units (bytes, cores), or undefined when it is not one. */
export const parseQuantity = (text: string): number | undefined => {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign = '', number = '', suffix = ''] = match;
  let factor = 1;
  if (suffix in BINARY) factor = BINARY[suffix] ?? 1;
  else if (suffix in DECIMAL) factor = DECIMAL[suffix] ?? 1;
  else if (suffix) factor = 10 ** Number(suffix.slice(1));
  const value = Number(number) * factor;
  return sign === '-' ? -value : value;
};

/** True when `text` is a quantity the API server accepts. */
export const isQuantity = (text: string): boolean => QUANTITY.test(text.trim());
