import type { Box, Unit } from '../../../shared/contract/index.ts';
import { isValidCuit } from '../../../shared/domain/cuit.ts';
import { formatMoney } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t, UNIT_LABEL } from '../../lib/strings.ts';
import { ConfidenceMark } from './ConfidenceMark.tsx';
import { COST_TEXT, costChange, costChangeText, type CostChange } from './cost-change.ts';
import {
  chooseLine,
  editLine,
  lineExpectedAmount,
  shownUnitCost,
  type CostContext,
  type LineForm,
  type ProductFacts,
} from './line-form.ts';
import { LineProduct } from './LineProduct.tsx';
import { readMoney, type Errors } from './parse.ts';
import { amountDiffers, lineIvaRate } from './unit-cost.ts';

const r = t.invoices.review;

type TextField = 'code' | 'description' | 'quantity' | 'unitPrice' | 'discount' | 'amount';

/**
 * The chosen product's name and cost facts: from the suggestion it was picked from, else looked
 * up (a product found by searching, or chosen on an earlier visit).
 */
function useChosenProduct(line: LineForm): { name: string; facts: ProductFacts | null } {
  const choice = line.choice.kind === 'product' ? line.choice : null;
  const missing = choice !== null && (choice.facts === null || choice.name === '');
  const product = useQuery('catalog.get', { id: choice?.productId ?? '' }, { enabled: missing });
  const found =
    product.data && product.data.id === choice?.productId
      ? {
          name: product.data.name,
          facts: {
            ivaRate: product.data.ivaRateBp,
            unit: product.data.unit,
            cost: product.data.cost,
          },
        }
      : null;
  return { name: choice?.name || found?.name || '', facts: choice?.facts ?? found?.facts ?? null };
}

const NUMS_COLUMNS =
  'minmax(3.5rem, 0.8fr) minmax(4rem, 0.8fr) minmax(5.5rem, 1.15fr) minmax(3.5rem, 0.7fr) minmax(6.5rem, 1.35fr)';

const BADGE: Readonly<Record<CostChange['kind'], string>> = {
  up: 'badge warn',
  down: 'badge ok',
  same: 'badge',
  first: 'badge',
};

/**
 * The line's unit cost; with a product chosen, against its cost today — "Costo actual
 * $ 2.850,00 → nuevo $ 3.100,00 · sube 8,77 %" — so the owner sees what applying does.
 */
function UnitCost({ cost, current }: { cost: number | null; current: number | null }) {
  const change = cost === null || current === null ? null : costChange(current, cost);
  return (
    <div>
      <p>
        <span className="muted">{r.unitCost}</span>
        <strong className="inv-cost-figure nowrap" data-testid="inv-line-cost">
          {cost === null ? r.unitCostUnknown : formatMoney(cost)}
        </strong>
      </p>
      {change && cost !== null && current !== null && (
        <p
          className="small"
          style={{ flexWrap: 'wrap' }}
          data-testid="inv-line-cost-change"
          data-change={change.kind}
        >
          {change.kind !== 'first' && (
            <>
              <span className="muted">{COST_TEXT.current}</span>
              <span className="nowrap" data-testid="inv-line-cost-current">
                {formatMoney(current)}
              </span>
              <span aria-hidden="true">→</span>
              <span className="muted">{COST_TEXT.next}</span>
              <span className="nowrap strong">{formatMoney(cost)}</span>
            </>
          )}
          <span className={`${BADGE[change.kind]} nowrap`}>{costChangeText(change)}</span>
        </p>
      )}
    </div>
  );
}

type LineProps = {
  line: LineForm;
  errors: Errors;
  readOnly: boolean;
  ctx: CostContext;
  supplierCuit: string | null;
  onChange(line: LineForm): void;
  onFocusBoxes(boxes: Box[]): void;
};

/**
 * One invoice line as a block (the review column is too narrow for a 10-column table): the
 * printed fields, the product it goes to, the pack units and the resulting unit cost.
 */
