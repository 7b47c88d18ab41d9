/** Time is a dependency: rules get `clock.now()` as a parameter, tests pass a fixed clock. */
export interface Clock {
    now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
    const instant = new Date(at);
    return { now: () => new Date(instant) };
}
