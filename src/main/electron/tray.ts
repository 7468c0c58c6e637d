import { Menu, nativeImage, Tray } from 'electron';
import { trayModel, type TrayAction, type TrayInputs } from '../desktop/tray-model.ts';

export interface ConsoleTray {
  update(inputs: TrayInputs): void;
  destroy(): void;
}

/** The tray / menu-bar icon; what it says comes from desktop/tray-model.ts. Null if the OS has no tray. */
export function createConsoleTray(iconPath: string, onAction: (action: TrayAction) => void): ConsoleTray | null {
  let tray: Tray;
  try {
    // tray.png is 16 px; Electron picks tray@2x.png beside it on a high-density display.
    tray = new Tray(nativeImage.createFromPath(iconPath));
  } catch {
    return null;
  }
  return {
    update(inputs) {
      const model = trayModel(inputs);
      tray.setToolTip(model.tooltip);
      if (process.platform === 'darwin') tray.setTitle(model.title);
      tray.setContextMenu(
        Menu.buildFromTemplate(
          model.menu.map((item) => ({
            label: item.label,
            enabled: item.enabled,
            ...(item.action ? { click: () => onAction(item.action!) } : {}),
          })),
        ),
      );
    },
    destroy: () => tray.destroy(),
  };
}
