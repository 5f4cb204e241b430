import type { Criterion } from './criterion';

/** The estimate prices every component, line by line, with units and the load each line scales from. */
export const costCriterion: Criterion = {
  name: 'cost estimates',
  phase: 'cost',
  problems: ({ architecture, cost }) => {
    const estimate = cost!.estimate;
    if (!estimate) return ['no computed estimate (the architecture was missing)'];
    const priced = new Set(estimate.lines.map((line) => line.component));
    return [
      ...(estimate.monthlyUsd > 0 && estimate.projections.length === 3
        ? []
        : ['estimate without a monthly total or 1x/10x/100x projections']),
      ...(architecture?.components ?? [])
        .filter((component) => !priced.has(component.id))
        .map((component) => `no cost line for component ${component.id}`),
      ...estimate.lines.flatMap((line) => [
        ...(line.unit?.trim() && line.quantity >= 0 ? [] : [`cost line "${line.item}" has no quantity and unit`]),
        ...(line.scalesWith && line.scalesWith in cost!.load
          ? []
          : [`cost line "${line.item}" names no load it scales from`]),
      ]),
    ];
  },
};
