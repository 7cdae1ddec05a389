import type {
  PolicyFields,
  PolicyRow,
  PolicyScope,
  RoundingRuleId,
} from '../../../shared/contract/index.ts';
import { ROUNDING_RULE_IDS } from '../../../shared/contract/index.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { MARKUP_RANGE, parseOptionalPercentBp, percentInput } from './percent.ts';

/** A pricing policy as its form holds it: text as typed, '' for "hereda". */

const s = pricingSetupStrings.policies;

export type PolicyForm = {
  markup: string;
  minMargin: string;
  rounding: RoundingRuleId | '';
  horizon: string;
};

export const EMPTY_POLICY_FORM: PolicyForm = {
  markup: '',
  minMargin: '',
  rounding: '',
  horizon: '',
};

export function policyToForm(p: PolicyFields): PolicyForm {
  return {
    markup: p.markupBp === null ? '' : percentInput(p.markupBp),
    minMargin: p.minMarginBp === null ? '' : percentInput(p.minMarginBp),
    rounding: p.rounding ?? '',
    horizon: p.horizonDays === null ? '' : String(p.horizonDays),
  };
}

function parseHorizon(text: string): number | null | undefined {
  const clean = text.trim();
  if (clean === '') return null;
  if (!/^\d{1,3}$/.test(clean)) return undefined;
  const days = Number(clean);
  return days <= 366 ? days : undefined;
}

/**
 * The fields to send, or the first problem in Spanish. `required`: the store's own policy, where
 * nothing may be left blank (nothing is above it to inherit from).
 */
export function formToPolicy(
  form: PolicyForm,
  required: boolean,
): { ok: true; fields: PolicyFields } | { ok: false; message: string } {
  const markup = parseOptionalPercentBp(form.markup, MARKUP_RANGE);
  if (!markup.ok) return { ok: false, message: `${s.markup}: ${markup.message}` };
  const minMargin = parseOptionalPercentBp(form.minMargin, MARKUP_RANGE);
  if (!minMargin.ok) return { ok: false, message: `${s.minMargin}: ${minMargin.message}` };
  const horizonDays = parseHorizon(form.horizon);
  if (horizonDays === undefined) return { ok: false, message: s.horizonInvalid };
  const rounding = (ROUNDING_RULE_IDS as readonly string[]).includes(form.rounding)
    ? (form.rounding as RoundingRuleId)
    : null;
  const fields: PolicyFields = {
    markupBp: markup.bp,
    minMarginBp: minMargin.bp,
    rounding,
    horizonDays,
  };
  if (required) {
    const missing = [
      fields.markupBp === null && s.markup,
      fields.minMarginBp === null && s.minMargin,
      fields.rounding === null && s.rounding,
      fields.horizonDays === null && s.horizon,
    ].filter((x): x is string => typeof x === 'string');
    if (missing.length > 0) return { ok: false, message: s.required(missing) };
  } else if (Object.values(fields).every((v) => v === null)) {
    return { ok: false, message: s.allBlank };
  }
  return { ok: true, fields };
}

const SCOPE_ORDER: Readonly<Record<PolicyScope, number>> = {
  product: 0,
  supplier: 1,
  category: 2,
  store: 3,
};

/** Overrides in the order they win: products, then suppliers, then categories; by name inside. */
export function sortPolicyRows(rows: readonly PolicyRow[]): PolicyRow[] {
  return [...rows].sort(
    (a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || a.label.localeCompare(b.label, 'es'),
  );
}
