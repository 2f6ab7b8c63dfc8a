// Worker entry: loads config files off the daemon's main thread (see config-reader.ts).
// Parsing 10,000 backends takes about a second and 100,000 about 16 s (docs/config.md); on the
// main thread that would stall every probe and leave gRPC keepalive pings unanswered.
import { parentPort } from 'node:worker_threads';
import { loadConfigFile } from '../core/config';

parentPort?.on('message', (msg: { id: number; path: string }) => {
  void loadConfigFile(msg.path).then((result) => parentPort?.postMessage({ id: msg.id, result }));
});
