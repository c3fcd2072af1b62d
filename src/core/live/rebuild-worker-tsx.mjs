// Worker entry when readout runs from its TypeScript sources: registers tsx in this thread, then runs the worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
