import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './bridge';

// Sandboxed preload (CommonJS): the page gets `window.tandem`, exactly the contract.
contextBridge.exposeInMainWorld('tandem', createPreloadBridge(ipcRenderer));
