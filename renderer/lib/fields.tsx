import type { InputHTMLAttributes, ReactNode } from 'react';
import { t } from './strings.ts';

/*
 * The label + control blocks and the result boxes that every small form repeats.
 * They render exactly the markup the forms wrote by hand (`label.field > span + input`,
 * `p.ok-box|error-box`), because the e2e tests and styles.css select on it.
 */

type InputRest = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'className' | 'children'
>;

export type TextFieldProps = InputRest & {
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  testId: string;
  /** Class of the wrapping label; some inline forms add `grow`. */
  className?: string;
  /** Choices offered as a datalist under the input, with `listId` as its id. */
  suggestions?: readonly string[];
  listId?: string;
  /** Shown after the input, inside the label (hints). */
  children?: ReactNode;
};

export function TextField({
  label,
  value,
  onChange,
  testId,
  className = 'field',
  suggestions,
  listId,
  children,
  ...input
}: TextFieldProps) {
  return (
    <label className={className}>
      <span>{label}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        list={suggestions ? listId : undefined}
        {...input}
        data-testid={testId}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {children}
    </label>
  );
}

/** Amounts and quantities: typed as text and parsed by the form, but with a decimal keypad. */
export function MoneyField(props: TextFieldProps) {
  return <TextField inputMode="decimal" {...props} />;
}

/** A 4–8 digit PIN: non-digits are dropped as they are typed. */
export function PinField({ onChange, ...props }: TextFieldProps) {
  return (
    <TextField
      type="password"
      inputMode="numeric"
      autoComplete="new-password"
      maxLength={8}
      required
      onChange={(v) => onChange(v.replace(/\D/g, ''))}
      {...props}
    />
  );
}

export type SelectOption<T extends string> = { value: T; label: ReactNode };

export function SelectField<T extends string>({
  label,
  value,
  onChange,
  options,
  testId,
  disabled = false,
}: {
  label: ReactNode;
  value: T;
  // NoInfer: T comes from value/options, so a state setter (which also takes a function) fits.
  onChange(value: NoInfer<T>): void;
  options: readonly SelectOption<T>[];
  testId: string;
  disabled?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      {/* The cast is safe: only the given options can be chosen. */}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        disabled={disabled}
        data-testid={testId}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export type FormMessage = { ok: boolean; text: string } | null;

/** Outcome of a submit: a status box when it worked, an alert when it did not. */
export function FormResult({
  message,
  testId,
  className,
}: {
  message: FormMessage;
  testId: string;
  /** Extra classes (layout), appended to ok-box / error-box. */
  className?: string;
}) {
  if (!message) return null;
  const extra = className ? ` ${className}` : '';
  return (
    <p
      className={(message.ok ? 'ok-box' : 'error-box') + extra}
      role={message.ok ? 'status' : 'alert'}
      data-testid={testId}
    >
      {message.text}
    </p>
  );
}

/** An error alone (forms that navigate away or close on success). */
export function ErrorBox({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null;
  return (
    <p className="error-box" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}

/**
 * The actions row under a form: its submit button and, when the form can be dismissed,
 * a cancel link. `plain` drops the primary style (secondary forms such as adjustments).
 */
export function SubmitActions({
  label,
  testId,
  disabled,
  plain = false,
  className,
  onCancel,
}: {
  label: ReactNode;
  testId: string;
  disabled?: boolean;
  plain?: boolean;
  /** Extra classes (layout) for the actions row. */
  className?: string;
  onCancel?(): void;
}) {
  return (
    <div className={className ? `actions ${className}` : 'actions'}>
      <button
        type="submit"
        className={plain ? 'btn' : 'btn primary'}
        disabled={disabled}
        data-testid={testId}
      >
        {label}
      </button>
      {onCancel && (
        <button type="button" className="btn link" onClick={onCancel}>
          {t.cancel}
        </button>
      )}
    </div>
  );
}
