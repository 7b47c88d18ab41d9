import pg from 'pg';
import pino from 'pino';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { buildApp } from './buildApp';

const NOT_HERE = (): Promise<never> => Promise.reject(new Error('the API is only being described'));
const noProcessor: PaymentProcessor = {
    name: 'none',
    tokenize: NOT_HERE,
    charge: NOT_HERE,
    findCharge: NOT_HERE
};

/**
 * The OpenAPI document of the real app's routes, built with dependencies that are never used:
 * nothing listens, no request is served, the database is never asked (its pool never connects).
 */
export async function describeApi(): Promise<unknown> {
    const pool = new pg.Pool({ connectionString: 'postgres://api-types.invalid/none' });
    const app = await buildApp({
        pool,
        authenticator: { authenticate: NOT_HERE },
        directory: { getUser: NOT_HERE, listUsers: NOT_HERE },
        processor: noProcessor,
        clock: { now: () => new Date(0) },
        serviceSecret: 'describing-the-api',
        logger: pino({ enabled: false })
    });
    try {
        return structuredClone(app.swagger());
    } finally {
        await app.close();
        await pool.end();
    }
}
