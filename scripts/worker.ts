import { runWorkerProcess } from '../service/src/jobs/workerProcess';

runWorkerProcess(process.env).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
