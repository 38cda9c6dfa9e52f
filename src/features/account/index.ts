/** The account feature's public API: nothing else of this folder is imported from outside. */
export { useLogout } from './api/mutations';
export { ChangeEmailForm } from './components/change-email-form';
export { ChangePasswordForm } from './components/change-password-form';
export { DeleteAccountForm } from './components/delete-account-form';
export { ForgotPasswordForm } from './components/forgot-password-form';
export { LoginForm } from './components/login-form';
export { RegisterForm } from './components/register-form';
export { ResetPasswordForm } from './components/reset-password-form';
export { SessionsList } from './components/sessions-list';
export { safeNext } from './lib/client-checks';
export { actions, useAuth, useIsSignedIn, useUsername } from './store';
