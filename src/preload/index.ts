/** Preload entry: exposes the contract-derived API as `window.maglev`, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { buildMaglevApi } from './build-api';

contextBridge.exposeInMainWorld('maglev', buildMaglevApi(ipcRenderer));
