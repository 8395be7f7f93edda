// Worker entry point. Node cannot start a worker from a .ts file, and a worker does not inherit
// the parent's tsx loader, so this plain module registers tsx and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
