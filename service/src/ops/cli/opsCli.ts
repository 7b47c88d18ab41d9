import { randomUUID } from 'node:crypto';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseUsd } from '../../../../core/index';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One HTTP call of a command: a preview (POST, no key), a read (GET) or a change (with a key). */
interface Call {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
    change: boolean;
}

interface Command {
    usage: string;
    options: Options;
    /** The calls in order: a preview first (when there is one), then the change (only with --apply). */
    calls(values: Values): Call[];
}

const COMMON: Options = {
    reason: { type: 'string' },
    key: { type: 'string' },
    help: { type: 'boolean' }
};
const ACCOUNT: Options = { 'org-id': { type: 'string' }, 'account-id': { type: 'string' } };
const COMMON_USAGE = `Every command: --reason "<why, e.g. a ticket>" (audited), and for a change --key <Idempotency-Key>
(default: a new one, printed: reuse it to retry). OPS_URL (default http://127.0.0.1:4310) and OPS_TOKEN
(your operator token, from npm run ops-tokens) say where and who.`;

function text(values: Values, name: string): string {
    const value = values[name];
    if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
    return value.trim();
}

function optional(values: Values, name: string): string | undefined {
    const value = values[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(values: Values, name: string): string[] {
    const value = values[name];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function integer(textValue: string, what: string): number {
    if (!/^\d+$/.test(textValue)) throw new UsageError(`${what} must be a whole number, not "${textValue}".`);
    return Number(textValue);
}

function cents(textValue: string, what: string): number {
    try {
        return parseUsd(textValue);
    } catch {
        throw new UsageError(`${what} must be a dollar amount such as 65.00, not "${textValue}".`);
    }
}

/** `--license CRM=10 --floor CRM=8 --price CRM=60.00` → `{ CRM: { quantity: 10, floor: 8, unitPriceCents: 6000 } }`. */
function licenseTerms(values: Values): Record<string, Record<string, number>> {
    const terms: Record<string, Record<string, number>> = {};
    const fields: [string, string, (value: string, what: string) => number][] = [
        ['license', 'quantity', integer],
        ['floor', 'floor', integer],
        ['price', 'unitPriceCents', cents]
    ];
    for (const [flag, field, parse] of fields) {
        for (const pair of list(values, flag)) {
            const [code, value] = pair.split('=');
            if (code === undefined || value === undefined || code === '')
                throw new UsageError(`--${flag} takes CODE=value, not "${pair}".`);
            terms[code.toUpperCase()] = {
                ...terms[code.toUpperCase()],
                [field]: parse(value, `--${flag} ${code}`)
            };
        }
    }
    return terms;
}

function term(values: Values, required: boolean): Record<string, unknown> | undefined {
    const start = required ? text(values, 'start') : optional(values, 'start');
    if (start === undefined) return undefined;
    const months = optional(values, 'months');
    const end = optional(values, 'end');
    return {
        start,
        ...(months === undefined ? {} : { months: integer(months, '--months') }),
        ...(end === undefined ? {} : { end })
    };
}

function accountPath(values: Values): string {
    return `/ops/v1/companies/${encodeURIComponent(text(values, 'org-id'))}/accounts/${encodeURIComponent(text(values, 'account-id'))}`;
}

function previewThenApply(values: Values, path: string, body: unknown): Call[] {
    const calls: Call[] = [{ method: 'POST', path: `${path}/preview`, body, change: false }];
    if (values.apply === true) calls.push({ method: 'POST', path, body, change: true });
    return calls;
}

export const OPS_COMMANDS: Record<string, Command> = {
    'account create': {
        usage: `npm run ops -- account create --org-id 00D… --company "Globex" --installer 005… --name "Globex US"
    --time-zone America/New_York --start 2026-12-01 (--months 12 | --end 2027-11-30)
    --license CRM=10 [--floor CRM=8] [--price CRM=60.00] … [--implementation IMPLEMENTATION_STANDARD]
    [--sms-rate 1] [--first-month paid_elsewhere] [--apply]
  Onboards a company (or adds an account to it): previews the contract and the first month
  (prorated from the start day); --apply creates it. The first month goes on the next bill until
  the admin adds a funding source in the panel (card numbers never pass through this command).`,
        options: {
            'org-id': { type: 'string' },
            company: { type: 'string' },
            installer: { type: 'string' },
            name: { type: 'string' },
            'time-zone': { type: 'string' },
            start: { type: 'string' },
            months: { type: 'string' },
            end: { type: 'string' },
            license: { type: 'string', multiple: true },
            floor: { type: 'string', multiple: true },
            price: { type: 'string', multiple: true },
            implementation: { type: 'string' },
            'sms-rate': { type: 'string' },
            'first-month': { type: 'string' },
            apply: { type: 'boolean' }
        },
        calls(values) {
            const implementation = optional(values, 'implementation');
            const smsRate = optional(values, 'sms-rate');
            const firstMonth = optional(values, 'first-month');
            const body = {
                orgId: text(values, 'org-id'),
                companyName: text(values, 'company'),
                installingUserId: text(values, 'installer'),
                accounts: [
                    {
                        name: text(values, 'name'),
                        timeZone: text(values, 'time-zone'),
                        term: term(values, true),
                        licenses: licenseTerms(values),
                        ...(implementation === undefined
                            ? {}
                            : { implementationService: { code: implementation } }),
                        ...(smsRate === undefined ? {} : { smsRateCents: integer(smsRate, '--sms-rate') }),
                        ...(firstMonth === undefined ? {} : { firstMonth })
                    }
                ]
            };
            return previewThenApply(values, '/ops/v1/companies', body);
        }
    },
    'account show': {
        usage: `npm run ops -- account show --org-id 00D… [--account-id <uuid> [--what licenses|transactions|audit|cancellation|contracts]]
  Reads a company, or one account's licenses, transactions, audit, cancellation state or contracts (audited).`,
        options: { ...ACCOUNT, what: { type: 'string' } },
        calls(values) {
            if (optional(values, 'account-id') === undefined) {
                return [
                    {
                        method: 'GET',
                        path: `/ops/v1/companies/${encodeURIComponent(text(values, 'org-id'))}`,
                        change: false
                    }
                ];
            }
            return [
                {
                    method: 'GET',
                    path: `${accountPath(values)}/${optional(values, 'what') ?? 'licenses'}`,
                    change: false
                }
            ];
        }
    },
    'contract amend': {
        usage: `npm run ops -- contract amend --org-id 00D… --account-id <uuid> [--renewal] [--effective-on 2027-01-01]
    [--start 2027-06-01 (--months 12 | --end …)] [--floor CRM=12] [--price CRM=60.00] … [--accept-floors-below-holdings] [--apply]
  Amends (or with --renewal renews) the contract from a date; earlier versions stay as history. Previews; --apply makes it.`,
        options: {
            ...ACCOUNT,
            renewal: { type: 'boolean' },
            'effective-on': { type: 'string' },
            start: { type: 'string' },
            months: { type: 'string' },
            end: { type: 'string' },
            floor: { type: 'string', multiple: true },
            price: { type: 'string', multiple: true },
            'accept-floors-below-holdings': { type: 'boolean' },
            apply: { type: 'boolean' }
        },
        calls(values) {
            const effectiveOn = optional(values, 'effective-on');
            const newTerm = term(values, false);
            const body = {
                kind: values.renewal === true ? 'renewal' : 'amendment',
                licenses: licenseTerms(values),
                ...(effectiveOn === undefined ? {} : { effectiveOn }),
                ...(newTerm === undefined ? {} : { term: newTerm }),
                ...(values['accept-floors-below-holdings'] === true
                    ? { acceptFloorsBelowHoldings: true }
                    : {})
            };
            return previewThenApply(values, `${accountPath(values)}/contracts`, body);
        }
    },
    'charge add': {
        usage: `npm run ops -- charge add --org-id 00D… --account-id <uuid> --product TRAINING|CONSULTING|CONTRACT_ADJUSTMENT|OTHER
    --description "Two admin sessions" --quantity 2 --unit-price 150.00 --billing now|next-cycle
  R7.5: charges now (primary, then secondary; a TRX # and receipt) or adds the line to the next bill.`,
        options: {
            ...ACCOUNT,
            product: { type: 'string' },
            description: { type: 'string' },
            quantity: { type: 'string' },
            'unit-price': { type: 'string' },
            billing: { type: 'string' }
        },
        calls(values) {
            const billing = text(values, 'billing');
            const body = {
                product: text(values, 'product').toUpperCase(),
                description: text(values, 'description'),
                quantity: integer(optional(values, 'quantity') ?? '1', '--quantity'),
                unitPriceCents: cents(text(values, 'unit-price'), '--unit-price'),
                billing: billing === 'next-cycle' ? 'next_cycle' : billing
            };
            return [{ method: 'POST', path: `${accountPath(values)}/charges`, body, change: true }];
        }
    },
    credit: {
        usage: `npm run ops -- credit --org-id 00D… --account-id <uuid> --amount 25.00 --description "Outage on 11/20"
  Finance only: a goodwill credit of dialer minutes (a new ledger transfer).`,
        options: { ...ACCOUNT, amount: { type: 'string' }, description: { type: 'string' } },
        calls(values) {
            const body = {
                amountCents: cents(text(values, 'amount'), '--amount'),
                description: text(values, 'description')
            };
            return [{ method: 'POST', path: `${accountPath(values)}/credits`, body, change: true }];
        }
    },
    refund: {
        usage: `npm run ops -- refund --org-id 00D… --account-id <uuid> --transaction TRX-000123 [--amount 50.00]
  Finance only: refunds a payment (all that is left, or --amount) through the payment processor.`,
        options: { ...ACCOUNT, transaction: { type: 'string' }, amount: { type: 'string' } },
        calls(values) {
            const amount = optional(values, 'amount');
            const body = amount === undefined ? {} : { amountCents: cents(amount, '--amount') };
            const path = `${accountPath(values)}/transactions/${encodeURIComponent(text(values, 'transaction'))}/refunds`;
            return [{ method: 'POST', path, body, change: true }];
        }
    },
    'toll-free connect': {
        usage: `npm run ops -- toll-free connect --org-id 00D… --account-id <uuid> --number "(800) 555-0199"
  Records a hooked-up toll-free number against the account's TOLL_FREE licenses.`,
        options: { ...ACCOUNT, number: { type: 'string' } },
        calls(values) {
            return [
                {
                    method: 'POST',
                    path: `${accountPath(values)}/toll-free-lines`,
                    body: { phoneNumber: text(values, 'number') },
                    change: true
                }
            ];
        }
    }
};

class UsageError extends Error {}

export const OPS_USAGE = `Usage: npm run ops -- <command> [options]   (npm run ops -- <command> --help for each)

${Object.values(OPS_COMMANDS)
    .map((command) => command.usage)
    .join('\n\n')}

${COMMON_USAGE}`;

export interface OpsCliContext {
    env: Record<string, string | undefined>;
    fetch: typeof fetch;
    print: (text: string) => void;
}

/** `npm run ops`: the operators' client of /ops/v1. Returns the exit code (0 done, 1 refused, 2 usage). */
export async function runOpsCli(argv: readonly string[], context: OpsCliContext): Promise<number> {
    const [first, second] = argv;
    const name = [`${first ?? ''} ${second ?? ''}`, first ?? ''].find(
        (candidate) => OPS_COMMANDS[candidate] !== undefined
    );
    const command = name === undefined ? undefined : OPS_COMMANDS[name];
    if (name === undefined || command === undefined) {
        context.print(OPS_USAGE);
        return first === '--help' || first === 'help' ? 0 : 2;
    }
    const args = argv.slice(name.split(' ').length);
    try {
        const { values } = parseArgs({
            args: [...args],
            options: { ...COMMON, ...command.options },
            strict: true
        });
        if (values.help === true) {
            context.print(`${command.usage}\n\n${COMMON_USAGE}`);
            return 0;
        }
        return await send(command.calls(values), values, context);
    } catch (error) {
        if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
            context.print(`${error.message}\n\n${command.usage}`);
            return 2;
        }
        throw error;
    }
}

async function send(calls: Call[], values: Values, context: OpsCliContext): Promise<number> {
    const reason = text(values, 'reason');
    const token = context.env.OPS_TOKEN;
    if (token === undefined || token === '')
        throw new UsageError('Set OPS_TOKEN to your operator token (npm run ops-tokens -- create …).');
    const base = (context.env.OPS_URL ?? 'http://127.0.0.1:4310').replace(/\/$/, '');
    const key = optional(values, 'key') ?? randomUUID();
    for (const call of calls) {
        const headers: Record<string, string> = {
            authorization: `Bearer ${token}`,
            'x-operator-reason': reason
        };
        if (call.body !== undefined) headers['content-type'] = 'application/json';
        if (call.change) {
            headers['idempotency-key'] = key;
            context.print(`Idempotency-Key: ${key}`);
        }
        const response = await context.fetch(`${base}${call.path}`, {
            method: call.method,
            headers,
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
            signal: AbortSignal.timeout(30_000)
        });
        const answer = await response.text();
        context.print(`${call.method} ${call.path} → ${response.status}\n${pretty(answer)}`);
        if (!response.ok) return 1;
    }
    if (calls.length > 0 && calls.every((call) => !call.change) && calls[0]?.method === 'POST') {
        context.print('This was a preview: nothing changed. Add --apply to make it.');
    }
    return 0;
}

function pretty(answer: string): string {
    try {
        return JSON.stringify(JSON.parse(answer), null, 2);
    } catch {
        return answer;
    }
}
