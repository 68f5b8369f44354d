import { EtApp } from './et';
import { ribbonFor } from './ribbon';

/**
 * index.html's script: WPS loads index.html for the add-in, then calls the functions ribbon.xml names on the
 * global `ribbon` object (the wpsjs templates' layout).
 */
const app = (window as unknown as { Application: EtApp }).Application;
/** the pane page beside index.html, whatever folder or server the add-in is served from */
const paneUrl = new URL('taskpane.html', window.location.href).href;
(window as unknown as { ribbon: unknown }).ribbon = ribbonFor({ app, paneUrl, alert: (t) => window.alert(t) });
