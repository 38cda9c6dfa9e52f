import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ChangeEmailForm } from '@/features/account';
import { ChangePasswordForm } from '@/features/account';
import { DeleteAccountForm } from '@/features/account';
import { SessionsList } from '@/features/account';
import { useIsSignedIn } from '@/features/account';
import { PlaybackSettings } from '@/features/player';
import { usePageTitle } from '@/lib/use-page-title';
import { applyTheme, savedTheme, THEME_STORAGE_KEY, type Theme } from '@/lib/theme';

function setTheme(theme: Theme): void {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // storage disabled: the choice lasts for this page
  }
  applyTheme(theme);
}

const THEMES: { value: Theme; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'follows your device' },
  { value: 'light', label: 'Light', hint: '' },
  { value: 'dark', label: 'Dark', hint: '' },
];

const sectionClass = 'rounded-lg border border-slate-200 p-5 dark:border-slate-800';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={sectionClass}>
      <h2 id={id} className="mb-4 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function AccountSections() {
  const signedIn = useIsSignedIn();
  if (!signedIn)
    return (
      <p className={sectionClass}>
        <Link to="/login?next=/settings" className="text-brand-700 underline dark:text-brand-400">
          Log in
        </Link>{' '}
        to change your password or email and to see your sessions.
      </p>
    );
  return (
    <>
      <Section id="password-title" title="Password">
        <ChangePasswordForm />
      </Section>
      <Section id="email-title" title="Email">
        <ChangeEmailForm />
      </Section>
      <Section id="sessions-title" title="Sessions">
        <SessionsList />
      </Section>
    </>
  );
}

/** Last on the page, as the one change that cannot be undone. */
function DeleteSection() {
  if (!useIsSignedIn()) return null;
  return (
    <Section id="delete-title" title="Delete account">
      <DeleteAccountForm />
    </Section>
  );
}

export default function SettingsRoute() {
  usePageTitle('Settings');
  const [theme, choose] = useState<Theme>(savedTheme);
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-3xl font-bold">Settings</h1>
      <AccountSections />
      <Section id="playback-title" title="Playback">
        <PlaybackSettings />
      </Section>
      <section aria-labelledby="theme-title" className={sectionClass}>
        <h2 id="theme-title" className="text-xl font-semibold">
          Appearance
        </h2>
        <fieldset className="mt-3">
          <legend className="text-sm text-slate-600 dark:text-slate-400">Theme (kept in this browser)</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {THEMES.map((t) => (
              <label
                key={t.value}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 dark:border-slate-700 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-slate-800"
              >
                <input
                  type="radio"
                  name="theme"
                  value={t.value}
                  checked={theme === t.value}
                  onChange={() => {
                    choose(t.value);
                    setTheme(t.value);
                  }}
                  className="h-5 w-5"
                />
                {t.label}
                {t.hint ? <span className="text-sm text-slate-600 dark:text-slate-400">({t.hint})</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <DeleteSection />
    </div>
  );
}
