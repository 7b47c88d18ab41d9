import type { Cents } from '../money/cents';

/** R5.1: a standard call costs 2 cents a minute. (No zod here: the panels bundle it, core/panelRules.ts.) */
export const CALL_CENTS_PER_MINUTE: Cents = 2;

/** Minutes a dollar balance buys ($100 → 5,000 minutes); a leftover odd cent buys nothing. */
export function centsToMinutes(amount: Cents): number {
    return Math.floor(amount / CALL_CENTS_PER_MINUTE);
}
