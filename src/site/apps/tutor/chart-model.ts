/** Geometry of a bar chart (pure, unit-tested): one bar per value, scaled to the largest. */
export interface BarLayout {
  width: number;
  height: number;
  baseline: number;
  bars: { x: number; y: number; width: number; height: number; value: number }[];
}

export function chartBars(values: readonly number[], box: { width: number; height: number; top: number; bottom: number }): BarLayout {
  const baseline = box.height - box.bottom;
  const room = baseline - box.top;
  // At least 1 so an empty cohort draws a flat line rather than dividing by zero.
  const max = Math.max(1, ...values);
  const slot = values.length > 0 ? box.width / values.length : box.width;
  const gap = Math.min(8, slot * 0.25);
  return {
    width: box.width,
    height: box.height,
    baseline,
    bars: values.map((value, index) => {
      const height = (Math.max(0, value) / max) * room;
      return { x: index * slot + gap / 2, y: baseline - height, width: slot - gap, height, value };
    }),
  };
}