function LineBlock({
  line,
  errors,
  readOnly,
  ctx,
  supplierCuit,
  onChange,
  onFocusBoxes,
}: LineProps) {
  const key = (field: string) => `line.${line.index}.${field}`;
  const chosen = useChosenProduct(line);
  const cost = shownUnitCost(line, ctx, chosen.facts);
  const costText = cost === null ? null : formatMoney(cost);
  const expected = lineExpectedAmount(line);
  const printed = readMoney(line.amount, 'a', {});
  const mismatch = expected !== null && printed !== undefined && amountDiffers(expected, printed);
  const packError = errors[key('packUnits')];

  function input(field: TextField, label: string, testId: string, className: string) {
    const error = errors[key(field)];
    const numeric = field !== 'code' && field !== 'description';
    return (
      <label className={`field ${className}`}>
        <span>{label}</span>
        <input
          value={line[field]}
          onChange={(e) => onChange(editLine(line, { [field]: e.target.value }))}
          inputMode={numeric ? 'decimal' : undefined}
          className={numeric ? 'inv-num-input' : field === 'code' ? 'mono' : undefined}
          aria-invalid={error ? true : undefined}
          readOnly={readOnly}
          data-testid={testId}
        />
        {error && <small className="field-error">{error}</small>}
      </label>
    );
  }

  return (
    <li
      className="inv-line"
      onFocus={() => onFocusBoxes(line.boxes)}
      aria-label={`${r.lines} ${line.index + 1}`}
      data-testid="inv-line"
      data-index={line.index}
    >
      <div className="inv-line-head">
        <span className="inv-line-no">{line.index + 1}</span>
        <ConfidenceMark info={{ confidence: line.confidence }} testId="inv-line-conf" />
      </div>
      <div className="inv-line-text">
        {input('code', r.col.code, 'inv-line-code', 'inv-line-code')}
        {input('description', r.col.description, 'inv-line-description', 'grow')}
      </div>
      <div
        className="inv-line-nums"
        // The amount needs the room: "37200,00" does not fit a fifth of the column.
        style={{ gridTemplateColumns: NUMS_COLUMNS }}
      >
        {input('quantity', r.col.qty, 'inv-line-qty', '')}
        <label className="field">
          <span>{r.col.unit}</span>
          <select
            value={line.unit}
            disabled={readOnly}
            onChange={(e) => onChange(editLine(line, { unit: e.target.value as Unit }))}
            data-testid="inv-line-unit"
          >
            {(Object.keys(UNIT_LABEL) as Unit[]).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
        {input('unitPrice', r.col.price, 'inv-line-price', '')}
        {input('discount', r.col.discount, 'inv-line-discount', '')}
        {input('amount', r.col.amount, 'inv-line-amount', '')}
      </div>
      {mismatch && expected !== null && (
        <p className="inv-amount-hint small" data-testid="inv-line-amount-hint">
          {r.amountHint(formatMoney(expected))}
        </p>
      )}
      <LineProduct
        line={line}
        readOnly={readOnly}
        chosenName={chosen.name}
        ivaRateBp={lineIvaRate(line.ivaRate, ctx.netByRate)}
        supplierCuit={supplierCuit}
        costHint={costText}
        onChoice={(choice) => onChange(chooseLine(line, choice))}
      />
      <div className="inv-line-cost">
        <label className="field">
          <span>{r.pack}</span>
          <input
            value={line.packUnits}
            inputMode="numeric"
            className="inv-num-input"
            readOnly={readOnly}
            aria-invalid={packError ? true : undefined}
            onChange={(e) => onChange(editLine(line, { packUnits: e.target.value }))}
            data-testid="inv-line-pack"
          />
          {packError && <small className="field-error">{packError}</small>}
        </label>
        <UnitCost cost={cost} current={readOnly ? null : (chosen.facts?.cost ?? null)} />
      </div>
    </li>
  );
}

/** The invoice lines, every field editable, each with the product it goes to. */
export function LinesTable({
  lines,
  errors,
  readOnly,
  ctx,
  issuerCuit,
  onChange,
  onFocusBoxes,
}: Omit<LineProps, 'line' | 'supplierCuit' | 'onChange'> & {
  lines: LineForm[];
  issuerCuit: string;
  onChange(lines: LineForm[]): void;
}) {
  const cuit = issuerCuit.replace(/\D/g, '');
  const supplierCuit = isValidCuit(cuit) ? cuit : null;
  return (
    <section className="card stack" aria-labelledby="inv-lines-title">
      <h3 id="inv-lines-title">{r.lines}</h3>
      {lines.length === 0 ? (
        <p className="muted">{r.noLines}</p>
      ) : (
        <ol className="plain-list inv-lines" data-testid="inv-lines">
          {lines.map((line) => (
            <LineBlock
              key={line.index}
              line={line}
              errors={errors}
              readOnly={readOnly}
              ctx={ctx}
              supplierCuit={supplierCuit}
              onChange={(next) => onChange(lines.map((l) => (l.index === next.index ? next : l)))}
              onFocusBoxes={onFocusBoxes}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
