import { layoutLabel } from '../../../shared/domain/label-layout.ts';
import { LABEL_FORMATS, type LabelFormat, type LabelItem } from '../../../shared/domain/labels.ts';

/**
 * The first labels drawn on screen with the same layout, metrics and barcode as the PDF, so
 * the owner sees what will print in any window (the desktop one shows no PDFs in a page).
 */
export function LabelSheet(props: {
  items: readonly LabelItem[];
  format: LabelFormat;
  shopName: string | null;
  label: string;
}) {
  const geometry = LABEL_FORMATS[props.format];
  return (
    <ul className="label-sheet" aria-label={props.label} data-testid="labels-preview">
      {props.items.map((item, i) => {
        const d = layoutLabel(item, geometry, props.shopName);
        return (
          <li key={i}>
            <svg
              viewBox={`0 0 ${d.width} ${d.height}`}
              width={d.width * 1.6}
              height={d.height * 1.6}
              role="img"
              aria-label={`${item.name}: ${d.texts.find((t) => t.text.startsWith('$'))?.text ?? ''}`}
            >
              <rect
                x={0}
                y={0}
                width={d.width}
                height={d.height}
                fill="#fff"
                stroke="#999"
                strokeWidth={0.5}
              />
              {d.bars.map((b, k) => (
                <rect key={k} x={b.x} y={b.y} width={b.w} height={b.h} fill="#000" />
              ))}
              {d.texts.map((t, k) => (
                <text
                  key={k}
                  x={t.x}
                  y={t.y}
                  fontSize={t.size}
                  fontWeight={t.bold ? 700 : 400}
                  fontFamily="Helvetica, Arial, 'Liberation Sans', sans-serif"
                  fill="#000"
                >
                  {t.text}
                </text>
              ))}
            </svg>
          </li>
        );
      })}
    </ul>
  );
}
