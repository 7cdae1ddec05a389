import type { FieldSource } from '../../../shared/contract/index.ts';
import { FIELD_SOURCE_LABEL, t } from '../../lib/strings.ts';
import { isLowConfidence, percent } from './invoice-format.ts';

/** Where a value came from and how sure the reading is; amber below 80 %. */
export function ConfidenceMark({
  info,
  testId,
}: {
  /** Lines carry a confidence but no source. */
  info: { confidence: number; source?: FieldSource } | undefined;
  testId: string;
}) {
  if (!info) return null;
  const low = isLowConfidence(info.confidence);
  const pct = percent(info.confidence);
  const text = info.source
    ? t.invoices.review.source(FIELD_SOURCE_LABEL[info.source], pct)
    : `${pct} %`;
  return (
    <span
      className={low ? 'inv-conf low' : 'inv-conf'}
      title={low ? `${text}. ${t.invoices.review.lowHint}` : text}
      data-testid={testId}
      data-low={low ? 'true' : 'false'}
      data-source={info.source ?? ''}
    >
      {text}
    </span>
  );
}
