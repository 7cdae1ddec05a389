/** A product is short when it has a minimum and the stock reached it. */
export function isLow(item: { stock: number; minStock: number }): boolean {
  return item.minStock > 0 && item.stock <= item.minStock;
}

/** How much to order to get back to the maximum (or the minimum when there is no maximum). */
export function toOrder(item: {
  stock: number;
  minStock: number;
  maxStock: number | null;
}): number {
  const target = item.maxStock ?? item.minStock;
  return Math.max(0, target - item.stock);
}
