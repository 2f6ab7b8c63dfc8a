// Worker entry: parses large config texts off the window's thread (a 10,000-backend file takes 1.5 s
// in `yaml`, which would freeze typing in the YAML view after every keystroke).
import { parseConfigModel } from '../utils/config-model';

export interface ParseRequest {
  id: number;
  text: string;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<ParseRequest>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (e) => scope.postMessage({ id: e.data.id, result: parseConfigModel(e.data.text) });
