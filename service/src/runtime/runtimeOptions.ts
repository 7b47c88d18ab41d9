import type { RuntimeOptions } from '../kernel/appDeps';

const SETTINGS = {
    leaseTtlSeconds: 'RUNTIME_LEASE_TTL_SECONDS',
    keyCacheMs: 'RUNTIME_KEY_CACHE_MS',
    usageWindowHours: 'RUNTIME_USAGE_WINDOW_HOURS'
} as const satisfies Record<keyof RuntimeOptions, string>;

/** The runtime API's settings from the environment; unset ones keep their defaults. */
export function runtimeOptionsFromEnv(env: NodeJS.ProcessEnv): RuntimeOptions {
    const options: RuntimeOptions = {};
    for (const [field, name] of Object.entries(SETTINGS) as [keyof RuntimeOptions, string][]) {
        const text = env[name];
        if (text === undefined || text === '') continue;
        const value = Number(text);
        if (!Number.isSafeInteger(value) || value < (field === 'keyCacheMs' ? 0 : 1))
            throw new Error(
                `${name} must be a whole number${field === 'keyCacheMs' ? '' : ' above 0'}, got "${text}"`
            );
        options[field] = value;
    }
    return options;
}
