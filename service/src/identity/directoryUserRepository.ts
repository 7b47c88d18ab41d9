import type { Queryable } from '../db/pool';
import type { DirectoryUser, UserDirectory } from '../kernel/caller';

interface Row {
    user_id: string;
    name: string;
    email: string;
    active: boolean;
    is_admin: boolean;
}

const toUser = (row: Row): DirectoryUser => ({
    id: row.user_id,
    name: row.name,
    email: row.email,
    active: row.active,
    isAdmin: row.is_admin
});

/** The org's users from the `directory_users` table: local mode and tests (Salesforce orgs use jsforce). */
export function localDirectory(db: Queryable): UserDirectory {
    return {
        async getUser(orgId, userId) {
            const result = await db.query<Row>(
                'SELECT user_id, name, email, active, is_admin FROM directory_users WHERE org_id = $1 AND user_id = $2',
                [orgId, userId]
            );
            const row = result.rows[0];
            return row === undefined ? undefined : toUser(row);
        },
        async listUsers(orgId) {
            const result = await db.query<Row>(
                'SELECT user_id, name, email, active, is_admin FROM directory_users WHERE org_id = $1 ORDER BY name, user_id',
                [orgId]
            );
            return result.rows.map(toUser);
        }
    };
}
