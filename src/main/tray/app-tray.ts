/** The tray icon: health-tinted image, tooltip, and the context menu; updated from the status view. */
import { Menu, Tray, nativeImage, type NativeImage } from 'electron';
import type { StatusView } from '../status/status-controller';
import { trayTooltip, type HealthLevel } from './health-summary';
import { trayImageDataUrl } from './tray-image';
import { buildTrayMenuTemplate, type TrayActions } from './tray-menu';

export interface AppTray {
  update(view: StatusView): void;
  dispose(): void;
}

/** Creates the tray (or a no-op where the platform has none). */
export function createAppTray(actions: TrayActions): AppTray {
  const images = new Map<HealthLevel, NativeImage>();
  const imageFor = (level: HealthLevel): NativeImage => {
    let img = images.get(level);
    if (!img) {
      img = nativeImage.createFromDataURL(trayImageDataUrl(level, 32));
      images.set(level, img);
    }
    return img;
  };
  const tray = new Tray(imageFor('unknown'));
  tray.on('click', () => actions.show());
  return {
    update(view) {
      tray.setImage(imageFor(view.summary.level));
      tray.setToolTip(trayTooltip(view.summary));
      tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenuTemplate(view.summary, view.mutes, actions)));
    },
    dispose: () => tray.destroy(),
  };
}
