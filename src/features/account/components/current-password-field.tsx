import type { ChangeEventHandler } from 'react';
import { Field } from '@/components/ui/form';

/** The current password that every change of the account's credentials asks for first. */
export function CurrentPasswordField(props: {
  value: string;
  onChange: ChangeEventHandler<HTMLInputElement>;
  error: string | undefined;
}) {
  return (
    <Field
      label="Current password"
      name="currentPassword"
      type="password"
      autoComplete="current-password"
      required
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}
