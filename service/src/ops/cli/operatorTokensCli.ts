import { parseArgs } from 'node:util';
import type { Queryable } from '../../db/pool';
import {
    createOperatorToken,
    listOperatorTokens,
    OPERATOR_ROLES,
    revokeOperatorToken,
    type OperatorRole
} from '../operatorTokenRepository';

export const OPERATOR_TOKENS_USAGE = `Usage: DATABASE_URL=… npm run ops-tokens -- <command>

  create --name "<full name>" --role representative|finance
         Creates a personal operator token and prints it ONCE (only its hash is kept).
  list   Lists every token: id, name, role, created, revoked.
  revoke <token id>
         Revokes a token at once: the next request with it is refused.`;

function isRole(value: string | undefined): value is OperatorRole {
    return OPERATOR_ROLES.some((role) => role === value);
}

/** `npm run ops-tokens`: run on a machine that reaches the service's database. Returns the exit code. */
export async function runOperatorTokensCli(
    argv: readonly string[],
    context: { db: Queryable; now: Date; print: (text: string) => void }
): Promise<number> {
    const { positionals, values } = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: { name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean' } }
    });
    const [command, id] = positionals;
    if (values.help === true || command === undefined) {
        context.print(OPERATOR_TOKENS_USAGE);
        return values.help === true ? 0 : 2;
    }
    if (command === 'create') {
        const name = values.name?.trim() ?? '';
        if (name === '' || !isRole(values.role)) {
            context.print(
                `create needs --name and --role (${OPERATOR_ROLES.join(' or ')}).\n\n${OPERATOR_TOKENS_USAGE}`
            );
            return 2;
        }
        const { token, record } = await createOperatorToken(context.db, {
            name,
            role: values.role,
            now: context.now
        });
        context.print(
            `Created ${record.role} token ${record.tokenId} for ${record.name}.\n${token}\nKeep it now: it is shown once and cannot be recovered.`
        );
        return 0;
    }
    if (command === 'list') {
        for (const record of await listOperatorTokens(context.db)) {
            const state = record.revokedAt === null ? 'live' : `revoked ${record.revokedAt}`;
            context.print(
                `${record.tokenId}  ${record.role.padEnd(14)}  ${record.name}  created ${record.createdAt}  ${state}`
            );
        }
        return 0;
    }
    if (command === 'revoke' && id !== undefined && /^[0-9a-f-]{36}$/i.test(id)) {
        const revoked = await revokeOperatorToken(context.db, id, context.now);
        context.print(revoked ? `Revoked ${id}.` : `There is no live token ${id}.`);
        return revoked ? 0 : 1;
    }
    context.print(OPERATOR_TOKENS_USAGE);
    return 2;
}
