import type { PhaseContext } from '../phase-definition';
import { estimateCost, scaleLoad, total } from './estimate-cost';
import { PRICE_TABLE } from './price-table';
import type { Cost } from './schema';

/** The estimate, projections and ROI, computed from the architecture and the price table: numbers the model must not invent. */
export function finalizeCost(content: Cost, context: PhaseContext): Cost {
  const architecture = context.earlier.architecture;
  if (!architecture) return content;
  const lines = estimateCost(architecture, content.load);
  const monthlyUsd = total(lines);
  const buildCostUsd = content.roiInputs.engineerWeeks * 40 * content.roiInputs.hourlyRateUsd;
  const monthlyBenefitUsd = content.roiInputs.hoursSavedPerMonth * content.roiInputs.hourlyRateUsd;
  const net = monthlyBenefitUsd - monthlyUsd;
  return {
    ...content,
    estimate: {
      priceTableDate: PRICE_TABLE.checkedOn,
      lines,
      monthlyUsd,
      projections: [1, 10, 100].map((factor) => ({
        scale: `${factor}x`,
        monthlyUsd: total(estimateCost(architecture, scaleLoad(content.load, factor))),
      })),
      roi: {
        buildCostUsd,
        monthlyBenefitUsd,
        paybackMonths: net > 0 ? Math.round((buildCostUsd / net) * 10) / 10 : null,
      },
    },
  };
}
