import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Card and bank fields must never reach the logs (R7.2), wherever they sit in a logged object,
 * and neither must credentials.
 */
export const SECRET_FIELDS = [
    'number',
    'cardNumber',
    'cvc',
    'accountNumber',
    'routingNumber',
    'password',
    'token'
];
export const REDACTED_PATHS = [
    'req.headers.authorization',
    'req.headers.cookie',
    'headers.authorization',
    ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`])
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
    const level = options.level ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
    return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, options.destination);
}
