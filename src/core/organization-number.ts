/**
 * Norwegian organisation numbers: nine digits, the last a modulus 11 check digit (weights 3 2 7 6 5 4
 * 3 2), as Brønnøysundregistrene assigns them.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** True for a nine-digit organisation number whose check digit is right. */
export function isOrganizationNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{9}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(value[8]);
}
