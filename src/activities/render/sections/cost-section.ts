import type { Cost } from '../../phases/cost/schema';
import { bulletList, markdownTable } from '../markdown-table';
import { markdownBlock, markdownInline } from '../markdown-text';

const usd = (value: number) => `$${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

export function costSection(cost: Cost): string {
  const { load, estimate } = cost;
  return [
    markdownBlock(cost.narrative),
    `Load assumptions: ${load.peakRequestsPerSecond} requests/s at peak, ${load.averageRequestsPerSecond} on average, ${load.monthlyActiveUsers.toLocaleString('en-US')} monthly active users, ${load.storageGb} GB stored, ${load.transferGb} GB transferred a month.`,
    ...(estimate
      ? [
          `### Monthly estimate (prices of ${markdownInline(estimate.priceTableDate)})`,
          markdownTable(
            ['Item', 'Basis', 'Monthly'],
            [
              ...estimate.lines.map((line) => [line.item, line.basis, usd(line.monthlyUsd)]),
              ['**Total**', '', `**${usd(estimate.monthlyUsd)}**`],
            ],
          ),
          '### Projections',
          markdownTable(
            ['Load', 'Monthly'],
            estimate.projections.map((projection) => [projection.scale, usd(projection.monthlyUsd)]),
          ),
          '### Return on investment',
          `Build cost ${usd(estimate.roi.buildCostUsd)} (${cost.roiInputs.engineerWeeks} engineer-weeks at ${usd(cost.roiInputs.hourlyRateUsd)}/h); benefit ${usd(estimate.roi.monthlyBenefitUsd)}/month (${cost.roiInputs.hoursSavedPerMonth} hours saved); payback ${estimate.roi.paybackMonths === null ? 'not reached at these inputs' : `${estimate.roi.paybackMonths} months`}.`,
        ]
      : []),
    '### Optimisation opportunities',
    bulletList(
      cost.optimisations.map(
        (optimisation) =>
          `${optimisation.idea} (saves about ${optimisation.savingPercent}%${estimate ? `, ${usd((estimate.monthlyUsd * optimisation.savingPercent) / 100)}/month` : ''})`,
      ),
    ),
  ].join('\n\n');
}
