import { useEffect, useRef, useState } from 'react';
import type { Box, PageInfo } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { boxesOnPage, boxStyle, pageWidth } from './boxes.ts';

const r = t.invoices.review;

type Zoom = 'fit' | 'full';

function PageImage({
  invoiceId,
  index,
  page,
  zoom,
  boxes,
}: {
  invoiceId: string;
  index: number;
  page: PageInfo;
  zoom: Zoom;
  boxes: Box[];
}) {
  const image = useQuery('invoices.page', { id: invoiceId, page: index });
  const shown = boxesOnPage(boxes, index);
  return (
    <div
      className="inv-page"
      style={{
        width: pageWidth(zoom, page.width),
        aspectRatio:
          page.width > 0 && page.height > 0 ? `${page.width} / ${page.height}` : undefined,
      }}
      data-testid="inv-page"
      data-page={index}
    >
      {image.data ? (
        <img
          src={`data:${image.data.mime};base64,${image.data.contentBase64}`}
          alt={r.pageAlt(index + 1)}
          draggable={false}
          data-testid="inv-page-img"
        />
      ) : (
        <p className={image.error ? 'error-box' : 'muted pad'}>{image.error ?? t.loading}</p>
      )}
      {shown.map((box, i) => (
        <span key={i} className="inv-box" style={boxStyle(box)} data-testid="inv-box" />
      ))}
    </div>
  );
}

/**
 * The invoice's pages with zoom; the boxes of the field in focus drawn over them, and the
 * panel scrolled to the first one (only the panel: the form beside it must not move).
 */
export function PageViewer({
  invoiceId,
  pages,
  boxes,
}: {
  invoiceId: string;
  pages: PageInfo[];
  boxes: Box[];
}) {
  const [zoom, setZoom] = useState<Zoom>('fit');
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const panel = scroller.current;
    const first = panel?.querySelector<HTMLElement>('.inv-box');
    if (!panel || !first) return;
    const pageEl = first.offsetParent as HTMLElement | null;
    const top = (pageEl?.offsetTop ?? 0) + first.offsetTop;
    const left = (pageEl?.offsetLeft ?? 0) + first.offsetLeft;
    panel.scrollTo({
      top: Math.max(0, top - panel.clientHeight / 3),
      left: Math.max(0, left - panel.clientWidth / 4),
      behavior: 'smooth',
    });
  }, [boxes, zoom]);

  return (
    <section className="card inv-viewer" aria-label={r.pages} data-testid="inv-pages">
      <div className="inv-viewer-bar">
        <div className="segmented" role="group" aria-label={r.pages}>
          <button
            type="button"
            className={zoom === 'fit' ? 'btn small active' : 'btn small'}
            aria-pressed={zoom === 'fit'}
            onClick={() => setZoom('fit')}
            data-testid="inv-zoom-fit"
          >
            {r.zoomFit}
          </button>
          <button
            type="button"
            className={zoom === 'full' ? 'btn small active' : 'btn small'}
            aria-pressed={zoom === 'full'}
            onClick={() => setZoom('full')}
            data-testid="inv-zoom-100"
          >
            {r.zoomFull}
          </button>
        </div>
      </div>
      <div className="inv-viewer-scroll" ref={scroller} tabIndex={0} data-zoom={zoom}>
        {pages.length === 0 && <p className="muted pad">{r.noPages}</p>}
        {pages.map((page, i) => (
          <PageImage
            key={i}
            invoiceId={invoiceId}
            index={i}
            page={page}
            zoom={zoom}
            boxes={boxes}
          />
        ))}
      </div>
    </section>
  );
}
