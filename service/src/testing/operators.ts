import type { Queryable } from '../db/pool';
import { createOperatorToken, type OperatorRole } from '../ops/operatorTokenRepository';
import { TEST_NOW } from './factories';

export interface TestOperator {
    name: string;
    token: string;
    /** Headers of an /ops request of this operator (with a reason, and a key for changes). */
    headers(idempotencyKey?: string): Record<string, string>;
}

export async function makeOperator(
    db: Queryable,
    role: OperatorRole,
    name = `${role} ${Math.random().toString(36).slice(2, 8)}`
): Promise<TestOperator> {
    const { token } = await createOperatorToken(db, { name, role, now: TEST_NOW });
    return {
        name,
        token,
        headers(idempotencyKey) {
            const headers: Record<string, string> = {
                authorization: `Bearer ${token}`,
                'x-operator-reason': 'Ticket 42: test'
            };
            if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
            return headers;
        }
    };
}
