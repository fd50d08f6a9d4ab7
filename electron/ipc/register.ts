/**
 * Registers the handler table with ipcMain: one `handle` per verb of the contract. Every call is
 * checked for its sender first; arguments are validated by `dispatchCall`.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiVerbs, invokeChannel, type ApiResult } from '../../core/api';
import { dispatchCall, type ApiHandlers } from './handlers';

/** Removes what `registerIpcHandlers` registered. */
export type Unregister = () => void;

export function registerIpcHandlers(handlers: ApiHandlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): Unregister {
  for (const verb of apiVerbs) {
    ipcMain.handle(invokeChannel(verb), async (event, ...args: unknown[]): Promise<ApiResult> => {
      if (!isTrustedSender(event)) {
        console.warn(`Nahtstelle: refused ${verb} from webContents ${event.sender.id}`);
        return {
          ok: false,
          error: { code: 'forbiddenSender', detail: `${verb}: only the main frame of an app window may call the API` },
        };
      }
      return dispatchCall(handlers, verb, args);
    });
  }
  return () => {
    for (const verb of apiVerbs) ipcMain.removeHandler(invokeChannel(verb));
  };
}
