/** The artist's choice, kept in this browser: notifications are asked for, never assumed. */
const KEY = 'tokenly.encoding.notify';

export const notificationsSupported = () => typeof window !== 'undefined' && 'Notification' in window;

export function notificationsWanted(): boolean {
  return notificationsSupported() && Notification.permission === 'granted' && localStorage.getItem(KEY) === '1';
}

export async function setNotificationsWanted(on: boolean): Promise<boolean> {
  if (!on) {
    localStorage.removeItem(KEY);
    return false;
  }
  if (!notificationsSupported()) return false;
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission !== 'granted') return false;
  localStorage.setItem(KEY, '1');
  return true;
}

export function notifyComplete(fileName: string): void {
  if (!notificationsWanted()) return;
  new Notification('Encoding complete', {
    body: `${fileName} now carries its Soundlinks mark.`,
    tag: `encoded:${fileName}`,
  });
}
