import type { Operator } from './operatorTokenRepository';

declare module 'fastify' {
    interface FastifyRequest {
        /** Set for every /ops request (see authenticateOperators). */
        operator: Operator;
        /** The X-Operator-Reason header of an /ops request: why the operator reads or changes this. */
        operatorReason: string;
    }
    interface FastifyContextConfig {
        /** /ops routes only the finance role may call (credits, refunds; R11.1). */
        financeOnly?: boolean;
    }
}
