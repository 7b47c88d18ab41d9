import { z } from 'zod';

/**
 * Salesforce settings from the environment. Without SALESFORCE_CLIENT_ID the service runs in
 * local mode (local issuer and local directory); with it, every variable below is required.
 */
const salesforceEnvSchema = z.object({
    SALESFORCE_CLIENT_ID: z.string().min(1),
    SALESFORCE_CLIENT_SECRET: z.string().min(1),
    /** 32 random bytes, base64: encrypts the orgs' refresh tokens at rest. */
    SALESFORCE_TOKEN_KEY: z.string().min(40),
    /** Where admins sign in to connect an org (https://test.salesforce.com for sandboxes). */
    SALESFORCE_LOGIN_URL: z.url().default('https://login.salesforce.com'),
    /** This service's public address: the Connect callback, and the `aud` of the orgs' tokens. */
    SERVICE_URL: z.url().default('https://billing.powerdialer.example')
});

export type SalesforceConfig =
    | { mode: 'local' }
    | {
          mode: 'salesforce';
          clientId: string;
          clientSecret: string;
          tokenKey: string;
          loginUrl: string;
          serviceUrl: string;
      };

export function loadSalesforceConfig(env: Record<string, string | undefined>): SalesforceConfig {
    if (env.SALESFORCE_CLIENT_ID === undefined || env.SALESFORCE_CLIENT_ID === '') return { mode: 'local' };
    const parsed = salesforceEnvSchema.safeParse(env);
    if (!parsed.success) {
        const missing = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
        throw new Error(`Salesforce mode needs these environment variables set correctly: ${missing}.`);
    }
    return {
        mode: 'salesforce',
        clientId: parsed.data.SALESFORCE_CLIENT_ID,
        clientSecret: parsed.data.SALESFORCE_CLIENT_SECRET,
        tokenKey: parsed.data.SALESFORCE_TOKEN_KEY,
        loginUrl: parsed.data.SALESFORCE_LOGIN_URL,
        serviceUrl: parsed.data.SERVICE_URL
    };
}

/** The refresh-token key for scripts (register-org) that only encrypt. */
export function loadTokenKey(env: Record<string, string | undefined>): string {
    const key = env.SALESFORCE_TOKEN_KEY;
    if (key === undefined || key === '') {
        throw new Error('Set SALESFORCE_TOKEN_KEY (32 random bytes, base64: openssl rand -base64 32).');
    }
    return key;
}
