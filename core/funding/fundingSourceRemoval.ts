/**
 * R7.3: there is always at least one valid funding source. One rule for the service (which refuses
 * the removal with this code) and the panel (which disables Remove and says why).
 */

/** A funding source as far as removal cares: valid unless expired. */
export interface RemovableSource {
    id: string;
    expired: boolean;
}

export interface RemovalRefusal {
    code: 'last_valid_source';
    message: string;
}

/**
 * Why `targetId` cannot be removed from `sources` (the account's sources, the target among them):
 * it is the last valid one. An expired source may always go; it does not count as valid.
 */
export function removalRefusal(
    targetId: string,
    sources: readonly RemovableSource[]
): RemovalRefusal | undefined {
    const target = sources.find((source) => source.id === targetId);
    if (target === undefined || target.expired) return undefined;
    if (sources.some((source) => source.id !== targetId && !source.expired)) return undefined;
    return {
        code: 'last_valid_source',
        message:
            'This is the last valid funding source of the account: add another card or bank account before removing it.'
    };
}
