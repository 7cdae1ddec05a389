import type { ReactNode } from 'react';
import {
  INVOICE_KINDS,
  INVOICE_LETTERS,
  type Box,
  type FieldInfo,
  type InvoiceKind,
  type InvoiceLetter,
} from '../../../shared/contract/index.ts';
import { INVOICE_KIND_LABEL, t } from '../../lib/strings.ts';
import { ConfidenceMark } from './ConfidenceMark.tsx';
import type { Errors } from './parse.ts';
import { RatesEditor } from './RatesEditor.tsx';
import {
  FIELD_PATH,
  inputId,
  withKindOrLetter,
  type HeaderForm,
  type HeaderKey,
  type TextKey,
} from './review-form.ts';

const r = t.invoices.review;

export type HeaderFieldsProps = {
  header: HeaderForm;
  fields: Record<string, FieldInfo>;
  errors: Errors;
  readOnly: boolean;
  onChange(header: HeaderForm): void;
  /** A field took the focus: its boxes get drawn over the page. */
  onFocusBoxes(boxes: Box[]): void;
};

function Labelled({
  k,
  label,
  info,
  error,
  children,
  wide = false,
}: {
  k: string;
  label: ReactNode;
  info: FieldInfo | undefined;
  error: string | undefined;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'field inv-field span2' : 'field inv-field'}>
      <span className="inv-field-label">
        <label htmlFor={inputId(k)}>{label}</label>
        <ConfidenceMark info={info} testId={`inv-conf-${k}`} />
      </span>
      {children}
      {error && (
        <small id={`${inputId(k)}-error`} className="field-error" data-testid={`inv-error-${k}`}>
          {error}
        </small>
      )}
    </div>
  );
}

/** Every header field of the invoice, editable, each with its reading's confidence. */
export function HeaderFields(props: HeaderFieldsProps) {
  const { header, fields, errors, readOnly, onChange, onFocusBoxes } = props;
  const info = (k: HeaderKey) => fields[FIELD_PATH[k]];
  const focus = (k: HeaderKey) => () => onFocusBoxes(info(k)?.boxes ?? []);

  function text(
    k: TextKey,
    extra: {
      type?: 'date';
      inputMode?: 'numeric' | 'decimal';
      wide?: boolean;
      mono?: boolean;
    } = {},
  ) {
    const error = errors[k];
    return (
      <Labelled k={k} label={r.field[k]} info={info(k)} error={error} wide={extra.wide}>
        <input
          id={inputId(k)}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          className={extra.mono ? 'mono' : undefined}
          value={header[k]}
          onChange={(e) => onChange({ ...header, [k]: e.target.value })}
          onFocus={focus(k)}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId(k)}-error` : undefined}
          data-testid={`inv-field-${k}`}
        />
      </Labelled>
    );
  }

  return (
    <div className="stack" data-testid="inv-header">
      <fieldset className="card inv-grid">
        <legend className="inv-legend">{r.header}</legend>
        <Labelled k="kind" label={r.field.kind} info={info('kind')} error={errors.kind}>
          <select
            id={inputId('kind')}
            value={header.kind}
            disabled={readOnly}
            onChange={(e) =>
              onChange(withKindOrLetter(header, { kind: e.target.value as InvoiceKind | '' }))
            }
            onFocus={focus('kind')}
            data-testid="inv-field-kind"
          >
            <option value="">{r.noValue}</option>
            {INVOICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {INVOICE_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled k="letter" label={r.field.letter} info={info('letter')} error={errors.letter}>
          <select
            id={inputId('letter')}
            value={header.letter}
            disabled={readOnly}
            onChange={(e) =>
              onChange(withKindOrLetter(header, { letter: e.target.value as InvoiceLetter | '' }))
            }
            onFocus={focus('letter')}
            data-testid="inv-field-letter"
          >
            <option value="">{r.noValue}</option>
            {INVOICE_LETTERS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </Labelled>
        {text('afipCode', { inputMode: 'numeric' })}
        {text('pointOfSale', { inputMode: 'numeric', mono: true })}
        {text('number', { inputMode: 'numeric', mono: true })}
        {text('date', { type: 'date' })}
        {text('cae', { inputMode: 'numeric', mono: true })}
        {text('caeDue', { type: 'date' })}
      </fieldset>
      <fieldset className="card inv-grid">
        <legend className="inv-legend">{r.issuer}</legend>
        {text('issuerName', { wide: true })}
        {text('issuerCuit', { inputMode: 'numeric', mono: true })}
        {text('issuerIva')}
      </fieldset>
      <fieldset className="card inv-grid">
        <legend className="inv-legend">{r.recipient}</legend>
        {text('recipientName', { wide: true })}
        {text('recipientCuit', { inputMode: 'numeric', mono: true })}
        {text('recipientIva')}
      </fieldset>
      <fieldset className="card inv-grid">
        <legend className="inv-legend">{r.amounts}</legend>
        <RatesEditor
          rows={header.rates}
          fields={fields}
          errors={errors}
          readOnly={readOnly}
          onChange={(rates) => onChange({ ...header, rates })}
          onFocusBoxes={onFocusBoxes}
        />
        {text('perceptions', { inputMode: 'decimal' })}
        {text('otherTaxes', { inputMode: 'decimal' })}
        {text('total', { inputMode: 'decimal' })}
      </fieldset>
    </div>
  );
}
