/**
 * List prices used for estimates, in USD per month unless named otherwise. Representative
 * on-demand prices of a large cloud region, checked on the date below; update both together.
 */
export const PRICE_TABLE = {
  checkedOn: '2026-11-01',
  currency: 'USD',
  serviceInstance: 70, // 2 vCPU, 4 GiB container, always on
  requestsPerInstance: 100, // peak requests/s one instance serves at 60% CPU
  requestsPerCacheCluster: 20_000, // peak requests/s one managed Redis cluster serves
  databaseInstance: 380, // managed PostgreSQL, 2 vCPU 8 GiB, multi-AZ
  storagePerGb: 0.115,
  cacheInstance: 110, // managed Redis, 2 nodes
  queuePerMillionMessages: 0.4,
  gatewayPerMillionRequests: 1.0,
  emailPerThousand: 0.1,
  transferPerGb: 0.09,
  staticHosting: 20, // CDN and object storage for the client
  usersPerStaticHosting: 100_000, // monthly active users one static hosting plan serves
} as const;
