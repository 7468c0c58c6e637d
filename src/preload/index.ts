import { contextBridge, ipcRenderer } from 'electron';
import { buildHubbleApi } from '../shared/contract/build-api.ts';

// The renderer's whole view of main: one function per contract operation and `on`. The Electron event
// object is stripped from every event, and nothing else (ipcRenderer, process) is exposed.
contextBridge.exposeInMainWorld(
  'hubble',
  buildHubbleApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (event, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(`event:${event}`, forward);
      return () => ipcRenderer.removeListener(`event:${event}`, forward);
    },
  }),
);
