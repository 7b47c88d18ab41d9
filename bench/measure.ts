import { performance } from 'node:perf_hooks';

export interface Measurement {
    /** Completed operations (each one a request, a transaction, a call). */
    ops: number;
    seconds: number;
    perSecond: number;
}

export interface Side {
    label: string;
    measurement: Measurement;
    /** What one operation is worth in the printed unit (e.g. rows per batch); default 1. */
    unitsPerOp?: number;
}

const WARMUP_MS = 300;

/** Runs `op` from `concurrency` workers until `durationMs` has passed, after a short warm-up. */
export async function measureAsync(
    options: { durationMs: number; concurrency: number },
    op: (worker: number, iteration: number) => Promise<void>
): Promise<Measurement> {
    let iteration = 0;
    const next = () => iteration++;
    await runWorkers(WARMUP_MS, options.concurrency, op, next);
    return runWorkers(options.durationMs, options.concurrency, op, next);
}

async function runWorkers(
    durationMs: number,
    concurrency: number,
    op: (worker: number, iteration: number) => Promise<void>,
    next: () => number
): Promise<Measurement> {
    const start = performance.now();
    const deadline = start + durationMs;
    let ops = 0;
    await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
            while (performance.now() < deadline) {
                await op(worker, next());
                ops++;
            }
        })
    );
    const seconds = (performance.now() - start) / 1000;
    return { ops, seconds, perSecond: ops / seconds };
}

/** Calls `op` in a tight loop for `durationMs` (checking the clock every 256 calls). */
export function measureSync(durationMs: number, op: (iteration: number) => unknown): Measurement {
    const loop = (ms: number) => {
        const start = performance.now();
        let ops = 0;
        let sink: unknown;
        while (performance.now() - start < ms) {
            for (let index = 0; index < 256; index++) sink = op(ops++);
        }
        if (sink === Symbol.for('never')) console.log('');
        const seconds = (performance.now() - start) / 1000;
        return { ops, seconds, perSecond: ops / seconds };
    };
    loop(WARMUP_MS);
    return loop(durationMs);
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Prints both sides in ops/s (or `unit`/s) and the ratio subject/baseline. */
export function printComparison(
    title: string,
    settings: string,
    baseline: Side,
    subject: Side,
    unit = 'ops'
): void {
    const rate = (side: Side) => side.measurement.perSecond * (side.unitsPerOp ?? 1);
    const line = (name: string, side: Side) =>
        `    ${name.padEnd(9)}${side.label.padEnd(62)}${number.format(rate(side)).padStart(10)} ${unit}/s  (${number.format(side.measurement.ops)} ops in ${side.measurement.seconds.toFixed(1)} s)`;
    const ratio = rate(subject) / rate(baseline);
    console.log(`\n${title}\n    ${settings}`);
    console.log(line('baseline', baseline));
    console.log(line('subject', subject));
    console.log(
        `    ratio    subject/baseline = ${ratio.toFixed(3)}${ratio < 1 ? `  (${(1 / ratio).toFixed(1)}× the baseline's cost)` : ''}`
    );
}
