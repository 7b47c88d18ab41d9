import { buildPreview } from './buildPreview';

/** `npx tsx preview/build.ts [--force]`: builds the preview page once, by hand. */
const started = Date.now();
buildPreview({ force: process.argv.includes('--force') }).then(
    (result) => {
        console.log(`${result.built ? 'Built' : 'Up to date:'} ${result.dist} in ${Date.now() - started} ms`);
    },
    (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    }
);
