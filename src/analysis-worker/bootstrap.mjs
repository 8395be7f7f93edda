// Worker entry point. Node cannot start a worker from a .ts file, and a worker does not inherit
// the parent's tsx loader, so this plain module registers tsx and then loads the TypeScript
// worker: the engine's (./worker.ts) unless workerData.entry names another module's URL.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.entry ?? './worker.ts');
