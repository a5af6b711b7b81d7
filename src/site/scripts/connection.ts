/**
 * Every page: says clearly when the device is offline (pages downloaded or already opened still
 * work), and registers the service worker that makes that true (src/site/sw/service-worker.ts,
 * built into /sw.js after the pages). Under `astro dev` there is no worker: one left by a build
 * on the same origin is removed, so it cannot serve stale pages.
 */
declare const __RELAIS_SERVICE_WORKER__: boolean;

const banner = document.querySelector<HTMLElement>('.connection');
const showConnection = () => {
  const offline = !navigator.onLine;
  if (banner) banner.hidden = !offline;
  document.documentElement.classList.toggle('offline', offline);
};
addEventListener('online', showConnection);
addEventListener('offline', showConnection);
showConnection();

if ('serviceWorker' in navigator) {
  if (__RELAIS_SERVICE_WORKER__) {
    const register = () => navigator.serviceWorker.register('/sw.js').catch(() => { /* no worker: the site still works online */ });
    if (document.readyState === 'complete') void register();
    else addEventListener('load', () => void register(), { once: true });
  } else {
    void navigator.serviceWorker.getRegistrations().then((registrations) => registrations.forEach((registration) => void registration.unregister()));
  }
}
