import { BillingError, ok, refused } from '../errors';
import type { Result } from '../errors';
import type { Cents } from '../money/cents';
import { CALL_CENTS_PER_MINUTE, centsToMinutes } from './minuteRate';

/** R5.5: a new call needs at least one minute's worth of balance; otherwise "out of dialer minutes". */
export function authorizeCall(balance: Cents): Result<{ minutesAvailable: number }> {
    if (balance >= CALL_CENTS_PER_MINUTE) return ok({ minutesAvailable: centsToMinutes(balance) });
    return refused([
        new BillingError(
            'out_of_minutes',
            'You are out of dialer minutes. Buy more minutes, or turn on automatic recharge.',
            {
                balance
            }
        )
    ]);
}
