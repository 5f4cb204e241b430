import type { Architecture } from '../architecture/schema';
import { PRICE_TABLE } from './price-table';
import type { LOAD_MEASURES } from './schema';

export interface LoadAssumptions {
  peakRequestsPerSecond: number;
  averageRequestsPerSecond: number;
  monthlyActiveUsers: number;
  storageGb: number;
  transferGb: number;
}

export interface CostLine {
  item: string;
  /** The architecture component priced; null for what the whole system shares (data transfer). */
  component: string | null;
  quantity: number;
  unit: string;
  /** The load assumption the quantity is computed from. */
  scalesWith: (typeof LOAD_MEASURES)[number];
  basis: string;
  monthlyUsd: number;
}

const LOAD_WORDS: Record<CostLine['scalesWith'], (load: LoadAssumptions) => string> = {
  peakRequestsPerSecond: (load) => `${load.peakRequestsPerSecond} requests/s at peak`,
  averageRequestsPerSecond: (load) => `${load.averageRequestsPerSecond} requests/s on average`,
  monthlyActiveUsers: (load) => `${load.monthlyActiveUsers} monthly active users`,
  storageGb: (load) => `${load.storageGb} GB stored`,
  transferGb: (load) => `${load.transferGb} GB transferred a month`,
};

const SECONDS_PER_MONTH = 2_592_000;

/** Monthly cost of running the architecture at the given load, line by line. */
export function estimateCost(architecture: Architecture, load: LoadAssumptions): CostLine[] {
  const price = PRICE_TABLE;
  const requests = load.averageRequestsPerSecond * SECONDS_PER_MONTH;
  const line = (
    item: string,
    component: string | null,
    quantity: number,
    unit: string,
    scalesWith: CostLine['scalesWith'],
    unitPrice: string,
    monthlyUsd: number,
  ): CostLine => ({
    item,
    component,
    quantity: Math.round(quantity * 100) / 100,
    unit,
    scalesWith,
    basis: `${Math.round(quantity * 100) / 100} ${counted(unit, quantity)} x ${unitPrice}, from ${LOAD_WORDS[scalesWith](load)}`,
    monthlyUsd: Math.round(monthlyUsd * 100) / 100,
  });
  const lines = architecture.components.map((component): CostLine => {
    switch (component.kind) {
      case 'service': {
        const instances = Math.max(2, Math.ceil(load.peakRequestsPerSecond / price.requestsPerInstance));
        return line(
          component.name,
          component.id,
          instances,
          'instance',
          'peakRequestsPerSecond',
          `$${price.serviceInstance}`,
          instances * price.serviceInstance,
        );
      }
      case 'store':
        return line(
          component.name,
          component.id,
          load.storageGb,
          'GB',
          'storageGb',
          `$${price.storagePerGb} + instance $${price.databaseInstance}`,
          price.databaseInstance + load.storageGb * price.storagePerGb,
        );
      case 'cache': {
        const clusters = Math.max(1, Math.ceil(load.peakRequestsPerSecond / price.requestsPerCacheCluster));
        return line(
          component.name,
          component.id,
          clusters,
          'managed cluster',
          'peakRequestsPerSecond',
          `$${price.cacheInstance}`,
          clusters * price.cacheInstance,
        );
      }
      case 'queue':
        return line(
          component.name,
          component.id,
          requests / 1e6,
          'million messages',
          'averageRequestsPerSecond',
          `$${price.queuePerMillionMessages}`,
          (requests / 1e6) * price.queuePerMillionMessages,
        );
      case 'external': {
        const thousands = (load.monthlyActiveUsers * 4) / 1000;
        return line(
          component.name,
          component.id,
          thousands,
          'thousand messages',
          'monthlyActiveUsers',
          `$${price.emailPerThousand}`,
          thousands * price.emailPerThousand,
        );
      }
      case 'client': {
        const plans = Math.max(1, Math.ceil(load.monthlyActiveUsers / price.usersPerStaticHosting));
        return line(
          component.name,
          component.id,
          plans,
          'static hosting plan',
          'monthlyActiveUsers',
          `$${price.staticHosting}`,
          plans * price.staticHosting,
        );
      }
    }
  });
  lines.push(
    line(
      'Data transfer',
      null,
      load.transferGb,
      'GB',
      'transferGb',
      `$${price.transferPerGb}`,
      load.transferGb * price.transferPerGb,
    ),
  );
  return lines;
}

/** "1 instance", "3 instances", "50 GB", "129.6 million messages". */
function counted(unit: string, quantity: number): string {
  return quantity === 1 || /^(GB|million|thousand)\b/.test(unit) ? unit : `${unit}s`;
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
