/** The colour theme: the system's (default), or light or dark as the listener chose, kept in this browser. */
export type Theme = 'system' | 'light' | 'dark';
export const THEME_STORAGE_KEY = 'tokenly.theme';

export function savedTheme(): Theme {
  try {
    const t = localStorage.getItem(THEME_STORAGE_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/** Sets the class the styles' `dark:` variant reads (see index.css) and the form controls' scheme. */
export function applyTheme(theme: Theme = savedTheme()): void {
  const root = document.documentElement;
  root.classList.toggle('light', theme === 'light');
  root.classList.toggle('dark', theme === 'dark');
  root.style.colorScheme = theme === 'system' ? 'light dark' : theme;
}
