// Worker thread entry: the server runs TypeScript through tsx, and a worker starts without the
// parent's loader, so it registers tsx itself before importing the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
