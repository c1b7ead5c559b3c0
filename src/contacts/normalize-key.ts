/**
 * Contact keys are compared in one canonical form, so "+86 138 0013 8000"
 * and "13800138000" find the same person.
 */

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** A mainland China mobile number as 11 digits, or null when it is not one. */
export function normalizeMobile(raw: string): string | null {
  let digits = raw.replace(/[\s\-()]/g, "");
  const withoutCountry = digits.replace(/^(\+86|0086|86)/, "");
  if (withoutCountry !== digits && /^1\d{10}$/.test(withoutCountry)) digits = withoutCountry;
  return MAINLAND_MOBILE.test(digits) ? digits : null;
}

// Deliberately plain: one @, no spaces, a dot in the domain. Delivery is the real test.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address trimmed and lower-cased, or null when it is not one. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}
