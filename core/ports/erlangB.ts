/**
 * Erlang B: the probability that a new call finds all `servers` busy when `erlangs` of load are
 * offered, by the stable recursion B(0) = 1, B(n) = E·B(n−1) / (n + E·B(n−1)).
 */
export function erlangB(erlangs: number, servers: number): number {
    if (!(erlangs >= 0) || !Number.isInteger(servers) || servers < 0) {
        throw new RangeError('erlangB needs a non-negative load and a whole, non-negative number of servers');
    }
    let blocking = 1;
    for (let n = 1; n <= servers; n += 1) blocking = (erlangs * blocking) / (n + erlangs * blocking);
    return blocking;
}

/** The fewest servers whose Erlang B blocking is at most `target` (e.g. 0.1 for 10 %). */
export function serversForBlocking(erlangs: number, target: number): number {
    if (!(target > 0 && target <= 1)) throw new RangeError('the blocking target is a probability in (0, 1]');
    let servers = 0;
    while (erlangB(erlangs, servers) > target) servers += 1;
    return servers;
}
