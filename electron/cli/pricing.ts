import fs from 'node:fs';
import type { PriceSuggestion } from '../../shared/contract/index.ts';
import { centavosToPesos, formatMoney } from '../../shared/domain/money.ts';
import { shopDate } from '../core/invoices/kinds.ts';
import { call, CliFailure, needArg, table, type Command } from './kit.ts';

/** `inflation import` and `pricing suggest`: the pricing desk for scripts and support. */

const pct = (bp: number | null): number | null => (bp === null ? null : bp / 100);
const pctText = (bp: number | null): string =>
  bp === null ? '—' : `${(bp / 100).toFixed(1).replace('.', ',')} %`;

/** One suggestion as the JSON output promises it: money in pesos, dates ISO, margins in %. */
export function suggestionJson(s: PriceSuggestion) {
  return {
    barcode: s.barcode,
    name: s.name,
    cost: centavosToPesos(s.cost),
    costDate: shopDate(s.costDate),
    price: centavosToPesos(s.price),
    replacementCost: centavosToPesos(s.replacement),
    target: centavosToPesos(s.target),
    marginNow: pct(s.marginNowBp),
    marginAfter: pct(s.marginAfterBp),
    belowReplacement: s.belowReplacement,
  };
}

export const PRICING_COMMANDS: Record<string, Command> = {
  'inflation import': {
    async run(c) {
      const file = needArg(c, 'el archivo CSV (month,monthly_change_pct)');
      let csv: string;
      try {
        csv = fs.readFileSync(file, 'utf8');
      } catch {
        throw new CliFailure(`No se puede leer el archivo ${file}`);
      }
      const dryRun = c.options['dry-run'] === true;
      const r = await call(c, 'pricing.cpiImport', { csv, dryRun });
      const last = r.months.at(-1)?.month ?? '—';
      if (c.io.json)
        c.io.data({ imported: r.imported, changed: r.changed, dryRun, lastMonth: last });
      else if (dryRun) {
        c.io.out(
          `${r.imported} meses leídos, ${r.changed} cambiarían. Prueba sin cambios (--dry-run).`,
        );
      } else {
        c.io.out(`${r.imported} meses leídos, ${r.changed} cambiaron. La serie llega a ${last}.`);
      }
      return 0;
    },
  },

  'pricing suggest': {
    async run(c) {
      const page = await call(c, 'pricing.suggest', {
        onlySuggested: c.options.all !== true,
        limit: 200_000,
      });
      if (c.io.json) {
        c.io.data(page.rows.map(suggestionJson));
        return 0;
      }
      if (page.rows.length === 0) {
        c.io.out('No hay precios para actualizar: todos cubren su precio objetivo.');
        return 0;
      }
      c.io.out(
        `${page.total} productos para actualizar (${page.belowReplacement} por debajo del costo de reposición):`,
      );
      c.io.out(
        table([
          [
            'Código',
            'Nombre',
            'Costo',
            'Fecha costo',
            'Precio',
            'Reposición',
            'Objetivo',
            'Margen',
            'Después',
          ],
          ...page.rows.map((s) => [
            s.barcode ?? '',
            s.name,
            formatMoney(s.cost),
            shopDate(s.costDate),
            formatMoney(s.price),
            formatMoney(s.replacement),
            formatMoney(s.target),
            pctText(s.marginNowBp),
            pctText(s.marginAfterBp),
          ]),
        ]),
      );
      return 0;
    },
  },
};
