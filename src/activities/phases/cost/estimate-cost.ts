import type { Architecture } from '../architecture/schema';
import { PRICE_TABLE } from './price-table';

export interface LoadAssumptions {
  peakRequestsPerSecond: number;
  averageRequestsPerSecond: number;
  monthlyActiveUsers: number;
  storageGb: number;
  transferGb: number;
}

export interface CostLine {
  item: string;
  basis: string;
  monthlyUsd: number;
}

const SECONDS_PER_MONTH = 2_592_000;

/** Monthly cost of running the architecture at the given load, line by line. */
export function estimateCost(architecture: Architecture, load: LoadAssumptions): CostLine[] {
  const price = PRICE_TABLE;
  const requests = load.averageRequestsPerSecond * SECONDS_PER_MONTH;
  const lines = architecture.components.map((component): CostLine => {
    switch (component.kind) {
      case 'service': {
        const instances = Math.max(2, Math.ceil(load.peakRequestsPerSecond / price.requestsPerInstance));
        return { item: component.name, basis: `${instances} instances x $${price.serviceInstance}`, monthlyUsd: instances * price.serviceInstance };
      }
      case 'store':
        return { item: component.name, basis: `instance $${price.databaseInstance} + ${load.storageGb} GB x $${price.storagePerGb}`, monthlyUsd: price.databaseInstance + load.storageGb * price.storagePerGb };
      case 'cache':
        return { item: component.name, basis: `managed cluster $${price.cacheInstance}`, monthlyUsd: price.cacheInstance };
      case 'queue':
        return { item: component.name, basis: `${(requests / 1e6).toFixed(1)} M messages x $${price.queuePerMillionMessages}`, monthlyUsd: (requests / 1e6) * price.queuePerMillionMessages };
      case 'external': {
        const thousands = (load.monthlyActiveUsers * 4) / 1000;
        return { item: component.name, basis: `${thousands.toFixed(1)} k messages x $${price.emailPerThousand}`, monthlyUsd: thousands * price.emailPerThousand };
      }
      case 'client':
        return { item: component.name, basis: `static hosting $${price.staticHosting}`, monthlyUsd: price.staticHosting };
    }
  });
  lines.push({ item: 'Data transfer', basis: `${load.transferGb} GB x $${price.transferPerGb}`, monthlyUsd: load.transferGb * price.transferPerGb });
  return lines.map((line) => ({ ...line, monthlyUsd: Math.round(line.monthlyUsd * 100) / 100 }));
}

export function scaleLoad(load: LoadAssumptions, factor: number): LoadAssumptions {
  return {
    peakRequestsPerSecond: load.peakRequestsPerSecond * factor,
    averageRequestsPerSecond: load.averageRequestsPerSecond * factor,
    monthlyActiveUsers: load.monthlyActiveUsers * factor,
    storageGb: load.storageGb * factor,
    transferGb: load.transferGb * factor,
  };
}

export function total(lines: CostLine[]): number {
  return Math.round(lines.reduce((sum, line) => sum + line.monthlyUsd, 0) * 100) / 100;
}
