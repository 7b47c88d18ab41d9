/*
 * The operators' command line (issue 14): `OPS_TOKEN=pdo_… npm run ops -- account create … --reason …`.
 * It only calls the operator API (/ops/v1) over HTTP; `npm run ops -- --help` lists the commands.
 */
import { runOpsCli } from '../service/src/ops/cli/opsCli';

runOpsCli(process.argv.slice(2), {
    env: process.env,
    fetch,
    print: (text) => {
        console.log(text);
    }
})
    .then((code) => {
        process.exitCode = code;
    })
    .catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    });
